"""Published compute and industry targets, for one place or all."""

from __future__ import annotations

from bot.core.citations import CitationBook
from bot.core.handlers.common import place_name
from bot.core.i18n import t
from bot.core.reply import Reply, Section
from bot.core.services import Services
from bot.domain.gazetteer import PlaceRef
from bot.nlu.query import Query

INTENT = "compute_target"
HEAD_LINES = 3


def answer(services: Services, query: Query, lang: str) -> Reply:
    book = CitationBook(services.dataset)
    refs = list(query.places) or [PlaceRef(slug) for slug in services.dataset.places]
    sections = []
    for ref in refs:
        place = services.dataset.places[ref.place]
        targets = [x for x in place.targets if query.year in (None, x.year)]
        if not targets and query.places:
            sections.append(Section(place_name(services, ref, lang), (t(lang, "target.none"),)))
            continue
        if targets:
            rows = tuple(f"• {x.year}: {x.text.get(lang)} {book.ref(x.sources)}" for x in targets)
            sections.append(Section(place_name(services, ref, lang), rows))
    if not sections:
        sections.append(Section(None, (t(lang, "target.none"),)))
    title = Section(t(lang, "target.title"), ())
    city = query.place.place if query.place else None
    return Reply(intent=INTENT, lang=lang, city=city, sections=(title, *sections), sources=book.citations(),
                 headline=_headline(sections, lang))  # fmt: skip


def _headline(sections: list[Section], lang: str) -> tuple[str, ...]:
    """The first targets of the first places, one line each."""
    lines = [f"{s.title}: {line.lstrip('• ')}" if s.title else line for s in sections for line in s.lines]
    more = [t(lang, "head.more", count=len(lines) - HEAD_LINES)] if len(lines) > HEAD_LINES else []
    return (t(lang, "target.title"), *lines[:HEAD_LINES], *more)
