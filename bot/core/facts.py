"""The one fact a question asks about a program, in one line: its cap, rate, budget, conditions ...

Also the check of a figure the user quotes ("상한이 500만이라던데 맞아?"), the variant that fits the
asker's traits, and a short citation (publisher and date) for headlines.
"""

from __future__ import annotations

from decimal import Decimal
from functools import lru_cache

from bot.core import numbers
from bot.core.citations import short_publisher
from bot.core.describe import first_sentence, key_numbers, status_label
from bot.core.i18n import t
from bot.domain.dataset import Dataset
from bot.domain.freshness import Freshness
from bot.domain.fx import FxRate
from bot.domain.schema import Program, Reliability, Variant
from bot.nlu.concepts import TRAITS
from bot.nlu.normalize import normalize


def short_cite(program: Program, dataset: Dataset) -> str:
    """``武汉市经济和信息化局 2025-08-01``: the most reliable source's publisher and date."""
    order = {r: i for i, r in enumerate((Reliability.OFFICIAL, Reliability.NEWS, Reliability.MIRROR))}
    sources = [dataset.source(ref.id) for ref in program.sources]
    best = min(sources, key=lambda s: (order.get(s.reliability, 9), -(s.date.toordinal() if s.date else 0)))
    publisher = short_publisher(best.publisher)
    return f"{publisher} {numbers.date(best.date, '')}".strip()


def matching_variant(program: Program, traits: frozenset[str]) -> Variant | None:
    """The variant whose label names one of the asker's traits (SME, startup, one-person company ...)."""
    if not traits:
        return None
    for variant in program.formula.variants:
        declared = set(getattr(variant, "traits", ()) or ())
        if declared & traits or _traits_named(variant.label.ko, variant.label.en, variant.label.zh) & traits:
            return variant
    return None


@lru_cache(maxsize=4096)
def _traits_named(*names: str) -> frozenset[str]:
    """The traits a name mentions ("1인 기업(OPC) 컴퓨팅 쿠폰" -> {opc})."""
    text = normalize(" ".join(names)).compact
    return frozenset(trait for trait, forms in TRAITS.items() if any(form in text for form in forms))


def restricted_to(program: Program) -> frozenset[str]:
    """The kinds of firm a program's name reserves it for."""
    return _traits_named(program.names.ko, program.names.en, program.names.zh)


def _money(value: Decimal | None, lang: str) -> str | None:
    return numbers.cny(value, lang) if value is not None else None


def fact(
    program: Program,
    aspect: str | None,
    freshness: Freshness,
    traits: frozenset[str],
    lang: str,
    with_status: bool = True,
) -> str:
    """The asked-for fact of ``program`` as one line (the key numbers when no aspect was asked). ``with_status``:
    the window says whether the program is open (off where the same lines say its status already)."""
    formula = program.formula
    variant = matching_variant(program, traits)
    if aspect == "rate":
        rate = variant.rate if variant and variant.rate is not None else formula.rate
        if rate is None:
            return t(lang, "fact.rate_none", numbers=key_numbers(program, lang) or "-")
        line = t(lang, "fact.rate", rate=numbers.rate(rate))
        return _with_variant(line, variant, lang)
    if aspect == "budget":
        if program.pool_cny is None:
            return t(lang, "fact.budget_none")
        period = f" ({program.pool_period.get(lang)})" if program.pool_period else ""
        return t(lang, "fact.budget", pool=numbers.cny(program.pool_cny, lang) + period)
    if aspect == "conditions":
        items = [c.get(lang) for c in program.conditions] + [th.text.get(lang) for th in formula.thresholds]
        return t(lang, "fact.conditions", items="; ".join(items)) if items else t(lang, "fact.conditions_none")
    if aspect == "apply":
        policy = program.policy.get(lang) if program.policy else (program.policy_zh or "")
        doc = f" {program.doc_number}" if program.doc_number else ""
        basis = f"{policy}{doc}".strip()
        if not (program.issuer or basis):
            return t(lang, "fact.apply_none")  # never a bare "-": say the data does not have it
        if not program.issuer:
            return t(lang, "fact.apply_basis", policy=basis)
        return t(lang, "fact.apply", issuer=program.issuer, policy=basis or "-")
    if aspect == "window":
        return t(lang, "fact.window", window=_window(program, freshness, lang, with_status))
    if aspect == "status":
        return t(lang, "fact.status", status=status_label(program, freshness, lang))
    if aspect == "minimum":
        minimum = _money(formula.min_base_cny, lang)
        smallest = _money(formula.minimum_cny, lang)
        if minimum:
            return t(lang, "fact.minimum", min=minimum)
        if smallest:
            return t(lang, "fact.minimum_award", min=smallest)
        floors = [th.text.get(lang) for th in formula.thresholds if th.min_cny is not None]  # "contracts above 20M"
        return t(lang, "fact.minimum_condition", items="; ".join(floors)) if floors else t(lang, "fact.minimum_none")
    if aspect == "clause":
        return t(lang, "info.clause", clause=program.clause_zh) if program.clause_zh else t(lang, "fact.clause_none")
    numbers_line = key_numbers(program, lang) or t(lang, "step.not_published")
    if variant is not None:
        return _with_variant(numbers_line, variant, lang)
    return numbers_line


def _with_variant(line: str, variant: Variant | None, lang: str) -> str:
    if variant is None:
        return line
    parts = [numbers.rate(variant.rate)] if variant.rate is not None else []
    if variant.cap_cny is not None:
        parts.append(t(lang, "kind.cap", cap=numbers.cny(variant.cap_cny, lang)))
    return f"{line} · {t(lang, 'fact.variant', label=variant.label.get(lang), numbers=' · '.join(parts) or '-')}"


def _window(program: Program, freshness: Freshness, lang: str, with_status: bool = True) -> str:
    window = program.window
    if window.start or window.last_day:
        span = f"{numbers.date(window.start, '…')} ~ {numbers.date(window.last_day, '…')}"
    else:
        span = t(lang, "fact.window_unknown")
    if freshness.days_left is not None and not freshness.not_started:  # "아직 해?": open today, and for how long
        span += f" · {t(lang, 'fact.days_left', days=freshness.days_left)}"
    note = f" ({first_sentence(window.note)})" if window.note and lang == "en" else ""  # the data's notes are English
    return f"{span}{note} · {status_label(program, freshness, lang)}" if with_status else f"{span}{note}"


def checked_value(program: Program, aspect: str | None) -> Decimal | None:
    """The recorded figure a quoted amount is compared with."""
    formula = program.formula
    if aspect == "budget":
        return program.pool_cny
    if aspect == "minimum":
        return formula.min_base_cny or formula.minimum_cny
    return formula.award_cny if formula.award_cny is not None else formula.cap_cny


def check_line(program: Program, aspect: str | None, quoted: Decimal, fx: FxRate, lang: str) -> str:
    """Confirm or correct a figure the user heard, against the data."""
    recorded = checked_value(program, aspect)
    heard = numbers.cny(quoted, lang)
    if recorded is None:
        return t(lang, "check.unknown", heard=heard)
    if recorded == quoted:
        return t(lang, "check.right", heard=heard)
    return t(lang, "check.wrong", heard=heard, recorded=numbers.cny(recorded, lang))
