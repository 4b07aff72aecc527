"""Turn data changes into announcements: compare the data with the last snapshot, queue what changed; then tell
each ``/subscribe profile`` subscriber what changed for their profile (bot/core/profile/notify.py)."""

from __future__ import annotations

import datetime as dt
import logging

from bot.core.change_text import texts
from bot.core.profile.notify import notify_profiles
from bot.domain.changes import diff, facts, reminders
from bot.domain.dataset import Dataset
from bot.storage.store import Store

log = logging.getLogger(__name__)

REMINDER_DAYS = 14  # SUBSIDYBOT_REMINDER_DAYS overrides


def announce_data_changes(store: Store, dataset: Dataset, today: dt.date, reminder_days: int = REMINDER_DAYS) -> int:
    """Queue one announcement per change (each once, whatever the restarts), and the profile notices; returns how
    many were new."""
    now = facts(dataset, today)
    changes = diff(store.snapshot(), now) + reminders(dataset, today, reminder_days)
    queued = 0
    for change in changes:
        words = texts(change, dataset)
        _, recipients = store.announce(
            change.kind if change.kind == "reminder" else "data_change",
            words["en"],
            change.place,
            "data",
            dedupe_key=change.dedupe_key,
            texts=words,
            ptype=dataset.programs[change.program_id].type.value,
        )
        queued += 1 if recipients else 0
        log.info("data change %s %s: %d recipients", change.kind, change.program_id, recipients)
    store.save_snapshot(now)
    return queued + notify_profiles(store, dataset, today)
