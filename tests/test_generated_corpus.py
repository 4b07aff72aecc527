"""The generated training corpus (tests/corpus/generated.yaml): the committed file is exactly what
tests/corpus/generate.py writes, and every row names places that exist and a language that matches its script."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.corpus import generate

PLACES = Path(__file__).resolve().parents[1] / "data" / "places"
INTENTS = {
    "program_info", "city_overview", "subsidy_calc", "compare", "compute_target", "computing_center", "fx",
    "list_cities", "help", "subscribe", "unsubscribe", "announce", "unknown",
}  # fmt: skip
PTYPES = {
    "compute_voucher", "model_voucher", "corpus_voucher", "data_voucher", "labeling_voucher", "one_time_award",
    "annual_award",
    "scenario_funding", "matching_reward", "construction_subsidy", "hardware_subsidy", "rd_subsidy", "platform_subsidy",
    "filing_reward", "relocation_award", "free_compute", "research_funding",
}  # fmt: skip
ASPECTS = {"amount", "rate", "budget", "conditions", "apply", "window", "status", "minimum", "clause"}
TRAITS = {"sme", "startup", "opc", "model_developer", "listed", "compute_provider", "foreign"}


@pytest.fixture(scope="module")
def rows() -> list[dict[str, Any]]:
    loaded = yaml.load(
        generate.OUTPUT.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    )
    assert isinstance(loaded, list)
    return loaded


@pytest.fixture(scope="module")
def districts_by_city() -> dict[str, set[str]]:
    out = {}
    for path in sorted(PLACES.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        out[data["slug"]] = {d["slug"] for d in data.get("districts") or []}
    return out


def script(text: str) -> str:
    """Written here independently of the generator: Hangul -> ko, else Han -> zh, else en."""
    if any("\uac00" <= ch <= "\ud7a3" or "\u1100" <= ch <= "\u11ff" or "\u3130" <= ch <= "\u318f" for ch in text):
        return "ko"
    if any("\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf" or "\uf900" <= ch <= "\ufaff" for ch in text):
        return "zh"
    return "en"


def test_regenerating_gives_the_committed_file() -> None:
    """Edit the templates, then run `python -m tests.corpus.generate`: the file must be the script's output."""
    assert generate.OUTPUT.read_text(encoding="utf-8") == generate.dump(generate.generate())


def test_size_language_mix_and_no_duplicate_texts(rows: list[dict[str, Any]]) -> None:
    texts = [row["text"] for row in rows]
    assert len(rows) >= 3000
    assert len(set(texts)) == len(texts), [t for t, n in Counter(texts).items() if n > 1]
    share = {lang: n / len(rows) for lang, n in Counter(row["lang"] for row in rows).items()}
    assert 0.40 <= share["ko"] <= 0.50 and 0.25 <= share["en"] <= 0.35 and 0.20 <= share["zh"] <= 0.30, share


def test_lang_matches_the_script(rows: list[dict[str, Any]]) -> None:
    wrong = [row["text"] for row in rows if row["lang"] != script(row["text"])]
    assert not wrong


def test_every_slug_exists_in_the_data(rows: list[dict[str, Any]], districts_by_city: dict[str, set[str]]) -> None:
    for row in rows:
        for slug in [row.get("city"), *row.get("cities", []), *row.get("excluded", [])]:
            assert slug is None or slug in districts_by_city, row
        if "district" in row:
            assert row["district"] in districts_by_city[row["city"]], row


def test_labels_are_well_formed(rows: list[dict[str, Any]]) -> None:
    """Known values only; an amount has a role except in fx; asked, compared and uncovered places exclude each other."""
    for row in rows:
        assert row["intent"] in INTENTS, row
        assert row.get("ptype", "compute_voucher") in PTYPES, row
        assert row.get("aspect", "amount") in ASPECTS, row
        assert set(row.get("traits", [])) <= TRAITS, row
        assert set(row.get("parts", [])) <= {"fx", "window", "conditions"}, row
        assert row.get("currency", "KRW") == "KRW", row
        if "amount" in row:
            assert isinstance(row["amount"], int) and row["amount"] > 0, row
            assert (row["intent"] == "fx") == ("amount_role" not in row), row
            assert row.get("amount_role", "spend") in ("spend", "check", "subject"), row
        else:
            assert "amount_role" not in row and "currency" not in row, row
        if row.get("uncovered"):
            assert "city" not in row and "cities" not in row, row
        if "cities" in row:
            assert row["intent"] == "compare" and "city" not in row, row
        assert row.get("after", "x") != "", row


def test_every_kind_of_label_is_exercised(rows: list[dict[str, Any]]) -> None:
    """The issue's axes each have rows: every intent, aspect, role, trait and part, negation, follow-ups, districts."""
    assert {row["intent"] for row in rows} == INTENTS
    assert {row["aspect"] for row in rows if "aspect" in row} == ASPECTS
    assert {row["amount_role"] for row in rows if "amount_role" in row} == {"spend", "check", "subject"}
    assert {t for row in rows for t in row.get("traits", [])} == TRAITS
    assert {p for row in rows for p in row.get("parts", [])} == {"fx", "window", "conditions"}
    counts = Counter(key for row in rows for key in row)
    assert min(counts["excluded"], counts["after"], counts["district"], counts["uncovered"], counts["currency"]) >= 50


@pytest.mark.parametrize(
    ("value", "lang", "form"),
    [
        (2_000_000, "ko", "200만"), (2_000_000, "ko", "2백만"), (150_000_000, "ko", "1억 5천만"),
        (2_000_000, "en", "2M"), (800_000, "en", "800k"), (2_000_000, "en", "¥2,000,000"),
        (2_000_000, "zh", "200万元"), (50_000_000, "zh", "五千万"), (150_000_000, "zh", "一亿五千万"),
    ],
)  # fmt: skip
def test_amounts_are_written_as_people_write_them(value: int, lang: str, form: str) -> None:
    assert form in generate.amount_forms_cny(value, lang)


def test_won_amounts_name_their_currency() -> None:
    assert "3.8억원" in generate.amount_forms_krw(380_000_000, "ko")
    assert "50만원" in generate.amount_forms_krw(500_000, "ko")
    assert all("won" in f or "KRW" in f or "₩" in f for f in generate.amount_forms_krw(5_000_000, "en"))


@pytest.mark.parametrize(
    ("word", "reading", "particle", "expected"),
    [("우한", "우한", "은", "우한은"), ("상하이", "상하이", "은", "상하이는"),
     ("Shenzhen", "선전", "이면", "Shenzhen이면"), ("200만", "200만", "이라던데", "200만이라던데"),
     ("800k", "800k", "이면", "800k면"), ("算力券", "算力券", "은", "算力券은"), ("서울", "서울", "으로", "서울로")],
)  # fmt: skip
def test_korean_particles_follow_the_reading(word: str, reading: str, particle: str, expected: str) -> None:
    assert generate.attach(word, reading, particle) == expected
