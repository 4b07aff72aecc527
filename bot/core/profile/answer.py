"""The answer to a profile: the best place and its estimated total first, then every place's programs.

Headline: the best place and its total (current official programs only), the next places, the total in won
and the leading program's short citation. Details: the profile as understood; per place each program that
counts with its amount and math, the conditions still to prove, the window, the issuer; what does not
count and why; drafts, reports and ended programs apart. Nothing fits: the nearest programs and what would
make them fit. Always the reminder that the issuing agency decides.
"""

from __future__ import annotations

from decimal import Decimal

from bot.charts.spec import Bar, ChartSpec
from bot.core import numbers
from bot.core.citations import CitationBook
from bot.core.describe import key_numbers, program_title, step_line
from bot.core.facts import fact, short_cite
from bot.core.handlers.common import fx_line, today_line
from bot.core.i18n import t
from bot.core.profile import words
from bot.core.profile.conditions import Check
from bot.core.profile.match import Matching, PlaceFit, ProgramFit
from bot.core.reply import Button, Reply, Section
from bot.core.services import Services

INTENT = "profile"
HEAD_PLACES = 3
DETAIL_PLACES = 5
MAX_APART = 8
MAX_NEAREST = 3
MAX_CHART_BARS = 10


def _place(services: Services, fit: PlaceFit, lang: str) -> str:
    return words.where(services.dataset, fit.place, fit.district, lang)


def _headline(services: Services, matching: Matching, lang: str) -> tuple[str, ...]:
    fitting = matching.fitting
    best = fitting[0]
    total = best.total_cny
    lines = [t(lang, "profile.head", place=_place(services, best, lang), total=numbers.cny(total, lang),
               count=len(best.counted))]  # fmt: skip
    others = [f"{_place(services, f, lang)} {numbers.cny(f.total_cny, lang)}" for f in fitting[1:HEAD_PLACES]]
    home = matching.of(matching.profile.city) if matching.profile.city else None
    if home is not None and home not in fitting[:HEAD_PLACES]:
        others.append(t(lang, "profile.home", place=_place(services, home, lang),
                        total=numbers.cny(home.total_cny, lang)))  # fmt: skip
    if others:
        lines.append(t(lang, "profile.next", places=" · ".join(others)))
    key = "calc.krw_env" if services.fx.from_env else "calc.krw"
    lines.append(t(lang, key, krw=numbers.krw(services.fx.to_krw(total), lang), date=numbers.date(services.fx.date)))
    lines.append(short_cite(best.counted[0].program, services.dataset))
    return tuple(lines)


def _conditions_line(services: Services, fit: ProgramFit, lang: str) -> str | None:
    proving = [words.condition(services.dataset, c, lang) for c in fit.to_prove]
    proving = [c for c in dict.fromkeys(proving) if c]
    return t(lang, "profile.to_prove", items="; ".join(proving)) if proving else None


def _math(fit: ProgramFit, lang: str) -> str:
    assert fit.result is not None
    formula = fit.program.formula
    steps = [step_line(step, formula, lang) for step in fit.result.line.steps]
    if fit.result.applied is not None:
        steps.insert(0, fit.result.applied.variant.label.get(lang))
    stack = fit.result.stack
    if stack is not None:
        steps.append(t(lang, "profile.stacked", total=numbers.cny(stack.combined_cny, lang),
                       ceiling=numbers.cny(stack.ceiling_cny, lang)))  # fmt: skip
    return " · ".join(steps)


def _program_lines(
    services: Services, fit: ProgramFit, kinds: frozenset[str], lang: str, book: CitationBook
) -> list[str]:
    program = fit.program
    amount = numbers.cny(fit.counted_cny, lang)
    spend = t(lang, f"spend.{fit.spend.value}") if fit.spend is not None else ""
    lines = [
        t(lang, "profile.program", name=program_title(program, fit.freshness, lang), amount=amount, spend=spend,
          refs=book.ref(program.sources)),
        f"   {_math(fit, lang)}",
    ]  # fmt: skip
    proving = _conditions_line(services, fit, lang)
    if proving:
        lines.append(f"   {proving}")
    lines.append(f"   {fact(program, 'window', fit.freshness, kinds, lang)}")
    if program.issuer:
        lines.append(f"   {fact(program, 'apply', fit.freshness, kinds, lang)}")
    return lines


def _not_counted_line(fit: ProgramFit, lang: str, book: CitationBook) -> str:
    assert fit.result is not None
    amount = fit.amount_cny
    value = f" → {numbers.cny(amount, lang)}" if amount is not None else ""
    reason = words.not_counted(fit, lang)
    return t(lang, "profile.not_counted", name=fit.program.names.get(lang), value=value, reason=reason,
             refs=book.ref(fit.program.sources))  # fmt: skip


def _place_section(
    services: Services, rank: int, fit: PlaceFit, kinds: frozenset[str], lang: str, book: CitationBook
) -> Section:
    title = t(lang, "profile.place_title", rank=rank, place=_place(services, fit, lang),
              total=numbers.cny(fit.total_cny, lang))  # fmt: skip
    lines: list[str] = []
    for item in fit.counted:
        lines.extend(_program_lines(services, item, kinds, lang, book))
    others = [f for f in fit.fits if f.result is not None and not f.counts and f.freshness.current_official]
    lines.extend(_not_counted_line(f, lang, book) for f in others)
    return Section(title, tuple(lines))


def _apart_section(services: Services, matching: Matching, lang: str, book: CitationBook) -> Section | None:
    apart = [f for place in matching.places for f in place.apart]
    if not apart:
        return None
    apart.sort(key=lambda f: (f.freshness.rank, -(f.amount_cny or Decimal(0))))
    lines = []
    for fit in apart[:MAX_APART]:
        value = f" → {numbers.cny(fit.amount_cny, lang)}" if fit.amount_cny is not None else ""
        place = words.where(services.dataset, fit.place, None, lang)
        lines.append(t(lang, "profile.apart_line", place=place, name=program_title(fit.program, fit.freshness, lang),
                       value=value, refs=book.ref(fit.program.sources)))  # fmt: skip
    if len(apart) > MAX_APART:
        lines.append(t(lang, "compare.more", count=len(apart) - MAX_APART))
    return Section(t(lang, "profile.apart"), tuple(lines))


def _nearest(matching: Matching) -> list[ProgramFit]:
    """Current official programs with a formula that would give a number once something changes."""
    near = [
        f
        for place in matching.places
        for f in place.fits
        if f.freshness.current_official and f.program.formula.rate is not None and not f.counts
    ]
    near.sort(key=lambda f: (f.result is None, -(f.program.formula.cap_cny or Decimal(0))))
    return near


def _what_would_fit(services: Services, fit: ProgramFit, lang: str) -> str:
    """What would make a program count: a spend of its kind, a kind of firm, a larger spend, a district."""
    needs = [words.condition(services.dataset, c, lang) for c in fit.conditions if c.check is Check.NOT_MET]
    if fit.result is None and fit.spend is not None:
        needs.insert(0, t(lang, "profile.needs_spend", kind=t(lang, f"spend.{fit.spend.value}")))
    elif fit.result is not None and fit.result.reason is not None and not needs:
        needs.append(t(lang, f"reason.{fit.result.reason.value}"))
    return "; ".join(dict.fromkeys(n for n in needs if n)) or t(lang, "reason.condition_to_prove")


def _nearest_lines(services: Services, matching: Matching, lang: str, book: CitationBook) -> list[str]:
    lines = []
    for fit in _nearest(matching)[:MAX_NEAREST]:
        place = words.where(services.dataset, fit.place, fit.program.district, lang)
        lines.append(t(lang, "profile.nearest", place=place, name=fit.program.names.get(lang),
                       numbers=key_numbers(fit.program, lang), needs=_what_would_fit(services, fit, lang),
                       refs=book.ref(fit.program.sources)))  # fmt: skip
    return lines


def _chart(services: Services, matching: Matching, lang: str) -> ChartSpec:
    bars = tuple(
        Bar(_place(services, f, lang)[:28], f.total_cny, official=True, note=str(len(f.counted)))
        for f in matching.fitting[:MAX_CHART_BARS]
    )
    footnote = f"{t(lang, 'profile.chart_note')} · {t(lang, 'today.line', today=numbers.date(matching.today))}"
    return ChartSpec(t(lang, "profile.chart_title"), bars, t(lang, "chart.subsidy"), footnote, filename="profile.png")


def buttons(lang: str) -> tuple[Button, ...]:
    """Change one answer and recompute: another city, another spend; or look at the profile."""
    return (
        Button(t(lang, "profile.button.city"), "p|edit|city"),
        Button(t(lang, "profile.button.spend"), "p|edit|spend"),
        Button(t(lang, "profile.button.show"), "p|show"),
    )


def answer(services: Services, matching: Matching, lang: str) -> Reply:
    book = CitationBook(services.dataset)
    profile = matching.profile
    head = Section(t(lang, "profile.title"), (*words.summary(services, profile, lang),
                   fx_line(services, lang, book), today_line(services, lang)))  # fmt: skip
    sections = [head]
    fitting = matching.fitting
    if fitting:
        headline = _headline(services, matching, lang)
        shown = enumerate(fitting[:DETAIL_PLACES], 1)
        sections += [_place_section(services, i, f, profile.kinds, lang, book) for i, f in shown]
        rest = [
            t(lang, "profile.place_row", rank=i, place=_place(services, f, lang), total=numbers.cny(f.total_cny, lang))
            for i, f in enumerate(fitting[DETAIL_PLACES:], DETAIL_PLACES + 1)
        ]
        if rest:
            sections.append(Section(t(lang, "profile.more_places"), tuple(rest)))
    else:
        nearest = _nearest_lines(services, matching, lang, book)
        key = "profile.none_spends" if not profile.spends else "profile.none"
        headline = (t(lang, key), *nearest[:2])
        sections.append(Section(t(lang, "profile.nearest_title"), tuple(nearest) or (t(lang, "compare.none"),)))
    apart = _apart_section(services, matching, lang, book)
    if apart is not None:
        sections.append(apart)
    if "foreign" in profile.kinds:
        sections.append(Section(None, (t(lang, "profile.foreign"),)))
    return Reply(
        intent=INTENT,
        lang=lang,
        sections=tuple(sections),
        sources=book.citations(),
        chart=_chart(services, matching, lang) if len(fitting) > 1 else None,
        headline=headline,
        footer=(t(lang, "profile.reminder"),),
        buttons=buttons(lang),
    )
