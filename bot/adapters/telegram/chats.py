"""Groups upgraded to supergroups, so that replies follow a chat to its new id."""

from __future__ import annotations


class ChatRegistry:
    def __init__(self) -> None:
        self.migrated: dict[int, int] = {}

    def resolve(self, chat_id: int) -> int:
        seen = set()
        while chat_id in self.migrated and chat_id not in seen:
            seen.add(chat_id)
            chat_id = self.migrated[chat_id]
        return chat_id
