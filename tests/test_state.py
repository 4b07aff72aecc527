"""Per-chat state in the database: two replicas (two Store objects on one file, each with its own Responder) share
a chat's language and its conversation; the context expires and old turns are swept; a slow or failing database
costs a follow-up its context, never the answer, and never holds up the event loop."""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
import sqlite3
import threading
import time
from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import func, select

from bot.app import chat_settings_for, responder_for
from bot.core.dispatch import Responder
from bot.core.message import IncomingMessage
from bot.core.render_plain import render_plain
from bot.core.reply import Reply
from bot.core.services import Services
from bot.core.stored_state import StoredSettings
from bot.nlu.context import ConversationMemory
from bot.serve import _reporter
from bot.storage.schema import conversation_turns
from bot.storage.store import Store, utcnow

T0 = dt.datetime(2026, 11, 23, 9, 0, 0)
TTL = dt.timedelta(minutes=30)


class Clock:
    def __init__(self) -> None:
        self.now = T0

    def __call__(self) -> dt.datetime:
        return self.now


def _replica(services: Services, store: Store) -> Responder:
    """A responder as the bot's wiring builds it, on ``store``."""
    return responder_for(replace(services, store=store, preferences=chat_settings_for(store)))


def _ask(responder: Responder, text: str, chat: str = "77") -> Reply:
    return responder.answer_now(IncomingMessage(text=text, platform="telegram", chat_id=chat, user_lang="ko"))


@pytest.fixture
def url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'state.sqlite3'}"


def test_a_follow_up_on_another_replica_continues_the_conversation(services: Services, url: str) -> None:
    """On A "우한 컴퓨팅 쿠폰 얼마야?", then on B "그럼 베이징은?": Beijing's compute voucher. With the context in each
    process's memory (before), B knew nothing and gave Beijing's overview."""
    a, b = _replica(services, Store(url)), _replica(services, Store(url))
    _ask(a, "우한 컴퓨팅 쿠폰 얼마야?")
    reply = _ask(b, "그럼 베이징은?")
    assert (reply.intent, reply.city) == ("program_info", "beijing")
    assert reply.query is not None and {p.value for p in reply.query.ptypes} == {"compute_voucher"}
    apart = Responder(services, memory=ConversationMemory()), Responder(services, memory=ConversationMemory())
    _ask(apart[0], "우한 컴퓨팅 쿠폰 얼마야?")
    assert _ask(apart[1], "그럼 베이징은?").intent == "city_overview"


def test_a_language_chosen_on_one_replica_holds_on_the_other(services: Services, url: str) -> None:
    a, b = _replica(services, Store(url)), _replica(services, Store(url))
    assert _ask(a, "/lang en").lang == "en"
    assert _ask(b, "우한 컴퓨팅 쿠폰 얼마야?").lang == "en"
    assert _ask(b, "우한 컴퓨팅 쿠폰 얼마야?", chat="78").lang == "ko"  # another chat chose nothing
    assert _ask(b, "/lang xx").intent == "lang" and _ask(a, "/cities").lang == "en"  # a bad choice changes nothing


def test_the_context_expires_after_thirty_minutes(services: Services, url: str) -> None:
    clock = Clock()
    a, b = _replica(services, Store(url, clock=clock)), _replica(services, Store(url, clock=clock))
    _ask(a, "우한 컴퓨팅 쿠폰 얼마야?", chat="1")
    _ask(a, "우한 컴퓨팅 쿠폰 얼마야?", chat="2")
    clock.now = T0 + TTL
    assert _ask(b, "그럼 베이징은?", chat="1").intent == "program_info"  # 30 minutes: still the same conversation
    clock.now = T0 + TTL + dt.timedelta(seconds=1)
    assert _ask(b, "그럼 베이징은?", chat="2").intent == "city_overview"  # expired: answered on its own


def test_old_turns_are_swept_when_a_turn_is_written(url: str) -> None:
    """Once per ``sweep_every_s`` (a minute in service; every write here)."""
    clock = Clock()
    store = Store(url, clock=clock, sweep_every_s=0)
    for chat in ("1", "2", "3"):
        store.save_turn("telegram", chat, "{}", TTL)
    clock.now = T0 + TTL + dt.timedelta(seconds=1)
    store.save_turn("telegram", "4", "{}", TTL)
    with store.engine.connect() as conn:
        kept = conn.execute(select(conversation_turns.c.chat_key)).scalars().all()
        assert kept == ["4"] and conn.execute(select(func.count()).select_from(conversation_turns)).scalar() == 1


DIALOGUES = [
    ("우한 컴퓨팅 쿠폰 얼마야?", "그럼 베이징은?"),
    ("선전 모델 쿠폰 상한 얼마야", "마감은?"),
    ("/subsidy 우한 200만", "500만이면?"),
    ("상하이 모델 쿠폰 상한 얼마야?", "원화로는?"),
    ("우한이랑 선전 컴퓨팅 쿠폰 비교", "상하이도 추가"),
    ("청두 말고 충칭 컴퓨팅 쿠폰 얼마야?", "조건은?"),
    ("우린 스타트업인데 우한 컴퓨팅 쿠폰 몇퍼?", "그럼 베이징은?"),
    ("Shenzhen model voucher cap?", "what about Shanghai?"),
    ("武汉200万元能补多少", "那深圳呢?"),
    ("우한 컴퓨팅 목표", "그럼 베이징은?"),
    ("深圳模型券上限多少", "截止日期呢?"),
]


def test_the_database_and_memory_continue_conversations_alike(services: Services, url: str) -> None:
    """Each follow-up, answered by another replica from the stored turn, is the answer the same process gives from
    its memory; and most of them are not what the follow-up alone would get (the context is really used)."""
    a, b = _replica(services, Store(url)), _replica(services, Store(url))
    memory = Responder(services, memory=ConversationMemory())
    continued = 0
    for number, (first, follow_up) in enumerate(DIALOGUES):
        chat = f"d{number}"
        _ask(a, first, chat)
        _ask(memory, first, chat)
        stored, remembered = _ask(b, follow_up, chat), _ask(memory, follow_up, chat)
        assert (stored.intent, render_plain(stored)) == (remembered.intent, render_plain(remembered)), first
        continued += render_plain(stored) != render_plain(_ask(memory, follow_up, f"alone-{number}"))
    assert continued >= len(DIALOGUES) // 2


def test_a_failing_database_costs_the_follow_up_not_the_answer(
    services: Services, url: str, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    store = Store(url)
    responder = _replica(services, store)

    def refuse(*args: object) -> None:
        raise RuntimeError("database is locked")

    for name in ("last_turn", "save_turn", "chat_lang", "set_chat_lang"):
        monkeypatch.setattr(store, name, refuse)
    with caplog.at_level(logging.WARNING):
        first = _ask(responder, "우한 컴퓨팅 쿠폰 얼마야?")
        second = _ask(responder, "그럼 베이징은?")
        chosen = _ask(responder, "/lang zh")
    assert not first.error and first.intent == "program_info" and first.lang == "ko"
    assert second.intent == "city_overview"  # answered on its own
    assert chosen.error and "잠시 후" in render_plain(chosen)  # not confirmed: the choice was not kept
    outage = [r for r in caplog.records if "conversation context: the database is unavailable" in r.getMessage()]
    assert len(outage) == 1  # once per outage, not once per message
    assert "database is locked" not in outage[0].getMessage()  # its type only: a driver's text may hold anything


def test_a_locked_database_does_not_hold_up_the_event_loop(services: Services, tmp_path: Path) -> None:
    """Another connection holds SQLite's write lock for a second: the answers wait for it in threads, the loop
    keeps running (its lag stays small), and the follow-up is still continued."""
    path = tmp_path / "locked.sqlite3"
    responder = _replica(services, Store(f"sqlite:///{path}"))
    locked, lags = threading.Event(), []

    def hold_lock() -> None:
        conn = sqlite3.connect(path, isolation_level=None)
        conn.execute("BEGIN EXCLUSIVE")
        locked.set()
        time.sleep(1.0)
        conn.execute("COMMIT")
        conn.close()

    async def go() -> list[Reply]:
        done = asyncio.Event()

        async def watch() -> None:
            while not done.is_set():
                before = time.monotonic()
                await asyncio.sleep(0.01)
                lags.append(time.monotonic() - before - 0.01)

        watcher = asyncio.create_task(watch())
        replies = []
        for text in ("우한 컴퓨팅 쿠폰 얼마야?", "그럼 베이징은?"):
            message = IncomingMessage(text=text, platform="telegram", chat_id="9", user_lang="ko")
            replies.append(await responder.answer(message))
        done.set()
        await watcher
        return replies

    locker = threading.Thread(target=hold_lock)
    locker.start()
    locked.wait(5)
    started = time.monotonic()
    replies = asyncio.run(go())
    locker.join()
    assert time.monotonic() - started >= 0.9  # the write did wait for the lock
    assert [r.intent for r in replies] == ["program_info", "program_info"] and replies[1].city == "beijing"
    assert max(lags) < 0.25, max(lags)


class _Recorder:
    def __init__(self) -> None:
        self.sent: list[tuple[str, str, str | None]] = []

    async def send(self, chat_key: str, text: str, lang: str | None) -> None:
        self.sent.append((chat_key, text, lang))


def test_the_delivery_report_is_in_the_language_the_admin_s_chat_chose(url: str) -> None:
    store = Store(url, clock=utcnow)
    store.set_chat_lang("telegram", "4242", "ko")
    recorder = _Recorder()
    report = _reporter({"telegram": recorder}, StoredSettings(store))

    async def both() -> None:
        await report("telegram", "4242", 7, {"sent": 3}, 1.25)
        await report("telegram", "5555", 8, {"sent": 1}, 0.5)  # chose nothing: English

    asyncio.run(both())
    (chat, korean, lang), (_, english, _) = recorder.sent
    assert (chat, lang) == ("4242", "ko") and "#7" in korean and "3" in korean and korean != english
    assert english.startswith("Announcement #8")


def test_a_chats_chosen_language_is_the_announcements_language(url: str) -> None:
    """The chat's /lang wins over the language it subscribed in; without one, the subscription's holds."""
    store = Store(url)
    store.subscribe("slack", "C1", "group", "all", "", "t", lang="ko")
    store.subscribe("slack", "C2", "group", "all", "", "t", lang="ko")
    store.set_chat_lang("slack", "C1", "zh")
    store.announce("data_change", "new", None, "data", texts={"ko": "새 소식", "en": "news", "zh": "新消息"})
    items = {item.chat_key: (item.lang, item.text) for item in store.claim(10)}
    assert items == {"C1": ("zh", "新消息"), "C2": ("ko", "새 소식")}


def per_message_statements(url: str) -> None:
    """The statements made for every message (bot/storage/direct.py: plain SQL, not Core) on ``url``: a
    delivery key is new once until it expires, then taken over; a profile and its waiting question read back,
    the question forgotten after a day; times written and compared as Core writes them."""
    now = [dt.datetime(2026, 11, 23, 9, 0, 0)]
    ttl = dt.timedelta(minutes=10)
    store, other = Store(url, clock=lambda: now[0]), Store(url, clock=lambda: now[0])
    assert store.first_delivery("k", ttl) and not other.first_delivery("k", ttl) and other.seen_delivery("k")
    now[0] += ttl
    assert not store.seen_delivery("k") and other.first_delivery("k", ttl) and not store.first_delivery("k", ttl)
    store.profiles.put("telegram:7", {"city": "wuhan"}, "ask:spend", lang="ko")
    stored = other.profiles.get("telegram:7")
    assert stored is not None and (stored.data, stored.step, stored.lang) == ({"city": "wuhan"}, "ask:spend", "ko")
    now[0] += dt.timedelta(days=1, seconds=1)
    stored = other.profiles.get("telegram:7")
    assert stored is not None and stored.step is None and stored.data == {"city": "wuhan"}
    store.save_turn("telegram", "7", '{"a":1}', ttl)
    now[0] += ttl - dt.timedelta(seconds=1)
    assert other.last_turn("telegram", "7", ttl) == ('{"a":1}', now[0] - ttl + dt.timedelta(seconds=1))
    now[0] += dt.timedelta(seconds=2)
    assert other.last_turn("telegram", "7", ttl) is None


def test_the_per_message_statements(url: str) -> None:
    per_message_statements(url)
