"""Lines several answers share: the FX rate in force, the date judged against, place names."""

from __future__ import annotations

from bot.core import numbers
from bot.core.citations import CitationBook
from bot.core.i18n import t
from bot.core.services import Services
from bot.domain.errors import UserFacingError
from bot.domain.gazetteer import PlaceRef
from bot.domain.schema import Program
from bot.nlu.query import Query


def place_name(services: Services, ref: PlaceRef, lang: str) -> str:
    place = services.dataset.places[ref.place]
    name = place.names.get(lang)
    if ref.district is None:
        return name
    district = next(d for d in place.districts if d.slug == ref.district).names.get(lang)
    return district if district.startswith(name) else f"{name} {district}"  # not "베이징 베이징 경제기술개발구"


def fx_line(services: Services, lang: str, book: CitationBook) -> str:
    fx = services.fx
    rate = numbers.plain(fx.krw_per_cny)
    if fx.from_env:
        return t(lang, "fx.line_env", rate=rate, date=numbers.date(fx.date))
    source = services.dataset.source(fx.source_id) if fx.source_id else None
    label = f"{source.publisher.split(' (')[0]} {book.ref([source.id])}" if source else "-"
    return t(lang, "fx.line", rate=rate, date=numbers.date(fx.date), source=label)


def today_line(services: Services, lang: str) -> str:
    return t(lang, "today.line", today=numbers.date(services.clock()))


def require_place(query: Query) -> PlaceRef:
    """The query's place, or a user-facing question asking for one."""
    if query.ambiguous:
        raise UserFacingError("place.ambiguous", suggestions=[r.place for r in query.ambiguous])
    if query.place is None and query.outside:
        raise UserFacingError("place.not_covered", outside=query.outside[0])
    if query.place is None:
        raise UserFacingError("place.missing", suggestions=[])
    return query.place


def programs_for(services: Services, ref: PlaceRef) -> list[Program]:
    """A district's own programs first, then the city-wide ones; other districts' are left out."""
    programs = services.dataset.programs_of(ref.place)
    if ref.district is None:
        return programs
    own = [p for p in programs if p.district == ref.district]
    return own + [p for p in programs if p.district is None]
