"""``/subscribe profile`` and ``/unsubscribe profile``: a person's own alerts, in their private chat.

The subscription is the user's, not the chat's: anyone may take it, it needs a stored profile, and its notices
go only to the user's private chat (Telegram: the chat whose id is the user's; Slack: the direct message). In a
group the answer is one line there and the confirmation in a direct message, as for the profile itself.
"""

from __future__ import annotations

from dataclasses import replace

from bot.core.i18n import t
from bot.core.message import IncomingMessage
from bot.core.profile.match import match
from bot.core.profile.model import from_json
from bot.core.profile.watch import DEADLINE_DAYS, counted, profile_digest, record
from bot.core.reply import Button, Reply, Section
from bot.core.request import Request

SUBSCRIBE = "profile_subscribe"
UNSUBSCRIBE = "profile_unsubscribe"


def _reply(intent: str, lang: str, *lines: str, buttons: tuple[Button, ...] = (), error: bool = False) -> Reply:
    return Reply(intent=intent, lang=lang, sections=(Section(None, lines),), buttons=buttons, error=error)


def private_chat(message: IncomingMessage) -> str:
    """Where a user's own notices go: this chat when it is private, else the user's (a Telegram private chat has
    the user's id; Slack's chat.postMessage to a user id is the direct message with the app)."""
    return message.chat_id if message.chat_kind == "private" else message.user_id


def _in_private(request: Request, reply: Reply) -> Reply:
    if request.message.chat_kind == "private":
        return reply
    notice = _reply(reply.intent, request.lang, t(request.lang, "profile.sub.in_dm"))
    return replace(notice, private=reply)


def _subscribe(request: Request) -> Reply:
    services, message, lang = request.services, request.message, request.lang
    if services.store is None:
        return _reply(SUBSCRIBE, lang, t(lang, "sub.unavailable"), error=True)
    stored = services.profiles.get(message.user_key)
    if stored is not None and stored.lang and request.query.text.startswith("/"):
        lang = stored.lang  # a command says nothing of the language: the profile dialogue's is kept
    profile = from_json(stored.data) if stored is not None else None
    if profile is None or profile.empty:
        start = Button(t(lang, "profile.button.start"), "p|show")
        return _reply(SUBSCRIBE, lang, t(lang, "profile.sub.no_profile"), buttons=(start,))
    watch = services.store.profile_watch
    new = watch.subscribe(message.user_key, message.platform, private_chat(message), lang)
    today = services.clock()
    matching = match(services.dataset, profile, today)
    now = counted(matching)
    if new:  # what fits today is what later changes are told against
        watch.baseline(message.user_key, profile_digest(profile), {k: record(f) for k, f in now.items()})
    lines = (
        t(lang, "profile.sub.done" if new else "profile.sub.already"),
        t(lang, "profile.sub.what", days=DEADLINE_DAYS),
        t(lang, "profile.sub.now", count=len(now)),
    )
    return _reply(SUBSCRIBE, lang, *lines, buttons=(Button(t(lang, "profile.button.match"), "p|match"),))


def _unsubscribe(request: Request) -> Reply:
    services, message, lang = request.services, request.message, request.lang
    if services.store is None:
        return _reply(UNSUBSCRIBE, lang, t(lang, "sub.unavailable"), error=True)
    stopped = services.store.profile_watch.unsubscribe(message.user_key)
    return _reply(UNSUBSCRIBE, lang, t(lang, "profile.unsub.done" if stopped else "profile.unsub.none"))


def subscribe(request: Request) -> Reply:
    return _in_private(request, _subscribe(request))


def unsubscribe(request: Request) -> Reply:
    return _in_private(request, _unsubscribe(request))
