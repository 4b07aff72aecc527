"""The reply to a user-facing problem: the localized message, plus what helps (places, usage)."""

from __future__ import annotations

from bot.core.i18n import t
from bot.core.reply import Reply, Section
from bot.core.services import Services
from bot.domain.errors import Problem


def problem_reply(services: Services, intent: str, lang: str, problem: Problem) -> Reply:
    places = services.dataset.places
    suggestions = problem.args.get("suggestions")
    names = ""
    if isinstance(suggestions, list):
        names = ", ".join(f"{places[s].names.get(lang)} ({s})" for s in suggestions if s in places)
    params = {k: v for k, v in problem.args.items() if k != "suggestions"}
    if problem.key == "place.ambiguous":
        params["names"] = names
    lines = [t(lang, problem.key, **params)]
    if problem.key in ("place.unknown", "place.missing"):
        if names:
            lines.append(t(lang, "place.suggest", names=names))
        available = ", ".join(p.names.get(lang) for p in places.values() if p.programs)
        lines.append(t(lang, "place.available", names=available))
    if problem.kind == "amount" or problem.key == "program.unknown_word":
        lines.append(t(lang, "subsidy.usage"))
    return Reply(intent=intent, lang=lang, sections=(Section(t(lang, "error.title"), tuple(lines)),), error=True)
