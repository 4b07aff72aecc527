"""Every program of every place checked against a profile, and what each place would give in total.

For each place the firm could register in (a city, or one of its districts that has programs of its own,
whichever gives more) the spends of the profile go through the calculator
(:func:`bot.domain.calculator.calculate_all`, with the profile's kinds choosing variants and the stacking
rules the data states). A line counts in a place's total only when the calculator counts it (current
official, computable, the cap published, not forbidden to stack) and no condition of the profile rules it
out. Drafts, reports and ended programs are kept, shown apart.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from bot.core.profile.conditions import Check, Condition, all_conditions
from bot.core.profile.model import KIND_OF_TYPE, SPEND_TYPES, Profile, SpendKind
from bot.domain.calculator import ProgramResult, calculate_all
from bot.domain.dataset import Dataset
from bot.domain.freshness import Freshness, judge
from bot.domain.schema import PlaceFile, Program
from bot.domain.staleness import stale_hints


@dataclass(frozen=True)
class ProgramFit:
    """One program against the profile: the calculator's line for the matching spend, if the profile has one."""

    program: Program
    place: str
    freshness: Freshness
    conditions: tuple[Condition, ...]
    spend: SpendKind | None = None  # the kind of spend the program pays on (None: it is not paid on a spend)
    result: ProgramResult | None = None  # None: the profile has no such spend, or the program takes none

    @property
    def ruled_out(self) -> bool:
        return any(c.check is Check.NOT_MET for c in self.conditions)

    @property
    def to_prove(self) -> tuple[Condition, ...]:
        return tuple(c for c in self.conditions if c.check is Check.UNKNOWN)

    @property
    def counted_cny(self) -> Decimal:
        if self.result is None or self.ruled_out or not self.result.counted:
            return Decimal(0)
        return self.result.counted_cny

    @property
    def counts(self) -> bool:
        return self.counted_cny > 0

    @property
    def amount_cny(self) -> Decimal | None:
        """What the line gives as computed (counted or not), when the calculator gave a number."""
        if self.result is None or self.result.line.eligible is False:
            return None
        return self.result.line.subsidy_cny


@dataclass(frozen=True)
class PlaceFit:
    place: str
    district: str | None  # the district whose programs were added to the city-wide ones
    fits: tuple[ProgramFit, ...]

    @property
    def total_cny(self) -> Decimal:
        return sum((f.counted_cny for f in self.fits), Decimal(0))

    @property
    def counted(self) -> tuple[ProgramFit, ...]:
        return tuple(sorted((f for f in self.fits if f.counts), key=lambda f: -f.counted_cny))

    @property
    def apart(self) -> tuple[ProgramFit, ...]:
        """Programs for a spend of the profile that are drafts, reports, ended or superseded: never totalled."""
        return tuple(
            f for f in self.fits if f.result is not None and not f.freshness.current_official and not f.ruled_out
        )


@dataclass(frozen=True)
class Matching:
    profile: Profile
    today: dt.date
    places: tuple[PlaceFit, ...]  # the largest total first

    @property
    def fitting(self) -> tuple[PlaceFit, ...]:
        return tuple(p for p in self.places if p.total_cny > 0)

    def of(self, place: str) -> PlaceFit | None:
        return next((p for p in self.places if p.place == place), None)


def _options(place: PlaceFile, programs: list[Program], profile: Profile) -> list[str | None]:
    """The city alone and each of its districts with programs; only the firm's district when it gave one."""
    districts = {d.slug for d in place.districts}
    if profile.city == place.slug and profile.district in districts:
        return [profile.district]
    return [None, *sorted({p.district for p in programs if p.district is not None})]


def _fits_for(
    dataset: Dataset, place: PlaceFile, district: str | None, programs: list[Program], profile: Profile, today: dt.date
) -> PlaceFit:
    chosen = [p for p in programs if p.district is None or p.district == district]
    results: dict[str, tuple[SpendKind, ProgramResult]] = {}
    for kind, amount in profile.spends:
        selected = [p for p in chosen if p.type in SPEND_TYPES[kind]]
        calculation = calculate_all(selected, place.slug, amount, today, profile.kinds, context=programs)
        results.update({r.program.id: (kind, r) for r in calculation.results})
    hints = stale_hints(programs, today)
    fits = []
    for program in chosen:
        spend, result = results.get(program.id, (KIND_OF_TYPE.get(program.type), None))
        freshness = result.freshness if result is not None else judge(program, today, hints.get(program.id))
        conditions = all_conditions(dataset, place, program, profile, result)
        fits.append(ProgramFit(program, place.slug, freshness, conditions, spend, result))
    return PlaceFit(place.slug, district, tuple(fits))


def match_place(dataset: Dataset, place: PlaceFile, profile: Profile, today: dt.date) -> PlaceFit:
    """The place's best option for the profile (city-wide, or with one district's programs too)."""
    programs = list(place.programs)
    options = [_fits_for(dataset, place, d, programs, profile, today) for d in _options(place, programs, profile)]
    return max(options, key=lambda fit: (fit.total_cny, fit.district is None))


def match(dataset: Dataset, profile: Profile, today: dt.date) -> Matching:
    """Every place with programs, the largest total first (then the profile's own city, then by name)."""
    fits = [match_place(dataset, place, profile, today) for place in dataset.places.values() if place.programs]
    fits.sort(key=lambda fit: (-fit.total_cny, fit.place != profile.city, fit.place))
    return Matching(profile, today, tuple(fits))
