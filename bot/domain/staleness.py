"""Which programs are likely superseded, judged from the data alone.

Two rules, both only a hint ("likely superseded: check"), never a verdict:
- a single-year round (``round_year``) is stale once that year is over;
- a program has a newer text from the same issuer on the same subject: the same place and
  district, the same type and audience, and an issue date after its own (or none at all),
  without the two being linked by ``supersedes``/``superseded_by`` already.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass

from bot.domain.schema import Program, Status

ROUND_OVER = "round_over"


@dataclass(frozen=True)
class StaleHint:
    """Why a program is likely superseded: its round is over, or a newer program (its id)."""

    reason: str  # ROUND_OVER or "newer_text"
    newer: str | None = None


DOC_YEAR = re.compile(r"〔(20\d\d)〕")


def issued(program: Program) -> dt.date | None:
    """The program's date: when it was announced, else when its window opened, else the first day
    of the year its document number names (厦府办规〔2024〕6号 -> 2024-01-01)."""
    if program.announced or program.window.start:
        return program.announced or program.window.start
    match = DOC_YEAR.search(program.doc_number or "")
    return dt.date(int(match.group(1)), 1, 1) if match else None


def _same_subject(old: Program, new: Program) -> bool:
    if (old.type, old.district, old.audience) != (new.type, new.district, new.audience):
        return False
    return old.issuer is None or new.issuer is None or old.issuer == new.issuer


def _linked(old: Program, new: Program) -> bool:
    return old.superseded_by == new.id or old.id in new.supersedes or new.superseded_by == old.id


def _newer(old: Program, new: Program) -> bool:
    old_date, new_date = issued(old), issued(new)
    if new_date is None or new.status is Status.DRAFT:
        return False
    if old_date is None:  # an undated text is judged only against one with a stated date
        return (new.announced or new.window.start) is not None
    return new_date > old_date


def stale_hints(programs: Iterable[Program], today: dt.date) -> dict[str, StaleHint]:
    """Program id -> hint, for the programs of one place (a dataset's places are judged one by one)."""
    listed = list(programs)
    hints: dict[str, StaleHint] = {}
    for program in listed:
        if program.superseded_by is not None:
            continue  # already stated
        if program.round_year is not None and program.round_year < today.year:
            hints[program.id] = StaleHint(ROUND_OVER)
            continue
        newer = [p for p in listed if p is not program and _same_subject(program, p) and _newer(program, p)]
        newer = [p for p in newer if not _linked(program, p)]
        if newer:
            latest = max(newer, key=lambda p: issued(p) or dt.date.min)
            hints[program.id] = StaleHint("newer_text", latest.id)
    return hints
