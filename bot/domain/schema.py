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
    plans: tuple[str, ...] = ()  # its own plans' names, which stand for it ("算力浦江" is Shanghai's): no place names

    def all(self) -> tuple[str, ...]:
        names = (self.zh, self.zh_hant, self.ko, self.ko_sino, self.en, self.pinyin, *self.aliases, *self.plans)
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
    ANNUAL_AWARD = "annual_award"  # an award paid each year (Guizhou's top compute products)
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


class Duration(Strict):
    """A validity stated as a length ("2 years from issue")."""

    years: int = Field(default=0, ge=0, le=20)
    months: int = Field(default=0, ge=0, le=240)
    days: int = Field(default=0, ge=0, le=3650)

    def last_day(self, start: dt.date) -> dt.date:
        """The last valid day of a window of this length that starts on ``start``."""
        month_index = start.month - 1 + self.months + 12 * self.years
        year, month = start.year + month_index // 12, month_index % 12 + 1
        day = min(start.day, _days_in_month(year, month))
        return dt.date(year, month, day) + dt.timedelta(days=self.days - 1)


def _days_in_month(year: int, month: int) -> int:
    following = dt.date(year + month // 12, month % 12 + 1, 1)
    return (following - dt.timedelta(days=1)).day


class Window(Strict):
    """When a program applies. ``end`` is the last valid day; ``valid_for`` computes it from ``start``."""

    start: dt.date | None = None
    end: dt.date | None = None
    valid_for: Duration | None = None
    kind: WindowKind = WindowKind.UNKNOWN
    note: str | None = None

    @model_validator(mode="after")
    def _ordered(self) -> Window:
        if self.valid_for is not None:
            if self.start is None:
                raise ValueError("a window with valid_for needs a start")
            if self.end is not None and self.end != self.valid_for.last_day(self.start):
                raise ValueError("window end does not match start + valid_for")
        if self.start and self.end and self.end < self.start:
            raise ValueError("window end is before its start")
        return self

    @property
    def last_day(self) -> dt.date | None:
        """``end``, or the end computed from ``start`` and ``valid_for``."""
        if self.end is not None:
            return self.end
        if self.valid_for is not None and self.start is not None:
            return self.valid_for.last_day(self.start)
        return None


class FormulaKind(StrEnum):
    RATE_CAP = "rate_cap"  # rate x base, capped (and optionally a minimum)
    FIXED_AWARD = "fixed_award"  # a fixed sum when thresholds are met
    MATCHING = "matching"  # ratio x a grant received elsewhere
    CAP_ONLY = "cap_only"  # "up to X" with no rate published
    POOL_ONLY = "pool_only"  # only a total budget is published
    NOT_PUBLISHED = "not_published"  # the numbers were not captured


class Trait(StrEnum):
    """Applicant traits a variant or a program can be meant for."""

    SME = "sme"
    STARTUP = "startup"
    OPC = "opc"  # one-person company
    MODEL_DEVELOPER = "model_developer"
    LISTED = "listed"
    COMPUTE_PROVIDER = "compute_provider"
    FOREIGN = "foreign"


class MeasuredOn(StrEnum):
    """What a threshold is measured on. Only a threshold on the spend can be checked against the
    amount a user types; every other one is a condition the applicant has to prove."""

    SPEND = "spend"  # the spend (contract value, fees paid) the subsidy is computed on
    CONTRACT_SALES = "contract_sales"  # the firm's own sales contracts
    REVENUE = "revenue"
    HEADCOUNT = "headcount"
    MODEL_FILING = "model_filing"  # a model or algorithm filed with the CAC
    REGISTRATION = "registration"  # where and whether the firm is registered or newly settled
    APPLICATION_CASES = "application_cases"  # market application cases of a product
    PRODUCT = "product"  # what the firm built or released
    RECOGNITION = "recognition"  # a title, ranking or selection awarded by an authority


MONEY_MEASURES = frozenset({MeasuredOn.SPEND, MeasuredOn.CONTRACT_SALES, MeasuredOn.REVENUE})


class Threshold(Strict):
    """A condition of a fixed award. ``min_cny`` is a monetary minimum of what ``measured_on`` names."""

    text: Text
    measured_on: MeasuredOn
    min_cny: Cny | None = None

    @model_validator(mode="after")
    def _money_minimum_needs_money_measure(self) -> Threshold:
        if self.min_cny is not None and self.measured_on not in MONEY_MEASURES:
            raise ValueError(f"a threshold on {self.measured_on.value} has no CNY minimum")
        return self

    @property
    def checkable_from_spend(self) -> bool:
        return self.measured_on is MeasuredOn.SPEND and self.min_cny is not None


class Variant(Strict):
    """An alternative rate or cap for a sub-group (startups, SMEs, key firms...).

    ``traits`` names the applicant traits the variant is for; a variant with none is an
    alternative by project or facility type, which the asker's traits cannot select."""

    label: Text
    rate: Rate | None = None
    cap_cny: Cny | None = None
    max_base_cny: Cny | None = None
    traits: frozenset[Trait] = frozenset()
    combined_rate: Rate | None = None  # this tier's ceiling when stacked (see Stacking)


class Stacking(Strict):
    """This program may be added to another one on the same spend, up to a combined rate."""

    program: Slug
    combined_rate: Rate
    note: Text | None = None


class Formula(Strict):
    """How a company's amount is computed from the base it spends."""

    kind: FormulaKind
    base: Text | None = None  # what the amount is taken as: "compute contract value" ...
    rate: Rate | None = None
    cap_cny: Cny | None = None  # the maximum cap
    default_cap_cny: Cny | None = None  # the cap "in principle" (原则上), below the maximum
    minimum_cny: Cny | None = None  # smallest award that is paid
    min_base_cny: Cny | None = None  # spend needed before anything is paid
    award_cny: Cny | None = None
    ratio: Decimal | None = Field(default=None, gt=0, le=10)
    thresholds: tuple[Threshold, ...] = ()
    variants: tuple[Variant, ...] = ()
    period: Text | None = None  # "per company per year", "per project"
    stacking: Stacking | None = None
    no_stacking: bool = False  # the text forbids combining it with other support for the same spend

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
        if self.default_cap_cny is not None and (self.cap_cny is None or self.default_cap_cny > self.cap_cny):
            raise ValueError("a default cap needs a maximum cap at or above it")
        if self.rate is not None and self.stacking is not None and self.stacking.combined_rate < self.rate:
            raise ValueError("the combined rate is below the program's own rate")
        return self


class VerificationLevel(StrEnum):
    """How close to the official text a program's record is, best first."""

    OFFICIAL_TEXT = "official_text"  # the official page was read
    REPRINT_OF_OFFICIAL = "reprint_of_official"  # a reprint of the text; to be checked on the official site
    REPORT_ONLY = "report_only"  # a news report or summary, not the text
    DRAFT = "draft"  # a draft for comment


class Verification(Strict):
    level: VerificationLevel
    url: str | None = None  # the official page (official_text)
    read_on: dt.date | None = None  # when that page was read
    note: str | None = None

    @model_validator(mode="after")
    def _official_has_page(self) -> Verification:
        if self.level is VerificationLevel.OFFICIAL_TEXT and (self.url is None or self.read_on is None):
            raise ValueError("official_text verification needs the url and the date it was read (read_on)")
        return self


class Research(Strict):
    """What was searched for a missing number, so the next person does not repeat it."""

    searched_on: dt.date
    searched: tuple[str, ...] = Field(min_length=1)
    found: str


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
    announced_note: str | None = None  # how ``announced`` is known (a report's date, a reprint's date)
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
    round_year: int | None = Field(default=None, ge=2020, le=2040)  # a single-year round ("2024年度")
    audience: frozenset[Trait] = frozenset()  # only applicants with these traits (an OPC-only voucher)
    conflicts: tuple[Text, ...] = ()
    verification: Verification
    checked_on: dt.date  # when the record was last compared with its sources
    research: tuple[Research, ...] = ()

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
    aliases: tuple[str, ...] = ()  # its own name as people type it (数谷, 수구, Shugu): the center, and its place
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
