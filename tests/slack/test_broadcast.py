"""Announcements to Slack channels through the worker: 429 waits, a gone channel is unsubscribed."""

from __future__ import annotations

import asyncio
from pathlib import Path

from slack_sdk.web.async_client import AsyncWebClient

from bot.adapters.slack.broadcast import SlackBroadcaster
from bot.delivery.limits import Limits, RateLimiter
from bot.delivery.worker import DeliveryWorker
from bot.storage.store import Store
from tests.slack.fake_slack_api import BOT_TOKEN, FakeSlackApi

FAST = {"slack": Limits(per_second=1000, chat_gap_s=0, group_per_minute=None)}


def test_slack_channels_get_it_once_and_gone_ones_are_dropped(tmp_path: Path) -> None:
    """Three channels: one rate-limited once, one not found; two deliveries, one unsubscribe."""
    store = Store(f"sqlite:///{tmp_path / 's.sqlite3'}")
    for channel in ("C1", "C2", "C3"):
        store.subscribe("slack", channel, "group", "all", "", "t", lang="ko")
    store.announce("admin", "<!channel> 설명회", None, "cli")
    with FakeSlackApi() as fake:
        fake.fail_next("chat.postMessage", _answer(429, "ratelimited", {"Retry-After": "1"}), "C1")
        fake.api_error("chat.postMessage", "channel_not_found", channel="C3")

        async def go() -> None:
            client = AsyncWebClient(token=BOT_TOKEN, base_url=fake.api_url)
            worker = DeliveryWorker(store, {"slack": SlackBroadcaster(client)}, RateLimiter(FAST))
            await worker.run_until_idle(timeout_s=30)

        asyncio.run(go())
        posts = fake.sent("chat.postMessage")
    assert [p.params["channel"] for p in posts].count("C1") == 2  # the 429, then the delivery
    assert [p.params["channel"] for p in posts].count("C2") == 1
    assert all("<!channel>" not in p.params["text"] and "공지" in p.params["text"] for p in posts)
    assert store.report(1) == {"sent": 2, "removed": 1} and not store.subscriptions_of("slack", "C3")


def _answer(status: int, error: str, headers: dict[str, str]):  # type: ignore[no-untyped-def]
    from tests.fakes.recording_server import Answer

    return Answer(status, {"ok": False, "error": error}, headers)
