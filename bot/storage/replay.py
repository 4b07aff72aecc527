"""Replay protection: has this inbound delivery (a Slack event id, a signed request, a Telegram update id) been
acted on already?

The database keeps the keys so that replicas agree (``Store.first_delivery``); without a database (tests, the
console) an in-memory table with the same interface stands in.
"""

from __future__ import annotations

import datetime as dt
import threading
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from bot.storage.store import Clock, Store

MAX_MEMORY_KEYS = 100_000


class Deliveries(Protocol):
    def first_delivery(self, key: str, ttl: dt.timedelta, quick: bool = False) -> bool:
        """True the first time ``key`` is seen within ``ttl``; False for a replay. ``quick``: give up on a lock
        at once rather than wait (the caller then tries again, patiently, off the event loop)."""
        ...

    def seen_delivery(self, key: str) -> bool:
        """Is ``key`` recorded and not expired? Only looks: for a caller that records a key after acting on it."""
        ...

    def forget_delivery(self, key: str) -> None:
        """The delivery was not acted on after all (its handling failed): a redelivery may try again."""
        ...


def _utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


class MemoryDeliveries:
    """One process's keys, with their expiry; the oldest are dropped beyond ``max_keys``."""

    def __init__(self, clock: Clock = _utcnow, max_keys: int = MAX_MEMORY_KEYS) -> None:
        self.clock = clock
        self.max_keys = max_keys
        self._expires: dict[str, dt.datetime] = {}  # insertion order: oldest first
        self._lock = threading.Lock()  # called from worker threads too

    def first_delivery(self, key: str, ttl: dt.timedelta, quick: bool = False) -> bool:
        now = self.clock()
        with self._lock:
            expires = self._expires.get(key)
            if expires is not None and expires > now:
                return False
            self._expires.pop(key, None)
            self._expires[key] = now + ttl
            while len(self._expires) > self.max_keys:
                del self._expires[next(iter(self._expires))]
            return True

    def seen_delivery(self, key: str) -> bool:
        with self._lock:
            expires = self._expires.get(key)
            return expires is not None and expires > self.clock()

    def forget_delivery(self, key: str) -> None:
        with self._lock:
            self._expires.pop(key, None)


def deliveries_for(store: Store | None) -> Deliveries:
    """The database when there is one, so that replicas share what they have seen."""
    return store if store is not None else MemoryDeliveries()
