"""Places a question names that the data does not cover: another Chinese division, or a foreign place.

The gazetteer (bot/nlu/known_places.py, generated from the division lists) knows every province,
prefecture and county, and the countries and large cities of the world. A hit that is not one of
our places becomes an :class:`Outside`, with the covered province it lies in (郑州 -> 河南) and the
nearest covered places, so the answer can say "not covered yet" and point to what is.
"""

from __future__ import annotations

import re

from bot.domain.dataset import Dataset
from bot.domain.gazetteer import PlaceRef
from bot.nlu.known_places import Division, KnownPlaces, place_key
from bot.nlu.query import Outside

NEARBY = 3
COUNTRY_CODE = "CN"  # China itself is a place we cover (national programs)


class OutsideFinder:
    def __init__(self, dataset: Dataset, known: KnownPlaces | None = None) -> None:
        self._known = known or KnownPlaces.default()
        self._refs: dict[str, PlaceRef] = {slug: PlaceRef(slug) for slug in dataset.places}
        self._own_names: set[str] = set()  # 화난 is our South China region before it is 桦南县
        for place in dataset.places.values():
            self._own_names.update(place_key(name) for name in place.names.all())
            for center in place.computing_centers:
                self._own_names.update(place_key(alias) for alias in center.aliases)
            for district in place.districts:
                self._refs.setdefault(district.slug, PlaceRef(place.slug, district.slug))
                self._own_names.update(place_key(name) for name in district.names.all())

        self._inside: dict[str, set[str]] = {}  # a province's adcode -> the covered places in it
        for division in self._known.divisions.values():
            ref = self._ref(division)
            if ref is not None and division.level != "province":
                self._inside.setdefault(self._known.province_of(division).adcode, set()).add(ref.place)

    def covered_names(self) -> list[tuple[str, PlaceRef]]:
        """Every gazetteer form of the divisions we cover (하남성, 우한시, Henan Province), for the place finder."""
        return [
            (form, ref)
            for division in self._known.divisions.values()
            if (ref := self._ref(division)) is not None
            for form in division.forms()
        ]

    def _ref(self, division: Division | None) -> PlaceRef | None:
        return self._refs.get(division.covered) if division is not None and division.covered else None

    def find(self, text: str) -> tuple[Outside, ...]:
        out: list[Outside] = []
        seen: set[str] = set()  # one place named twice ("동관(东莞)") is one place
        for hit in self._known.find(text, _asks_a_program):
            if hit.key in self._own_names or any(
                self._ref(c) is not None for c in hit.candidates if isinstance(c, Division)
            ):
                continue  # one of ours (우한, 河南) or sharing a form with one: the place finder has it
            world = hit.world
            if world is not None and "\uac00" <= hit.form[:1] <= "\ud7a3" and _VERB_ENDING.match(text, hit.end):
                continue  # "공신국 직접 가나요?": 가나 there is a verb, not Ghana
            if world is not None:
                if world.code != COUNTRY_CODE:
                    out.append(Outside(hit.form, world.kind))
                continue
            division = hit.division
            assert division is not None
            if division.adcode in seen:
                continue
            seen.add(division.adcode)
            parent = self._known.division(division.parent) if division.level == "county" else None
            near = self._ref(parent) or self._ref(hit.province)  # 위항구 -> Hangzhou, 郑州 -> Henan
            cities = (self._ref(d) for d, _ in self._known.nearest_covered(division, NEARBY * 3))
            nearby = tuple(dict.fromkeys(PlaceRef(ref.place) for ref in cities if ref is not None and ref != near))
            within = frozenset(self._inside.get(division.adcode, ())) if division.level == "province" else frozenset()
            out.append(Outside(hit.form, division.level, near, nearby[:NEARBY], within))
        if not out:
            out += [Outside(match.group(), "country") for match in _COUNTRY_LETTERS.finditer(text)]
        return tuple(out)


# Countries (and the EU) people write in capitals, too short to look for inside words ("UAE AI policy?", "US CHIPS
# act", "UK compute grants"); not a currency ("US$", "USD"), nor who someone is ("our US finance team", "a UK parent").
_COUNTRY_LETTERS = re.compile(
    r"(?<![A-Za-z])(?:UAE|USA|U\.S\.A?\.?|US|UK|U\.K\.|EU)(?![A-Za-z$])"
    r"(?!\s?(?i:team|finance|office|hq|headquarters|parent|entity|subsidiary|firm|company|client|investors?|dollars?"
    r"|side|tax|gaap|listing|colleagues?|partners?|-based|based|customers?)\b)"
)


# Right after a Korean word that names a country, a verb ending: the word was a verb ("가나요", "가나 봐").
_VERB_ENDING = re.compile(r"(?:요|봐|봄)")
# After a Korean word that is also a division's name, these make it the place: "정주 산력권 얼마", "장사 AI 정책".
_PROGRAM_AFTER = re.compile(
    r"\s?(?:은|는|에서|에|의|도|시|쪽)?\s?(?:산력|컴퓨팅|쿠폰|바우처|ai|AI|算力|模型|券|补贴|政策|지원|보조|정책|데이터|모델)"
)


def _asks_a_program(after: str) -> bool:
    return _PROGRAM_AFTER.match(after) is not None
