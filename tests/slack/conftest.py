"""The real Bolt AsyncApp behind uvicorn on 127.0.0.1, talking to the fake Slack Web API."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

from bot.adapters.slack.app import SlackBot
from bot.adapters.slack.web import EVENTS_PATH, slack_web_app
from bot.app import build_responder, fixed_clock
from bot.settings import Settings
from bot.storage.store import Store
from tests.conftest import TODAY
from tests.fakes.asgi import serving
from tests.slack.fake_slack_api import BOT_TOKEN, SIGNING_SECRET, FakeSlackApi, signed_headers


@dataclass
class SlackRun:
    fake: FakeSlackApi
    client: httpx.Client
    bot: SlackBot

    def post(self, body: str, content_type: str, headers: dict[str, str] | None = None) -> httpx.Response:
        sent = {"Content-Type": content_type, **signed_headers(body), **(headers or {})}
        return self.client.post(EVENTS_PATH, content=body.encode(), headers=sent)

    def form(self, body: str, **headers: str) -> httpx.Response:
        return self.post(body, "application/x-www-form-urlencoded", headers)

    def json(self, body: str, **headers: str) -> httpx.Response:
        return self.post(body, "application/json", headers)


@pytest.fixture
def slack(tmp_path: Path) -> Iterator[SlackRun]:
    with slack_run(tmp_path) as run:
        yield run


@contextlib.contextmanager
def slack_run(tmp_path: Path) -> Iterator[SlackRun]:
    with FakeSlackApi() as fake:
        store = Store(f"sqlite:///{tmp_path / 'slack.sqlite3'}")
        settings = Settings.from_env({"BOT_ADMINS": "slack:ULISTED"})
        responder = build_responder(settings, clock=fixed_clock(TODAY), store=store)  # state in the database
        bot = SlackBot(responder)
        app = bot.build(BOT_TOKEN, SIGNING_SECRET, fake.api_url, store)
        with (
            serving(slack_web_app(app, SIGNING_SECRET, store)) as url,
            httpx.Client(base_url=url, timeout=10) as client,
        ):
            yield SlackRun(fake, client, bot)
