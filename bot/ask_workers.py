"""``subsidybot ask`` over a pipe on every core: each stdin line is its own chat, so lines can be answered by
forked copies of the process, each with the data already loaded, while the answers still come out in order and
each as soon as it and all before it are ready.

The parent hands line ``k`` to worker ``k % n`` (a feeder thread reads stdin) and reads the answers back in the
same turn, writing each to stdout and flushing it. Lines and answers cross plain pipes with a length in front
(an answer may span lines), so nothing is pickled. A worker that dies leaves its answer missing: the parent
says so and fails rather than print a shorter output as if it were whole.
"""

from __future__ import annotations

import contextlib
import os
import signal
import struct
import threading
from collections.abc import Callable, Iterable
from typing import BinaryIO

_LENGTH = struct.Struct(">I")


def available() -> bool:
    """Forking is how the workers get the loaded data for free; where there is none, ``ask`` stays serial."""
    return hasattr(os, "fork")


class WorkerLost(RuntimeError):
    """An answering process stopped before it answered every line it was given."""


def _send(stream: BinaryIO, payload: bytes) -> None:
    stream.write(_LENGTH.pack(len(payload)) + payload)


def _receive(stream: BinaryIO) -> bytes | None:
    head = stream.read(_LENGTH.size)
    if len(head) < _LENGTH.size:
        return None
    (size,) = _LENGTH.unpack(head)
    payload = stream.read(size)
    return payload if len(payload) == size else None


def _serve(answer: Callable[[int, str], str], inbox: BinaryIO, outbox: BinaryIO) -> None:
    """A worker's life: answer each (number, line) it is handed until its input closes."""
    while (message := _receive(inbox)) is not None:
        number, text = int.from_bytes(message[:8], "big"), message[8:].decode("utf-8", "replace")
        _send(outbox, answer(number, text).encode("utf-8"))
        outbox.flush()


def _fork(answer: Callable[[int, str], str]) -> tuple[int, BinaryIO, BinaryIO]:
    """One worker: its pid, the pipe the parent writes lines to, the pipe it reads answers from."""
    lines_r, lines_w = os.pipe()
    answers_r, answers_w = os.pipe()
    pid = os.fork()
    if pid == 0:  # the worker: answers until its input closes, then leaves without the parent's exit handlers
        code = 0
        try:
            signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
            os.close(lines_w)
            os.close(answers_r)
            with os.fdopen(lines_r, "rb") as inbox, os.fdopen(answers_w, "wb") as outbox:
                _serve(answer, inbox, outbox)
        except BaseException:  # a closed pipe (the parent left) or anything else: the parent sees the gap
            code = 1
        os._exit(code)
    os.close(lines_r)
    os.close(answers_w)
    return pid, os.fdopen(lines_w, "wb", buffering=0), os.fdopen(answers_r, "rb")


class _Feeder(threading.Thread):
    """Reads the lines and deals them out to the workers in turn; closes their inputs at the end."""

    def __init__(self, lines: Iterable[bytes], inboxes: list[BinaryIO]) -> None:
        super().__init__(name="ask-feeder", daemon=True)
        self._lines, self._inboxes = lines, inboxes
        self.sent = 0
        self.done = threading.Event()

    def run(self) -> None:
        try:
            for number, line in enumerate(self._lines):
                _send(self._inboxes[number % len(self._inboxes)], number.to_bytes(8, "big") + line.rstrip(b"\r\n"))
                self.sent = number + 1
        except OSError:
            pass  # a worker is gone: the reader finds its answer missing
        finally:
            self.done.set()
            for inbox in self._inboxes:
                with contextlib.suppress(OSError):
                    inbox.close()


def answer_lines(answer: Callable[[int, str], str], lines: Iterable[bytes], out: BinaryIO, workers: int) -> None:
    """Answer each of ``lines`` with ``answer(number, text)`` in ``workers`` forked processes, writing the answers
    to ``out`` in the lines' order, each flushed as soon as it is next. Raises :class:`WorkerLost` when a worker
    stopped early; stdout closing (``| head``) stops the workers and raises ``BrokenPipeError``."""
    forked = [_fork(answer) for _ in range(workers)]
    feeder = _Feeder(lines, [inbox for _, inbox, _ in forked])
    feeder.start()
    received = 0
    try:
        while (payload := _receive(forked[received % workers][2])) is not None:
            out.write(payload)
            out.flush()
            received += 1
        if not feeder.done.is_set() or received != feeder.sent:  # a worker's output ends only after its input
            raise WorkerLost(f"an answering process stopped after {received} of {feeder.sent} answers")
    finally:
        for pid, _, outbox in forked:
            outbox.close()  # a worker still writing gets a broken pipe and leaves
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGTERM)
            os.waitpid(pid, 0)
