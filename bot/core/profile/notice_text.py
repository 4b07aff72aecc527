"""The words of a profile notice, in each language: what changed, the amount for the profile, the source.

Only the subscriber's own profile goes into it: the program, its place, the amount computed for the profile's
spend, the window, the most reliable source with its date, and the reminder that the issuing agency decides.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from decimal import Decimal

from bot.core import numbers
from bot.core.describe import program_title
from bot.core.facts import short_cite
from bot.core.i18n import t
from bot.core.profile import words
from bot.core.profile.watch import Item, record
from bot.domain.dataset import Dataset

LANGS = ("ko", "en", "zh")
MAX_ITEMS = 5  # one message per run: the first five things, then "and N more"
ORDER = ("new", "changed", "deadline", "lost")


def _changed(before: str | None, now: str, lang: str) -> str:
    """What differs between two records (``amount|status|conditions``)."""
    was = (before or "||").split("|")
    is_ = now.split("|")
    parts = []
    if was[0] != is_[0] and was[0]:
        parts.append(t(lang, "profile.notice.was_amount", before=numbers.cny(Decimal(was[0]), lang)))
    if was[1] != is_[1] and was[1]:
        parts.append(t(lang, "profile.notice.was_status", before=t(lang, f"state.{was[1]}")))
    if was[2] != is_[2]:
        parts.append(t(lang, "profile.notice.conditions"))
    return "; ".join(parts) or t(lang, "profile.notice.conditions")


def _lines(dataset: Dataset, item: Item, today: dt.date, lang: str) -> list[str]:
    fit = item.fit
    place = words.where(dataset, fit.place, fit.program.district, lang)
    name = program_title(fit.program, fit.freshness, lang)
    cite = short_cite(fit.program, dataset)
    if item.kind == "lost":
        return [t(lang, "profile.notice.lost", place=place, name=name, reason=words.not_counted(fit, lang)),
                f"   {cite}"]  # fmt: skip
    if item.kind == "deadline":
        end = fit.program.window.last_day
        assert end is not None
        head = t(lang, "profile.notice.deadline", place=place, name=name, date=numbers.date(end),
                 days=(end - today).days)  # fmt: skip
    elif item.kind == "changed":
        head = t(lang, "profile.notice.changed", place=place, name=name, what=_changed(item.before, record(fit), lang))
    else:
        head = t(lang, "profile.notice.new", place=place, name=name)
    spend = t(lang, f"spend.{fit.spend.value}") if fit.spend is not None else "-"
    return [head, "   " + t(lang, "profile.notice.amount", amount=numbers.cny(fit.counted_cny, lang), spend=spend,
                             cite=cite)]  # fmt: skip


def texts(dataset: Dataset, items: Sequence[Item], today: dt.date) -> dict[str, str]:
    """The notice in Korean, English and Chinese (the chat's language is chosen when it is sent)."""
    ordered = sorted(items, key=lambda i: (ORDER.index(i.kind), -i.fit.counted_cny, i.fit.program.id))
    out = {}
    for lang in LANGS:
        lines = [t(lang, "profile.notice.title")]
        for item in ordered[:MAX_ITEMS]:
            lines.extend(_lines(dataset, item, today, lang))
        if len(ordered) > MAX_ITEMS:
            lines.append(t(lang, "compare.more", count=len(ordered) - MAX_ITEMS))
        lines += ["", t(lang, "profile.reminder"), t(lang, "profile.notice.footer")]
        out[lang] = "\n".join(lines)
    return out
