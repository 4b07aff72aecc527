"""Build the Telegram Application for our settings (bot/serve.py starts it: polling or webhook)."""

from __future__ import annotations

import logging

from telegram.ext import Application

from bot.adapters.telegram.app import TelegramBot
from bot.settings import Settings

log = logging.getLogger(__name__)


def build_application(settings: Settings, bot: TelegramBot) -> Application:  # type: ignore[type-arg]
    base = settings.telegram_api_base_url.rstrip("/")
    application = (
        Application.builder()
        .token(settings.secret("telegram_bot_token"))
        .base_url(base)
        .base_file_url(base.removesuffix("/bot") + "/file/bot")
        .concurrent_updates(True)
        .build()
    )  # the command menu is registered by service.start_telegram (post_init runs only under run_polling)
    bot.install(application)
    return application
