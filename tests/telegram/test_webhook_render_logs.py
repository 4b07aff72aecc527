"""Webhook secret checks, message splitting, and the bot token kept out of every log line."""

from __future__ import annotations

import io
import logging

import httpx
from telegram.ext import Application

from bot.adapters.telegram.render import MAX_MESSAGE, render, split_messages
from bot.adapters.telegram.webhook import SECRET_HEADER, WEBHOOK_PATH, webhook_app
from bot.core.reply import Reply, Section
from bot.logging_setup import RedactingFilter
from tests.fakes.asgi import serving
from tests.telegram.conftest import TOKEN, Running
from tests.telegram.fake_bot_api import FakeBotApi, message

SECRET = "s3cret-Header_value"


def _app(fake: FakeBotApi) -> Application:  # type: ignore[type-arg]
    return Application.builder().token(TOKEN).base_url(f"{fake.url}/bot").build()


def test_webhook_accepts_only_the_right_secret() -> None:
    """Right secret: 200 and the update is queued; wrong or missing: 403 and nothing queued."""
    with FakeBotApi() as fake:
        application = _app(fake)
        update = {"update_id": 1, **message("/help")}
        with serving(webhook_app(application, SECRET)) as url, httpx.Client(base_url=url) as client:
            assert client.post(WEBHOOK_PATH, json=update, headers={SECRET_HEADER: "wrong"}).status_code == 403
            assert client.post(WEBHOOK_PATH, json=update).status_code == 403
            assert application.update_queue.qsize() == 0
            assert client.post(WEBHOOK_PATH, json=update, headers={SECRET_HEADER: SECRET}).status_code == 200
            assert application.update_queue.qsize() == 1


def test_webhook_rejects_garbage_and_has_a_health_check() -> None:
    """A body that is not an update is a 400; /healthz answers."""
    with FakeBotApi() as fake, serving(webhook_app(_app(fake), SECRET)) as url, httpx.Client(base_url=url) as client:
        bad = client.post(WEBHOOK_PATH, content=b"{not json", headers={SECRET_HEADER: SECRET})
        assert bad.status_code == 400
        health = client.get("/healthz")
        assert health.status_code == 200 and health.json()["status"] == "ok"


def test_long_replies_are_split_on_paragraph_boundaries() -> None:
    """A reply longer than one message is cut between sections, each part within 4,096 characters."""
    sections = tuple(Section(f"Section {i}", tuple(f"line {i}.{j} " + "가" * 80 for j in range(8))) for i in range(12))
    parts = render(Reply(intent="help", lang="ko", sections=sections))
    assert len(parts) > 1 and all(len(p) <= MAX_MESSAGE for p in parts)
    assert all(p.startswith("<b>Section") for p in parts)
    joined = "\n\n".join(parts)
    assert all(f"line {i}.7" in joined for i in range(12))


def test_one_huge_line_is_cut_without_breaking_an_entity() -> None:
    """A single line over the limit is cut at a space, never inside &amp;."""
    parts = split_messages(["a &amp; b " * 1000])
    assert all(len(p) <= MAX_MESSAGE for p in parts)
    assert all(not p.rstrip().endswith("&") and "&am " not in p for p in parts)


def test_token_never_appears_in_logs_at_debug(telegram: Running) -> None:
    """With every logger at DEBUG, a conversation and a failed send leave no token in the output."""
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.addFilter(RedactingFilter((TOKEN,)))
    root = logging.getLogger()
    old_level = root.level
    root.addHandler(handler)
    root.setLevel(logging.DEBUG)
    for name in ("httpx", "httpcore", "telegram"):
        logging.getLogger(name).setLevel(logging.DEBUG)  # worst case: even the noisy libraries
    try:
        telegram.fake.fail("sendMessage", 502, "Bad Gateway", chat_id=21)
        telegram.push(message("/subsidy wuhan 2000000", chat_id=21))
        telegram.fake.wait_for("sendMessage", 2)
        telegram.fake.fail("sendMessage", 400, "Bad Request: chat not found", chat_id=22)
        telegram.push(message("/help", chat_id=22))
        telegram.fake.wait_for("sendMessage", 3)
    finally:
        root.removeHandler(handler)
        root.setLevel(old_level)
        for name in ("httpx", "httpcore"):
            logging.getLogger(name).setLevel(logging.WARNING)
    output = stream.getvalue()
    assert output, "expected debug output"
    assert TOKEN not in output and TOKEN.split(":")[1] not in output
