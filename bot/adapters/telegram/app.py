"""The python-telegram-bot Application: handlers, command menus, error handler."""

from __future__ import annotations

import logging
from dataclasses import replace
from typing import Any

from telegram import BotCommand, Message, Update
from telegram.constants import ChatMemberStatus, ChatType
from telegram.error import TelegramError
from telegram.ext import Application, CallbackQueryHandler, ContextTypes, MessageHandler, filters

from bot.adapters.telegram.chats import ChatRegistry
from bot.adapters.telegram.etiquette import text_to_answer
from bot.adapters.telegram.sending import Sender
from bot.adapters.telegram.updates import HandledUpdates
from bot.core.dispatch import Responder
from bot.core.i18n import has, t
from bot.core.message import IncomingMessage
from bot.core.registry import REGISTRY, Registry
from bot.core.reply import Button, Reply, Section
from bot.delivery.errors import DeliveryError, Gone
from bot.logging_setup import new_request_id
from bot.storage.replay import Deliveries, MemoryDeliveries

log = logging.getLogger(__name__)

KINDS: dict[str, str] = {"private": "private", "group": "group", "supergroup": "group", "channel": "channel"}

MENU_LANGS = ("ko", "en", "zh")


def menu_commands(registry: Registry, lang: str) -> list[BotCommand]:
    """The registry's menu commands with their descriptions in ``lang``."""
    return [BotCommand(name, t(lang, f"menu.{name}")) for name, _ in registry.menu()]


class TelegramBot:
    """Turns updates into IncomingMessages, asks the responder, sends what it returns."""

    def __init__(
        self,
        responder: Responder,
        sender: Sender | None = None,
        registry: Registry = REGISTRY,
        updates: Deliveries | None = None,
    ) -> None:
        """``updates``: where handled update ids are kept (the database, shared by replicas; memory by default)."""
        self.responder = responder
        self.registry = registry
        self.chats = sender.chats if sender else ChatRegistry()
        self.sender = sender or Sender(self.chats)
        self.updates = HandledUpdates(updates if updates is not None else MemoryDeliveries())

    def install(self, application: Application) -> None:  # type: ignore[type-arg]
        self.updates.install(application)  # a redelivered update is not answered twice
        message_updates = filters.UpdateType.MESSAGE | filters.UpdateType.CHANNEL_POST
        application.add_handler(MessageHandler(message_updates & filters.TEXT, self.on_message))
        application.add_handler(CallbackQueryHandler(self.on_callback))
        application.add_error_handler(self.on_error)

    async def register_commands(self, application: Application) -> None:  # type: ignore[type-arg]
        """The registry's command menu and the bot's descriptions in Korean, English and Chinese (language
        scopes), English by default."""
        bot = application.bot
        for lang in (*MENU_LANGS, None):
            shown = lang or "en"
            await bot.set_my_commands(menu_commands(self.registry, shown), language_code=lang)
            await bot.set_my_description(t(shown, "bot.description"), language_code=lang)
            await bot.set_my_short_description(t(shown, "bot.short_description"), language_code=lang)

    async def on_message(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        new_request_id()
        message = update.effective_message
        chat = update.effective_chat
        if message is None or chat is None:
            return
        bot = context.bot
        text = text_to_answer(message, bot.username, bot.id)
        if text is None:
            return
        user = update.effective_user
        kind = KINDS.get(chat.type, "group")
        incoming = IncomingMessage(
            text=text,
            platform="telegram",
            chat_id=str(chat.id),
            user_id=str(user.id) if user else "",
            user_lang=user.language_code if user else None,
            chat_kind=kind,
            chat_admin=lambda: self._is_admin(bot, message, kind),
        )
        reply = await self.responder.answer(incoming)
        if reply.private is not None and user is not None:
            reply = await self._in_private(bot, user.id, reply)
        in_group = chat.type in (ChatType.GROUP, ChatType.SUPERGROUP)
        await self._deliver(bot, chat.id, reply, message.message_id if in_group else None)

    async def _in_private(self, bot: Any, user_id: int, reply: Reply) -> Reply:
        """Send the private part to the user's own chat (its id is the user's); the group gets the notice. A
        user who never started the bot cannot be written to first: then the notice is a button that opens a
        private chat with a deep link (``/start <command>``)."""
        assert reply.private is not None
        try:
            await self.sender.send(bot, user_id, reply.private)
            return replace(reply, private=None)
        except DeliveryError as error:
            log.info("telegram: no private chat with the user yet (%s)", type(error).__name__)
        feature = self.registry.feature(reply.intent)
        payload = feature.commands[0] if feature is not None and feature.commands else "start"
        link = Button(t(reply.lang, "dm.button"), "", url=f"https://t.me/{bot.username}?start={payload}")
        blocked = f"dm.blocked.{reply.intent}"  # what to do once the chat is open, if the feature says
        notice = (Section(None, (t(reply.lang, blocked if has(reply.lang, blocked) else "dm.blocked"),)),)
        return Reply(intent=reply.intent, lang=reply.lang, sections=notice, buttons=(link,))

    async def _is_admin(self, bot: Any, message: Message, kind: str) -> bool:
        """Does the sender administer this chat? Asked by the core only when an access rule needs it."""
        if kind in ("channel", "private"):
            return True  # only a channel's admins can post in it; a private chat is its user's own
        if message.sender_chat is not None and message.sender_chat.id == message.chat.id:
            return True  # an anonymous group admin posts as the group itself
        if message.from_user is None:
            return False
        try:
            member = await bot.get_chat_member(message.chat.id, message.from_user.id)
        except TelegramError:
            return False
        return member.status in (ChatMemberStatus.OWNER, ChatMemberStatus.ADMINISTRATOR)

    async def on_callback(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        new_request_id()
        query = update.callback_query
        if query is None:
            return
        await query.answer()
        chat = update.effective_chat
        if chat is None:
            return
        user = query.from_user
        incoming = IncomingMessage(text="", platform="telegram", chat_id=str(chat.id), user_id=str(user.id),
                                   user_lang=user.language_code, chat_kind=KINDS.get(chat.type, "group"))  # fmt: skip
        await self._deliver(context.bot, chat.id, await self.responder.act(incoming, query.data or ""), None)

    async def _deliver(self, bot: object, chat_id: int, reply: Reply, reply_to: int | None) -> None:
        try:
            await self.sender.send(bot, chat_id, reply, reply_to)  # type: ignore[arg-type]
        except Gone:
            log.info("telegram chat %s is gone (blocked or kicked)", chat_id)
        except DeliveryError as error:
            log.warning("telegram reply to %s failed: %s", chat_id, error)

    async def on_error(self, update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
        """Log the failure (the redacting filter removes tokens) and apologise briefly."""
        log.error("telegram update failed", exc_info=context.error)
        if isinstance(update, Update) and update.effective_chat is not None:
            asker = IncomingMessage(text="", platform="telegram", chat_id=str(update.effective_chat.id),
                                    user_lang=getattr(update.effective_user, "language_code", None))  # fmt: skip
            lang = await self.responder.language(asker, getattr(update.effective_message, "text", None) or "")
            apology = Reply(intent="unknown", lang=lang, sections=(Section(None, (t(lang, "internal.apology"),)),))
            try:
                await self.sender.send(context.bot, update.effective_chat.id, apology)
            except DeliveryError as error:
                log.warning("could not send the apology: %s", error)
