"""The outbox worker: claim only what can be sent now, send it, and record the outcome exactly.

- Claims respect the budgets (global, per chat, per group) at claim time, and again just before each send,
  where the chat's use is recorded for the moment of the send. A chat that must wait is not claimed.
- A claim has an owner (this worker) whose heartbeat renews its leases; rows of a worker that is gone are
  handed back at once on the same host, or after its silence elsewhere (bot/storage/liveness.py).
- Each send is counted in the database just before it goes out (``attempts``), so a crash repeats at most the
  sends that were in flight. An outcome, once the send is done, is written until the database takes it; the
  message is never sent again for a database error: what is on the wire counts as sent.
- Retries follow bot/delivery/policy.py: a transient error is retried fast first, then backed off.
- Every Store call runs in the worker's own threads, so a slow or locked database never blocks the event loop.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import logging
import time
from collections.abc import Awaitable, Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from functools import partial
from typing import Any, Protocol, TypeVar

from bot.delivery.errors import DeliveryError, Failed, Gone, Migrated, RateLimited, Transient
from bot.delivery.limits import RateLimiter
from bot.delivery.policy import POLICY, RetryPolicy
from bot.storage.liveness import Worker
from bot.storage.store import OutboxItem, Store

log = logging.getLogger(__name__)

CONCURRENCY = 16  # sends in flight at most: the bound on what a crash can repeat
HEARTBEAT_S = 1.0
TICK_S = 0.1  # how far ahead a claim looks: it takes the global slots of the next tick
IDLE_POLL_S = 1.0
MIN_WAIT_S = 0.005
DB_THREADS = 4
T = TypeVar("T")


class Broadcaster(Protocol):
    async def send(self, chat_key: str, text: str, lang: str | None) -> None:
        """Put one announcement on the wire once; raise a bot.delivery.errors error when it did not go."""


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
        policy: RetryPolicy = POLICY,
        concurrency: int = CONCURRENCY,
        heartbeat_s: float = HEARTBEAT_S,
        tick_s: float = TICK_S,
        idle_poll_s: float = IDLE_POLL_S,
        worker: Worker | None = None,
    ) -> None:
        self.store = store
        self.senders = senders
        self.limiter = limiter
        self.sleep = sleep
        self.report = report
        self.policy = policy
        self.concurrency = concurrency
        self.heartbeat_s = heartbeat_s
        self.tick_s = tick_s
        self.idle_poll_s = idle_poll_s
        self.worker = worker or Worker()
        self.counts = Counts()
        self.observer: Callable[[str, str], None] | None = None  # (platform, result), for metrics
        self._executor: ThreadPoolExecutor | None = None
        self._in_flight: set[asyncio.Task[None]] = set()
        self._wake = asyncio.Event()
        self._stop: asyncio.Event | None = None
        self._started: dict[int, float] = {}
        self._db_up_since: float | None = None
        self._db_down = False
        self._beaten = False

    # --- the loop ---
    async def run(self, stop: asyncio.Event) -> None:
        """Deliver until ``stop`` is set; in-flight sends finish, unsent claims go back for the next start."""
        self._stop = stop
        helpers = [asyncio.create_task(self._heartbeats()), asyncio.create_task(self._relay(stop))]
        try:
            while not stop.is_set():
                wait = await self._round()
                self._wake.clear()
                if not stop.is_set():
                    with contextlib.suppress(TimeoutError):
                        await asyncio.wait_for(self._wake.wait(), timeout=wait)
            if self._in_flight:
                await asyncio.gather(*self._in_flight, return_exceptions=True)
            await self._durably(self.store.release_all, self.worker.id)
        finally:
            for helper in helpers:
                helper.cancel()
            await asyncio.gather(*helpers, return_exceptions=True)
            if self._executor is not None:
                self._executor.shutdown(wait=False)
                self._executor = None

    async def run_until_idle(self, timeout_s: float = 60.0) -> None:
        """Deliver everything there is, then stop (tests and the CLI)."""
        stop = asyncio.Event()
        task = asyncio.create_task(self.run(stop))
        deadline = time.monotonic() + timeout_s
        try:
            while time.monotonic() < deadline and not task.done():
                await asyncio.sleep(0.05)
                with contextlib.suppress(Exception):
                    if not self._in_flight and not await self._db(self.store.pending):
                        break
        finally:
            stop.set()
            await task

    def wake(self) -> None:
        """Something was queued: look now rather than at the next poll."""
        self._wake.set()

    async def _relay(self, stop: asyncio.Event) -> None:
        await stop.wait()
        self._wake.set()

    async def _round(self) -> float:
        """Claim what can be sent now and start it; returns how long to wait before the next round."""
        if not self._beaten:  # the first heartbeat registers us and rescues what dead workers held
            return self.tick_s
        blocked, soonest = self.limiter.blocked()
        budget = self._budget()
        if not any(budget.values()):
            return self.tick_s
        try:
            items = await self._db(self.store.claim, budget, self.worker.id, blocked)
            next_due = None if items else await self._db(self.store.next_due)
        except Exception as error:
            self._db_failed(error)
            return self.idle_poll_s / 2
        self._db_ok()
        for item in items:
            task = asyncio.create_task(self._deliver(item))
            self._in_flight.add(task)
            task.add_done_callback(self._done)
        if items:
            return self.tick_s
        if next_due is None:
            return self.idle_poll_s
        until = (next_due - self.store.clock()).total_seconds()
        if until <= 0:  # due, but its chat must wait
            until = soonest if soonest is not None else self.tick_s
        return min(self.idle_poll_s, max(MIN_WAIT_S, until))

    def _budget(self) -> dict[str, int]:
        """Rows each platform may take now: its free global slots within a tick, and free concurrency."""
        free = self.concurrency - len(self._in_flight)
        budget = {}
        for platform in self.senders:
            budget[platform] = max(0, min(free, self.limiter.available(platform, self.tick_s)))
            free -= budget[platform]
        return budget

    def _done(self, task: asyncio.Task[None]) -> None:
        self._in_flight.discard(task)
        if not task.cancelled() and task.exception() is not None:
            log.error("delivery task failed", exc_info=task.exception())
        self._wake.set()

    # --- one row ---
    async def _deliver(self, item: OutboxItem) -> None:
        self._started.setdefault(item.announcement_id, time.monotonic())
        at = self.limiter.reserve(item.platform, item.chat_key, item.chat_kind != "private")
        if at is None:  # an interactive reply or a 429 got there first: hand it back, unsent
            await self._durably(self.store.release, item.id, self.worker.id)
            return
        await self.sleep(max(0.0, at - self.limiter.clock()))
        if self._stop is not None and self._stop.is_set():  # shutting down: hand it back, unsent
            await self._durably(self.store.release, item.id, self.worker.id)
            return
        try:
            mine = await self._db(self.store.start_send, item.id, self.worker.id)
        except Exception as error:  # not counted, so not sent
            self._db_failed(error)
            self.limiter.give_back(item.platform, item.chat_key, at)
            await self._durably(self.store.release, item.id, self.worker.id)
            return
        if not mine:
            return
        outcome: DeliveryError | None = None
        try:
            await self.senders[item.platform].send(item.chat_key, item.text, item.lang)
        except DeliveryError as error:
            outcome = error
        except Exception as error:  # not mapped: it may have gone out
            outcome = Transient(f"{type(error).__name__}: {error}"[:300])
        at = self.limiter.sent_now(item.platform, item.chat_key, at)  # the chat's use, as the platform saw it
        await self._settle(item, item.attempts + 1, at, outcome)
        await self._report_if_finished(item.announcement_id)

    async def _settle(self, item: OutboxItem, sends: int, at: float, outcome: DeliveryError | None) -> None:
        store, owner = self.store, self.worker.id
        if outcome is None:
            self._count(item, "sent")
            await self._durably(store.sent, item.id)
            return
        if isinstance(outcome, Gone):
            self._count(item, "removed")
            await self._durably(store.removed, item, str(outcome), owner)
            return
        if isinstance(outcome, Migrated):
            log.info("%s chat %s migrated to %s", item.platform, item.chat_key, outcome.new_key)
            await self._durably(store.migrate_chat, item.platform, item.chat_key, outcome.new_key)
        if isinstance(outcome, RateLimited):
            self.limiter.block(item.platform, item.chat_key, outcome.retry_after_s)
        if isinstance(outcome, RateLimited | Migrated) or (
            isinstance(outcome, Transient) and not outcome.maybe_delivered
        ):
            self.limiter.give_back(item.platform, item.chat_key, at)  # the platform did not take it
        wait = self.policy.retry_in(outcome, sends)
        if wait is None:
            self._count(item, "failed")
            detail = str(outcome) if isinstance(outcome, Failed) else f"gave up after {sends} sends: {outcome}"
            await self._durably(store.failed, item.id, detail, owner)
            return
        self._count(item, "retried")
        await self._durably(store.retry, item.id, dt.timedelta(seconds=wait), str(outcome)[:300], owner)

    def _count(self, item: OutboxItem, result: str) -> None:
        setattr(self.counts, result, getattr(self.counts, result) + 1)
        if self.observer is not None:
            self.observer(item.platform, result)

    async def _report_if_finished(self, announcement_id: int) -> None:
        if self.report is None:
            return
        finished = await self._durably(self.store.finished, announcement_id)
        if finished is None:
            return
        author, counts = finished
        if author and ":" in author:
            platform, chat = author.split(":", 1)
            seconds = time.monotonic() - self._started.get(announcement_id, time.monotonic())
            try:
                await self.report(platform, chat, announcement_id, dict(counts), seconds)
            except Exception:
                log.exception("could not report announcement %s", announcement_id)

    # --- the database, off the event loop ---
    async def _db(self, call: Callable[..., T], *args: Any) -> T:
        if self._executor is None:
            self._executor = ThreadPoolExecutor(max_workers=DB_THREADS, thread_name_prefix="outbox")
        return await asyncio.get_running_loop().run_in_executor(self._executor, partial(call, *args))

    async def _durably(self, call: Callable[..., T], *args: Any) -> T:
        """A write that must happen: tried until the database takes it (an outcome is never dropped)."""
        pause = 0.05
        while True:
            try:
                result = await self._db(call, *args)
            except Exception as error:
                self._db_failed(error)
                await asyncio.sleep(pause)
                pause = min(0.5, pause * 2)
            else:
                self._db_ok()
                return result

    async def _heartbeats(self) -> None:
        while True:
            try:
                began = time.monotonic()
                await self._db(self.store.heartbeat, self.worker)
                self._db_ok()
                if time.monotonic() - began > self.heartbeat_s:  # a slow database: others' silence proves nothing
                    self._db_up_since = time.monotonic()
                up_for = time.monotonic() - (self._db_up_since or time.monotonic())
                rescued = await self._db(
                    self.store.rescue, self.worker, up_for >= self.store.dead_after.total_seconds()
                )
                if rescued:
                    log.info("delivery: %d rows held by workers that are gone were handed back", rescued)
                if rescued or not self._beaten:  # the first beat: claim now, not at the next tick
                    self._wake.set()
                self._beaten = True
            except Exception as error:
                self._db_failed(error)
            await asyncio.sleep(self.heartbeat_s)

    def _db_ok(self) -> None:
        if self._db_down:
            log.warning("delivery: the database is reachable again")
            self._db_down = False
        if self._db_up_since is None:
            self._db_up_since = time.monotonic()

    def _db_failed(self, error: Exception) -> None:
        if not self._db_down:
            log.warning("delivery: the database is unavailable (%r); sending waits, outcomes are kept until "
                        "it is back", error)  # fmt: skip
            self._db_down = True
        self._db_up_since = None
