"""Start-up steps that may fail for a while (a database or an API not reachable yet): retry with backoff
inside the process, then give up with the last error. Wrong settings are not retried: they raise at once."""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable, Sequence
from typing import TypeVar

log = logging.getLogger(__name__)

T = TypeVar("T")
BACKOFF_S: tuple[float, ...] = (1.0, 2.0, 4.0, 8.0, 16.0)  # about 30 s in all, then the process exits 1


class StartupError(RuntimeError):
    """Start-up cannot go on for a reason that is not a setting: an API or the database still unreachable
    after the retries, a port in use. The process exits 1 so that systemd or compose restarts it later."""


def backoff(retries: int) -> tuple[float, ...]:
    """SUBSIDYBOT_STARTUP_RETRIES waits of 1, 2, 4, ... seconds (at most 30 s each)."""
    return tuple(min(2.0**n, 30.0) for n in range(retries))


def retry_sync(what: str, step: Callable[[], T], transient: tuple[type[BaseException], ...],
               delays: Sequence[float] = BACKOFF_S, sleep: Callable[[float], None] = time.sleep) -> T:  # fmt: skip
    for delay in (*delays, None):
        try:
            return step()
        except transient as error:
            if delay is None:
                raise
            log.warning("%s not reachable (%s); retrying in %.0f s", what, type(error).__name__, delay)
            sleep(delay)
    raise AssertionError("unreachable")


async def retry_async(what: str, step: Callable[[], Awaitable[T]], transient: tuple[type[BaseException], ...],
                      delays: Sequence[float] = BACKOFF_S) -> T:  # fmt: skip
    for delay in (*delays, None):
        try:
            return await step()
        except transient as error:
            if delay is None:
                raise
            log.warning("%s not reachable (%s); retrying in %.0f s", what, type(error).__name__, delay)
            await asyncio.sleep(delay)
    raise AssertionError("unreachable")
