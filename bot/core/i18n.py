"""One catalog of user-facing strings per language; ``t(lang, key, **params)`` fills one in."""

from __future__ import annotations

from bot.core.locales import en, ko, profile_en, profile_ko, profile_zh, zh

CATALOGS: dict[str, dict[str, str]] = {
    "ko": {**ko.MESSAGES, **profile_ko.MESSAGES},
    "en": {**en.MESSAGES, **profile_en.MESSAGES},
    "zh": {**zh.MESSAGES, **profile_zh.MESSAGES},
}


def t(lang: str, key: str, **params: object) -> str:
    """The message ``key`` in ``lang`` (English if the language is unknown), with ``params`` filled in."""
    catalog = CATALOGS.get(lang, CATALOGS["en"])
    template = catalog.get(key) or CATALOGS["en"][key]
    return template.format(**params)


def has(lang: str, key: str) -> bool:
    """Whether ``key`` can be shown in ``lang`` (in it, or in English)."""
    return key in CATALOGS.get(lang, CATALOGS["en"]) or key in CATALOGS["en"]
