"""Load ``data/``, validate it, and index it for look-ups.

Loading fails with a :class:`DatasetError` that names the file and the problem;
a dataset that loads is internally consistent (every reference resolves).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

import yaml
from pydantic import ValidationError

from bot.domain.schema import (
    ComputingCenter,
    FxFile,
    Insight,
    PlaceFile,
    Program,
    ProgramType,
    Source,
    SourceRef,
    SourcesFile,
    Target,
)

M = TypeVar("M", PlaceFile, SourcesFile, FxFile)

DEFAULT_DATA_DIR = Path(__file__).resolve().parents[1] / "data"  # package data; a symlink to data/ in a checkout


class DatasetError(Exception):
    """The data directory is missing, unreadable or inconsistent."""


@dataclass(frozen=True)
class Dataset:
    """Every place, program and source, validated and indexed."""

    places: dict[str, PlaceFile]
    sources: dict[str, Source]
    fx: FxFile
    programs: dict[str, Program] = field(default_factory=dict)
    program_place: dict[str, str] = field(default_factory=dict)

    def place(self, slug: str) -> PlaceFile | None:
        return self.places.get(slug)

    def programs_of(self, slug: str, ptype: ProgramType | None = None) -> list[Program]:
        place = self.places.get(slug)
        if place is None:
            return []
        return [p for p in place.programs if ptype is None or p.type is ptype]

    def source(self, source_id: str) -> Source:
        return self.sources[source_id]

    def all_programs(self) -> Iterator[tuple[PlaceFile, Program]]:
        for place in self.places.values():
            for program in place.programs:
                yield place, program


_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _read_yaml(path: Path) -> object:
    try:
        with path.open(encoding="utf-8") as handle:
            return yaml.load(handle, Loader=_LOADER)
    except (OSError, yaml.YAMLError) as exc:
        raise DatasetError(f"{path.name}: cannot read: {exc}") from exc


def _validate(model: type[M], path: Path) -> M:
    try:
        return model.model_validate(_read_yaml(path))
    except ValidationError as exc:
        raise DatasetError(f"{path.name}: {exc}") from exc


def load_dataset(data_dir: Path = DEFAULT_DATA_DIR) -> Dataset:
    """Read and validate every file of ``data_dir``; raise :class:`DatasetError` on any problem."""
    if not (data_dir / "places").is_dir():
        raise DatasetError(f"{data_dir}: no places/ directory")
    sources: dict[str, Source] = {}
    for source in _validate(SourcesFile, data_dir / "sources.yaml").sources:
        _add_source(sources, source, "sources.yaml")
    places: dict[str, PlaceFile] = {}
    for path in sorted((data_dir / "places").glob("*.yaml")):
        place = _validate(PlaceFile, path)
        if place.slug != path.stem:
            raise DatasetError(f"{path.name}: slug {place.slug!r} does not match the file name")
        for source in place.sources:
            _add_source(sources, source, path.name)
        places[place.slug] = place
    fx = _validate(FxFile, data_dir / "fx.yaml")
    dataset = Dataset(places=places, sources=sources, fx=fx)
    _index_and_check(dataset)
    return dataset


def _add_source(sources: dict[str, Source], source: Source, where: str) -> None:
    if source.id in sources and sources[source.id] != source:
        raise DatasetError(f"{where}: source {source.id!r} is defined twice, differently")
    sources[source.id] = source


def _refs(item: Program | Target | ComputingCenter | Insight) -> tuple[SourceRef, ...]:
    return item.sources


def _index_and_check(dataset: Dataset) -> None:
    seen_ids: dict[str, str] = {}
    for place in dataset.places.values():
        if place.parent is not None and place.parent not in dataset.places:
            raise DatasetError(f"{place.slug}.yaml: parent {place.parent!r} is not a place file")
        districts = {d.slug for d in place.districts}
        items: list[Program | Target | ComputingCenter | Insight] = [
            *place.programs,
            *place.targets,
            *place.computing_centers,
            *place.insights,
        ]
        for item in items:
            where = f"{place.slug}.yaml: {item.id}"
            if item.id in seen_ids:
                raise DatasetError(f"{where}: id already used in {seen_ids[item.id]}.yaml")
            seen_ids[item.id] = place.slug
            for ref in _refs(item):
                if ref.id not in dataset.sources:
                    raise DatasetError(f"{where}: unknown source {ref.id!r}")
            district = getattr(item, "district", None)
            if district is not None and district not in districts:
                raise DatasetError(f"{where}: unknown district {district!r}")
        for program in place.programs:
            dataset.programs[program.id] = program
            dataset.program_place[program.id] = place.slug
    for program in dataset.programs.values():
        links = [*program.supersedes, *([program.superseded_by] if program.superseded_by else [])]
        for other in links:
            if other not in dataset.programs:
                raise DatasetError(f"{program.id}: links to unknown program {other!r}")
    for rate in dataset.fx.rates:
        if rate.source not in dataset.sources:
            raise DatasetError(f"fx.yaml: unknown source {rate.source!r}")
    if not any(r.date == dataset.fx.default for r in dataset.fx.rates):
        raise DatasetError("fx.yaml: the default date has no rate")
