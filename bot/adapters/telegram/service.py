"""Start Telegram inside bot/serve.py: long polling, or webhook routes on the shared HTTP app."""

from __future__ import annotations

import logging
import secrets
from typing import Any

from starlette.routing import BaseRoute
from telegram import Update

from bot.adapters.telegram.app import TelegramBot
from bot.adapters.telegram.broadcast import TelegramBroadcaster
from bot.adapters.telegram.chats import ChatRegistry
from bot.adapters.telegram.runner import build_application
from bot.adapters.telegram.sending import Sender
from bot.adapters.telegram.webhook import webhook_routes
from bot.core.dispatch import Responder
from bot.delivery.limits import RateLimiter
from bot.settings import Settings

log = logging.getLogger(__name__)


async def start_telegram(
    settings: Settings,
    responder: Responder,
    routes: list[BaseRoute],
    started: list[Any],
    health: dict[str, bool],
    limiter: RateLimiter | None = None,
) -> TelegramBroadcaster:
    before_send = (lambda: limiter.take_interactive("telegram")) if limiter else None
    bot = TelegramBot(responder, Sender(ChatRegistry(), before_send=before_send))
    application = build_application(settings, bot)
    await application.initialize()
    started.append(application.shutdown)
    await bot.register_commands(application)
    await application.start()
    started.append(application.stop)
    if settings.telegram_webhook_url:
        secret = settings.telegram_webhook_secret or secrets.token_urlsafe(32)
        routes.extend(webhook_routes(application, secret))
        await application.bot.set_webhook(
            url=settings.telegram_webhook_url, secret_token=secret, allowed_updates=Update.ALL_TYPES
        )
        log.info("telegram: webhook")
    else:
        assert application.updater is not None
        await application.updater.start_polling(allowed_updates=Update.ALL_TYPES)
        started.append(application.updater.stop)
        log.info("telegram: long polling")
    health["telegram"] = True
    return TelegramBroadcaster(application.bot)
