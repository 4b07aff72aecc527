"""Fan-out benchmark: one announcement to 1,000 chats through the real worker and Telegram sender, against a
fake Bot API that enforces 30 messages/s (a 429 for each message over the limit in any one-second window).

Reports the achieved rate against the limit, the overruns we caused, the time taken and peak memory.
"""

from __future__ import annotations

import asyncio
import collections
import resource
import tempfile
import threading
import time
from pathlib import Path

from telegram import Bot

from bot.adapters.telegram.broadcast import TelegramBroadcaster
from bot.delivery.limits import TELEGRAM, RateLimiter
from bot.delivery.worker import DeliveryWorker
from bot.storage.store import Store
from tests.fakes.recording_server import Answer, Call
from tests.telegram.fake_bot_api import FakeBotApi

CHATS = 1000
LIMIT_PER_S = 30


class RateEnforcingBotApi(FakeBotApi):
    """Counts successful sends in a sliding one-second window; beyond the limit it answers 429."""

    def __init__(self) -> None:
        super().__init__()
        self.window: collections.deque[float] = collections.deque()
        self.overruns = 0
        self.delivered = 0
        self._rate_lock = threading.Lock()

    def answer(self, call: Call) -> Answer:
        if call.method == "sendMessage":
            now = time.monotonic()
            with self._rate_lock:
                while self.window and self.window[0] <= now - 1.0:
                    self.window.popleft()
                if len(self.window) >= LIMIT_PER_S:
                    self.overruns += 1
                    body = {"ok": False, "error_code": 429, "description": "Too Many Requests: retry after 1",
                            "parameters": {"retry_after": 1}}  # fmt: skip
                    return Answer(429, body)
                self.window.append(now)
                self.delivered += 1
        return super().answer(call)


async def run(store: Store, fake: RateEnforcingBotApi) -> float:
    async with Bot("123456789:TEST-benchmark-token-not-real-abcdefgh", base_url=f"{fake.url}/bot") as bot:
        worker = DeliveryWorker(store, {"telegram": TelegramBroadcaster(bot)}, RateLimiter({"telegram": TELEGRAM}))
        started = time.perf_counter()
        await worker.run_until_idle(timeout_s=600)
        return time.perf_counter() - started


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(f"sqlite:///{Path(tmp) / 'fanout.sqlite3'}")
        for i in range(CHATS):
            store.subscribe("telegram", str(-1_000_000_000 - i), "group", "all", "", "bench")
        store.announce("admin", "benchmark", None, "bench")
        with RateEnforcingBotApi() as fake:
            elapsed = asyncio.run(run(store, fake))
            report = store.report(1)
        rate = report["sent"] / elapsed
        peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"fan-out:             {report['sent']} of {CHATS} chats in {elapsed:.1f} s")
        print(f"achieved rate:       {rate:.1f} msg/s of a {LIMIT_PER_S} msg/s limit ({rate / LIMIT_PER_S:.2f})")
        print(f"overruns (429s):     {fake.overruns}")
        print(f"budget:              {TELEGRAM.per_second:.0f} msg/s configured")
        print(f"peak resident:       {peak_mb:.1f} MB (whole benchmark process)")


if __name__ == "__main__":
    main()
