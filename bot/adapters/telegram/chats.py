"""What the adapter learnt about chats: the ones gone (403) and groups migrated to supergroups.

In memory for now; the subscriptions storage (announcements issue) makes it durable.
"""

from __future__ import annotations


class ChatRegistry:
    def __init__(self) -> None:
        self.gone: set[int] = set()
        self.migrated: dict[int, int] = {}

    def resolve(self, chat_id: int) -> int:
        seen = set()
        while chat_id in self.migrated and chat_id not in seen:
            seen.add(chat_id)
            chat_id = self.migrated[chat_id]
        return chat_id
