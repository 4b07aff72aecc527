"""The body guard in front of the HTTP app: a slow sender gets 408, an oversized body 413 without being read,
and a normal request reaches the app with its whole body."""

from __future__ import annotations

import logging
import socket
import threading
import time
from collections.abc import Iterator

import httpx
import pytest
import uvicorn
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response
from starlette.routing import Route

from bot.http_guard import BodyGuard, HeaderDeadline
from tests.fakes.asgi import serving


async def echo(request: Request) -> Response:
    return PlainTextResponse(f"{len(await request.body())} bytes")


@pytest.fixture(scope="module")
def url() -> Iterator[str]:
    app = Starlette(routes=[Route("/echo", echo, methods=["GET", "POST"])])
    with serving(BodyGuard(app, max_body=1000, read_timeout_s=0.5)) as address:
        yield address


def _raw(url: str, head: bytes, body_parts: list[bytes], pause_s: float) -> tuple[bytes, float]:
    host, port = url.removeprefix("http://").split(":")
    started = time.monotonic()
    with socket.create_connection((host, int(port)), timeout=10) as sock:
        sock.sendall(head)
        for part in body_parts:
            sock.sendall(part)
            time.sleep(pause_s)
        answer = sock.recv(4096)
    return answer, time.monotonic() - started


def test_a_whole_body_reaches_the_app(url: str) -> None:
    assert httpx.post(url + "/echo", content=b"x" * 1000).text == "1000 bytes"
    assert httpx.get(url + "/echo").text == "0 bytes"


def test_a_slow_body_is_cut_off_with_408(url: str, caplog: pytest.LogCaptureFixture) -> None:
    """Content-Length 100, then a byte every 0.2 s: 408 after the 0.5 s limit, not whenever the client likes."""
    caplog.set_level(logging.INFO)
    head = b"POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n"
    answer, took = _raw(url, head, [b"a"] * 4, pause_s=0.2)
    assert (
        answer.startswith(b"HTTP/1.1 408") and took < 4
    )  # the sender alone would take 0.8 s more; without a limit, forever
    assert [r.getMessage() for r in caplog.records] == [
        "http: refused 408 /echo from 127.0.0.1: body not sent within 0.5 s"
    ]
    assert httpx.post(url + "/echo", content=b"ok").text == "2 bytes"  # and the server goes on


def test_over_the_cap_is_413_declared_or_streamed(url: str) -> None:
    assert httpx.post(url + "/echo", content=b"x" * 1001).status_code == 413
    streamed = httpx.post(url + "/echo", content=iter([b"x" * 600, b"x" * 600]))
    assert streamed.status_code == 413
    head = b"POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 12abc\r\n\r\n"
    answer, _ = _raw(url, head, [], pause_s=0)
    assert answer.split(b" ")[1] in (b"400", b"413")  # uvicorn may refuse the header itself


class QuickDeadline(HeaderDeadline):
    header_timeout_s = 0.5


@pytest.fixture(scope="module")
def deadline_url() -> Iterator[str]:
    app = Starlette(routes=[Route("/echo", echo, methods=["GET", "POST"])])
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=0, log_level="warning", lifespan="off",
                                           http=QuickDeadline))  # fmt: skip
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.01)
    try:
        yield f"http://127.0.0.1:{server.servers[0].sockets[0].getsockname()[1]}"
    finally:
        server.should_exit = True
        thread.join(timeout=5)


def _closed_after(sock: socket.socket, trickle: bytes, pause_s: float, limit_s: float = 8.0) -> float:
    """Send ``trickle`` a byte at a time until the server hangs up; the seconds that took."""
    started = time.monotonic()
    sock.settimeout(pause_s)
    for byte in trickle:
        try:
            sock.sendall(bytes([byte]))
            if sock.recv(4096) == b"":
                return time.monotonic() - started
        except TimeoutError:
            continue
        except OSError:
            return time.monotonic() - started
        if time.monotonic() - started > limit_s:
            break
    return float("inf")


def test_a_request_head_sent_a_byte_at_a_time_is_cut_off(deadline_url: str, caplog: pytest.LogCaptureFixture) -> None:
    """uvicorn alone waits as long as bytes trickle in; with the deadline the connection closes after 0.5 s."""
    caplog.set_level(logging.INFO)
    host, port = deadline_url.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port))) as sock:
        took = _closed_after(sock, b"POST /echo HTTP/1.1\r\nHost: x\r\nX-Slow: " + b"a" * 100, pause_s=0.1)
    assert 0.4 < took < 4  # generous for a busy machine; without the deadline, never
    assert any("no request head within 0.5 s" in r.getMessage() for r in caplog.records)


def test_a_kept_alive_connection_gets_the_same_deadline_for_its_next_head(deadline_url: str) -> None:
    host, port = deadline_url.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port))) as sock:
        sock.sendall(b"GET /echo HTTP/1.1\r\nHost: x\r\n\r\n")
        assert sock.recv(4096).startswith(b"HTTP/1.1 200")
        took = _closed_after(sock, b"GET /echo HTTP/1.1\r\nHost: x\r\nX-Slow: " + b"a" * 100, pause_s=0.1)
    assert took < 4


def test_a_prompt_client_is_not_disturbed(deadline_url: str) -> None:
    with httpx.Client(base_url=deadline_url) as client:
        for _ in range(3):
            assert client.post("/echo", content=b"abc").text == "3 bytes"
            time.sleep(0.3)  # idle between requests, under the deadline
