"""The one entry point of the core: an IncomingMessage in, a Reply out, never an exception.

Two error lanes: a :class:`UserFacingError` becomes a localized, safe message; anything else
is logged with its traceback and the user gets a short apology.
"""

from __future__ import annotations

import logging
import unicodedata

from bot.core.commands import COMMANDS, intent_of, parse_command
from bot.core.describe import echo
from bot.core.fit import fit
from bot.core.handlers import help
from bot.core.i18n import t
from bot.core.language import choose
from bot.core.message import IncomingMessage
from bot.core.reply import Reply, Section
from bot.core.routing import route
from bot.core.services import Services
from bot.domain.errors import UserFacingError
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
        self, services: Services, matcher: IntentMatcher | None = None, memory: ConversationMemory | None = None
    ) -> None:
        self.services = services
        self.matcher = matcher or IntentMatcher(services.dataset)
        self.memory = memory or ConversationMemory()

    def answer(self, message: IncomingMessage) -> Reply:
        """The reply to one message; never raises."""
        text = clean_text(message.text)
        lang = choose(text, message.lang)
        chat = f"{message.platform}:{message.chat_id}"
        intent = "unknown"
        try:
            command = parse_command(text)
            if command is None:
                match = self.matcher.match(text, self.memory.last(chat))
                intent = match.query.intent
                if match.money_error is not None and intent in AMOUNT_INTENTS:
                    raise match.money_error
                if intent == "unknown":
                    return help.unknown(lang, match.suggestions)
                query = match.query
            else:
                parser = COMMANDS.get(command.name)
                if parser is None:
                    return self._error(intent, lang, UserFacingError("command.unknown", text=echo("/" + command.name)))
                intent = intent_of(command.name)
                query = parser(self.services, command.args)
            intent = query.intent
            reply = route(self.services, query, lang)
            if intent in REMEMBERED:
                self.memory.remember(chat, query)
            return fit(reply)
        except UserFacingError as error:
            return self._error(intent, lang, error)
        except Exception:
            log.exception("failed to answer a %s message (intent %s)", message.platform, intent)
            return Reply(intent=intent, lang=lang, sections=(Section(None, (t(lang, "internal.apology"),)),))

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
        return Reply(intent=intent, lang=lang, sections=(Section(t(lang, "error.title"), tuple(lines)),))
