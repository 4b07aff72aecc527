"""Fan-out benchmark: announcements through the real worker and Telegram sender, against a fake Bot API that
answers 429 to any message over 30 in one second (tests/telegram/limited_bot_api.py).

1. One announcement to 1,000 chats, no faults.
2. One announcement to 200 groups with 3% 5xx and 2% 429 (retry_after 1 s) injected, over several seeds.
   A 429 late in the run forces its chat to wait a second, which no sender can avoid, so the figure is given
   twice: against the limit, and against the least time possible with those faults.

Reports the achieved rate against the limit (from the worker's start to the last delivery), the overruns we
caused (429s for breaking the limit, not the injected ones), messages lost and repeated, and peak memory.
"""

from __future__ import annotations

import asyncio
import resource
import statistics
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from telegram import Bot

from bot.adapters.telegram.broadcast import TelegramBroadcaster
from bot.delivery.limits import TELEGRAM, RateLimiter
from bot.delivery.worker import DeliveryWorker
from bot.storage.store import Store
from tests.telegram.limited_bot_api import LimitedBotApi

LIMIT_PER_S = 30
TOKEN = "123456789:TEST-benchmark-token-not-real-abcdefgh"
SEEDS = (1, 2, 3, 4, 5)


@dataclass(frozen=True)
class Run:
    chats: int
    delivered: int
    seconds: float
    overruns: int
    lost: int
    repeated: int
    injected: str
    floor_s: float  # the least time possible: N at the limit, or the last injected 429's wait

    @property
    def ratio(self) -> float:
        return self.delivered / self.seconds / LIMIT_PER_S

    @property
    def of_best(self) -> float:
        return self.floor_s / self.seconds


async def _deliver(store: Store, fake: LimitedBotApi) -> tuple[float, float]:
    """Seconds from the worker's start to the last delivery, and the least possible (see Run.floor_s)."""
    async with Bot(TOKEN, base_url=f"{fake.url}/bot") as bot:
        worker = DeliveryWorker(store, {"telegram": TelegramBroadcaster(bot)}, RateLimiter({"telegram": TELEGRAM}))
        started = time.monotonic()
        await worker.run_until_idle(timeout_s=600)
    waits = [at + fake.retry_after - started for at in fake.injected_429_at]
    return (fake.last_at or started) - started, max([sum(fake.delivered.values()) / LIMIT_PER_S, *waits])


def fan_out(chats: int, fault_5xx: float = 0.0, fault_429: float = 0.0, seed: int = 0) -> Run:
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(f"sqlite:///{Path(tmp) / 'fanout.sqlite3'}")
        keys = [-1_000_000_000 - i for i in range(chats)]
        for key in keys:
            store.subscribe("telegram", str(key), "group", "all", "", "bench")
        store.announce("admin", "benchmark", None, "bench")
        with LimitedBotApi(per_second=LIMIT_PER_S, fault_5xx=fault_5xx, fault_429=fault_429, seed=seed) as fake:
            seconds, floor_s = asyncio.run(_deliver(store, fake))
        injected = ", ".join(f"{n} {kind}" for kind, n in sorted(fake.injected.items())) or "none"
        return Run(
            chats=chats,
            delivered=sum(fake.delivered.values()),
            seconds=seconds,
            overruns=fake.overruns,
            lost=sum(1 for key in keys if not fake.delivered[key]),
            repeated=sum(1 for key in keys if fake.delivered[key] > 1),
            injected=injected,
            floor_s=floor_s,
        )


def _line(run: Run) -> str:
    return (f"{run.delivered}/{run.chats} in {run.seconds:.2f} s = {run.delivered / run.seconds:.1f} msg/s "
            f"({run.ratio:.2f} of {LIMIT_PER_S}); overruns {run.overruns}, lost {run.lost}, repeated "
            f"{run.repeated}; injected {run.injected}; {run.of_best:.2f} of the best possible")  # fmt: skip


def main() -> None:
    print(f"budget: {TELEGRAM.per_second:.0f} msg/s configured, the fake allows {LIMIT_PER_S}")
    print("1,000 chats, no faults:       " + _line(fan_out(1000)))
    runs = [fan_out(200, fault_5xx=0.03, fault_429=0.02, seed=seed) for seed in SEEDS]
    for seed, run in zip(SEEDS, runs, strict=True):
        print(f"200 groups, 3% 5xx, 2% 429, seed {seed}: " + _line(run))
    ratios = [run.ratio for run in runs]
    best = [run.of_best for run in runs]
    print(f"200 groups with faults: ratio median {statistics.median(ratios):.2f}, min {min(ratios):.2f}; "
          f"of the best possible median {statistics.median(best):.2f}, min {min(best):.2f}")  # fmt: skip
    print(f"peak resident:       {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.1f} MB (whole process)")


if __name__ == "__main__":
    main()
