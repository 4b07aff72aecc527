"""Rank places: by what one amount would get, or by a program type's budget. Current official first."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from bot.charts.spec import Bar, ChartSpec
from bot.core import numbers
from bot.core.citations import CitationBook
from bot.core.describe import key_numbers, status_label, step_line
from bot.core.facts import short_cite
from bot.core.handlers.common import fx_line, place_name, programs_for, today_line
from bot.core.i18n import t
from bot.core.reply import Reply, Section
from bot.core.services import Services
from bot.domain.calculator import ProgramResult, calculate
from bot.domain.freshness import Freshness, judge
from bot.domain.gazetteer import PlaceRef
from bot.domain.money import check_cny_range
from bot.domain.schema import Program
from bot.nlu.query import Query

INTENT = "compare"
HEAD_ROWS = 3
MAX_ROWS = 15
MAX_CHART_BARS = 12
MAX_SIDE_BY_SIDE = 6  # named places without an amount: each one's rate and cap, not a budget ranking


@dataclass(frozen=True)
class Row:
    ref: PlaceRef
    program: Program
    freshness: Freshness
    value: Decimal | None  # subsidy for the amount, or the pool
    result: ProgramResult | None = None


def _places(services: Services, query: Query) -> list[PlaceRef]:
    """The places named, else every place with programs but those ruled out ("상해랑 북경 빼고 …")."""
    if query.places:
        return list(query.places)
    ruled_out = {ref.place for ref in query.excluded}
    return [
        PlaceRef(slug) for slug, place in services.dataset.places.items() if place.programs and slug not in ruled_out
    ]


def _programs(services: Services, ref: PlaceRef, query: Query) -> list[Program]:
    """The place's programs of the asked kinds; a city compared with one of its own districts ("Beijing city vs
    E-Town") by its city-wide programs only, so that the district's are not shown under the city's name."""
    programs = [p for p in programs_for(services, ref) if not query.ptypes or p.type in query.ptypes]
    beside_own_district = ref.district is None and any(r.place == ref.place and r.district for r in query.places)
    return [p for p in programs if p.district is None] if beside_own_district else programs


def _best(rows: list[Row]) -> Row | None:
    """The row a place is ranked by: current official before others, then the larger value."""
    valued = [r for r in rows if r.value is not None]
    if not valued:
        return None
    return min(valued, key=lambda r: (r.freshness.rank, -(r.value or Decimal(0))))


def _rows_by_amount(services: Services, query: Query, ref: PlaceRef, base: Decimal) -> list[Row]:
    today = services.clock()
    rows = []
    for program in _programs(services, ref, query):
        result = calculate(program, ref.place, base, today)
        value = result.subsidy_cny if result.eligible is not False else None
        rows.append(Row(ref, program, result.freshness, value, result))
    return rows


def _rows_by_pool(services: Services, query: Query, ref: PlaceRef) -> list[Row]:
    today = services.clock()
    return [Row(ref, p, judge(p, today), p.pool_cny) for p in _programs(services, ref, query)]


def answer(services: Services, query: Query, lang: str) -> Reply:
    book = CitationBook(services.dataset)
    base = check_cny_range(services.fx.to_cny(query.money)) if query.money is not None else None
    ranked: list[Row] = []
    missing: list[PlaceRef] = []
    for ref in _places(services, query):
        rows = _rows_by_amount(services, query, ref, base) if base is not None else _rows_by_pool(services, query, ref)
        best = _best(rows)
        if best is None:
            missing.append(ref)
        else:
            ranked.append(best)
    ranked.sort(key=lambda r: (r.freshness.rank, -(r.value or Decimal(0))))
    types = ", ".join(t(lang, f"type.{p.value}") for p in sorted(query.ptypes)) or t(lang, "info.all")
    if base is not None:
        title = t(lang, "compare.title_amount", amount=numbers.cny(base, lang), types=types)
        head = [fx_line(services, lang, book), today_line(services, lang), t(lang, "compare.rule")]
    else:
        title = t(lang, "compare.title_pool", types=types)
        head = [today_line(services, lang), t(lang, "compare.rule")]
    lines = []
    for i, row in enumerate(ranked[:MAX_ROWS], 1):
        lines.append(_line(i, row, services, lang, book))
        if row.result is not None:  # the math, line by line: rate x base, the cap, thresholds
            steps = " · ".join(step_line(s, row.program.formula, lang) for s in row.result.outcome.steps)
            lines.append(f"   {steps}")
    if len(ranked) > MAX_ROWS:
        lines.append(t(lang, "compare.more", count=len(ranked) - MAX_ROWS))
    if not lines:
        lines.append(t(lang, "compare.none"))
    sections = [Section(title, tuple(head)), Section(None, tuple(lines))]
    if missing and query.places:
        names = ", ".join(place_name(services, r, lang) for r in missing)
        sections.append(Section(None, (t(lang, "compare.missing", names=names),)))
    chart = _chart(ranked[:MAX_CHART_BARS], title, base is not None, services, lang) if ranked else None
    named = base is None and 1 < len(query.places) <= MAX_SIDE_BY_SIDE
    headline = _side_by_side(services, query, lang) if named else _headline(ranked, title, query, services, lang)
    return Reply(intent=INTENT, lang=lang, city=None, sections=tuple(sections), sources=book.citations(), chart=chart,
                 headline=headline)  # fmt: skip


def _side_by_side(services: Services, query: Query, lang: str) -> tuple[str, ...]:
    """ "샤먼이랑 장저우 어디가 유리함?": each named place's rate and cap, the larger cap first."""
    types = ", ".join(t(lang, f"type.{p.value}") for p in sorted(query.ptypes)) or t(lang, "info.all")
    today = services.clock()
    rows, missing = [], []
    for ref in query.places:
        judged = [(p, judge(p, today)) for p in _programs(services, ref, query)]
        if not judged:
            missing.append(place_name(services, ref, lang))
            continue
        program, freshness = min(judged, key=lambda pf: (pf[1].rank, -(pf[0].formula.cap_cny or Decimal(0))))
        rows.append((freshness.rank, -(program.formula.cap_cny or Decimal(0)), ref, program, freshness))
    lines = [
        t(lang, "compare.side_row", rank=i, place=place_name(services, ref, lang),
          numbers=key_numbers(program, lang) or t(lang, "step.not_published"),
          status=f"{status_label(program, freshness, lang)} · {short_cite(program, services.dataset)}")
        for i, (_, _, ref, program, freshness) in enumerate(sorted(rows, key=lambda r: r[:2]), 1)
    ]  # fmt: skip
    if missing:
        lines.append(t(lang, "compare.no_program", names=", ".join(missing), types=types))
    return (t(lang, "compare.title_side", types=types), *lines)


def _head_row(rank: int, row: Row, services: Services, lang: str) -> str:
    place = place_name(services, row.ref, lang)
    value = numbers.cny(row.value or Decimal(0), lang)
    status = status_label(row.program, row.freshness, lang)
    return t(lang, "compare.head_row", rank=rank, place=place, value=value, status=status)


def _headline(ranked: list[Row], title: str, query: Query, services: Services, lang: str) -> tuple[str, ...]:
    """The title and the top places with their figures, or in words that none qualifies."""
    if not ranked:
        return (title, t(lang, "compare.none"))
    top = [_head_row(i, r, services, lang) for i, r in enumerate(ranked[:HEAD_ROWS], 1) if r.value is not None]
    outside = [t(lang, "compare.outside", names=", ".join(o.name for o in query.outside))] if query.outside else []
    return (title, *top, *outside)


def _chart(rows: list[Row], title: str, by_amount: bool, services: Services, lang: str) -> ChartSpec:
    bars = tuple(
        Bar(
            label=f"{place_name(services, r.ref, lang)} · {t(lang, f'type.{r.program.type.value}')}",
            value_cny=r.value or Decimal(0),
            official=r.freshness.current_official,
            note=t(lang, "compare.capped") if r.result is not None and r.result.outcome.cap_reached else "",
        )
        for r in rows
    )
    value_label = t(lang, "chart.subsidy" if by_amount else "chart.pool")
    footnote = f"{t(lang, 'chart.legend')} · {t(lang, 'today.line', today=numbers.date(services.clock()))}"
    return ChartSpec(title, bars, value_label, footnote, filename="compare.png")


def _line(index: int, row: Row, services: Services, lang: str, book: CitationBook) -> str:
    value = numbers.cny(row.value, lang) if row.value is not None else "-"
    detail = ""
    if row.result is not None and row.value is not None:
        krw = numbers.krw(services.fx.to_krw(row.value), lang)
        cap = row.result.outcome.cap_reached
        detail = f" ({t(lang, 'compare.krw', krw=krw)}{'; ' + t(lang, 'compare.capped') if cap else ''})"
    status = status_label(row.program, row.freshness, lang)
    return (
        f"{index}. {place_name(services, row.ref, lang)}: {value}{detail} "
        f"— {row.program.names.get(lang)} [{status}] {book.ref(row.program.sources)}"
    )
