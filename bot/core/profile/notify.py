"""The run over every profile subscriber (bot/core/profile/watch.py decides what each is told): at start-up,
after a data reload and in the daily job, wherever data changes are announced (bot/announce.py)."""

from __future__ import annotations

import datetime as dt
import logging

from bot.core.profile.match import match
from bot.core.profile.model import from_json
from bot.core.profile.notice_text import texts
from bot.core.profile.watch import changes, counted, profile_digest, record
from bot.domain.dataset import Dataset
from bot.storage.profile_watch import Notice
from bot.storage.store import Store

log = logging.getLogger(__name__)


def notify_profiles(store: Store, dataset: Dataset, today: dt.date) -> int:
    """One run over every profile subscriber; returns how many notices were queued."""
    watch = store.profile_watch
    queued = 0
    subscribers = watch.subscribers()
    for subscriber in subscribers:
        stored = store.profiles.get(subscriber.user)
        if stored is None:
            continue
        profile = from_json(stored.data)
        matching = match(dataset, profile, today)
        digest = profile_digest(profile)
        if subscriber.digest != digest:  # new or edited: remember its matches, tell nothing yet
            watch.baseline(subscriber.user, digest, {k: record(f) for k, f in counted(matching).items()})
        records = watch.records(subscriber.user)
        items, writes = changes(matching, records, today)
        if not writes:
            continue
        lang = subscriber.lang or "en"
        words = texts(dataset, items, today) if items else {}
        if watch.notify(subscriber, Notice(words, lang, writes), records) and words:
            queued += 1
    log.info("profile notices: %d queued for %d subscribers", queued, len(subscribers))
    return queued
