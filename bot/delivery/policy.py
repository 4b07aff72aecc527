"""The one retry policy, for interactive replies (retried in place) and broadcasts (rescheduled by the worker).

A message goes on the wire at most ``max_sends`` times. A 429 waits what the platform asked; a migrated chat is
tried again at its new id at once; a transient error is retried fast at first (well under a second, so a blip
does not form a tail) and backs off exponentially, with jitter, only after that. Gone and Failed are final.
"""

from __future__ import annotations

import logging
import random
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from bot.delivery.errors import DeliveryError, Failed, Migrated, RateLimited, Transient

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class RetryPolicy:
    max_sends: int = 5
    fast_retries: int = 2  # the first transient retries come after about fast_delay_s
    fast_delay_s: float = 0.15
    backoff_base_s: float = 1.0  # then 1, 2, 4 ... seconds
    backoff_max_s: float = 300.0
    max_retry_after_s: float = 120.0  # an interactive reply waits a 429 at most this long

    def retry_in(self, error: DeliveryError, sends: int) -> float | None:
        """Seconds to wait before sending again after ``sends`` sends ended in ``error``; None: give up."""
        if sends >= self.max_sends:
            return None
        if isinstance(error, RateLimited):
            return max(0.0, error.retry_after_s)
        if isinstance(error, Migrated):
            return 0.0
        if isinstance(error, Transient):
            return self.backoff(sends)
        return None

    def backoff(self, sends: int) -> float:
        if sends <= self.fast_retries:
            return self.fast_delay_s * random.uniform(0.5, 1.5)
        delay = self.backoff_base_s * 2.0 ** (sends - self.fast_retries - 1)
        return min(self.backoff_max_s, delay) * random.uniform(0.75, 1.25)

    async def run(
        self,
        send: Callable[[], Awaitable[None]],
        sleep: Callable[[float], Awaitable[None]],
        on_retry: Callable[[DeliveryError], None] | None = None,
    ) -> None:
        """Send in place until it goes through (interactive replies); the last error is raised, retries that
        ran out as Failed. ``on_retry`` sees each error that will be retried (to follow a migrated chat)."""
        sends = 0
        while True:
            sends += 1
            try:
                await send()
                return
            except DeliveryError as error:
                wait = self.retry_in(error, sends)
                if wait is None:
                    if isinstance(error, RateLimited | Transient):
                        raise Failed(f"gave up after {sends} sends: {error}") from error
                    raise
                if isinstance(error, RateLimited):
                    wait = min(wait, self.max_retry_after_s)
                    log.warning("asked to wait %.1f s before sending again", wait)
                if on_retry is not None:
                    on_retry(error)
                await sleep(wait)


POLICY = RetryPolicy()
