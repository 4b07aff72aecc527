"""Start Slack inside bot/serve.py: Socket Mode with a watchdog, or HTTP routes on the shared HTTP app."""

from __future__ import annotations

import asyncio
import logging
from typing import Any

from starlette.routing import BaseRoute

from bot.adapters.slack.app import SlackBot
from bot.adapters.slack.broadcast import SlackBroadcaster
from bot.adapters.slack.socket import SocketWatchdog, socket_handler
from bot.adapters.slack.web import slack_routes
from bot.core.dispatch import Responder
from bot.settings import Settings

log = logging.getLogger(__name__)


async def start_slack(
    settings: Settings,
    responder: Responder,
    routes: list[BaseRoute],
    started: list[Any],
    tasks: list[asyncio.Task[None]],
    health: dict[str, bool],
) -> SlackBroadcaster:
    assert settings.slack_bot_token is not None
    socket_mode = settings.slack_app_token is not None
    signing = None if socket_mode else settings.slack_signing_secret
    app = SlackBot(responder).build(settings.slack_bot_token, signing, settings.slack_api_url)
    if settings.slack_app_token:
        handler = socket_handler(app, settings.slack_app_token)
        await handler.connect_async()  # type: ignore[no-untyped-call]
        started.append(handler.close_async)
        tasks.append(asyncio.create_task(SocketWatchdog(handler).run()))
        log.info("slack: socket mode")
    else:
        routes.extend(slack_routes(app))
        log.info("slack: http mode at /slack/events")
    health["slack"] = True
    return SlackBroadcaster(app.client)
