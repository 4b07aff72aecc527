"""Announcements to Telegram chats, with Bot API errors mapped to the delivery worker's."""

from __future__ import annotations

import html

from telegram import Bot, LinkPreviewOptions
from telegram.constants import ParseMode
from telegram.error import BadRequest, ChatMigrated, Forbidden, NetworkError, RetryAfter

from bot.adapters.telegram.sending import retry_after_seconds
from bot.core.i18n import t
from bot.delivery.errors import Gone, Migrated, RateLimited, Rejected, Transient

GONE_MARKERS = ("chat not found", "bot was kicked", "bot is not a member", "have no rights to send")


class TelegramBroadcaster:
    def __init__(self, bot: Bot) -> None:
        self.bot = bot

    async def send(self, chat_key: str, text: str, lang: str | None) -> None:
        body = f"<b>{html.escape(t(lang or 'ko', 'announce.header'))}</b>\n{html.escape(text)}"
        try:
            await self.bot.send_message(
                int(chat_key),
                body,
                parse_mode=ParseMode.HTML,
                link_preview_options=LinkPreviewOptions(is_disabled=True),
            )
        except RetryAfter as error:
            raise RateLimited(retry_after_seconds(error)) from error
        except ChatMigrated as error:
            raise Migrated(str(error.new_chat_id)) from error
        except Forbidden as error:
            raise Gone(error.message) from error
        except BadRequest as error:
            if any(marker in error.message.lower() for marker in GONE_MARKERS):
                raise Gone(error.message) from error
            raise Rejected(error.message) from error
        except NetworkError as error:
            raise Transient(error.message) from error
