"""The reply to a user-facing problem: the localized message, plus what helps (places, usage)."""

from __future__ import annotations

from bot.core.describe import echo
from bot.core.i18n import t
from bot.core.reply import Reply, Section
from bot.core.services import Services
from bot.domain.errors import Problem
from bot.domain.schema import PlaceKind
from bot.nlu.query import Outside


def not_covered_lines(services: Services, outside: Outside, lang: str) -> list[str]:
    """A place we know but do not cover: say so, and point to its province and the nearest covered places."""
    name = echo(outside.name)
    if outside.abroad and not outside.nearby:
        return [t(lang, "outside.foreign", name=name)]
    lines = [t(lang, "outside.division", name=name)]
    places = services.dataset.places
    if outside.near is not None and outside.near.place in places:
        province = places[outside.near.place]
        kinds = ", ".join(dict.fromkeys(t(lang, f"type.{p.type.value}") for p in province.programs)) or "-"
        key = (
            "outside.city" if province.kind is PlaceKind.CITY else "outside.province"
        )  # 郑州 -> Henan, 위항구 -> Hangzhou
        lines.append(t(lang, key, province=province.names.get(lang), kinds=kinds, slug=province.slug))
    nearby = [places[r.place].names.get(lang) for r in outside.nearby if r.place in places]
    if nearby:
        lines.append(t(lang, "outside.nearby", names=", ".join(nearby)))
    return lines


def problem_reply(services: Services, intent: str, lang: str, problem: Problem) -> Reply:
    outside = problem.args.get("outside")
    if problem.key == "place.not_covered" and isinstance(outside, Outside):
        said = tuple(not_covered_lines(services, outside, lang))  # the answer itself: its headline, all of it
        return Reply(intent=intent, lang=lang, sections=(), error=True, headline=said, full=True)
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
