"""``/subsidy <place> <amount> [type]``: what each program of a place would give, step by step."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from bot.charts.spec import Bar, ChartSpec
from bot.core import numbers
from bot.core.arguments import take_amount, take_place, take_program_types, tokens_of
from bot.core.calc_headline import calc_headline
from bot.core.citations import CitationBook
from bot.core.describe import context_lines, key_numbers, program_title, result_lines
from bot.core.handlers.common import fx_line, place_name, programs_for, require_place, today_line
from bot.core.handlers.instead import not_on_record, related, related_line
from bot.core.i18n import t
from bot.core.reply import Reply, Section
from bot.core.services import Services
from bot.domain.calculator import Calculation, ProgramResult, Reason, calculate_all, sort_results
from bot.domain.errors import UserFacingError
from bot.domain.gazetteer import PlaceRef
from bot.domain.money import Currency, check_cny_range
from bot.domain.schema import Program
from bot.nlu.query import Query

INTENT = "subsidy_calc"
MAX_CHART_BARS = 8


def calculation_row(result: ProgramResult, services: Services, total_cny: Decimal | None = None) -> dict[str, Any]:
    """The JSON form of one program's result: the line that applies to the asker (the variant
    their traits select, else the general formula), whether it counts in ``total_cny`` and why not."""
    program, line = result.program, result.line
    subsidy = line.subsidy_cny
    hint = result.freshness.likely_superseded
    return {
        "program": program.id,
        "name": program.names.en,
        "type": program.type.value,
        "subsidy_cny": _json_number(subsidy),
        "subsidy_krw": _json_number(services.fx.to_krw(subsidy)) if subsidy is not None else None,
        "eligible": result.eligible_now,
        "cap_reached": line.cap_reached,
        "formula": program.formula.kind.value,
        "rate": _json_number(program.formula.rate),
        "cap_cny": _json_number(program.formula.cap_cny),
        "default_cap_cny": _json_number(program.formula.default_cap_cny),
        "subsidy_max_cny": _json_number(line.upper_cny),
        "cap_unpublished": line.cap_unpublished,
        "base_cny": _json_number(result.base_cny),
        "status": result.freshness.effective.value,
        "declared_status": program.status.value,
        "superseded_by": program.superseded_by,
        "likely_superseded": hint is not None,
        "verification": program.verification.level.value,
        "counted": result.counted,
        "counted_cny": _json_number(result.counted_cny),
        "reason": result.reason.value if result.reason is not None else None,
        "variant": result.applied.variant.label.en if result.applied is not None else None,
        "stack": _stack_json(result),
        "total_cny": _json_number(total_cny),
        "variants": [
            {
                "label": v.variant.label.en,
                "subsidy_cny": _json_number(v.outcome.subsidy_cny),
                "eligible": v.outcome.eligible,
                "cap_unpublished": v.outcome.cap_unpublished,
                "traits": sorted(trait.value for trait in v.variant.traits),
                "applies": result.applied is v,
            }
            for v in result.variants
        ],
        "sources": [ref.id for ref in program.sources],
    }


def _stack_json(result: ProgramResult) -> dict[str, Any] | None:
    stack = result.stack
    if stack is None:
        return None
    return {
        "with": stack.partner,
        "combined_cny": _json_number(stack.combined_cny),
        "ceiling_cny": _json_number(stack.ceiling_cny),
        "ceiling_applied": stack.ceiling_applied,
    }


def _json_number(value: Decimal | None) -> int | float | None:
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(value)


def parse(services: Services, args: str) -> Query:
    """``wuhan 200만 model`` (in any order) -> a subsidy_calc query; strict errors for commands."""
    tokens = tokens_of(args)
    if not tokens:
        raise UserFacingError("subsidy.usage")
    found = take_place(services.gazetteer, tokens)
    money, rest = take_amount(found.rest)
    return Query(
        INTENT, place=found.place, places=(found.place,), ptypes=frozenset(take_program_types(rest)), money=money
    )


def answer(services: Services, query: Query, lang: str) -> Reply:
    ref = require_place(query)
    if query.money is None:
        raise UserFacingError("amount.empty")
    money, types = query.money, query.ptypes
    base = check_cny_range(services.fx.to_cny(money))
    place = place_name(services, ref, lang)
    everything = programs_for(services, ref)
    programs = [p for p in everything if not types or p.type in types]
    instead: tuple[str, ...] = ()
    if not programs and types:
        programs = related(everything, types)
        if not programs:  # "자싱 산력권 100만 쓰면?": nothing of that kind, nor near it, to compute: what there is
            return not_on_record(services, query, lang)
        instead = (related_line(place, types, programs[0], lang),)
    calculation = calculate_for(services, ref, base, programs, _traits_of(query))
    results = sort_results(list(calculation.results))
    book = CitationBook(services.dataset)
    header = _header(services, money.currency, money.amount, base, place, lang, book)
    header = Section(header.title, (*header.lines, _total_line(calculation, services, lang)))
    computable = [r for r in results if r.subsidy_cny is not None and _current_or_draft(r)]
    others = [r for r in results if r not in computable]
    sections = [header, *(_program_section(i, r, services, lang, book) for i, r in enumerate(computable, 1))]
    if not computable:
        sections.append(Section(None, (t(lang, "subsidy.none_computable"),)))
    if others:
        sections.append(_uncomputable_section(others, lang, book))
    return Reply(
        intent=INTENT,
        lang=lang,
        city=ref.place,
        sections=tuple(sections),
        sources=book.citations(),
        calculation=tuple(calculation_row(r, services, calculation.total_cny) for r in results),
        chart=_chart(computable, base, place, services, lang) if computable else None,
        headline=(*instead, *calc_headline(services, query, results, place, base, lang)),
    )


def calculate_for(
    services: Services, ref: PlaceRef, base: Decimal, programs: list[Program], traits: frozenset[str] = frozenset()
) -> Calculation:
    """The calculator over a selection of a place's programs (the whole place decides staleness)."""
    context = services.dataset.programs_of(ref.place)
    return calculate_all(programs, ref.place, base, services.clock(), traits, context=context)


def _total_line(calculation: Calculation, services: Services, lang: str) -> str:
    if not calculation.counted or calculation.total_cny == 0:
        return t(lang, "subsidy.total_none")
    total = calculation.total_cny
    return t(lang, "subsidy.total", cny=numbers.cny(total, lang), krw=numbers.krw(services.fx.to_krw(total), lang))


def _traits_of(query: Query) -> frozenset[str]:
    """The asker's traits from the question (sme, startup, opc ...): they pick the variant that applies."""
    return query.traits


def _chart(results: list[ProgramResult], base: Decimal, place: str, services: Services, lang: str) -> ChartSpec:
    """The spend next to what each program gives, with its rate and whether the cap bites."""
    bars = [Bar(t(lang, "chart.base"), base)]
    for result in results[:MAX_CHART_BARS]:
        formula = result.program.formula
        note = numbers.rate(formula.rate) if formula.rate is not None else ""
        if result.outcome.cap_reached:
            note = f"{note} · {t(lang, 'compare.capped')}".strip(" ·")
        bars.append(Bar(result.program.names.get(lang)[:28], result.subsidy_cny or Decimal(0),
                        official=result.freshness.current_official, note=note))  # fmt: skip
    title = t(lang, "subsidy.title", place=place, amount=numbers.cny(base, lang))
    return ChartSpec(title, tuple(bars), t(lang, "chart.subsidy"), t(lang, "chart.legend"), filename="subsidy.png")


def _header(
    services: Services, currency: Currency, given: Decimal, base: Decimal, place: str, lang: str, book: CitationBook
) -> Section:
    lines: list[str] = []
    if currency is Currency.KRW:
        title = t(lang, "subsidy.title_krw", place=place, amount=numbers.cny(base, lang), krw=numbers.krw(given, lang))
        lines.append(
            t(
                lang,
                "subsidy.converted",
                krw=numbers.krw(given, lang),
                rate=numbers.plain(services.fx.krw_per_cny),
                cny=numbers.cny(base, lang),
            )
        )
    else:
        title = t(lang, "subsidy.title", place=place, amount=numbers.cny(base, lang))
    lines.append(fx_line(services, lang, book))
    lines.append(today_line(services, lang))
    return Section(title=title, lines=tuple(lines))


def _program_section(index: int, result: ProgramResult, services: Services, lang: str, book: CitationBook) -> Section:
    program = result.program
    title = f"{index}. {program_title(program, result.freshness, lang)}"
    partner = result.stack.partner if result.stack is not None else None
    partner_name = services.dataset.programs[partner].names.get(lang) if partner is not None else None
    lines = result_lines(result, services.fx, lang, partner_name)
    lines.extend(context_lines(program, lang, brief=True))
    if program.superseded_by:
        newer = services.dataset.programs[program.superseded_by]
        lines.append(t(lang, "line.superseded", name=newer.names.get(lang)))
    lines.append(t(lang, "line.sources", refs=book.ref(program.sources)))
    return Section(title=title, lines=tuple(lines))


def _current_or_draft(result: ProgramResult) -> bool:
    """Ended, superseded, likely superseded, reported-only and not-eligible programs get one line
    each, after the ones that apply."""
    one_liners = (Reason.ENDED, Reason.SUPERSEDED, Reason.LIKELY_SUPERSEDED, Reason.REPORTED_ONLY)
    return result.reason not in one_liners and result.eligible_now is not False and result.eligible is not False


def _uncomputable_section(results: list[ProgramResult], lang: str, book: CitationBook) -> Section:
    """Programs shown in one line each: what is published (or computed), the status, the sources."""
    lines = []
    for r in results:
        value = (
            f" → {numbers.cny(r.subsidy_cny, lang)}" if r.subsidy_cny is not None and r.eligible is not False else ""
        )
        lines.append(
            f"• {program_title(r.program, r.freshness, lang)}: "
            f"{key_numbers(r.program, lang)}{value} {book.ref(r.program.sources)}"
        )
    return Section(t(lang, "subsidy.uncomputable"), tuple(lines))
