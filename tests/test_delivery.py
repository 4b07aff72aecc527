"""Announcements reach every subscribed chat exactly once, through failures, migrations and crashes."""

from __future__ import annotations

import asyncio
from collections import Counter
from pathlib import Path

from telegram import Bot

from bot.adapters.telegram.broadcast import TelegramBroadcaster
from bot.delivery.limits import TELEGRAM, Limits, RateLimiter
from bot.delivery.worker import DeliveryWorker
from bot.storage.store import Store
from tests.delivery_child import FAST
from tests.telegram.conftest import TOKEN
from tests.telegram.fake_bot_api import FakeBotApi


def _store(tmp_path: Path, **kwargs: object) -> Store:
    return Store(f"sqlite:///{tmp_path / 'outbox.sqlite3'}", **kwargs)  # type: ignore[arg-type]


async def _deliver(store: Store, fake: FakeBotApi, limits: dict[str, Limits] = FAST) -> DeliveryWorker:
    async with Bot(TOKEN, base_url=f"{fake.url}/bot") as bot:
        worker = DeliveryWorker(store, {"telegram": TelegramBroadcaster(bot)}, RateLimiter(limits))
        await worker.run_until_idle(timeout_s=60)
    return worker


def _sends_per_chat(fake: FakeBotApi) -> Counter[int]:
    return Counter(int(c.params["chat_id"]) for c in fake.sent())


def test_two_hundred_groups_with_kicks_5xx_and_429_get_it_exactly_once(tmp_path: Path) -> None:
    """200 groups, 3 kicked the bot, 3% 5xx and 2% 429: every live group gets one delivered message."""
    store = _store(tmp_path)
    groups = [-1_000_000 - i for i in range(200)]
    for chat in groups:
        store.subscribe("telegram", str(chat), "group", "all", "", "test")
    kicked, errors, limited = groups[:3], groups[3:9], groups[9:13]
    with FakeBotApi() as fake:
        for chat in kicked:
            fake.fail("sendMessage", 403, "Forbidden: bot was kicked from the supergroup chat", chat_id=chat)
        for chat in errors:
            fake.fail("sendMessage", 502, "Bad Gateway", chat_id=chat)
        for chat in limited:
            fake.fail("sendMessage", 429, "Too Many Requests: retry after 1", chat_id=chat, retry_after=1)
        announcement, recipients = store.announce("admin", "내일 설명회", None, "cli")
        assert recipients == 200
        worker = asyncio.run(_deliver(store, fake))
        sends = _sends_per_chat(fake)
    delivered = {chat for chat in groups if chat not in kicked}
    for chat in delivered:
        failures = 1 if chat in errors or chat in limited else 0
        assert sends[chat] == 1 + failures, (chat, sends[chat])
    assert all(sends[chat] == 1 for chat in kicked)
    report = store.report(announcement)
    assert report["sent"] == 197 and report["removed"] == 3 and not report.get("pending")
    assert all(not store.subscriptions_of("telegram", str(chat)) for chat in kicked)
    assert worker.counts.sent == 197


def test_migrated_group_receives_it_at_its_new_id(tmp_path: Path) -> None:
    """A group upgraded to a supergroup gets the announcement at migrate_to_chat_id, and stays subscribed."""
    store = _store(tmp_path)
    store.subscribe("telegram", "-700", "group", "all", "", "test")
    with FakeBotApi() as fake:
        fake.fail("sendMessage", 400, "Bad Request: group chat was upgraded to a supergroup chat", chat_id=-700,
                  migrate_to_chat_id=-1000000000700)  # fmt: skip
        store.announce("admin", "hello", None, "cli")
        asyncio.run(_deliver(store, fake))
        chats = [c.params["chat_id"] for c in fake.sent()]
    assert chats == [-700, -1000000000700]
    assert store.subscriptions_of("telegram", "-1000000000700") and not store.subscriptions_of("telegram", "-700")


def test_city_announcement_reaches_only_matching_subscribers(tmp_path: Path) -> None:
    """A Wuhan announcement goes to Wuhan and 'all' subscribers, not to Beijing's."""
    store = _store(tmp_path)
    store.subscribe("telegram", "1", "private", "all", "", "t")
    store.subscribe("telegram", "2", "private", "city", "wuhan", "t")
    store.subscribe("telegram", "3", "private", "city", "beijing", "t")
    _, recipients = store.announce("data_change", "우한 변경", "wuhan", "cli")
    assert recipients == 2
    with FakeBotApi() as fake:
        asyncio.run(_deliver(store, fake))
        assert sorted(_sends_per_chat(fake)) == [1, 2]


def test_the_same_data_change_is_announced_once(tmp_path: Path) -> None:
    """A dedupe key makes a repeated change (a restart re-reading the data) a no-op."""
    store = _store(tmp_path)
    store.subscribe("telegram", "1", "private", "all", "", "t")
    first = store.announce("data_change", "cap changed", None, "data", dedupe_key="p1:cap:v2")
    again = store.announce("data_change", "cap changed", None, "data", dedupe_key="p1:cap:v2")
    assert first[1] == 1 and again == (first[0], 0)


def test_limiter_spaces_a_chat_and_caps_a_group_per_minute() -> None:
    """1 s between messages to one chat; at most 20 a minute to one group; a 429 blocks only that chat."""
    now = [0.0]
    limiter = RateLimiter({"telegram": TELEGRAM}, clock=lambda: now[0])
    limiter.record("telegram", "-1", True)
    assert limiter.chat_wait("telegram", "-1", True) == 1.0 and limiter.chat_wait("telegram", "-2", True) == 0
    for _ in range(19):
        now[0] += 1.0
        limiter.record("telegram", "-1", True)
    now[0] += 1.0
    assert limiter.chat_wait("telegram", "-1", True) > 1.0  # the 20-a-minute window is full
    limiter.block("telegram", "-3", 5)
    assert limiter.chat_wait("telegram", "-3", False) == 5 and limiter.chat_wait("telegram", "-4", False) == 0


def test_global_budget_stays_under_the_platform_rate() -> None:
    """Slots are reserved 1/rate apart: 50 sends at 28/s span 49/28 seconds."""
    limiter = RateLimiter({"telegram": TELEGRAM}, clock=lambda: 0.0)
    waits = [limiter.global_wait("telegram") for _ in range(50)]
    assert waits[0] == 0 and abs(waits[-1] - 49 / 28) < 1e-9


def test_the_announcing_admin_gets_a_report(tmp_path: Path) -> None:
    """When the last row of an announcement settles, its author's chat is told the counts."""
    store = _store(tmp_path)
    for chat in ("1", "2", "3"):
        store.subscribe("telegram", chat, "private", "all", "", "t")
    reports: list[tuple[str, str, int, dict[str, int]]] = []

    async def report(platform: str, chat: str, announcement_id: int, counts: dict[str, int], seconds: float) -> None:
        reports.append((platform, chat, announcement_id, counts))

    announcement, _ = store.announce("admin", "hi", None, "telegram:4242")
    with FakeBotApi() as fake:
        fake.fail("sendMessage", 403, "Forbidden: bot was blocked by the user", chat_id=3)

        async def go() -> None:
            async with Bot(TOKEN, base_url=f"{fake.url}/bot") as bot:
                worker = DeliveryWorker(store, {"telegram": TelegramBroadcaster(bot)}, RateLimiter(FAST), report=report)
                await worker.run_until_idle()

        asyncio.run(go())
    assert reports == [("telegram", "4242", announcement, {"sent": 2, "removed": 1})]


def test_interactive_replies_go_before_queued_broadcasts() -> None:
    """An interactive reply takes the next global slot; the broadcast slots already planned move back."""
    limiter = RateLimiter({"telegram": TELEGRAM}, clock=lambda: 0.0)
    first = limiter.global_wait("telegram")
    limiter.take_interactive("telegram")
    after = limiter.global_wait("telegram")
    assert first == 0 and abs(after - 2 / TELEGRAM.per_second) < 1e-9


def test_type_subscribers_get_only_their_type(tmp_path: Path) -> None:
    """A model-voucher subscriber gets model-voucher changes, not compute-voucher ones."""
    store = _store(tmp_path)
    store.subscribe("telegram", "1", "private", "type", "model_voucher", "t")
    assert store.announce("data_change", "x", "shenzhen", "data", ptype="model_voucher")[1] == 1
    assert store.announce("data_change", "y", "shenzhen", "data", ptype="compute_voucher")[1] == 0
