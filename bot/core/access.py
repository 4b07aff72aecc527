"""Who may use a feature: checked after the intent is resolved, whether it came as a command or a question.

Like errbot's command filters: the rule belongs to the feature, the facts to the adapter. A chat-admin
fact is fetched from the platform only when a rule needs it.
"""

from __future__ import annotations

import logging
from enum import StrEnum

from bot.core.message import IncomingMessage
from bot.core.services import Services

log = logging.getLogger(__name__)


class Access(StrEnum):
    """Who may use a feature."""

    ANYONE = "anyone"
    CHAT_ADMIN = "chat_admin"  # in a private chat its user; in groups and channels their admins, or BOT_ADMINS
    BOT_ADMIN = "bot_admin"  # users listed in BOT_ADMINS

    @property
    def denied_key(self) -> str:
        """The catalog key of the refusal."""
        return "access.bot_admin" if self is Access.BOT_ADMIN else "access.chat_admin"


def is_bot_admin(services: Services, message: IncomingMessage) -> bool:
    return message.user_key in services.admins


async def allowed(rule: Access, services: Services, message: IncomingMessage) -> bool:
    """Whether ``message``'s sender may use a feature whose access rule is ``rule``."""
    if rule is Access.ANYONE or is_bot_admin(services, message):
        return True
    if rule is Access.BOT_ADMIN:
        return False
    if message.chat_kind == "private":
        return True
    if message.chat_admin is None:
        return False
    try:
        return await message.chat_admin()
    except Exception:  # a failed platform call denies; it never answers with a traceback
        log.warning("could not check whether a %s user administers the chat", message.platform, exc_info=True)
        return False
