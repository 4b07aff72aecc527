"""Judge a program's status against today's date: draft, reported only, expired, superseded."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from bot.domain.dataset import Dataset
from bot.domain.schema import Program, Status
from bot.domain.staleness import StaleHint, stale_hints

Clock = Callable[[], dt.date]


def system_clock() -> dt.date:
    return dt.date.today()


@dataclass(frozen=True)
class Freshness:
    """What a reader must be told before trusting a program's numbers."""

    declared: Status
    expired: bool
    not_started: bool
    superseded_by: str | None
    likely_superseded: StaleHint | None = None  # judged from the data: "likely superseded: check"
    days_left: int | None = None  # days until the last day (0 on it), while it runs; None if unknown or over

    @property
    def effective(self) -> Status:
        return Status.EXPIRED if self.expired else self.declared

    @property
    def current_official(self) -> bool:
        return (
            self.effective is Status.FINAL
            and not self.superseded_by
            and not self.not_started
            and self.likely_superseded is None
        )

    @property
    def rank(self) -> int:
        """Sort order: current official programs first, then drafts and reports, expired last."""
        if self.current_official:
            return 0
        if self.effective is Status.EXPIRED:
            return 3
        return 1 if self.superseded_by is None and self.likely_superseded is None else 2


def judge(program: Program, today: dt.date, hint: StaleHint | None = None) -> Freshness:
    """The program's status today; ``hint`` is the data's "likely superseded" judgement, if any."""
    window = program.window
    last_day = window.last_day
    expired = program.status is Status.EXPIRED or (last_day is not None and last_day < today)
    not_started = window.start is not None and window.start > today
    left = (last_day - today).days if last_day is not None and not expired else None
    return Freshness(program.status, expired, not_started, program.superseded_by, None if expired else hint, left)


def judge_in(dataset: Dataset, program: Program, today: dt.date) -> Freshness:
    """:func:`judge` with the data's "likely superseded" rules applied among the program's place."""
    place = dataset.program_place.get(program.id)
    hints = stale_hints(dataset.programs_of(place), today) if place is not None else {}
    return judge(program, today, hints.get(program.id))
