"""Free questions: normalization, places with typos, ambiguity, slots, ranking and follow-ups."""

from __future__ import annotations

import pytest

from bot.core.dispatch import Responder
from bot.core.message import IncomingMessage
from bot.core.registry import REGISTRY
from bot.core.render_plain import render_plain
from bot.domain.dataset import Dataset
from bot.nlu.context import ConversationMemory
from bot.nlu.hangul import jamo_distance
from bot.nlu.matcher import IntentMatcher
from bot.nlu.normalize import normalize, particle_variants


@pytest.fixture(scope="module")
def matcher(dataset: Dataset) -> IntentMatcher:
    return REGISTRY.matcher(dataset)


def test_normalize_folds_width_case_invisibles_and_traditional() -> None:
    """Full-width digits, case, zero-width characters and traditional Han are folded."""
    norm = normalize("ＷＵＨＡＮ\u200b 武漢 ２００万 語料券")
    assert norm.spaced == "wuhan 武汉 200万 语料券"
    assert norm.compact == "wuhan武汉200万语料券"


def test_particles_are_stripped_one_at_a_time() -> None:
    """Every stripped form is offered, so 상하이 survives 상하이시에서는."""
    assert particle_variants("상하이시에서는")[:3] == ["상하이시에서는", "상하이시", "상하이"]


def test_jamo_distance_sees_one_letter_typos() -> None:
    """우항 is one jamo from 우한; 우시 is further."""
    assert jamo_distance("우항", "우한") == 1 and jamo_distance("우시", "우한") > 1


@pytest.mark.parametrize(
    ("text", "city"),
    [
        ("우항 컴퓨팅 쿠폰", "wuhan"),
        ("베이찡 모델 쿠폰", "beijing"),
        ("상하히 정책", "shanghai"),
        ("난찡에서 컴퓨팅 파워 400만 위안", "nanjing"),
        ("Shenzen model voucher", "shenzhen"),
        ("hangzou compute voucher", "hangzhou"),
        ("杭洲算力券比例", "hangzhou"),
        ("베이징모델쿠폰얼마야", "beijing"),
        ("wuhancomputevoucher", "wuhan"),
    ],
)
def test_typos_and_missing_spaces_find_the_place(matcher: IntentMatcher, text: str, city: str) -> None:
    """Hangul jamo typos, Latin edit typos, Han one-character typos and glued words all resolve."""
    query = matcher.match(text).query
    assert query.place is not None and query.place.place == city


@pytest.mark.parametrize(
    "text", ["우리 회사는 어때", "running costs", "오늘 오후에 해줘", "今天股市怎么样", "上班时间"]
)
def test_ordinary_words_are_not_taken_for_places(matcher: IntentMatcher, text: str) -> None:
    """우리 is not 우시, 오후 is not 우후, 股市 is not a city."""
    query = matcher.match(text).query
    assert query.place is None and not query.ambiguous


def test_a_typo_between_two_places_asks_which(responder: Responder) -> None:
    """无汉 is one character from both 武汉 and 无锡: the bot asks instead of guessing."""
    responder.answer_now(IncomingMessage("/compare compute", chat_id="amb"))  # even right after a comparison
    reply = responder.answer_now(IncomingMessage("无汉算力券多少", chat_id="amb"))
    text = render_plain(reply)
    assert "武汉" in text and "无锡" in text and not reply.calculation


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("우한 컴퓨팅 쿠폰 얼마야?", "program_info"),
        ("What does Shenzhen give for model vouchers?", "program_info"),
        ("武汉算力券多少?", "program_info"),
        ("우한에서 시범 프로젝트에 200만 위안 투자하면 얼마 받아?", "subsidy_calc"),
        ("200만 위안이면 우한, 선전, 상하이 중 어디가 제일 많이 줘?", "compare"),
        ("베이징 컴퓨팅 파워 목표가 뭐야", "compute_target"),
        ("우한 스마트 컴퓨팅 센터", "computing_center"),
        ("위안 환율 얼마야", "fx"),
        ("어떤 도시 있어?", "list_cities"),
        ("도움말", "help"),
        ("오늘 날씨 어때", "unknown"),
    ],
)
def test_issue_examples_reach_their_intent(matcher: IntentMatcher, text: str, intent: str) -> None:
    """The questions the issue names reach the right intent."""
    assert matcher.match(text).query.intent == intent


def test_free_text_calculation_gives_the_same_answer_as_the_command(responder: Responder) -> None:
    """'우한에서 시범 프로젝트에 200만 위안 투자하면 얼마 받아?' computes the scenario's 60만 위안."""
    reply = responder.answer_now(
        IncomingMessage("우한에서 시범 프로젝트에 200만 위안 투자하면 얼마 받아?", chat_id="calc")
    )
    assert reply.intent == "subsidy_calc"
    row = next(r for r in reply.calculation if r["program"] == "wuhan-2024-draft-scenario-funding")
    assert row["subsidy_cny"] == 600000
    assert {r["type"] for r in reply.calculation} == {"scenario_funding"}


def test_program_info_answer_quotes_the_clause_when_asked(responder: Responder) -> None:
    """Asking for the original text shows the verbatim Chinese clause."""
    text = render_plain(responder.answer_now(IncomingMessage("칭양 컴퓨팅 쿠폰 원문 보여줘", chat_id="clause")))
    assert "申领额度为算力服务合同费用的30%" in text


def test_unknown_question_quotes_no_number(responder: Responder) -> None:
    """Off-topic questions get what is covered and examples, never a number."""
    reply = responder.answer_now(IncomingMessage("tell me a joke", chat_id="joke"))
    assert reply.intent == "unknown" and not reply.calculation and not reply.sources


def test_place_we_do_not_cover_says_so_and_lists_places(responder: Responder) -> None:
    """'Hefei AI policy' says Hefei is not covered, points to its province and the nearest places, quotes no number."""
    text = render_plain(responder.answer_now(IncomingMessage("Hefei AI policy summary", chat_id="hefei")))
    assert "Hefei is not covered yet" in text and "Anhui" in text and "Wuhu" in text
    assert not any(ch.isdigit() for ch in text)


def test_follow_up_keeps_the_topic(responder: Responder) -> None:
    """'그럼 베이징은?' after a Wuhan compute-voucher question asks about Beijing's compute vouchers."""
    responder.answer_now(IncomingMessage("우한 컴퓨팅 쿠폰 얼마야?", chat_id="f1"))
    reply = responder.answer_now(IncomingMessage("그럼 베이징은?", chat_id="f1"))
    assert reply.intent == "program_info" and reply.city == "beijing"
    assert "컴퓨팅 파워 쿠폰" in render_plain(reply) or "Compute" in render_plain(reply)


def test_follow_up_with_a_new_amount_recomputes(responder: Responder) -> None:
    """'500만 위안이면?' after a Wuhan calculation recomputes Wuhan for 500만."""
    responder.answer_now(IncomingMessage("/subsidy 우한 200만 시나리오", chat_id="f2"))
    reply = responder.answer_now(IncomingMessage("500만 위안이면?", chat_id="f2"))
    assert reply.intent == "subsidy_calc" and reply.city == "wuhan"
    row = next(r for r in reply.calculation if r["program"] == "wuhan-2024-draft-scenario-funding")
    assert row["subsidy_cny"] == 1000000 and row["cap_reached"] is True


def test_context_is_per_chat(responder: Responder) -> None:
    """Another chat's topic does not leak into this one."""
    responder.answer_now(IncomingMessage("우한 컴퓨팅 쿠폰 얼마야?", chat_id="a"))
    assert responder.answer_now(IncomingMessage("그럼 베이징은?", chat_id="b")).intent == "city_overview"


def test_context_expires() -> None:
    """After the expiry a follow-up no longer inherits the old topic."""
    now = [0.0]
    memory = ConversationMemory(ttl_s=60, now=lambda: now[0])
    from bot.nlu.query import Query

    memory.remember("c", Query("program_info"))
    now[0] = 59
    assert memory.last("c") is not None
    now[0] = 61
    assert memory.last("c") is None


def test_memory_is_bounded() -> None:
    """The oldest chats are forgotten beyond the limit."""
    from bot.nlu.query import Query

    memory = ConversationMemory(max_chats=3)
    for chat in "abcd":
        memory.remember(chat, Query("help"))
    assert memory.last("a") is None and memory.last("d") is not None


def test_negative_amount_in_free_text_is_a_clear_error(responder: Responder) -> None:
    """'우한 -200만 투자하면' gets the negative-amount message, not a calculation."""
    reply = responder.answer_now(IncomingMessage("우한에서 -200만 위안 투자하면 얼마 받아?", chat_id="neg"))
    assert "0보다 커야" in render_plain(reply) and not reply.calculation


def test_did_you_mean_for_near_misses(responder: Responder) -> None:
    """A vague question that resembles an intent offers an example phrasing."""
    reply = responder.answer_now(IncomingMessage("how do I start", chat_id="dym"))
    assert reply.intent == "unknown"
