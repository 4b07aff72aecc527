"""Finding a concept's forms in a question: CJK forms anywhere, Latin forms only where a word starts.

"cap" is in "capped" but "ev" (electric vehicle) is not in "computevoucher", and a short Latin form may
not run into the next word ("in ch…" is no inch). Offsets are in the compact (space-free) text. One pass
over a message finds every form of every table (by first two letters and length); each look-up then filters
those hits by its table.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from functools import lru_cache
from typing import Generic, TypeVar

from bot.nlu.normalize import Normalized


class _Universe:
    """Every form of every table asked about so far, by its first two letters, so that one pass over a message
    finds where each of them occurs; a table first seen later joins it (and the per-message cache starts anew)."""

    def __init__(self) -> None:
        self.forms: set[str] = set()
        self._index: tuple[dict[str, tuple[int, ...]], frozenset[str], frozenset[str]] | None = None
        self.version = 0

    def add(self, forms: frozenset[str]) -> None:
        if not forms <= self.forms:
            self.forms |= forms
            self._index = None  # rebuilt on the next look-up
            self.version += 1

    @property
    def index(self) -> tuple[dict[str, tuple[int, ...]], frozenset[str], frozenset[str]]:
        """The lengths of the forms of two or more letters by their first two, longest first; the forms of one
        letter; every form. Read once: a table added from another thread may reset it meanwhile."""
        index = self._index
        if index is None:
            forms = frozenset(self.forms)
            by_prefix: dict[str, set[int]] = {}
            for form in forms:
                if len(form) >= 2:
                    by_prefix.setdefault(form[:2], set()).add(len(form))
            prefixes = {prefix: tuple(sorted(sizes, reverse=True)) for prefix, sizes in by_prefix.items()}
            index = self._index = (prefixes, frozenset(f for f in forms if len(f) == 1), forms)
        return index


_UNIVERSE = _Universe()


class Forms(tuple[str, ...]):
    """A concept's table of forms, carrying its set for the one-pass look-ups below."""

    table: frozenset[str]


def forms_of(text: str) -> Forms:
    """A word list written as one string: ``forms_of("쿠폰 voucher 券")``; in the normal form messages are
    compared in (NFKC: ㄹㅇ as the message's ᄅᄋ)."""
    forms = Forms(unicodedata.normalize("NFKC", form) for form in text.split())
    forms.table = frozenset(forms)
    _UNIVERSE.add(forms.table)
    return forms


SHORT = 5  # a Latin form this short is a word of its own: it may not run into the next word


@lru_cache(maxsize=4096)
def word_starts(spaced: str) -> frozenset[int]:
    """Where each word of ``spaced`` starts (and the text ends), in offsets of its compact form."""
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
    prefixes, singles, forms = _UNIVERSE.index
    out = []
    for position in range(len(compact)):
        sizes = prefixes.get(compact[position : position + 2])
        if sizes is not None:
            for size in sizes:
                form = compact[position : position + size]
                if len(form) == size and form in forms:
                    out.append((position, form))
        if compact[position] in singles:
            out.append((position, compact[position]))
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


def first_form(text: Normalized, forms: tuple[str, ...], whole_hangul: bool = False) -> int:
    """The earliest offset at which one of ``forms`` stands, or -1 ("smes" may not fit "an sme spending", but
    "sme" at the same place does). ``whole_hangul``: a Hangul form of two syllables may not run across two words
    ("거기 차이나" holds no 기차)."""
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
            starts = starts if starts is not None else word_starts(text.spaced)
            if not _fits(position, form, starts, compact):
                continue
        elif whole_hangul and len(form) == 2 and "\uac00" <= form[0] <= "\ud7a3":
            starts = starts if starts is not None else word_starts(text.spaced)
            if position + 1 in starts and position not in starts:
                continue
        return position
    return -1


def has_whole(text: Normalized, forms: tuple[str, ...]) -> bool:
    """:func:`has_any`, but a Hangul form of two syllables may not run across two words (``first_form``'s
    ``whole_hangul``)."""
    return has_any(text, forms) and first_form(text, forms, whole_hangul=True) >= 0


def contains_any(compact: str, forms: tuple[str, ...]) -> bool:
    """Whether any of ``forms`` occurs anywhere in ``compact`` (a plain substring test)."""
    table = _table(forms)
    return not table.isdisjoint(_occurrences(compact, _UNIVERSE.version)[1])


K = TypeVar("K")


class FormIndex(Generic[K]):
    """Several named tables at once ("compute_voucher" -> its words, …): which of them have a form in a message,
    from the one pass, instead of one look-up per table."""

    def __init__(self, tables: Mapping[K, tuple[str, ...]]) -> None:
        self._tables = dict(tables)
        by_form: dict[str, set[K]] = {}
        for name, forms in tables.items():
            for form in forms:
                if form:
                    by_form.setdefault(form, set()).add(name)
        self._by_form = {form: frozenset(names) for form, names in by_form.items()}
        self._table = frozenset(self._by_form)
        _UNIVERSE.add(self._table)

    def names_in(self, compact: str) -> set[K]:
        """The tables with a form anywhere in ``compact`` (a plain substring test, as ``contains_any``)."""
        present = _occurrences(compact, _UNIVERSE.version)[1]
        return {name for form in present & self._table for name in self._by_form[form]}

    def first_forms(self, text: Normalized) -> dict[K, int]:
        """``first_form`` of each table that has a form in ``text``, in the tables' order (the others are not
        looked at: most messages hold none of most tables)."""
        present = self.names_in(text.compact)
        found = {}
        for name, forms in self._tables.items():
            if name in present and (position := first_form(text, forms)) >= 0:
                found[name] = position
        return found


def has_any(text: Normalized, forms: tuple[str, ...]) -> bool:
    table = forms.table if type(forms) is Forms else _table(forms)
    if table.isdisjoint(_occurrences(text.compact, _UNIVERSE.version)[1]):
        return False  # most tables, for most messages: no form at all
    return first_form(text, forms) >= 0


def form_at(compact: str, forms: tuple[str, ...], position: int) -> str:
    """The longest of ``forms`` that starts at ``position`` ("" if none)."""
    table = _table(forms)
    hits, _ = _occurrences(compact, _UNIVERSE.version)
    return next((form for at, form in hits if at == position and form in table), "")
