"""Start the Telegram bot: long polling by default, webhook when TELEGRAM_WEBHOOK_URL is set."""

from __future__ import annotations

import asyncio
import logging
import secrets

import uvicorn
from telegram import Update
from telegram.ext import Application

from bot.adapters.telegram.app import TelegramBot
from bot.adapters.telegram.webhook import webhook_app
from bot.core.dispatch import Responder
from bot.settings import Settings

log = logging.getLogger(__name__)


def build_application(settings: Settings, bot: TelegramBot) -> Application:  # type: ignore[type-arg]
    assert settings.telegram_bot_token is not None
    base = settings.telegram_api_base_url.rstrip("/")
    application = (
        Application.builder()
        .token(settings.telegram_bot_token)
        .base_url(base)
        .base_file_url(base.removesuffix("/bot") + "/file/bot")
        .concurrent_updates(True)
        .post_init(bot.register_commands)
        .build()
    )
    bot.install(application)
    return application


def run_telegram(settings: Settings, responder: Responder) -> None:
    bot = TelegramBot(responder)
    application = build_application(settings, bot)
    if settings.telegram_webhook_url:
        asyncio.run(_serve_webhook(settings, application))
    else:
        log.info("telegram: long polling")
        application.run_polling(allowed_updates=Update.ALL_TYPES, drop_pending_updates=False)


async def _serve_webhook(settings: Settings, application: Application) -> None:  # type: ignore[type-arg]
    secret = settings.telegram_webhook_secret or secrets.token_urlsafe(32)
    server = uvicorn.Server(
        uvicorn.Config(webhook_app(application, secret), host="0.0.0.0", port=settings.port, log_level="warning")
    )
    async with application:
        await application.start()
        await application.bot.set_webhook(
            url=settings.telegram_webhook_url or "", secret_token=secret, allowed_updates=Update.ALL_TYPES
        )
        log.info("telegram: webhook on port %s", settings.port)
        try:
            await server.serve()  # returns on SIGTERM/SIGINT
        finally:
            await application.stop()
