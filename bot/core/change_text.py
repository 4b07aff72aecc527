"""The words of a data-change announcement, in each language."""

from __future__ import annotations

from decimal import Decimal

from bot.core import numbers
from bot.core.i18n import t
from bot.domain.changes import Change
from bot.domain.dataset import Dataset

LANGS = ("ko", "en", "zh")


def _value(name: str, value: str, lang: str) -> str:
    if name in ("rate", "ratio"):
        return numbers.rate(Decimal(value)) if name == "rate" else value
    return numbers.cny(Decimal(value), lang)


def texts(change: Change, dataset: Dataset) -> dict[str, str]:
    program = dataset.programs[change.program_id]
    place = dataset.places[change.place]
    out = {}
    for lang in LANGS:
        head = f"{place.names.get(lang)} · {program.names.get(lang)}"
        if change.kind == "new":
            body = t(lang, "change.new")
        elif change.kind == "numbers":
            parts = [
                f"{t(lang, 'field.' + k)}: {_value(k, change.before[k], lang) if k in change.before else '-'} → "
                f"{_value(k, v, lang)}"
                for k, v in change.after.items()
                if change.before.get(k) != v
            ]
            body = t(lang, "change.numbers", details="; ".join(parts))
        elif change.kind == "status":
            body = t(lang, "change.status", before=t(lang, "state." + change.before["status"]),
                     after=t(lang, "state." + change.after["status"]))  # fmt: skip
        else:
            body = t(lang, "change.reminder", date=change.after["ends"])
        out[lang] = f"{head}\n{body}\n{t(lang, 'change.more', place=change.place)}"
    return out
