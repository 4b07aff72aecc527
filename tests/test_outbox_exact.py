"""The outbox made exact, with the real worker against the fake Bot API (times scaled down, limits as ratios):
budgets kept within a claimed batch, kill -9 recovery, a database outage, a held SQLite lock."""

from __future__ import annotations

import asyncio
import datetime as dt
import itertools
import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import OperationalError
from telegram import Bot

from bot.adapters.telegram.broadcast import TelegramBroadcaster
from bot.delivery.limits import Limits, RateLimiter
from bot.delivery.worker import DeliveryWorker
from bot.storage.liveness import Worker
from bot.storage.schema import outbox
from bot.storage.store import Store
from tests.telegram.conftest import TOKEN
from tests.telegram.limited_bot_api import TOLERANCE_S, LimitedBotApi
from tests.test_delivery import _deliver

ROOT = Path(__file__).resolve().parents[1]
SCALE = 1 / 40  # Telegram's 1 s per chat and 20 per minute per group, 40 times faster


def _groups(store: Store, count: int, base: int) -> list[int]:
    chats = [base - i for i in range(count)]
    for chat in chats:
        store.subscribe("telegram", str(chat), "group", "all", "", "t")
    return chats


def test_25_announcements_to_one_group_keep_its_limits(tmp_path: Path) -> None:
    """25 queued announcements to one group: one per chat gap, 20 per group window, 0 overruns, each once."""
    gap, window = 1.0 * SCALE, 60.0 * SCALE
    store = Store(f"sqlite:///{tmp_path / 'o.sqlite3'}")
    store.subscribe("telegram", "-100", "group", "all", "", "t")
    for k in range(25):
        store.announce("admin", f"notice {k}", None, "cli")
    limits = {"telegram": Limits(per_second=28, chat_gap_s=gap, group_per_minute=20, group_window_s=window)}
    with LimitedBotApi(chat_gap_s=gap, group_limit=20, group_window_s=window) as fake:
        asyncio.run(_deliver(store, fake, limits))
        times = sorted(c.at for c in fake.sent())
    assert fake.overruns == 0 and len(times) == 25, (fake.overrun_kinds, [round(t - times[0], 3) for t in times])
    assert sorted(fake.texts.values()) == [1] * 25
    assert min(b - a for a, b in itertools.pairwise(times)) >= gap - TOLERANCE_S
    assert max(sum(1 for t in times if start <= t < start + window - TOLERANCE_S) for start in times) == 20
    assert times[-1] - times[0] < window + 5 * gap + 0.5  # and no slower than the limits make it


def test_kill_9_mid_broadcast_then_restart(tmp_path: Path) -> None:
    """SIGKILL mid-broadcast, restart at once: 0 lost, repeats at most the sends in flight, within 1.5x ideal."""
    database = f"sqlite:///{tmp_path / 'crash.sqlite3'}"
    store = Store(database)
    rate, chats = 50.0, _groups(store, 150, -2_000_000)
    store.announce("admin", "crash test", None, "cli")
    limits = {"telegram": Limits(per_second=rate, chat_gap_s=0, group_per_minute=None)}
    with LimitedBotApi(per_second=1000) as fake:
        fake.send_delay_s = 0.02  # so that sends are in flight when the worker dies
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        command = [sys.executable, "-m", "tests.delivery_child", database, f"{fake.url}/bot", TOKEN, str(rate)]
        child = subprocess.Popen(command, cwd=ROOT, env=env)
        fake.wait_for("sendMessage", 50, timeout=60)
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=10)
        in_flight = _sends_in_flight(store)
        asyncio.run(_deliver(store, fake, limits))
        assert fake.first_at is not None and fake.last_at is not None
        elapsed = fake.last_at - fake.first_at
    repeated = sum(1 for chat in chats if fake.delivered[chat] > 1)
    print(f"kill -9: {in_flight} sends in flight, {repeated} repeated, {elapsed:.2f} s for {len(chats) / rate:.1f} s")
    assert all(fake.delivered[chat] >= 1 for chat in chats)
    assert repeated <= in_flight
    assert store.report(1)["sent"] == len(chats)
    assert elapsed <= 1.5 * len(chats) / rate


def _sends_in_flight(store: Store) -> int:
    """Rows whose send had started and was not settled: the only ones a crash may repeat."""
    with store.engine.connect() as conn:
        rows = conn.execute(select(outbox.c.claimed_at, outbox.c.last_send_at).where(outbox.c.state == "sending"))
        return sum(1 for r in rows if r.last_send_at is not None and r.last_send_at >= r.claimed_at)


class OutageStore(Store):
    """A Store whose every call fails, as with a lost connection, while ``down`` is set."""

    down = False

    def __getattribute__(self, name: str) -> Any:
        value = super().__getattribute__(name)
        if name.startswith("_") or name not in vars(Store) or not callable(value):
            return value

        def guarded(*args: object, **kwargs: object) -> Any:
            if OutageStore.down:
                raise OperationalError("SELECT 1", {}, ConnectionRefusedError("connection refused"))
            return value(*args, **kwargs)

        return guarded


def test_a_database_outage_mid_broadcast_loses_nothing_and_doubles_nothing(tmp_path: Path) -> None:
    """Two workers (two hosts), the database gone for longer than a lease: every chat gets it exactly once."""
    outage_mid_broadcast(f"sqlite:///{tmp_path / 'outage.sqlite3'}")


def outage_mid_broadcast(url: str, outage_s: float = 1.5, scale: float = 0.1) -> None:
    """The outage scenario on any database (PostgreSQL too: tests/test_storage_postgres.py). ``scale`` 1.0
    is the real thing: a 15 s outage against 15 s leases, 5 s of silence and a heartbeat a second."""
    lease, dead_after = dt.timedelta(seconds=15 * scale), dt.timedelta(seconds=5 * scale)
    setup = Store(url)
    chats = _groups(setup, 60, -4_000_000)
    setup.announce("admin", "outage test", None, "cli")
    limits = {"telegram": Limits(per_second=14, chat_gap_s=0, group_per_minute=None)}  # two workers share 28/s
    with LimitedBotApi() as fake:
        fake.send_delay_s = 0.02

        def outage() -> None:
            fake.wait_for("sendMessage", 20, timeout=30)
            OutageStore.down = True
            time.sleep(outage_s)
            OutageStore.down = False

        async def two_workers() -> None:
            async with Bot(TOKEN, base_url=f"{fake.url}/bot") as bot:
                workers = [
                    DeliveryWorker(
                        OutageStore(url, lease=lease, dead_after=dead_after),
                        {"telegram": TelegramBroadcaster(bot)},
                        RateLimiter(limits),
                        heartbeat_s=1.0 * scale,
                        worker=Worker(host=host),
                    )
                    for host in ("host-a", "host-b")
                ]
                await asyncio.gather(*(w.run_until_idle(timeout_s=60) for w in workers))

        cut = threading.Thread(target=outage)
        cut.start()
        try:
            asyncio.run(two_workers())
        finally:
            cut.join()
            OutageStore.down = False
    print(f"outage: {fake.overruns} overruns, {fake.last_at - fake.first_at:.2f} s")  # type: ignore[operator]
    assert [fake.delivered[chat] for chat in chats] == [1] * len(chats), _history(setup, fake, chats)
    assert setup.report(1) == {"sent": len(chats)}


def _history(store: Store, fake: LimitedBotApi, chats: list[int]) -> list[Any]:
    """What the delivery log says about chats that got a message twice (to explain a failure)."""
    from bot.storage.schema import chats as chat_table
    from bot.storage.schema import delivery_log

    twice = [str(chat) for chat in chats if fake.delivered[chat] > 1]
    with store.engine.connect() as conn:
        query = (
            select(chat_table.c.chat_key, delivery_log.c.at, delivery_log.c.result, delivery_log.c.detail)
            .join(outbox, outbox.c.id == delivery_log.c.outbox_id)
            .join(chat_table, chat_table.c.id == outbox.c.chat_id)
            .where(chat_table.c.chat_key.in_(twice))
        )
        return [tuple(r) for r in conn.execute(query)]


def test_a_held_sqlite_lock_does_not_block_the_event_loop(tmp_path: Path) -> None:
    """Another connection holds an exclusive lock for 1.5 s mid-broadcast: the loop keeps running (its lag
    stays small), and every chat gets the message once."""
    path = tmp_path / "locked.sqlite3"
    store = Store(f"sqlite:///{path}")
    chats = _groups(store, 60, -6_000_000)
    store.announce("admin", "lock test", None, "cli")
    limits = {"telegram": Limits(per_second=40, chat_gap_s=0, group_per_minute=None)}
    lags: list[float] = []
    with LimitedBotApi() as fake:

        def hold_lock() -> None:
            fake.wait_for("sendMessage", 20, timeout=30)
            conn = sqlite3.connect(path, isolation_level=None)
            conn.execute("BEGIN EXCLUSIVE")
            time.sleep(1.5)
            conn.execute("COMMIT")
            conn.close()

        async def watch_the_loop(done: asyncio.Event) -> None:
            while not done.is_set():
                before = time.monotonic()
                await asyncio.sleep(0.01)
                lags.append(time.monotonic() - before - 0.01)

        async def go() -> None:
            done = asyncio.Event()
            watcher = asyncio.create_task(watch_the_loop(done))
            async with Bot(TOKEN, base_url=f"{fake.url}/bot") as bot:
                worker = DeliveryWorker(store, {"telegram": TelegramBroadcaster(bot)}, RateLimiter(limits))
                await worker.run_until_idle(timeout_s=60)
            done.set()
            await watcher

        locker = threading.Thread(target=hold_lock)
        locker.start()
        asyncio.run(go())
        locker.join()
    assert [fake.delivered[chat] for chat in chats] == [1] * len(chats)
    assert max(lags) < 0.25, max(lags)


def test_attempts_count_sends_not_claims(tmp_path: Path) -> None:
    """A claim handed back unsent costs nothing; each send is counted once, just before it goes out."""
    store = Store(f"sqlite:///{tmp_path / 'a.sqlite3'}")
    store.subscribe("telegram", "1", "private", "all", "", "t")
    store.announce("admin", "x", None, "cli")
    for _ in range(3):  # claimed and released: its chat had to wait
        (item,) = store.claim({"telegram": 1}, "w")
        store.release(item.id, "w")
    (item,) = store.claim({"telegram": 1}, "w")
    assert item.attempts == 0
    assert store.start_send(item.id, "w") and not store.start_send(item.id, "someone else")
    store.retry(item.id, dt.timedelta(0), "502", "w")
    (item,) = store.claim({"telegram": 1}, "w")
    assert item.attempts == 1 and store.start_send(item.id, "w")
    store.sent(item.id)
    with store.engine.connect() as conn:
        assert conn.execute(select(outbox.c.attempts)).scalar() == 2


def test_a_retry_keeps_its_place_in_line(tmp_path: Path) -> None:
    """A row retried after a 5xx, or handed back, goes before fresh rows queued after it once it is due: a fast
    retry early in a broadcast must not wait for the broadcast's end (where a 429 on it adds a whole wait)."""
    store = Store(f"sqlite:///{tmp_path / 'q.sqlite3'}")
    for chat in ("1", "2", "3", "4"):
        store.subscribe("telegram", chat, "private", "all", "", "t")
    store.announce("admin", "x", None, "cli")
    first, second = store.claim({"telegram": 2}, "w")
    store.start_send(first.id, "w")
    store.retry(first.id, dt.timedelta(0), "502", "w")
    store.release(second.id, "w")
    assert [i.chat_key for i in store.claim({"telegram": 3}, "w")] == [first.chat_key, second.chat_key, "3"]


class SettleFails(Store):
    """The database refuses the first writes of 'sent', as after a connection loss mid-send."""

    refusals = 3

    def sent(self, item_id: int) -> None:
        if self.refusals:
            self.refusals -= 1
            raise OperationalError("UPDATE outbox", {}, ConnectionResetError("connection reset"))
        super().sent(item_id)


def test_an_outcome_the_database_refuses_is_written_again_never_sent_again(tmp_path: Path) -> None:
    """Three refused writes after a delivered send: the send is not repeated, and 'sent' is kept at last."""
    store = SettleFails(f"sqlite:///{tmp_path / 's.sqlite3'}")
    store.subscribe("telegram", "-1", "group", "all", "", "t")
    store.announce("admin", "x", None, "cli")
    with LimitedBotApi() as fake:
        asyncio.run(_deliver(store, fake))
    assert fake.delivered[-1] == 1 and store.refusals == 0 and store.report(1) == {"sent": 1}


def test_rows_of_a_dead_worker_go_back_at_once_on_its_host_and_after_silence_elsewhere(tmp_path: Path) -> None:
    """Same host, process gone: rescued at once. Another host: only after dead_after of silence, and only
    when the judge has itself reached the database for that long."""
    clock = [dt.datetime(2026, 12, 1, 9, 0, 0)]
    store = Store(f"sqlite:///{tmp_path / 'r.sqlite3'}", clock=lambda: clock[0])
    for chat in ("1", "2"):
        store.subscribe("telegram", chat, "private", "all", "", "t")
    store.announce("admin", "x", None, "cli")
    me = Worker(host="here")
    dead_here = Worker(host="here", pid=_a_pid_that_is_gone())
    elsewhere = Worker(host="there")
    for worker, chat_budget in ((dead_here, 1), (elsewhere, 1)):
        store.heartbeat(worker)
        assert len(store.claim({"telegram": chat_budget}, worker.id)) == 1
    store.heartbeat(me)
    assert store.rescue(me, trust_silence=False) == 1  # the dead process's row, at once
    clock[0] += dt.timedelta(seconds=10)
    assert store.rescue(me, trust_silence=False) == 0  # silence during what may be an outage proves nothing
    assert store.rescue(me, trust_silence=True) == 1


def _a_pid_that_is_gone() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid
