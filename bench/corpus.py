"""Score the matcher on the phrasing corpus: accuracy per split and language.

``python -m bench.corpus`` prints the figures the README quotes; ``--misses`` lists the
training split's misses (the hold-out split's rows are never printed, so nobody tunes on them).
"""

from __future__ import annotations

import sys
from collections import Counter
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

import yaml

from bot.core.registry import REGISTRY
from bot.domain.dataset import Dataset, load_dataset
from bot.nlu.context import ConversationMemory
from bot.nlu.matcher import IntentMatcher
from bot.nlu.query import Query

CORPUS = Path(__file__).resolve().parents[1] / "tests" / "corpus"
SPLITS = {"train": "phrasings.yaml", "dev": "dev.yaml", "holdout": "holdout.yaml"}


@dataclass(frozen=True)
class Scored:
    row: dict[str, Any]
    query: Query
    problems: tuple[str, ...]

    @property
    def ok(self) -> bool:
        return not self.problems


def load(split: str) -> list[dict[str, Any]]:
    rows = yaml.safe_load((CORPUS / SPLITS[split]).read_text(encoding="utf-8"))
    assert isinstance(rows, list)
    return rows


def check(row: dict[str, Any], query: Query) -> tuple[str, ...]:
    problems = []
    if query.intent != row["intent"]:
        problems.append(f"intent {query.intent} != {row['intent']}")
    place = query.place.place if query.place else None
    if "city" in row and place != row["city"]:
        problems.append(f"city {place} != {row['city']}")
    if "city" not in row and "cities" not in row and "ambiguous" not in row and place is not None:
        problems.append(f"city {place} found but none expected")
    if "district" in row and (query.place is None or query.place.district != row["district"]):
        problems.append(f"district != {row['district']}")
    if "ptype" in row and row["ptype"] not in {p.value for p in query.ptypes}:
        problems.append(f"ptype {sorted(p.value for p in query.ptypes)} lacks {row['ptype']}")
    if "amount" in row:
        money = query.money
        if (
            money is None
            or money.amount != Decimal(str(row["amount"]))
            or money.currency.value != row.get("currency", "CNY")
        ):
            problems.append(f"amount {money} != {row['amount']} {row.get('currency', 'CNY')}")
    if "cities" in row and [p.place for p in query.places] != list(row["cities"]):
        problems.append(f"cities {[p.place for p in query.places]} != {row['cities']}")
    if "ambiguous" in row and {p.place for p in query.ambiguous} != set(row["ambiguous"]):
        problems.append(f"ambiguous {[p.place for p in query.ambiguous]} != {row['ambiguous']}")
    return tuple(problems)


def score(matcher: IntentMatcher, rows: list[dict[str, Any]]) -> list[Scored]:
    out = []
    for row in rows:
        memory = ConversationMemory()
        if row.get("after"):
            first = matcher.match(str(row["after"])).query
            if first.intent in REGISTRY.remembered():
                memory.remember("c", first)
        query = matcher.match(str(row["text"]), memory.last("c")).query
        out.append(Scored(row, query, check(row, query)))
    return out


def accuracy(scored: list[Scored]) -> float:
    return sum(s.ok for s in scored) / len(scored) if scored else 0.0


def report(dataset: Dataset | None = None, misses: bool = False) -> dict[str, list[Scored]]:
    matcher = REGISTRY.matcher(dataset or load_dataset())
    results = {split: score(matcher, load(split)) for split in SPLITS}
    for split, scored in results.items():
        by_lang: Counter[str] = Counter()
        right: Counter[str] = Counter()
        for s in scored:
            by_lang[s.row.get("lang", "?")] += 1
            right[s.row.get("lang", "?")] += s.ok
        langs = ", ".join(f"{lang} {right[lang]}/{n}" for lang, n in sorted(by_lang.items()))
        print(f"{split:8} {accuracy(scored):6.1%}  ({sum(s.ok for s in scored)}/{len(scored)}; {langs})")
    if misses:
        for split in ("train", "dev"):
            for s in results[split]:
                if not s.ok:
                    print(f"MISS {split} {s.row['text']!r}: {'; '.join(s.problems)}")
    return results


if __name__ == "__main__":
    report(misses="--misses" in sys.argv)
