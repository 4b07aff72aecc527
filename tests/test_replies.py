"""Answers to commands, in three languages, with sources, statuses and clear errors."""

from __future__ import annotations

import pytest

from bot.core.dispatch import Responder
from bot.core.message import IncomingMessage
from bot.core.render_plain import render_plain
from bot.core.reply import Reply
from tests.conftest import ask


def _text(reply: Reply) -> str:
    return render_plain(reply)


def _row(reply: Reply, program_id: str) -> dict[str, object]:
    return next(row for row in reply.calculation if row["program"] == program_id)


def test_wuhan_two_million_gives_the_scenario_600k_with_source(responder: Responder) -> None:
    """The issue's example: 30% x 2,000,000 = 600,000 CNY, about 114,000,000 KRW at 190, cap not reached."""
    reply = ask(responder, "/subsidy wuhan 2000000")
    assert reply.intent == "subsidy_calc" and reply.city == "wuhan" and reply.lang == "en"
    row = _row(reply, "wuhan-2024-draft-scenario-funding")
    assert row["subsidy_cny"] == 600000 and row["subsidy_krw"] == 114000000
    assert row["eligible"] is None and row["reason"] == "draft"
    assert row["cap_reached"] is False and row["status"] == "draft"
    text = _text(reply)
    assert "30% × CNY 2,000,000 = CNY 600,000" in text
    assert "cap CNY 1,000,000 not reached" in text
    assert "about KRW 114,000,000" in text
    assert "CNY 1 = KRW 190 (as of 2024-04-16" in text
    assert "shanghaibang.com" in text and "draft for comment" in text


def test_korean_answer_writes_korean_amounts(responder: Responder) -> None:
    """Korean readers get 60만 위안 and 1억 1,400만원."""
    text = _text(ask(responder, "/subsidy 우한 200만"))
    assert "30% × 200만 위안 = 60만 위안" in text
    assert "약 1억 1,400만원" in text
    assert "의견수렴안" in text and "초안(의견수렴안)" not in text and "출처" in text


def test_chinese_answer_writes_chinese_amounts(responder: Responder) -> None:
    """Chinese readers get 60万元."""
    reply = ask(responder, "/subsidy 武汉 200万元")
    assert reply.lang == "zh"
    assert "30% × 200万元 = 60万元" in _text(reply)


def test_lang_override_beats_the_script(responder: Responder) -> None:
    """A chosen language wins over the text's script."""
    assert ask(responder, "/subsidy wuhan 2000000", lang="ko").lang == "ko"


def test_won_input_is_converted_with_the_dated_rate(responder: Responder) -> None:
    """3.8억원 is 2,000,000 CNY at 190, and the conversion is shown."""
    reply = ask(responder, "/subsidy 무한 3.8억원")
    assert _row(reply, "wuhan-2024-draft-scenario-funding")["subsidy_cny"] == 600000
    text = _text(reply)
    assert "3억 8,000만원 ÷ 190 = 200만 위안" in text and "2024-04-16" in text


@pytest.mark.parametrize("name", ["wuhan", "Wuhan", "WUHAN", "우한", "무한", "武汉", "武漢", "武汉市", "우한시"])
def test_every_kind_of_city_name_resolves(responder: Responder, name: str) -> None:
    """Hangul, Sino-Korean, English, pinyin, simplified and traditional names all find Wuhan."""
    assert ask(responder, f"/subsidy {name} 2000000").city == "wuhan"


@pytest.mark.parametrize(
    ("name", "city"), [("북경", "beijing"), ("상해", "shanghai"), ("심천", "shenzhen"), ("무석", "wuxi")]
)
def test_sino_korean_readings(responder: Responder, name: str, city: str) -> None:
    """Older Sino-Korean readings (북경, 상해, 심천, 무석) are understood."""
    assert ask(responder, f"/city {name}").city == city


def test_district_answers_list_the_district_first_and_skip_other_districts(responder: Responder) -> None:
    """E-Town's programs come with Beijing's city-wide ones, not Shijingshan's."""
    reply = ask(responder, "/subsidy etown 2000000")
    ids = [row["program"] for row in reply.calculation]
    assert "beijing-etown-2024-compute-voucher" in ids and "beijing-2023-compute-voucher" in ids
    assert not any("shijingshan" in str(i) for i in ids)


def test_program_filter_keeps_one_type(responder: Responder) -> None:
    """/subsidy shenzhen 5M model answers only model vouchers."""
    reply = ask(responder, "/subsidy shenzhen 5M model")
    assert reply.calculation and {row["type"] for row in reply.calculation} == {"model_voucher"}


def test_expired_program_is_flagged_and_ranked_after_current_ones(responder: Responder) -> None:
    """Beijing's 2023-2025 voucher is marked ended, and listed after programs in force."""
    reply = ask(responder, "/subsidy beijing 1000000")
    row = _row(reply, "beijing-2023-compute-voucher")
    assert row["status"] == "expired"
    assert "period ended (2025-12-31)" in _text(reply)
    statuses = [r["status"] for r in reply.calculation if r["subsidy_cny"] is not None]
    assert statuses.index("expired") > statuses.index("final")


def test_pool_only_program_says_no_formula_is_published(responder: Responder) -> None:
    """Wuxi publishes only a pool: the answer shows it and computes nothing."""
    reply = ask(responder, "/subsidy wuxi 2000000")
    assert all(row["subsidy_cny"] is None for row in reply.calculation)
    text = _text(reply)
    assert "no per-company formula published" in text and "CNY 50,000,000" in text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("/subsidy", "Usage: /subsidy"),
        ("/subsidy wuhan", "No amount given"),
        ("/subsidy wuhan -5", "must be above zero"),
        ("/subsidy wuhan 0", "amount is zero"),
        ("/subsidy wuhan abc", "is not an amount"),
        ("/subsidy wuhan $500", "Only CNY and KRW"),
        ("/subsidy wuhan 10000亿", "金额太大"),
        ("/subsidy wuhan 2000억 위안", "너무 큽니다"),
        ("/subsidy atlantis 2000000", "no data for 'atlantis'"),
        ("/subsidy wuhan 2000000 banana", "not a program type"),
        ("/frobnicate", "Unknown command"),
    ],
)
def test_bad_input_gets_a_clear_error_not_a_crash(responder: Responder, text: str, expected: str) -> None:
    """Each mistake gets its own message and no number from the data."""
    reply = ask(responder, text)
    rendered = _text(reply)
    assert expected in rendered
    assert not reply.calculation


def test_unknown_place_offers_close_names(responder: Responder) -> None:
    """A typo suggests the place it resembles and lists what is covered."""
    text = _text(ask(responder, "/city wuhann"))
    assert "Did you mean" in text and "Wuhan" in text and "Places we cover" in text


def test_korean_errors_are_korean(responder: Responder) -> None:
    """Errors follow the question's language."""
    assert "금액" in _text(ask(responder, "/subsidy 우한 마이너스 5"))


def test_city_overview_lists_programs_with_numbers_status_and_sources(responder: Responder) -> None:
    """/city 우한 shows the scenario's 30% and cap, the draft flag, and numbered sources."""
    reply = ask(responder, "/city 우한")
    text = _text(reply)
    assert reply.intent == "city_overview" and reply.city == "wuhan"
    assert "30% · 최대 100만 위안" in text and "의견수렴안" in text and "[1]" in text
    assert reply.sources and reply.sources[0].number == 1


def test_cities_lists_every_place(responder: Responder) -> None:
    """/cities names every place with its program count."""
    reply = ask(responder, "/cities")
    text = _text(reply)
    assert reply.intent == "list_cities"
    for name in ("Wuhan", "Beijing", "Shanghai", "Shenzhen", "Qingyang"):
        assert name in text


def test_fx_converts_both_ways_with_the_rate_date(responder: Responder) -> None:
    """/fx 3.8억원 is 200만 위안 at 190 as of 2024-04-16, and warns it is not today's rate."""
    text = _text(ask(responder, "/fx 3.8억원"))
    assert "3억 8,000만원 = 200만 위안" in text and "2024-04-16" in text and "2026-11-23" in text


def test_help_and_start(responder: Responder) -> None:
    """/help and /start explain the commands."""
    for command in ("/help", "/start"):
        reply = ask(responder, command)
        assert reply.intent == "help" and "/subsidy" in _text(reply)


def test_command_addressed_to_the_bot(responder: Responder) -> None:
    """/subsidy@subsidybot works as in Telegram groups."""
    assert ask(responder, "/subsidy@subsidybot wuhan 2000000").intent == "subsidy_calc"


def test_free_text_is_unknown_and_quotes_no_number(responder: Responder) -> None:
    """Until free questions are understood, they get examples and no amount."""
    reply = ask(responder, "what is the weather?")
    assert reply.intent == "unknown" and not reply.calculation
    assert "CNY" not in _text(reply) and "Examples" in _text(reply)


def test_every_number_answer_cites_dated_sources(responder: Responder) -> None:
    """Any answer with a calculation carries citations, each with a publisher."""
    for city in ("wuhan", "beijing", "shanghai", "shenzhen", "hangzhou", "qingyang", "xiamen"):
        reply = ask(responder, f"/subsidy {city} 3000000")
        assert reply.sources, city
        assert any(c.date for c in reply.sources)


def test_compare_by_amount_shows_each_places_math(responder: Responder) -> None:
    """Each ranked place shows rate x base and whether its cap bites; current official programs rank first."""
    reply = ask(responder, "/compare compute 2000000 wuhan shenzhen beijing", lang="en")
    text = _text(reply)
    assert "50% × CNY 2,000,000 = CNY 1,000,000" in text  # Shenzhen's training voucher
    assert "cap CNY 200,000 applies" in text  # Wuhan's OPC voucher is capped
    lines = [line for line in text.splitlines() if line[:2] in ("1.", "2.", "3.")]
    assert "draft" not in lines[0] and "reported" not in lines[0]


def test_a_window_headline_says_the_status_once(responder: Responder) -> None:
    reply = ask(responder, "푸톈구 AI 지원 조치 유효기간 언제까지예요?")
    assert reply.headline and "2027-12-31" in reply.headline[0]
    assert sum("확정" in line for line in reply.headline) == 1


def test_a_program_with_no_published_sum_points_to_the_one_with_figures(responder: Responder) -> None:
    reply = ask(responder, "우한 컴퓨팅 쿠폰 얼마야?")
    assert reply.headline and any(line.startswith("금액이 나온 것:") and "20만 위안" in line for line in reply.headline)
    figured = next(line for line in reply.headline if line.startswith("금액이 나온 것:"))
    assert "확정" in figured and "·" in figured  # its status and its source, beside the figure


def test_a_program_with_figures_needs_no_pointer(responder: Responder) -> None:
    reply = ask(responder, "Shenzhen model voucher cap?")
    assert not any(line.startswith("The one with figures") for line in reply.headline)


def test_a_conversion_quoted_to_check_is_answered_with_the_rate_it_implies(responder: Responder) -> None:
    """The won figure of a news piece is set beside the yuan it converts, at the rate it implies and at ours."""
    fresh = responder.answer_now(IncomingMessage(text="5000만 위안이 90억원 맞아요?", chat_id="fx-check"))
    text = _text(fresh)  # a chat of its own: after a program question it would check that program's figure
    assert "90억원은 5,000만 위안을 1위안 = 180원으로 환산한 값입니다 (190원이면 95억원)." in text
    right = IncomingMessage(text="100 million yuan is 19 billion won, right?", chat_id="fx2")
    same = _text(responder.answer_now(right))
    assert "at 190 won per yuan: the conversion is right" in same


def test_a_kind_a_place_does_not_hold_is_answered_with_what_it_has(responder: Responder) -> None:
    """No error: the kind is not on record, then what the data says of the place, with its sources."""
    reply = ask(responder, "Fuzhou compute voucher cap?")
    assert not reply.error and reply.intent == "program_info" and reply.city == "fuzhou"
    assert reply.headline[0].startswith("No compute voucher on record for Fuzhou")
    assert "Action Plan" in reply.headline[1] and reply.sources


def test_a_kind_missing_beside_others_lists_the_others(responder: Responder) -> None:
    reply = ask(responder, "Wuxi filing reward?")
    assert not reply.error and "Types there: compute voucher" in reply.headline[0]


def test_a_calculation_of_a_kind_a_place_does_not_hold_says_so_and_computes_nothing(responder: Responder) -> None:
    reply = ask(responder, "/subsidy jiaxing 1000000 compute")
    assert not reply.error and reply.intent == "subsidy_calc" and not reply.calculation
    assert reply.headline[0].startswith("No compute voucher on record for Jiaxing") and "EFLOPS" in reply.headline[1]


def test_a_calculation_of_a_missing_kind_uses_the_nearest_kind_held(responder: Responder) -> None:
    reply = ask(responder, "/subsidy shanghai 1500000 data")
    assert (
        not reply.error
        and reply.headline[0] == "Shanghai has no data voucher on record; the nearest is its corpus voucher."
    )
    assert [row["subsidy_cny"] for row in reply.calculation] == [450000]


def test_a_window_asked_says_whether_it_is_open_today_and_for_how_long(responder: Responder) -> None:
    """The answer is judged against today (2026-11-23 in the tests): Shenzhen's model voucher runs to 2026-12-17."""
    head = ask(responder, "Shenzhen model voucher deadline?").headline[0]
    assert "2024-12-18 ~ 2026-12-17" in head and "open today, 24 days left" in head
    korean = ask(responder, "선전 모델쿠폰 언제까지야?").headline[0]
    assert "24일 남음" in korean and "szaicx" not in korean  # the data's English note stays out of Korean answers


def test_nothing_on_record_leads_with_the_note_nearest_the_question(responder: Responder) -> None:
    reply = ask(responder, "Is there a national AI voucher? The NDRC said something at a press conference")
    assert reply.intent == "program_info" and "NDRC" in reply.headline[1] and "press conference" in reply.headline[1]


def test_a_program_a_newer_text_likely_replaced_comes_after_it(responder: Responder) -> None:
    """Xiamen's 2024 notice (floor 5万) leads, not its 2023 measures (floor 30万), which the data marks as likely
    replaced."""
    reply = ask(responder, "厦门一年算力支出4万能申请吗")
    assert "5万元" in reply.headline[0] and "30万" not in reply.headline[0]
