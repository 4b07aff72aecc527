"""Which program of a place a question names by its own words ("南京揭榜项目", "Haizhu model optimization subsidy").

A program-type word (算力券, model voucher) is not always there: people name a program by what its title says,
in their own order and spelling. Each program's names (ko, en, zh in the data) become features: character
pairs of Hangul and Han runs, and the first six letters of each Latin word. A feature is worth its rarity
across every program's names (inverse document frequency), so 揭榜 or "optimi" counts and 支持, 项目 or
"support" hardly do, and generic program words (보조금, subsidy, 券) not at all; nor do the names of the place
and its districts (a district's name asks for its overview, not for the program named after it). A program
is named when the message shares at least ``MIN_WEIGHT`` of its worth with one of its names, and more than
any program of another type. Built once from the data; a look-up is a set intersection per program of one place.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass

from bot.domain.dataset import Dataset
from bot.domain.schema import ProgramType
from bot.nlu.concepts import PROGRAM_NOUNS, VOUCHER_WORDS

MIN_WEIGHT = 4.5  # one feature found in one title only ("demonstr", "서버"), or two rarer than most
OVER_OVERVIEW = 6.0  # beside words asking what a place offers ("뭐 받음?", "政策汇总"): at least two rare features
OVER_TYPE_WORDS = 15.0  # named beside a type word: several rare features ("自建自主算力", "one-time … green data")
MARGIN = 1.5  # over the best program of another type
_RUN = re.compile(r"[\uac00-\ud7a3]+|[\u4e00-\u9fff]+|[a-z0-9]+")


def features(text: str) -> frozenset[str]:
    out: set[str] = set()
    for run in _RUN.findall(text.lower()):
        if run.isascii():
            if len(run) >= 3 and not run.isdigit():
                out.add(run[:6])
        elif len(run) == 1:
            out.add(run)
        else:
            out.update(run[i : i + 2] for i in range(len(run) - 1))
    return frozenset(out)


# Words any program's title may have (보조금, subsidy, 支持, voucher, 项目, draft): they name no program in particular.
_ANY_TITLE = "project 프로젝트 项目 program draft 의견수렴안 征求意见稿 一次性 일회성 onetime"
GENERIC = frozenset().union(*(features(w) for w in (*PROGRAM_NOUNS, *VOUCHER_WORDS, *_ANY_TITLE.split())))


@dataclass(frozen=True)
class Named:
    """The program a question names by its title."""

    ptype: ProgramType
    program: str  # its id


@dataclass(frozen=True)
class _Named:
    ptype: ProgramType
    program: str
    names: tuple[frozenset[str], ...]  # one feature set per language


class ProgramNames:
    def __init__(self, dataset: Dataset) -> None:
        every = [p for place in dataset.places.values() for p in place.programs]
        df: Counter[str] = Counter()
        for program in every:
            df.update(set().union(*(features(program.names.get(lang)) for lang in ("ko", "en", "zh"))))
        self._idf = {f: math.log(len(every) / n) for f, n in df.items()}
        self._by_place: dict[str, tuple[_Named, ...]] = {}
        for slug, place in dataset.places.items():
            names = [*place.names.all(), *(n for d in place.districts for n in d.names.all())]
            own = GENERIC.union(*(features(name) for name in names))  # naming the place or district names no program
            self._by_place[slug] = tuple(
                _Named(p.type, p.id, tuple(features(p.names.get(lang)) - own for lang in ("ko", "en", "zh")))
                for p in place.programs
            )

    def named(self, place: str, text: str, over_type_words: bool = False, overview: bool = False) -> Named | None:
        """The program of ``place`` the text names by its title, if one stands out (its type against every other
        type). ``over_type_words``: the text has a type word too ("上海自建自主算力": 算力), so the title must be
        named much more clearly; ``overview``: it asks what the place offers, so one rare word is not enough."""
        programs = self._by_place.get(place, ())
        if not programs:
            return None
        asked = features(text)
        best: dict[ProgramType, tuple[float, str]] = {}
        for program in programs:
            weight = max(sum(self._idf.get(f, 0.0) for f in name & asked) for name in program.names)
            if weight > best.get(program.ptype, (-1.0, ""))[0]:
                best[program.ptype] = (weight, program.program)
        ranked = sorted(best.items(), key=lambda item: -item[1][0])
        top_type, (top, top_id) = ranked[0]
        runner_up = ranked[1][1][0] if len(ranked) > 1 else 0.0
        least = OVER_TYPE_WORDS if over_type_words else OVER_OVERVIEW if overview else MIN_WEIGHT
        return Named(top_type, top_id) if top >= least and top - runner_up >= MARGIN else None
