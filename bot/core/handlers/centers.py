"""Smart computing centers: when they opened, how large, with the source."""

from __future__ import annotations

from bot.core import numbers
from bot.core.citations import CitationBook
from bot.core.handlers.common import place_name
from bot.core.i18n import t
from bot.core.reply import Reply, Section
from bot.core.services import Services
from bot.domain.gazetteer import PlaceRef
from bot.nlu.query import Query

INTENT = "computing_center"
HEAD_LINES = 3


def answer(services: Services, query: Query, lang: str) -> Reply:
    book = CitationBook(services.dataset)
    asked = list(query.places)
    refs = asked or [PlaceRef(slug) for slug in services.dataset.places]
    lines = []
    for ref in refs:
        for center in services.dataset.places[ref.place].computing_centers:
            opened = f" ({t(lang, 'city.opened', date=numbers.date(center.opened))})" if center.opened else ""
            name = f"{place_name(services, ref, lang)} · {center.names.get(lang)}{opened}"
            lines.append(f"• {name}: {center.text.get(lang)} {book.ref(center.sources)}")
    head = []
    if asked and not lines:
        names = ", ".join(place_name(services, r, lang) for r in asked)
        head.append(t(lang, "center.none", names=names))
        for place in services.dataset.places.values():
            for center in place.computing_centers:
                lines.append(f"• {place.names.get(lang)} · {center.names.get(lang)} {book.ref(center.sources)}")
    sections = (Section(t(lang, "center.title"), tuple(head)), Section(None, tuple(lines)))
    city = query.place.place if query.place else None
    shown = [line.split(": ", 1)[0] for line in lines[:HEAD_LINES]]  # the names and opening dates
    more = [t(lang, "head.more", count=len(lines) - HEAD_LINES)] if len(lines) > HEAD_LINES else []
    headline = (t(lang, "center.title"), *head, *shown, *more)
    return Reply(intent=INTENT, lang=lang, city=city, sections=sections, sources=book.citations(), headline=headline)
