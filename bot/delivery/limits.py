"""Send budgets: a global rate per platform, a minimum gap per chat, and a window per group.

Telegram: about 30 messages/s overall (we default a little under), 20 per minute per group, about
one per second per chat. Slack: one per second per channel. A chat that must wait is not waited on:
the worker defers it and goes on with others.
"""

from __future__ import annotations

import time
from collections import defaultdict, deque
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Limits:
    per_second: float  # across all chats of the platform
    chat_gap_s: float  # between two messages to one chat
    group_per_minute: int | None  # messages to one group in any 60 s, if the platform limits groups


TELEGRAM = Limits(per_second=28.0, chat_gap_s=1.0, group_per_minute=20)  # under 30: room for replies
SLACK = Limits(per_second=20.0, chat_gap_s=1.0, group_per_minute=None)


class RateLimiter:
    def __init__(self, limits: dict[str, Limits], clock: Callable[[], float] = time.monotonic) -> None:
        self.limits = limits
        self.clock = clock
        self._next_global: dict[str, float] = defaultdict(float)
        self._last_chat: dict[tuple[str, str], float] = {}
        self._group: dict[tuple[str, str], deque[float]] = defaultdict(deque)
        self._blocked_until: dict[tuple[str, str], float] = {}

    def chat_wait(self, platform: str, chat: str, is_group: bool) -> float:
        """Seconds until this chat may receive another message (0: now)."""
        now = self.clock()
        limits = self.limits[platform]
        key = (platform, chat)
        wait = max(0.0, self._blocked_until.get(key, 0.0) - now)
        last = self._last_chat.get(key)
        if last is not None:
            wait = max(wait, last + limits.chat_gap_s - now)
        if is_group and limits.group_per_minute is not None:
            window = self._group[key]
            while window and window[0] <= now - 60:
                window.popleft()
            if len(window) >= limits.group_per_minute:
                wait = max(wait, window[0] + 60 - now)
        return wait

    def global_wait(self, platform: str) -> float:
        """Seconds until the platform's overall budget allows one more message; reserves that slot."""
        now = self.clock()
        slot = max(now, self._next_global[platform])
        self._next_global[platform] = slot + 1.0 / self.limits[platform].per_second
        return slot - now

    def record(self, platform: str, chat: str, is_group: bool) -> None:
        now = self.clock()
        self._last_chat[(platform, chat)] = now
        if is_group:
            self._group[(platform, chat)].append(now)

    def block(self, platform: str, chat: str, seconds: float) -> None:
        """A 429 for this chat: it alone waits; the others go on."""
        self._blocked_until[(platform, chat)] = self.clock() + seconds

    def take_interactive(self, platform: str) -> None:
        """An interactive reply is being sent now: it takes the next slot, and broadcasts move back one."""
        if platform in self.limits:
            now = self.clock()
            self._next_global[platform] = max(now, self._next_global[platform]) + 1.0 / self.limits[platform].per_second
