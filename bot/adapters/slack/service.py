"""Start Slack inside bot/serve.py: auth.test (with retries while the API is unreachable), then Socket Mode
with a watchdog, or HTTP routes on the shared HTTP app."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
from collections.abc import Iterator
from typing import Any

import aiohttp
from slack_bolt.async_app import AsyncApp
from slack_sdk.errors import SlackApiError
from starlette.routing import BaseRoute

from bot.adapters.slack.app import SlackBot
from bot.adapters.slack.broadcast import SlackBroadcaster
from bot.adapters.slack.socket import SocketWatchdog, socket_handler
from bot.adapters.slack.web import slack_routes
from bot.core.dispatch import Responder
from bot.health import Health
from bot.retry import StartupError, backoff, retry_async
from bot.settings import ConfigError, Settings
from bot.storage.replay import Deliveries, deliveries_for

log = logging.getLogger(__name__)

REFUSED = frozenset({"invalid_auth", "not_authed", "account_inactive", "token_revoked", "token_expired"})
TRANSIENT = (aiohttp.ClientError, TimeoutError, OSError)


@contextlib.contextmanager
def _without_env(name: str) -> Iterator[None]:
    """Bolt reads SLACK_BOT_TOKEN by itself and warns that it is unused beside our client: hide it meanwhile."""
    saved = os.environ.pop(name, None)
    try:
        yield
    finally:
        if saved is not None:
            os.environ[name] = saved


def build_app(settings: Settings, responder: Responder, deliveries: Deliveries | None = None) -> AsyncApp:
    signing = None if settings.slack_app_token else settings.secret("slack_signing_secret")
    with _without_env("SLACK_BOT_TOKEN"):
        return SlackBot(responder).build(
            settings.secret("slack_bot_token"), signing, settings.slack_api_url, deliveries
        )


async def _checked(what: str, variable: str, step: Any, retries: int) -> Any:
    try:
        return await retry_async(f"slack {what}", step, TRANSIENT, backoff(retries))
    except TRANSIENT as error:
        raise StartupError(f"slack: the Web API cannot be reached ({what}): {type(error).__name__}") from None
    except SlackApiError as error:
        code = str(error.response.get("error", ""))
        if code in REFUSED:
            raise ConfigError(f"{variable} was refused by Slack ({what}: {code})") from None
        raise


async def start_slack(
    settings: Settings,
    responder: Responder,
    routes: list[BaseRoute],
    started: list[Any],
    tasks: list[asyncio.Task[None]],
    health: Health,
) -> SlackBroadcaster:
    deliveries = deliveries_for(responder.services.store)  # replay protection, shared by replicas
    app = build_app(settings, responder, deliveries)
    retries = settings.startup_retries
    auth = await _checked("auth.test", "SLACK_BOT_TOKEN", app.client.auth_test, retries)
    log.info("slack: connected as @%s in workspace %s (%s)", auth.get("user"), auth.get("team"), auth.get("team_id"))
    if settings.slack_app_token:
        handler = socket_handler(app, settings.secret("slack_app_token"))
        await _checked("apps.connections.open", "SLACK_APP_TOKEN", handler.connect_async, retries)
        started.append(handler.close_async)
        tasks.append(asyncio.create_task(SocketWatchdog(handler).run()))
        health.add("slack", handler.client.is_connected)
        log.info("slack: socket mode")
    else:
        team = auth.get("team_id")  # a signed request from another workspace is refused
        signing = settings.secret("slack_signing_secret")
        routes.extend(slack_routes(app, signing, deliveries, teams=[str(team)] if team else None))
        health.add("slack", lambda: True)
        log.info("slack: http mode at /slack/events")
    return SlackBroadcaster(app.client)
