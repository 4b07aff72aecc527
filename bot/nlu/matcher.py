"""Rank intents for a free question: rules on slots and cue words first, then similarity to examples.

Commands never reach this module (the dispatcher parses them). The matcher returns a
:class:`Match`: the Query to answer, how it was decided, and "did you mean" alternatives
when nothing was confident enough.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from rapidfuzz import fuzz, process

from bot.core.query import Query
from bot.domain.dataset import Dataset
from bot.domain.errors import UserFacingError
from bot.nlu.context import Turn
from bot.nlu.examples import EXAMPLES
from bot.nlu.keywords import cues
from bot.nlu.normalize import Normalized, normalize
from bot.nlu.places import PlaceFinder, PlaceFindings
from bot.nlu.slots import Slots, extract, type_vocabulary

FOLLOWABLE = frozenset({"program_info", "subsidy_calc", "city_overview", "compute_target", "computing_center"})
SIMILARITY_ACCEPT = 75.0
SIMILARITY_SUGGEST = 55.0
AMBIGUITY_GAP = 6.0
_EXAMPLE_PLACEHOLDER = re.compile(r"\{(place|ptype|amount)\}")


@dataclass(frozen=True)
class Match:
    query: Query
    method: str  # rule, followup, similarity, fallback
    confidence: float
    suggestions: tuple[str, ...] = ()  # intents the user may have meant
    money_error: UserFacingError | None = None


class IntentMatcher:
    def __init__(self, dataset: Dataset) -> None:
        self.places = PlaceFinder(dataset, type_vocabulary())
        self._examples: list[str] = []
        self._example_intents: list[str] = []
        for intent, phrases in EXAMPLES.items():
            for phrase in phrases:
                self._examples.append(normalize(_EXAMPLE_PLACEHOLDER.sub(r"\1", phrase)).spaced)
                self._example_intents.append(intent)

    def match(self, text: str, previous: Turn | None = None) -> Match:
        norm = normalize(text)
        found = self.places.find(norm)
        slots = extract(norm)
        present = cues(norm)
        query = Query(
            intent="unknown",
            place=found.refs[0] if found.refs else None,
            places=found.refs,
            ptypes=slots.ptypes,
            money=slots.money,
            year=slots.year,
            wants_clause=slots.wants_clause,
            ambiguous=found.ambiguous,
            text=text,
        )
        intent = _rule_intent(query, present, found, norm)
        if previous is not None and _looks_like_followup(norm, present, found, slots):
            followed = _follow(query, intent, previous)
            if followed is not None:
                return Match(followed, "followup", 0.9, money_error=slots.money_error)
        if intent is not None:
            return Match(replace(query, intent=intent), "rule", 1.0, money_error=slots.money_error)
        return self._by_similarity(query, norm, found, slots)

    def _by_similarity(self, query: Query, norm: Normalized, found: PlaceFindings, slots: Slots) -> Match:
        probe = _delexicalize(norm.spaced, found, slots)
        best: dict[str, float] = {}
        for _, score, index in process.extract(probe, self._examples, scorer=fuzz.WRatio, limit=12):
            intent = self._example_intents[index]
            best[intent] = max(best.get(intent, 0.0), float(score))
        ranked = sorted(best.items(), key=lambda kv: kv[1], reverse=True)
        if not ranked:
            return Match(query, "fallback", 0.0)
        top_intent, top = ranked[0]
        second = ranked[1][1] if len(ranked) > 1 else 0.0
        if top >= SIMILARITY_ACCEPT and top - second >= AMBIGUITY_GAP and _slots_fit(top_intent, query):
            return Match(replace(query, intent=top_intent), "similarity", top / 100, money_error=slots.money_error)
        suggestions = tuple(intent for intent, score in ranked[:2] if score >= SIMILARITY_SUGGEST)
        return Match(query, "fallback", top / 100, suggestions=suggestions)


def _rule_intent(query: Query, present: frozenset[str], found: PlaceFindings, norm: Normalized) -> str | None:
    places = len(query.places) + (1 if query.ambiguous else 0)
    has_type, has_amount = bool(query.ptypes), query.money is not None
    for intent in ("announce", "unsubscribe", "subscribe"):
        if intent in present:
            return intent
    if "help" in present and not places and not has_type:
        return "help"
    if "list_cities" in present and places <= 1:
        return "compare" if has_type else "list_cities"
    if "computing_center" in present:
        return "computing_center"
    if "compute_target" in present:
        return "compute_target"
    if "fx" in present and not places:
        return "fx"
    if places >= 2 or ("compare_strong" in present and places <= 1 and not has_amount and has_type and not places):
        return "compare"
    if "compare_strong" in present and places != 1:
        return "compare"
    if "compare_weak" in present and not places and (has_type or has_amount):
        return "compare"
    if places == 1:
        if has_amount:
            return "subsidy_calc"
        if has_type:
            return "program_info"
        if "topic" in present or "compare_weak" in present or _mostly_place(norm, found):
            return "city_overview"
        if "fx" in present:
            return "fx"
        return None
    if has_amount and ("calc" in present or has_type):
        return "subsidy_calc"
    if has_type and ("topic" in present or "calc" in present or len(norm.compact) <= 12):
        return "program_info"
    return None


def _mostly_place(norm: Normalized, found: PlaceFindings) -> bool:
    """The message is little more than a place name (with particles or 'AI')."""
    return len(norm.compact) <= 8 or len(norm.spaced.split()) <= 2


def _looks_like_followup(norm: Normalized, present: frozenset[str], found: PlaceFindings, slots: Slots) -> bool:
    short = len(norm.spaced.split()) <= 4 and len(norm.compact) <= 20
    return "followup" in present or short


def _follow(query: Query, intent: str | None, previous: Turn) -> Query | None:
    """Carry the topic of the previous question into a short follow-up ("그럼 베이징은?", "500만이면?")."""
    prev = previous.query
    if prev.intent not in FOLLOWABLE and prev.intent != "compare":
        return None
    has_place, has_amount, has_type = bool(query.places), query.money is not None, bool(query.ptypes)
    if has_place and not has_amount and not has_type and intent in (None, "city_overview"):
        if prev.intent not in FOLLOWABLE:
            return None
        money = prev.money if prev.intent == "subsidy_calc" else None
        return replace(query, intent=prev.intent, ptypes=prev.ptypes, money=money, year=prev.year)
    if has_amount and not has_place and intent in (None, "subsidy_calc", "fx") and prev.place is not None:
        ptypes = query.ptypes or prev.ptypes
        return replace(query, intent="subsidy_calc", place=prev.place, places=(prev.place,), ptypes=ptypes)
    if has_type and not has_place and not has_amount and prev.place is not None and intent in (None, "program_info"):
        follow_intent = "subsidy_calc" if prev.intent == "subsidy_calc" and prev.money else "program_info"
        money = prev.money if follow_intent == "subsidy_calc" else None
        return replace(query, intent=follow_intent, place=prev.place, places=(prev.place,), money=money)
    return None


def _slots_fit(intent: str, query: Query) -> bool:
    """Similarity may not choose an intent whose required slots are absent."""
    if intent == "subsidy_calc":
        return query.money is not None
    if intent in ("program_info", "city_overview"):
        return bool(query.places or query.ptypes)
    return True


def _delexicalize(spaced: str, found: PlaceFindings, slots: Slots) -> str:
    """Replace slot words with their placeholder names, so examples match any place or amount."""
    out = spaced
    if slots.amount_span:
        start, end = slots.amount_span
        out = out[:start] + " amount " + out[end:]
    if found.refs:
        out = "place " + out
    if slots.ptypes:
        out = out + " ptype"
    return " ".join(out.split())
