"""The ``subsidybot data check`` summary: places, programs, sources, drafts, expired."""

from __future__ import annotations

import datetime as dt
from collections import Counter

from bot.domain.dataset import Dataset
from bot.domain.freshness import judge
from bot.domain.schema import FormulaKind, Status, VerificationLevel
from bot.domain.staleness import stale_hints

COMPUTABLE = frozenset({FormulaKind.RATE_CAP, FormulaKind.FIXED_AWARD, FormulaKind.MATCHING})


def verification_counts(dataset: Dataset) -> Counter[VerificationLevel]:
    return Counter(program.verification.level for _, program in dataset.all_programs())


def computable_count(dataset: Dataset) -> int:
    """Programs whose amount can be computed from a spend: rate x base, a fixed award, matching."""
    return sum(1 for _, program in dataset.all_programs() if program.formula.kind in COMPUTABLE)


def summarize(dataset: Dataset, today: dt.date | None = None) -> str:
    day = today or dt.date.today()
    statuses: Counter[str] = Counter()
    kinds: Counter[str] = Counter()
    for _, program in dataset.all_programs():
        freshness = judge(program, day)
        statuses[freshness.effective.value] += 1
        if freshness.superseded_by:
            statuses["superseded"] += 1
        kinds[program.formula.kind.value] += 1
    likely = sum(len(stale_hints(place.programs, day)) for place in dataset.places.values())
    reliability = Counter(s.reliability.value for s in dataset.sources.values())
    newest = max((s.date for s in dataset.sources.values() if s.date), default=None)
    lines = [
        "data check: OK",
        f"places: {len(dataset.places)} ({', '.join(sorted(dataset.places))})",
        f"programs: {len(dataset.programs)}",
        "status (judged "
        + day.isoformat()
        + "): "
        + ", ".join(f"{s.value} {statuses[s.value]}" for s in Status)
        + f", superseded {statuses['superseded']}, likely superseded (check) {likely}",
        "formulas: " + ", ".join(f"{k} {v}" for k, v in sorted(kinds.items())),
        f"computable (rate_cap, fixed_award, matching): {computable_count(dataset)}",
        "verification: "
        + ", ".join(f"{level.value} {verification_counts(dataset)[level]}" for level in VerificationLevel),
        f"sources: {len(dataset.sources)} (" + ", ".join(f"{k} {v}" for k, v in sorted(reliability.items())) + ")",
        f"newest source: {newest.isoformat() if newest else '-'}",
        f"targets: {sum(len(p.targets) for p in dataset.places.values())}, "
        f"computing centers: {sum(len(p.computing_centers) for p in dataset.places.values())}",
    ]
    return "\n".join(lines)
