"""KRW <-> CNY at a dated rate: the dataset's default (the seed article's 190) or ``FX_KRW_PER_CNY``."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from bot.domain.money import Currency, Money
from bot.domain.schema import FxFile

CENT = Decimal("0.01")
WON = Decimal(1)


class FxConfigError(ValueError):
    """``FX_KRW_PER_CNY`` is not a positive number (optionally ``@YYYY-MM-DD``)."""


@dataclass(frozen=True)
class FxRate:
    """KRW per CNY, with the date it was true and where it came from."""

    krw_per_cny: Decimal
    date: dt.date | None
    source_id: str | None  # a dataset source, or None when set by the operator
    from_env: bool = False

    def to_cny(self, money: Money) -> Decimal:
        if money.currency is Currency.CNY:
            return money.amount
        return (money.amount / self.krw_per_cny).quantize(CENT, rounding=ROUND_HALF_UP)

    def to_krw(self, cny: Decimal) -> Decimal:
        return (cny * self.krw_per_cny).quantize(WON, rounding=ROUND_HALF_UP)


_ENV_RATE = re.compile(r"^\s*(?P<rate>\d+(?:\.\d+)?)\s*(?:@\s*(?P<date>\d{4}-\d{2}-\d{2}))?\s*$")


def rate_from(fx: FxFile, env_value: str | None) -> FxRate:
    """The rate in force: ``FX_KRW_PER_CNY`` (``"195.3"`` or ``"195.3@2026-11-20"``) or the dataset default."""
    if env_value:
        match = _ENV_RATE.match(env_value)
        if match is None:
            raise FxConfigError("FX_KRW_PER_CNY must look like 190 or 190.5@2026-11-20")
        try:
            rate = Decimal(match["rate"])
            date = dt.date.fromisoformat(match["date"]) if match["date"] else None
        except (InvalidOperation, ValueError) as exc:
            raise FxConfigError("FX_KRW_PER_CNY has an invalid number or date") from exc
        if not Decimal(10) <= rate <= Decimal(1000):
            raise FxConfigError("FX_KRW_PER_CNY must be between 10 and 1000 KRW per CNY")
        return FxRate(rate, date, None, from_env=True)
    default = next(r for r in fx.rates if r.date == fx.default)
    return FxRate(default.krw_per_cny, default.date, default.source, from_env=False)
