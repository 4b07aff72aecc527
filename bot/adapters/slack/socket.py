"""Socket Mode with a watchdog: a periodic auth.test, and a reconnect when the connection is down or quiet."""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable
from typing import Any

from slack_bolt.adapter.socket_mode.aiohttp import AsyncSocketModeHandler
from slack_bolt.async_app import AsyncApp

log = logging.getLogger(__name__)

CHECK_INTERVAL_S = 60.0
QUIET_LIMIT_S = 600.0  # no message at all (not even a ping) for this long: reconnect


class SocketWatchdog:
    def __init__(
        self,
        handler: AsyncSocketModeHandler,
        interval_s: float = CHECK_INTERVAL_S,
        quiet_limit_s: float = QUIET_LIMIT_S,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.handler = handler
        self.interval_s = interval_s
        self.quiet_limit_s = quiet_limit_s
        self._clock = clock
        self.last_activity = clock()
        self.reconnects = 0
        handler.client.message_listeners.append(self._touch)

    async def _touch(self, *args: Any) -> None:
        self.last_activity = self._clock()

    async def check_once(self) -> bool:
        """True when it had to reconnect."""
        try:
            await self.handler.app.client.auth_test()
        except Exception as error:
            log.warning("slack auth.test failed: %s", type(error).__name__)
        connected = await self.handler.client.is_connected()
        quiet = self._clock() - self.last_activity > self.quiet_limit_s
        if connected and not quiet:
            return False
        log.warning("slack socket %s: reconnecting", "quiet" if connected else "disconnected")
        await self.handler.client.connect_to_new_endpoint(force=True)
        self.last_activity = self._clock()
        self.reconnects += 1
        return True

    async def run(self) -> None:
        while True:
            await asyncio.sleep(self.interval_s)
            await self.check_once()


def socket_handler(app: AsyncApp, app_token: str) -> AsyncSocketModeHandler:
    return AsyncSocketModeHandler(app, app_token)
