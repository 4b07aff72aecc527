"""Build the Telegram Application for our settings (bot/serve.py starts it: polling or webhook)."""

from __future__ import annotations

import logging

from telegram.ext import Application

from bot.adapters.telegram.app import TelegramBot
from bot.adapters.telegram.transport import AiohttpRequest
from bot.settings import Settings

log = logging.getLogger(__name__)


def build_application(settings: Settings, bot: TelegramBot) -> Application:  # type: ignore[type-arg]
    base = settings.telegram_api_base_url.rstrip("/")
    application = (
        Application.builder()
        .token(settings.secret("telegram_bot_token"))
        .base_url(base)
        .base_file_url(base.removesuffix("/bot") + "/file/bot")
        .request(AiohttpRequest())  # a third of httpx's CPU per Bot API call (transport.py)
        .get_updates_request(AiohttpRequest(pool_size=1))
        .concurrent_updates(True)
        .build()
    )  # the command menu is registered by service.start_telegram (post_init runs only under run_polling)
    bot.install(application)
    return application
