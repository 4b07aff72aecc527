"""Find a place or district from any name a user types: 우한, 무한, 武漢, wuhan, Wuhan City, 亦庄."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from bot.domain.dataset import Dataset

_SUFFIXES = re.compile(r"(시|성|구|市|省|区|區|city|province|district)$")


def name_key(text: str) -> str:
    """The form names are compared in: NFKC, case-folded, without spaces or punctuation."""
    text = unicodedata.normalize("NFKC", text).casefold()
    return re.sub(r"[\s\-_.·'’]+", "", text)


@dataclass(frozen=True)
class PlaceRef:
    place: str
    district: str | None = None


class Gazetteer:
    """An index from every known name (and its suffix-less form) to a place or district."""

    def __init__(self, dataset: Dataset) -> None:
        self._index: dict[str, PlaceRef] = {}
        for place in dataset.places.values():
            for name in place.names.all():
                self._add(name, PlaceRef(place.slug))
            for district in place.districts:
                for name in district.names.all():
                    self._add(name, PlaceRef(place.slug, district.slug))
        self._choices = list(self._index)

    def _add(self, name: str, ref: PlaceRef) -> None:
        key = name_key(name)
        if not key:
            return
        self._index.setdefault(key, ref)
        stripped = _SUFFIXES.sub("", key)
        if len(stripped) >= 2:
            self._index.setdefault(stripped, ref)

    def resolve(self, text: str) -> PlaceRef | None:
        key = name_key(text)
        if key in self._index:
            return self._index[key]
        stripped = _SUFFIXES.sub("", key)
        return self._index.get(stripped)

    def suggest(self, text: str, limit: int = 3) -> list[PlaceRef]:
        """Places whose names look like ``text``, best first (for "did you mean")."""
        key = name_key(text)
        if not key:
            return []
        found: list[PlaceRef] = []
        for name, score, _ in process.extract(key, self._choices, scorer=fuzz.WRatio, limit=limit * 4):
            ref = self._index[name]
            if score >= 60 and ref not in found:
                found.append(ref)
        return found[:limit]

    def names(self) -> list[str]:
        return list(self._choices)
