"""Start Telegram inside bot/serve.py: getMe (with retries while the API is unreachable), the command menu,
then long polling or the webhook route on the shared HTTP app."""

from __future__ import annotations

import logging
from typing import Any

from starlette.routing import BaseRoute
from telegram import Update
from telegram.error import InvalidToken, NetworkError, TelegramError, TimedOut

from bot.adapters.telegram.app import TelegramBot
from bot.adapters.telegram.broadcast import TelegramBroadcaster
from bot.adapters.telegram.chats import ChatRegistry
from bot.adapters.telegram.runner import build_application
from bot.adapters.telegram.sending import Sender
from bot.adapters.telegram.webhook import MAX_CONNECTIONS, webhook_routes
from bot.core.dispatch import Responder
from bot.delivery.limits import RateLimiter
from bot.health import Health
from bot.logging_setup import add_secret
from bot.retry import StartupError, backoff, retry_async
from bot.settings import ConfigError, Settings
from bot.storage.replay import deliveries_for

log = logging.getLogger(__name__)

# What TelegramBot.install handles; Telegram sends nothing else (instead of all 25 update types).
ALLOWED_UPDATES = [Update.MESSAGE, Update.CHANNEL_POST, Update.CALLBACK_QUERY]


async def start_telegram(
    settings: Settings,
    responder: Responder,
    routes: list[BaseRoute],
    started: list[Any],
    health: Health,
    limiter: RateLimiter | None = None,
) -> TelegramBroadcaster:
    before_send = (lambda: limiter.take_interactive("telegram")) if limiter else None
    updates = deliveries_for(responder.services.store)  # handled update ids, shared by replicas
    bot = TelegramBot(responder, Sender(ChatRegistry(), before_send=before_send), updates=updates)
    application = build_application(settings, bot)
    delays = backoff(settings.startup_retries)
    try:  # initialize() calls getMe: the token is checked here
        await retry_async("the Telegram Bot API", application.initialize, (NetworkError, TimedOut), delays)
    except (InvalidToken, NetworkError) as error:  # TimedOut is a NetworkError
        await application.bot.shutdown()  # the HTTP sessions initialize() opened before getMe failed
        if isinstance(error, InvalidToken):
            raise ConfigError("TELEGRAM_BOT_TOKEN was refused by Telegram (getMe: unauthorized)") from None
        raise StartupError(f"telegram: the Bot API cannot be reached: {error}") from None
    started.append(application.shutdown)
    me = application.bot
    log.info("telegram: connected as @%s (id %s)", me.username, me.id)
    try:
        await bot.register_commands(application)
    except TelegramError as error:  # the menu is a convenience: answering works without it
        log.warning("telegram: command menu not registered: %s", error)
    await application.start()
    started.append(application.stop)
    drop = settings.telegram_drop_pending_updates
    if settings.telegram_webhook_url:
        secret = settings.secret("telegram_webhook_secret")  # required in webhook mode (settings check it)
        add_secret(secret)
        routes.extend(webhook_routes(application, secret))
        # max_connections: with 200 only after handling, each connection holds one update until it is answered
        await application.bot.set_webhook(url=settings.telegram_webhook_url, secret_token=secret,
                                          allowed_updates=ALLOWED_UPDATES, drop_pending_updates=drop,
                                          max_connections=MAX_CONNECTIONS)  # fmt: skip
        health.add("telegram", lambda: application.running)
        log.info("telegram: webhook at %s", settings.telegram_webhook_url)
    else:
        updater = application.updater
        assert updater is not None
        await updater.start_polling(allowed_updates=ALLOWED_UPDATES, drop_pending_updates=drop)
        started.append(updater.stop)
        health.add("telegram", lambda: application.running and updater.running)
        log.info("telegram: long polling%s", " (pending updates dropped)" if drop else "")
    return TelegramBroadcaster(application.bot)
