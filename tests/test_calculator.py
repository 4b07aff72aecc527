"""The calculator on real programs: caps, thresholds, minimums, pools, matching, expiry, drafts."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from bot.domain.calculator import StepKind, calculate
from bot.domain.dataset import Dataset
from bot.domain.schema import Status

TODAY = dt.date(2026, 11, 23)

# program id, base CNY, expected subsidy (None: not computable), eligible, cap reached, a step that must appear
CALC_TABLE = [
    ("wuhan-2024-draft-scenario-funding", "2000000", "600000", True, False, StepKind.CAP_NOT_REACHED),
    ("wuhan-2024-draft-scenario-funding", "5000000", "1000000", True, True, StepKind.CAP_APPLIED),
    ("wuhan-2024-draft-scenario-funding", "3333333", "999999.9", True, False, StepKind.CAP_NOT_REACHED),
    ("wuhan-2024-draft-scenario-funding", "3333334", "1000000", True, True, StepKind.CAP_APPLIED),
    ("wuhan-2024-draft-scenario-funding", "3333333.33", "999999.999", True, False, StepKind.CAP_NOT_REACHED),
    ("beijing-etown-2024-compute-voucher", "2000000", "600000", True, False, StepKind.CAP_NOT_REACHED),
    ("beijing-etown-2024-compute-voucher", "100000000", "20000000", True, True, StepKind.CAP_APPLIED),
    ("xiamen-2024-compute-subsidy", "40000", "0", False, False, StepKind.BELOW_MIN_BASE),
    ("xiamen-2024-compute-subsidy", "50000", "25000", True, False, StepKind.CAP_NOT_REACHED),
    ("xiamen-2023-compute-voucher", "299999", "0", False, False, StepKind.BELOW_MIN_BASE),
    ("qingyang-2024-compute-voucher", "10000", "0", False, False, StepKind.BELOW_MINIMUM),
    ("qingyang-2024-compute-voucher", "20000", "6000", True, False, StepKind.CAP_NOT_REACHED),
    ("qingyang-2024-compute-voucher", "10000000", "2000000", True, True, StepKind.CAP_APPLIED),
    ("beijing-etown-2024-article-one-time-award", "30000000", "1000000", None, None, StepKind.THRESHOLD_UNPROVEN),
    ("beijing-etown-2024-article-one-time-award", "10000000", "1000000", None, None, StepKind.THRESHOLD_UNPROVEN),
    ("wuhan-2024-draft-center-matching", "3000000", "3000000", None, None, StepKind.MATCHING),
    ("wuxi-2024-article-compute-voucher-fund", "2000000", None, None, None, StepKind.POOL_ONLY),
    ("wuhan-2025-major-projects", "2000000", None, None, None, StepKind.CAP_ONLY),
    ("wuhan-2025-compute-voucher", "2000000", None, None, None, StepKind.NOT_PUBLISHED),
]


@pytest.mark.parametrize(("program_id", "base", "subsidy", "eligible", "cap_reached", "step"), CALC_TABLE)
def test_calculate(
    dataset: Dataset,
    program_id: str,
    base: str,
    subsidy: str | None,
    eligible: bool | None,
    cap_reached: bool | None,
    step: StepKind,
) -> None:
    """Each program applies its own formula, and says which step decided the result."""
    result = calculate(dataset.programs[program_id], "x", Decimal(base), TODAY)
    expected = None if subsidy is None else Decimal(subsidy).quantize(Decimal("0.01"))
    assert result.subsidy_cny == expected
    assert result.eligible is eligible
    assert result.outcome.cap_reached is cap_reached
    assert step in {s.kind for s in result.outcome.steps}


def test_fixed_award_lists_conditions_the_amount_cannot_prove(dataset: Dataset) -> None:
    """The E-Town award's three conditions (a product, cases, contract sales) are all to prove."""
    result = calculate(
        dataset.programs["beijing-etown-2024-article-one-time-award"], "beijing", Decimal(30_000_000), TODAY
    )
    unproven = [s for s in result.outcome.steps if s.kind is StepKind.THRESHOLD_UNPROVEN]
    assert len(unproven) == 3


def test_variant_for_small_contracts_applies_only_below_its_limit(dataset: Dataset) -> None:
    """Hangzhou's 50% SME rate applies up to 50만 위안 of contracts, not above."""
    program = dataset.programs["hangzhou-2025-compute-voucher"]
    small = calculate(program, "hangzhou", Decimal(400_000), TODAY)
    large = calculate(program, "hangzhou", Decimal(600_000), TODAY)
    sme_small = next(v for v in small.variants if v.variant.max_base_cny is not None)
    sme_large = next(v for v in large.variants if v.variant.max_base_cny is not None)
    assert sme_small.outcome.subsidy_cny == Decimal("200000.00")
    assert sme_large.outcome.subsidy_cny is None and sme_large.outcome.eligible is False


def test_expiry_is_judged_against_the_clock(dataset: Dataset) -> None:
    """Beijing's 2023-2025 voucher is in force in mid-2025 and expired in late 2026."""
    program = dataset.programs["beijing-2023-compute-voucher"]
    assert calculate(program, "beijing", Decimal(1_000_000), dt.date(2025, 6, 1)).freshness.effective is Status.FINAL
    late = calculate(program, "beijing", Decimal(1_000_000), TODAY)
    assert late.freshness.effective is Status.EXPIRED and late.freshness.expired


def test_draft_stays_flagged_as_draft(dataset: Dataset) -> None:
    """A draft for comment is never presented as current official policy."""
    result = calculate(dataset.programs["wuhan-2024-draft-scenario-funding"], "wuhan", Decimal(1), TODAY)
    assert result.freshness.effective is Status.DRAFT and not result.freshness.current_official


def test_results_never_exceed_their_cap_on_real_data(dataset: Dataset) -> None:
    """For every real program and a range of spends, the subsidy stays within the cap."""
    for _, program in dataset.all_programs():
        for base in (Decimal(1), Decimal(12_345), Decimal(2_000_000), Decimal(10) ** 10):
            result = calculate(program, "x", base, TODAY)
            cap = program.formula.cap_cny
            if cap is not None and result.subsidy_cny is not None and program.formula.kind.value != "fixed_award":
                assert result.subsidy_cny <= cap, program.id
