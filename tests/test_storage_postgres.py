"""The same store on a real PostgreSQL: several workers share the outbox without taking a row twice.

Runs when SUBSIDYBOT_TEST_POSTGRES_URL is set (.ci/run starts a server for it); skipped otherwise.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import os
import subprocess
import sys
import threading
import uuid
from collections import Counter
from collections.abc import Iterator

import pytest
from sqlalchemy import create_engine, text

from bot.app import build_responder, fixed_clock
from bot.core.message import IncomingMessage
from bot.settings import Settings
from bot.storage.schema import MIGRATIONS
from bot.storage.store import Store
from tests.conftest import TODAY
from tests.telegram.fake_bot_api import FakeBotApi
from tests.test_delivery import _deliver, _sends_per_chat
from tests.test_outbox_exact import outage_mid_broadcast
from tests.test_replay import first_delivery_race
from tests.test_state import per_message_statements

URL = os.environ.get("SUBSIDYBOT_TEST_POSTGRES_URL")
pytestmark = pytest.mark.skipif(not URL, reason="SUBSIDYBOT_TEST_POSTGRES_URL is not set")


@pytest.fixture
def pg_url() -> Iterator[str]:
    """A fresh database per test."""
    assert URL is not None
    name = f"t_{uuid.uuid4().hex[:12]}"
    admin = create_engine(URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield URL.rsplit("/", 1)[0] + f"/{name}"
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE "{name}" WITH (FORCE)'))
        admin.dispose()


def test_migrations_and_round_trip(pg_url: str) -> None:
    """Migrations apply; subscribe, announce, claim and settle work as on SQLite."""
    store = Store(pg_url)
    assert store.version == len(MIGRATIONS)
    store.subscribe("telegram", "-1", "group", "all", "", "t", lang="en")
    _, recipients = store.announce("admin", "hi", None, "cli", texts={"en": "hi", "ko": "안녕"})
    items = store.claim(10)
    assert recipients == 1 and items[0].text == "hi"
    store.sent(items[0].id)
    assert store.report(1)["sent"] == 1 and store.pending() == 0


def test_concurrent_workers_never_claim_the_same_row(pg_url: str) -> None:
    """Four claimers in parallel (FOR UPDATE SKIP LOCKED): 400 rows, each taken exactly once."""
    store = Store(pg_url)
    for i in range(400):
        store.subscribe("telegram", str(-i - 1), "group", "all", "", "t")
    store.announce("admin", "x", None, "cli")
    taken: list[int] = []
    lock = threading.Lock()

    def claimer() -> None:
        mine = Store(pg_url)
        while batch := mine.claim(7):
            with lock:
                taken.extend(item.id for item in batch)

    threads = [threading.Thread(target=claimer) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    counts = Counter(taken)
    assert len(counts) == 400 and max(counts.values()) == 1


def test_broadcast_on_postgres_reaches_everyone_once(pg_url: str) -> None:
    """The delivery worker on PostgreSQL: 50 groups, two with a 5xx, each delivered once."""
    store = Store(pg_url)
    chats = [-3_000_000 - i for i in range(50)]
    for chat in chats:
        store.subscribe("telegram", str(chat), "group", "all", "", "t")
    store.announce("admin", "pg", None, "cli")
    with FakeBotApi() as fake:
        for chat in chats[:2]:
            fake.fail("sendMessage", 500, "Internal Server Error", chat_id=chat)
        asyncio.run(_deliver(store, fake))
        sends = _sends_per_chat(fake)
    assert all(sends[c] == (2 if c in chats[:2] else 1) for c in chats)
    assert store.report(1)["sent"] == 50


def test_a_database_outage_mid_broadcast_on_postgres(pg_url: str) -> None:
    """Two workers on one PostgreSQL, the database refusing every call for longer than a lease: once each."""
    outage_mid_broadcast(pg_url)


def test_replicas_share_replay_keys(pg_url: str) -> None:
    """Two Store objects (two replicas) and eight threads deliver one Slack event at once: one acts on it."""
    stores = (Store(pg_url), Store(pg_url))
    results = first_delivery_race(stores, "slack-event:EvPG", dt.timedelta(hours=1))
    assert sorted(results) == [False] * 7 + [True]


def test_chat_state_on_postgres(pg_url: str) -> None:
    """Settings and turns are upserted (the second write of a chat replaces the first), read back, expire; the
    outbox claim (FOR UPDATE OF outbox, beside the outer join) uses the chat's chosen language."""
    store = Store(pg_url)
    store.set_chat_lang("telegram", "1", "en")
    store.set_chat_lang("telegram", "1", "zh")
    store.save_turn("telegram", "1", '{"a":1}', dt.timedelta(minutes=30))
    store.save_turn("telegram", "1", '{"a":2}', dt.timedelta(minutes=30))
    turn = Store(pg_url).last_turn("telegram", "1", dt.timedelta(minutes=30))
    assert Store(pg_url).chat_lang("telegram", "1") == "zh" and turn is not None and turn[0] == '{"a":2}'
    assert store.last_turn("telegram", "1", dt.timedelta(0)) is None  # older than a zero expiry
    store.subscribe("telegram", "1", "private", "all", "", "t", lang="ko")
    store.announce("data_change", "x", None, "data", texts={"ko": "가", "en": "a", "zh": "甲"})
    assert [(i.lang, i.text) for i in store.claim(5)] == [("zh", "甲")]


def test_two_processes_on_postgres_share_a_conversation(pg_url: str) -> None:
    """A child process answers "우한 컴퓨팅 쿠폰 얼마야?" and "/lang en" (another chat); this process, on its own
    connection, answers "그럼 베이징은?" as Beijing's compute voucher, and the other chat in English."""
    child = [sys.executable, "-m", "tests.state_child", pg_url]
    subprocess.run([*child, "501", "우한 컴퓨팅 쿠폰 얼마야?"], check=True, capture_output=True, timeout=120)
    done = subprocess.run([*child, "502", "/lang en"], check=True, capture_output=True, text=True, timeout=120)
    assert json.loads(done.stdout)["lang"] == "en"
    responder = build_responder(Settings.from_env({}), clock=fixed_clock(TODAY), store=Store(pg_url))

    def ask(chat: str, text: str) -> tuple[str, str | None, str]:
        reply = responder.answer_now(IncomingMessage(text=text, platform="telegram", chat_id=chat, user_lang="ko"))
        return reply.intent, reply.city, reply.lang

    assert ask("501", "그럼 베이징은?") == ("program_info", "beijing", "ko")
    assert ask("502", "우한 컴퓨팅 쿠폰 얼마야?")[2] == "en"


def test_the_per_message_statements_on_postgres(pg_url: str) -> None:
    """The plain-SQL statements made for every message (bot/storage/direct.py) behave on PostgreSQL as on SQLite."""
    per_message_statements(pg_url)
