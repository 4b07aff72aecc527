"""Which program of a place a question names by its own words ("南京揭榜项目", "Haizhu model optimization subsidy").

A program-type word (算力券, model voucher) is not always there: people name a program by what its title
says, in their own order and spelling, or by one of its groups ("伙伴计划成员", Shijingshan's partner firms). Each
program's names (ko, en, zh in the data) and the labels of its groups that are no trait become features:
character pairs of Hangul and Han runs, and the first five letters of each Latin word (settled, settling).
A feature is worth its rarity across every program's names (inverse document frequency): 揭榜 or "optim"
counts, 支持 or "support" hardly do, and generic program words (보조금, subsidy, 券) not at all; nor do the
names of the place and its districts (a district's name asks for its overview, not for the program named
after it). A program is named when the message shares at least ``MIN_WEIGHT`` of its worth with one of its
names, and more than any program of another type. Built once from the data, as an index from feature to
the titles that have it: a look-up costs the message's features, not the place's programs.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass

from bot.domain.dataset import Dataset
from bot.domain.schema import Program, ProgramType
from bot.nlu.concepts import PROGRAM_NOUNS, VOUCHER_WORDS

MIN_WEIGHT = 4.5  # one feature found in one title only ("demon", "서버"), or two rarer than most
OVER_OVERVIEW = 6.0  # beside words asking what a place offers ("뭐 받음?", "政策汇总"): at least two rare features
OVER_TYPE_WORDS = 15.0  # named beside a type word: several rare features ("自建自主算力", "one-time … green data")
MARGIN = 1.5  # over the best program of another type
_RUN = re.compile(r"[\uac00-\ud7a3]+|[\u4e00-\u9fff]+|[a-z0-9]+")


# A top-N list in any of its spellings ("TOP10", "톱10", "상위 10개", "前十名", "十强") is one feature.
_TOP_TEN = re.compile(r"(?:톱|탑|top|상위)\s?-?\s?(?:10|ten)(?:개|위)?|前十名?|十强")


def features(text: str) -> frozenset[str]:
    out: set[str] = set()
    for run in _RUN.findall(_TOP_TEN.sub(" top10 ", text.lower())):
        if run.isascii():
            if len(run) >= 3 and not run.isdigit():
                out.add(run[:5])
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


# A label's figures ("상한 150만 위안") name no program.
_AMOUNT_WORDS = frozenset().union(
    *(features(w) for w in "위안 만 억 元 万 亿 yuan cny million 상한 最高 上限 cap".split())
)


def _titles(program: Program) -> list[str]:
    """Its names, and the labels of its own groups ("伙伴计划成员" is a group of Shijingshan's compute support) that
    carry no trait: a group by trait (SMEs, startups) names who asks, not the program."""
    labels = [v.label for v in program.formula.variants if not v.traits]
    return [text.get(lang) for text in (program.names, *labels) for lang in ("ko", "en", "zh")]


class ProgramNames:
    def __init__(self, dataset: Dataset) -> None:
        every = [p for place in dataset.places.values() for p in place.programs]
        df: Counter[str] = Counter()
        in_labels: Counter[str] = Counter()  # a label's words weigh by how many programs' names or labels have them
        for program in every:
            titles = _titles(program)
            df.update(set().union(*(features(name) for name in titles[:3])))
            in_labels.update(set().union(*(features(label) for label in titles)))
        idf = {f: math.log(len(every) / n) for f, n in df.items()}
        label_idf = {f: math.log(len(every) / n) for f, n in in_labels.items()}
        # per place: the programs, and each feature -> (program index, weight) once per name that has it
        self._programs: dict[str, tuple[Named, ...]] = {}
        self._index: dict[str, dict[str, list[tuple[int, int, float]]]] = {}
        for slug, place in dataset.places.items():
            names = [*place.names.all(), *(n for d in place.districts for n in d.names.all())]
            own = GENERIC.union(*(features(name) for name in names))  # naming the place or district names no program
            self._programs[slug] = tuple(Named(p.type, p.id) for p in place.programs)
            index: dict[str, list[tuple[int, int, float]]] = {}
            for i, program in enumerate(place.programs):
                for j, title in enumerate(_titles(program)):
                    for feature in features(title) - own - (_AMOUNT_WORDS if j >= 3 else frozenset()):
                        weight = idf[feature] if j < 3 else label_idf[feature]
                        index.setdefault(feature, []).append((i, j, weight))
            self._index[slug] = index

    def named(self, place: str, text: str, over_type_words: bool = False, overview: bool = False) -> Named | None:
        """The program of ``place`` the text names by its title, if one stands out (its type against every other
        type). ``over_type_words``: the text has a type word too ("上海自建自主算力": 算力), so the title must be
        named much more clearly; ``overview``: it asks what the place offers, so one rare word is not enough."""
        index = self._index.get(place)
        if not index:
            return None
        shared: dict[tuple[int, int], float] = {}  # (program, name) -> worth shared with the text
        for feature in features(text):
            for i, j, weight in index.get(feature, ()):
                shared[i, j] = shared.get((i, j), 0.0) + weight
        if not shared:
            return None
        programs = self._programs[place]
        best: dict[ProgramType, tuple[float, str]] = {}
        for (i, _), weight in shared.items():
            named = programs[i]
            if weight > best.get(named.ptype, (-1.0, ""))[0]:
                best[named.ptype] = (weight, named.program)
        ranked = sorted(best.items(), key=lambda item: -item[1][0])
        top_type, (top, top_id) = ranked[0]
        runner_up = ranked[1][1][0] if len(ranked) > 1 else 0.0
        least = OVER_TYPE_WORDS if over_type_words else OVER_OVERVIEW if overview else MIN_WEIGHT
        return Named(top_type, top_id) if top >= least and top - runner_up >= MARGIN else None
