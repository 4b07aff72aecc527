"""Correct a word one slip away from a known cue or program word: 정챍 -> 정책, vocher -> voucher.

Words are bucketed by length and first letter (first jamo for Hangul), so a message costs a few
dozen distance computations, not thousands.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from functools import lru_cache

from rapidfuzz.distance import OSA

from bot.nlu.hangul import is_hangul, jamo, jamo_distance
from bot.nlu.normalize import Normalized, particle_variants


class TypoCorrector:
    def __init__(self, words: Iterable[str], protected: Iterable[str] = ()) -> None:
        self._known = set()
        self._hangul: dict[tuple[int, str], list[str]] = defaultdict(list)
        self._latin: dict[str, list[str]] = defaultdict(list)
        for word in words:
            if is_hangul(word) and len(word) >= 2:
                self._known.add(word)
                self._hangul[(len(word), jamo(word)[0])].append(word)
            elif word.isascii() and word.isalpha() and len(word) >= 4:
                self._known.add(word)
                self._latin[word[0]].append(word)
        self._protected = set(protected)
        self._fix = lru_cache(maxsize=16_384)(self._fix_word)  # the same words come in message after message

    def correct(self, text: Normalized) -> Normalized:
        words = [self._fix(word) for word in text.spaced.split(" ")]
        spaced = " ".join(words)
        if spaced == text.spaced:
            return text
        return Normalized(text.original, spaced, spaced.replace(" ", ""))

    def is_slip(self, word: str) -> bool:
        """A Hangul word one slip from a known word (싱청 for 신청), which is not also a name we protect."""
        if not is_hangul(word) or word in self._known or word in self._protected:
            return False
        candidates = self._hangul.get((len(word), jamo(word)[0]), [])
        return any(jamo_distance(word, known) == 1 for known in candidates)  # the whole word, no particle off

    def _fix_word(self, word: str) -> str:
        if word in self._known or word in self._protected:
            return word
        if is_hangul(word):
            return self._fix_hangul(word)
        if word.isascii() and word.isalpha() and len(word) >= 4:
            return self._fix_latin(word)
        return word

    def _fix_hangul(self, word: str) -> str:
        for form in particle_variants(word):
            if form in self._known or form in self._protected:
                return word
            limit = 1 if len(form) <= 3 else 2
            candidates = self._hangul.get((len(form), jamo(form)[0]), [])
            best = min(candidates, key=lambda w: jamo_distance(form, w), default=None)
            if best is not None and jamo_distance(form, best) <= limit and not self._same_stem(form, best):
                return best + word[len(form) :]
        return word

    def _same_stem(self, form: str, best: str) -> bool:
        """Both start with the same known word (구독해줘, 구독해지): only the ending differs, which is grammar,
        not a slip, and may turn the meaning round."""
        return any(form[:size] == best[:size] and form[:size] in self._known for size in range(2, len(form)))

    def _fix_latin(self, word: str) -> str:
        limit = 1 if len(word) < 8 else 2
        candidates = [w for w in self._latin.get(word[0], []) if abs(len(w) - len(word)) <= limit]
        best = min(candidates, key=lambda w: OSA.distance(word, w), default=None)  # a swap (modle) is one slip
        if best is not None and OSA.distance(word, best) <= limit:
            return best
        return word
