"""Finding a concept's forms in a question: CJK forms anywhere, Latin forms only where a word starts.

"cap" is in "capped" but "ev" (electric vehicle) is not in "computevoucher", and a short Latin form may
not run into the next word ("in ch…" is no inch). Offsets are in the compact (space-free) text. Each
table of forms is compiled once into one regular expression that reports every position where a form
starts, longest form first.
"""

from __future__ import annotations

import re
from functools import lru_cache

from bot.nlu.normalize import Normalized


def forms_of(text: str) -> tuple[str, ...]:
    """A word list written as one string: ``forms_of("쿠폰 voucher 券")``."""
    return tuple(text.split())


SHORT = 5  # a Latin form this short is a word of its own: it may not run into the next word


@lru_cache(maxsize=4096)
def _word_starts(spaced: str) -> frozenset[int]:
    starts, offset = set(), 0
    for word in spaced.split(" "):
        starts.add(offset)
        offset += len(word)
    starts.add(offset)  # the end of the text, so that a form may end there
    return frozenset(starts)


@lru_cache(maxsize=256)
def _pattern(forms: tuple[str, ...]) -> re.Pattern[str]:
    ordered = sorted(set(forms), key=len, reverse=True)
    return re.compile("(?=(" + "|".join(re.escape(f) for f in ordered) + "))")


def _fits(position: int, form: str, starts: frozenset[int], compact: str = "") -> bool:
    """A Latin form starts a word; a short one may span whole words ("up to", "is it") but must end where a
    word ends, so "in ch…" is no "inch"."""
    if not form.isascii() or not form[:1].isalpha():
        return True
    before = compact[position - 1] if compact and position > 0 else ""
    if position not in starts and (before.isascii() and before.isalpha()):
        return False  # a word start, or right after Han, Hangul or a digit (100eflops, 우한gpu)
    end = position + len(form)
    return len(form) > SHORT or end in starts or not any(position < start < end for start in starts)


def first_form(text: Normalized, forms: tuple[str, ...]) -> int:
    """The earliest offset at which one of ``forms`` stands, or -1."""
    if not forms:
        return -1
    starts: frozenset[int] | None = None
    compact = text.compact
    for match in _pattern(forms).finditer(compact):
        form, position = match.group(1), match.start()
        if form.isascii() and form[:1].isalpha():
            starts = starts if starts is not None else _word_starts(text.spaced)
            if not _fits(position, form, starts, compact) and not any(
                _fits(position, shorter, starts, compact)
                for shorter in _ordered(forms)
                if shorter != form and len(shorter) < len(form) and compact.startswith(shorter, position)
            ):  # "smes" does not fit "an sme spending", but "sme" does
                continue
        return position
    return -1


@lru_cache(maxsize=256)
def _ordered(forms: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(sorted(set(forms), key=len, reverse=True))


@lru_cache(maxsize=256)
def _anywhere(forms: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile("|".join(re.escape(f) for f in sorted(set(forms), key=len, reverse=True)) or "(?!)")


def contains_any(compact: str, forms: tuple[str, ...]) -> bool:
    """Whether any of ``forms`` occurs anywhere in ``compact`` (a plain substring test, one compiled scan)."""
    return _anywhere(forms).search(compact) is not None


def find_form(text: Normalized, form: str) -> int:
    return first_form(text, (form,))


def has_any(text: Normalized, forms: tuple[str, ...]) -> bool:
    return first_form(text, forms) >= 0


def form_at(compact: str, forms: tuple[str, ...], position: int) -> str:
    """The longest of ``forms`` that starts at ``position`` ("" if none)."""
    match = _anywhere(forms).match(compact, position)
    return match.group() if match else ""
