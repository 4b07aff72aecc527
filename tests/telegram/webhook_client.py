"""Telegram's side of a webhook, for load and crash tests: posts updates over a bounded number of connections
(setWebhook's max_connections, 40 by default) and, as Telegram does, sends an update again until it gets 200."""

from __future__ import annotations

import asyncio
import contextlib
import json
import time
import urllib.parse
from dataclasses import dataclass

from tests.telegram.fake_bot_api import message

SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"


@dataclass
class Delivery:
    update_id: int
    chat_id: int
    body: bytes
    due: float = 0.0  # when Telegram had it to send (monotonic)
    accepted_at: float | None = None  # when we answered 200
    attempts: int = 0


def deliveries(questions: list[str], first_chat: int, first_update: int = 1) -> list[Delivery]:
    """One update per private chat, so that each reply is matched to its update by chat id."""
    out = []
    for i, text in enumerate(questions):
        chat_id, update_id = first_chat + i, first_update + i
        body = json.dumps({"update_id": update_id, **message(text, chat_id=chat_id)}).encode()
        out.append(Delivery(update_id, chat_id, body))
    return out


class _Connection:
    """One keep-alive HTTP/1.1 connection, reopened after any error. (httpx's async pool costs more CPU per
    request than the bots being measured, so the load generator would be what the benchmark measures.)"""

    def __init__(self, host: str, port: int) -> None:
        self.host, self.port = host, port
        self.streams: tuple[asyncio.StreamReader, asyncio.StreamWriter] | None = None

    async def post(self, request: bytes) -> int | None:
        """The status code, or None when the connection failed (refused, reset, closed mid-answer)."""
        try:
            if self.streams is None:
                self.streams = await asyncio.open_connection(self.host, self.port)
            reader, writer = self.streams
            writer.write(request)
            head = await reader.readuntil(b"\r\n\r\n")
            lines = head.decode("latin-1").split("\r\n")
            status = int(lines[0].split(" ")[1])
            fields = dict(line.lower().split(": ", 1) for line in lines[1:] if ": " in line)
            await reader.readexactly(int(fields.get("content-length", "0")))
            if fields.get("connection") == "close":
                self.close()
            return status
        except (OSError, asyncio.IncompleteReadError, asyncio.LimitOverrunError, ValueError, IndexError):
            self.close()
            return None

    def close(self) -> None:
        if self.streams is not None:
            self.streams[1].close()
            self.streams = None


async def deliver(
    url: str,
    secret: str,
    items: list[Delivery],
    rate_per_s: float | None = None,
    connections: int = 40,
    retry_s: float = 1.0,
    give_up_s: float = 120.0,
) -> None:
    """Send every item (all at once, or ``rate_per_s`` a second from now), each until it gets 200."""
    parts = urllib.parse.urlsplit(url)
    host, port, path = parts.hostname or "127.0.0.1", parts.port or 80, parts.path
    loop = asyncio.get_running_loop()
    queue: asyncio.Queue[Delivery] = asyncio.Queue()
    done = asyncio.Event()
    waiting = len(items)
    started = time.monotonic()

    def request(item: Delivery) -> bytes:
        head = (f"POST {path} HTTP/1.1\r\nHost: {host}\r\nContent-Type: application/json\r\n"
                f"{SECRET_HEADER}: {secret}\r\nContent-Length: {len(item.body)}\r\n\r\n")  # fmt: skip
        return head.encode() + item.body

    async def schedule() -> None:
        for n, item in enumerate(items):
            item.due = started + n / rate_per_s if rate_per_s else started
            await asyncio.sleep(max(0.0, item.due - time.monotonic()))
            queue.put_nowait(item)

    async def worker() -> None:
        nonlocal waiting
        connection = _Connection(host, port)
        try:
            while True:
                item = await queue.get()
                item.attempts += 1
                if await connection.post(request(item)) == 200:
                    item.accepted_at = time.monotonic()
                    waiting -= 1
                    if waiting == 0:
                        done.set()
                else:  # 503, 5xx or no connection: Telegram sends it again a little later
                    loop.call_later(retry_s, queue.put_nowait, item)
        finally:
            connection.close()

    tasks = [asyncio.create_task(schedule()), *(asyncio.create_task(worker()) for _ in range(connections))]
    with contextlib.suppress(TimeoutError):
        await asyncio.wait_for(done.wait(), timeout=give_up_s)
    for task in tasks:
        task.cancel()
    await asyncio.gather(*tasks, return_exceptions=True)
