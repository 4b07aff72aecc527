"""A delivery worker in its own process, so a test can kill -9 it mid-broadcast."""

from __future__ import annotations

import asyncio
import sys

from telegram import Bot

from bot.adapters.telegram.broadcast import TelegramBroadcaster
from bot.delivery.limits import Limits, RateLimiter
from bot.delivery.worker import DeliveryWorker
from bot.storage.store import Store

FAST = {"telegram": Limits(per_second=1000, chat_gap_s=0, group_per_minute=None)}


async def main(database_url: str, api_base: str, token: str, per_second: str = "1000") -> None:
    store = Store(database_url)
    limits = {"telegram": Limits(per_second=float(per_second), chat_gap_s=0, group_per_minute=None)}
    async with Bot(token, base_url=api_base) as bot:
        worker = DeliveryWorker(store, {"telegram": TelegramBroadcaster(bot)}, RateLimiter(limits), heartbeat_s=0.1)
        await worker.run_until_idle(timeout_s=120)


if __name__ == "__main__":
    asyncio.run(main(*sys.argv[1:5]))
