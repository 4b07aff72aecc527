"""Every fact of the seed article (상하이방, 2024-04-16) is in the dataset and attributed to it."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from bot.domain.dataset import Dataset
from bot.domain.schema import FormulaKind, MeasuredOn, ProgramType, Status
from bot.domain.staleness import stale_hints

SEED = "shanghaibang-2024-04-16"


def _cites_seed(item: object) -> bool:
    return any(ref.id == SEED for ref in item.sources)  # type: ignore[attr-defined]


def _program(dataset: Dataset, program_id: str):  # type: ignore[no-untyped-def]
    program = dataset.programs[program_id]
    assert _cites_seed(program), f"{program_id} does not cite the seed article"
    return program


def test_seed_source_is_recorded_with_its_date_and_rate(dataset: Dataset) -> None:
    """The article is a source with its URL and date; its 190 KRW/CNY is the default rate."""
    seed = dataset.source(SEED)
    assert seed.date is not None and seed.date.isoformat() == "2024-04-16"
    assert seed.url and "shanghaibang.com" in seed.url
    default = next(r for r in dataset.fx.rates if r.date == dataset.fx.default)
    assert default.krw_per_cny == Decimal(190) and default.source == SEED


def test_beijing_etown_compute_and_model_vouchers(dataset: Dataset) -> None:
    """E-Town: 1억 위안 a year of compute vouchers and 1억 위안 of model vouchers, as reported."""
    compute = _program(dataset, "beijing-etown-2024-article-compute-voucher")
    model = _program(dataset, "beijing-etown-2024-article-model-voucher")
    assert compute.type is ProgramType.COMPUTE_VOUCHER and compute.pool_cny == Decimal(100_000_000)
    assert model.type is ProgramType.MODEL_VOUCHER and model.pool_cny == Decimal(100_000_000)
    assert compute.district == model.district == "etown"
    assert compute.status is Status.REPORTED_ONLY and compute.conflicts


def test_beijing_etown_one_time_award_and_its_three_conditions(dataset: Dataset) -> None:
    """The 100만 위안 one-time award: own model released, 10+ cases, contracts above 2,000만 위안."""
    award = _program(dataset, "beijing-etown-2024-article-one-time-award")
    formula = award.formula
    assert formula.kind is FormulaKind.FIXED_AWARD and formula.award_cny == Decimal(1_000_000)
    assert len(formula.thresholds) == 3
    assert [(t.measured_on, t.min_cny) for t in formula.thresholds if t.min_cny] == [
        (MeasuredOn.CONTRACT_SALES, Decimal(20_000_000))
    ]
    assert any("10" in t.text.ko for t in formula.thresholds)


def test_beijing_etown_2026_target_and_focus_fields(dataset: Dataset) -> None:
    """The 2026 goal of 10,000 PFlops and the focus fields are recorded from the article."""
    beijing = dataset.places["beijing"]
    target = next(t for t in beijing.targets if t.id == "beijing-etown-2026-article-compute-10000p")
    assert _cites_seed(target) and target.year == 2026 and target.value == Decimal(10_000) and target.unit == "PFlops"
    fields = next(i for i in beijing.insights if i.id == "beijing-etown-2024-article-focus-fields")
    assert _cites_seed(fields)
    for word in ("자율주행", "신약", "휴머노이드", "금융"):
        assert word in fields.text.ko


def test_beijing_etown_official_text_kept_beside_the_article(dataset: Dataset) -> None:
    """The 2024-11-24 final text (30%, cap 2,000만) is a separate record; that it replaced the report
    is unverified, so the data flags the report "likely superseded: check" instead of superseded."""
    official = dataset.programs["beijing-etown-2024-compute-voucher"]
    assert official.status is Status.FINAL and official.formula.rate == Decimal("0.30")
    assert official.formula.cap_cny == Decimal(20_000_000)
    assert official.announced is not None and official.announced.isoformat() == "2024-11-24"
    assert not _cites_seed(official) or len(official.sources) > 1
    article = dataset.programs["beijing-etown-2024-article-compute-voucher"]
    assert article.superseded_by is None and official.id not in article.supersedes
    hints = stale_hints(dataset.programs_of("beijing"), dt.date(2026, 11, 23))
    assert hints[article.id].newer == official.id


def test_shanghai_suanli_pujiang_plan(dataset: Dataset) -> None:
    """Shanghai's 2024-2025 plan: 30 EFlops by end-2025 and compute vouchers, from the article."""
    shanghai = dataset.places["shanghai"]
    target = next(t for t in shanghai.targets if t.id == "shanghai-2025-article-smart-compute-30eflops")
    assert _cites_seed(target) and target.value == Decimal(30) and target.unit == "EFlops" and target.year == 2025
    voucher = _program(dataset, "shanghai-2024-suanli-pujiang-compute-voucher")
    assert voucher.type is ProgramType.COMPUTE_VOUCHER
    assert voucher.window.end is not None and voucher.window.end.isoformat() == "2025-12-31"


def test_wuhan_matching_vouchers_and_scenarios(dataset: Dataset) -> None:
    """Wuhan: 1:1 matching, up to 1,000만 위안 a year of vouchers, scenarios at 30% up to 100만 위안."""
    matching = _program(dataset, "wuhan-2024-draft-center-matching")
    assert matching.formula.kind is FormulaKind.MATCHING and matching.formula.ratio == Decimal(1)
    voucher = _program(dataset, "wuhan-2024-draft-compute-voucher")
    assert voucher.pool_cny == Decimal(10_000_000) and voucher.formula.kind is FormulaKind.POOL_ONLY
    scenario = _program(dataset, "wuhan-2024-draft-scenario-funding")
    assert scenario.formula.rate == Decimal("0.30") and scenario.formula.cap_cny == Decimal(1_000_000)
    for program in (matching, voucher, scenario):
        assert program.status is Status.DRAFT, "the 2024-03-27 text was a draft for comment"


def test_wuxi_and_qingyang_voucher_funds(dataset: Dataset) -> None:
    """Wuxi 5,000만 위안 a year; Qingyang up to 1억 위안 a year and its fields."""
    wuxi = _program(dataset, "wuxi-2024-article-compute-voucher-fund")
    assert wuxi.pool_cny == Decimal(50_000_000)
    qingyang = _program(dataset, "qingyang-2024-compute-voucher")
    assert qingyang.pool_cny == Decimal(100_000_000)
    conditions = " ".join(c.ko for c in qingyang.conditions)
    for field in ("음성 인식", "이미지 인식", "자율주행"):
        assert field in conditions


@pytest.mark.parametrize(
    ("place", "center_id", "opened", "capacity"),
    [
        ("wuhan", "wuhan-wuchang-first-center", "2024-03-28", None),
        ("huanan", "huanan-shugu-smart-computing-center", "2024-03-11", Decimal(16_000)),
        ("kelamayi", "karamay-china-mobile-cloud-center", "2024-03-14", Decimal(2_030)),
    ],
)
def test_the_three_computing_centers(
    dataset: Dataset, place: str, center_id: str, opened: str, capacity: Decimal | None
) -> None:
    """Wuchang (2024-03-28), 华南数谷 (2024-03-11, 16000P), China Mobile Karamay (2024-03-14, 2030P)."""
    center = next(c for c in dataset.places[place].computing_centers if c.id == center_id)
    assert _cites_seed(center)
    assert center.opened is not None and center.opened.isoformat() == opened
    assert center.capacity_p == capacity


def test_the_analyst_view_and_the_article_framing(dataset: Dataset) -> None:
    """Zhao Gang's analysis and the '10여 도시' framing are kept as insights citing the article."""
    insights = {i.id: i for i in dataset.places["china"].insights}
    view = insights["china-2024-zhao-gang-view"]
    assert _cites_seed(view) and "赵刚" in view.text.zh
    framing = insights["china-2024-article-framing"]
    assert _cites_seed(framing) and "10" in framing.text.ko
