"""What each chat asked last, so "그럼 베이징은?" keeps the topic; turns expire after a while.

:class:`Context` is the one interface the core uses. :class:`ConversationMemory` keeps turns in this process (the
console, ``subsidybot ask --conversation``); the bot with a database keeps them there, so that a restart or another
replica continues the conversation (bot/core/stored_state.py). The wiring chooses.
"""

from __future__ import annotations

import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from bot.nlu.query import Query

DEFAULT_TTL_S = 30 * 60
DEFAULT_MAX_CHATS = 10_000


@dataclass(frozen=True)
class Turn:
    query: Query
    at: float  # when it was answered, in seconds of the keeper's clock


class Context(Protocol):
    async def previous(self, chat: str) -> Turn | None:
        """The chat's last answered question, unless it has expired."""
        ...

    async def record(self, chat: str, query: Query) -> None:
        """``query`` was answered in ``chat``: a follow-up may continue it."""
        ...


class ConversationMemory:
    """A bounded LRU of the last answered query per chat, with an expiry."""

    def __init__(
        self,
        ttl_s: float = DEFAULT_TTL_S,
        max_chats: int = DEFAULT_MAX_CHATS,
        now: Callable[[], float] = time.monotonic,
    ) -> None:
        self._ttl = ttl_s
        self._max = max_chats
        self._now = now
        self._turns: OrderedDict[str, Turn] = OrderedDict()

    def last(self, chat: str) -> Turn | None:
        turn = self._turns.get(chat)
        if turn is None:
            return None
        if self._now() - turn.at > self._ttl:
            del self._turns[chat]
            return None
        return turn

    def remember(self, chat: str, query: Query) -> None:
        self._turns[chat] = Turn(query, self._now())
        self._turns.move_to_end(chat)
        while len(self._turns) > self._max:
            self._turns.popitem(last=False)

    async def previous(self, chat: str) -> Turn | None:
        return self.last(chat)

    async def record(self, chat: str, query: Query) -> None:
        self.remember(chat, query)
