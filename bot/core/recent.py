"""Recent answers that have more to show, so "자세히" / "more" / a details button can show all of one.

Bounded and in memory: a details button of an answer older than the last ``size`` answers, or from
before a restart, gets "ask again" rather than an error.
"""

from __future__ import annotations

import secrets
from collections import OrderedDict

from bot.core.reply import Reply

DEFAULT_SIZE = 5000


class RecentReplies:
    def __init__(self, size: int = DEFAULT_SIZE) -> None:
        self._size = size
        self._by_token: OrderedDict[str, Reply] = OrderedDict()
        self._chat_of: dict[str, str] = {}  # token -> chat
        self._last: OrderedDict[str, str] = OrderedDict()  # chat -> token of its latest answer

    def keep(self, chat: str, reply: Reply) -> str:
        """Remember ``reply`` for ``chat``; returns its short ASCII token (for button data)."""
        token = secrets.token_hex(4)
        self._by_token[token] = reply
        self._chat_of[token] = chat
        self._last[chat] = token
        self._last.move_to_end(chat)
        while len(self._by_token) > self._size:
            old, _ = self._by_token.popitem(last=False)
            self._chat_of.pop(old, None)
        while len(self._last) > self._size:
            self._last.popitem(last=False)
        return token

    def forget(self, chat: str, intent: str) -> int:
        """Drop the chat's kept answers of one intent (a deleted profile's answers); returns how many."""
        tokens = [k for k, r in self._by_token.items() if r.intent == intent and self._chat_of.get(k) == chat]
        for token in tokens:
            del self._by_token[token]
            self._chat_of.pop(token, None)
        return len(tokens)

    def get(self, token: str) -> Reply | None:
        return self._by_token.get(token)

    def last(self, chat: str) -> Reply | None:
        token = self._last.get(chat)
        return self._by_token.get(token) if token else None
