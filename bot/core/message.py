"""The neutral incoming message every adapter converts its platform payload into.

Adapters report facts about the sender, never what they guess the message asks. A fact that costs
a platform call (is the sender an admin of this chat?) is a coroutine the core awaits only when an
access rule needs it.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass

AdminCheck = Callable[[], Awaitable[bool]]


@dataclass(frozen=True)
class IncomingMessage:
    text: str
    platform: str = "console"
    chat_id: str = "console"
    user_id: str = "console"
    lang: str | None = None  # an explicit choice (--lang); None: the chat's /lang, then user_lang, then the text
    user_lang: str | None = None  # the sender's app language (Telegram language_code), a hint
    chat_kind: str = "private"  # private, group, channel
    chat_admin: AdminCheck | None = None  # asks the platform whether the sender administers this chat
    via_command: str | None = None  # the text is the argument of this platform slash command (Slack /subsidy)

    @property
    def chat_key(self) -> str:
        return f"{self.platform}:{self.chat_id}"

    @property
    def user_key(self) -> str:
        return f"{self.platform}:{self.user_id}"
