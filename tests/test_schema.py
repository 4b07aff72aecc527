"""The dataset loads, and the schema and loader reject what would make an answer wrong."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml
from pydantic import ValidationError

from bot.domain.dataset import DEFAULT_DATA_DIR, Dataset, DatasetError, load_dataset
from bot.domain.schema import FormulaKind, PlaceFile, PlaceKind, Program


def _program(**overrides: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "id": "x-test",
        "type": "compute_voucher",
        "names": {"ko": "가", "en": "a", "zh": "甲"},
        "status": "final",
        "formula": {"kind": "rate_cap", "rate": "0.3", "cap_cny": 100, "base": {"ko": "b", "en": "b", "zh": "b"}},
        "sources": [{"id": "shanghaibang-2024-04-16"}],
        "verification": {"level": "report_only"},
        "checked_on": "2026-12-01",
    }
    base.update(overrides)
    return base


def test_real_dataset_loads_with_many_places_and_programs(dataset: Dataset) -> None:
    """The shipped data validates and covers the research notes' breadth."""
    assert len(dataset.places) >= 30
    assert len(dataset.programs) >= 60
    assert all(p.sources for _, p in dataset.all_programs())


def test_every_rate_cap_program_has_rate_and_base(dataset: Dataset) -> None:
    """A computable program says what its rate is applied to."""
    for _, program in dataset.all_programs():
        if program.formula.kind is FormulaKind.RATE_CAP:
            assert program.formula.rate is not None and program.formula.base is not None, program.id


def test_city_slugs_are_lowercase_pinyin_matching_names(dataset: Dataset) -> None:
    """Slugs of cities, provinces and regions are their pinyin, so /subsidy wuhan works."""
    for slug, place in dataset.places.items():
        if place.kind is not PlaceKind.COUNTRY:
            assert slug == place.names.pinyin, slug
        assert place.names.ko and place.names.zh and place.names.zh_hant


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"surprise": 1}, "Extra inputs"),
        (
            {"formula": {"kind": "rate_cap", "rate": "1.5", "base": {"ko": "b", "en": "b", "zh": "b"}}},
            "less than or equal",
        ),
        ({"formula": {"kind": "rate_cap", "cap_cny": 5}}, "needs rate, base"),
        ({"formula": {"kind": "fixed_award"}}, "needs award_cny"),
        ({"window": {"start": "2025-01-01", "end": "2024-01-01"}}, "before its start"),
        ({"status": "maybe"}, "Input should be"),
        ({"sources": []}, "at least 1"),
        (
            {"formula": {"kind": "rate_cap", "rate": "0.3", "cap_cny": -1, "base": {"ko": "b", "en": "b", "zh": "b"}}},
            "greater",
        ),
    ],
)
def test_schema_rejects_bad_program(overrides: dict[str, Any], message: str) -> None:
    """A malformed program record is refused with a message saying why."""
    with pytest.raises(ValidationError, match=message):
        Program.model_validate(_program(**overrides))


def _copy_data(tmp_path: Path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(DEFAULT_DATA_DIR, target)
    return target


def _write_place(data: Path, place: dict[str, Any]) -> None:
    (data / "places" / f"{place['slug']}.yaml").write_text(yaml.safe_dump(place, allow_unicode=True), encoding="utf-8")


def _place(**overrides: Any) -> dict[str, Any]:
    place: dict[str, Any] = {
        "slug": "testville",
        "kind": "city",
        "names": {"zh": "测试", "zh_hant": "測試", "ko": "테스트", "en": "Testville", "pinyin": "testville"},
        "programs": [_program(id="testville-one")],
    }
    place.update(overrides)
    return place


@pytest.mark.parametrize(
    ("place", "message"),
    [
        (_place(programs=[_program(id="testville-one", sources=[{"id": "nope"}])]), "unknown source"),
        (_place(programs=[_program(id="wuhan-2024-draft-scenario-funding")]), "already used"),
        (_place(programs=[_program(id="testville-one", district="nowhere")]), "unknown district"),
        (_place(programs=[_program(id="testville-one", superseded_by="testville-two")]), "unknown program"),
        (_place(slug="elsewhere"), "does not match the file name"),
    ],
)
def test_loader_rejects_inconsistent_data(tmp_path: Path, place: dict[str, Any], message: str) -> None:
    """Cross-file references must resolve; the error names the file."""
    data = _copy_data(tmp_path)
    place_file = dict(place)
    _write_place(data, {**place_file, "slug": place_file["slug"]})
    if place_file["slug"] != "testville":
        (data / "places" / f"{place_file['slug']}.yaml").rename(data / "places" / "testville.yaml")
    with pytest.raises(DatasetError, match=message):
        load_dataset(data)


def test_loader_reports_broken_yaml_with_file_name(tmp_path: Path) -> None:
    """A YAML syntax error names the file instead of raising a parser traceback."""
    data = _copy_data(tmp_path)
    (data / "places" / "wuhan.yaml").write_text("slug: [unclosed", encoding="utf-8")
    with pytest.raises(DatasetError, match=r"wuhan\.yaml"):
        load_dataset(data)


def test_place_file_model_is_strict() -> None:
    """Unknown top-level keys in a place file are errors, not silently ignored."""
    with pytest.raises(ValidationError):
        PlaceFile.model_validate({**_place(), "budget": 1})
