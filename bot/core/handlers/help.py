"""``/help`` and ``/start``: what the bot covers and how to ask; and the answer to what it did not understand.

The command lines and the question examples come from the registry, so a new feature shows up here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from bot.core.i18n import has, t
from bot.core.reply import Reply, Section
from bot.core.request import Request
from bot.nlu import intents as I

if TYPE_CHECKING:  # the registry imports this module to register its handler
    from bot.core.registry import Registry


def answer(request: Request, registry: Registry) -> Reply:
    lang = request.lang
    commands = tuple(t(lang, feature.help) for _, feature in registry.menu())
    questions = tuple(t(lang, f.help) for f in registry.features if not f.commands and has(lang, f.help))
    return Reply(
        intent=I.HELP,
        lang=lang,
        headline=(t(lang, "help.title"), t(lang, "help.intro"), *commands),
        sections=(
            Section(t(lang, "help.title"), (t(lang, "help.intro"),)),
            Section(t(lang, "help.commands"), commands),
            Section(t(lang, "help.ask"), questions),
            Section(None, (t(lang, "help.amounts"), t(lang, "help.freshness"))),
        ),
    )


def unknown(lang: str, suggestions: tuple[str, ...] = ()) -> Reply:
    """What is covered, with examples, and no number; "did you mean" when an intent came close."""
    lines = [t(lang, "unknown.body"), t(lang, "unknown.examples")]
    examples = " · ".join(f"“{t(lang, key)}”" for key in (f"suggest.{i}" for i in suggestions) if has(lang, key))
    if examples:
        lines.insert(0, t(lang, "unknown.suggest", examples=examples))
    return Reply(intent=I.UNKNOWN, lang=lang, sections=(Section(t(lang, "unknown.title"), tuple(lines)),))
