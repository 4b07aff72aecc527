"""Smart computing centers named by their own names ("华南数谷", "수구 센터", "China Mobile's center"): the center's
aliases in the data say which place it is in, so the question is about that place's centers."""

from __future__ import annotations

import re

from bot.domain.dataset import Dataset
from bot.domain.gazetteer import PlaceRef
from bot.nlu.known_places import place_key
from bot.nlu.normalize import Normalized


class CenterNames:
    def __init__(self, dataset: Dataset) -> None:
        self._by_key: dict[str, PlaceRef] = {}
        for place in dataset.places.values():
            for center in place.computing_centers:
                for alias in center.aliases:
                    self._by_key[place_key(alias)] = PlaceRef(place.slug, center.district)
        self._latin: list[tuple[re.Pattern[str], PlaceRef]] = []  # whole words in the spaced text
        for place in dataset.places.values():
            for center in place.computing_centers:
                for alias in center.aliases:
                    if alias.isascii():
                        words = r"\s?".join(re.escape(w) for w in alias.lower().split())
                        self._latin.append((re.compile(rf"(?<![a-z]){words}(?![a-z])"), self._by_key[place_key(alias)]))
        other = sorted((k for k in self._by_key if not k.isascii()), key=len, reverse=True)
        self._pattern = re.compile("|".join(re.escape(k) for k in other)) if other else None

    def named(self, text: Normalized) -> PlaceRef | None:
        """The place of the first center named in ``text``, or None."""
        match = self._pattern.search(text.compact) if self._pattern is not None else None
        if match is not None:
            return self._by_key[match.group()]
        return next((ref for pattern, ref in self._latin if pattern.search(text.spaced)), None)
