"""``/cities``: every place with data, its program count and districts."""

from __future__ import annotations

from bot.core.i18n import t
from bot.core.reply import Reply, Section
from bot.core.services import Services
from bot.domain.schema import PlaceKind
from bot.nlu.query import Query

INTENT = "list_cities"
_KIND_ORDER = {PlaceKind.CITY: 0, PlaceKind.PROVINCE: 1, PlaceKind.REGION: 2, PlaceKind.COUNTRY: 3}


def answer(services: Services, query: Query, lang: str) -> Reply:
    places = sorted(services.dataset.places.values(), key=lambda p: (_KIND_ORDER[p.kind], p.names.en))
    rows = []
    for place in places:
        extra = ""
        if place.districts:
            extra = t(lang, "cities.districts", names=", ".join(d.names.get(lang) for d in place.districts))
        rows.append(
            t(lang, "cities.row", name=place.names.get(lang), en=place.names.en, count=len(place.programs), extra=extra)
        )
    title = t(lang, "cities.title", count=len(places), programs=len(services.dataset.programs))
    names = ", ".join(p.names.get(lang) for p in places if p.programs)
    return Reply(
        intent=INTENT,
        lang=lang,
        sections=(Section(title, tuple(rows)), Section(None, (t(lang, "cities.hint"),))),
        headline=(title, names, t(lang, "cities.hint")),
    )
