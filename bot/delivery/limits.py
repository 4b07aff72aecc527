"""Send budgets: a global rate per platform, a minimum gap per chat, and a window per group.

Telegram: about 30 messages/s overall (we default a little under), 20 per minute per group, about
one per second per chat. Slack: one per second per channel. The worker asks ``blocked`` and ``available``
before it claims (so it claims only what can go now), ``reserve`` before each send (check and record in one
step, at the time the send will happen), and gives a chat's use back when the platform proved it did not
take the message.
"""

from __future__ import annotations

import math
import time
from collections import defaultdict, deque
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Limits:
    per_second: float  # across all chats of the platform
    chat_gap_s: float  # between two messages to one chat
    group_per_minute: int | None  # messages to one group in any window, if the platform limits groups
    group_window_s: float = 60.0  # the window (a minute; tests scale it down)


TELEGRAM = Limits(per_second=28.0, chat_gap_s=1.0, group_per_minute=20)  # under 30: room for replies
SLACK = Limits(per_second=20.0, chat_gap_s=1.0, group_per_minute=None)

Chat = tuple[str, str]  # (platform, chat key)


class RateLimiter:
    def __init__(self, limits: dict[str, Limits], clock: Callable[[], float] = time.monotonic) -> None:
        self.limits = limits
        self.clock = clock
        self._next_global: dict[str, float] = defaultdict(float)
        self._sends: dict[Chat, deque[float]] = defaultdict(deque)  # send times in the last minute
        self._groups: set[Chat] = set()
        self._blocked_until: dict[Chat, float] = {}

    def chat_wait(self, platform: str, chat: str, is_group: bool) -> float:
        """Seconds until this chat may receive another message (0: now)."""
        return self._wait((platform, chat), is_group, self.clock())

    def _wait(self, key: Chat, is_group: bool, now: float) -> float:
        limits = self.limits[key[0]]
        wait = max(0.0, self._blocked_until.get(key, 0.0) - now)
        sends = self._sends.get(key)
        horizon = max(limits.group_window_s, limits.chat_gap_s)
        while sends and sends[0] <= now - horizon:
            sends.popleft()
        if sends:
            wait = max(wait, max(sends) + limits.chat_gap_s - now)
            if is_group and limits.group_per_minute is not None:
                recent = sorted(t for t in sends if t > now - limits.group_window_s)
                if len(recent) >= limits.group_per_minute:
                    wait = max(wait, recent[-limits.group_per_minute] + limits.group_window_s - now)
        return wait

    def blocked(self) -> tuple[set[Chat], float | None]:
        """The chats that must wait now, and the seconds until the first of them may receive again."""
        now = self.clock()
        waiting: set[Chat] = set()
        soonest: float | None = None
        for key in list(self._sends.keys() | self._blocked_until.keys()):
            if key[0] not in self.limits:
                continue
            wait = self._wait(key, key in self._groups, now)
            if wait > 0:
                waiting.add(key)
                soonest = wait if soonest is None else min(soonest, wait)
            elif not self._sends.get(key):
                self._sends.pop(key, None)
                self._blocked_until.pop(key, None)
                self._groups.discard(key)
        return waiting, soonest

    def available(self, platform: str, horizon_s: float) -> int:
        """Global slots free within the next ``horizon_s`` seconds (not reserved)."""
        now = self.clock()
        rate = self.limits[platform].per_second
        start = max(now, self._next_global[platform])
        return max(0, math.floor((now + horizon_s - start) * rate) + (1 if start <= now else 0))

    def global_wait(self, platform: str) -> float:
        """Seconds until the platform's overall budget allows one more message; reserves that slot."""
        now = self.clock()
        slot = max(now, self._next_global[platform])
        self._next_global[platform] = slot + 1.0 / self.limits[platform].per_second
        return slot - now

    def reserve(self, platform: str, chat: str, is_group: bool) -> float | None:
        """Before a send: None if the chat must wait; else the moment (on ``clock``) of the send's global slot,
        with the chat's use recorded at that moment (check and record at once: no other send slips in between)."""
        if self.chat_wait(platform, chat, is_group) > 0:
            return None
        delay = self.global_wait(platform)
        return self.record(platform, chat, is_group, at=self.clock() + delay)

    def record(self, platform: str, chat: str, is_group: bool, at: float | None = None) -> float:
        when = self.clock() if at is None else at
        self._sends[(platform, chat)].append(when)
        if is_group:
            self._groups.add((platform, chat))
        return when

    def sent_now(self, platform: str, chat: str, planned: float) -> float:
        """The send planned for ``planned`` has just been answered: the chat's use moves to now. The platform
        counted it somewhere between the request and the answer, so the next send waits from the later end."""
        sends = self._sends.get((platform, chat))
        now = self.clock()
        if sends and planned in sends and now > planned:
            sends.remove(planned)
            sends.append(now)
            return now
        return planned

    def give_back(self, platform: str, chat: str, at: float) -> None:
        """The platform answered that it did not take the message sent at ``at``: it counts neither for the chat
        nor, when recent, for the platform (the next global slot moves one step earlier, never before now)."""
        sends = self._sends.get((platform, chat))
        if sends and at in sends:
            sends.remove(at)
        now = self.clock()
        if platform in self.limits and at > now - 1.0:
            step = 1.0 / self.limits[platform].per_second
            self._next_global[platform] = max(now, self._next_global[platform] - step)

    def block(self, platform: str, chat: str, seconds: float) -> None:
        """A 429 for this chat: it alone waits; the others go on."""
        self._blocked_until[(platform, chat)] = self.clock() + seconds

    def take_interactive(self, platform: str) -> None:
        """An interactive reply is being sent now: it takes the next slot, and broadcasts move back one."""
        if platform in self.limits:
            now = self.clock()
            self._next_global[platform] = max(now, self._next_global[platform]) + 1.0 / self.limits[platform].per_second
