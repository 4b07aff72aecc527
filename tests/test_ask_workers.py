"""``subsidybot ask`` on every core: forked workers answer piped lines, the answers come back in order."""

from __future__ import annotations

import io
import os

import pytest

from bot import ask_workers

pytestmark = pytest.mark.skipif(not ask_workers.available(), reason="no fork on this system")


def _echo(number: int, text: str) -> str:
    return f"{number}:{text.upper()}\n(line two of {number})\n\n"  # an answer of several lines


def test_answers_come_back_in_the_lines_order_from_every_worker() -> None:
    lines = [f"question {n}\n".encode() for n in range(101)]
    out = io.BytesIO()
    ask_workers.answer_lines(_echo, lines, out, workers=3)
    assert out.getvalue().decode() == "".join(_echo(n, f"question {n}") for n in range(101))


def test_text_without_a_final_newline_and_non_utf8_bytes_are_answered() -> None:
    out = io.BytesIO()
    ask_workers.answer_lines(_echo, [b"\xed\x95\x9c\xea\xb8\x80 ok\r\n", b"\xff bad", b"last"], out, workers=2)
    assert out.getvalue().decode().splitlines()[::3] == ["0:한글 OK", "1:\ufffd BAD", "2:LAST"]


def test_no_lines_no_answers() -> None:
    out = io.BytesIO()
    ask_workers.answer_lines(_echo, [], out, workers=2)
    assert out.getvalue() == b""


def _dies_on_seven(number: int, text: str) -> str:
    if number == 7:
        os._exit(3)  # the worker is killed mid-batch (out of memory, say)
    return f"{number}\n"


def test_a_worker_that_dies_is_reported_not_hidden_by_a_shorter_output() -> None:
    out = io.BytesIO()
    with pytest.raises(ask_workers.WorkerLost, match="after 7 of"):
        ask_workers.answer_lines(_dies_on_seven, [b"x\n"] * 20, out, workers=2)
    assert out.getvalue().decode().split() == [str(n) for n in range(7)]  # what was answered before it, in order
