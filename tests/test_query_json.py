"""A Query as JSON (what the database keeps for a follow-up) reads back exactly, for any query."""

from __future__ import annotations

import dataclasses
import json
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bench.corpus import load
from bot.core.registry import REGISTRY
from bot.domain.dataset import Dataset
from bot.domain.gazetteer import PlaceRef
from bot.domain.money import Currency, Money
from bot.domain.schema import ProgramType
from bot.nlu.query import Outside, Query
from bot.nlu.query_json import NOT_KEPT, QueryFormatError, from_json, kept, to_json

WORDS = st.text(max_size=12)
REFS = st.builds(PlaceRef, WORDS, st.none() | WORDS)
MONEY = st.builds(Money, st.decimals(allow_nan=False, allow_infinity=False), st.sampled_from(list(Currency)))
OUTSIDE = st.builds(Outside, WORDS, WORDS, st.none() | REFS, st.lists(REFS, max_size=3).map(tuple))
QUERIES = st.builds(
    Query,
    intent=WORDS,
    place=st.none() | REFS,
    places=st.lists(REFS, max_size=4).map(tuple),
    ptypes=st.frozensets(st.sampled_from(list(ProgramType))),
    money=st.none() | MONEY,
    year=st.none() | st.integers(),
    wants_clause=st.booleans(),
    ambiguous=st.lists(REFS, max_size=3).map(tuple),
    text=st.text(max_size=40),
    args=st.text(max_size=20),
    aspect=st.none() | WORDS,
    amount_role=st.none() | WORDS,
    traits=st.frozensets(WORDS, max_size=3),
    parts=st.lists(WORDS, max_size=3).map(tuple),
    excluded=st.lists(REFS, max_size=3).map(tuple),
    outside=st.lists(OUTSIDE, max_size=3).map(tuple),
)


@given(query=QUERIES)
@settings(max_examples=200, deadline=None)
def test_any_query_reads_back_exactly(query: Query) -> None:
    """Every kept field equal, the amount with its very digits ("2E+6" stays "2E+6"); text and args dropped."""
    back = from_json(to_json(query))
    assert back == kept(query)
    if query.money is not None:
        assert back.money is not None and str(back.money.amount) == str(query.money.amount)
    assert back.text == "" and back.args == ""


def test_every_field_of_a_query_is_either_kept_or_named_as_dropped() -> None:
    """A field added to Query later fails here until the format decides about it."""
    names = {f.name for f in dataclasses.fields(Query)}
    encoded = set(json.loads(to_json(Query("help")))) - {"v"}
    assert encoded | set(NOT_KEPT) == names and not encoded & set(NOT_KEPT)


@pytest.fixture(scope="module")
def understood(dataset: Dataset) -> list[Query]:
    matcher = REGISTRY.matcher(dataset)
    return [matcher.match(row["text"]).query for row in load("train") + load("chat")]


def test_the_questions_of_the_corpus_read_back_exactly(understood: list[Query]) -> None:
    """What the matcher really makes of ~950 phrasings: places, districts, excluded and uncovered places, amounts."""
    assert len(understood) > 900
    assert any(q.outside for q in understood) and any(q.excluded for q in understood)
    assert any(q.money for q in understood) and any(q.place and q.place.district for q in understood)
    assert [q for q in understood if from_json(to_json(q)) != kept(q)] == []


def test_the_format_is_small_and_plain() -> None:
    """Korean and Chinese as they are (not \\u escapes), no spaces; the amount as decimal text."""
    query = Query("subsidy_calc", place=PlaceRef("wuhan"), places=(PlaceRef("wuhan"),),
                  money=Money(Decimal("2000000"), Currency.CNY), outside=(Outside("시안", "prefecture"),))  # fmt: skip
    stored = to_json(query)
    assert '"money":["2000000","CNY"]' in stored and "시안" in stored and " " not in stored


@pytest.mark.parametrize(
    "stored",
    [
        "",
        "not json",
        "[]",
        '{"v": 2, "intent": "help"}',  # another version of the format
        to_json(Query("help")).replace('"ptypes":[]', '"ptypes":["teleport_voucher"]'),  # a type renamed since
        to_json(Query("help")).replace('"year":null', '"year":"2026"'),
        to_json(Query("help")).replace('"places":[]', '"places":[["wuhan"]]'),
        to_json(Query("help")).replace('"money":null', '"money":["lots","CNY"]'),
        to_json(Query("help")).replace('"traits":[]', '"traits":[1]'),
    ],
)
def test_what_does_not_decode_is_one_error(stored: str) -> None:
    with pytest.raises(QueryFormatError):
        from_json(stored)
