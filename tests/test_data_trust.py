"""Issue 16: records modelled as their texts say, and calculator lines a person can act on."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from bot.domain.calculator import Calculation, ProgramResult, Reason, StepKind, calculate, calculate_all
from bot.domain.dataset import Dataset
from bot.domain.schema import FormulaKind, MeasuredOn, ProgramType, Trait, VerificationLevel
from bot.domain.staleness import stale_hints
from bot.domain.summary import computable_count, verification_counts

TODAY = dt.date(2026, 11, 23)
# Raise these when records improve; a test fails if they go down.
MIN_OFFICIAL_TEXT = 11
MIN_COMPUTABLE = 56


def _calc(dataset: Dataset, place: str, base: int, traits: frozenset[Trait] = frozenset()) -> Calculation:
    return calculate_all(dataset.programs_of(place), place, Decimal(base), TODAY, traits)


def _result(calculation: Calculation, program_id: str) -> ProgramResult:
    return next(r for r in calculation.results if r.program.id == program_id)


def test_langfang_computes_50_percent_and_60_for_project_leads(dataset: Dataset) -> None:
    """/subsidy langfang 1000000 computes: 50% for local platforms, 60% for project leads, cap 100만."""
    result = calculate(dataset.programs["langfang-later-compute-voucher"], "langfang", Decimal(1_000_000), TODAY)
    assert result.subsidy_cny == Decimal("500000.00")
    lead = result.variants[0].outcome
    assert lead.subsidy_cny == Decimal("600000.00")
    big = calculate(dataset.programs["langfang-later-compute-voucher"], "langfang", Decimal(5_000_000), TODAY)
    assert big.subsidy_cny == Decimal(1_000_000) and big.outcome.cap_reached
    assert result.reason is Reason.REPORTED_ONLY and not result.counted  # the document is uncertain
    assert len(dataset.programs["langfang-later-compute-voucher"].conflicts) == 2  # both readings


def test_shenzhen_model_voucher_shows_the_cap_in_principle_and_the_maximum(dataset: Dataset) -> None:
    """30% of 500만 = 150만: 100만 in principle, up to 150만 under the 200만 maximum."""
    program = dataset.programs["shenzhen-2024-model-voucher"]
    result = calculate(program, "shenzhen", Decimal(5_000_000), TODAY)
    assert result.subsidy_cny == Decimal(1_000_000)
    assert result.outcome.upper_cny == Decimal("1500000.00")
    kinds = [s.kind for s in result.outcome.steps]
    assert StepKind.DEFAULT_CAP_APPLIED in kinds and StepKind.MAX_CAP in kinds
    huge = calculate(program, "shenzhen", Decimal(50_000_000), TODAY)
    assert huge.subsidy_cny == Decimal(1_000_000) and huge.outcome.upper_cny == Decimal(2_000_000)
    small = calculate(program, "shenzhen", Decimal(1_000_000), TODAY)
    assert small.subsidy_cny == Decimal("300000.00") and small.outcome.upper_cny is None


@pytest.mark.parametrize(
    ("base", "traits"), [(400_000, frozenset({Trait.SME})), (400_000, frozenset()), (10**8, frozenset())]
)
def test_hangzhou_intelligence_voucher_never_exceeds_the_combined_ceiling(
    dataset: Dataset, base: int, traits: frozenset[Trait]
) -> None:
    """智能券 stacks with the compute voucher up to 60%: an SME at 50% + 30% is held to 60%."""
    calculation = _calc(dataset, "hangzhou", base, traits)
    stacked = _result(calculation, "hangzhou-2025-intelligence-voucher")
    assert stacked.stack is not None and stacked.stack.partner == "hangzhou-2025-compute-voucher"
    assert stacked.stack.combined_cny <= Decimal("0.60") * base
    assert stacked.reason is Reason.CAP_UNPUBLISHED and not stacked.counted
    assert calculation.total_cny <= Decimal("0.60") * base


def test_hangzhou_sme_trait_selects_the_50_percent_line(dataset: Dataset) -> None:
    """With the SME trait, 40만 of contracts gives 20만 (50%), and the stack hits the 60% ceiling."""
    calculation = _calc(dataset, "hangzhou", 400_000, frozenset({Trait.SME}))
    voucher = _result(calculation, "hangzhou-2025-compute-voucher")
    assert voucher.applied is not None and Trait.SME in voucher.applied.variant.traits
    assert voucher.line.subsidy_cny == Decimal("200000.00") and voucher.counted
    stacked = _result(calculation, "hangzhou-2025-intelligence-voucher")
    assert stacked.stack is not None and stacked.stack.ceiling_applied
    assert stacked.stack.combined_cny == Decimal("240000.00")
    general = _result(_calc(dataset, "hangzhou", 400_000), "hangzhou-2025-compute-voucher")
    assert general.applied is None and general.line.subsidy_cny == Decimal("120000.00")


def test_traits_may_be_plain_strings_from_the_question(dataset: Dataset) -> None:
    """The lead passes traits as strings; unknown ones are ignored."""
    calculation = calculate_all(dataset.programs_of("shenzhen"), "shenzhen", Decimal(1_000_000), TODAY,
                                frozenset({"startup", "unicorn"}))  # fmt: skip
    voucher = _result(calculation, "shenzhen-2024-training-voucher")
    assert voucher.applied is not None and voucher.line.subsidy_cny == Decimal("600000.00")
    assert calculation.traits == frozenset({Trait.STARTUP})


def test_stacked_program_with_a_cap_counts_only_up_to_the_ceiling(dataset: Dataset) -> None:
    """A total never exceeds a stated combined ceiling, when both lines count."""
    voucher = dataset.programs["hangzhou-2025-compute-voucher"]
    smart = dataset.programs["hangzhou-2025-intelligence-voucher"]
    capped = smart.model_copy(update={"formula": smart.formula.model_copy(update={"cap_cny": Decimal(10**9)})})
    calculation = calculate_all([voucher, capped], "hangzhou", Decimal(400_000), TODAY, frozenset({Trait.SME}))
    assert all(r.counted for r in calculation.results)
    assert calculation.total_cny == Decimal("240000.00")  # 50% + 30% = 80%, held to 60%


def test_etown_contract_sales_threshold_is_a_condition_never_met_by_spend(dataset: Dataset) -> None:
    """The 2,000만 contract-sales threshold is to prove; no spend, however large, meets it."""
    program = dataset.programs["beijing-etown-2024-article-one-time-award"]
    sales = [t for t in program.formula.thresholds if t.min_cny is not None]
    assert [t.measured_on for t in sales] == [MeasuredOn.CONTRACT_SALES]
    for base in (1, 20_000_000, 10**10):
        result = calculate(program, "beijing", Decimal(base), TODAY)
        kinds = [s.kind for s in result.outcome.steps]
        assert StepKind.THRESHOLD_MET not in kinds and StepKind.THRESHOLD_NOT_MET not in kinds
        assert result.eligible is None


def test_every_threshold_says_what_it_is_measured_on(dataset: Dataset) -> None:
    for _, program in dataset.all_programs():
        for threshold in program.formula.thresholds:
            assert threshold.measured_on in MeasuredOn, program.id


def test_guizhou_top_products_award_is_yearly(dataset: Dataset) -> None:
    assert dataset.programs["guizhou-2023-top-compute-products"].type is ProgramType.ANNUAL_AWARD


@pytest.mark.parametrize(
    ("program_id", "day"),
    [
        ("beijing-2023-compute-voucher", "2023-10-17"),
        ("shanghai-xuhui-2023-draft-relocation-award", "2023-08-24"),
        ("chengdu-2025-compute-voucher", "2025-09-02"),
        ("chengdu-2025-model-use-subsidy", "2025-09-02"),
        ("chengdu-2025-scenario-funding", "2025-09-02"),
        ("chengdu-2025-green-data-center-award", "2025-09-02"),
        ("henan-2025-compute-voucher", "2025-09-08"),
    ],
)
def test_dates_from_the_research_are_recorded_with_how_they_are_known(
    dataset: Dataset, program_id: str, day: str
) -> None:
    program = dataset.programs[program_id]
    assert program.announced == dt.date.fromisoformat(day) and program.announced_note


@pytest.mark.parametrize(
    "program_id",
    ["qingdao-2024-compute-voucher", "chengdu-first-compute-voucher", "xiamen-2023-compute-voucher",
     "beijing-etown-2024-article-compute-voucher"],
)  # fmt: skip
def test_possibly_stale_programs_are_flagged_from_the_data(dataset: Dataset, program_id: str) -> None:
    """A single-year round, or a newer text on the same subject: "likely superseded: check"."""
    place = dataset.program_place[program_id]
    assert program_id in stale_hints(dataset.programs_of(place), TODAY)
    result = calculate(dataset.programs[program_id], place, Decimal(1_000_000), TODAY,
                       hint=stale_hints(dataset.programs_of(place), TODAY)[program_id])  # fmt: skip
    assert not result.freshness.current_official and not result.counted


def test_current_programs_are_not_flagged_stale(dataset: Dataset) -> None:
    for place in ("shenzhen", "hangzhou", "wuhan", "qingdao"):
        hints = stale_hints(dataset.programs_of(place), TODAY)
        for program_id in ("shenzhen-2024-model-voucher", "hangzhou-2025-compute-voucher",
                           "qingdao-2025-compute-voucher", "wuhan-2025-compute-voucher"):  # fmt: skip
            assert program_id not in hints


def test_validity_stated_as_a_duration_is_computed(dataset: Dataset) -> None:
    """Shenzhen's measures are in force for 2 years from 2024-12-18: the last day is 2026-12-17."""
    window = dataset.programs["shenzhen-2024-training-voucher"].window
    assert window.valid_for is not None and window.last_day == dt.date(2026, 12, 17)


def test_no_source_url_is_a_bare_home_page(dataset: Dataset) -> None:
    for source in dataset.sources.values():
        if source.url:
            assert source.url.rstrip("/").count("/") > 2, source.id


def test_ended_superseded_and_draft_lines_carry_a_reason_and_are_not_totalled(dataset: Dataset) -> None:
    """Beijing's 2023 voucher ended; Hangzhou 2024 is superseded; Wuhan's scenario funding is a draft."""
    for place, program_id, reason in [
        ("beijing", "beijing-2023-compute-voucher", Reason.ENDED),
        ("hangzhou", "hangzhou-2024-compute-voucher", Reason.SUPERSEDED),
        ("wuhan", "wuhan-2024-draft-scenario-funding", Reason.DRAFT),
    ]:
        result = _result(_calc(dataset, place, 2_000_000), program_id)
        assert result.reason is reason and not result.counted
        assert result.eligible_now is (None if reason is Reason.DRAFT else False)


def test_total_counts_current_official_lines_only(dataset: Dataset) -> None:
    for place in dataset.places:
        calculation = _calc(dataset, place, 2_000_000)
        for result in calculation.counted:
            assert result.freshness.current_official and result.line.eligible is True, result.program.id
            assert not result.line.cap_unpublished
        assert calculation.total_cny == sum((r.counted_cny for r in calculation.counted), Decimal(0))


def test_a_line_whose_text_forbids_stacking_is_not_totalled(dataset: Dataset) -> None:
    """Beijing's 2023 voucher excluded firms with other city-level compute subsidies."""
    program = dataset.programs["beijing-2023-compute-voucher"]
    assert program.formula.no_stacking
    in_force = calculate(program, "beijing", Decimal(1_000_000), dt.date(2025, 6, 1))
    assert in_force.reason is Reason.NO_STACKING and not in_force.counted
    assert in_force.line.subsidy_cny == Decimal("200000.00")  # still shown, only not added up


def test_a_rate_without_a_published_cap_is_never_totalled(dataset: Dataset) -> None:
    """Shanghai's city-and-district 100% for a year has no cap: shown, flagged, not counted."""
    for place in dataset.places:
        for result in _calc(dataset, place, 10**8).results:
            if result.line.cap_unpublished:
                assert not result.counted and result.counted_cny == 0, result.program.id


def test_opc_only_program_counts_only_for_an_opc(dataset: Dataset) -> None:
    general = _result(_calc(dataset, "wuhan", 100_000), "wuhan-2026-opc-compute-voucher")
    opc = _result(_calc(dataset, "wuhan", 100_000, frozenset({Trait.OPC})), "wuhan-2026-opc-compute-voucher")
    assert general.reason is Reason.NOT_FOR_APPLICANT and opc.reason is None


def test_official_text_programs_do_not_go_down(dataset: Dataset) -> None:
    counts = verification_counts(dataset)
    assert counts[VerificationLevel.OFFICIAL_TEXT] >= MIN_OFFICIAL_TEXT
    assert computable_count(dataset) >= MIN_COMPUTABLE


def test_official_text_names_the_page_and_the_date_read(dataset: Dataset) -> None:
    for _, program in dataset.all_programs():
        if program.verification.level is VerificationLevel.OFFICIAL_TEXT:
            cited = {dataset.sources[r.id].url for r in program.sources}
            assert program.verification.url in cited and program.verification.read_on, program.id


def test_every_not_published_record_says_what_was_searched(dataset: Dataset) -> None:
    """So the next person does not repeat the search."""
    for _, program in dataset.all_programs():
        if program.formula.kind is FormulaKind.NOT_PUBLISHED:
            assert program.research, program.id
            assert all(note.searched and note.found for note in program.research)


def test_a_computed_last_day_is_shown_in_window_answers(dataset: Dataset) -> None:
    """The window fact uses the computed end (2 years from 2024-12-18), not only a written one."""
    from bot.core.facts import fact
    from bot.domain.freshness import judge

    program = dataset.programs["shenzhen-2024-model-voucher"]
    text = fact(program, "window", judge(program, TODAY), frozenset(), "en")
    assert "2026-12-17" in text


def test_answers_show_the_verification_level_beside_the_status(dataset: Dataset) -> None:
    """A word beside the status, in the reply's language; a draft is not labelled twice."""
    from bot.core.describe import status_label
    from bot.domain.freshness import judge

    official = dataset.programs["xiamen-2024-compute-subsidy"]
    assert status_label(official, judge(official, TODAY), "en").endswith("· official text")
    assert status_label(official, judge(official, TODAY), "ko").endswith("· 원문 확인")
    reprint = dataset.programs["hangzhou-2025-compute-voucher"]
    assert status_label(reprint, judge(reprint, TODAY), "zh").endswith("· 转载")
    draft = dataset.programs["wuhan-2024-draft-scenario-funding"]
    assert "·" not in status_label(draft, judge(draft, TODAY), "en")
