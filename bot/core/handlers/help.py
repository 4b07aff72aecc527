"""``/help`` and ``/start``: what the bot covers and how to ask."""

from __future__ import annotations

from bot.core.i18n import t
from bot.core.query import Query
from bot.core.reply import Reply, Section
from bot.core.services import Services

INTENT = "help"


def answer(services: Services, query: Query, lang: str) -> Reply:
    commands = tuple(t(lang, f"help.{name}") for name in ("subsidy", "city", "cities", "compare", "fx", "lang", "help"))
    return Reply(
        intent=INTENT,
        lang=lang,
        sections=(
            Section(t(lang, "help.title"), (t(lang, "help.intro"),)),
            Section(t(lang, "help.commands"), commands),
            Section(None, (t(lang, "help.amounts"), t(lang, "help.freshness"))),
        ),
    )


def unknown(lang: str, suggestions: tuple[str, ...] = ()) -> Reply:
    """What is covered, with examples, and no number; "did you mean" when an intent came close."""
    lines = [t(lang, "unknown.body"), t(lang, "unknown.examples")]
    if suggestions:
        examples = " · ".join(f"“{t(lang, f'suggest.{intent}')}”" for intent in suggestions)
        lines.insert(0, t(lang, "unknown.suggest", examples=examples))
    return Reply(intent="unknown", lang=lang, sections=(Section(t(lang, "unknown.title"), tuple(lines)),))
