"""The fake Bot API with Telegram's send limits enforced, and faults injected at given rates.

A sendMessage over a limit gets a 429, as Telegram answers, and counts as an overrun: more than ``per_second``
delivered messages in any second, two messages to one chat closer than ``chat_gap_s``, or more than
``group_limit`` to one group (a negative chat id) within ``group_window_s``. Faults (a 502 or a 429 with
``retry_after``) are drawn from a seeded generator before the limits are checked.
"""

from __future__ import annotations

import random
import threading
import time
from collections import Counter, defaultdict, deque

from tests.fakes.recording_server import Answer, Call
from tests.telegram.fake_bot_api import FakeBotApi

TOLERANCE_S = 0.005  # the network between our limiter and this server moves sends by about a millisecond


class LimitedBotApi(FakeBotApi):
    def __init__(
        self,
        per_second: int = 30,
        chat_gap_s: float | None = None,
        group_limit: int | None = None,
        group_window_s: float = 60.0,
        fault_5xx: float = 0.0,
        fault_429: float = 0.0,
        retry_after: int = 1,
        seed: int = 0,
    ) -> None:
        super().__init__()
        self.per_second = per_second
        self.chat_gap_s = chat_gap_s
        self.group_limit = group_limit
        self.group_window_s = group_window_s
        self.fault_5xx = fault_5xx
        self.fault_429 = fault_429
        self.retry_after = retry_after
        self.random = random.Random(seed)
        self.overruns = 0
        self.overrun_kinds: Counter[str] = Counter()
        self.injected: Counter[str] = Counter()
        self.injected_429_at: list[float] = []  # when an injected 429 told a chat to wait retry_after
        self.delivered: Counter[int] = Counter()  # chat id -> messages delivered
        self.texts: Counter[tuple[int, str]] = Counter()  # (chat id, text) -> times delivered
        self.first_at: float | None = None
        self.last_at: float | None = None
        self._window: deque[float] = deque()
        self._chat_times: dict[int, deque[float]] = defaultdict(deque)
        self._limit_lock = threading.Lock()

    def answer(self, call: Call) -> Answer:
        if call.method != "sendMessage":
            return super().answer(call)
        chat = int(call.params["chat_id"])
        with self._limit_lock:
            draw = self.random.random()
            if draw < self.fault_5xx:
                self.injected["5xx"] += 1
                return Answer(502, {"ok": False, "error_code": 502, "description": "Bad Gateway"})
            if draw < self.fault_5xx + self.fault_429:
                self.injected["429"] += 1
                self.injected_429_at.append(time.monotonic())
                return _too_many(self.retry_after)
            now = time.monotonic()
            over = self._over(chat, now)
            if over:
                self.overruns += 1
                self.overrun_kinds[over] += 1
                return _too_many(1)
            self._window.append(now)
            self._chat_times[chat].append(now)
            self.delivered[chat] += 1
            self.texts[(chat, str(call.params.get("text")))] += 1
            self.first_at = now if self.first_at is None else self.first_at
            self.last_at = now
        return super().answer(call)

    @staticmethod
    def least_seconds(
        messages: int, per_second: float, fault_5xx: float, fault_429: float, retry_after: float, seed: int
    ) -> float:
        """The least time any sender could take to deliver ``messages`` (to distinct chats) at exactly
        ``per_second``, given the faults this fake injects with ``seed``: one draw per sendMessage in arrival
        order, whatever is sent. A 5xx costs no slot; a 429 holds its message ``retry_after`` from when it came,
        which is no earlier than the deliveries before it allow. A 429 late in the run thus sets a floor."""
        draws = random.Random(seed)
        delivered, least = 0, messages / per_second
        while delivered < messages:
            draw = draws.random()
            if draw < fault_5xx:
                continue
            if draw < fault_5xx + fault_429:
                least = max(least, delivered / per_second + retry_after)
                continue
            delivered += 1
        return least

    def _over(self, chat: int, now: float) -> str:
        """Which limit this message would break ('' for none)."""
        while self._window and self._window[0] <= now - 1.0 + TOLERANCE_S:
            self._window.popleft()
        if len(self._window) >= self.per_second:
            return "global"
        times = self._chat_times[chat]
        if self.chat_gap_s is not None and times and now - times[-1] < self.chat_gap_s - TOLERANCE_S:
            return "chat"
        if self.group_limit is not None and chat < 0:
            recent = [t for t in times if t > now - self.group_window_s + TOLERANCE_S]
            if len(recent) >= self.group_limit:
                return "group"
        return ""


def _too_many(retry_after: int) -> Answer:
    body = {"ok": False, "error_code": 429, "description": f"Too Many Requests: retry after {retry_after}",
            "parameters": {"retry_after": retry_after}}  # fmt: skip
    return Answer(429, body)
