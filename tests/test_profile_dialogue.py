"""Company profiles in conversation: free text in three languages, the dialogue with buttons, edit, delete, groups."""

from __future__ import annotations

import asyncio
import datetime as dt
import io
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import text

from bot.adapters.console.chat import answer_lines
from bot.app import build_services, fixed_clock
from bot.core.dispatch import Responder
from bot.core.message import IncomingMessage
from bot.core.profile.model import Filed, SpendKind, from_json
from bot.core.profile.notify import notify_profiles
from bot.core.profile.parse import is_profile_message, parse
from bot.core.recent import RecentReplies
from bot.core.render_plain import render_brief, render_plain
from bot.core.reply import Reply
from bot.core.services import Services
from bot.domain.dataset import Dataset
from bot.settings import Settings
from bot.storage.profiles import MemoryProfiles
from bot.storage.schema import MIGRATIONS
from bot.storage.store import Store
from tests.conftest import TODAY
from tests.test_profile_match import _line

M = Decimal(1_000_000)


def test_nothing_current_fits_says_so_and_names_the_nearest(services: Services) -> None:
    """A one-person company with no planned spend: nothing to compute, and the nearest programs with what they need."""
    responder = Responder(services)
    reply = _say(responder, "우리는 우한 1인 기업이에요. 우리 회사 뭐 받을 수 있어?", "nothing")
    assert reply.intent == "profile" and reply.sections  # the dialogue asks for the spends
    for answer in ("모름", "0", "없음", "없음", "없음"):
        reply = _say(responder, answer, "nothing")
    assert reply.headline[0].startswith("아직 계산할 것이 없습니다")
    text = render_plain(reply)
    assert "컴퓨팅 파워 임대 지출" in text and "최종 결정은 발급 기관이 합니다" in text


@pytest.mark.parametrize(
    "message",
    [
        "우리는 상하이 푸둥 중소기업이고 GPU 임대에 연 500만 위안, 모델 API에 100만 위안 써요",
        "We are an SME in Shanghai; we spend 5M a year on GPU rental and 1M on model APIs",
        "我们是上海浦东的中小企业,GPU租赁每年500万元,模型API每年100万元",
    ],
)
def test_one_message_in_three_languages(dataset: Dataset, services: Services, message: str) -> None:
    parsed = parse(dataset, services.fx, message)
    assert is_profile_message(parsed)
    assert parsed.profile.city == "shanghai" and parsed.profile.kinds == {"sme"}
    assert parsed.profile.spends == ((SpendKind.COMPUTE, 5 * M), (SpendKind.MODEL, M))


def test_other_facts_and_one_spend_questions_stay_where_they_were(dataset: Dataset, services: Services) -> None:
    """Revenue, headcount, founding year and filing are read; a single spend in one place is not a profile."""
    parsed = parse(dataset, services.fx, "우린 선전 스타트업이고 2023년 설립, 모델 등록 완료. 연 매출 2억, 직원 30명, "
                   "컴퓨팅 300만, 데이터 구매 50만")  # fmt: skip
    profile = parsed.profile
    assert (profile.founded, profile.filed, profile.revenue, profile.headcount) == (2023, Filed.YES, 200 * M, 30)
    assert profile.spends == ((SpendKind.COMPUTE, 3 * M), (SpendKind.DATA, Decimal(500_000)))
    for question in (
        "우한에서 200만 쓰면 얼마 받아",
        "저희 회사가 상해에 있는데 말뭉치 쿠폰 같은 거 신청할 수 있나요?",
    ):
        assert not is_profile_message(parse(dataset, services.fx, question))


def _say(responder: Responder, text_: str, user: str = "u1", kind: str = "private") -> Reply:
    return responder.answer_now(IncomingMessage(text=text_, user_id=user, chat_id=user, chat_kind=kind))


def _press(responder: Responder, action: str, user: str = "u1") -> Reply:
    return asyncio.run(responder.act(IncomingMessage(text="", user_id=user, chat_id=user), action))


@pytest.fixture
def stored(tmp_path: Path) -> tuple[Responder, Store]:
    store = Store(f"sqlite:///{tmp_path / 'profiles.sqlite3'}")
    return Responder(build_services(Settings.from_env({}), clock=fixed_clock(TODAY), store=store)), store


def test_free_text_answer_leads_with_the_best_place(stored: tuple[Responder, Store]) -> None:
    responder, _ = stored
    reply = _say(responder, "우리는 상하이 푸둥 중소기업이고 GPU 임대에 연 500만 위안, 모델 API에 100만 위안 써요")
    assert reply.intent == "profile" and reply.headline[0].startswith("가장 유리한 곳: 청두")
    assert "330만 위안" in reply.headline[0] and "선전 280만 위안" in reply.headline[1]
    brief = render_brief(reply)
    assert "최종 결정은 발급 기관이 합니다" in brief and "[1]" in brief
    full = render_plain(reply)
    assert "60% × 500만 위안 = 300만 위안" in full and "증빙할 조건" in full and "주관: 深圳市工业和信息化局" in full
    assert reply.chart is not None and reply.chart.bars[0].value_cny == 3_300_000
    assert {b.action for b in reply.buttons} >= {"p|edit|city", "p|edit|spend"}


def test_step_by_step_with_buttons_then_edit_and_recompute(stored: tuple[Responder, Store]) -> None:
    """/profile asks one question at a time; buttons answer; an edit of the spend recomputes."""
    responder, store = stored
    question = _say(responder, "/profile", "b1")
    assert "p|set|city|shenzhen" in {b.action for b in question.buttons}
    steps = ["p|set|city|shenzhen", "p|set|kinds|startup", "p|set|founded|2025", "p|set|filed|yes",
             "p|set|compute|5000000", "p|set|model|0", "p|set|data|0"]  # fmt: skip
    for action in steps:
        reply = _press(responder, action, "b1")
        assert reply.intent == "profile" and not reply.headline, action
    reply = _say(responder, "없음", "b1")  # the last question (scenario) answered in text
    dataset = responder.services.dataset
    startup = next(v for v in dataset.programs["shenzhen-2024-training-voucher"].formula.variants if v.traits)
    first = _line(dataset, "shenzhen-2024-training-voucher", 5 * M, startup.rate)
    assert (
        reply.headline
        and reply.headline[0] == f"가장 유리한 곳: 선전, 현재 확정 프로그램 1개로 약 {first / 10_000:.0f}만 위안"
    )
    stored_profile = store.profiles.get("console:b1")
    assert stored_profile is not None and stored_profile.step is None and stored_profile.data["founded"] == 2025
    _press(responder, "p|edit|spend", "b1")
    _press(responder, "p|edit|compute", "b1")
    again = _say(responder, "200만", "b1")
    assert again.headline[0].endswith(
        f"약 {_line(dataset, 'shenzhen-2024-training-voucher', 2 * M, startup.rate) / 10_000:.0f}만 위안"
    )


def test_show_edit_one_field_and_delete_leaves_nothing(stored: tuple[Responder, Store]) -> None:
    responder, store = stored
    _say(responder, "We are an SME in Shanghai; we spend 5M a year on GPU rental and 1M on model APIs", "d1")
    shown = _say(responder, "/profile", "d1")
    assert "Place: Shanghai" in render_plain(shown) and "p|delete" in {b.action for b in shown.buttons}
    _say(responder, "/profile edit city", "d1")
    edited = _say(responder, "wuhan", "d1")
    assert store.profiles.get("console:d1") is not None
    assert from_json(store.profiles.get("console:d1").data).city == "wuhan"  # type: ignore[union-attr]
    assert edited.headline[0].startswith("Best fit: Chengdu")
    _say(responder, "/subscribe profile", "d1")  # alerts, and one queued for the closing Shenzhen window
    assert notify_profiles(store, responder.services.dataset, dt.date(2026, 12, 10)) == 1 and store.pending() == 1
    confirm = _say(responder, "/profile delete", "d1")
    assert "p|delete|yes" in {b.action for b in confirm.buttons} and store.profiles.get("console:d1") is not None
    done = _press(responder, "p|delete|yes", "d1")
    assert "deleted" in render_plain(done)
    with store.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM profiles")).scalar() == 0
        for table in ("profile_subscriptions", "profile_notices", "announcements", "outbox", "chats"):
            assert conn.execute(text(f"SELECT count(*) FROM {table}")).scalar() == 0, table
        for (table,) in conn.execute(text("SELECT name FROM sqlite_master WHERE type='table'")).all():
            rows = conn.execute(text(f"SELECT * FROM {table}")).all()
            assert not any("d1" in str(row) or "5000000" in str(row) for row in rows), table
    assert responder.services.recent.last("console:d1") is None  # the answers kept for "more" went too


def test_in_a_group_facts_go_to_a_direct_message(stored: tuple[Responder, Store]) -> None:
    """A profile told in a group: the group gets one line with no company fact; the answer is private."""
    responder, _ = stored
    message = "우리는 상하이 중소기업이고 GPU 임대에 500만 위안, 모델 API에 100만 위안 써요"
    reply = responder.answer_now(IncomingMessage(text=message, user_id="g7", chat_id="group", chat_kind="group"))
    assert reply.private is not None and reply.private.headline[0].startswith("가장 유리한 곳")
    public = render_plain(reply)
    assert "상하이" not in public and "500만" not in public and "청두" not in public


def test_the_migration_is_recorded(stored: tuple[Responder, Store]) -> None:
    _, store = stored
    assert store.version == len(MIGRATIONS)
    with store.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM profiles")).scalar() == 0


def test_a_stale_dialogue_step_is_forgotten(stored: tuple[Responder, Store]) -> None:
    _, store = stored
    store.profiles.put("x:1", {}, "ask:city")
    assert store.profiles.get("x:1") is not None and store.profiles.get("x:1").step == "ask:city"  # type: ignore[union-attr]
    store.profiles.clock = lambda: dt.datetime.now(dt.UTC).replace(tzinfo=None) + dt.timedelta(days=2)
    assert store.profiles.get("x:1").step is None  # type: ignore[union-attr]


def test_a_console_conversation(services: Services) -> None:
    """The console (profiles in memory): a profile in one line, an edit, the recomputed answer."""
    fresh = Responder(replace(services, profiles=MemoryProfiles(), recent=RecentReplies()))
    out = io.StringIO()
    lines = [
        "우리는 상하이 푸둥 중소기업이고 GPU 임대에 연 500만 위안, 모델 API에 100만 위안 써요",
        "/profile edit city",
        "선전",
    ]
    assert answer_lines(fresh, lines, out) == 3
    text_ = out.getvalue()
    assert text_.count("가장 유리한 곳: 청두") == 2 and "회사가 등록된 곳" in text_
    assert text_.count("최종 결정은 발급 기관이 합니다") == 2
