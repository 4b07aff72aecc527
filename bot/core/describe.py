"""Words for programs: status labels, key numbers, and the formula line by line."""

from __future__ import annotations

from decimal import Decimal

from bot.core import numbers
from bot.core.i18n import t
from bot.domain.calculator import Outcome, ProgramResult, Step, StepKind
from bot.domain.freshness import Freshness
from bot.domain.fx import FxRate
from bot.domain.schema import Formula, FormulaKind, Program, Status, VerificationLevel

MAX_USER_ECHO = 40
DRAFT_WORDS = ("의견수렴", "초안", "draft", "征求意见")


def echo(text: str) -> str:
    """User text shown back in an answer: trimmed, one line (adapters escape it)."""
    one_line = " ".join(text.split())
    return one_line if len(one_line) <= MAX_USER_ECHO else one_line[: MAX_USER_ECHO - 1] + "…"


def status_label(program: Program, freshness: Freshness, lang: str) -> str:
    """The status judged today, then the verification level in a word: ``final, to 2026-12-17 · reprint``."""
    label = _status_words(program, freshness, lang)
    if freshness.likely_superseded is not None:
        label = f"{label}, {t(lang, 'status.likely_superseded')}"
    level = program.verification.level
    if level is VerificationLevel.DRAFT and freshness.declared is Status.DRAFT:
        return label  # "draft for comment" already says it; no doubled label
    return f"{label} · {t(lang, f'verification.{level.value}')}"


def _status_words(program: Program, freshness: Freshness, lang: str) -> str:
    window = program.window
    last_day = window.last_day
    if freshness.expired:
        if last_day is not None:
            label = t(lang, "status.expired", date=numbers.date(last_day))
        else:
            label = t(lang, "status.expired_declared")
        if freshness.declared in (Status.DRAFT, Status.REPORTED_ONLY):
            label = f"{t(lang, f'status.{freshness.declared.value}')}, {label}"
        return label
    if freshness.not_started and window.start is not None:
        return t(lang, "status.not_started", date=numbers.date(window.start))
    label = t(lang, f"status.{freshness.declared.value}")
    if last_day is not None:
        label = f"{label}, {t(lang, 'status.ends', date=numbers.date(last_day))}"
    return label


def program_title(program: Program, freshness: Freshness, lang: str) -> str:
    """``Name [status]``, without saying "draft" twice when the name already does."""
    name = program.names.get(lang)
    label = status_label(program, freshness, lang)
    draft = t(lang, "status.draft")
    if freshness.declared is Status.DRAFT and any(word in name for word in (draft, *DRAFT_WORDS)):
        label = label.replace(draft, "").strip(" ,")
    return f"{name} [{label}]" if label else name


def key_numbers(program: Program, lang: str) -> str:
    """``30% · 최대 100만 위안 · 예산 1억 위안`` for a one-line summary."""
    formula = program.formula
    parts: list[str] = []
    if formula.rate is not None:
        parts.append(t(lang, "kind.rate", rate=numbers.rate(formula.rate)))
    if formula.kind is FormulaKind.MATCHING and formula.ratio is not None:
        parts.append(t(lang, "kind.matching", ratio=numbers.ratio(formula.ratio)))
    if formula.award_cny is not None:
        parts.append(t(lang, "kind.award", award=numbers.cny(formula.award_cny, lang)))
    if formula.default_cap_cny is not None:
        parts.append(t(lang, "kind.cap_in_principle", cap=numbers.cny(formula.default_cap_cny, lang)))
    if formula.cap_cny is not None:
        parts.append(t(lang, "kind.cap", cap=numbers.cny(formula.cap_cny, lang)))
    if formula.min_base_cny is not None:
        parts.append(t(lang, "kind.min_base", min=numbers.cny(formula.min_base_cny, lang)))
    if program.pool_cny is not None:
        pool = numbers.cny(program.pool_cny, lang)
        if program.pool_period is not None:
            pool = f"{pool} ({program.pool_period.get(lang)})"
        parts.append(t(lang, "kind.pool", pool=pool))
    if formula.kind in (FormulaKind.POOL_ONLY, FormulaKind.NOT_PUBLISHED):
        parts.append(t(lang, f"step.{formula.kind.value}"))
    return " · ".join(parts)


def step_line(step: Step, formula: Formula, lang: str) -> str:
    def money(value: Decimal | None) -> str:
        return numbers.cny(value, lang) if value is not None else "?"

    params: dict[str, str] = {
        "rate": numbers.rate(step.rate) if step.rate is not None else "",
        "base": money(step.base),
        "value": money(step.value),
        "limit": money(step.limit),
    }
    if step.kind is StepKind.MATCHING and step.rate is not None:
        params["ratio"] = numbers.ratio(step.rate)
        params["factor"] = numbers.plain(step.rate)
    if step.index is not None:
        params["text"] = formula.thresholds[step.index].text.get(lang)
    return t(lang, f"step.{step.kind.value}", **params)


def result_line(outcome: Outcome, fx: FxRate, lang: str) -> str:
    if outcome.subsidy_cny is None:
        return t(lang, "result.no_number")
    if outcome.eligible is False:
        return t(lang, "result.not_eligible")
    cny = numbers.cny(outcome.subsidy_cny, lang)
    krw = numbers.krw(fx.to_krw(outcome.subsidy_cny), lang)
    if outcome.upper_cny is not None:
        return t(lang, "result.in_principle", cny=cny, krw=krw, upper=numbers.cny(outcome.upper_cny, lang))
    if outcome.cap_unpublished:
        return t(lang, "result.cap_unpublished", cny=cny, krw=krw)
    key = "result.conditional" if outcome.eligible is None else "result.amount"
    return t(lang, key, cny=cny, krw=krw)


def outcome_lines(outcome: Outcome, formula: Formula, fx: FxRate, lang: str) -> list[str]:
    lines = [step_line(step, formula, lang) for step in outcome.steps]
    lines.append(result_line(outcome, fx, lang))
    return lines


def result_lines(result: ProgramResult, fx: FxRate, lang: str, partner: str | None = None) -> list[str]:
    """The main formula, then each variant (startups, SMEs ...) on its own lines, then the
    stacking with another program (``partner`` is that program's name)."""
    formula = result.program.formula
    lines = outcome_lines(result.outcome, formula, fx, lang)
    for variant in result.variants:
        steps = outcome_lines(variant.outcome, formula, fx, lang)
        lines.append(t(lang, "line.variant", label=variant.variant.label.get(lang)) + " ; ".join(steps))
    stack = result.stack
    if stack is not None and partner is not None:
        key = "step.stack_capped" if stack.ceiling_applied else "step.stack"
        lines.append(
            t(
                lang,
                key,
                name=partner,
                value=numbers.cny(stack.combined_cny, lang),
                limit=numbers.cny(stack.ceiling_cny, lang),
            )
        )
    return lines


def first_sentence(text: str) -> str:
    """The first sentence of a note, for compact answers (the full note is in program answers)."""
    for end in (". ", "。", "다. "):
        index = text.find(end)
        if 0 < index < len(text) - len(end):
            return text[: index + len(end)].strip()
    return text


def context_lines(program: Program, lang: str, brief: bool = False, with_pool: bool = True) -> list[str]:
    """Base, period, pool, conditions, conflicts: what a reader needs next to the number."""
    formula = program.formula
    lines: list[str] = []
    if formula.base is not None:
        lines.append(t(lang, "line.base", base=formula.base.get(lang)))
    if formula.period is not None:
        lines.append(t(lang, "line.period", period=formula.period.get(lang)))
    if program.pool_cny is not None and with_pool:
        pool = numbers.cny(program.pool_cny, lang)
        if program.pool_period:
            lines.append(t(lang, "line.pool", pool=pool, period=program.pool_period.get(lang)))
        else:
            lines.append(t(lang, "line.pool_plain", pool=pool))
    if program.conditions:
        conditions = "; ".join(c.get(lang) for c in program.conditions)
        lines.append(t(lang, "line.conditions", conditions=conditions))
    notes = [c.get(lang) for c in program.conflicts]
    if brief:
        notes = [first_sentence(note) for note in notes[:1]]
    lines.extend(t(lang, "line.conflict", text=note) for note in notes)
    return lines
