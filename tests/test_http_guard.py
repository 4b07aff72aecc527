"""The body guard in front of the HTTP app: a slow sender gets 408, an oversized body 413 without being read,
and a normal request reaches the app with its whole body."""

from __future__ import annotations

import logging
import socket
import time
from collections.abc import Iterator

import httpx
import pytest
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response
from starlette.routing import Route

from bot.http_guard import BodyGuard
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
    assert answer.startswith(b"HTTP/1.1 408") and took < 2
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
