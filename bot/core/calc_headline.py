"""The bottom answer of a calculation: what the most applicable program gives for the amount.

Programs reserved for a kind of firm the asker did not claim (a one-person-company voucher) come
last, and so do those whose amount the spend alone cannot prove (a matching reward on a provincial
grant); then current official programs come first, then those fitting the asker's traits, then the
amount. Ended, superseded and ineligible lines
never lead.
"""

from __future__ import annotations

from decimal import Decimal

from bot.core import numbers
from bot.core.describe import status_label
from bot.core.facts import fact, matching_variant, restricted_to, short_cite
from bot.core.i18n import t
from bot.core.services import Services
from bot.domain.calculator import ProgramResult
from bot.nlu.query import Query


def _amount(result: ProgramResult, traits: frozenset[str]) -> tuple[Decimal | None, str | None]:
    """The amount (a trait's variant when one fits) and the variant's label."""
    variant = matching_variant(result.program, traits)
    for outcome in result.variants:
        if variant is not None and outcome.variant == variant and outcome.outcome.subsidy_cny is not None:
            return outcome.outcome.subsidy_cny, variant.label.get("en")
    return result.subsidy_cny, None


def _a(label: str, lang: str) -> str:
    """An English label with its article ("an SME", "a one-person company")."""
    if lang != "en":
        return label
    vowel = label[:1].lower() in "aeiou" and not label.startswith("one")
    return ("an " if vowel or label.startswith("SME") else "a ") + label


def applicable(results: list[ProgramResult], query: Query) -> list[ProgramResult]:
    usable = [
        r
        for r in results
        if r.subsidy_cny is not None
        and r.eligible is not False
        and not r.freshness.expired
        and r.freshness.superseded_by is None
    ]

    def order(result: ProgramResult) -> tuple[int, int, int, int, Decimal]:
        amount = _amount(result, query.traits)[0] or Decimal(0)
        fits = matching_variant(result.program, query.traits) is not None
        others = len(restricted_to(result.program) - query.traits)  # a one-person-company voucher, asked by anyone
        unproven = result.eligible is not True  # a matching reward's base, a fixed award's conditions
        return (others, unproven, 0 if result.freshness.current_official else 1, 0 if fits else 1, -amount)

    return sorted(usable, key=order)


def calc_headline(services: Services, query: Query, results: list[ProgramResult], place: str, base: Decimal,
                  lang: str) -> tuple[str, ...]:  # fmt: skip
    ranked = applicable(results, query)
    spend = numbers.cny(base, lang)
    if not ranked:
        reason = t(lang, "calc.none_reason", count=len(results))
        return (t(lang, "calc.none", place=place, amount=spend), reason)
    lead = ranked[0]
    amount, _ = _amount(lead, query.traits)
    assert amount is not None
    rate = lead.program.formula.rate
    how = numbers.rate(rate) if rate is not None else t(lang, f"formula.{lead.program.formula.kind.value}")
    unstated = sorted(restricted_to(lead.program) - query.traits)  # an OPC voucher leads only when nothing else can
    who = " / ".join(_a(t(lang, f"trait.{x}"), lang) for x in unstated)
    key = "calc.head_only" if unstated else "calc.head"
    lines = [
        t(lang, key, who=who, place=place, amount=spend, subsidy=numbers.cny(amount, lang),
          name=lead.program.names.get(lang), how=how, status=status_label(lead.program, lead.freshness, lang)),
    ]  # fmt: skip
    proven = [r for r in ranked[1:] if r.eligible is True and not (restricted_to(r.program) - query.traits)]
    if proven:
        second = proven[0]
        second_amount = _amount(second, query.traits)[0]
        lines.append(t(lang, "calc.also", name=second.program.names.get(lang),
                       subsidy=numbers.cny(second_amount or Decimal(0), lang), count=len(proven)))  # fmt: skip
    krw = numbers.krw(services.fx.to_krw(amount), lang)
    key = "calc.krw_env" if services.fx.from_env else "calc.krw"
    lines.append(t(lang, key, krw=krw, date=numbers.date(services.fx.date)))
    for part in query.parts:  # "…12M investment. Grant, and deadline?": the second question, of the same program
        if part in ("window", "conditions"):
            lines.append(fact(lead.program, part, lead.freshness, query.traits, lang, with_status=False))
    lines.append(short_cite(lead.program, services.dataset))
    return tuple(lines)
