"""Rank intents for a free question: rules on slots and cue words first, then similarity to examples.

Commands never reach this module (the dispatcher parses them). The matcher returns a
:class:`Match`: the Query to answer, how it was decided, and "did you mean" alternatives
when nothing was confident enough.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from rapidfuzz import fuzz, process

from bot.domain.dataset import Dataset
from bot.domain.errors import Problem
from bot.nlu import intents as I
from bot.nlu.context import Turn
from bot.nlu.keywords import ANNOUNCE_PREFIXES, CUES, TYPO_WORDS, announcement_body, cues
from bot.nlu.normalize import Normalized, normalize, particle_variants
from bot.nlu.places import PlaceFinder, PlaceFindings
from bot.nlu.query import Query
from bot.nlu.slots import Slots, extract, type_vocabulary
from bot.nlu.typos import TypoCorrector

FOLLOWABLE = frozenset({I.PROGRAM_INFO, I.SUBSIDY_CALC, I.CITY_OVERVIEW, I.COMPUTE_TARGET, I.COMPUTING_CENTER})
DOMAIN_CUES = frozenset(
    {"topic", "calc", "compare_strong", "compare_weak", "fx", "compute_target", "computing_center", "list_cities"}
)
SIMILARITY_ACCEPT = 82.0
SIMILARITY_SUGGEST = 55.0
AMBIGUITY_GAP = 6.0
_EXAMPLE_PLACEHOLDER = re.compile(r"\{(place|ptype|amount)\}")


@dataclass(frozen=True)
class Match:
    query: Query
    method: str  # rule, followup, similarity, fallback
    confidence: float
    suggestions: tuple[str, ...] = ()  # intents the user may have meant
    money_problem: Problem | None = None


class IntentMatcher:
    """``examples``: per intent, phrasings with {place}, {ptype} and {amount} placeholders (the registry's)."""

    def __init__(self, dataset: Dataset, examples: Mapping[str, Sequence[str]]) -> None:
        self.places = PlaceFinder(dataset, type_vocabulary())
        typo_words = [*TYPO_WORDS, *type_vocabulary(), *(p for ps in CUES.values() for p in ps)]
        self.typos = TypoCorrector(typo_words, protected=self.places.names())
        self._examples: list[str] = []
        self._example_intents: list[str] = []
        for intent, phrases in examples.items():
            for phrase in phrases:
                self._examples.append(normalize(_EXAMPLE_PLACEHOLDER.sub(r"\1", phrase)).spaced)
                self._example_intents.append(intent)

    def match(self, text: str, previous: Turn | None = None) -> Match:
        norm = normalize(text)
        found = self.places.find(norm)
        corrected = self.typos.correct(norm)
        slots = extract(norm, corrected)
        present = cues(corrected)
        if not (slots.ptypes or slots.money or slots.money_problem or present & DOMAIN_CUES):
            found = found.strong_only()  # "서호 입장료" is not about 서회 (Xuhui)
        query = Query(
            intent=I.UNKNOWN,
            place=found.refs[0] if found.refs else None,
            places=found.refs,
            ptypes=slots.ptypes,
            money=slots.money,
            year=slots.year,
            wants_clause=slots.wants_clause,
            ambiguous=found.ambiguous,
            text=text,
        )
        intent = _rule_intent(query, present, found, corrected, slots)
        if previous is not None and _looks_like_followup(norm, present, found, slots):
            followed = _follow(query, intent, previous, present)
            if followed is not None:
                return Match(followed, "followup", 0.9, money_problem=slots.money_problem)
        if intent == I.ANNOUNCE:
            query = replace(query, args=announcement_body(text))
        if intent is not None:
            return Match(replace(query, intent=intent), "rule", 1.0, money_problem=slots.money_problem)
        return self._by_similarity(query, norm, found, slots)

    def _by_similarity(self, query: Query, norm: Normalized, found: PlaceFindings, slots: Slots) -> Match:
        probe = _delexicalize(norm.spaced, found, slots)
        best: dict[str, float] = {}
        for _, score, index in process.extract(probe, self._examples, scorer=fuzz.QRatio, limit=12):
            intent = self._example_intents[index]
            best[intent] = max(best.get(intent, 0.0), float(score))
        ranked = sorted(best.items(), key=lambda kv: kv[1], reverse=True)
        if not ranked:
            return Match(query, "fallback", 0.0)
        top_intent, top = ranked[0]
        second = ranked[1][1] if len(ranked) > 1 else 0.0
        if top >= SIMILARITY_ACCEPT and top - second >= AMBIGUITY_GAP and _slots_fit(top_intent, query):
            return Match(replace(query, intent=top_intent), "similarity", top / 100, money_problem=slots.money_problem)
        suggestions = tuple(intent for intent, score in ranked[:2] if score >= SIMILARITY_SUGGEST)
        return Match(query, "fallback", top / 100, suggestions=suggestions)


def _rule_intent(
    query: Query, present: frozenset[str], found: PlaceFindings, norm: Normalized, slots: Slots
) -> str | None:
    places = len(query.places) + (1 if query.ambiguous else 0)
    has_type = bool(query.ptypes)
    has_amount = query.money is not None or slots.money_problem is not None  # a bad amount is still an amount
    if norm.spaced.startswith(ANNOUNCE_PREFIXES):
        return I.ANNOUNCE
    for intent in (I.ANNOUNCE, I.UNSUBSCRIBE, I.SUBSCRIBE):
        if intent in present:
            return intent
    if "help" in present and not places and not has_type:
        return I.HELP
    if "computing_center" in present:
        return I.COMPUTING_CENTER
    if "list_cities" in present and places <= 1:
        return I.COMPARE if has_type and slots.strong_types else "list_cities"
    if "compute_target" in present:
        return I.COMPUTE_TARGET
    if "fx" in present and not places:
        return I.FX
    if places >= 2 or ("compare_strong" in present and places <= 1 and not has_amount and has_type and not places):
        return I.COMPARE
    if "compare_strong" in present and places != 1:
        return I.COMPARE
    if "compare_weak" in present and not places and (has_type or has_amount):
        return I.COMPARE
    if places == 1:
        if has_amount:
            return I.SUBSIDY_CALC
        if has_type:
            return I.PROGRAM_INFO
        if "topic" in present or (found.refs and _mostly_place(norm, found)):
            return I.CITY_OVERVIEW
        if "fx" in present:
            return I.FX
        return None
    if has_amount and ("calc" in present or has_type):
        return I.SUBSIDY_CALC
    if has_type and ("topic" in present or "calc" in present or len(norm.compact) <= 12):
        return I.PROGRAM_INFO
    if not has_type and not has_amount and "topic" in present:
        return I.CITY_OVERVIEW  # a place we do not cover (부산, Hefei): the answer asks which place
    return None


def _mostly_place(norm: Normalized, found: PlaceFindings) -> bool:
    """The message is little more than place names, with particles or 'AI' (상해는?, wuhan ai, 武汉呢)."""
    rest = norm.compact
    for mention in sorted(found.mentions, key=lambda m: m.position, reverse=True):
        rest = rest[: mention.position] + rest[mention.position + mention.length :]
    rest = particle_variants(rest, keep=0)[-1] if rest else rest
    return len(rest.replace("ai", "").replace("人工智能", "").replace("인공지능", "")) <= 3


def _looks_like_followup(norm: Normalized, present: frozenset[str], found: PlaceFindings, slots: Slots) -> bool:
    short = len(norm.spaced.split()) <= 4 and len(norm.compact) <= 20
    return "followup" in present or short


def _follow(query: Query, intent: str | None, previous: Turn, present: frozenset[str]) -> Query | None:
    """Carry the topic of the previous question into a short follow-up ("그럼 베이징은?", "500만이면?")."""
    prev = previous.query
    if query.ambiguous:
        return None  # a typo between two places is asked about, whatever came before
    has_place, has_amount, has_type = bool(query.places), query.money is not None, bool(query.ptypes)
    if prev.intent == I.FX:
        return replace(query, intent=I.FX) if has_amount and not has_place and intent in (None, I.FX) else None
    if prev.intent == I.COMPARE:
        return _follow_compare(query, intent, prev, present)
    if prev.intent not in FOLLOWABLE:
        return None
    if has_place and not has_amount and not has_type and intent in (None, I.CITY_OVERVIEW):
        if prev.intent not in FOLLOWABLE:
            return None
        money = prev.money if prev.intent == I.SUBSIDY_CALC else None
        return replace(query, intent=prev.intent, ptypes=prev.ptypes, money=money, year=prev.year)
    if has_amount and not has_place and intent in (None, I.SUBSIDY_CALC, I.FX) and prev.place is not None:
        ptypes = query.ptypes or prev.ptypes
        return replace(query, intent=I.SUBSIDY_CALC, place=prev.place, places=(prev.place,), ptypes=ptypes)
    if has_type and not has_place and not has_amount and prev.place is not None and intent in (None, I.PROGRAM_INFO):
        follow_intent = I.SUBSIDY_CALC if prev.intent == I.SUBSIDY_CALC and prev.money else I.PROGRAM_INFO
        money = prev.money if follow_intent == I.SUBSIDY_CALC else None
        return replace(query, intent=follow_intent, place=prev.place, places=(prev.place,), money=money)
    return None


def _follow_compare(query: Query, intent: str | None, prev: Query, present: frozenset[str]) -> Query | None:
    """After a comparison: add a place, or change the type or the amount, and compare again."""
    if intent not in (None, I.COMPARE, I.CITY_OVERVIEW, I.PROGRAM_INFO, I.SUBSIDY_CALC):
        return None
    places = prev.places
    if query.places:
        if "add" not in present and len(query.places) == 1 and intent not in (None, I.COMPARE):
            return None
        places = tuple(dict.fromkeys((*prev.places, *query.places)))
    return replace(
        query,
        intent=I.COMPARE,
        place=places[0] if places else None,
        places=places,
        ptypes=query.ptypes or prev.ptypes,
        money=query.money or prev.money,
    )


def _slots_fit(intent: str, query: Query) -> bool:
    """Similarity may not choose an intent whose required slots are absent."""
    if intent == I.SUBSIDY_CALC:
        return query.money is not None
    if intent in (I.PROGRAM_INFO, I.CITY_OVERVIEW):
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
