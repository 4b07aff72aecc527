"""Follow-up buttons: short ASCII actions (<= 64 bytes, Telegram's callback limit) and back to a Query.

``t|wuhan|-|compute_voucher`` program type · ``o|wuhan|-|compute_voucher`` original clause ·
``s|wuhan|-|compute_voucher|2000000`` compute for an amount · ``p|set|city|shanghai`` a profile dialogue
step (``p|…`` is ``/profile …`` with the bars as spaces). Slugs are ASCII by construction.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from bot.domain.gazetteer import PlaceRef
from bot.domain.money import Currency, Money
from bot.domain.schema import ProgramType
from bot.nlu import intents as I
from bot.nlu.query import Query

EXAMPLE_AMOUNT = Decimal(2_000_000)


def _ref(ref: PlaceRef) -> str:
    return f"{ref.place}|{ref.district or '-'}"


def type_action(ref: PlaceRef, ptype: ProgramType) -> str:
    return f"t|{_ref(ref)}|{ptype.value}"


def clause_action(ref: PlaceRef, ptype: ProgramType) -> str:
    return f"o|{_ref(ref)}|{ptype.value}"


def calc_action(ref: PlaceRef, ptype: ProgramType, amount: Decimal = EXAMPLE_AMOUNT) -> str:
    return f"s|{_ref(ref)}|{ptype.value}|{int(amount)}"


def details_action(token: str) -> str:
    return f"m|{token}"


def parse_action(action: str) -> Query | None:
    """The query a button stands for, or None for anything malformed or unknown."""
    if action.startswith("m|") and len(action) <= 16 and action[2:].isalnum():
        return Query(I.DETAILS, args=action[2:])
    if action.startswith("p|") and len(action.encode()) <= 64 and action.isascii():
        return Query(I.PROFILE, args=" ".join(action[2:].split("|")))
    parts = action.split("|")
    if len(parts) < 4 or len(action.encode()) > 64:
        return None
    kind, place, district, ptype_value = parts[:4]
    try:
        ptype = ProgramType(ptype_value)
    except ValueError:
        return None
    ref = PlaceRef(place, None if district == "-" else district)
    base = Query("program_info", place=ref, places=(ref,), ptypes=frozenset({ptype}))
    if kind == "t" and len(parts) == 4:
        return base
    if kind == "o" and len(parts) == 4:
        return Query(**{**base.__dict__, "wants_clause": True})
    if kind == "s" and len(parts) == 5:
        try:
            amount = Decimal(parts[4])
        except InvalidOperation:
            return None
        return Query(**{**base.__dict__, "intent": "subsidy_calc", "money": Money(amount, Currency.CNY)})
    return None
