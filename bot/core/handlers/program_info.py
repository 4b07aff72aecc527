"""One program type in one place: numbers, conditions, status, conflicts, the Chinese clause, sources."""

from __future__ import annotations

from bot.core import numbers
from bot.core.actions import calc_action, clause_action
from bot.core.citations import CitationBook
from bot.core.describe import context_lines, key_numbers, program_title, status_label
from bot.core.facts import check_line, checked_value, fact, matching_variant, restricted_to, short_cite
from bot.core.handlers import compare
from bot.core.handlers.common import place_name, programs_for, require_place, today_line
from bot.core.handlers.instead import not_on_record, related, related_line, types_named
from bot.core.i18n import t
from bot.core.reply import Button, Reply, Section
from bot.core.services import Services
from bot.domain.freshness import Freshness, judge
from bot.domain.schema import FormulaKind, Program, ProgramType
from bot.domain.staleness import stale_hints
from bot.nlu.query import Query
from bot.nlu.roles import CHECK, SPEND, SUBJECT

INTENT = "program_info"


MAX_KINDS = 4  # lines in a headline that answers for several kinds of program at once


def answer(services: Services, query: Query, lang: str) -> Reply:
    if query.place is None and not query.ambiguous and not query.outside and query.ptypes:
        return compare.answer(services, query, lang)  # "what's a model voucher?": where it exists, largest first
    ref = require_place(query)
    today = services.clock()
    everything = programs_for(services, ref)
    programs = [p for p in everything if not query.ptypes or p.type in query.ptypes]
    place = place_name(services, ref, lang)
    instead: list[str] = []
    if not programs:
        programs = related(everything, query.ptypes)
        if not programs:
            return not_on_record(services, query, lang)
        instead = [related_line(place, query.ptypes, programs[0], lang)]
    hints = stale_hints(services.dataset.programs_of(ref.place), today)  # what a newer text likely replaced
    programs.sort(key=lambda p: _order(p, query, judge(p, today, hints.get(p.id))))
    book = CitationBook(services.dataset)
    title = t(
        lang, "info.title", place=place, types=types_named(query.ptypes, lang) if query.ptypes else t(lang, "info.all")
    )
    head = (*instead, *headline(services, query, programs, place, lang))
    sections = [Section(title, (today_line(services, lang), t(lang, "info.calc_hint", place=ref.place)))]
    sections += [_section(p, services, query, lang, book) for p in programs]
    buttons = []
    ptype = programs[0].type
    if any(p.clause_zh for p in programs) and not query.wants_clause:
        buttons.append(Button(t(lang, "button.clause"), clause_action(ref, ptype)))
    if any(p.formula.rate is not None or p.formula.award_cny is not None for p in programs):
        buttons.append(Button(t(lang, "button.calc"), calc_action(ref, ptype)))
    return Reply(
        intent=INTENT,
        lang=lang,
        city=ref.place,
        sections=tuple(sections),
        sources=book.citations(),
        buttons=tuple(buttons),
        headline=head,
    )


def _order(program: Program, query: Query, freshness: Freshness) -> tuple[int, int, int, int, int]:
    """The one named by its title, or whose award is the amount asked about; current official programs (not one the
    data says a newer text likely replaced: Xiamen's 2024 notice before its 2023 measures); one fitting the traits;
    not one for a kind of firm the asker did not say they are (a one-person-company voucher); computable ones."""
    named = query.amount_role in (SUBJECT, CHECK) and query.money is not None  # the program with that figure
    is_named = program.id == query.program or (
        named and checked_value(program, query.aspect) == (query.money.amount if query.money else None)
    )
    fits = matching_variant(program, query.traits) is not None
    unknown = program.formula.kind is FormulaKind.NOT_PUBLISHED
    others = restricted_to(program) - query.traits
    return (0 if is_named else 1, freshness.rank, 0 if fits else 1, len(others), 1 if unknown else 0)


def headline(services: Services, query: Query, programs: list[Program], place: str, lang: str) -> list[str]:
    """One to four lines that answer the asked aspect: the fact, a check of a quoted figure, status and source."""
    lead = programs[0]
    freshness = judge(lead, services.clock())
    kinds = _one_per_type(programs) if len(query.ptypes) > 1 else []
    if len(kinds) > 1:  # "上海的券最高多少": each kind asked, one line each, with its own status and source
        lines = [_kind_line(services, query, program, place, lang) for program in kinds[:MAX_KINDS]]
    else:
        lines = [t(lang, "head.program", subject=_subject(lead, place, lang),
                   fact=fact(lead, query.aspect, freshness, query.traits, lang, with_status=False))]  # fmt: skip
    if query.amount_role == CHECK and query.money is not None:
        lines.append(check_line(lead, query.aspect, services.fx.to_cny(query.money), services.fx, lang))
    floor = lead.formula.min_base_cny
    if query.amount_role == SPEND and query.aspect == "minimum" and query.money is not None and floor is not None:
        spend = services.fx.to_cny(query.money)  # "does our 400k spend clear the minimum?": held against it
        key = "head.spend_meets" if spend >= floor else "head.spend_below"
        lines.append(t(lang, key, spend=numbers.cny(spend, lang), floor=numbers.cny(floor, lang)))
    for part in query.parts:
        if part == "fx":
            value = checked_value(lead, query.aspect) or lead.pool_cny
            if value is not None:
                krw = numbers.krw(services.fx.to_krw(value), lang)
                lines.append(
                    t(lang, "head.krw", cny=numbers.cny(value, lang), krw=krw, date=numbers.date(services.fx.date))
                )
        elif part != query.aspect:
            lines.append(fact(lead, part, freshness, query.traits, lang, with_status=False))
    if len(kinds) > 1:
        shown = min(len(kinds), MAX_KINDS)
        if len(programs) > shown:
            lines.append(t(lang, "head.more_programs", count=len(programs) - shown))
        return lines
    lines.append(
        t(lang, "head.status", status=status_label(lead, freshness, lang), cite=short_cite(lead, services.dataset))
    )
    unpublished = lead.formula.kind is FormulaKind.NOT_PUBLISHED
    asked_sum = query.aspect in (None, "amount") and query.amount_role is None and not query.parts
    figured = _with_figures(programs[1:]) if asked_sum and unpublished else None
    # "우한 컴퓨팅 쿠폰 얼마야?": the current one names no sum; the one that does, with its status and source
    if figured is not None:
        when = judge(figured, services.clock())
        status = f"{status_label(figured, when, lang)} · {short_cite(figured, services.dataset)}"
        name, figures = figured.names.get(lang), key_numbers(figured, lang)
        lines.append(t(lang, "head.figure_elsewhere", name=name, numbers=figures, status=status))
    if len(programs) > 1:
        lines.append(t(lang, "head.others", count=len(programs) - 1))
    return lines


def _with_figures(programs: list[Program]) -> Program | None:
    """The first program, in the answer's order, that names a rate, a cap, an award or a pool."""
    return next((p for p in programs if p.formula.kind is not FormulaKind.NOT_PUBLISHED), None)


def _subject(program: Program, place: str, lang: str) -> str:
    name = program.names.get(lang)
    words = place.split(" ")  # "Beijing E-Town": a name that starts with the city or the district says it already
    return name if name.startswith((words[0], words[-1])) else t(lang, "head.subject", place=place, name=name)


def _one_per_type(programs: list[Program]) -> list[Program]:
    """The first program of each type, in the answer's order."""
    seen: dict[ProgramType, Program] = {}
    for program in programs:
        seen.setdefault(program.type, program)
    return list(seen.values())


def _kind_line(services: Services, query: Query, program: Program, place: str, lang: str) -> str:
    freshness = judge(program, services.clock())
    return t(lang, "head.kind", subject=_subject(program, place, lang),
             fact=fact(program, query.aspect, freshness, query.traits, lang, with_status=False),
             status=status_label(program, freshness, lang), cite=short_cite(program, services.dataset))  # fmt: skip


def _section(program: Program, services: Services, query: Query, lang: str, book: CitationBook) -> Section:
    freshness = judge(program, services.clock())
    lines = [key_numbers(program, lang), *context_lines(program, lang, with_pool=False)]
    for variant in program.formula.variants:
        parts = [variant.label.get(lang)]
        if variant.rate is not None:
            parts.append(numbers.rate(variant.rate))
        if variant.cap_cny is not None:
            parts.append(t(lang, "kind.cap", cap=numbers.cny(variant.cap_cny, lang)))
        lines.append("· " + " · ".join(parts))
    for threshold in program.formula.thresholds:
        lines.append(t(lang, "info.threshold", text=threshold.text.get(lang)))
    if program.doc_number and program.announced:
        lines.append(t(lang, "info.document", doc=program.doc_number, date=numbers.date(program.announced)))
    elif program.doc_number or program.announced:
        lines.append(t(lang, "info.document_only", what=program.doc_number or numbers.date(program.announced)))
    if program.superseded_by:
        lines.append(t(lang, "line.superseded", name=services.dataset.programs[program.superseded_by].names.get(lang)))
    if program.clause_zh and query.wants_clause:
        lines.append(t(lang, "info.clause", clause=program.clause_zh))
    elif program.clause_zh:
        lines.append(t(lang, "info.clause_hint"))
    lines.append(t(lang, "line.sources", refs=book.ref(program.sources)))
    return Section(program_title(program, freshness, lang), tuple(lines))
