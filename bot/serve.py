"""Run every configured adapter on one event loop, until SIGTERM or SIGINT.

Telegram: long polling, or webhook routes when TELEGRAM_WEBHOOK_URL is set. Slack: Socket Mode when
SLACK_APP_TOKEN is set, otherwise HTTP routes verified with SLACK_SIGNING_SECRET. The public HTTP server
(HOST:PORT) starts whenever a route needs it, with /healthz. The metrics server (METRICS_HOST:METRICS_PORT,
127.0.0.1:9464 by default) serves /metrics and /healthz in every mode. A daily task announces windows that
closed and reminders; SIGHUP reloads the data.
"""

from __future__ import annotations

import asyncio
import contextlib
import gc
import logging
import signal
import socket
from collections.abc import Iterator, Sequence
from typing import Any

import uvicorn
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import BaseRoute, Route

from bot import pidfile
from bot.adapters.slack.service import start_slack
from bot.adapters.telegram.service import start_telegram
from bot.announce import announce_data_changes
from bot.app import newest_source
from bot.core.dispatch import Responder
from bot.core.i18n import t
from bot.core.preferences import ChatSettings
from bot.core.services import Services
from bot.daily import CHECK_INTERVAL_S, DailyJob
from bot.delivery.limits import SLACK, TELEGRAM, RateLimiter
from bot.delivery.worker import Broadcaster, DeliveryWorker, Report
from bot.domain.dataset import DatasetError, load_dataset
from bot.health import Health
from bot.http_guard import BodyGuard, HeaderDeadline
from bot.metrics import Metrics
from bot.retry import StartupError
from bot.settings import Settings

log = logging.getLogger(__name__)

LIMITS = {"telegram": TELEGRAM, "slack": SLACK}
GRACE_S = 30.0  # how long SIGTERM waits for in-flight announcement sends
HTTP_STOP_S = 5.0  # how long the HTTP servers get to finish the requests in flight


async def serve(
    settings: Settings, responder: Responder, services: Services, daily_interval_s: float = CHECK_INTERVAL_S
) -> None:
    """``services``: what the responder was built with (its store, chat preferences and clock); the data in
    use is ``responder.services.dataset``, which a reload replaces."""
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        with contextlib.suppress(NotImplementedError):
            loop.add_signal_handler(sig, stop.set)
    routes: list[BaseRoute] = []
    started: list[Any] = []  # things to stop, in reverse order
    tasks: list[asyncio.Task[None]] = []
    servers: list[tuple[_Server, asyncio.Task[None]]] = []
    senders: dict[str, Broadcaster] = {}
    worker_task: asyncio.Task[None] | None = None
    limiter = RateLimiter(LIMITS)  # shared: interactive replies take slots ahead of broadcasts
    metrics = Metrics()
    metrics.data_loaded(newest_source(services.dataset))
    responder.observer = metrics.observe_reply
    health = Health()
    health.add("data", lambda: bool(responder.services.dataset.programs))
    store = services.store
    if store is not None:
        health.add("database", lambda: asyncio.to_thread(lambda: store.pending() >= 0))
    with contextlib.suppress(NotImplementedError, AttributeError):
        loop.add_signal_handler(signal.SIGHUP, lambda: reload_data(settings, responder, services, metrics))
    pid_path = None
    try:
        if settings.telegram_bot_token:
            senders["telegram"] = await start_telegram(settings, responder, routes, started, health, limiter)
        if settings.slack_bot_token:
            senders["slack"] = await start_slack(settings, responder, routes, started, tasks, health)
        if store is not None:
            announce_data_changes(store, services.dataset, services.clock(), settings.reminder_days)
            daily = DailyJob(
                lambda day: announce_data_changes(store, responder.services.dataset, day, settings.reminder_days),
                services.clock,
                daily_interval_s,
                on_run=metrics.daily_runs.inc,
            )
            tasks.append(asyncio.create_task(daily.run_forever()))
        if store is not None and senders:
            worker = DeliveryWorker(store, senders, limiter, report=_reporter(senders, services.preferences))
            worker.observer = metrics.observe_delivery
            metrics.watch_outbox(store.pending)
            worker_task = asyncio.create_task(worker.run(stop))
            log.info("delivery: outbox worker started (%s pending)", store.pending())
        healthz = Route("/healthz", _healthz(health), methods=["GET"])
        if routes:
            servers.append(_start([*routes, healthz], settings.host, settings.port, "http"))
        if settings.metrics_port:
            metrics_routes = [Route("/metrics", _metrics(metrics), methods=["GET"]), healthz]
            servers.append(_start(metrics_routes, settings.metrics_host, settings.metrics_port, "metrics"))
        pid_path = pidfile.write(settings.effective_state_dir)
        settle_heap()
        log.info(
            "ready: %s; data: %d programs", " and ".join(settings.platforms), len(responder.services.dataset.programs)
        )
        await stop.wait()
        log.info("stopping")
        if worker_task is not None:  # it stops taking work; let the sends in flight finish
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(asyncio.shield(worker_task), timeout=GRACE_S)
        for server, _ in servers:
            server.should_exit = True
        if servers:  # uvicorn finishes the requests in flight and returns: no CancelledError traceback
            await asyncio.wait([task for _, task in servers], timeout=HTTP_STOP_S)
    finally:
        running = [*tasks, *([worker_task] if worker_task else []), *(task for _, task in servers)]
        for task in running:
            task.cancel()
        await asyncio.gather(*running, return_exceptions=True)
        for stopper in reversed(started):
            with contextlib.suppress(Exception):
                await stopper()
        if pid_path is not None:
            pidfile.remove(pid_path)
        log.info("stopped")


class _Server(uvicorn.Server):
    """uvicorn without its own signal handling: SIGTERM stops every adapter through serve(), not just HTTP."""

    @contextlib.contextmanager
    def capture_signals(self) -> Iterator[None]:
        yield


def _start(routes: Sequence[BaseRoute], host: str, port: int, name: str) -> tuple[_Server, asyncio.Task[None]]:
    """Bind first (a port in use is one clear error, not uvicorn's sys.exit inside a task), then serve."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
    except OSError as error:
        sock.close()
        raise StartupError(f"{name} server cannot listen on {host}:{port}: {error.strerror}") from None
    sock.listen(2048)
    sock.setblocking(False)
    # log_config=None: uvicorn's loggers go through our handler (redaction, JSON), not its own
    app = BodyGuard(Starlette(routes=list(routes)))  # bodies bounded in size and read time
    config = uvicorn.Config(app, log_config=None, access_log=True, server_header=False, http=HeaderDeadline,
                            timeout_keep_alive=5, timeout_graceful_shutdown=int(HTTP_STOP_S))  # fmt: skip
    server = _Server(config)
    task = asyncio.create_task(server.serve(sockets=[sock]))
    log.info("%s: listening on %s:%s", name, host, port)
    return server, task


def settle_heap() -> None:
    """Move what start-up built (the data, the matcher's tables, the gazetteer: about 160,000 objects) out of
    the cyclic garbage collector's sight (``gc.freeze``). They live as long as the process, yet every full
    collection walked them, about 130 ms each: under webhook load the collector took a third of the CPU, a tenth
    once they are frozen. Called again after a data reload, which unfreezes first, so that the replaced data
    can be collected."""
    gc.unfreeze()
    gc.collect()
    gc.freeze()


def _reporter(senders: dict[str, Broadcaster], preferences: ChatSettings) -> Report:
    """Tell the admin who announced how delivery went, in the language their chat chose."""

    async def report(platform: str, chat: str, announcement_id: int, counts: dict[str, int], seconds: float) -> None:
        lang = await preferences.lang(f"{platform}:{chat}") or "en"
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
    settle_heap()
    if services.store is not None:
        announce_data_changes(services.store, dataset, services.clock(), settings.reminder_days)
    log.info("data reloaded: %d programs", len(dataset.programs))
    if metrics:
        metrics.reloads.labels("ok").inc()
        metrics.data_loaded(newest_source(dataset))
    return True


def _metrics(metrics: Metrics) -> Any:
    async def handler(request: Request) -> Response:
        return Response(metrics.render(), media_type=metrics.content_type)

    return handler


def _healthz(health: Health) -> Any:
    async def healthz(request: Request) -> Response:
        parts = await health.report()
        ok = all(parts.values())
        return JSONResponse({"status": "ok" if ok else "down", **parts}, status_code=200 if ok else 503)

    return healthz
