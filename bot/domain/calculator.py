"""What a company would get from each program of a place, with every step of the formula.

The calculator returns structured :class:`Step` values; wording and number formatting are
the core's job. Nothing here invents a number: a program without a published formula
gives ``subsidy_cny=None`` and says why.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum

from bot.domain.freshness import Freshness, judge
from bot.domain.schema import Formula, FormulaKind, Program, Variant

CENT = Decimal("0.01")


class StepKind(StrEnum):
    PRODUCT = "product"  # rate x base = raw
    CAP_APPLIED = "cap_applied"  # raw > cap, so cap
    CAP_NOT_REACHED = "cap_not_reached"
    NO_CAP = "no_cap"
    BELOW_MIN_BASE = "below_min_base"  # the spend is under the entry threshold
    BELOW_MINIMUM = "below_minimum"  # the result is under the smallest award paid
    ABOVE_MAX_BASE = "above_max_base"  # a variant for small contracts does not apply
    MATCHING = "matching"  # ratio x grant
    AWARD = "award"
    THRESHOLD_MET = "threshold_met"
    THRESHOLD_NOT_MET = "threshold_not_met"
    THRESHOLD_UNPROVEN = "threshold_unproven"
    CAP_ONLY = "cap_only"  # "up to X", no rate published
    POOL_ONLY = "pool_only"
    NOT_PUBLISHED = "not_published"


@dataclass(frozen=True)
class Step:
    kind: StepKind
    rate: Decimal | None = None
    base: Decimal | None = None
    value: Decimal | None = None
    limit: Decimal | None = None
    index: int | None = None  # which threshold


@dataclass(frozen=True)
class Outcome:
    """One formula applied to one base."""

    subsidy_cny: Decimal | None
    eligible: bool | None  # None: the amount alone cannot decide
    cap_reached: bool | None
    steps: tuple[Step, ...]


@dataclass(frozen=True)
class VariantOutcome:
    variant: Variant
    outcome: Outcome


@dataclass(frozen=True)
class ProgramResult:
    """A program's answer for one amount."""

    program: Program
    place: str
    base_cny: Decimal
    outcome: Outcome
    variants: tuple[VariantOutcome, ...]
    freshness: Freshness

    @property
    def subsidy_cny(self) -> Decimal | None:
        return self.outcome.subsidy_cny

    @property
    def eligible(self) -> bool | None:
        return self.outcome.eligible


def _cents(value: Decimal) -> Decimal:
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def _rate_cap(rate: Decimal, base: Decimal, formula: Formula, cap: Decimal | None) -> Outcome:
    if formula.min_base_cny is not None and base < formula.min_base_cny:
        below = Step(StepKind.BELOW_MIN_BASE, base=base, limit=formula.min_base_cny)
        return Outcome(Decimal(0), False, False, (below,))
    raw = _cents(rate * base)
    steps = [Step(StepKind.PRODUCT, rate=rate, base=base, value=raw)]
    subsidy: Decimal = raw
    cap_reached: bool | None = False
    if cap is None:
        cap_reached = None
        steps.append(Step(StepKind.NO_CAP))
    elif raw > cap:
        subsidy, cap_reached = cap, True
        steps.append(Step(StepKind.CAP_APPLIED, value=cap, limit=cap))
    else:
        steps.append(Step(StepKind.CAP_NOT_REACHED, limit=cap))
    if formula.minimum_cny is not None and subsidy < formula.minimum_cny:
        steps.append(Step(StepKind.BELOW_MINIMUM, value=subsidy, limit=formula.minimum_cny))
        return Outcome(Decimal(0), False, cap_reached, tuple(steps))
    return Outcome(subsidy, True, cap_reached, tuple(steps))


def _fixed_award(base: Decimal, formula: Formula) -> Outcome:
    award = formula.award_cny or Decimal(0)
    steps = [Step(StepKind.AWARD, value=award)]
    failed = unproven = False
    for index, threshold in enumerate(formula.thresholds):
        if threshold.min_base_cny is None:
            unproven = True
            steps.append(Step(StepKind.THRESHOLD_UNPROVEN, index=index))
        elif base >= threshold.min_base_cny:
            steps.append(Step(StepKind.THRESHOLD_MET, base=base, limit=threshold.min_base_cny, index=index))
        else:
            failed = True
            steps.append(Step(StepKind.THRESHOLD_NOT_MET, base=base, limit=threshold.min_base_cny, index=index))
    if failed:
        return Outcome(Decimal(0), False, None, tuple(steps))
    return Outcome(award, None if unproven else True, None, tuple(steps))


def _matching(base: Decimal, formula: Formula) -> Outcome:
    ratio = formula.ratio or Decimal(1)
    raw = _cents(ratio * base)
    steps = [Step(StepKind.MATCHING, rate=ratio, base=base, value=raw)]
    if formula.cap_cny is not None and raw > formula.cap_cny:
        steps.append(Step(StepKind.CAP_APPLIED, value=formula.cap_cny, limit=formula.cap_cny))
        return Outcome(formula.cap_cny, None, True, tuple(steps))
    # The amount is read as a grant received elsewhere, which the amount alone cannot prove.
    return Outcome(raw, None, False if formula.cap_cny is not None else None, tuple(steps))


def apply_formula(formula: Formula, base: Decimal) -> Outcome:
    """Apply ``formula`` to ``base`` CNY."""
    match formula.kind:
        case FormulaKind.RATE_CAP:
            assert formula.rate is not None  # guaranteed by the schema
            return _rate_cap(formula.rate, base, formula, formula.cap_cny)
        case FormulaKind.FIXED_AWARD:
            return _fixed_award(base, formula)
        case FormulaKind.MATCHING:
            return _matching(base, formula)
        case FormulaKind.CAP_ONLY:
            return Outcome(None, None, None, (Step(StepKind.CAP_ONLY, limit=formula.cap_cny),))
        case FormulaKind.POOL_ONLY:
            return Outcome(None, None, None, (Step(StepKind.POOL_ONLY),))
        case _:
            return Outcome(None, None, None, (Step(StepKind.NOT_PUBLISHED),))


def _apply_variant(formula: Formula, variant: Variant, base: Decimal) -> Outcome:
    if variant.max_base_cny is not None and base > variant.max_base_cny:
        return Outcome(None, False, None, (Step(StepKind.ABOVE_MAX_BASE, base=base, limit=variant.max_base_cny),))
    rate = variant.rate if variant.rate is not None else formula.rate
    if rate is None:
        cap = variant.cap_cny if variant.cap_cny is not None else formula.cap_cny
        return Outcome(None, None, None, (Step(StepKind.CAP_ONLY, limit=cap),))
    cap = variant.cap_cny if variant.cap_cny is not None else formula.cap_cny
    return _rate_cap(rate, base, formula, cap)


def calculate(program: Program, place: str, base_cny: Decimal, today: dt.date) -> ProgramResult:
    """The result of ``program`` for a spend (or grant, or contract value) of ``base_cny``."""
    formula = program.formula
    variants = tuple(VariantOutcome(v, _apply_variant(formula, v, base_cny)) for v in formula.variants)
    return ProgramResult(
        program=program,
        place=place,
        base_cny=base_cny,
        outcome=apply_formula(formula, base_cny),
        variants=variants,
        freshness=judge(program, today),
    )


def sort_results(results: list[ProgramResult]) -> list[ProgramResult]:
    """Computable results first; then current official before drafts, reports and expired; larger first."""

    def key(result: ProgramResult) -> tuple[int, int, Decimal]:
        computable = 0 if result.subsidy_cny is not None else 1
        return (computable, result.freshness.rank, -(result.subsidy_cny or Decimal(0)))

    return sorted(results, key=key)
