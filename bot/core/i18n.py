"""One catalog of user-facing strings per language; ``t(lang, key, **params)`` fills one in."""

from __future__ import annotations

import re
from functools import lru_cache
from string import Formatter

from bot.core.locales import en, ko, profile_en, profile_ko, profile_zh, zh

CATALOGS: dict[str, dict[str, str]] = {
    "ko": {**ko.MESSAGES, **profile_ko.MESSAGES},
    "en": {**en.MESSAGES, **profile_en.MESSAGES},
    "zh": {**zh.MESSAGES, **profile_zh.MESSAGES},
}


class _Particles(Formatter):
    """``{heard:이/가}``: the value, then the Korean particle its last syllable takes (300만 위안이, 800만 원이 …
    but 2,000만이, 모델 쿠폰이, 우시가)."""

    def format_field(self, value: object, format_spec: str) -> str:
        if "/" not in format_spec:
            return str(super().format_field(value, format_spec))
        with_final, without_final = format_spec.split("/", 1)
        text = str(value)
        if text.rstrip()[-1:].isascii() and text.rstrip()[-1:].isalpha():
            return f"{text}{with_final}({without_final})"  # "Xi'an은(는)": a name in Latin letters
        return text + (with_final if _has_final(text, rieul_is_vowel=with_final == "으로") else without_final)


def _has_final(text: str, rieul_is_vowel: bool = False) -> bool:
    last = text.rstrip()[-1:] or " "
    if "가" <= last <= "힣":
        final = (ord(last) - 0xAC00) % 28
        return final != 0 and not (rieul_is_vowel and final == 8)
    return last in "013678"  # 일, 삼, 육, 칠, 팔, 영/공 end in a consonant


_PARTICLES = _Particles()
_PARTICLE_SPEC = re.compile(r"\{[^{}:]*:[^{}]*/[^{}]*\}")  # {heard:이/가}


def t(lang: str, key: str, **params: object) -> str:
    """The message ``key`` in ``lang`` (English if the language is unknown), with ``params`` filled in."""
    catalog = CATALOGS.get(lang, CATALOGS["en"])
    template = catalog.get(key) or CATALOGS["en"][key]
    if lang == "ko" and _has_particle_spec(template):
        return _PARTICLES.format(template, **params)
    return template.format(**params)


@lru_cache(maxsize=4096)
def _has_particle_spec(template: str) -> bool:
    return _PARTICLE_SPEC.search(template) is not None


def has(lang: str, key: str) -> bool:
    """Whether ``key`` can be shown in ``lang`` (in it, or in English)."""
    return key in CATALOGS.get(lang, CATALOGS["en"]) or key in CATALOGS["en"]
