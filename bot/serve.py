"""Run every configured adapter on one event loop and one HTTP server, until SIGTERM or SIGINT.

Telegram: long polling, or webhook routes when TELEGRAM_WEBHOOK_URL is set. Slack: Socket Mode when
SLACK_APP_TOKEN is set, otherwise HTTP routes verified with SLACK_SIGNING_SECRET. The HTTP server
(uvicorn, on PORT) starts whenever a route needs it, with /healthz.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
from collections.abc import Iterator
from typing import Any

import uvicorn
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import BaseRoute, Route

from bot.adapters.slack.service import start_slack
from bot.adapters.telegram.service import start_telegram
from bot.announce import announce_data_changes
from bot.core.dispatch import Responder
from bot.core.i18n import t
from bot.core.preferences import ChatPreferences
from bot.core.services import Services
from bot.delivery.limits import SLACK, TELEGRAM, RateLimiter
from bot.delivery.worker import Broadcaster, DeliveryWorker, Report
from bot.domain.dataset import DatasetError, load_dataset
from bot.metrics import Metrics
from bot.settings import ConfigError, Settings

log = logging.getLogger(__name__)


def check(settings: Settings) -> None:
    if settings.slack_bot_token and not (settings.slack_app_token or settings.slack_signing_secret):
        raise ConfigError(
            "SLACK_BOT_TOKEN needs SLACK_APP_TOKEN (Socket Mode) or SLACK_SIGNING_SECRET (HTTP mode at /slack/events)"
        )
    if settings.telegram_webhook_url and not settings.telegram_bot_token:
        raise ConfigError("TELEGRAM_WEBHOOK_URL is set but TELEGRAM_BOT_TOKEN is not")


async def serve(settings: Settings, responder: Responder, services: Services) -> None:
    """``services``: what the responder was built with (its store, chat preferences and clock)."""
    check(settings)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        with contextlib.suppress(NotImplementedError):
            loop.add_signal_handler(sig, stop.set)
    routes: list[BaseRoute] = []
    started: list[Any] = []  # things to stop, in reverse order
    tasks: list[asyncio.Task[None]] = []
    health: dict[str, bool] = {}
    senders: dict[str, Broadcaster] = {}
    worker_task: asyncio.Task[None] | None = None
    limiter = RateLimiter(LIMITS)  # shared: interactive replies take slots ahead of broadcasts
    metrics = Metrics()
    responder.observer = metrics.observe_reply
    with contextlib.suppress(NotImplementedError, AttributeError):
        loop.add_signal_handler(signal.SIGHUP, lambda: reload_data(settings, responder, services, metrics))
    try:
        if settings.telegram_bot_token:
            senders["telegram"] = await start_telegram(settings, responder, routes, started, health, limiter)
        if settings.slack_bot_token:
            senders["slack"] = await start_slack(settings, responder, routes, started, tasks, health)
        store = services.store
        if store is not None:
            announce_data_changes(store, services.dataset, services.clock(), settings.reminder_days)
        if store is not None and senders:
            worker = DeliveryWorker(store, senders, limiter, report=_reporter(senders, services.preferences))
            worker.observer = metrics.observe_delivery
            metrics.watch_outbox(store.pending)
            worker_task = asyncio.create_task(worker.run(stop))
            log.info("delivery: outbox worker started (%s pending)", store.pending())
        server = None
        if routes:
            routes.append(Route("/healthz", _healthz(health), methods=["GET"]))
            routes.append(Route("/metrics", _metrics(metrics), methods=["GET"]))
            config = uvicorn.Config(Starlette(routes=routes), host="0.0.0.0", port=settings.port, log_level="warning")
            server = _Server(config)
            tasks.append(asyncio.create_task(server.serve()))
            log.info("http: listening on port %s", settings.port)
        await stop.wait()
        log.info("stopping")
        if worker_task is not None:  # it stops taking work; let the sends in flight finish
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(asyncio.shield(worker_task), timeout=GRACE_S)
        if server is not None:
            server.should_exit = True
    finally:
        running = [*tasks, *([worker_task] if worker_task else [])]
        for task in running:
            task.cancel()
        await asyncio.gather(*running, return_exceptions=True)
        for stopper in reversed(started):
            with contextlib.suppress(Exception):
                await stopper()


class _Server(uvicorn.Server):
    """uvicorn without its own signal handling: SIGTERM stops every adapter through serve(), not just HTTP."""

    @contextlib.contextmanager
    def capture_signals(self) -> Iterator[None]:
        yield


LIMITS = {"telegram": TELEGRAM, "slack": SLACK}
GRACE_S = 30.0  # how long SIGTERM waits for in-flight announcement sends


def _reporter(senders: dict[str, Broadcaster], preferences: ChatPreferences) -> Report:
    """Tell the admin who announced how delivery went."""

    async def report(platform: str, chat: str, announcement_id: int, counts: dict[str, int], seconds: float) -> None:
        lang = preferences.lang(f"{platform}:{chat}") or "en"
        sent, failed, removed = (counts.get(k, 0) for k in ("sent", "failed", "removed"))
        text = t(lang, "announce.report", id=announcement_id, sent=sent, failed=failed, removed=removed,
                 seconds=round(seconds, 1))  # fmt: skip
        await senders[platform].send(chat, text, lang)

    return report


def reload_data(settings: Settings, responder: Responder, services: Services, metrics: Metrics | None = None) -> bool:
    """SIGHUP: validate data/ first; a broken file keeps the old data and is reported."""
    try:
        dataset = load_dataset(settings.data_dir)
    except DatasetError as error:
        log.error("data reload refused, keeping the data in use: %s", error)
        if metrics:
            metrics.reloads.labels("refused").inc()
        return False
    responder.reload(dataset)
    if services.store is not None:
        announce_data_changes(services.store, dataset, services.clock(), settings.reminder_days)
    log.info("data reloaded: %d programs", len(dataset.programs))
    if metrics:
        metrics.reloads.labels("ok").inc()
    return True


def _metrics(metrics: Metrics) -> Any:
    async def handler(request: Request) -> Response:
        return Response(metrics.render(), media_type=metrics.content_type)

    return handler


def _healthz(health: dict[str, bool]) -> Any:
    async def healthz(request: Request) -> Response:
        return JSONResponse({"status": "ok", **health})

    return healthz
