"""Per-chat settings chosen with commands (today: the reply language).

:class:`ChatSettings` is the one interface the core uses; :class:`ChatPreferences` keeps them in this process (the
console, tests); the bot with a database keeps them there, across restarts and replicas
(bot/core/stored_state.py). The wiring chooses.
"""

from __future__ import annotations

from typing import Protocol

from bot.core.language import LANGS


class ChatSettings(Protocol):
    async def lang(self, chat: str) -> str | None:
        """The language ``chat`` chose, if any."""
        ...

    async def set_lang(self, chat: str, lang: str) -> bool:
        """Choose ``lang`` for ``chat``; False (nothing kept) when it is not a language we answer in."""
        ...


class ChatPreferences:
    def __init__(self) -> None:
        self._langs: dict[str, str] = {}

    async def lang(self, chat: str) -> str | None:
        return self._langs.get(chat)

    async def set_lang(self, chat: str, lang: str) -> bool:
        if lang not in LANGS:
            return False
        self._langs[chat] = lang
        return True
