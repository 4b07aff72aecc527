"""The neutral incoming message every adapter converts its platform payload into."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class IncomingMessage:
    text: str
    platform: str = "console"
    chat_id: str = "console"
    user_id: str = "console"
    lang: str | None = None  # an explicit choice (--lang); None: the chat's /lang, then user_lang, then the text
    user_lang: str | None = None  # the sender's app language (Telegram language_code), a hint
    chat_kind: str = "private"  # private, group, channel
    is_chat_admin: bool | None = None  # whether the sender administers this chat (None: not checked)
