"""The one entry point of the core: an IncomingMessage in, a Reply out, never an exception.

A message becomes a (feature, query) pair, by its slash command or by the free-text matcher; the
feature's access rule is checked; its handler answers. Two error lanes: a :class:`UserFacingError`
becomes a localized, safe message for the feature being answered; anything else is logged with its
traceback and the user gets a short apology.
"""

from __future__ import annotations

import asyncio
import logging
import time
import unicodedata
from collections.abc import Awaitable, Callable
from dataclasses import replace

from bot.core.access import allowed
from bot.core.actions import details_action, parse_action
from bot.core.commands import parse_command
from bot.core.describe import echo
from bot.core.handlers import help
from bot.core.i18n import t
from bot.core.language import LANGS, choose
from bot.core.message import IncomingMessage
from bot.core.problems import problem_reply
from bot.core.profile.route import profile_query
from bot.core.registry import REGISTRY, Feature, Registry
from bot.core.reply import Button, Reply, Section
from bot.core.request import Request
from bot.core.services import Services
from bot.domain.dataset import Dataset
from bot.domain.errors import Problem, UserFacingError
from bot.domain.gazetteer import Gazetteer
from bot.nlu import intents as I
from bot.nlu.context import Context, ConversationMemory
from bot.nlu.matcher import IntentMatcher
from bot.nlu.query import Query

log = logging.getLogger(__name__)
STORE_TIMEOUT_S = 5.0  # a feature that needs the database waits this long for it, then says it is busy

MAX_TEXT_CHARS = 2000


def clean_text(text: str) -> str:
    """Drop control and zero-width characters, keep line breaks out, cap the length."""
    if text.isprintable():  # the usual case: nothing to drop (isprintable is False for Cc, Cf, Cs and Co)
        return text.strip()[:MAX_TEXT_CHARS]
    kept = (" " if ch in "\r\n\t" else ch for ch in text[: MAX_TEXT_CHARS * 2])
    visible = "".join(ch for ch in kept if unicodedata.category(ch) not in ("Cc", "Cf", "Cs", "Co"))
    return visible.strip()[:MAX_TEXT_CHARS]


def slash_text(text: str, command: str, registry: Registry, gazetteer: Gazetteer) -> str:
    """The text of a platform slash command as a message: ``/subsidy help`` -> ``/help`` (any command word of
    the registry), ``/subsidy wuhan 2000000`` -> the strict calculator, anything else a question."""
    words = text.split()
    feature = registry.command(words[0]) if words else None
    if feature is not None and feature.commands:
        return f"/{feature.commands[0]}{text[len(words[0]) :]}"
    if len(words) >= 2 and gazetteer.resolve(words[0]) and words[1][:1] in "-−+0123456789¥₩$":
        return f"/{command} {text}"
    return text or "/help"


Resolved = tuple[Feature, Query] | Reply  # what to run, or the answer already (an error, "did you mean")


class Responder:
    """Turns messages into replies using the services and features it was built with."""

    def __init__(
        self,
        services: Services,
        registry: Registry = REGISTRY,
        matcher: IntentMatcher | None = None,
        memory: Context | None = None,
    ) -> None:
        """``memory``: where each chat's last question is kept (the database in the bot; this process by default)."""
        self.services = services
        self.registry = registry
        self.matcher = matcher or registry.matcher(services.dataset)
        self.memory: Context = memory or ConversationMemory()
        self._remembered = registry.remembered()
        self.observer: Callable[[str, str, float], None] | None = None  # (platform, intent, seconds), for metrics

    def reload(self, dataset: Dataset) -> None:
        """Answer from new data from now on (it was validated when loaded)."""
        self.services = replace(self.services, dataset=dataset, gazetteer=Gazetteer(dataset))
        self.matcher = self.registry.matcher(dataset)

    async def language(self, message: IncomingMessage, text: str) -> str:
        """An explicit choice, else the chat's /lang, else the user's app language, else the text's script."""
        chosen = message.lang or await self.services.preferences.lang(message.chat_key)
        if chosen is None and message.user_lang:
            code = message.user_lang.split("-")[0].lower()
            chosen = code if code in LANGS else None
        return choose(text, chosen)

    def answer_now(self, message: IncomingMessage) -> Reply:
        """:meth:`answer` for callers without an event loop (the console, ``subsidybot ask``, tests)."""
        return asyncio.run(self.answer(message))

    async def answer(self, message: IncomingMessage) -> Reply:
        """The reply to one message; never raises."""
        text = clean_text(message.text)
        lang = await self.language(message, text)
        if message.via_command is not None:
            text = slash_text(text, message.via_command, self.registry, self.services.gazetteer)
        started = time.perf_counter()
        reply = await self._guarded(message.platform, lang, lambda: self._answer(text, lang, message))
        if self.observer is not None:
            self.observer(message.platform, reply.intent, time.perf_counter() - started)
        return reply

    async def act(self, message: IncomingMessage, action: str) -> Reply:
        """The reply to a follow-up button; malformed actions get the unknown answer."""
        lang = await self.language(message, "")
        query = parse_action(action)
        feature = self.registry.feature(query.intent) if query is not None else None
        if query is None or feature is None:
            return help.unknown(lang)
        return await self._guarded(message.platform, lang, lambda: self._serve(feature, query, lang, message))

    async def _answer(self, text: str, lang: str, message: IncomingMessage) -> Reply:
        resolved = await self._resolve(text, lang, message)
        if isinstance(resolved, Reply):
            return resolved
        feature, query = resolved
        return await self._serve(feature, query, lang, message)

    async def _resolve(self, text: str, lang: str, message: IncomingMessage) -> Resolved:
        command = parse_command(text)
        worded = self.registry.word(text) if command is None else None
        if worded is not None and worded.intent in (I.DETAILS, I.HELP):  # "자세히", "도움말" typed alone
            return worded, Query(worded.intent, text=text)
        if command is None:
            routed = await profile_query(self.services, text, message)
            profile = self.registry.feature(routed.intent) if routed is not None else None
            if routed is not None and profile is not None:
                return profile, routed
            match = self.matcher.match(text, await self.memory.previous(message.chat_key))
            feature = self.registry.feature(match.query.intent)
            if feature is None:
                abroad = [o for o in match.query.outside if o.abroad]
                if abroad:  # "韩国有没有算力券", "Berlin AI grants?": we cover China's local governments only
                    problem = Problem("place.not_covered", {"outside": abroad[0]})
                    return replace(problem_reply(self.services, I.UNKNOWN, lang, problem), query=match.query)
                return help.unknown(lang, match.suggestions)
            if match.money_problem is not None and feature.takes_amount:
                reply = problem_reply(self.services, feature.intent, lang, match.money_problem)
                return replace(reply, query=match.query)  # what was understood, for --json, beside the problem
            return feature, match.query
        feature = self.registry.command(command.name)
        sub = self.registry.sub_command(command.name, command.args)
        if sub is not None:  # /subscribe profile is /subscribe_profile
            feature, command = sub[0], replace(command, args=sub[1])
        linked = self.registry.command(command.args.strip()) if command.name == "start" else None
        if linked is not None and linked.commands:  # a Telegram deep link: /start profile
            feature, command = linked, replace(command, args="")
        if feature is None:
            problem = Problem("command.unknown", {"text": echo("/" + command.name)})
            return problem_reply(self.services, I.UNKNOWN, lang, problem)
        try:
            if feature.parse is not None:
                query = feature.parse(self.services, command.args)
            else:  # the arguments are understood like a question, for this feature
                query = replace(self.matcher.match(command.args).query, intent=feature.intent)
        except UserFacingError as error:
            return problem_reply(self.services, feature.intent, lang, error.problem)
        return feature, replace(query, text=text, args=command.args)

    async def _serve(self, feature: Feature, query: Query, lang: str, message: IncomingMessage) -> Reply:
        if not await allowed(feature.access, self.services, message):
            line = (t(lang, feature.access.denied_key),)
            return Reply(intent=feature.intent, lang=lang, sections=(Section(None, line),), error=True, query=query)
        request = Request(self.services, query, lang, message)
        try:
            if feature.stored:  # the database may be slow or down: the loop keeps answering everyone else
                answered = await asyncio.wait_for(asyncio.to_thread(feature.handler, request), STORE_TIMEOUT_S)
            else:
                answered = feature.handler(request)
            reply = answered if isinstance(answered, Reply) else await answered
        except UserFacingError as error:  # "郑州算力券多少钱": not covered, with the frame that says why
            return replace(problem_reply(self.services, feature.intent, lang, error.problem), query=query)
        except TimeoutError:
            log.warning("%s: the database did not answer within %.0f s", feature.intent, STORE_TIMEOUT_S)
            return Reply(intent=feature.intent, lang=lang, sections=(Section(None, (t(lang, "store.busy"),)),),
                         error=True)  # fmt: skip
        if feature.intent in self._remembered:  # kept before the reply goes out: any replica continues from here
            await self.memory.record(message.chat_key, query)
        if not reply.brief:
            return replace(reply, query=query)
        token = self.services.recent.keep(message.chat_key, reply)  # "more" shows it under its own frame
        more = Button(t(lang, "button.details"), details_action(token))
        return replace(reply, query=query, buttons=(more, *reply.buttons))

    async def _guarded(self, platform: str, lang: str, work: Callable[[], Awaitable[Reply]]) -> Reply:
        """Anything unexpected is logged with its traceback and apologised for; the user never sees it."""
        try:
            return await work()
        except Exception:
            log.exception("failed to answer a %s message", platform)
            apology = (Section(None, (t(lang, "internal.apology"),)),)
            return Reply(intent=I.UNKNOWN, lang=lang, sections=apology, error=True)
