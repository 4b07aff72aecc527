"""``자세히`` / ``more`` / ``详细`` / a details button: everything behind an answer's headline."""

from __future__ import annotations

from dataclasses import replace

from bot.core.i18n import t
from bot.core.reply import Reply, Section
from bot.core.request import Request
from bot.nlu import intents as I


def answer(request: Request) -> Reply:
    recent = request.services.recent
    token = request.query.args.strip()
    reply = recent.get(token) if token else recent.last(request.message.chat_key)
    if reply is None:
        return Reply(intent=I.DETAILS, lang=request.lang, sections=(Section(None, (t(request.lang, "details.none"),)),))
    return replace(reply, full=True, buttons=tuple(b for b in reply.buttons if not b.action.startswith("m|")))
