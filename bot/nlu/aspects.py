"""The fact a question asks for (its aspect), any second part, and the asker's traits."""

from __future__ import annotations

from bot.nlu.concepts import ASPECT_PRIORITY, ASPECTS, FX_PART_FORMS, PART_FORMS, TRAITS
from bot.nlu.normalize import Normalized


def _hits(compact: str, forms: tuple[str, ...]) -> list[int]:
    return [compact.find(form) for form in forms if form in compact]


def find_aspect(text: Normalized) -> str | None:
    """The aspect that leads: the first of ASPECT_PRIORITY whose forms appear (a cap word beats "얼마")."""
    compact = text.compact
    present = {name for name, forms in ASPECTS.items() if _hits(compact, forms)}
    return next((name for name in ASPECT_PRIORITY if name in present), None)


def find_parts(text: Normalized, aspect: str | None, asks_fx: bool) -> tuple[str, ...]:
    """Second questions in the same message: a currency ("…원화로는?"), a deadline or the conditions."""
    compact = text.compact
    parts = [name for name, forms in PART_FORMS.items() if name != aspect and _hits(compact, forms)]
    if asks_fx and any(form in compact for form in FX_PART_FORMS):
        parts.append("fx")
    return tuple(parts)


def find_traits(text: Normalized) -> frozenset[str]:
    compact = text.compact
    return frozenset(name for name, forms in TRAITS.items() if _hits(compact, forms))
