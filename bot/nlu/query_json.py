"""A :class:`Query` as JSON and back, so that a follow-up can continue it in another process (the database).

Every field a follow-up can read is kept, exactly: places with their districts, types, the amount as the
decimal text it was (``Decimal`` keeps its digits), the aspect, roles, traits, parts, excluded and uncovered
places. What the user typed (``text``, ``args``) is not kept: each follow-up brings its own text, and no
feature a follow-up continues reads a command's argument text. ``from_json(to_json(q)) == kept(q)``.

Rows written by another version of this format, or that no longer decode (a program type renamed since),
read as no previous question: the follow-up is then answered on its own.
"""

from __future__ import annotations

import json
from dataclasses import replace
from decimal import Decimal
from typing import Any

from bot.domain.gazetteer import PlaceRef
from bot.domain.money import Currency, Money
from bot.domain.schema import ProgramType
from bot.nlu.query import Outside, Query

VERSION = 1
NOT_KEPT = ("text", "args")  # what the user typed


class QueryFormatError(ValueError):
    """Stored JSON that is not a query of this format."""


def kept(query: Query) -> Query:
    """What a stored query reads back as."""
    return replace(query, text="", args="")


def _ref(ref: PlaceRef) -> list[str | None]:
    return [ref.place, ref.district]


def _refs(refs: tuple[PlaceRef, ...]) -> list[list[str | None]]:
    return [_ref(r) for r in refs]


def _outside(o: Outside) -> dict[str, Any]:
    near = _ref(o.near) if o.near else None
    return {"name": o.name, "kind": o.kind, "near": near, "nearby": _refs(o.nearby), "within": sorted(o.within)}


def to_json(query: Query) -> str:
    money = query.money
    data: dict[str, Any] = {
        "v": VERSION,
        "intent": query.intent,
        "place": _ref(query.place) if query.place else None,
        "places": _refs(query.places),
        "ptypes": sorted(p.value for p in query.ptypes),
        "money": [str(money.amount), money.currency.value] if money else None,
        "year": query.year,
        "wants_clause": query.wants_clause,
        "ambiguous": _refs(query.ambiguous),
        "aspect": query.aspect,
        "amount_role": query.amount_role,
        "traits": sorted(query.traits),
        "parts": list(query.parts),
        "excluded": _refs(query.excluded),
        "outside": [_outside(o) for o in query.outside],
        "program": query.program,
    }
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def _place(value: Any) -> PlaceRef:
    place, district = value
    if not isinstance(place, str) or not (district is None or isinstance(district, str)):
        raise QueryFormatError("a place is [slug, district or null]")
    return PlaceRef(place, district)


def _places(values: Any) -> tuple[PlaceRef, ...]:
    return tuple(_place(v) for v in values)


def _optional_str(value: Any) -> str | None:
    if value is not None and not isinstance(value, str):
        raise QueryFormatError("expected text or null")
    return value


def _strings(values: Any) -> tuple[str, ...]:
    if not all(isinstance(v, str) for v in values):
        raise QueryFormatError("expected a list of text")
    return tuple(values)


def _decode_outside(value: Any) -> Outside:
    near = value["near"]
    return Outside(
        name=str(value["name"]),
        kind=str(value["kind"]),
        near=_place(near) if near is not None else None,
        nearby=_places(value["nearby"]),
        within=frozenset(_strings(value.get("within", []))),  # a question kept before the field existed has none
    )


def from_json(text: str) -> Query:
    """The query ``to_json`` wrote; :class:`QueryFormatError` for anything else."""
    try:
        data = json.loads(text)
        if not isinstance(data, dict) or data.get("v") != VERSION:
            raise QueryFormatError(f"not a version {VERSION} query")
        money = data["money"]
        year = data["year"]
        if year is not None and type(year) is not int:
            raise QueryFormatError("year is a number")
        return Query(
            intent=str(data["intent"]),
            place=_place(data["place"]) if data["place"] is not None else None,
            places=_places(data["places"]),
            ptypes=frozenset(ProgramType(v) for v in data["ptypes"]),
            money=Money(Decimal(money[0]), Currency(money[1])) if money is not None else None,
            year=year,
            wants_clause=bool(data["wants_clause"]),
            ambiguous=_places(data["ambiguous"]),
            aspect=_optional_str(data["aspect"]),
            amount_role=_optional_str(data["amount_role"]),
            traits=frozenset(_strings(data["traits"])),
            parts=_strings(data["parts"]),
            excluded=_places(data["excluded"]),
            outside=tuple(_decode_outside(o) for o in data["outside"]),
            program=_optional_str(data.get("program")),  # turns kept before it existed have none
        )
    except QueryFormatError:
        raise
    except (ValueError, KeyError, TypeError, ArithmeticError) as error:  # bad JSON, a missing key, a bad value
        raise QueryFormatError(f"{type(error).__name__}: {error}") from None
