"""Property tests: parsing and answering never raise, and no subsidy exceeds its cap."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.core.dispatch import Responder
from bot.core.render_plain import render_plain
from bot.domain.calculator import calculate
from bot.domain.errors import UserFacingError
from bot.domain.money import parse_money
from bot.domain.schema import Program
from tests.conftest import ask

AMOUNT_ALPHABET = "0123456789.,-+ 万亿元억만천백십원위안kmbKMB¥₩$一二三五千百 \u200b０１２"
TEXT = st.text(alphabet=st.characters(codec="utf-8"), max_size=80)


@given(st.text(alphabet=AMOUNT_ALPHABET, max_size=30) | TEXT)
@settings(max_examples=600, deadline=None)
def test_parse_money_raises_only_our_error(text: str) -> None:
    """Any input parses or raises UserFacingError; a parsed amount is a positive Decimal."""
    try:
        money = parse_money(text)
    except UserFacingError:
        return
    assert isinstance(money.amount, Decimal) and money.amount > 0


@given(
    rate=st.decimals(min_value=Decimal("0.01"), max_value=Decimal(1), places=2),
    cap=st.integers(min_value=1, max_value=10**9),
    minimum=st.none() | st.integers(min_value=1, max_value=10**5),
    base=st.decimals(min_value=Decimal(1), max_value=Decimal(10) ** 11, places=2),
)
@settings(max_examples=400, deadline=None)
def test_rate_cap_result_never_exceeds_cap(rate: Decimal, cap: int, minimum: int | None, base: Decimal) -> None:
    """rate x base is capped, whatever the numbers."""
    if minimum is not None and minimum > cap:
        minimum = cap
    program = Program.model_validate(
        {
            "id": "p-prop",
            "type": "compute_voucher",
            "names": {"ko": "k", "en": "e", "zh": "z"},
            "status": "final",
            "formula": {
                "kind": "rate_cap",
                "rate": str(rate),
                "cap_cny": cap,
                "minimum_cny": minimum,
                "base": {"ko": "k", "en": "e", "zh": "z"},
            },
            "sources": [{"id": "s"}],
            "verification": {"level": "report_only"},
            "checked_on": "2026-12-01",
        }
    )
    result = calculate(program, "x", base, dt.date(2026, 11, 23))
    assert result.subsidy_cny is not None
    assert Decimal(0) <= result.subsidy_cny <= Decimal(cap)
    assert result.subsidy_cny <= rate * base + Decimal("0.01")


COMMANDS = st.sampled_from(["/subsidy ", "/city ", "/fx ", "/cities ", "/help ", "", "/subsidy wuhan "])


@given(prefix=COMMANDS, body=TEXT)
@settings(max_examples=500, deadline=None)
def test_answers_never_raise(responder: Responder, prefix: str, body: str) -> None:
    """Random and hostile input always gets a reply with text."""
    reply = ask(responder, prefix + body)
    assert reply.intent and render_plain(reply)
