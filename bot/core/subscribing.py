"""Subscribe, unsubscribe, list subscriptions and announce: what is stored, and what the chat is told.

Who may do each is the registry's access rule, checked before these run; here the sender is trusted.
A subscription's scope is the place or program type the query names, else everything.
"""

from __future__ import annotations

import re

from bot.core.describe import echo
from bot.core.i18n import t
from bot.core.reply import Reply, Section
from bot.core.request import Request
from bot.core.services import Services
from bot.core.vocabulary import program_type_of
from bot.domain.errors import UserFacingError
from bot.nlu import intents as I
from bot.nlu.query import Query

ALL_WORDS = ("all", "전체", "全部")
# Between the places of one /subscribe, and the words that only say "both of them".
_LIST_SEPARATORS = re.compile(r"[\s,，、/+&]+|(?<=\S)(?:랑|이랑|하고|과|와|和|及)(?=\s|$)")
_FILLERS = frozenset({"and", "both", "둘다", "둘", "다", "모두", "전부", "및", "两个", "都", "两地"})


def _reply(intent: str, lang: str, *lines: str, error: bool = False) -> Reply:
    return Reply(intent=intent, lang=lang, sections=(Section(None, lines),), error=error)


def _unavailable(request: Request) -> Reply:
    return _reply(request.query.intent, request.lang, t(request.lang, "sub.unavailable"), error=True)


def parse_scope(services: Services, args: str) -> Query:
    """``/subscribe`` · ``/subscribe 우한`` · ``/subscribe 모델쿠폰``: everything, one place, or one type."""
    words = args.strip()
    if not words or words.lower() in ALL_WORDS:
        return Query(I.SUBSCRIBE, args=args)
    ref = services.gazetteer.resolve(words)
    if ref is not None:
        return Query(I.SUBSCRIBE, place=ref, places=(ref,), args=args)
    ptype = program_type_of(words)
    if ptype is not None:
        return Query(I.SUBSCRIBE, ptypes=frozenset({ptype}), args=args)
    names = [name for name in _LIST_SEPARATORS.split(words) if name and name.lower() not in _FILLERS]
    refs = [services.gazetteer.resolve(name) for name in names]
    if len(names) > 1 and all(refs):  # "/subscribe 항저우 닝보 둘다", "/subscribe wuhan, wuxi": each of them
        places = tuple(dict.fromkeys(r for r in refs if r is not None))
        return Query(I.SUBSCRIBE, place=places[0], places=places, args=args)
    suggestions = [r.place for r in services.gazetteer.suggest(words)]
    raise UserFacingError("place.unknown", text=echo(words), suggestions=suggestions)


def _scopes(query: Query) -> list[tuple[str, str]]:
    """What one subscription request covers: each place it names, else its program type, else everything."""
    places = query.places or ((query.place,) if query.place is not None else ())
    if places:
        return list(dict.fromkeys(("city", ref.place) for ref in places))
    if query.ptypes:
        return [("type", sorted(p.value for p in query.ptypes)[0])]
    return [("all", "")]


def subscribe(request: Request) -> Reply:
    store, message, lang = request.services.store, request.message, request.lang
    if store is None:
        return _unavailable(request)
    scopes = _scopes(request.query)
    new = [
        store.subscribe(message.platform, message.chat_id, message.chat_kind, scope, value, message.user_key, lang)
        for scope, value in scopes
    ]
    what = ", ".join(_label(request.services, scope, value, lang) for scope, value in scopes)
    return _reply(I.SUBSCRIBE, lang, t(lang, "sub.done" if any(new) else "sub.already", what=what))


def unsubscribe(request: Request) -> Reply:
    store, message, lang = request.services.store, request.message, request.lang
    if store is None:
        return _unavailable(request)
    return _reply(
        I.UNSUBSCRIBE, lang, t(lang, "unsub.done", count=store.unsubscribe(message.platform, message.chat_id))
    )


def subscriptions(request: Request) -> Reply:
    store, message, lang = request.services.store, request.message, request.lang
    if store is None:
        return _unavailable(request)
    subs = store.subscriptions_of(message.platform, message.chat_id)
    if not subs:
        return _reply(I.SUBSCRIPTIONS, lang, t(lang, "sub.none"))
    items = ", ".join(_label(request.services, s.scope, s.value, lang) for s in subs)
    return _reply(I.SUBSCRIPTIONS, lang, t(lang, "sub.list", items=items))


def announce(request: Request) -> Reply:
    store, message, lang = request.services.store, request.message, request.lang
    if store is None:
        return _unavailable(request)
    text = request.query.args.strip()
    if not text:
        return _reply(I.ANNOUNCE, lang, t(lang, "announce.usage"), error=True)
    _, count = store.announce("admin", text, None, message.chat_key)
    return _reply(I.ANNOUNCE, lang, t(lang, "announce.queued", count=count))


def _label(services: Services, scope: str, value: str, lang: str) -> str:
    if scope == "city" and value in services.dataset.places:
        return services.dataset.places[value].names.get(lang)
    if scope == "type":
        return t(lang, f"type.{value}")
    return t(lang, "sub.all")
