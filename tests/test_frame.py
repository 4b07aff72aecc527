"""The frame of a question, one group per failure class the hidden sets showed (examples of our own)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from bot.core.dispatch import Responder
from bot.core.message import IncomingMessage
from bot.core.registry import REGISTRY
from bot.core.render_plain import render_plain
from bot.domain.dataset import Dataset
from bot.domain.gazetteer import PlaceRef
from bot.nlu.context import ConversationMemory
from bot.nlu.matcher import IntentMatcher
from bot.nlu.query import Query


@pytest.fixture(scope="module")
def matcher(dataset: Dataset) -> IntentMatcher:
    return REGISTRY.matcher(dataset)


def _slugs(refs: tuple[PlaceRef, ...]) -> list[str]:
    return [r.place for r in refs]


@pytest.mark.parametrize(
    ("text", "asked", "excluded"),
    [
        ("청두 말고 충칭 산력권 얼마야", "chongqing", "chengdu"),
        ("항저우 아니고 쑤저우 컴퓨팅 쿠폰 조건", "suzhou", "hangzhou"),
        ("not Hangzhou, Suzhou compute voucher rate", "suzhou", "hangzhou"),
        ("不是北京，是深圳的模型券", "shenzhen", "beijing"),
    ],
)
def test_negation_names_the_place_asked(matcher: IntentMatcher, text: str, asked: str, excluded: str) -> None:
    """'A 말고 B' is a question about B, not a comparison of A and B."""
    query = matcher.match(text).query
    assert query.intent == "program_info"
    assert _slugs(query.places) == [asked] and _slugs(query.excluded) == [excluded]


@pytest.mark.parametrize(
    ("text", "amount", "role"),
    [
        ("톈진 산력권 상한이 500만이라던데 맞아?", 5_000_000, "check"),
        ("is it true the Shanghai model voucher cap is 2M?", 2_000_000, "check"),
        ("听说杭州算力券上限是500万，真的吗", 5_000_000, "check"),
        ("청두 녹색 데이터센터 100만 위안 지원금 조건?", 1_000_000, "subject"),
        ("Shenzhen's 2M-cap model voucher, still running?", 2_000_000, "subject"),
        ("우한에서 컴퓨팅에 200만 위안 쓰면 얼마 받아?", 2_000_000, "spend"),
    ],
)
def test_an_amount_has_a_role(matcher: IntentMatcher, text: str, amount: int, role: str) -> None:
    """A figure quoted to check, or the award asked about, is never computed as a spend."""
    query = matcher.match(text).query
    assert query.money is not None and query.money.amount == Decimal(amount)
    assert query.amount_role == role
    assert (query.intent == "subsidy_calc") is (role == "spend")


@pytest.mark.parametrize(
    ("text", "aspect"),
    [
        ("선전 모델 쿠폰 상한 얼마야", "amount"),
        ("베이징 산력권 몇 퍼센트 지원해?", "rate"),
        ("상하이 컴퓨팅 쿠폰 총 예산", "budget"),
        ("중경 컴퓨팅쿠폰 누가 받을 수 있음?", "conditions"),
        ("선전 모델 쿠폰 신청은 어느 센터에서 해?", "apply"),
        ("항저우 산력권 마감 언제야", "window"),
        ("우한 시나리오 지원 아직 초안이야?", "status"),
        ("칭다오 算力券 최소 얼마 써야 돼", "minimum"),
        ("칭양 컴퓨팅 쿠폰 원문 보여줘", "clause"),
        ("Shenzhen model voucher: who qualifies?", "conditions"),
        ("武汉算力券截止时间", "window"),
    ],
)
def test_the_asked_aspect_is_understood(matcher: IntentMatcher, text: str, aspect: str) -> None:
    query = matcher.match(text).query
    assert query.intent == "program_info" and query.aspect == aspect


def test_a_center_word_does_not_make_a_center_question(matcher: IntentMatcher) -> None:
    """'어느 센터에서' beside a program type asks where to apply, not about computing centers."""
    assert matcher.match("선전 모델 쿠폰 신청은 어느 센터에서 해?").query.intent == "program_info"
    assert matcher.match("우한 스마트 컴퓨팅 센터 어디 있어").query.intent == "computing_center"


@pytest.mark.parametrize(
    ("text", "trait"),
    [
        ("우리 중소기업인데 상하이 컴퓨팅 쿠폰 얼마야", "sme"),
        ("we're a startup, what's the Shenzhen model voucher rate", "startup"),
        ("1인 기업도 우한 산력권 받을 수 있어?", "opc"),
        ("大模型企业在北京能拿多少算力券", "model_developer"),
        ("상장사도 항저우 컴퓨팅 쿠폰 돼?", "listed"),
        ("外资企业能申请深圳模型券吗", "foreign"),
    ],
)
def test_traits_are_read(matcher: IntentMatcher, text: str, trait: str) -> None:
    assert trait in matcher.match(text).query.traits


@pytest.mark.parametrize(
    ("text", "part"),
    [
        ("상하이 모델 쿠폰 상한 얼마야? 원화로는?", "fx"),
        ("Hangzhou compute voucher cap and the deadline?", "window"),
        ("선전 코퍼스 쿠폰 상한이랑 조건도", "conditions"),
    ],
)
def test_a_second_part_is_kept(matcher: IntentMatcher, text: str, part: str) -> None:
    query = matcher.match(text).query
    assert query.intent == "program_info" and part in query.parts


def test_the_second_part_is_answered_in_the_same_reply(responder: Responder) -> None:
    reply = responder.answer_now(IncomingMessage("상하이 모델 쿠폰 상한 얼마야? 원화로는?", chat_id="parts"))
    assert "원" in reply.headline[1] and "환율" in reply.headline[1]


def _after(matcher: IntentMatcher, first: str, second: str) -> Query:
    memory = ConversationMemory()
    memory.remember("c", matcher.match(first).query)
    return matcher.match(second, memory.last("c")).query


def test_follow_up_markers_carry_the_topic(matcher: IntentMatcher) -> None:
    query = _after(matcher, "우한 컴퓨팅 쿠폰 얼마야?", "그럼 베이징은?")
    assert query.intent == "program_info" and _slugs(query.places) == ["beijing"]
    query = _after(matcher, "선전 모델 쿠폰 상한 얼마야", "마감은?")
    assert query.aspect == "window" and _slugs(query.places) == ["shenzhen"]


def test_a_complete_new_question_does_not_inherit(matcher: IntentMatcher) -> None:
    """After a Karamay question, a currency question with an amount is a currency question."""
    query = _after(matcher, "커라마이 데이터센터 뭐야", "60만 위안 원화로 얼마?")
    assert query.intent == "fx" and not query.places
    query = _after(matcher, "우한 컴퓨팅 쿠폰 얼마야?", "오늘 점심 뭐 먹지")
    assert query.intent == "unknown"


@pytest.mark.parametrize(
    "text",
    [
        "상하이 전기차 보조금 얼마임",
        "스타벅스 쿠폰 유효기간",
        "콜센터 번호 뭐였지",
        "이번 분기 매출 목표 달성 못할듯",
        "gpt-5 vs claude",
    ],
)
def test_other_domains_are_off_topic_and_quote_no_number(responder: Responder, text: str) -> None:
    reply = responder.answer_now(IncomingMessage(text, chat_id="off"))
    assert reply.intent == "unknown"
    assert not any(ch.isdigit() for ch in render_plain(reply).replace("/subsidy", ""))
