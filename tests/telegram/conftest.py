"""Run the real python-telegram-bot Application against the fake Bot API, in a background event loop."""

from __future__ import annotations

import asyncio
import contextlib
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from telegram.ext import Application

from bot.adapters.telegram.app import TelegramBot
from bot.adapters.telegram.chats import ChatRegistry
from bot.adapters.telegram.runner import build_application
from bot.adapters.telegram.sending import Sender
from bot.app import build_responder, fixed_clock
from bot.settings import Settings
from bot.storage.replay import deliveries_for
from bot.storage.store import Store
from tests.conftest import TODAY
from tests.telegram.fake_bot_api import FakeBotApi

TOKEN = "123456789:TEST-fake-token-for-tests-only-abcdefghij"
ADMIN = 4242  # the bot admin's Telegram user id in BOT_ADMINS


@dataclass
class Running:
    fake: FakeBotApi
    application: Application  # type: ignore[type-arg]
    bot: TelegramBot
    sleeps: list[float]
    store: Store

    def push(self, update: dict[str, Any]) -> None:
        self.fake.push(update)


def _settings(fake: FakeBotApi) -> Settings:
    env = {"TELEGRAM_BOT_TOKEN": TOKEN, "TELEGRAM_API_BASE_URL": f"{fake.url}/bot", "BOT_ADMINS": f"telegram:{ADMIN}"}
    return Settings.from_env(env)


@pytest.fixture
def telegram(tmp_path: Path) -> Iterator[Running]:
    with FakeBotApi() as fake, running_bot(fake, tmp_path / "bot.sqlite3") as run:
        yield run


@contextlib.contextmanager
def running_bot(fake: FakeBotApi, database: Path) -> Iterator[Running]:
    """The bot as the wiring builds it (its state in the SQLite file ``database``), polling ``fake``. Two in a row
    on one file are a restart, or a second replica."""
    sleeps: list[float] = []

    async def quick_sleep(seconds: float) -> None:
        sleeps.append(seconds)
        await asyncio.sleep(0.01)

    settings = _settings(fake)
    store = Store(f"sqlite:///{database}")
    responder = build_responder(settings, clock=fixed_clock(TODAY), store=store)
    bot = TelegramBot(responder, Sender(ChatRegistry(), sleep=quick_sleep), updates=deliveries_for(store))
    application = build_application(settings, bot)
    loop = asyncio.new_event_loop()
    thread = threading.Thread(target=loop.run_forever, daemon=True)
    thread.start()

    def call(coro: Any) -> Any:
        return asyncio.run_coroutine_threadsafe(coro, loop).result(timeout=20)

    call(application.initialize())
    call(bot.register_commands(application))
    call(application.start())
    call(application.updater.start_polling(poll_interval=0.0, timeout=1))  # type: ignore[union-attr]
    try:
        yield Running(fake, application, bot, sleeps, store)
    finally:
        call(application.updater.stop())  # type: ignore[union-attr]
        call(application.stop())
        call(application.shutdown())
        loop.call_soon_threadsafe(loop.stop)
        thread.join(timeout=5)
        store.engine.dispose()
