"""When the bot speaks: every private message; in groups only commands, mentions and replies to it;
in channels only commands. Returns the text to answer (mention and @botname removed) or None."""

from __future__ import annotations

import re

from telegram import Message, MessageEntity
from telegram.constants import ChatType

_COMMAND = re.compile(r"^/(?P<name>[A-Za-z0-9_]+)(?:@(?P<bot>[A-Za-z0-9_]+))?(?P<rest>(?:\s.*)?)$", re.S)


def text_to_answer(message: Message, bot_username: str, bot_id: int) -> str | None:
    text = message.text or ""
    if not text.strip():
        return None
    command = _COMMAND.match(text.strip())
    if command is not None:
        target = command["bot"]
        if target and target.lower() != bot_username.lower():
            return None  # /cmd@otherbot
        return f"/{command['name']}{command['rest']}"
    if message.chat.type == ChatType.PRIVATE:
        return text
    if message.chat.type == ChatType.CHANNEL:
        return None
    mention = f"@{bot_username}".lower()
    for entity in message.entities:
        found = message.parse_entity(entity)  # offsets are UTF-16 units: let the library slice
        if entity.type == MessageEntity.MENTION and found.lower() == mention:
            return text.replace(found, " ", 1).strip() or "/help"
    replied = message.reply_to_message
    if replied is not None and replied.from_user is not None and replied.from_user.id == bot_id:
        return text
    return None
