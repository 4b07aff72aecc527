"""Program names that only one place uses (训力券 is Shenzhen's, 智能券 Hangzhou's, 算力浦江 Shanghai's).

A question that names such a program and no place ("训力券初创企业60%，怎么认定初创") is about that place. The
names are read from the data: each program's Chinese name, split at its marks and with its place's names taken
out, gives runs of Han characters; a run that names a voucher (ends in 券) other than the kinds every place has
(算力券, 模型券 …), and that only one place's programs have, names that place.
"""

from __future__ import annotations

import re
from collections import defaultdict

from bot.domain.dataset import Dataset
from bot.domain.gazetteer import PlaceRef

_HAN_RUN = re.compile(r"[\u4e00-\u9fff]{3,}")
_AI = "人工智能"  # "AI" names no program: 人工智能券 is the national AI voucher, not Hangzhou's 智能券
_KINDS = frozenset(
    "算力券 模型券 语料券 数据券 标注券 算力服务券 人工智能算力券 年度算力券".split()
)  # named by many places


class OwnNames:
    def __init__(self, dataset: Dataset) -> None:
        places: defaultdict[str, set[str]] = defaultdict(set)
        for place, program in dataset.all_programs():
            name = program.names.get("zh") or ""
            for own in sorted(place.names.all(), key=len, reverse=True):
                name = name.replace(own, " ")
            for run in _HAN_RUN.findall(name.replace(_AI, " ")):
                if run.endswith("券") and run not in _KINDS:
                    places[run].add(place.slug)
        self._place = {run: next(iter(slugs)) for run, slugs in places.items() if len(slugs) == 1}
        names = sorted(self._place, key=len, reverse=True)
        self._pattern = re.compile("|".join(map(re.escape, names)) if names else "(?!)")

    def place_named(self, compact: str) -> PlaceRef | None:
        """The one place whose own program names the text holds; None when it holds none, or those of two."""
        found = {self._place[match.group()] for match in self._pattern.finditer(compact.replace(_AI, " "))}
        return PlaceRef(found.pop()) if len(found) == 1 else None
