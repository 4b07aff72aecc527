"""Finding a concept's forms in a question: CJK forms anywhere, Latin forms only where a word starts.

"cap" is in "capped" but not in "capital"'s neighbour "escape"; "ev" (electric vehicle) is not in
"computevoucher". Offsets are in the compact (space-free) text.
"""

from __future__ import annotations

from functools import lru_cache

from bot.nlu.normalize import Normalized

SHORT = 5  # a Latin form this short is a word of its own: it may not run into the next word ("in ch…" is no inch)


@lru_cache(maxsize=4096)
def _word_starts(spaced: str) -> frozenset[int]:
    starts, offset = set(), 0
    for word in spaced.split(" "):
        starts.add(offset)
        offset += len(word)
    return frozenset(starts)


def _fits(position: int, form: str, starts: frozenset[int]) -> bool:
    if position not in starts:
        return False
    return len(form) > SHORT or not any(position < start < position + len(form) for start in starts)


def find_form(text: Normalized, form: str) -> int:
    """The offset of ``form`` in the compact text, or -1; a Latin form must start a word."""
    compact = text.compact
    if not form.isascii() or not form[:1].isalpha():
        return compact.find(form)
    starts = _word_starts(text.spaced)
    position = compact.find(form)
    while position >= 0:
        if _fits(position, form, starts):
            return position
        position = compact.find(form, position + 1)
    return -1


def first_form(text: Normalized, forms: tuple[str, ...]) -> int:
    """The earliest offset of any of ``forms``, or -1."""
    positions = [p for form in forms if (p := find_form(text, form)) >= 0]
    return min(positions) if positions else -1


def has_any(text: Normalized, forms: tuple[str, ...]) -> bool:
    return any(find_form(text, form) >= 0 for form in forms)
