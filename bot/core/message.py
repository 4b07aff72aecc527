"""The neutral incoming message every adapter converts its platform payload into."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class IncomingMessage:
    text: str
    platform: str = "console"
    chat_id: str = "console"
    user_id: str = "console"
    lang: str | None = None  # a language the chat or the user chose; None: follow the text
