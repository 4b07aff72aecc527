"""The daily run: once the date changes, announce what changed by itself (a window that closed, a program
whose window closes within the reminder days). A plain asyncio task on an injectable clock, so it runs with
Telegram, Slack or both, and tests move the date instead of waiting a day."""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
from collections.abc import Callable

from bot.domain.freshness import Clock

log = logging.getLogger(__name__)

CHECK_INTERVAL_S = 60.0  # how often the date is looked at: the run starts within a minute of midnight


class DailyJob:
    def __init__(self, run: Callable[[dt.date], int], today: Clock, interval_s: float = CHECK_INTERVAL_S,
                 on_run: Callable[[], None] | None = None) -> None:  # fmt: skip
        self._run = run
        self._today = today
        self.interval_s = interval_s
        self._on_run = on_run
        self.last_day = today()  # start-up has just announced for today

    async def check(self) -> bool:
        """Run once when the date has moved on since the last run; a failed run is tried again next check."""
        day = self._today()
        if day == self.last_day:
            return False
        try:
            queued = await asyncio.to_thread(self._run, day)
        except Exception:
            log.exception("daily run for %s failed; trying again at the next check", day)
            return False
        self.last_day = day
        if self._on_run:
            self._on_run()
        log.info("daily run for %s: %d announcements queued", day, queued)
        return True

    async def run_forever(self) -> None:
        while True:
            await asyncio.sleep(self.interval_s)
            await self.check()
