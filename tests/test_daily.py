"""The daily run on a fake clock: a window that closes while the bot runs is announced once, at the next
daily run, and never again; a failed run is tried again at the next check."""

from __future__ import annotations

import asyncio
import datetime as dt
import sqlite3
import time
from collections.abc import Callable
from pathlib import Path

from bot.announce import announce_data_changes
from bot.daily import DailyJob
from bot.domain.dataset import Dataset
from bot.storage.store import Store

CLOSES = dt.date(2026, 12, 17)  # Shenzhen's measures end that day (data/places/shenzhen.yaml)
PROGRAM = "shenzhen-2024-training-voucher"


async def _until(condition: Callable[[], bool], timeout_s: float = 10.0) -> None:
    deadline = time.monotonic() + timeout_s
    while not condition():
        assert time.monotonic() < deadline, "the daily job did not run"
        await asyncio.sleep(0.01)


def _status_announcements(path: Path) -> list[str]:
    with sqlite3.connect(path) as conn:
        rows = conn.execute("SELECT dedupe_key FROM announcements WHERE dedupe_key LIKE '%:status:%'").fetchall()
    return [row[0] for row in rows if row[0].startswith("shenzhen")]


def test_a_window_closing_while_the_bot_runs_is_announced_once_at_the_next_daily_run(
    tmp_path: Path, dataset: Dataset
) -> None:
    path = tmp_path / "bot.sqlite3"
    store = Store(f"sqlite:///{path}")
    store.subscribe("slack", "C1", "group", "city", "shenzhen", "U1", lang="en")
    today = [CLOSES]
    announce_data_changes(store, dataset, today[0], 0)  # what start-up does: the snapshot of the day
    runs: list[dt.date] = []
    announced: list[str] = []

    def run(day: dt.date) -> int:
        runs.append(day)
        return announce_data_changes(store, dataset, day, 0)

    job = DailyJob(run, lambda: today[0], interval_s=0.01)

    async def scenario() -> None:
        task = asyncio.create_task(job.run_forever())
        await asyncio.sleep(0.05)
        assert runs == []  # the same day: nothing to do
        today[0] = CLOSES + dt.timedelta(days=1)  # midnight passes; the window is now closed
        await _until(lambda: job.last_day == today[0])  # the run has finished
        await asyncio.sleep(0.05)  # several more checks on the same day
        assert runs == [today[0]]  # once, not once per check
        first = _status_announcements(path)
        assert [k for k in first if k.startswith(PROGRAM + ":")] != [] and len(set(first)) == len(first)
        announced.extend(first)
        for later in (2, 3):
            today[0] = CLOSES + dt.timedelta(days=later)
            await _until(lambda: job.last_day == today[0])
        task.cancel()

    asyncio.run(scenario())
    assert len(runs) == 3
    assert _status_announcements(path) == announced  # the later daily runs do not repeat any
    assert {item.chat_key for item in store.claim(100)} == {"C1"}  # queued for the Shenzhen subscriber


def test_a_failed_daily_run_is_tried_again_at_the_next_check() -> None:
    calls: list[dt.date] = []

    def flaky(day: dt.date) -> int:
        calls.append(day)
        if len(calls) == 1:
            raise OSError("database is locked")
        return 0

    today = [dt.date(2026, 1, 1)]
    job = DailyJob(flaky, lambda: today[0], interval_s=0.01)
    today[0] = dt.date(2026, 1, 2)
    assert asyncio.run(job.check()) is False  # failed: the day is not marked done
    assert asyncio.run(job.check()) is True and job.last_day == dt.date(2026, 1, 2)
    assert asyncio.run(job.check()) is False and len(calls) == 2
