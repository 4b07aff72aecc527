"""Find the places a free question names, exactly or with a typo.

Exact names are found anywhere in the compact text (so "베이징모델쿠폰" finds 베이징);
Latin names need word boundaries. Typos are matched per word: Hangul by jamo distance
(우항 -> 우한), Latin by edit distance (Shenzen -> Shenzhen). When a typo is equally close
to two places, both are returned as ambiguous so the bot can ask instead of guessing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz.distance import Levenshtein

from bot.domain.dataset import Dataset
from bot.domain.gazetteer import PlaceRef, name_key
from bot.nlu.hangul import is_hangul, jamo, jamo_distance
from bot.nlu.normalize import Normalized, particle_variants

_LATIN = re.compile(r"^[a-z0-9 \-']+$")
_HAS_CJK = re.compile(r"[\u3040-\u9fff\uac00-\ud7a3]")
# Common words one letter away from a short place name (우리 ~ 우시, 상하 ~ 상해 ...).
_NOT_PLACES = frozenset(
    {
        "우리",
        "저희",
        "여기",
        "거기",
        "저기",
        "어디",
        "무엇",
        "얼마",
        "이거",
        "그거",
        "저거",
        "쿠폰",
        "모델",
        "정책",
        "지원",
        "상하",
        "사이",
        "주세",
        "우선",
        "우수",
        "무료",
        "중심",
        "중국",
        "한국",
        "시간",
        "기업",
        "회사",
        "센터",
        "데이터",
        "목표",
        "환율",
        "도시",
        "비교",
        "계산",
        "조건",
        "금액",
        "투자",
    }
)


@dataclass(frozen=True)
class PlaceMention:
    ref: PlaceRef
    position: int  # offset in the compact text, for ordering
    fuzzy: bool = False


@dataclass(frozen=True)
class PlaceFindings:
    mentions: tuple[PlaceMention, ...]
    ambiguous: tuple[PlaceRef, ...] = ()

    @property
    def refs(self) -> tuple[PlaceRef, ...]:
        return tuple(m.ref for m in self.mentions)


@dataclass(frozen=True)
class _Alias:
    key: str
    ref: PlaceRef


class PlaceFinder:
    """Built once from the dataset; ``find`` is called per message."""

    def __init__(self, dataset: Dataset, vocabulary: tuple[str, ...] = ()) -> None:
        cjk: dict[str, PlaceRef] = {}
        latin: dict[str, PlaceRef] = {}
        for place in dataset.places.values():
            entries = [(n, PlaceRef(place.slug)) for n in place.names.all()]
            for district in place.districts:
                entries += [(n, PlaceRef(place.slug, district.slug)) for n in district.names.all()]
            for name, ref in entries:
                folded = name.casefold().strip()
                key = name_key(name)
                if _HAS_CJK.search(key) and len(key) >= 2:
                    cjk.setdefault(key, ref)
                elif _LATIN.match(folded) and len(key) >= 3:
                    latin.setdefault(folded, ref)
        self._cjk = cjk
        self._latin = latin
        self._latin_keys = {name_key(k): ref for k, ref in latin.items()}
        self._hangul = {k: ref for k, ref in cjk.items() if is_hangul(k)}
        self._cjk_re = re.compile("|".join(re.escape(k) for k in sorted(cjk, key=len, reverse=True)))
        latin_patterns = (r"[\s\-]*".join(re.escape(w) for w in re.split(r"[\s\-]+", k)) for k in latin)
        self._latin_re = re.compile(
            r"(?<![a-z0-9])(" + "|".join(sorted(latin_patterns, key=len, reverse=True)) + r")(?![a-z])"
        )
        self._vocabulary = tuple(sorted(vocabulary, key=len, reverse=True))

    def find(self, text: Normalized) -> PlaceFindings:
        mentions: list[PlaceMention] = []
        covered: list[tuple[int, int]] = []
        for match in self._cjk_re.finditer(text.compact):
            mentions.append(PlaceMention(self._cjk[match.group()], match.start()))
            covered.append(match.span())
        for match in self._latin_re.finditer(text.spaced):
            key = name_key(match.group())
            ref = self._latin_keys.get(key)
            if ref is not None:
                offset = len(text.spaced[: match.start()].replace(" ", ""))
                mentions.append(PlaceMention(ref, offset))
                covered.append((offset, offset + len(key)))
        fuzzy, ambiguous = self._fuzzy(text, covered)
        mentions.extend(fuzzy)
        return PlaceFindings(_dedupe(mentions), ambiguous)

    def _fuzzy(
        self, text: Normalized, covered: list[tuple[int, int]]
    ) -> tuple[list[PlaceMention], tuple[PlaceRef, ...]]:
        found: list[PlaceMention] = []
        ambiguous: tuple[PlaceRef, ...] = ()
        offset = 0
        for word in text.spaced.split(" "):
            start, offset = offset, offset + len(word)
            if any(a <= start < b or a < start + len(word) <= b for a, b in covered):
                continue
            candidates = self._hangul_candidates(word) if _HAS_CJK.search(word) else self._latin_candidates(word)
            if not candidates:
                continue
            best = min(distance for distance, _ in candidates)
            places = list(dict.fromkeys(ref for distance, ref in candidates if distance == best))
            if len({ref.place for ref in places}) > 1:
                ambiguous = tuple(places)
            else:
                found.append(PlaceMention(places[0], start, fuzzy=True))
        return found, ambiguous

    def _hangul_candidates(self, word: str) -> list[tuple[int, PlaceRef]]:
        if not is_hangul(word):
            return []
        forms = set(particle_variants(word))
        for alias in self._hangul:  # a name glued to what follows: 우항모델쿠폰
            size = len(alias)
            if len(word) > size and self._is_vocabulary(word[size:]):
                forms.add(word[:size])
        out = []
        for form in forms:
            if form in _NOT_PLACES or len(form) < 2:
                continue
            for alias, ref in self._hangul.items():
                if abs(len(alias) - len(form)) > 1 or jamo(alias)[0] != jamo(form)[0]:
                    continue
                limit = 1 if len(alias) <= 3 else 2
                distance = jamo_distance(form, alias)
                if 0 < distance <= limit:
                    out.append((distance, ref))
        return out

    def _latin_candidates(self, word: str) -> list[tuple[int, PlaceRef]]:
        if len(word) < 4 or not word.isalpha() or not word.isascii():
            return []
        out = []
        for alias, ref in self._latin_keys.items():
            if alias[0] != word[0] or abs(len(alias) - len(word)) > 2:
                continue
            limit = 1 if len(alias) <= 7 else 2
            distance = int(Levenshtein.distance(word, alias))
            if 0 < distance <= limit:
                out.append((distance, ref))
        return out

    def _is_vocabulary(self, rest: str) -> bool:
        rest = particle_variants(rest)[-1] if rest else rest
        return not rest or any(rest.startswith(word) for word in self._vocabulary)


def _dedupe(mentions: list[PlaceMention]) -> tuple[PlaceMention, ...]:
    """One mention per place, in text order; a district replaces its own city."""
    ordered = sorted(mentions, key=lambda m: m.position)
    districts = {m.ref.place for m in ordered if m.ref.district}
    seen: set[PlaceRef] = set()
    out = []
    for mention in ordered:
        if mention.ref.district is None and mention.ref.place in districts:
            continue
        if mention.ref not in seen:
            seen.add(mention.ref)
            out.append(mention)
    return tuple(out)
