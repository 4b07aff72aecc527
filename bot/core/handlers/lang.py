"""``/lang ko|en|zh``: the reply language of this chat."""

from __future__ import annotations

from bot.core.i18n import t
from bot.core.reply import Reply, Section
from bot.core.request import Request
from bot.nlu import intents as I


async def answer(request: Request) -> Reply:
    choice = request.query.args.strip().lower()[:5]
    if not await request.services.preferences.set_lang(request.message.chat_key, choice):
        return Reply(intent=I.LANG, lang=request.lang, sections=(Section(None, (t(request.lang, "lang.usage"),)),))
    return Reply(intent=I.LANG, lang=choice, sections=(Section(None, (t(choice, "lang.set"),)),))
