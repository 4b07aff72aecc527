"""What a company would get from each program of a place, with every step of the formula.

The calculator returns structured :class:`Step` values; wording and number formatting are
the core's job. Nothing here invents a number: a program without a published formula
gives ``subsidy_cny=None`` and says why.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, replace
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum

from bot.domain.freshness import Freshness, judge
from bot.domain.schema import Formula, FormulaKind, Program, Status, Trait, Variant
from bot.domain.staleness import StaleHint, stale_hints

CENT = Decimal("0.01")


class StepKind(StrEnum):
    PRODUCT = "product"  # rate x base = raw
    CAP_APPLIED = "cap_applied"  # raw > cap, so cap
    CAP_NOT_REACHED = "cap_not_reached"
    DEFAULT_CAP_APPLIED = "default_cap_applied"  # raw > the cap "in principle", so that cap
    MAX_CAP = "max_cap"  # what the maximum cap would allow
    NO_CAP = "no_cap"  # a rate with no published cap
    BELOW_MIN_BASE = "below_min_base"  # the spend is under the entry threshold
    BELOW_MINIMUM = "below_minimum"  # the result is under the smallest award paid
    ABOVE_MAX_BASE = "above_max_base"  # a variant for small contracts does not apply
    MATCHING = "matching"  # ratio x grant
    AWARD = "award"
    THRESHOLD_MET = "threshold_met"
    THRESHOLD_NOT_MET = "threshold_not_met"
    THRESHOLD_UNPROVEN = "threshold_unproven"  # a condition to prove: not measured on the spend
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
    """One formula applied to one base.

    ``subsidy_cny`` is what is paid as a rule (under a cap "in principle" when there is one);
    ``upper_cny`` is what the maximum cap would allow when that is more."""

    subsidy_cny: Decimal | None
    eligible: bool | None  # None: the amount alone cannot decide
    cap_reached: bool | None
    steps: tuple[Step, ...]
    upper_cny: Decimal | None = None

    @property
    def cap_unpublished(self) -> bool:
        return any(step.kind is StepKind.NO_CAP for step in self.steps)


class Reason(StrEnum):
    """Why a line does not count in the total (or counts only once something is proven)."""

    ENDED = "ended"
    SUPERSEDED = "superseded"
    LIKELY_SUPERSEDED = "likely_superseded"
    DRAFT = "draft"
    REPORTED_ONLY = "reported_only"
    NOT_STARTED = "not_started"
    NO_FORMULA = "no_formula"  # only a cap, a pool, or nothing was published
    CONDITION_TO_PROVE = "condition_to_prove"  # thresholds or a grant the amount cannot prove
    BELOW_MIN_BASE = "below_min_base"
    BELOW_MINIMUM = "below_minimum"
    THRESHOLD_NOT_MET = "threshold_not_met"
    ABOVE_MAX_BASE = "above_max_base"
    CAP_UNPUBLISHED = "cap_unpublished"  # a rate with no published cap is never totalled
    NO_STACKING = "no_stacking"  # the text forbids combining it with other support
    NOT_FOR_APPLICANT = "not_for_applicant"  # meant for applicants with traits the asker lacks


STATUS_REASONS = {
    Reason.ENDED,
    Reason.SUPERSEDED,
    Reason.LIKELY_SUPERSEDED,
    Reason.DRAFT,
    Reason.REPORTED_ONLY,
    Reason.NOT_STARTED,
}


@dataclass(frozen=True)
class Stack:
    """A program added to another on the same spend, up to a combined rate."""

    partner: str  # the other program's id
    partner_cny: Decimal
    combined_cny: Decimal  # both together, after the ceiling
    ceiling_cny: Decimal  # combined rate x base
    ceiling_applied: bool

    @property
    def own_share_cny(self) -> Decimal:
        """What this program adds on top of its partner, within the ceiling."""
        return self.combined_cny - self.partner_cny


@dataclass(frozen=True)
class VariantOutcome:
    variant: Variant
    outcome: Outcome


@dataclass(frozen=True)
class ProgramResult:
    """A program's answer for one amount.

    ``outcome`` is the general formula; ``applied`` the variant the asker's traits select, if
    any; ``line`` whichever of the two applies. ``reason`` says why the line does not count in a
    total (``None``: it counts)."""

    program: Program
    place: str
    base_cny: Decimal
    outcome: Outcome
    variants: tuple[VariantOutcome, ...]
    freshness: Freshness
    applied: VariantOutcome | None = None
    reason: Reason | None = None
    stack: Stack | None = None

    @property
    def line(self) -> Outcome:
        return self.applied.outcome if self.applied is not None else self.outcome

    @property
    def subsidy_cny(self) -> Decimal | None:
        return self.outcome.subsidy_cny

    @property
    def eligible(self) -> bool | None:
        return self.outcome.eligible

    @property
    def counted(self) -> bool:
        """Whether the line counts in ``total_cny``."""
        return self.reason is None

    @property
    def eligible_now(self) -> bool | None:
        """Eligibility judged with the status: ended and superseded lines are not, drafts, reports
        and likely superseded ones cannot be decided, the rest as the amount decides."""
        if self.reason in (Reason.ENDED, Reason.SUPERSEDED):
            return False
        if self.reason in STATUS_REASONS or self.reason is Reason.NOT_FOR_APPLICANT:
            return None
        return self.line.eligible

    @property
    def counted_cny(self) -> Decimal:
        """What the line adds to the total: its share within a stacking ceiling, or its amount."""
        if not self.counted or self.line.subsidy_cny is None:
            return Decimal(0)
        if self.stack is not None:
            return self.stack.own_share_cny
        return self.line.subsidy_cny


@dataclass(frozen=True)
class Calculation:
    """Every program of a place for one amount, and the total of the lines that count."""

    results: tuple[ProgramResult, ...]
    total_cny: Decimal
    traits: frozenset[Trait]

    @property
    def counted(self) -> tuple[ProgramResult, ...]:
        return tuple(r for r in self.results if r.counted)


def _cents(value: Decimal) -> Decimal:
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def _rate_cap(
    rate: Decimal, base: Decimal, formula: Formula, cap: Decimal | None, default_cap: Decimal | None = None
) -> Outcome:
    if formula.min_base_cny is not None and base < formula.min_base_cny:
        below = Step(StepKind.BELOW_MIN_BASE, base=base, limit=formula.min_base_cny)
        return Outcome(Decimal(0), False, False, (below,))
    raw = _cents(rate * base)
    steps = [Step(StepKind.PRODUCT, rate=rate, base=base, value=raw)]
    subsidy: Decimal = raw
    upper: Decimal | None = None
    cap_reached: bool | None = False
    if cap is None:
        cap_reached = None
        steps.append(Step(StepKind.NO_CAP))
    elif default_cap is not None and raw > default_cap:
        subsidy, cap_reached = default_cap, True
        upper = min(raw, cap)
        steps.append(Step(StepKind.DEFAULT_CAP_APPLIED, value=default_cap, limit=default_cap))
        steps.append(Step(StepKind.MAX_CAP, value=upper, limit=cap))
    elif raw > cap:
        subsidy, cap_reached = cap, True
        steps.append(Step(StepKind.CAP_APPLIED, value=cap, limit=cap))
    else:
        steps.append(Step(StepKind.CAP_NOT_REACHED, limit=default_cap if default_cap is not None else cap))
    if formula.minimum_cny is not None and subsidy < formula.minimum_cny:
        steps.append(Step(StepKind.BELOW_MINIMUM, value=subsidy, limit=formula.minimum_cny))
        return Outcome(Decimal(0), False, cap_reached, tuple(steps))
    return Outcome(subsidy, True, cap_reached, tuple(steps), upper_cny=upper)


def _fixed_award(base: Decimal, formula: Formula) -> Outcome:
    award = formula.award_cny or Decimal(0)
    steps = [Step(StepKind.AWARD, value=award)]
    failed = unproven = False
    for index, threshold in enumerate(formula.thresholds):
        if not threshold.checkable_from_spend or threshold.min_cny is None:
            # contract sales, revenue, filings ...: the amount typed is a spend and proves none of them
            unproven = True
            steps.append(Step(StepKind.THRESHOLD_UNPROVEN, limit=threshold.min_cny, index=index))
        elif base >= threshold.min_cny:
            steps.append(Step(StepKind.THRESHOLD_MET, base=base, limit=threshold.min_cny, index=index))
        else:
            failed = True
            steps.append(Step(StepKind.THRESHOLD_NOT_MET, base=base, limit=threshold.min_cny, index=index))
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
            return _rate_cap(formula.rate, base, formula, formula.cap_cny, formula.default_cap_cny)
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
    if variant.cap_cny is not None:
        return _rate_cap(rate, base, formula, variant.cap_cny)
    return _rate_cap(rate, base, formula, formula.cap_cny, formula.default_cap_cny)


def as_traits(values: Iterable[str]) -> frozenset[Trait]:
    """Applicant traits from plain strings (``"sme"``, ``"startup"`` ...); unknown ones are ignored."""
    known = {trait.value for trait in Trait}
    return frozenset(Trait(value) for value in values if value in known)


def select_variant(variants: Iterable[VariantOutcome], traits: frozenset[Trait]) -> VariantOutcome | None:
    """The variant the asker's traits select: every trait it names is the asker's, and it applies
    to the amount; the most specific first, then the larger amount."""
    fitting = [
        v
        for v in variants
        if v.variant.traits and v.variant.traits <= traits and v.outcome.eligible is not False
        and v.outcome.subsidy_cny is not None
    ]  # fmt: skip
    if not fitting:
        return None
    return max(fitting, key=lambda v: (len(v.variant.traits), v.outcome.subsidy_cny or Decimal(0)))


def _status_reason(freshness: Freshness) -> Reason | None:
    if freshness.expired:
        return Reason.ENDED
    if freshness.superseded_by is not None:
        return Reason.SUPERSEDED
    if freshness.declared is Status.DRAFT:
        return Reason.DRAFT
    if freshness.declared is Status.REPORTED_ONLY:
        return Reason.REPORTED_ONLY
    if freshness.not_started:
        return Reason.NOT_STARTED
    if freshness.likely_superseded is not None:
        return Reason.LIKELY_SUPERSEDED
    return None


OUTCOME_REASONS = {
    StepKind.BELOW_MIN_BASE: Reason.BELOW_MIN_BASE,
    StepKind.BELOW_MINIMUM: Reason.BELOW_MINIMUM,
    StepKind.THRESHOLD_NOT_MET: Reason.THRESHOLD_NOT_MET,
    StepKind.ABOVE_MAX_BASE: Reason.ABOVE_MAX_BASE,
}


def _outcome_reason(outcome: Outcome) -> Reason | None:
    if outcome.subsidy_cny is None and outcome.eligible is not False:
        return Reason.NO_FORMULA
    if outcome.eligible is False:
        kinds = [s.kind for s in outcome.steps if s.kind in OUTCOME_REASONS]
        return OUTCOME_REASONS[kinds[0]] if kinds else Reason.THRESHOLD_NOT_MET
    if outcome.cap_unpublished:
        return Reason.CAP_UNPUBLISHED
    if outcome.eligible is None:
        return Reason.CONDITION_TO_PROVE
    return None


def _reason(program: Program, freshness: Freshness, line: Outcome, traits: frozenset[Trait]) -> Reason | None:
    """Why the line does not count in a total; ``None`` when it does."""
    status = _status_reason(freshness)
    if status is not None:
        return status
    if program.audience and not program.audience <= traits:
        return Reason.NOT_FOR_APPLICANT
    outcome = _outcome_reason(line)
    if outcome is not None:
        return outcome
    if program.formula.no_stacking:
        return Reason.NO_STACKING
    return None


def calculate(
    program: Program,
    place: str,
    base_cny: Decimal,
    today: dt.date,
    traits: frozenset[str] = frozenset(),
    hint: StaleHint | None = None,
) -> ProgramResult:
    """The result of ``program`` for a spend (or grant, or contract value) of ``base_cny``.

    ``traits`` are the asker's (SME, startup ...): they select the variant that applies.
    ``hint`` is the data's "likely superseded" judgement (see :mod:`bot.domain.staleness`)."""
    asker = as_traits(traits)
    formula = program.formula
    variants = tuple(VariantOutcome(v, _apply_variant(formula, v, base_cny)) for v in formula.variants)
    freshness = judge(program, today, hint)
    outcome = apply_formula(formula, base_cny)
    applied = select_variant(variants, asker)
    line = applied.outcome if applied is not None else outcome
    return ProgramResult(
        program=program,
        place=place,
        base_cny=base_cny,
        outcome=outcome,
        variants=variants,
        freshness=freshness,
        applied=applied,
        reason=_reason(program, freshness, line, asker),
    )


def _with_stack(result: ProgramResult, by_id: dict[str, ProgramResult]) -> ProgramResult:
    """Bound a stacking program and its partner together by the stated combined rate."""
    stacking = result.program.formula.stacking
    own = result.line.subsidy_cny
    if stacking is None or own is None or stacking.program not in by_id:
        return result
    partner = by_id[stacking.program]
    partner_cny = partner.line.subsidy_cny if partner.counted else Decimal(0)
    partner_cny = partner_cny or Decimal(0)
    combined_rate = stacking.combined_rate
    if result.applied is not None and result.applied.variant.combined_rate is not None:
        combined_rate = result.applied.variant.combined_rate
    ceiling = _cents(combined_rate * result.base_cny)
    combined = min(own + partner_cny, max(ceiling, partner_cny))
    stack = Stack(stacking.program, partner_cny, combined, ceiling, own + partner_cny > ceiling)
    return replace(result, stack=stack)


def calculate_all(
    programs: Iterable[Program],
    place: str,
    base_cny: Decimal,
    today: dt.date,
    traits: frozenset[str] = frozenset(),
    context: Iterable[Program] | None = None,
) -> Calculation:
    """Every program for one amount, with the total of the current official lines that count.

    ``context`` is every program of the place (for the staleness rules), when ``programs`` is a
    selection of them. A total never counts a line that ended, is superseded, a draft, a report,
    unproven, forbidden to stack, or a rate whose cap is unpublished; stacked programs together
    never exceed their combined ceiling."""
    chosen = list(programs)
    hints = stale_hints(context if context is not None else chosen, today)
    asker = as_traits(traits)
    results = [calculate(p, place, base_cny, today, asker, hints.get(p.id)) for p in chosen]
    by_id = {r.program.id: r for r in results}
    results = [_with_stack(r, by_id) for r in results]
    total = sum((r.counted_cny for r in results), Decimal(0))
    return Calculation(tuple(results), total, asker)


def sort_results(results: list[ProgramResult]) -> list[ProgramResult]:
    """Computable results first; then current official before drafts, reports and expired; larger first."""

    def key(result: ProgramResult) -> tuple[int, int, Decimal]:
        computable = 0 if result.subsidy_cny is not None else 1
        return (computable, result.freshness.rank, -(result.subsidy_cny or Decimal(0)))

    return sorted(results, key=key)
