"""The outbox worker: claim due rows, respect each platform's budget, send, record the outcome.

Every row is recorded before (claimed, with a lease) and after (sent, retried, failed, removed) its
send, so a crash repeats at most the messages in flight. A 429 makes only that chat wait. When an
announcement has no rows left in flight, its author gets a summary.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import logging
import random
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Protocol

from bot.delivery.errors import Failed, Gone, Migrated, RateLimited, Transient
from bot.delivery.limits import RateLimiter
from bot.storage.store import OutboxItem, Store

log = logging.getLogger(__name__)

MAX_ATTEMPTS = 5
BATCH = 50
IDLE_POLL_S = 1.0


class Broadcaster(Protocol):
    async def send(self, chat_key: str, text: str, lang: str | None) -> None: ...


Report = Callable[[str, str, int, dict[str, int], float], Awaitable[None]]


@dataclass
class Counts:
    sent: int = 0
    retried: int = 0
    failed: int = 0
    removed: int = 0


class DeliveryWorker:
    def __init__(
        self,
        store: Store,
        senders: dict[str, Broadcaster],
        limiter: RateLimiter,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
        report: Report | None = None,
        max_attempts: int = MAX_ATTEMPTS,
        concurrency: int = 8,
    ) -> None:
        self.store = store
        self.senders = senders
        self.limiter = limiter
        self.sleep = sleep
        self.report = report
        self.max_attempts = max_attempts
        self.counts = Counts()
        self._slots = asyncio.Semaphore(concurrency)
        self._started: dict[int, float] = {}
        self._reported: set[int] = set()
        self._stop: asyncio.Event | None = None
        self.observer: Callable[[str, str], None] | None = None  # (platform, result), for metrics

    async def run(self, stop: asyncio.Event) -> None:
        """Deliver until ``stop`` is set; in-flight sends finish, the rest stays pending for the next start."""
        self._stop = stop
        while not stop.is_set():
            try:
                worked = await self.run_once()
            except Exception:
                log.exception("delivery round failed")
                worked = 0
            if not worked:
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(stop.wait(), timeout=IDLE_POLL_S)

    async def run_until_idle(self, timeout_s: float = 60.0) -> None:
        """Deliver everything due, waiting out deferred rows (tests and the CLI)."""
        deadline = time.monotonic() + timeout_s
        while self.store.pending() and time.monotonic() < deadline:
            if not await self.run_once():
                await self.sleep(0.05)

    async def run_once(self) -> int:
        items = [i for i in self.store.claim(BATCH) if i.platform in self.senders]
        if not items:
            return 0
        await asyncio.gather(*(self._deliver(item) for item in items))
        await self._report_finished({i.announcement_id for i in items})
        return len(items)

    async def _deliver(self, item: OutboxItem) -> None:
        self._started.setdefault(item.announcement_id, time.monotonic())
        is_group = item.chat_kind != "private"
        wait = self.limiter.chat_wait(item.platform, item.chat_key, is_group)
        if wait > 0:  # this chat must wait: defer it, do not hold up the others
            self.store.retry(item.id, dt.timedelta(seconds=wait), "deferred by rate limit")
            return
        async with self._slots:
            if self._stop is not None and self._stop.is_set():  # shutting down: hand it back, unsent
                self.store.retry(item.id, dt.timedelta(0), "released at shutdown")
                return
            await self.sleep(self.limiter.global_wait(item.platform))
            self.limiter.record(item.platform, item.chat_key, is_group)
            await self._send(item)

    async def _send(self, item: OutboxItem) -> None:
        sender = self.senders[item.platform]
        try:
            await sender.send(item.chat_key, item.text, item.lang)
        except RateLimited as error:
            self.limiter.block(item.platform, item.chat_key, error.retry_after_s)
            self._retry(item, error.retry_after_s, str(error), counts_as_attempt=False)
        except Migrated as error:
            log.info("%s chat %s migrated to %s", item.platform, item.chat_key, error.new_key)
            self.store.migrate_chat(item.platform, item.chat_key, error.new_key)
            self.store.retry(item.id, dt.timedelta(0), str(error))
        except Gone as error:
            self.counts.removed += 1
            self._observe(item, "removed")
            self.store.removed(item, str(error))
        except Failed as error:
            self.counts.failed += 1
            self._observe(item, "failed")
            self.store.failed(item.id, str(error))
        except (Transient, Exception) as error:
            detail = f"{type(error).__name__}: {error}"[:300]
            backoff = min(300.0, 2.0**item.attempts) * random.uniform(0.5, 1.5)
            self._retry(item, backoff, detail)
        else:
            self.counts.sent += 1
            self._observe(item, "sent")
            self.store.sent(item.id)

    def _observe(self, item: OutboxItem, result: str) -> None:
        if self.observer is not None:
            self.observer(item.platform, result)

    def _retry(self, item: OutboxItem, after_s: float, detail: str, counts_as_attempt: bool = True) -> None:
        if counts_as_attempt and item.attempts >= self.max_attempts:
            self.counts.failed += 1
            self._observe(item, "failed")
            self.store.failed(item.id, f"gave up after {item.attempts} tries: {detail}")
            return
        self.counts.retried += 1
        self._observe(item, "retried")
        self.store.retry(item.id, dt.timedelta(seconds=after_s), detail)

    async def _report_finished(self, announcement_ids: set[int]) -> None:
        if self.report is None:
            return
        for announcement_id in announcement_ids - self._reported:
            counts = self.store.report(announcement_id)
            if counts.get("pending", 0) or counts.get("sending", 0):
                continue
            self._reported.add(announcement_id)
            author = self.store.author(announcement_id)
            if author and ":" in author:
                platform, chat = author.split(":", 1)
                seconds = time.monotonic() - self._started.get(announcement_id, time.monotonic())
                try:
                    await self.report(platform, chat, announcement_id, dict(counts), seconds)
                except Exception:
                    log.exception("could not report announcement %s", announcement_id)
