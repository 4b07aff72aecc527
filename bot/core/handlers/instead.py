"""What to answer when a place has no program of the kind asked: the nearest kind it has, else what it has.

A question about a kind the place does not hold is no input error ("자싱 산력권 100만 쓰면?", "Fuzhou compute
voucher cap?"): the answer says the kind is not on record, then what the data says of the place.
"""

from __future__ import annotations

import re
from dataclasses import replace

from bot.core.handlers import city
from bot.core.handlers.common import place_name, require_place
from bot.core.i18n import t
from bot.core.reply import Reply
from bot.core.services import Services
from bot.domain.schema import Program, ProgramType
from bot.nlu.query import Query

# When a place has no program of the asked type, the nearest kinds it may have instead.
RELATED: dict[ProgramType, tuple[ProgramType, ...]] = {
    ProgramType.CORPUS_VOUCHER: (ProgramType.DATA_VOUCHER, ProgramType.LABELING_VOUCHER),
    ProgramType.DATA_VOUCHER: (ProgramType.CORPUS_VOUCHER, ProgramType.LABELING_VOUCHER),
    ProgramType.LABELING_VOUCHER: (ProgramType.DATA_VOUCHER, ProgramType.CORPUS_VOUCHER),
    ProgramType.MODEL_VOUCHER: (ProgramType.COMPUTE_VOUCHER,),
    ProgramType.COMPUTE_VOUCHER: (ProgramType.FREE_COMPUTE, ProgramType.MODEL_VOUCHER),
    ProgramType.FREE_COMPUTE: (ProgramType.COMPUTE_VOUCHER,),
    ProgramType.SCENARIO_FUNDING: (ProgramType.ONE_TIME_AWARD, ProgramType.RD_SUBSIDY),
    ProgramType.ONE_TIME_AWARD: (ProgramType.SCENARIO_FUNDING, ProgramType.RELOCATION_AWARD),
    ProgramType.RD_SUBSIDY: (ProgramType.RESEARCH_FUNDING, ProgramType.SCENARIO_FUNDING),
    ProgramType.RESEARCH_FUNDING: (ProgramType.RD_SUBSIDY,),
    ProgramType.CONSTRUCTION_SUBSIDY: (ProgramType.HARDWARE_SUBSIDY, ProgramType.PLATFORM_SUBSIDY),
    ProgramType.HARDWARE_SUBSIDY: (ProgramType.CONSTRUCTION_SUBSIDY,),
    ProgramType.PLATFORM_SUBSIDY: (ProgramType.CONSTRUCTION_SUBSIDY,),
    ProgramType.FILING_REWARD: (ProgramType.ONE_TIME_AWARD,),
    ProgramType.RELOCATION_AWARD: (ProgramType.ONE_TIME_AWARD,),
}


def related(programs: list[Program], asked: frozenset[ProgramType]) -> list[Program]:
    """The programs of the nearest kind to those asked that the place holds; [] if none."""
    kinds = [kind for ptype in sorted(asked) for kind in RELATED.get(ptype, ())]
    return next(
        ([p for p in programs if p.type is kind] for kind in kinds if any(p.type is kind for p in programs)), []
    )


def related_line(place: str, asked: frozenset[ProgramType], nearest: Program, lang: str) -> str:
    """The first line of an answer given with the nearest kind: "Shanghai has no data voucher on record; the nearest
    is its corpus voucher"."""
    return t(
        lang, "head.related", place=place, asked=types_named(asked, lang), kind=t(lang, f"type.{nearest.type.value}")
    )


def types_named(ptypes: frozenset[ProgramType], lang: str) -> str:
    return ", ".join(t(lang, f"type.{p.value}") for p in sorted(ptypes))


def types_there(services: Services, slug: str, lang: str) -> str:
    kinds = sorted({p.type for p in services.dataset.programs_of(slug)})
    return ", ".join(t(lang, f"type.{k.value}") for k in kinds) or "-"


def not_on_record(services: Services, query: Query, lang: str) -> Reply:
    """No program of the kind asked, nor a related one: say so first, then what the place has (its programs, its
    targets, centers and notes: "푸저우는 쿠폰 숫자 나온 거 있어?" is answered by what the data says of Fuzhou).
    The reply keeps the act asked (a calculation stays one, with nothing computed)."""
    ref = require_place(query)
    place = place_name(services, ref, lang)
    overview = city.answer(services, query, lang)
    asked = types_named(query.ptypes, lang) or t(lang, "info.all")
    if services.dataset.programs_of(ref.place):
        first = t(lang, "program.none", place=place, text=asked, types=types_there(services, ref.place, lang))
    else:
        first = t(lang, "program.none_at_all", place=place, text=asked)
    held = services.dataset.places[ref.place]
    notes = [*(i.text.get(lang) for i in held.insights), *(x.text.get(lang) for x in held.targets)]  # what it has
    asked_words = _words(query.text)
    notes.sort(key=lambda note: -len(_words(note) & asked_words))  # the one nearest the question first (stable)
    head = (first, *notes[:1]) if notes else (first, *overview.headline[1:])
    return replace(overview, intent=query.intent, headline=head)


_WORD = re.compile(r"[a-z0-9]{3,}|[\u3400-\u9fff]{2}|[\uac00-\ud7a3]{2}")


def _words(text: str) -> set[str]:
    """The words a note and a question may share: Latin words, and overlapping Han and Hangul pairs ("NDRC", "AI券")."""
    lowered = text.lower()
    return {m.group() for start in range(2) for m in _WORD.finditer(lowered, start)}
