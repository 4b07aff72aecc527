"""Policy document numbers: 青政办字〔2025〕47号 names Qingdao's government office, 京技管发 Beijing E-Town.

The issuers' codes are read from the data (each program's own text and its sources' titles), so a question that
quotes a document number ("鲁政办字〔2025〕49号里的算力券按啥比例补？") is about the place that issued it. A code
counts only in a document number (code, year, number), never as a bare word: 国发 is also in 中国发布.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterator

from bot.domain.dataset import Dataset
from bot.domain.gazetteer import PlaceRef

_HAN = "\u4e00-\u9fff"
# In the data: the issuer's code, the year in brackets, the number ("武政规〔2025〕3号").
_IN_THE_DATA = re.compile(rf"([{_HAN}]{{2,8}})[〔\[(（]20\d\d[〕\])）]\s?\d+\s?号")


def _strings(value: object) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _strings(item)


def issuer_codes(dataset: Dataset) -> dict[str, PlaceRef]:
    """Each issuer's code and the place (or district) whose programs cite it most; a code two places cite
    equally names neither."""
    titles = {s.id: s.title for s in dataset.sources.values()}
    for place in dataset.places.values():
        titles.update({s.id: s.title for s in place.sources})
    runs: list[tuple[str, PlaceRef]] = []
    for place, program in dataset.all_programs():
        ref = PlaceRef(place.slug, program.district)
        texts = [*_strings(program.model_dump(mode="json")), *(titles.get(s.id, "") for s in program.sources)]
        runs += [(match.group(1), ref) for text in texts for match in _IN_THE_DATA.finditer(text)]
    for place in dataset.places.values():  # a place's own sources ("国发〔2025〕11号" for the national plans)
        runs += [(m.group(1), PlaceRef(place.slug)) for s in place.sources for m in _IN_THE_DATA.finditer(s.title)]
    whole = {run for run, _ in runs}
    cited: defaultdict[str, Counter[PlaceRef]] = defaultdict(Counter)
    for run, ref in runs:  # "由正式文件武政规": the shortest ending that is a code on its own elsewhere
        code = next((run[i:] for i in range(len(run) - 2, -1, -1) if run[i:] in whole), run)
        cited[code][ref] += 1
    codes = {}
    for code, refs in cited.items():
        (top, n), *rest = refs.most_common(2)
        if not rest or rest[0][1] < n:
            codes[code] = top
    return codes


def document_number_pattern(codes: dict[str, PlaceRef]) -> re.Pattern[str]:
    """A code followed by a year and a number, in the compact text (brackets kept or dropped)."""
    names = "|".join(re.escape(code) for code in sorted(codes, key=len, reverse=True)) or "(?!)"
    return re.compile(rf"({names})[〔\[(（]?20\d\d[〕\])）]?\d{{1,3}}号?")
