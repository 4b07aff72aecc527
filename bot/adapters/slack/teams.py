"""Which Slack workspaces may talk to us: given, or learnt once from auth.test; unknown means anyone."""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable, Iterable

log = logging.getLogger(__name__)

RETRY_S = 60.0  # after a failed auth.test, accept for this long before asking again


class KnownTeams:
    """``allowed`` fixes the team ids; otherwise ``lookup`` (auth.test) tells the bot's own team, asked once."""

    def __init__(
        self,
        allowed: Iterable[str] | None = None,
        lookup: Callable[[], Awaitable[str | None]] | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._allowed = frozenset(allowed) if allowed is not None else None
        self._lookup = lookup
        self._clock = clock
        self._next_try = 0.0
        self._lock = asyncio.Lock()

    async def allowed(self) -> frozenset[str] | None:
        """The team ids we answer, or None while none is known (then every signed request is accepted)."""
        if self._allowed is not None or self._lookup is None or self._clock() < self._next_try:
            return self._allowed
        async with self._lock:
            if self._allowed is None and self._clock() >= self._next_try:
                try:
                    team = await self._lookup()
                except Exception as error:  # the Web API is down: try again later, accept meanwhile
                    log.warning("slack: auth.test failed (%s); team not checked for now", type(error).__name__)
                    team = None
                if team:
                    self._allowed = frozenset({team})
                else:
                    self._next_try = self._clock() + RETRY_S
        return self._allowed

    async def admits(self, team: str | None) -> bool:
        allowed = await self.allowed()
        return allowed is None or team in allowed
