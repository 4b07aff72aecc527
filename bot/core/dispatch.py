"""The one entry point of the core: an IncomingMessage in, a Reply out, never an exception.

Two error lanes: a :class:`UserFacingError` becomes a localized, safe message; anything else
is logged with its traceback and the user gets a short apology.
"""

from __future__ import annotations

import logging
import time
import unicodedata
from collections.abc import Callable
from dataclasses import replace

from bot.core import subscribing
from bot.core.actions import parse_action
from bot.core.commands import COMMANDS, intent_of, parse_command
from bot.core.describe import echo
from bot.core.fit import fit
from bot.core.handlers import help
from bot.core.i18n import t
from bot.core.language import LANGS, choose
from bot.core.message import IncomingMessage
from bot.core.preferences import ChatPreferences
from bot.core.query import Query
from bot.core.reply import Reply, Section
from bot.core.routing import route
from bot.core.services import Services
from bot.core.subscribing import SUBSCRIPTION_COMMANDS
from bot.domain.dataset import Dataset
from bot.domain.errors import UserFacingError
from bot.domain.gazetteer import Gazetteer
from bot.nlu.context import ConversationMemory
from bot.nlu.matcher import REMEMBERED, IntentMatcher

log = logging.getLogger(__name__)

AMOUNT_INTENTS = frozenset({"subsidy_calc", "fx", "compare"})

MAX_TEXT_CHARS = 2000


def clean_text(text: str) -> str:
    """Drop control and zero-width characters, keep line breaks out, cap the length."""
    kept = (" " if ch in "\r\n\t" else ch for ch in text[: MAX_TEXT_CHARS * 2])
    visible = "".join(ch for ch in kept if unicodedata.category(ch) not in ("Cc", "Cf", "Cs", "Co"))
    return visible.strip()[:MAX_TEXT_CHARS]


class Responder:
    """Turns messages into replies using the services it was built with."""

    def __init__(
        self,
        services: Services,
        matcher: IntentMatcher | None = None,
        memory: ConversationMemory | None = None,
        preferences: ChatPreferences | None = None,
    ) -> None:
        self.services = services
        self.matcher = matcher or IntentMatcher(services.dataset)
        self.memory = memory or ConversationMemory()
        self.preferences = preferences or ChatPreferences()
        self.observer: Callable[[str, str, float], None] | None = None  # (platform, intent, seconds), for metrics

    def reload(self, dataset: Dataset) -> None:
        """Answer from new data from now on (it was validated when loaded)."""
        self.services = replace(self.services, dataset=dataset, gazetteer=Gazetteer(dataset))
        self.matcher = IntentMatcher(dataset)

    def language(self, message: IncomingMessage, text: str) -> str:
        """An explicit choice, else the chat's /lang, else the user's app language, else the text's script."""
        chat = f"{message.platform}:{message.chat_id}"
        chosen = message.lang or self.preferences.lang(chat)
        if chosen is None and message.user_lang:
            code = message.user_lang.split("-")[0].lower()
            chosen = code if code in LANGS else None
        return choose(text, chosen)

    def answer(self, message: IncomingMessage) -> Reply:
        """The reply to one message; never raises."""
        text = clean_text(message.text)
        lang = self.language(message, text)
        chat = f"{message.platform}:{message.chat_id}"
        started = time.perf_counter()
        reply = self._guarded(message.platform, lang, lambda: self._answer(text, chat, lang, message))
        if self.observer is not None:
            self.observer(message.platform, reply.intent, time.perf_counter() - started)
        return reply

    def act(self, message: IncomingMessage, action: str) -> Reply:
        """The reply to a follow-up button; malformed actions get the unknown answer."""
        lang = self.language(message, "")
        query = parse_action(action)
        if query is None:
            return help.unknown(lang)
        chat = f"{message.platform}:{message.chat_id}"
        return self._guarded(message.platform, lang, lambda: self._route(query, chat, lang))

    def _answer(self, text: str, chat: str, lang: str, message: IncomingMessage) -> Reply:
        command = parse_command(text)
        if command is None:
            match = self.matcher.match(text, self.memory.last(chat))
            if match.money_error is not None and match.query.intent in AMOUNT_INTENTS:
                match.money_error.intent = match.query.intent
                raise match.money_error
            if match.query.intent == "unknown":
                return help.unknown(lang, match.suggestions)
            if match.query.intent in SUBSCRIPTION_COMMANDS:  # "이 방 구독할래" does what /subscribe does
                return subscribing.handle(self.services, message, match.query.intent, "", lang)
            return self._route(match.query, chat, lang)
        if command.name == "lang":
            return self._set_lang(chat, command.args, lang)
        if command.name in SUBSCRIPTION_COMMANDS:
            return subscribing.handle(self.services, message, command.name, command.args, lang)
        if command.name == "compare":
            query = replace(self.matcher.match(command.args).query, intent="compare")
            return self._route(query, chat, lang)
        parser = COMMANDS.get(command.name)
        if parser is None:
            raise UserFacingError("command.unknown", text=echo("/" + command.name))
        try:
            query = parser(self.services, command.args)
        except UserFacingError as error:
            error.intent = intent_of(command.name)
            raise
        return self._route(query, chat, lang)

    def _route(self, query: Query, chat: str, lang: str) -> Reply:
        try:
            reply = route(self.services, query, lang)
        except UserFacingError as error:
            error.intent = error.intent or query.intent
            raise
        if query.intent in REMEMBERED:
            self.memory.remember(chat, query)
        return fit(reply)

    def _set_lang(self, chat: str, args: str, lang: str) -> Reply:
        choice = args.strip().lower()[:5]
        if not self.preferences.set_lang(chat, choice):
            return Reply(intent="help", lang=lang, sections=(Section(None, (t(lang, "lang.usage"),)),))
        return Reply(intent="help", lang=choice, sections=(Section(None, (t(choice, "lang.set"),)),))

    def _guarded(self, platform: str, lang: str, work: Callable[[], Reply]) -> Reply:
        """The two error lanes: our user-facing errors are shown; anything else is logged and apologised for."""
        try:
            return work()
        except UserFacingError as error:
            return self._error(error.intent or "unknown", lang, error)
        except Exception:
            log.exception("failed to answer a %s message", platform)
            apology = (Section(None, (t(lang, "internal.apology"),)),)
            return Reply(intent="unknown", lang=lang, sections=apology, error=True)

    def _error(self, intent: str, lang: str, error: UserFacingError) -> Reply:
        places = self.services.dataset.places
        suggestions = error.params.get("suggestions")
        names = ""
        if isinstance(suggestions, list):
            names = ", ".join(f"{places[s].names.get(lang)} ({s})" for s in suggestions if s in places)
        params = {k: v for k, v in error.params.items() if k != "suggestions"}
        lines = [
            t(lang, error.key, **params, names=names)
            if error.key == "place.ambiguous"
            else t(lang, error.key, **params)
        ]
        if error.key in ("place.unknown", "place.missing"):
            if names:
                lines.append(t(lang, "place.suggest", names=names))
            available = ", ".join(p.names.get(lang) for p in places.values() if p.programs)
            lines.append(t(lang, "place.available", names=available))
        if error.key.startswith("amount.") or error.key == "program.unknown_word":
            lines.append(t(lang, "subsidy.usage"))
        return Reply(intent=intent, lang=lang, sections=(Section(t(lang, "error.title"), tuple(lines)),), error=True)
