"""Replay protection: the database keeps what was acted on so that replicas agree; memory stands in without one."""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable, Sequence
from pathlib import Path

import pytest

from bot.storage.replay import Deliveries, MemoryDeliveries, deliveries_for
from bot.storage.store import Store

T0 = dt.datetime(2026, 11, 23, 9, 0, 0)
TTL = dt.timedelta(minutes=10)
Pair = tuple[Deliveries, Deliveries]


class Clock:
    def __init__(self) -> None:
        self.now = T0

    def __call__(self) -> dt.datetime:
        return self.now


def _stores(tmp_path: Path, clock: Clock) -> tuple[Deliveries, Deliveries]:
    url = f"sqlite:///{tmp_path / 'replay.sqlite3'}"
    return Store(url, clock=clock), Store(url, clock=clock)  # two replicas, one database


def _memory(tmp_path: Path, clock: Clock) -> tuple[Deliveries, Deliveries]:
    one = MemoryDeliveries(clock=clock)
    return one, one


@pytest.mark.parametrize("make", [_stores, _memory], ids=["database", "memory"])
def test_a_key_is_new_once_until_it_expires(
    tmp_path: Path, make: Callable[[Path, Clock], tuple[Deliveries, Deliveries]]
) -> None:
    clock = Clock()
    first, second = make(tmp_path, clock)
    assert first.first_delivery("slack-event:Ev1", TTL) is True
    assert second.first_delivery("slack-event:Ev1", TTL) is False  # the other replica saw it
    assert second.first_delivery("slack-event:Ev2", TTL) is True
    clock.now = T0 + TTL - dt.timedelta(seconds=1)
    assert first.first_delivery("slack-event:Ev1", TTL) is False
    clock.now = T0 + TTL
    assert second.first_delivery("slack-event:Ev1", TTL) is True  # expired: acted on again, and kept anew
    assert first.first_delivery("slack-event:Ev1", TTL) is False


@pytest.mark.parametrize("make", [_stores, _memory], ids=["database", "memory"])
def test_a_forgotten_key_is_new_again(
    tmp_path: Path, make: Callable[[Path, Clock], tuple[Deliveries, Deliveries]]
) -> None:
    """Handling failed: the redelivery gets another chance."""
    first, second = make(tmp_path, Clock())
    assert first.first_delivery("slack-event:Ev9", TTL)
    second.forget_delivery("slack-event:Ev9")
    assert first.first_delivery("slack-event:Ev9", TTL) and not second.first_delivery("slack-event:Ev9", TTL)


@pytest.mark.parametrize("make", [_stores, _memory], ids=["database", "memory"])
def test_seen_only_looks(tmp_path: Path, make: Callable[[Path, Clock], tuple[Deliveries, Deliveries]]) -> None:
    """A Telegram update is looked up before it is handled and recorded after: looking records nothing."""
    clock = Clock()
    first, second = make(tmp_path, clock)
    assert not first.seen_delivery("telegram-update:1:5") and not second.seen_delivery("telegram-update:1:5")
    assert second.first_delivery("telegram-update:1:5", TTL)
    assert first.seen_delivery("telegram-update:1:5")
    clock.now = T0 + TTL
    assert not first.seen_delivery("telegram-update:1:5")  # expired after its hour (here ten minutes)


def test_expired_keys_are_swept(tmp_path: Path) -> None:
    from sqlalchemy import func, select

    from bot.storage.schema import seen_deliveries

    clock = Clock()
    store = Store(f"sqlite:///{tmp_path / 'sweep.sqlite3'}", clock=clock, sweep_every_s=0)  # a minute in service
    for i in range(50):
        store.first_delivery(f"k{i}", TTL)
    clock.now = T0 + TTL * 2
    store.first_delivery("later", TTL)
    with store.engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(seen_deliveries)).scalar() == 1


def first_delivery_race(stores: Sequence[Deliveries], key: str, ttl: dt.timedelta, threads: int = 8) -> list[bool]:
    """``threads`` threads, alternating over ``stores``, deliver ``key`` at the same moment; who was first."""
    results: list[bool] = []
    barrier = threading.Barrier(threads)

    def deliver(i: int) -> None:
        barrier.wait()
        results.append(stores[i % len(stores)].first_delivery(key, ttl))

    workers = [threading.Thread(target=deliver, args=(i,)) for i in range(threads)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    return results


def test_concurrent_deliveries_of_one_key_act_once(tmp_path: Path) -> None:
    """Eight threads, two Store objects on one file, the same key at once: exactly one is first."""
    clock = Clock()
    stores = _stores(tmp_path, clock)
    results = first_delivery_race(stores, "slack-request:1:v0=abc", TTL)
    assert sorted(results) == [False] * 7 + [True]


def test_memory_is_bounded() -> None:
    memory = MemoryDeliveries(clock=Clock(), max_keys=3)
    for key in "abcd":
        assert memory.first_delivery(key, TTL)
    assert memory.first_delivery("d", TTL) is False
    assert memory.first_delivery("a", TTL) is True  # the oldest was dropped to keep the bound


def test_without_a_database_memory_stands_in(tmp_path: Path) -> None:
    assert isinstance(deliveries_for(None), MemoryDeliveries)
    store = Store(f"sqlite:///{tmp_path / 'x.sqlite3'}")
    assert deliveries_for(store) is store
