"""What /healthz reports: each part of the running bot checked when asked (polling loop, socket, database,
data), not a flag set once at start."""

from __future__ import annotations

import asyncio
import inspect
from collections.abc import Awaitable, Callable

Check = Callable[[], bool | Awaitable[bool]]
CHECK_TIMEOUT_S = 2.0  # a hung database answers "down", it does not hang the health check


class Health:
    def __init__(self) -> None:
        self._checks: dict[str, Check] = {}

    def add(self, name: str, check: Check) -> None:
        self._checks[name] = check

    async def _one(self, check: Check) -> bool:
        try:
            result = check()
            if inspect.isawaitable(result):
                result = await asyncio.wait_for(result, CHECK_TIMEOUT_S)
            return bool(result)
        except Exception:
            return False

    async def report(self) -> dict[str, bool]:
        names = list(self._checks)
        results = await asyncio.gather(*(self._one(self._checks[n]) for n in names))
        return dict(zip(names, results, strict=True))
