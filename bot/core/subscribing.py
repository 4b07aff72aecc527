"""/subscribe [city|all], /unsubscribe, /subscriptions and /announce: who may, and what is stored.

In a private chat anyone subscribes that chat; in groups and channels only the chat's admins (the
adapter says who is one); announcing is for BOT_ADMINS only.
"""

from __future__ import annotations

from bot.core.describe import echo
from bot.core.i18n import t
from bot.core.message import IncomingMessage
from bot.core.reply import Reply, Section
from bot.core.services import Services
from bot.core.vocabulary import program_type_of
from bot.domain.errors import UserFacingError

SUBSCRIPTION_COMMANDS = frozenset({"subscribe", "unsubscribe", "subscriptions", "announce"})


def _reply(intent: str, lang: str, *lines: str, error: bool = False) -> Reply:
    return Reply(intent=intent, lang=lang, sections=(Section(None, lines),), error=error)


def may_manage(message: IncomingMessage) -> bool:
    return message.chat_kind == "private" or message.is_chat_admin is True


def is_bot_admin(services: Services, message: IncomingMessage) -> bool:
    return f"{message.platform}:{message.user_id}" in services.admins


def handle(services: Services, message: IncomingMessage, name: str, args: str, lang: str) -> Reply:
    intent = "subscribe" if name == "subscriptions" else name
    store = services.store
    if store is None:
        return _reply(intent, lang, t(lang, "sub.unavailable"), error=True)
    platform, chat = message.platform, message.chat_id
    if name == "subscriptions":
        subs = store.subscriptions_of(platform, chat)
        if not subs:
            return _reply(intent, lang, t(lang, "sub.none"))
        items = ", ".join(_label(services, s.scope, s.value, lang) for s in subs)
        return _reply(intent, lang, t(lang, "sub.list", items=items))
    if name == "announce":
        return _announce(services, message, args, lang)
    if not may_manage(message):
        return _reply(intent, lang, t(lang, "sub.admins_only"), error=True)
    if name == "unsubscribe":
        return _reply(intent, lang, t(lang, "unsub.done", count=store.unsubscribe(platform, chat)))
    scope, value = _scope(services, args)
    new = store.subscribe(platform, chat, message.chat_kind, scope, value, f"{platform}:{message.user_id}", lang)
    what = _label(services, scope, value, lang)
    return _reply(intent, lang, t(lang, "sub.done" if new else "sub.already", what=what))


def _scope(services: Services, args: str) -> tuple[str, str]:
    words = args.strip()
    if not words or words.lower() in ("all", "전체", "全部"):
        return "all", ""
    ref = services.gazetteer.resolve(words)
    ptype = program_type_of(words) if ref is None else None
    if ptype is not None:
        return "type", ptype.value
    if ref is None:
        suggestions = [r.place for r in services.gazetteer.suggest(words)]
        raise UserFacingError("place.unknown", text=echo(words), suggestions=suggestions)
    return "city", ref.place


def _label(services: Services, scope: str, value: str, lang: str) -> str:
    if scope == "city" and value in services.dataset.places:
        return services.dataset.places[value].names.get(lang)
    if scope == "type":
        return t(lang, f"type.{value}")
    return t(lang, "sub.all")


def _announce(services: Services, message: IncomingMessage, args: str, lang: str) -> Reply:
    if not is_bot_admin(services, message):
        return _reply("announce", lang, t(lang, "announce.admins_only"), error=True)
    text = args.strip()
    if not text:
        return _reply("announce", lang, t(lang, "announce.usage"), error=True)
    assert services.store is not None
    author = f"{message.platform}:{message.chat_id}"
    _, count = services.store.announce("admin", text, None, author)
    return _reply("announce", lang, t(lang, "announce.queued", count=count))
