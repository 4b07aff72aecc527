"""The one way a message reaches Telegram: replies and announcements share the error mapping
(``errors.delivery_error``) and the retry policy (``bot.delivery.policy``). A reply is retried here; an
announcement is sent once and the delivery worker reschedules it by the same policy. Platform exceptions stop here.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from functools import partial

from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup, LinkPreviewOptions
from telegram.constants import ParseMode
from telegram.error import TelegramError

from bot.adapters.telegram.chats import ChatRegistry
from bot.adapters.telegram.errors import delivery_error
from bot.adapters.telegram.render import announcement, render
from bot.charts.render import render_png
from bot.core.reply import Reply
from bot.delivery.errors import DeliveryError, Migrated
from bot.delivery.policy import POLICY, RetryPolicy

log = logging.getLogger(__name__)

MAX_CAPTION = 1024
Call = Callable[[int], Awaitable[None]]


def keyboard(reply: Reply) -> InlineKeyboardMarkup | None:
    if not reply.buttons:
        return None
    return InlineKeyboardMarkup(
        [
            [
                InlineKeyboardButton(b.label, url=b.url)
                if b.url
                else InlineKeyboardButton(b.label, callback_data=b.action)
            ]
            for b in reply.buttons
        ]
    )


class Sender:
    def __init__(
        self,
        chats: ChatRegistry | None = None,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
        before_send: Callable[[], None] | None = None,
        policy: RetryPolicy = POLICY,
    ) -> None:
        self.chats = chats or ChatRegistry()
        self._sleep = sleep
        self._before_send = before_send  # interactive replies take the broadcast budget's next slot
        self.policy = policy

    async def once(self, chat_id: int, call: Call) -> None:
        """One Bot API call; a failure is raised as a delivery error."""
        try:
            await call(chat_id)
        except TelegramError as error:
            raise delivery_error(error) from error

    async def announce(self, bot: Bot, chat_key: str, text: str, lang: str | None) -> None:
        """One send of an announcement (the worker owns its retries, its budgets and the chat's new id)."""
        await self.once(int(chat_key), partial(_message, bot, announcement(text, lang), None, None))

    async def send(self, bot: Bot, chat_id: int, reply: Reply, reply_to: int | None = None) -> int:
        """Send every part of ``reply`` (its chart first, as a photo); returns the chat id it went to."""
        if reply.chart is not None:
            png = await asyncio.to_thread(render_png, reply.chart)  # drawing must not block other chats
            caption = reply.chart.title[:MAX_CAPTION]

            async def photo(target: int) -> None:
                await bot.send_photo(target, photo=png, caption=caption, reply_to_message_id=reply_to,
                                     allow_sending_without_reply=True)  # fmt: skip

            chat_id = await self._with_retries(chat_id, photo)
        messages = render(reply)
        markup = keyboard(reply)
        for index, text in enumerate(messages):
            buttons = markup if index == len(messages) - 1 else None
            first_reply_to = reply_to if index == 0 and reply.chart is None else None
            chat_id = await self._with_retries(chat_id, partial(_message, bot, text, buttons, first_reply_to))
        return chat_id

    async def _with_retries(self, chat_id: int, call: Call) -> int:
        """One reply part through the retry policy; returns the chat id it reached."""
        target = self.chats.resolve(chat_id)

        async def attempt() -> None:
            if self._before_send is not None:
                self._before_send()
            await self.once(target, call)

        def follow(error: DeliveryError) -> None:
            nonlocal target
            if isinstance(error, Migrated):
                log.info("chat %s migrated to %s", target, error.new_key)
                self.chats.migrated[target] = int(error.new_key)
                target = int(error.new_key)

        await self.policy.run(attempt, self._sleep, follow)
        return target


async def _message(bot: Bot, text: str, markup: InlineKeyboardMarkup | None, reply_to: int | None, target: int) -> None:
    await bot.send_message(
        target,
        text,
        parse_mode=ParseMode.HTML,
        reply_markup=markup,
        link_preview_options=LinkPreviewOptions(is_disabled=True),
        reply_to_message_id=reply_to,
        allow_sending_without_reply=True,
    )
