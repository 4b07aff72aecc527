"""The delivery worker's Telegram outlet: the one Sender bound to the application's bot."""

from __future__ import annotations

from telegram import Bot

from bot.adapters.telegram.sending import Sender


class TelegramBroadcaster:
    def __init__(self, bot: Bot, sender: Sender | None = None) -> None:
        self.bot = bot
        self.sender = sender or Sender()

    async def send(self, chat_key: str, text: str, lang: str | None) -> None:
        await self.sender.announce(self.bot, chat_key, text, lang)
