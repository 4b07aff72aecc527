"""One catalog of user-facing strings per language; ``t(lang, key, **params)`` fills one in."""

from __future__ import annotations

from bot.core.locales import en, ko, zh

CATALOGS: dict[str, dict[str, str]] = {"ko": ko.MESSAGES, "en": en.MESSAGES, "zh": zh.MESSAGES}


def t(lang: str, key: str, **params: object) -> str:
    """The message ``key`` in ``lang`` (English if the language is unknown), with ``params`` filled in."""
    catalog = CATALOGS.get(lang, en.MESSAGES)
    template = catalog.get(key) or en.MESSAGES[key]
    return template.format(**params)


def has(lang: str, key: str) -> bool:
    """Whether ``key`` can be shown in ``lang`` (in it, or in English)."""
    return key in CATALOGS.get(lang, en.MESSAGES) or key in en.MESSAGES
