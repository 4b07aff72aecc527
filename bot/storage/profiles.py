"""Where company profiles are kept: one JSON record per user, with the question a dialogue waits on.

The database keeps them (:class:`bot.storage.profile_table.ProfileTable`, the ``profiles`` table) so that a
restart or a second replica changes nothing; without a database (the console, ``subsidybot ask``) an
in-memory book with the same interface stands in. A dialogue left unanswered for ``STEP_TTL`` is
forgotten (the profile stays); a profile stays until its user deletes it.
"""

from __future__ import annotations

import datetime as dt
import threading
from dataclasses import dataclass
from typing import Any, Protocol

STEP_TTL = dt.timedelta(days=1)


@dataclass(frozen=True)
class StoredProfile:
    data: dict[str, Any]
    step: str | None  # the question waiting for an answer, None when no dialogue is open
    lang: str | None = None


class ProfileBook(Protocol):
    def get(self, user: str) -> StoredProfile | None: ...

    def put(self, user: str, data: dict[str, Any], step: str | None, lang: str | None = None) -> None: ...

    def delete(self, user: str) -> bool:
        """Erase the user's profile and dialogue; True when there was one."""
        ...


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


def live_step(step: str | None, updated_at: dt.datetime, now: dt.datetime) -> str | None:
    """The waiting question, unless it was asked more than ``STEP_TTL`` ago."""
    return step if step is not None and now - updated_at <= STEP_TTL else None


class MemoryProfiles:
    """One process's profiles (the console); gone when it ends."""

    def __init__(self) -> None:
        self._rows: dict[str, tuple[StoredProfile, dt.datetime]] = {}
        self._lock = threading.Lock()

    def get(self, user: str) -> StoredProfile | None:
        with self._lock:
            row = self._rows.get(user)
        if row is None:
            return None
        stored, at = row
        return StoredProfile(dict(stored.data), live_step(stored.step, at, utcnow()), stored.lang)

    def put(self, user: str, data: dict[str, Any], step: str | None, lang: str | None = None) -> None:
        with self._lock:
            self._rows[user] = (StoredProfile(dict(data), step, lang), utcnow())

    def delete(self, user: str) -> bool:
        with self._lock:
            return self._rows.pop(user, None) is not None
