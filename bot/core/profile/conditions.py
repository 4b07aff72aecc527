"""Each condition of a program checked against a profile: met, not met, or unknown (still to prove).

Structured facts are checked: the place and district a program belongs to, the applicants it is reserved
for (``audience``), the thresholds and what they are measured on (a filing, revenue, the spend), and the
spend the calculator judged (a minimum, a threshold). The text conditions are read only for what they
name unmistakably: a filing requirement (备案, unless the text is about models the firm *uses*), a kind
of firm (SMEs, startups ...), or ownership (外资, 内资). Every other text condition is one to prove.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from bot.core.facts import restricted_to
from bot.core.profile.model import Filed, Profile
from bot.domain.calculator import ProgramResult, StepKind
from bot.domain.dataset import Dataset
from bot.domain.schema import MeasuredOn, PlaceFile, PlaceKind, Program, Text
from bot.nlu.concepts import TRAITS
from bot.nlu.forms import contains_any
from bot.nlu.normalize import normalize

OWNERSHIP_WORDS = ("外资", "外商", "内资", "中资", "国有", "foreign-invested", "domestic-owned")


class Check(StrEnum):
    MET = "met"
    NOT_MET = "not_met"
    UNKNOWN = "unknown"


@dataclass(frozen=True)
class Condition:
    """One condition and how the profile stands against it.

    ``what``: registration, district, audience, filing, kind, ownership, revenue, threshold, minimum, text."""

    what: str
    check: Check
    text: Text | None = None  # the data's own words, when the condition has them
    place: str | None = None  # registration / district: where
    district: str | None = None
    traits: frozenset[str] = frozenset()  # audience / kind: the kinds of firm named
    limit: Decimal | None = None  # revenue / minimum / threshold: the figure


def _kinds_known(profile: Profile) -> bool:
    return bool(profile.kinds) or "kinds" in profile.asked


def registration(dataset: Dataset, place: PlaceFile, program: Program, profile: Profile) -> list[Condition]:
    """Where the firm must be: the place (met when it is the profile's city or contains it), and a district."""
    home = dataset.places.get(profile.city) if profile.city else None
    inside = place.kind is PlaceKind.COUNTRY or (
        home is not None and (home.slug == place.slug or home.parent == place.slug)
    )
    found = [Condition("registration", Check.MET if inside else Check.UNKNOWN, place=place.slug)]
    if program.district is not None:
        if home is not None and home.slug == place.slug and profile.district is not None:
            check = Check.MET if profile.district == program.district else Check.NOT_MET
        else:
            check = Check.UNKNOWN
        found.append(Condition("district", check, place=place.slug, district=program.district))
    return found


def audience(program: Program, profile: Profile) -> list[Condition]:
    """The kinds of firm a program is reserved for: its ``audience``, else the kinds its name names (an OPC
    voucher); met when the profile has them all, not met when the profile said what kind of firm it is."""
    wanted = frozenset(trait.value for trait in program.audience) or restricted_to(program)
    if not wanted:
        return []
    check = Check.MET if wanted <= profile.kinds else Check.NOT_MET if _kinds_known(profile) else Check.UNKNOWN
    return [Condition("audience", check, traits=wanted)]


def _filing_check(profile: Profile) -> Check:
    return {Filed.YES: Check.MET, Filed.NO: Check.NOT_MET}.get(profile.filed, Check.UNKNOWN)


def thresholds(program: Program, profile: Profile) -> list[Condition]:
    found = []
    for threshold in program.formula.thresholds:
        measure = threshold.measured_on
        if measure is MeasuredOn.MODEL_FILING:
            found.append(Condition("filing", _filing_check(profile), text=threshold.text))
        elif measure is MeasuredOn.REVENUE and threshold.min_cny is not None and profile.revenue is not None:
            check = Check.MET if profile.revenue >= threshold.min_cny else Check.NOT_MET
            found.append(Condition("revenue", check, text=threshold.text, limit=threshold.min_cny))
        elif measure is not MeasuredOn.SPEND:  # a spend threshold is the calculator's (see judged)
            found.append(Condition("threshold", Check.UNKNOWN, text=threshold.text, limit=threshold.min_cny))
    return found


def _named_traits(text: Text) -> frozenset[str]:
    compact = normalize(f"{text.zh} {text.en} {text.ko}").compact
    return frozenset(trait for trait, forms in TRAITS.items() if contains_any(compact, forms))


def texts(program: Program, profile: Profile) -> list[Condition]:
    """The program's written conditions: a filing, a kind of firm or ownership where they say so."""
    found = []
    for text in program.conditions:
        if "备案" in text.zh and "使用" not in text.zh:
            found.append(Condition("filing", _filing_check(profile), text=text))
        elif any(word in text.zh or word in text.en for word in OWNERSHIP_WORDS):
            found.append(Condition("ownership", Check.UNKNOWN, text=text))
        elif named := _named_traits(text):
            check = Check.MET if named & profile.kinds else Check.UNKNOWN
            found.append(Condition("kind", check, text=text, traits=named))
        else:
            found.append(Condition("text", Check.UNKNOWN, text=text))
    return found


def judged(result: ProgramResult) -> list[Condition]:
    """What the calculator decided on the spend: a minimum spend, a threshold on it."""
    found = []
    for step in result.line.steps:
        if step.kind is StepKind.BELOW_MIN_BASE:
            found.append(Condition("minimum", Check.NOT_MET, limit=step.limit))
        elif step.kind in (StepKind.THRESHOLD_MET, StepKind.THRESHOLD_NOT_MET):
            check = Check.MET if step.kind is StepKind.THRESHOLD_MET else Check.NOT_MET
            found.append(Condition("threshold", check, limit=step.limit))
    if result.program.formula.min_base_cny is not None and not found:
        found.append(Condition("minimum", Check.MET, limit=result.program.formula.min_base_cny))
    return found


def all_conditions(
    dataset: Dataset, place: PlaceFile, program: Program, profile: Profile, result: ProgramResult | None
) -> tuple[Condition, ...]:
    found = registration(dataset, place, program, profile) + audience(program, profile)
    found += thresholds(program, profile) + texts(program, profile)
    if result is not None:
        found += judged(result)
    return tuple(found)
