"""Company profiles matched against every program of every place (bot/core/profile/match.py).

Expected totals are computed here from the records' own rates and caps (``_line``), not typed in.
"""

from __future__ import annotations

from decimal import Decimal

from bot.core.profile.conditions import Check
from bot.core.profile.match import Matching, match
from bot.core.profile.model import Filed, Profile, SpendKind, from_json, to_json
from bot.domain.dataset import Dataset
from tests.conftest import TODAY

M = Decimal(1_000_000)


def _line(dataset: Dataset, program_id: str, base: Decimal, rate: Decimal | None = None) -> Decimal:
    """rate × base, under the record's cap (the cap "in principle" when it has one)."""
    formula = dataset.programs[program_id].formula
    raw = (rate if rate is not None else formula.rate or Decimal(0)) * base
    caps = [c for c in (formula.default_cap_cny, formula.cap_cny) if c is not None]
    return min([raw, *caps[:1]])


def _profile(city: str | None = None, kinds: tuple[str, ...] = (), **spends: Decimal) -> Profile:
    profile = Profile(city=city, kinds=frozenset(kinds), asked=frozenset({"kinds"}) if kinds else frozenset())
    for kind, amount in spends.items():
        profile = profile.with_spend(SpendKind(kind), amount)
    return profile


def _match(dataset: Dataset, profile: Profile) -> Matching:
    return match(dataset, profile, TODAY)


def test_shanghai_sme_compute_and_model(dataset: Dataset) -> None:
    """The issue's example: Chengdu leads (60% of compute, 30% of the model API), Shenzhen next; Shanghai's own
    30% compute voucher publishes no cap, so only its model voucher counts there."""
    matching = _match(dataset, _profile("shanghai", ("sme",), compute=5 * M, model=M))
    chengdu = _line(dataset, "chengdu-2025-compute-voucher", 5 * M) + _line(
        dataset, "chengdu-2025-model-use-subsidy", M
    )
    shenzhen = _line(dataset, "shenzhen-2024-training-voucher", 5 * M) + _line(
        dataset, "shenzhen-2024-model-voucher", M
    )
    assert [(p.place, p.total_cny) for p in matching.fitting[:2]] == [("chengdu", chengdu), ("shenzhen", shenzhen)]
    shanghai = matching.of("shanghai")
    assert shanghai is not None and shanghai.total_cny == _line(dataset, "shanghai-2025-model-voucher", M)
    compute = next(f for f in shanghai.fits if f.program.id == "shanghai-2025-compute-voucher")
    assert not compute.counts and compute.amount_cny == Decimal("0.30") * 5 * M  # computed, shown, not totalled
    registered = {c.check for f in shanghai.fits for c in f.conditions if c.what == "registration"}
    assert registered == {Check.MET}  # the firm is in Shanghai
    assert all(c.check is Check.UNKNOWN for f in matching.fitting[0].counted for c in f.conditions
               if c.what == "registration")  # fmt: skip


def test_shenzhen_startup_gets_the_startup_variant(dataset: Dataset) -> None:
    """A startup's compute rental in Shenzhen: the 60% startup variant of the training voucher."""
    matching = _match(dataset, _profile("shenzhen", ("startup",), compute=2 * M))
    program = dataset.programs["shenzhen-2024-training-voucher"]
    startup = next(v for v in program.formula.variants if v.traits == {"startup"})
    shenzhen = matching.of("shenzhen")
    assert shenzhen is not None and shenzhen.total_cny == _line(dataset, program.id, 2 * M, startup.rate)
    assert shenzhen.counted[0].result is not None and shenzhen.counted[0].result.applied is not None


def test_a_one_person_company_voucher_is_only_for_one(dataset: Dataset) -> None:
    """Wuhan's OPC compute voucher counts for a one-person company and is ruled out for an SME."""
    opc = _match(dataset, _profile("wuhan", ("opc",), compute=M)).of("wuhan")
    sme = _match(dataset, _profile("wuhan", ("sme",), compute=M)).of("wuhan")
    assert opc is not None and opc.total_cny == _line(dataset, "wuhan-2026-opc-compute-voucher", M)
    assert sme is not None and sme.total_cny == 0
    ruled = next(f for f in sme.fits if f.program.id == "wuhan-2026-opc-compute-voucher")
    assert ruled.ruled_out and any(c.what == "audience" and c.check is Check.NOT_MET for c in ruled.conditions)


def test_a_district_firm_and_the_best_district_elsewhere(dataset: Dataset) -> None:
    """A listed firm in Beijing E-Town gets E-Town's compute voucher; a scenario project from a firm that has not
    chosen a place is best placed in Guangzhou's Haizhu district."""
    etown = Profile(city="beijing", district="etown", kinds=frozenset({"listed"})).with_spend(SpendKind.COMPUTE, 10 * M)
    beijing = _match(dataset, etown).of("beijing")
    assert beijing is not None and beijing.district == "etown"
    assert beijing.total_cny == _line(dataset, "beijing-etown-2024-compute-voucher", 10 * M)
    anywhere = _match(dataset, _profile(scenario=10 * M))
    best = anywhere.fitting[0]
    assert (best.place, best.district) == ("guangzhou", "haizhu")
    assert best.total_cny == _line(dataset, "guangzhou-haizhu-2024-scenario-funding", 10 * M)
    assert any(c.what == "district" and c.check is Check.UNKNOWN for c in best.counted[0].conditions)


def test_hangzhou_sme_small_contract_and_a_stack_without_a_cap(dataset: Dataset) -> None:
    """An SME's 400k contract in Hangzhou: the 50% SME variant; the stacking 智能券 has no cap, so it stays out."""
    matching = _match(dataset, _profile("hangzhou", ("sme",), compute=Decimal(400_000)))
    variant = next(v for v in dataset.programs["hangzhou-2025-compute-voucher"].formula.variants if v.traits)
    hangzhou = matching.of("hangzhou")
    assert hangzhou is not None
    assert hangzhou.total_cny == _line(dataset, "hangzhou-2025-compute-voucher", Decimal(400_000), variant.rate)
    stacked = next(f for f in hangzhou.fits if f.program.id == "hangzhou-2025-intelligence-voucher")
    assert stacked.result is not None and stacked.result.stack is not None and not stacked.counts


def test_an_unfiled_model_is_ruled_out_of_shenzhens_model_voucher(dataset: Dataset) -> None:
    """ "Only models filed with the CAC": filed counts, not filed is ruled out, unknown is a condition to prove."""
    base = _profile("shenzhen", model=M)
    totals = {}
    for filed in Filed:
        place = _match(dataset, Profile(**{**base.__dict__, "filed": filed})).of("shenzhen")
        assert place is not None
        totals[filed] = place.total_cny
    voucher = _line(dataset, "shenzhen-2024-model-voucher", M)
    assert totals == {Filed.YES: voucher, Filed.NO: Decimal(0), Filed.UNKNOWN: voucher}


def test_drafts_and_reports_are_shown_apart(dataset: Dataset) -> None:
    """Zhangzhou's reported-only voucher and Wuhan's draft scenario funding never count, but are listed apart."""
    matching = _match(dataset, _profile("wuhan", scenario=2 * M, compute=M))
    apart = {f.program.id for p in matching.places for f in p.apart}
    assert {"wuhan-2024-draft-scenario-funding", "zhangzhou-compute-voucher"} <= apart
    counted = {f.program.id for p in matching.places for f in p.counted}
    assert not apart & counted


def test_the_profile_round_trips_through_json() -> None:
    profile = Profile(city="beijing", district="etown", kinds=frozenset({"sme", "foreign"}), founded=2023,
                      filed=Filed.YES, revenue=Decimal(3 * M), headcount=12).with_spend(SpendKind.DATA, M)  # fmt: skip
    assert from_json(to_json(profile)) == profile
    assert from_json({"kinds": ["sme", "evil"], "spends": {"compute": "-5", "model": "x"}}).kinds == {"sme"}
