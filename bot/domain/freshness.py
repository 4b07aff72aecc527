"""Judge a program's status against today's date: draft, reported only, expired, superseded."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from bot.domain.schema import Program, Status

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

    @property
    def effective(self) -> Status:
        return Status.EXPIRED if self.expired else self.declared

    @property
    def current_official(self) -> bool:
        return self.effective is Status.FINAL and not self.superseded_by and not self.not_started

    @property
    def rank(self) -> int:
        """Sort order: current official programs first, then drafts and reports, expired last."""
        if self.current_official:
            return 0
        if self.effective is Status.EXPIRED:
            return 3
        return 1 if self.superseded_by is None else 2


def judge(program: Program, today: dt.date) -> Freshness:
    window = program.window
    expired = program.status is Status.EXPIRED or (window.end is not None and window.end < today)
    not_started = window.start is not None and window.start > today
    return Freshness(program.status, expired, not_started, program.superseded_by)
