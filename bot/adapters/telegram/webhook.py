"""Webhook mode: Telegram's secret header checked in constant time, then each update handled before it is
acknowledged.

Accepted means kept: 200 goes back only once the update has been handled (its reply sent), so an update
Telegram was told is delivered cannot be lost by a crash; one not yet acknowledged is simply sent again by
Telegram, which keeps it until then. Concurrency is bounded (``concurrency`` handled at once, ``backlog``
waiting, and Telegram is asked for as many connections); beyond that the answer is 503 with Retry-After,
which makes Telegram slow down and retry. An update already handled, or being handled, is not handled twice
when Telegram redelivers it.

Bad requests cost little: the secret first (403), the body read only up to 1 MB (413), and any body that is
not an update gets 400 with one short log line, never the body.
"""

from __future__ import annotations

import asyncio
import hmac
import json
import logging
from collections import OrderedDict
from typing import Any

from starlette.applications import Starlette
from starlette.requests import ClientDisconnect, Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route
from telegram import Update
from telegram.ext import Application

from bot.http_guard import TooLarge, read_limited, refuse

log = logging.getLogger(__name__)

SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
WEBHOOK_PATH = "/telegram/webhook"
MAX_BODY = 1_000_000
MAX_CONNECTIONS = 100  # asked of Telegram in setWebhook: with 200 after handling, connections are concurrency
CONCURRENCY = MAX_CONNECTIONS
BACKLOG = 100  # beyond this many waiting (a flood, several senders), 503
RETRY_AFTER_S = 1
REMEMBERED = 10_000  # update ids recently handled, so that a redelivery is acknowledged without a second reply


def parse_update(body: bytes, application: Application) -> Update | None:  # type: ignore[type-arg]
    """The update, or None when the body is not one (any parse error, any shape, any depth)."""
    try:
        data = json.loads(body)
        if not isinstance(data, dict) or type(data.get("update_id")) is not int:
            return None
        return Update.de_json(data, application.bot)
    except Exception:  # not JSON, invalid UTF-8, RecursionError, fields of the wrong type...
        return None


class Intake:
    """Runs updates through the application with bounded concurrency and a bounded backlog."""

    def __init__(
        self,
        application: Application,  # type: ignore[type-arg]
        concurrency: int = CONCURRENCY,
        backlog: int = BACKLOG,
    ) -> None:
        self.application = application
        self.capacity = concurrency + backlog
        self._slots = asyncio.Semaphore(concurrency)
        self._admitted = 0
        self._running: dict[int, asyncio.Future[None]] = {}
        self._done: OrderedDict[int, None] = OrderedDict()

    def full(self) -> bool:
        return self._admitted >= self.capacity

    async def handle(self, update: Update) -> None:
        """Returns once the update has been handled (by this call, or by the one already handling it)."""
        update_id = update.update_id
        if update_id in self._done:
            return
        running = self._running.get(update_id)
        if running is not None:
            await asyncio.shield(running)
            return
        finished: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        self._running[update_id] = finished
        self._admitted += 1
        try:
            async with self._slots:
                await self._process(update)
        finally:
            self._admitted -= 1
            del self._running[update_id]
            self._done[update_id] = None
            while len(self._done) > REMEMBERED:
                self._done.popitem(last=False)
            finished.set_result(None)

    async def _process(self, update: Update) -> None:
        try:
            await self.application.process_update(update)
        except Exception:  # a handler bug: retrying the same update would fail the same way
            log.exception("telegram update %s failed", update.update_id)


def webhook_routes(application: Application, secret: str, intake: Intake | None = None) -> list[Route]:  # type: ignore[type-arg]
    """The webhook route, to mount in the bot's one HTTP app."""
    updates = intake if intake is not None else Intake(application)

    async def telegram_webhook(request: Request) -> Response:
        scope = request.scope
        given = request.headers.get(SECRET_HEADER, "")
        if not hmac.compare_digest(given.encode(), secret.encode()):
            return refuse(scope, 403, "wrong or missing secret token", log)
        try:
            body = await read_limited(request, MAX_BODY)
        except TooLarge as error:
            return refuse(scope, 413, str(error), log)
        except ClientDisconnect:
            return Response(status_code=400)
        update = parse_update(body, application)
        if update is None:
            return refuse(scope, 400, "not a Telegram update", log)
        if updates.full() or not application.running:
            log.warning("telegram: webhook busy, update %s deferred (503)", update.update_id)
            return Response(status_code=503, headers={"Retry-After": str(RETRY_AFTER_S)})
        await updates.handle(update)
        return Response(status_code=200)

    return [Route(WEBHOOK_PATH, telegram_webhook, methods=["POST"])]


def webhook_app(application: Application, secret: str, intake: Intake | None = None) -> Starlette:  # type: ignore[type-arg]
    """The webhook route with /healthz, on its own (tests, and a Telegram-only deployment)."""

    async def healthz(request: Request) -> Response:
        return JSONResponse({"status": "ok", "telegram": application.running})

    routes: list[Any] = [*webhook_routes(application, secret, intake), Route("/healthz", healthz, methods=["GET"])]
    return Starlette(routes=routes)
