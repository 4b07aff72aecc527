"""Per-chat settings chosen with commands (today: the reply language). In memory until storage lands."""

from __future__ import annotations

from bot.core.language import LANGS


class ChatPreferences:
    def __init__(self) -> None:
        self._langs: dict[str, str] = {}

    def lang(self, chat: str) -> str | None:
        return self._langs.get(chat)

    def set_lang(self, chat: str, lang: str) -> bool:
        if lang not in LANGS:
            return False
        self._langs[chat] = lang
        return True
