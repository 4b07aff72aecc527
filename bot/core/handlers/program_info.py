"""One program type in one place: numbers, conditions, status, conflicts, the Chinese clause, sources."""

from __future__ import annotations

from bot.core import numbers
from bot.core.actions import calc_action, clause_action
from bot.core.citations import CitationBook
from bot.core.describe import context_lines, key_numbers, status_label
from bot.core.handlers import compare
from bot.core.handlers.common import place_name, require_place, today_line
from bot.core.handlers.subsidy import programs_for
from bot.core.i18n import t
from bot.core.reply import Button, Reply, Section
from bot.core.services import Services
from bot.domain.errors import UserFacingError
from bot.domain.freshness import judge
from bot.domain.schema import Program
from bot.nlu.query import Query

INTENT = "program_info"


def answer(services: Services, query: Query, lang: str) -> Reply:
    if query.place is None and not query.ambiguous and query.ptypes:
        return compare.answer(services, query, lang)  # "what's a model voucher?": where it exists, largest first
    ref = require_place(query)
    today = services.clock()
    programs = [p for p in programs_for(services, ref) if not query.ptypes or p.type in query.ptypes]
    place = place_name(services, ref, lang)
    if not programs:
        raise UserFacingError(
            "program.none", place=place, text=_types(query, lang), types=_types_there(services, ref.place, lang)
        )
    programs.sort(key=lambda p: judge(p, today).rank)
    book = CitationBook(services.dataset)
    title = t(lang, "info.title", place=place, types=_types(query, lang) if query.ptypes else t(lang, "info.all"))
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
    )


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
    if program.doc_number or program.announced:
        lines.append(t(lang, "info.document", doc=program.doc_number or "-", date=numbers.date(program.announced, "-")))
    if program.superseded_by:
        lines.append(t(lang, "line.superseded", name=services.dataset.programs[program.superseded_by].names.get(lang)))
    if program.clause_zh and query.wants_clause:
        lines.append(t(lang, "info.clause", clause=program.clause_zh))
    elif program.clause_zh:
        lines.append(t(lang, "info.clause_hint"))
    lines.append(t(lang, "line.sources", refs=book.ref(program.sources)))
    return Section(f"{program.names.get(lang)} [{status_label(program, freshness, lang)}]", tuple(lines))


def _types(query: Query, lang: str) -> str:
    return ", ".join(t(lang, f"type.{p.value}") for p in sorted(query.ptypes))


def _types_there(services: Services, slug: str, lang: str) -> str:
    kinds = sorted({p.type for p in services.dataset.programs_of(slug)})
    return ", ".join(t(lang, f"type.{k.value}") for k in kinds) or "-"
