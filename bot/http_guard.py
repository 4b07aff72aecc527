"""Bounds on what a client may make the server read: the body's size, and the time it takes to send it
and its headers.

``BodyGuard`` is ASGI middleware around the bot's one HTTP app: a body over the cap gets 413 without being read
past it, one that takes longer than ``read_timeout_s`` to arrive gets 408, and the app behind it only ever sees a
complete body. ``read_limited`` is the same size cap for a route that reads its own body, and ``refuse`` is the
one short log line (never the body) a refused request leaves. ``HeaderDeadline`` is uvicorn's HTTP/1.1
protocol with a deadline for the request head, which ASGI middleware cannot see: a client that has not sent
a whole head within ``HEADER_TIMEOUT_S`` of connecting (or of its previous response) is disconnected, where
uvicorn would wait as long as a byte arrives now and then.
"""

from __future__ import annotations

import asyncio
import logging
from typing import Any

from starlette.requests import ClientDisconnect, Request
from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send
from uvicorn.protocols.http.h11_impl import H11Protocol

log = logging.getLogger(__name__)

MAX_BODY = 1_000_000
READ_TIMEOUT_S = 10.0
HEADER_TIMEOUT_S = 10.0


class TooLarge(Exception):
    """The body is over the cap (or its Content-Length says so, or is not a number)."""


def _client(scope: Scope) -> str:
    client = scope.get("client")
    return str(client[0]) if client else "-"


def refuse(scope: Scope, status: int, reason: str, logger: logging.Logger = log) -> Response:
    """Answer ``status`` and log one line: where, from whom, why. ``reason`` is ours, never the client's text."""
    logger.warning("http: refused %s %s from %s: %s", status, scope.get("path", "?"), _client(scope), reason)
    return Response(status_code=status)


def declared_length(headers: Any) -> int | None:
    """Content-Length as a number; TooLarge when it is over the cap or not a number at all."""
    value = headers.get("content-length")
    if value is None:
        return None
    if not value.isascii() or not value.isdigit():
        raise TooLarge("unreadable Content-Length")
    return int(value)


async def read_limited(request: Request, cap: int = MAX_BODY) -> bytes:
    """The body, reading at most ``cap`` bytes of it; TooLarge beyond."""
    length = declared_length(request.headers)
    if length is not None and length > cap:
        raise TooLarge("Content-Length over the cap")
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > cap:
            raise TooLarge("body over the cap")
    return bytes(body)


class BodyGuard:
    def __init__(self, app: ASGIApp, max_body: int = MAX_BODY, read_timeout_s: float = READ_TIMEOUT_S) -> None:
        self.app = app
        self.max_body = max_body
        self.read_timeout_s = read_timeout_s

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        try:
            async with asyncio.timeout(self.read_timeout_s):
                body = await read_limited(Request(scope, receive), self.max_body)
        except TooLarge as error:
            await refuse(scope, 413, str(error))(scope, receive, send)
            return
        except TimeoutError:
            await refuse(scope, 408, f"body not sent within {self.read_timeout_s:g} s")(scope, receive, send)
            return
        except ClientDisconnect:  # the client went away mid-body: nobody to answer
            return
        await self.app(scope, _replay(body, receive), send)


def _replay(body: bytes, receive: Receive) -> Receive:
    """The whole body as one message, then the client's own messages (a disconnect, eventually)."""
    given = False

    async def replay() -> Message:
        nonlocal given
        if not given:
            given = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()

    return replay


class HeaderDeadline(H11Protocol):
    """``uvicorn.Config(..., http=HeaderDeadline)``."""

    header_timeout_s = HEADER_TIMEOUT_S

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._arm()

    def on_response_complete(self) -> None:
        super().on_response_complete()
        self._arm()

    def _arm(self) -> None:
        waiting_since = self.cycle  # a new request replaces it; the same one means no new head has come

        def expire() -> None:
            if self.cycle is waiting_since and not self.transport.is_closing():
                client = self.client[0] if self.client else "-"
                log.warning("http: closed a connection from %s: no request head within %g s", client,
                            self.header_timeout_s)  # fmt: skip
                self.transport.close()

        self.loop.call_later(self.header_timeout_s, expire)
