"""Subscribe, unsubscribe and announce: understood now, delivered once the announcements issue lands."""

from __future__ import annotations

from bot.core.i18n import t
from bot.core.query import Query
from bot.core.reply import Reply, Section
from bot.core.services import Services


def answer(services: Services, query: Query, lang: str) -> Reply:
    return Reply(
        intent=query.intent,
        lang=lang,
        sections=(Section(None, (t(lang, f"subscription.{query.intent}"), t(lang, "subscription.later"))),),
    )
