"""A profile and its conditions in words: the profile summary line, each condition, each kind of firm."""

from __future__ import annotations

from bot.core import numbers
from bot.core.i18n import t
from bot.core.profile.conditions import Condition
from bot.core.profile.match import ProgramFit
from bot.core.profile.model import Profile
from bot.core.services import Services
from bot.domain.calculator import Reason
from bot.domain.dataset import Dataset


def kinds(values: frozenset[str] | set[str], lang: str) -> str:
    return ", ".join(t(lang, f"trait.{v}") for v in sorted(values))


def where(dataset: Dataset, place: str | None, district: str | None, lang: str) -> str:
    """A place and its district in the reader's language ("-" when none is known)."""
    found = dataset.places.get(place) if place else None
    if found is None:
        return t(lang, "profile.no_city")
    name = found.names.get(lang)
    part = next((d.names.get(lang) for d in found.districts if d.slug == district), None)
    if part is None:
        return name
    return part if part.startswith(name) else f"{name} {part}"  # not "베이징 베이징 경제기술개발구"


def summary(services: Services, profile: Profile, lang: str) -> tuple[str, ...]:
    """The profile as the bot understood it, field by field."""
    spends = ", ".join(
        t(lang, "profile.spend_item", kind=t(lang, f"spend.{kind.value}"), amount=numbers.cny(amount, lang))
        for kind, amount in profile.spends
    )
    lines = [
        t(lang, "profile.field.city", value=where(services.dataset, profile.city, profile.district, lang)),
        t(lang, "profile.field.kinds", value=kinds(profile.kinds, lang) or "-"),
    ]
    if profile.founded is not None:
        lines.append(t(lang, "profile.field.founded", value=profile.founded))
    lines.append(t(lang, "profile.field.filed", value=t(lang, f"filed.{profile.filed.value}")))
    lines.append(t(lang, "profile.field.spends", value=spends or "-"))
    if profile.revenue is not None:
        lines.append(t(lang, "profile.field.revenue", value=numbers.cny(profile.revenue, lang)))
    if profile.headcount is not None:
        lines.append(t(lang, "profile.field.headcount", value=profile.headcount))
    return tuple(lines)


def condition(dataset: Dataset, item: Condition, lang: str) -> str:
    """One condition in words (its state is said by the list it is in)."""
    text = item.text.get(lang) if item.text is not None else ""
    limit = numbers.cny(item.limit, lang) if item.limit is not None else ""
    if item.what in ("registration", "district"):
        return t(lang, f"cond.{item.what}", place=where(dataset, item.place, item.district, lang))
    if item.what == "audience":
        return t(lang, "cond.audience", kinds=kinds(item.traits, lang))
    if item.what == "minimum":
        return t(lang, "cond.minimum", limit=limit)
    if item.what == "filing" and not text:
        return t(lang, "cond.filing")
    if item.what == "threshold" and not text:
        return t(lang, "cond.spend_threshold", limit=limit)
    return t(lang, "cond.ownership", text=text) if item.what == "ownership" else text


def not_counted(fit: ProgramFit, lang: str) -> str:
    """Why a program is not in the total: a condition rules it out, the calculator's reason, or its status."""
    if fit.ruled_out:
        return t(lang, "reason.ruled_out")
    if fit.result is None:
        return t(lang, f"state.{fit.freshness.effective.value}")
    return t(lang, f"reason.{(fit.result.reason or Reason.CONDITION_TO_PROVE).value}")
