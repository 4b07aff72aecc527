"""``/city <place>``: a place's programs with key numbers, status and sources; targets and centers."""

from __future__ import annotations

from bot.core import numbers
from bot.core.actions import type_action
from bot.core.arguments import take_place, tokens_of
from bot.core.citations import CitationBook
from bot.core.describe import key_numbers, program_title
from bot.core.handlers.common import place_name, programs_for, require_place, today_line
from bot.core.i18n import t
from bot.core.reply import Button, Reply, Section
from bot.core.services import Services
from bot.domain.errors import UserFacingError
from bot.domain.freshness import Freshness, judge
from bot.domain.schema import Program
from bot.nlu.query import Query

INTENT = "city_overview"
MAX_TYPE_BUTTONS = 3
MAX_KEY_LINES = 6


def parse(services: Services, args: str) -> Query:
    tokens = tokens_of(args)
    if not tokens:
        raise UserFacingError("city.usage")
    place = take_place(services.gazetteer, tokens).place
    return Query(INTENT, place=place, places=(place,))


def answer(services: Services, query: Query, lang: str) -> Reply:
    ref = require_place(query)
    place = services.dataset.places[ref.place]
    today = services.clock()
    book = CitationBook(services.dataset)
    judged = sorted(
        ((p, judge(p, today)) for p in programs_for(services, ref)),
        key=lambda pair: (not _meant_for(pair[0], query.traits), pair[1].rank, pair[0].type.value),
    )  # "1인 기업이면 우한에서 뭐 받을 수 있어?": the programs meant for such a firm first
    current = sum(1 for _, f in judged if f.current_official)
    lines = [t(lang, "city.programs", count=len(judged), current=current), today_line(services, lang)]
    sections = [Section(t(lang, "city.title", place=place_name(services, ref, lang)), tuple(lines))]
    program_lines = [f"• {program_title(p, f, lang)}: {key_numbers(p, lang)} {book.ref(p.sources)}" for p, f in judged]
    if program_lines:
        sections.append(Section(None, tuple(program_lines)))
    else:
        sections.append(Section(None, (t(lang, "city.none"),)))
    in_scope = [item for item in place.targets if ref.district in (None, item.district)]
    if in_scope:
        rows = tuple(f"• {x.text.get(lang)} {book.ref(x.sources)}" for x in in_scope)
        sections.append(Section(t(lang, "city.targets"), rows))
    centers = [c for c in place.computing_centers if ref.district in (None, c.district)]
    if centers:
        rows = tuple(
            f"• {c.names.get(lang)}"
            + (f" ({t(lang, 'city.opened', date=numbers.date(c.opened))})" if c.opened else "")
            + f": {c.text.get(lang)} {book.ref(c.sources)}"
            for c in centers
        )
        sections.append(Section(t(lang, "city.centers"), rows))
    notes = [f"• {i.text.get(lang)} {book.ref(i.sources)}" for i in place.insights]
    notes += [f"• {n.get(lang)}" for n in place.notes]
    if notes:
        sections.append(Section(t(lang, "city.insights"), tuple(notes)))
    types = list(dict.fromkeys(p.type for p, _ in judged))[:MAX_TYPE_BUTTONS]
    buttons = tuple(Button(t(lang, f"type.{ptype.value}"), type_action(ref, ptype)) for ptype in types)
    title = t(lang, "city.title", place=place_name(services, ref, lang))
    head = (f"{title}: {t(lang, 'city.programs', count=len(judged), current=current)}", *_key_lines(judged, lang))
    return Reply(
        intent=INTENT,
        lang=lang,
        city=ref.place,
        sections=tuple(sections),
        sources=book.citations(),
        buttons=buttons,
        headline=head,
    )


def _meant_for(program: Program, traits: frozenset[str]) -> bool:
    """The program, or one of its variants, is meant for an applicant with one of these traits."""
    aimed = set(program.audience).union(*(variant.traits for variant in program.formula.variants))
    return bool(traits) and any(trait.value in traits for trait in aimed)


def _key_lines(judged: list[tuple[Program, Freshness]], lang: str) -> list[str]:
    """The programs that matter most, one short line each: current official first (already sorted)."""
    lines = [
        f"• {program_title(p, f, lang)}: {key_numbers(p, lang)}" for p, f in judged[:MAX_KEY_LINES] if not f.expired
    ]
    if len(judged) > MAX_KEY_LINES:
        lines.append(t(lang, "city.more", count=len(judged) - MAX_KEY_LINES))
    return lines
