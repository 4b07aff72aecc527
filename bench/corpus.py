"""Score the understanding step on the phrasing corpus: whole-answer accuracy per split and language.

A row is right only when everything it labels is right: the intent, the place (and district), the
places compared or excluded, a place we do not cover, the program type, the aspect, the amount with
its currency and role, the traits and any second part. ``python -m bench.corpus`` prints the figures the
README quotes; ``--misses`` lists misses of the splits we tune on. Hold-out rows are never printed.
"""

from __future__ import annotations

import sys
from collections import Counter
from dataclasses import dataclass, replace
from decimal import Decimal
from pathlib import Path
from typing import Any

import yaml

from bot.core.commands import parse_command
from bot.core.registry import REGISTRY
from bot.domain.dataset import Dataset, load_dataset
from bot.nlu.context import ConversationMemory
from bot.nlu.matcher import IntentMatcher
from bot.nlu.query import Query

CORPUS = Path(__file__).resolve().parents[1] / "tests" / "corpus"
SPLITS = {
    "train": "phrasings.yaml",
    "chat": "chat.yaml",
    "offtopic": "offtopic.yaml",
    "generated": "generated.yaml",
    "dev": "dev.yaml",
    "tune_a": "tune_a.yaml",
    "tune_b": "tune_b.yaml",
    "tune_c": "tune_c.yaml",
    "tune_d": "tune_d.yaml",
    "tune_e": "tune_e.yaml",
    "tune_f": "tune_f.yaml",
    "tune_g": "tune_g.yaml",
    "tune_h": "tune_h.yaml",
    "tune_i": "tune_i.yaml",
    "tune_j": "tune_j.yaml",
    "tune_k": "tune_k.yaml",
    "tune_l": "tune_l.yaml",
    "tune_m": "tune_m.yaml",
    "tune_n": "tune_n.yaml",
    "tune_o": "tune_o.yaml",
    "tune_p": "tune_p.yaml",
    "tune_q": "tune_q.yaml",
    "tune_r": "tune_r.yaml",
    "tune_s": "tune_s.yaml",
    "tune_t": "tune_t.yaml",
    "tune_u": "tune_u.yaml",
    "tune_v": "tune_v.yaml",
    "tune_w": "tune_w.yaml",
    "tune_x": "tune_x.yaml",
    "tune_y": "tune_y.yaml",
    "tune_z": "tune_z.yaml",
    "tune_aa": "tune_aa.yaml",
    "tune_ab": "tune_ab.yaml",
    "tune_ac": "tune_ac.yaml",
    "tune_ad": "tune_ad.yaml",
    "tune_ae": "tune_ae.yaml",
    "tune_af": "tune_af.yaml",
    "tune_ag": "tune_ag.yaml",
    "tune_ah": "tune_ah.yaml",
    "tune_ai": "tune_ai.yaml",
    "tune_aj": "tune_aj.yaml",
    "tune_ak": "tune_ak.yaml",
    "tune_al": "tune_al.yaml",
    "tune_am": "tune_am.yaml",
    "tune_an": "tune_an.yaml",
    "tune_ao": "tune_ao.yaml",
    "tune_ap": "tune_ap.yaml",
    "tune_aq": "tune_aq.yaml",
    "tune_ar": "tune_ar.yaml",
    "tune_as": "tune_as.yaml",
    "tune_at": "tune_at.yaml",
    "tune_au": "tune_au.yaml",
    "tune_av": "tune_av.yaml",
    "tune_aw": "tune_aw.yaml",
    "tune_ax": "tune_ax.yaml",
    "tune_ay": "tune_ay.yaml",
    "tune_az": "tune_az.yaml",
    "tune_ba": "tune_ba.yaml",
    "tune_bb": "tune_bb.yaml",
    "tune_bc": "tune_bc.yaml",
    "tune_bd": "tune_bd.yaml",
    "tune_be": "tune_be.yaml",
    "tune_bf": "tune_bf.yaml",
    "tune_bg": "tune_bg.yaml",
    "tune_bh": "tune_bh.yaml",
    "tune_bi": "tune_bi.yaml",
    "tune_bj": "tune_bj.yaml",
    "tune_bk": "tune_bk.yaml",
    "tune_bl": "tune_bl.yaml",
    "tune_bm": "tune_bm.yaml",
    "tune_bn": "tune_bn.yaml",
    "tune_bo": "tune_bo.yaml",
    "tune_bp": "tune_bp.yaml",
    "tune_bq": "tune_bq.yaml",
    "tune_br": "tune_br.yaml",
    "tune_bs": "tune_bs.yaml",
    "tune_bt": "tune_bt.yaml",
    "tune_bu": "tune_bu.yaml",
    "tune_bv": "tune_bv.yaml",
    "tune_bw": "tune_bw.yaml",
    "tune_bx": "tune_bx.yaml",
    "tune_by": "tune_by.yaml",
    "tune_bz": "tune_bz.yaml",
    "tune_ca": "tune_ca.yaml",
    "tune_cb": "tune_cb.yaml",
    "tune_cc": "tune_cc.yaml",
    "tune_cd": "tune_cd.yaml",
    "tune_ch": "tune_ch.yaml",
    "tune_cf": "tune_cf.yaml",
    "tune_ci": "tune_ci.yaml",
    "tune_cj": "tune_cj.yaml",
    "holdout": "holdout.yaml",
    "holdout_a": "holdout_a.yaml",
    "holdout_b": "holdout_b.yaml",
    "holdout_c": "holdout_c.yaml",
    "holdout_d": "holdout_d.yaml",
    "holdout_e": "holdout_e.yaml",
    "holdout_f": "holdout_f.yaml",
    "holdout_g": "holdout_g.yaml",
    "holdout_h": "holdout_h.yaml",
    "holdout_i": "holdout_i.yaml",
    "holdout_j": "holdout_j.yaml",
    "holdout_k": "holdout_k.yaml",
    "holdout_l": "holdout_l.yaml",
    "holdout_m": "holdout_m.yaml",
    "holdout_n": "holdout_n.yaml",
    "holdout_o": "holdout_o.yaml",
    "holdout_p": "holdout_p.yaml",
    "holdout_q": "holdout_q.yaml",
    "holdout_r": "holdout_r.yaml",
    "holdout_s": "holdout_s.yaml",
    "holdout_t": "holdout_t.yaml",
    "holdout_u": "holdout_u.yaml",
    "holdout_v": "holdout_v.yaml",
    "holdout_w": "holdout_w.yaml",
    "holdout_x": "holdout_x.yaml",
    "tune_ck": "tune_ck.yaml",
    "tune_cl": "tune_cl.yaml",
    "tune_cm": "tune_cm.yaml",
    "holdout_y": "holdout_y.yaml",
    "tune_cn": "tune_cn.yaml",
    "tune_co": "tune_co.yaml",
    "holdout_z": "holdout_z.yaml",
    "holdout_aa": "holdout_aa.yaml",
    "holdout_ab": "holdout_ab.yaml",
    "holdout_ac": "holdout_ac.yaml",
    "holdout_ad": "holdout_ad.yaml",
    "holdout_ae": "holdout_ae.yaml",
    "holdout_af": "holdout_af.yaml",
    "holdout_ag": "holdout_ag.yaml",
    "holdout_ah": "holdout_ah.yaml",
    "holdout_ai": "holdout_ai.yaml",
    "holdout_aj": "holdout_aj.yaml",
    "holdout_ak": "holdout_ak.yaml",
    "holdout_al": "holdout_al.yaml",
    "holdout_am": "holdout_am.yaml",
    "holdout_an": "holdout_an.yaml",
    "holdout_ao": "holdout_ao.yaml",
    "holdout_ap": "holdout_ap.yaml",
    "holdout_aq": "holdout_aq.yaml",
    "tune_cq": "tune_cq.yaml",
    "tune_cr": "tune_cr.yaml",
    "tune_cs": "tune_cs.yaml",
    "tune_ct": "tune_ct.yaml",
    "tune_cu": "tune_cu.yaml",
    "tune_cv": "tune_cv.yaml",
    "tune_cw": "tune_cw.yaml",
    "tune_cx": "tune_cx.yaml",
    "tune_cy": "tune_cy.yaml",
    "tune_cz": "tune_cz.yaml",
    "tune_da": "tune_da.yaml",
    "tune_db": "tune_db.yaml",
    "tune_dc": "tune_dc.yaml",
    "tune_dd": "tune_dd.yaml",
    "tune_de": "tune_de.yaml",
    "tune_df": "tune_df.yaml",
    "tune_dg": "tune_dg.yaml",
    "tune_dh": "tune_dh.yaml",
    "tune_di": "tune_di.yaml",
    "tune_dj": "tune_dj.yaml",
    "tune_dk": "tune_dk.yaml",
    "tune_dl": "tune_dl.yaml",
    "tune_dm": "tune_dm.yaml",
    "tune_dn": "tune_dn.yaml",
    "tune_do": "tune_do.yaml",
    "tune_dp": "tune_dp.yaml",
}
# The hold-outs are never tuned on, and --misses never prints them.
TUNED = (
    "train", "chat", "offtopic", "generated", "dev",
    *(f"tune_{x}" for x in "abcdefghijklmnopqrstuvwxyz"),
    *(f"tune_a{x}" for x in "abcdefghijklmnopqrstuvwxyz"),
    "tune_ba",
    "tune_bb",
    "tune_bc",
    "tune_bd",
    "tune_be",
    "tune_bf",
    "tune_bg",
    "tune_bh",
    "tune_bi",
    "tune_bj",
    "tune_bk",
    "tune_bl",
    "tune_bm",
    "tune_bn",
    "tune_bo",
    "tune_bp",
    "tune_bq",
    "tune_br",
    "tune_bs",
    "tune_bt",
    "tune_bu",
    "tune_bv",
    "tune_bw",
    "tune_bx",
    "tune_by",
    "tune_bz",
    "tune_ca",
    "tune_cb",
    "tune_cc",
    "tune_cd",
    "tune_ch",
    "tune_cf",
    "tune_ci",
    "tune_cj",
    "tune_ck",
    "tune_cl",
    "tune_cm",
    "tune_cn",
    "tune_co",
    "tune_cq",
    "tune_cr",
    "tune_cs",
    "tune_ct",
    "tune_cu",
    "tune_cv",
    "tune_cw",
    "tune_cx",
    "tune_cy",
    "tune_cz",
    "tune_da",
    "tune_db",
    "tune_dc",
    "tune_dd",
    "tune_de",
    "tune_df",
    "tune_dg",
    "tune_dh",
    "tune_di",
    "tune_dj",
    "tune_dk",
    "tune_dl",
    "tune_dm",
    "tune_dn",
    "tune_do",
    "tune_dp",
)  # fmt: skip
LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass(frozen=True)
class Scored:
    row: dict[str, Any]
    query: Query
    problems: tuple[str, ...]

    @property
    def ok(self) -> bool:
        return not self.problems


def load(split: str) -> list[dict[str, Any]]:
    path = CORPUS / SPLITS[split]
    if not path.exists():
        return []
    rows = yaml.load(path.read_text(encoding="utf-8"), Loader=LOADER)
    assert isinstance(rows, list)
    return rows


def _slugs(refs: tuple[Any, ...]) -> list[str]:
    return [r.district or r.place for r in refs]  # a district is named by its own slug (or, in `cities`, its city's)


def check(row: dict[str, Any], query: Query) -> tuple[str, ...]:
    problems = []
    if row.get("uncovered"):  # the answer must say the place is not covered, whatever the act
        if not query.outside or (query.place is not None and "cities" not in row and "city" not in row):
            problems.append("a place we do not cover was not recognised")
        if "cities" not in row and "city" not in row:
            return tuple(problems)  # beside covered places it is compared with them: the rest is checked too
    if query.intent != row["intent"]:
        problems.append(f"intent {query.intent} != {row['intent']}")
    if row["intent"] == "unknown":
        return tuple(problems)  # an off-topic answer names no place and no number: nothing else to compare
    place = query.place.place if query.place else None
    if "city" in row and place != row["city"]:
        problems.append(f"city {place} != {row['city']}")
    if "city" not in row and "cities" not in row and "ambiguous" not in row and place is not None:
        problems.append(f"city {place} found but none expected")
    if "district" in row and (query.place is None or query.place.district != row["district"]):
        problems.append(f"district != {row['district']}")
    if "excluded" in row and set(_slugs(query.excluded)) != set(row["excluded"]):
        problems.append(f"excluded {_slugs(query.excluded)} != {row['excluded']}")
    if "ptype" in row and row["ptype"] not in {p.value for p in query.ptypes}:
        problems.append(f"ptype {sorted(p.value for p in query.ptypes)} lacks {row['ptype']}")
    if "aspect" in row and query.aspect != row["aspect"]:
        problems.append(f"aspect {query.aspect} != {row['aspect']}")
    if "amount" in row:
        money = query.money
        currency = row.get("currency", "CNY")
        if money is None or money.amount != Decimal(str(row["amount"])) or money.currency.value != currency:
            problems.append(f"amount {money} != {row['amount']} {currency}")
    if "amount_role" in row and query.amount_role != row["amount_role"]:
        problems.append(f"amount role {query.amount_role} != {row['amount_role']}")
    if "traits" in row and set(query.traits) != set(row["traits"]):
        problems.append(f"traits {sorted(query.traits)} != {row['traits']}")
    if "parts" in row:
        wanted = row["parts"] if isinstance(row["parts"], list) else [row["parts"]]
        if not set(wanted) <= set(query.parts):
            problems.append(f"parts {list(query.parts)} lack {wanted}")
    if "cities" in row and list(row["cities"]) not in (_slugs(query.places), [r.place for r in query.places]):
        problems.append(f"cities {_slugs(query.places)} != {row['cities']}")
    if "ambiguous" in row and set(_slugs(query.ambiguous)) != set(row["ambiguous"]):
        problems.append(f"ambiguous {_slugs(query.ambiguous)} != {row['ambiguous']}")
    return tuple(problems)


def score(matcher: IntentMatcher, rows: list[dict[str, Any]]) -> list[Scored]:
    remembered = REGISTRY.remembered()
    out = []
    for row in rows:
        memory = ConversationMemory()
        if row.get("after"):
            first = matcher.match(str(row["after"])).query
            if first.intent in remembered:
                memory.remember("c", first)
        query = _understood(matcher, str(row["text"]), memory)
        out.append(Scored(row, query, check(row, query)))
    return out


def _understood(matcher: IntentMatcher, text: str, memory: ConversationMemory) -> Query:
    """As the dispatcher reads it: a slash command of a feature that parses no arguments of its own ("/cities") is
    that feature's act; anything else is the matcher's frame."""
    command = parse_command(text)
    feature = REGISTRY.command(command.name) if command is not None else None
    if command is not None and feature is not None and feature.parse is None:
        query = replace(matcher.match(command.args).query, intent=feature.intent, text=text)
        return replace(query, place=None, places=()) if feature.intent == "announce" else query  # a notice's places
    return matcher.match(text, memory.last("c")).query


def accuracy(scored: list[Scored]) -> float:
    return sum(s.ok for s in scored) / len(scored) if scored else 0.0


def report(dataset: Dataset | None = None, misses: bool = False, tuned_only: bool = False) -> dict[str, list[Scored]]:
    """``tuned_only``: leave the hold-outs out, so that their figures are not watched while tuning."""
    matcher = REGISTRY.matcher(dataset or load_dataset())
    splits = TUNED if tuned_only else tuple(SPLITS)
    results = {split: score(matcher, load(split)) for split in splits}
    for split, scored in results.items():
        by_lang: Counter[str] = Counter()
        right: Counter[str] = Counter()
        for s in scored:
            by_lang[s.row.get("lang", "?")] += 1
            right[s.row.get("lang", "?")] += s.ok
        langs = ", ".join(f"{lang} {right[lang]}/{n}" for lang, n in sorted(by_lang.items()))
        print(f"{split:10} {accuracy(scored):6.1%}  ({sum(s.ok for s in scored)}/{len(scored)}; {langs})")
    if misses:
        for split in TUNED:
            for s in results[split]:
                if not s.ok:
                    print(f"MISS {split} {s.row['text']!r}: {'; '.join(s.problems)}")
    return results


if __name__ == "__main__":
    report(misses="--misses" in sys.argv, tuned_only="--tuned" in sys.argv)
