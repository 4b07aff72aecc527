"""Hangul syllables to jamo, so that 우항 and 우한 are one letter apart, not one syllable."""

from __future__ import annotations

from functools import lru_cache

from rapidfuzz.distance import Levenshtein

_BASE = 0xAC00
_LAST = 0xD7A3
_CHO = "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ"
_JUNG = "ㅏㅐㅑㅒㅓㅔㅕㅖㅗㅘㅙㅚㅛㅜㅝㅞㅟㅠㅡㅢㅣ"
_JONG = ("", *"ㄱㄲㄳㄴㄵㄶㄷㄹㄺㄻㄼㄽㄾㄿㅀㅁㅂㅄㅅㅆㅇㅈㅊㅋㅌㅍㅎ")


def is_hangul(text: str) -> bool:
    return bool(text) and all(_BASE <= ord(ch) <= _LAST for ch in text)


@lru_cache(maxsize=4096)
def jamo(text: str) -> str:
    """Decompose each syllable into its initial, medial and (if any) final jamo."""
    out = []
    for ch in text:
        code = ord(ch) - _BASE
        if 0 <= code <= _LAST - _BASE:
            cho, rest = divmod(code, 588)
            jung, jong = divmod(rest, 28)
            out.append(_CHO[cho] + _JUNG[jung] + _JONG[jong])
        else:
            out.append(ch)
    return "".join(out)


def jamo_distance(a: str, b: str) -> int:
    return int(Levenshtein.distance(jamo(a), jamo(b)))


# Letters people swap by accident: tense/aspirated consonants and ㅐ/ㅔ are "near" each other.
_SOFT = str.maketrans("ㄲㄸㅃㅆㅉㅊㅋㅌㅍㅔㅖ", "ㄱㄷㅂㅅㅈㅈㄱㄷㅂㅐㅒ")


def typo_score(a: str, b: str) -> int:
    """Edit distance in jamo, where a near-letter swap costs 1 and any other edit costs 2."""
    hard = jamo_distance(a, b)
    soft = int(Levenshtein.distance(jamo(a).translate(_SOFT), jamo(b).translate(_SOFT)))
    return soft * 2 + (hard - soft)


# Chinese sounds spelled in Hangul by ear: 쎈쩐, 셴젼, 션전 for 선전 (Shenzhen), 광쩌우 for 광저우. Tense and aspirated
# consonants are the plain ones, and the vowels ㅓ ㅔ ㅐ ㅕ ㅖ ㅒ are one.
_HEARD = str.maketrans("ㄲㄸㅃㅆㅉㅊㅋㅌㅍㅔㅐㅕㅖㅒ", "ㄱㄷㅂㅅㅈㅈㄱㄷㅂㅓㅓㅓㅓㅓ")


def by_ear(text: str) -> str:
    """The sounds as people hear Chinese, in jamo: 쎈쩐 and 선전 give the same."""
    return jamo(text).translate(_HEARD)


def soft(jamo_text: str) -> str:
    """Jamo with near letters merged (ㅉ -> ㅈ, ㅔ -> ㅐ)."""
    return jamo_text.translate(_SOFT)
