"""Webhook mode: a Starlette app that checks Telegram's secret header in constant time and queues updates."""

from __future__ import annotations

import hmac
import json
import logging

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route
from telegram import Update
from telegram.ext import Application

log = logging.getLogger(__name__)

SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
WEBHOOK_PATH = "/telegram/webhook"
MAX_BODY = 1_000_000


def webhook_routes(application: Application, secret: str) -> list[Route]:  # type: ignore[type-arg]
    """The webhook route, to mount in the bot's one HTTP app."""

    async def telegram_webhook(request: Request) -> Response:
        given = request.headers.get(SECRET_HEADER, "")
        if not hmac.compare_digest(given.encode(), secret.encode()):
            return Response(status_code=403)
        body = await request.body()
        if len(body) > MAX_BODY:
            return Response(status_code=413)
        try:
            update = Update.de_json(json.loads(body), application.bot)
        except (ValueError, TypeError, KeyError):
            return Response(status_code=400)
        await application.update_queue.put(update)
        return Response(status_code=200)

    return [Route(WEBHOOK_PATH, telegram_webhook, methods=["POST"])]


def webhook_app(application: Application, secret: str) -> Starlette:  # type: ignore[type-arg]
    """The webhook route with /healthz, on its own (tests, and a Telegram-only deployment)."""

    async def healthz(request: Request) -> Response:
        return JSONResponse({"status": "ok", "telegram": application.running})

    return Starlette(routes=[*webhook_routes(application, secret), Route("/healthz", healthz, methods=["GET"])])
