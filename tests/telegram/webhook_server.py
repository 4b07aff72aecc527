"""The real python-telegram-bot Application in webhook mode behind uvicorn on 127.0.0.1 (one event loop for
both, as in production), answering through the fake Bot API."""

from __future__ import annotations

import asyncio
import contextlib
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import uvicorn
from telegram.ext import Application

from bot.adapters.telegram.app import TelegramBot
from bot.adapters.telegram.chats import ChatRegistry
from bot.adapters.telegram.runner import build_application
from bot.adapters.telegram.sending import Sender
from bot.adapters.telegram.webhook import Intake, webhook_app
from bot.app import build_services, fixed_clock
from bot.core.dispatch import Responder
from bot.http_guard import BodyGuard
from bot.settings import Settings
from bot.storage.store import Store
from tests.conftest import TODAY
from tests.telegram.conftest import TOKEN
from tests.telegram.fake_bot_api import FakeBotApi

SECRET = "s3cret-Header_value"


@dataclass
class WebhookRun:
    fake: FakeBotApi
    url: str
    application: Application  # type: ignore[type-arg]


@contextlib.contextmanager
def webhook_bot(tmp_path: Path, concurrency: int = 64, backlog: int = 256) -> Iterator[WebhookRun]:
    with FakeBotApi() as fake:
        env = {"TELEGRAM_BOT_TOKEN": TOKEN, "TELEGRAM_API_BASE_URL": f"{fake.url}/bot"}
        settings = Settings.from_env(env)
        store = Store(f"sqlite:///{tmp_path / 'webhook.sqlite3'}")
        responder = Responder(build_services(settings, clock=fixed_clock(TODAY), store=store))
        application = build_application(settings, TelegramBot(responder, Sender(ChatRegistry())))
        intake = Intake(application, concurrency=concurrency, backlog=backlog)
        app = BodyGuard(webhook_app(application, SECRET, intake))
        server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=0, log_level="warning", lifespan="off"))

        async def main() -> None:
            await application.initialize()
            await application.start()
            try:
                await server.serve()
            finally:
                await application.stop()
                await application.shutdown()

        thread = threading.Thread(target=asyncio.run, args=(main(),), daemon=True)
        thread.start()
        deadline = time.monotonic() + 20
        while not server.started and time.monotonic() < deadline:
            time.sleep(0.01)
        port = server.servers[0].sockets[0].getsockname()[1]
        try:
            yield WebhookRun(fake, f"http://127.0.0.1:{port}", application)
        finally:
            server.should_exit = True
            thread.join(timeout=10)
