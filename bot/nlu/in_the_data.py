"""The asked aspect read against the programs it is asked of: a question can only ask what the data can answer.

- A "minimum" (not named as such) of a program whose minimum is one of its conditions ("contracts above 20 million
  CNY" as a condition of a fixed award, not a spend before anything is paid) asks the conditions.
- A program asked "…in won too" with no aspect of its own asks its amount, in won.
- A figure put forward to check is checked against what it is in the data: the pool's figure asks the budget,
  a cap's figure the amount ("우시 산력권 5천만 맞음?").
- A figure the data holds for the place's program (its pool, a cap, an award, a floor) is quoted, not spent, unless
  a spend word says otherwise ("톈진 산력권 연 2000만이면 한 회사당은 얼마나 받아요?": Tianjin's yearly pool).
- An aspect asked of a place with one kind of program only ("항저우 중소기업은 몇 %까지?") is asked of that kind.
"""

from __future__ import annotations

from decimal import Decimal

from bot.domain.dataset import Dataset
from bot.domain.gazetteer import PlaceRef
from bot.domain.money import Money
from bot.domain.schema import Program, ProgramType, Status
from bot.nlu import intents as I
from bot.nlu.aspects import find_aspect
from bot.nlu.forms import forms_of, has_any
from bot.nlu.normalize import normalize
from bot.nlu.query import Query

# Words that ask the minimum itself ("계약 최소 얼마", "minimum contract value"), whatever the data calls it; a
# floor asked as what must be exceeded ("계약 얼마 넘어야 돼?", "contracts above how much?") asks the conditions.
_MINIMUM_WORDS = forms_of("최소 최저 하한 minimum minimal lowest least 最低 最少 至少 起步 超过多少")


def _asked_programs(dataset: Dataset, query: Query) -> list[Program]:
    if query.place is None:
        return []
    ref = query.place
    programs = [p for p in dataset.programs_of(ref.place) if not query.ptypes or p.type in query.ptypes]
    own = [p for p in programs if ref.district is not None and p.district == ref.district]
    return own or [p for p in programs if p.district is None or ref.district is None]


def _minimum_in_formula(program: Program) -> bool:
    return program.formula.min_base_cny is not None or program.formula.minimum_cny is not None


def _minimum_in_conditions(program: Program) -> bool:
    return any(threshold.min_cny is not None for threshold in program.formula.thresholds)


def aspect_in_the_data(dataset: Dataset, query: Query) -> str | None:
    """The aspect ``query`` asks, in the light of the programs it is about."""
    if query.intent != I.PROGRAM_INFO:
        return query.aspect
    if query.aspect is None and "fx" in query.parts:
        return "amount"  # "zhuhai model filing reward, in won too"
    money = query.money if query.amount_role == "check" and query.aspect in (None, "amount", "budget") else None
    if money is not None and find_aspect(normalize(query.text)) not in ("amount", "budget"):  # not "상한 5000만…"
        figure = money.amount if money.currency.value == "CNY" else None
        programs = _asked_programs(dataset, query) if figure is not None else []
        pools = {p.pool_cny for p in programs if p.pool_cny is not None}
        caps = {p.formula.cap_cny for p in programs if p.formula.cap_cny is not None}
        if figure in pools and figure not in caps:
            return "budget"  # "우시 산력권 5천만 맞음?": the figure is the pool's, so the pool is what is checked
        if figure in caps and figure not in pools:
            return "amount"
    if query.aspect == "minimum" and not has_any(normalize(query.text), _MINIMUM_WORDS):
        programs = _asked_programs(dataset, query)
        if any(map(_minimum_in_conditions, programs)) and not any(map(_minimum_in_formula, programs)):
            return "conditions"  # "E-Town one-time award needs contracts above how much?"
    return query.aspect


def _programs_at(dataset: Dataset, ref: PlaceRef, ptypes: frozenset[ProgramType] = frozenset()) -> list[Program]:
    """The place's programs (a district's with its city's), of the asked kinds or any."""
    return [
        p
        for p in dataset.programs_of(ref.place)
        if (not ptypes or p.type in ptypes) and (ref.district is None or p.district in (None, ref.district))
    ]


def _figures(program: Program) -> dict[Decimal, str]:
    """The program's figures in yuan and what each is: its pool ("budget"), a cap or an award ("amount"), a floor
    ("minimum"); a figure that is two of them is the first."""
    formula = program.formula
    named = (
        ("minimum", (formula.min_base_cny, formula.minimum_cny, *(t.min_cny for t in formula.thresholds))),
        (
            "amount",
            (formula.cap_cny, formula.default_cap_cny, formula.award_cny, *(v.cap_cny for v in formula.variants)),
        ),
        ("budget", (program.pool_cny,)),
    )
    return {figure: name for name, figures in named for figure in figures if figure is not None}


def _rates(program: Program) -> set[Decimal | None]:
    formula = program.formula
    held = {formula.rate, *(v.rate for v in formula.variants), *(v.combined_rate for v in formula.variants)}
    return held | ({formula.stacking.combined_rate} if formula.stacking is not None else set())


def figure_in_the_data(dataset: Dataset, ref: PlaceRef, ptypes: frozenset[ProgramType], money: Money) -> str | None:
    """What a figure in yuan is among the place's programs (of the asked kinds, or any): its pool ("budget"), a cap or
    an award ("amount"), or a floor ("minimum"); None when no program of the place holds that figure."""
    if money.currency.value != "CNY":
        return None
    found = {_figures(program).get(money.amount) for program in _programs_at(dataset, ref, ptypes)}
    return next((name for name in ("budget", "amount", "minimum") if name in found), None)


def kind_holding(
    dataset: Dataset, ref: PlaceRef, money: Money | None, rates: tuple[Decimal, ...]
) -> ProgramType | None:
    """The one kind of the place's programs that holds the figure or the rates quoted with no kind named ("Langfang
    caps it at 1M per unit per year", "상하이 80% 지원설 가짜임?"); None when no kind, or several, hold them."""
    figure = money.amount if money is not None and money.currency.value == "CNY" else None
    kinds = {
        program.type
        for program in _programs_at(dataset, ref)
        if (figure is not None and figure in _figures(program))
        or (rates and all(rate in _rates(program) for rate in rates))
    }
    return next(iter(kinds)) if len(kinds) == 1 else None


def only_type(dataset: Dataset, ref: PlaceRef) -> ProgramType | None:
    """The one kind of program a place holds (a district: its own, or else its city's); None when several or none."""
    programs = dataset.programs_of(ref.place)
    own = [p for p in programs if ref.district is not None and p.district == ref.district]
    kinds = {p.type for p in own} or {p.type for p in programs if ref.district is None or p.district is None}
    return next(iter(kinds)) if len(kinds) == 1 else None


def main_type(dataset: Dataset, ref: PlaceRef) -> ProgramType | None:
    """The kind a question about a place's program means when it names none: its one kind, or else its compute
    voucher, the program the others are measured against ("주하이 免申即享이면 신청 안 해도 돼?")."""
    only = only_type(dataset, ref)
    if only is not None:
        return only
    held = {program.type for program in _programs_at(dataset, ref)}
    return ProgramType.COMPUTE_VOUCHER if ProgramType.COMPUTE_VOUCHER in held else None


def _program_year(program: Program) -> int | None:
    return program.round_year or (program.announced.year if program.announced is not None else None)


def kind_of_year(dataset: Dataset, ref: PlaceRef, year: int) -> ProgramType | None:
    """The one kind of the place's programs of that year (its round, or when it was announced): what "Qingdao's 2024
    round, was there a deadline?" asks of; None when no program, or several kinds, are of that year."""
    kinds = {program.type for program in _programs_at(dataset, ref) if _program_year(program) == year}
    return next(iter(kinds)) if len(kinds) == 1 else None


def draft_type(dataset: Dataset, ref: PlaceRef) -> ProgramType | None:
    """The kind of the place's (or the district's own) programs not yet final, when they are of one kind: what a
    question about whether "it" is still a draft is about."""
    programs = [p for p in dataset.programs_of(ref.place) if ref.district is None or p.district == ref.district]
    kinds = {p.type for p in programs if p.status in (Status.DRAFT, Status.REPORTED_ONLY)}
    return next(iter(kinds)) if len(kinds) == 1 else None


def has_a_floor(dataset: Dataset, ref: PlaceRef, ptypes: frozenset[ProgramType]) -> bool:
    """Whether a program of the place (of the asked kinds, or any) has a minimum spend before anything is paid."""
    return any(_minimum_in_formula(program) for program in _programs_at(dataset, ref, ptypes))
