"""Finding a concept's forms in a question: CJK forms anywhere, Latin forms only where a word starts.

"cap" is in "capped" but "ev" (electric vehicle) is not in "computevoucher", and a short Latin form may
not run into the next word ("in ch…" is no inch). Offsets are in the compact (space-free) text. One pass
over a message finds every form of every table (by first letter and length); each look-up then filters
those hits by its table.
"""

from __future__ import annotations

from functools import lru_cache

from bot.nlu.normalize import Normalized


class _Universe:
    """Every form of every table asked about so far, by first letter, so that one pass over a message finds
    where each of them occurs; a table first seen later joins it (and the per-message cache starts anew)."""

    def __init__(self) -> None:
        self.forms: set[str] = set()
        self._lengths: dict[str, tuple[int, ...]] | None = {}
        self._pairs: frozenset[str] = frozenset()
        self.version = 0

    def add(self, forms: frozenset[str]) -> None:
        if not forms <= self.forms:
            self.forms |= forms
            self._lengths = None  # rebuilt on the next look-up
            self.version += 1

    @property
    def lengths(self) -> dict[str, tuple[int, ...]]:
        lengths = self._lengths  # read once: a table added from another thread may reset it meanwhile
        if lengths is None:
            forms = frozenset(self.forms)
            by_first: dict[str, set[int]] = {}
            for form in forms:
                by_first.setdefault(form[0], set()).add(len(form))
            lengths = {first: tuple(sorted(sizes, reverse=True)) for first, sizes in by_first.items()}
            self._pairs = frozenset(form[:2] for form in forms if len(form) >= 2)
            self._lengths = lengths
        return lengths

    @property
    def pairs(self) -> frozenset[str]:
        """The first two letters of every form of two or more."""
        self.lengths  # noqa: B018 - builds both tables
        return self._pairs


_UNIVERSE = _Universe()


class Forms(tuple[str, ...]):
    """A concept's table of forms, carrying its set for the one-pass look-ups below."""

    table: frozenset[str]


def forms_of(text: str) -> Forms:
    """A word list written as one string: ``forms_of("쿠폰 voucher 券")``."""
    forms = Forms(text.split())
    forms.table = frozenset(forms)
    _UNIVERSE.add(forms.table)
    return forms


SHORT = 5  # a Latin form this short is a word of its own: it may not run into the next word


@lru_cache(maxsize=4096)
def _word_starts(spaced: str) -> frozenset[int]:
    starts, offset = set(), 0
    for word in spaced.split(" "):
        starts.add(offset)
        offset += len(word)
    starts.add(offset)  # the end of the text, so that a form may end there
    return frozenset(starts)


_TABLES: dict[int, tuple[tuple[str, ...], frozenset[str]]] = {}  # by id: tables are module constants


def _table(forms: tuple[str, ...]) -> frozenset[str]:
    if isinstance(forms, Forms):
        return forms.table
    entry = _TABLES.get(id(forms))
    if entry is not None and entry[0] is forms:
        return entry[1]
    table = frozenset(f for f in forms if f)
    _UNIVERSE.add(table)
    if len(_TABLES) < 4096:  # a table built on the fly is looked up without being kept
        _TABLES[id(forms)] = (forms, table)
    return table


@lru_cache(maxsize=2048)
def _occurrences(compact: str, version: int) -> tuple[tuple[tuple[int, str], ...], frozenset[str]]:
    """Every (position, form) of the universe in ``compact``, in order (at one position the longer first), and
    the set of forms present."""
    forms, lengths, pairs = _UNIVERSE.forms, _UNIVERSE.lengths, _UNIVERSE.pairs
    out = []
    for position, first in enumerate(compact):
        sizes = lengths.get(first)
        if sizes is None:
            continue
        if compact[position : position + 2] not in pairs:  # no form of two or more letters starts here
            if 1 in sizes:
                out.append((position, first))
            continue
        for size in sizes:
            form = compact[position : position + size]
            if form in forms and len(form) == size:
                out.append((position, form))
    return tuple(out), frozenset(form for _, form in out)


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
    """The earliest offset at which one of ``forms`` stands, or -1 ("smes" may not fit "an sme spending", but
    "sme" at the same place does)."""
    if not forms:
        return -1
    compact = text.compact
    table = _table(forms)
    hits, present = _occurrences(compact, _UNIVERSE.version)
    if table.isdisjoint(present):
        return -1
    starts: frozenset[int] | None = None
    for position, form in hits:
        if form not in table:
            continue
        if form.isascii() and form[:1].isalpha():
            starts = starts if starts is not None else _word_starts(text.spaced)
            if not _fits(position, form, starts, compact):
                continue
        return position
    return -1


def contains_any(compact: str, forms: tuple[str, ...]) -> bool:
    """Whether any of ``forms`` occurs anywhere in ``compact`` (a plain substring test)."""
    table = _table(forms)
    return not table.isdisjoint(_occurrences(compact, _UNIVERSE.version)[1])


def has_any(text: Normalized, forms: tuple[str, ...]) -> bool:
    return first_form(text, forms) >= 0


def form_at(compact: str, forms: tuple[str, ...], position: int) -> str:
    """The longest of ``forms`` that starts at ``position`` ("" if none)."""
    table = _table(forms)
    hits, _ = _occurrences(compact, _UNIVERSE.version)
    return next((form for at, form in hits if at == position and form in table), "")
