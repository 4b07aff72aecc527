"""/subscribe profile: the subscription by command and in free text, a notice when the data makes a new program fit
(to that user only, once), the closing-window notice once per window, unsubscribe, and what the wording reaches."""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest

from bot.adapters.console.chat import answer_lines
from bot.announce import announce_data_changes
from bot.app import build_services, fixed_clock
from bot.core.dispatch import Responder
from bot.core.facts import short_cite
from bot.core.message import IncomingMessage
from bot.core.profile.route import subscription_intent
from bot.core.profile.subscription import SUBSCRIBE, UNSUBSCRIBE
from bot.core.render_plain import render_plain
from bot.core.reply import Reply
from bot.domain.dataset import Dataset
from bot.settings import Settings
from bot.storage.store import OutboxItem, Store
from tests.conftest import TODAY

M = Decimal(1_000_000)
PROGRAM = "zhuhai-2025-compute-voucher"  # 50% of a compute rental, capped at 2M (data/places/zhuhai.yaml)
SHANGHAI_SME = "우리는 상하이 푸둥 중소기업이고 GPU 임대에 연 500만 위안, 모델 API에 100만 위안 써요"
SHENZHEN_DATA = "We are an SME in Shenzhen; we spend 1M a year on corpus purchase and 20M on a pilot scenario project"
CLOSES = dt.date(2026, 12, 17)  # Shenzhen's measures end that day


def without(dataset: Dataset, program_id: str) -> Dataset:
    """The data as it was before ``program_id`` was added."""
    slug = dataset.program_place[program_id]
    place = dataset.places[slug]
    kept = place.model_copy(update={"programs": [p for p in place.programs if p.id != program_id]})
    programs = {k: v for k, v in dataset.programs.items() if k != program_id}
    return replace(dataset, places={**dataset.places, slug: kept}, programs=programs)


@pytest.fixture
def stored(tmp_path: Path) -> tuple[Responder, Store]:
    store = Store(f"sqlite:///{tmp_path / 'alerts.sqlite3'}")
    return Responder(build_services(Settings.from_env({}), clock=fixed_clock(TODAY), store=store)), store


def _say(responder: Responder, text: str, user: str, kind: str = "private") -> Reply:
    chat = user if kind == "private" else "-100"
    return responder.answer_now(IncomingMessage(text=text, user_id=user, chat_id=chat, chat_kind=kind))


def _queued(store: Store) -> list[OutboxItem]:
    return store.claim(1000)


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("내 프로필에 맞는 새 프로그램 알려줘", SUBSCRIBE),
        ("notify me when something matches my profile", SUBSCRIBE),
        ("有适合我们的新政策通知我", SUBSCRIBE),
        ("프로필 알림 그만", UNSUBSCRIBE),
        ("stop my profile alerts", UNSUBSCRIBE),
        ("取消档案通知", UNSUBSCRIBE),
        ("내 프로필에 맞는 프로그램 알려줘", None),  # the answer now, not alerts
        ("프로필 취소", None),
        ("구독할래", None),  # the chat's own subscription stays the matcher's
        ("우한 컴퓨팅 쿠폰 얼마야", None),
    ],
)
def test_what_the_wording_reaches(text: str, intent: str | None) -> None:
    assert subscription_intent(text) == intent


def test_subscribing_needs_a_profile_and_a_group_gets_one_line(stored: tuple[Responder, Store]) -> None:
    responder, store = stored
    none = _say(responder, "/subscribe profile", "a1")
    assert "/profile" in render_plain(none) and "p|show" in {b.action for b in none.buttons}
    assert store.profile_watch.subscribers() == []
    _say(responder, SHANGHAI_SME, "a1")
    group = _say(responder, "notify me when something matches my profile", "a1", kind="group")
    assert group.intent == SUBSCRIBE and group.private is not None and "on" in render_plain(group.private)
    public = render_plain(group)
    assert "direct message" in public and "상하이" not in public and "Chengdu" not in public
    (subscriber,) = store.profile_watch.subscribers()
    assert (subscriber.user, subscriber.chat_key) == ("console:a1", "a1")  # the user's own chat, not the group's


def test_a_new_matching_program_is_told_once_and_only_to_whom_it_fits(
    stored: tuple[Responder, Store], dataset: Dataset
) -> None:
    responder, store = stored
    _say(responder, SHANGHAI_SME, "a1")
    _say(responder, SHENZHEN_DATA, "b1")
    for user, line in (("a1", "/subscribe profile"), ("b1", "有适合我们的新政策通知我")):
        assert _say(responder, line, user).intent == SUBSCRIBE
    old = without(dataset, PROGRAM)
    announce_data_changes(store, old, TODAY)  # the data before: the Chengdu voucher is not in it
    assert _queued(store) == []
    announce_data_changes(store, dataset, TODAY)  # the reload that adds it
    (notice,) = _queued(store)
    assert notice.chat_key == "a1" and notice.chat_kind == "private" and notice.lang == "ko"
    rate, cap = dataset.programs[PROGRAM].formula.rate, dataset.programs[PROGRAM].formula.cap_cny
    assert rate is not None and cap is not None
    expected = min(rate * 5 * M, cap)  # the record's own rate and cap on the profile's 5M compute rental
    assert (
        f"{expected / 10_000:.0f}만 위안" in notice.text
        and "주하이" in notice.text
        and "컴퓨팅 파워 임대" in notice.text
    )
    cite = short_cite(dataset.programs[PROGRAM], dataset)
    assert cite.endswith("2025-05-30") and cite in notice.text and "최종 결정은 발급 기관이 합니다" in notice.text
    assert "모델 API" not in notice.text.split("\n")[1]  # only this program; nobody else's data
    announce_data_changes(store, dataset, TODAY)
    assert _queued(store) == []  # never twice


def test_the_closing_window_is_told_once_and_unsubscribe_stops_it(
    stored: tuple[Responder, Store], dataset: Dataset
) -> None:
    responder, store = stored
    _say(responder, "우리는 선전 중소기업이고 GPU 임대에 100만 위안, 모델 API에 100만 위안 써요", "c1")
    _say(responder, "/subscribe 프로필", "c1")
    announce_data_changes(store, dataset, TODAY)
    assert _queued(store) == []  # 24 days to go
    day = CLOSES - dt.timedelta(days=14)
    announce_data_changes(store, dataset, day)
    (notice,) = _queued(store)
    assert "2026-12-17 마감, 14일 남음" in notice.text and "선전" in notice.text and "50만 위안" in notice.text
    for later in range(1, 4):
        announce_data_changes(store, dataset, day + dt.timedelta(days=later))
    assert _queued(store) == []
    assert _say(responder, "프로필 알림 그만", "c1").intent == UNSUBSCRIBE
    assert store.profile_watch.subscribers() == [] and store.profile_watch.records("console:c1") == {}
    announce_data_changes(store, dataset, CLOSES + dt.timedelta(days=1))  # the window closed: nobody is told
    assert _queued(store) == []


def test_a_console_conversation(stored: tuple[Responder, Store]) -> None:
    responder, _ = stored
    out = io.StringIO()
    assert (
        answer_lines(responder, [SHANGHAI_SME, "/subscribe profile", "내 프로필에 맞는 새 프로그램 알려줘"], out) == 3
    )
    text = out.getvalue()
    assert "프로필 알림을 켰습니다" in text and "프로필 알림이 이미 켜져 있습니다" in text and "14일" in text
