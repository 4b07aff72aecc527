"""``/subscribe profile``: what to tell a subscriber when the data changes or a matching window is closing.

The match of the last run is remembered per subscriber (``match:<program>`` records: the amount for the
profile, its status and a digest of its conditions), so each run compares the match on the data in use with
the match on the data the last run saw, whether the data changed by a reload, a restart on new files, or the
date. A program that newly counts, or one that counted and whose amount, status or conditions changed (or that
no longer counts) is told; so is a counted program whose window closes within ``DEADLINE_DAYS``, once per
program and window. A changed profile (an edit) is remembered again without telling: only the data notifies.
One message per subscriber and run (bot/core/profile/notify.py), in their private chat, through the outbox.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass

from bot.core.profile.match import Matching, ProgramFit
from bot.core.profile.model import Profile, to_json

DEADLINE_DAYS = 14  # a counted program whose window closes within this many days is told once
MATCH = "match:"
DEADLINE = "deadline:"


@dataclass(frozen=True)
class Item:
    """One thing to tell: ``new``, ``changed`` (``before``: the remembered record), ``lost`` or ``deadline``."""

    kind: str
    fit: ProgramFit
    before: str | None = None


def profile_digest(profile: Profile) -> str:
    return hashlib.sha256(json.dumps(to_json(profile), sort_keys=True).encode()).hexdigest()[:32]


def record(fit: ProgramFit) -> str:
    """A counted program as remembered: ``amount|status|conditions digest`` (at most 64 characters)."""
    conditions = sorted(
        (c.what, c.check.value, c.text.en if c.text else "", str(c.limit or "")) for c in fit.conditions
    )
    digest = hashlib.sha256(json.dumps(conditions, ensure_ascii=False).encode()).hexdigest()[:12]
    return f"{fit.counted_cny.normalize():f}|{fit.freshness.effective.value}|{digest}"


def counted(matching: Matching) -> dict[str, ProgramFit]:
    """Every program that counts for the profile in the place's best option, by record key."""
    return {f"{MATCH}{fit.program.id}": fit for place in matching.places for fit in place.counted}


def changes(matching: Matching, records: Mapping[str, str], today: dt.date) -> tuple[list[Item], dict[str, str | None]]:
    """What to tell, and the records to write (None: forget), against what the last run remembered."""
    now = counted(matching)
    items: list[Item] = []
    writes: dict[str, str | None] = {}
    for key, fit in now.items():
        was, value = records.get(key), record(fit)
        if was != value:
            items.append(Item("new" if was is None else "changed", fit, was))
            writes[key] = value
    every = {fit.program.id: fit for place in matching.places for fit in place.fits}
    for key, was in records.items():
        if key.startswith(MATCH) and key not in now:
            writes[key] = None
            gone = every.get(key.removeprefix(MATCH))
            if gone is not None:  # a program gone from the data is not told: nothing could be cited
                items.append(Item("lost", gone, was))
    closing = today + dt.timedelta(days=DEADLINE_DAYS)
    for fit in now.values():
        end = fit.program.window.last_day
        key = f"{DEADLINE}{fit.program.id}:{end.isoformat()}" if end is not None else ""
        if end is not None and today <= end <= closing and key not in records:
            items.append(Item("deadline", fit))
            writes[key] = "told"
    return items, writes
