"""What changed in the data since the last run: new programs, changed numbers, status changes, and
programs whose window closes soon. Pure: facts in, changes out."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass

from bot.domain.dataset import Dataset
from bot.domain.freshness import judge

NUMBER_FIELDS = ("rate", "cap_cny", "minimum_cny", "min_base_cny", "award_cny", "ratio")


@dataclass(frozen=True)
class Change:
    kind: str  # new, numbers, status, reminder
    program_id: str
    place: str
    before: dict[str, str]
    after: dict[str, str]

    @property
    def dedupe_key(self) -> str:
        digest = hashlib.sha256(json.dumps([self.kind, self.after], sort_keys=True).encode()).hexdigest()[:16]
        return f"{self.program_id}:{self.kind}:{digest}"


def facts(dataset: Dataset, today: dt.date) -> dict[str, dict[str, str]]:
    """Per program: its numbers and its status as judged today, as strings (what a snapshot stores)."""
    out: dict[str, dict[str, str]] = {}
    for place, program in dataset.all_programs():
        formula = program.formula
        row = {name: str(getattr(formula, name)) for name in NUMBER_FIELDS if getattr(formula, name) is not None}
        if program.pool_cny is not None:
            row["pool_cny"] = str(program.pool_cny)
        row["status"] = judge(program, today).effective.value
        row["place"] = place.slug
        out[program.id] = row
    return out


def diff(before: dict[str, dict[str, str]], after: dict[str, dict[str, str]]) -> list[Change]:
    """Changes from one snapshot to the next; an empty ``before`` (first run) announces nothing."""
    if not before:
        return []
    changes = []
    for program_id, now in sorted(after.items()):
        was = before.get(program_id)
        place = now["place"]
        if was is None:
            changes.append(Change("new", program_id, place, {}, now))
            continue
        numbers_now = {k: v for k, v in now.items() if k not in ("status", "place")}
        numbers_was = {k: v for k, v in was.items() if k not in ("status", "place")}
        if numbers_now != numbers_was:
            changes.append(Change("numbers", program_id, place, numbers_was, numbers_now))
        if now["status"] != was.get("status"):
            changes.append(
                Change("status", program_id, place, {"status": was.get("status", "")}, {"status": now["status"]})
            )
    return changes


def reminders(dataset: Dataset, today: dt.date, days: int) -> list[Change]:
    """Programs in force whose window closes within ``days``."""
    out = []
    for place, program in dataset.all_programs():
        end = program.window.last_day
        if end is None or not today <= end <= today + dt.timedelta(days=days):
            continue
        if judge(program, today).expired:
            continue
        out.append(Change("reminder", program.id, place.slug, {}, {"ends": end.isoformat()}))
    return out
