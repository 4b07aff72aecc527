"""A company profile: where it is (or could register), what kind of firm it is, its filing, its planned spends.

Stored as JSON (``to_json``/``from_json``) per user; amounts are integer-valued ``Decimal`` CNY.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from typing import Any

from bot.domain.schema import ProgramType, Trait


class Filed(StrEnum):
    """Whether the firm's models are filed (备案) with the CAC."""

    YES = "yes"
    NO = "no"
    UNKNOWN = "unknown"


class SpendKind(StrEnum):
    COMPUTE = "compute"  # compute rental
    MODEL = "model"  # model API use or purchase
    DATA = "data"  # corpus or data purchase
    SCENARIO = "scenario"  # a pilot scenario project's total investment


SPEND_TYPES: dict[SpendKind, frozenset[ProgramType]] = {
    SpendKind.COMPUTE: frozenset({ProgramType.COMPUTE_VOUCHER}),
    SpendKind.MODEL: frozenset({ProgramType.MODEL_VOUCHER}),
    SpendKind.DATA: frozenset({ProgramType.CORPUS_VOUCHER, ProgramType.DATA_VOUCHER, ProgramType.LABELING_VOUCHER}),
    SpendKind.SCENARIO: frozenset({ProgramType.SCENARIO_FUNDING}),
}
KIND_OF_TYPE: dict[ProgramType, SpendKind] = {ptype: kind for kind, types in SPEND_TYPES.items() for ptype in types}
KINDS: tuple[str, ...] = tuple(trait.value for trait in Trait)  # sme, startup, opc, model_developer ...


@dataclass(frozen=True)
class Profile:
    city: str | None = None  # a place slug: where the firm is registered, or could register
    district: str | None = None  # a district slug of that place
    kinds: frozenset[str] = field(default_factory=frozenset)  # Trait values
    founded: int | None = None  # the founding year (startups)
    filed: Filed = Filed.UNKNOWN
    spends: tuple[tuple[SpendKind, Decimal], ...] = ()  # in SpendKind order; a zero spend is not kept
    revenue: Decimal | None = None  # CNY a year
    headcount: int | None = None
    asked: frozenset[str] = field(default_factory=frozenset)  # fields the user answered (even with "none")

    def spend(self, kind: SpendKind) -> Decimal | None:
        return dict(self.spends).get(kind)

    def with_spend(self, kind: SpendKind, amount: Decimal | None) -> Profile:
        """The profile with one spend set (``None`` or zero removes it), in SpendKind order."""
        spends = {k: v for k, v in self.spends if k is not kind}
        if amount is not None and amount > 0:
            spends[kind] = amount
        ordered = tuple((k, spends[k]) for k in SpendKind if k in spends)
        return replace(self, spends=ordered, asked=self.asked | {kind.value})

    def merged(self, other: Profile) -> Profile:
        """This profile with whatever ``other`` states laid over it (a message adding a spend or a city)."""
        spends = dict(self.spends) | dict(other.spends)
        return Profile(
            city=other.city or self.city,
            district=other.district if other.city else self.district,
            kinds=self.kinds | other.kinds,
            founded=other.founded or self.founded,
            filed=other.filed if other.filed is not Filed.UNKNOWN else self.filed,
            spends=tuple((k, spends[k]) for k in SpendKind if k in spends),
            revenue=other.revenue if other.revenue is not None else self.revenue,
            headcount=other.headcount if other.headcount is not None else self.headcount,
            asked=self.asked | other.asked,
        )

    @property
    def empty(self) -> bool:
        return self == Profile()


def to_json(profile: Profile) -> dict[str, Any]:
    return {
        "city": profile.city,
        "district": profile.district,
        "kinds": sorted(profile.kinds),
        "founded": profile.founded,
        "filed": profile.filed.value,
        "spends": {kind.value: str(amount) for kind, amount in profile.spends},
        "revenue": str(profile.revenue) if profile.revenue is not None else None,
        "headcount": profile.headcount,
        "asked": sorted(profile.asked),
    }


def _decimal(value: object) -> Decimal | None:
    try:
        amount = Decimal(str(value))
    except (InvalidOperation, ValueError):
        return None
    return amount if amount.is_finite() and amount > 0 else None


def from_json(data: dict[str, Any]) -> Profile:
    """The stored form back; anything malformed is dropped rather than trusted."""
    spends = data.get("spends") or {}
    profile = Profile(
        city=data.get("city") if isinstance(data.get("city"), str) else None,
        district=data.get("district") if isinstance(data.get("district"), str) else None,
        kinds=frozenset(k for k in data.get("kinds") or () if k in KINDS),
        founded=data["founded"] if isinstance(data.get("founded"), int) else None,
        filed=Filed(data["filed"]) if data.get("filed") in {f.value for f in Filed} else Filed.UNKNOWN,
        revenue=_decimal(data.get("revenue")) if data.get("revenue") is not None else None,
        headcount=data["headcount"] if isinstance(data.get("headcount"), int) else None,
        asked=frozenset(a for a in data.get("asked") or () if isinstance(a, str)),
    )
    for kind in SpendKind:
        amount = _decimal(spends.get(kind.value)) if isinstance(spends, dict) else None
        if amount is not None:
            profile = profile.with_spend(kind, amount)
    return replace(profile, asked=frozenset(a for a in data.get("asked") or () if isinstance(a, str)))
