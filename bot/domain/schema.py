"""The dataset schema: places, programs, sources, targets and computing centers.

Every record in ``data/`` is validated against these models at load time.
Amounts are ``Decimal`` CNY; YAML gives them as integers or quoted strings.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from enum import StrEnum
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

Slug = Annotated[str, Field(pattern=r"^[a-z][a-z0-9-]*$", max_length=60)]
Cny = Annotated[Decimal, Field(ge=0, le=Decimal("1e12"))]
Rate = Annotated[Decimal, Field(gt=0, le=1)]


class Strict(BaseModel):
    """Base model: unknown keys are errors, instances are immutable."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Text(Strict):
    """A user-facing text in the three reply languages."""

    ko: str
    en: str
    zh: str

    def get(self, lang: str) -> str:
        return str(getattr(self, lang, self.en))


class Reliability(StrEnum):
    OFFICIAL = "official"
    NEWS = "news"
    MIRROR = "mirror"
    SECONDARY = "secondary"


class Source(Strict):
    """A document a fact was taken from."""

    id: Slug
    title: str
    publisher: str
    url: str | None = None
    date: dt.date | None = None
    date_note: str | None = None
    reliability: Reliability
    language: str = Field(pattern=r"^(ko|zh|en)$")
    note: str | None = None


class PlaceKind(StrEnum):
    COUNTRY = "country"
    PROVINCE = "province"
    CITY = "city"
    REGION = "region"


class Names(Strict):
    """Every name a user may type for a place."""

    zh: str
    zh_hant: str
    ko: str
    ko_sino: str | None = None
    en: str
    pinyin: str
    aliases: tuple[str, ...] = ()

    def all(self) -> tuple[str, ...]:
        names = (self.zh, self.zh_hant, self.ko, self.ko_sino, self.en, self.pinyin, *self.aliases)
        return tuple(dict.fromkeys(n for n in names if n))

    def get(self, lang: str) -> str:
        return {"ko": self.ko, "zh": self.zh}.get(lang, self.en)


class District(Strict):
    """A district, development zone or county inside a place."""

    slug: Slug
    names: Names


class ProgramType(StrEnum):
    COMPUTE_VOUCHER = "compute_voucher"
    MODEL_VOUCHER = "model_voucher"
    CORPUS_VOUCHER = "corpus_voucher"
    DATA_VOUCHER = "data_voucher"
    LABELING_VOUCHER = "labeling_voucher"
    ONE_TIME_AWARD = "one_time_award"
    SCENARIO_FUNDING = "scenario_funding"
    MATCHING_REWARD = "matching_reward"
    CONSTRUCTION_SUBSIDY = "construction_subsidy"
    HARDWARE_SUBSIDY = "hardware_subsidy"
    RD_SUBSIDY = "rd_subsidy"
    PLATFORM_SUBSIDY = "platform_subsidy"
    FILING_REWARD = "filing_reward"
    RELOCATION_AWARD = "relocation_award"
    FREE_COMPUTE = "free_compute"
    RESEARCH_FUNDING = "research_funding"


class Status(StrEnum):
    """Declared status; ``expired`` is also derived from the window and today's date."""

    DRAFT = "draft"
    FINAL = "final"
    EXPIRED = "expired"
    REPORTED_ONLY = "reported_only"


class WindowKind(StrEnum):
    FIXED = "fixed"
    ROLLING = "rolling"
    UNTIL_BUDGET_USED = "until_budget_used"
    DRAFT = "draft"
    UNKNOWN = "unknown"


class Window(Strict):
    """When a program applies. ``end`` is the last valid day."""

    start: dt.date | None = None
    end: dt.date | None = None
    kind: WindowKind = WindowKind.UNKNOWN
    note: str | None = None

    @model_validator(mode="after")
    def _ordered(self) -> Window:
        if self.start and self.end and self.end < self.start:
            raise ValueError("window end is before its start")
        return self


class FormulaKind(StrEnum):
    RATE_CAP = "rate_cap"  # rate x base, capped (and optionally a minimum)
    FIXED_AWARD = "fixed_award"  # a fixed sum when thresholds are met
    MATCHING = "matching"  # ratio x a grant received elsewhere
    CAP_ONLY = "cap_only"  # "up to X" with no rate published
    POOL_ONLY = "pool_only"  # only a total budget is published
    NOT_PUBLISHED = "not_published"  # the numbers were not captured


class Threshold(Strict):
    """A condition of a fixed award; ``min_base_cny`` makes it checkable from the amount."""

    text: Text
    min_base_cny: Cny | None = None


class Variant(Strict):
    """An alternative rate or cap for a sub-group (startups, SMEs, key firms...)."""

    label: Text
    rate: Rate | None = None
    cap_cny: Cny | None = None
    max_base_cny: Cny | None = None


class Formula(Strict):
    """How a company's amount is computed from the base it spends."""

    kind: FormulaKind
    base: Text | None = None  # what the amount is taken as: "compute contract value" ...
    rate: Rate | None = None
    cap_cny: Cny | None = None
    minimum_cny: Cny | None = None  # smallest award that is paid
    min_base_cny: Cny | None = None  # spend needed before anything is paid
    award_cny: Cny | None = None
    ratio: Decimal | None = Field(default=None, gt=0, le=10)
    thresholds: tuple[Threshold, ...] = ()
    variants: tuple[Variant, ...] = ()
    period: Text | None = None  # "per company per year", "per project"

    @model_validator(mode="after")
    def _complete(self) -> Formula:
        need: dict[FormulaKind, tuple[str, ...]] = {
            FormulaKind.RATE_CAP: ("rate", "base"),
            FormulaKind.FIXED_AWARD: ("award_cny",),
            FormulaKind.MATCHING: ("ratio", "base"),
            FormulaKind.CAP_ONLY: ("cap_cny",),
        }
        missing = [name for name in need.get(self.kind, ()) if getattr(self, name) is None]
        if missing:
            raise ValueError(f"{self.kind.value} formula needs {', '.join(missing)}")
        if self.cap_cny is not None and self.minimum_cny is not None and self.minimum_cny > self.cap_cny:
            raise ValueError("minimum is above the cap")
        return self


class SourceRef(Strict):
    """A program's citation: which source, and what it says if that needs saying."""

    id: Slug
    note: str | None = None


class Program(Strict):
    """One support program of one place, as one source (or group of agreeing sources) states it."""

    id: Slug
    district: Slug | None = None
    type: ProgramType
    names: Text
    issuer: str | None = None
    policy_zh: str | None = None
    policy: Text | None = None
    doc_number: str | None = None
    announced: dt.date | None = None
    window: Window = Window()
    status: Status
    pool_cny: Cny | None = None
    pool_period: Text | None = None
    formula: Formula
    conditions: tuple[Text, ...] = ()
    clause_zh: str | None = None
    sources: tuple[SourceRef, ...] = Field(min_length=1)
    supersedes: tuple[Slug, ...] = ()
    superseded_by: Slug | None = None
    conflicts: tuple[Text, ...] = ()

    @field_validator("formula")
    @classmethod
    def _pool_only_has_no_rate(cls, formula: Formula) -> Formula:
        if formula.kind is FormulaKind.POOL_ONLY and formula.rate is not None:
            raise ValueError("a pool_only formula has no rate; use rate_cap")
        return formula


class Target(Strict):
    """A published compute or industry goal."""

    id: Slug
    district: Slug | None = None
    text: Text
    year: int = Field(ge=2020, le=2040)
    value: Decimal | None = None
    unit: str | None = None  # PFlops, EFlops, CNY
    sources: tuple[SourceRef, ...] = Field(min_length=1)
    status: Status = Status.FINAL
    conflicts: tuple[Text, ...] = ()


class ComputingCenter(Strict):
    """A smart computing center that opened or is being built."""

    id: Slug
    district: Slug | None = None
    names: Text
    opened: dt.date | None = None
    text: Text
    capacity_p: Decimal | None = None
    sources: tuple[SourceRef, ...] = Field(min_length=1)


class Insight(Strict):
    """Commentary or national context that carries no per-company number."""

    id: Slug
    text: Text
    date: dt.date | None = None
    sources: tuple[SourceRef, ...] = Field(min_length=1)


class PlaceFile(Strict):
    """One YAML file under ``data/places/``: a place and everything sourced about it."""

    slug: Slug
    kind: PlaceKind
    parent: Slug | None = None  # the province of a city, when we hold it
    names: Names
    districts: tuple[District, ...] = ()
    sources: tuple[Source, ...] = ()
    programs: tuple[Program, ...] = ()
    targets: tuple[Target, ...] = ()
    computing_centers: tuple[ComputingCenter, ...] = ()
    insights: tuple[Insight, ...] = ()
    notes: tuple[Text, ...] = ()


class SourcesFile(Strict):
    """``data/sources.yaml``: sources cited from more than one place."""

    sources: tuple[Source, ...]


class FxRate(Strict):
    """A dated KRW-per-CNY rate."""

    date: dt.date
    krw_per_cny: Decimal = Field(gt=0)
    kind: str  # article, cfets, market
    source: Slug
    note: str | None = None


class FxFile(Strict):
    """``data/fx.yaml``: the rate used by default and a dated history."""

    default: dt.date
    rates: tuple[FxRate, ...] = Field(min_length=1)
