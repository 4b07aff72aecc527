"""Shared fixtures: the real dataset, a pinned clock, and a responder built as the app builds it."""

from __future__ import annotations

import datetime as dt
import socket
from collections.abc import Iterator

import pytest

from bot.app import build_services, fixed_clock
from bot.core.dispatch import Responder
from bot.core.message import IncomingMessage
from bot.core.reply import Reply
from bot.core.services import Services
from bot.domain.dataset import Dataset, load_dataset
from bot.settings import Settings

TODAY = dt.date(2026, 11, 23)
SECRET_ENV = ("TELEGRAM_BOT_TOKEN", "SLACK_BOT_TOKEN", "SLACK_APP_TOKEN", "SLACK_SIGNING_SECRET", "FX_KRW_PER_CNY")


@pytest.fixture(autouse=True)
def _scrubbed_env(monkeypatch: pytest.MonkeyPatch) -> None:
    """No test sees a real token or an operator's FX override."""
    for name in SECRET_ENV:
        monkeypatch.delenv(name, raising=False)


@pytest.fixture(autouse=True)
def _loopback_only(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Any connection to a non-loopback address fails the test."""
    real_connect = socket.socket.connect

    def guarded(self: socket.socket, address: object) -> object:
        host = address[0] if isinstance(address, tuple) else address
        if isinstance(host, str) and host not in ("127.0.0.1", "::1", "localhost"):
            raise AssertionError(f"test tried to reach {host}")
        return real_connect(self, address)  # type: ignore[arg-type]

    monkeypatch.setattr(socket.socket, "connect", guarded)
    yield


@pytest.fixture(scope="session")
def dataset() -> Dataset:
    return load_dataset()


@pytest.fixture(scope="session")
def services() -> Services:
    return build_services(Settings.from_env({}), clock=fixed_clock(TODAY))


@pytest.fixture(scope="session")
def responder(services: Services) -> Responder:
    return Responder(services)


def ask(responder: Responder, text: str, lang: str | None = None) -> Reply:
    return responder.answer_now(IncomingMessage(text=text, lang=lang))
