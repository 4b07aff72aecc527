"""Send a rendered reply: 429 waits and resends, network errors and 5xx back off, 403 marks the chat gone,
a migrated group is followed to its new id. Platform exceptions stop here."""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
import random
import warnings
from collections.abc import Awaitable, Callable
from functools import partial

from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup, LinkPreviewOptions
from telegram.constants import ParseMode
from telegram.error import BadRequest, ChatMigrated, Forbidden, NetworkError, RetryAfter
from telegram.warnings import PTBDeprecationWarning

from bot.adapters.telegram.chats import ChatRegistry
from bot.adapters.telegram.errors import ChatGone, SendFailed
from bot.adapters.telegram.render import render
from bot.charts.render import render_png
from bot.core.reply import Reply

log = logging.getLogger(__name__)

MAX_NETWORK_TRIES = 4
MAX_CAPTION = 1024
MAX_RETRY_AFTER_S = 120.0
BASE_BACKOFF_S = 0.5


def keyboard(reply: Reply) -> InlineKeyboardMarkup | None:
    if not reply.buttons:
        return None
    return InlineKeyboardMarkup([[InlineKeyboardButton(b.label, callback_data=b.action)] for b in reply.buttons])


def retry_after_seconds(error: RetryAfter) -> float:
    with warnings.catch_warnings():  # PTB 22 warns that the type will become timedelta; both are handled
        warnings.simplefilter("ignore", PTBDeprecationWarning)
        value = error.retry_after
    return value.total_seconds() if isinstance(value, dt.timedelta) else float(value)


class Sender:
    def __init__(
        self, chats: ChatRegistry, sleep: object = asyncio.sleep, before_send: Callable[[], None] | None = None
    ) -> None:
        self.chats = chats
        self._sleep = sleep
        self._before_send = before_send  # interactive replies take the broadcast budget's next slot

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

            send = partial(_message, bot, text, buttons, first_reply_to)
            chat_id = await self._with_retries(chat_id, send)
        return chat_id

    async def _with_retries(self, chat_id: int, call: Callable[[int], Awaitable[None]]) -> int:
        """Run one Bot API call for a chat through the error policy; returns the chat id it reached."""
        chat_id = self.chats.resolve(chat_id)
        network_tries = 0
        while True:
            if self._before_send is not None:
                self._before_send()
            try:
                await call(chat_id)
                return chat_id
            except RetryAfter as error:
                wait = min(retry_after_seconds(error), MAX_RETRY_AFTER_S)
                log.warning("telegram asked chat %s to wait %.1f s", chat_id, wait)
                await self._pause(wait)
            except ChatMigrated as error:
                log.info("chat %s migrated to %s", chat_id, error.new_chat_id)
                self.chats.migrated[chat_id] = error.new_chat_id
                chat_id = error.new_chat_id
            except Forbidden as error:
                self.chats.gone.add(chat_id)
                raise ChatGone(str(chat_id)) from error
            except BadRequest as error:
                raise SendFailed(f"rejected: {error.message}") from error
            except NetworkError as error:  # timeouts and 5xx
                network_tries += 1
                if network_tries >= MAX_NETWORK_TRIES:
                    raise SendFailed(f"gave up after {network_tries} tries") from error
                await self._pause(BASE_BACKOFF_S * 2 ** (network_tries - 1) * random.uniform(0.8, 1.2))

    async def _pause(self, seconds: float) -> None:
        await self._sleep(seconds)  # type: ignore[operator]


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
