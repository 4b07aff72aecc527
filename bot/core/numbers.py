"""Amounts, rates and dates written the way each language's readers write them.

ko: 60만 위안, 1억 1,400만원 · en: CNY 600,000, KRW 114,000,000 · zh: 60万元, 1亿1400万韩元
"""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal

_UNITS_KO = ((10**12, "조"), (10**8, "억"), (10**4, "만"))
_UNITS_ZH = ((10**8, "亿"), (10**4, "万"))


def _plain(amount: Decimal) -> str:
    """1234567.5 -> '1,234,567.5'; integral values without decimals."""
    if amount == amount.to_integral_value():
        return f"{int(amount):,}"
    text = f"{amount.quantize(Decimal('0.01'), rounding=ROUND_HALF_UP):,}"
    return text.rstrip("0").rstrip(".")


def _east_asian(amount: Decimal, units: tuple[tuple[int, str], ...], sep: str, group: bool) -> str:
    if amount != amount.to_integral_value():
        return _plain(amount)
    if amount < 10**4:
        return f"{int(amount):,}" if group else str(int(amount))
    rest = int(amount)
    parts: list[str] = []
    for size, name in units:
        count, rest = divmod(rest, size)
        if count:
            parts.append(f"{count:,}{name}" if group else f"{count}{name}")
    if rest:
        parts.append(f"{rest:,}" if group else str(rest))
    return sep.join(parts)


def cny(amount: Decimal, lang: str) -> str:
    if lang == "ko":
        return f"{_east_asian(amount, _UNITS_KO, ' ', True)} 위안"
    if lang == "zh":
        return f"{_east_asian(amount, _UNITS_ZH, '', False)}元"
    return f"CNY {_plain(amount)}"


def krw(amount: Decimal, lang: str) -> str:
    if lang == "ko":
        return f"{_east_asian(amount, _UNITS_KO, ' ', True)}원"
    if lang == "zh":
        return f"{_east_asian(amount, _UNITS_ZH, '', False)}韩元"
    return f"KRW {_plain(amount)}"


def rate(value: Decimal) -> str:
    percent = (value * 100).normalize()
    text = f"{percent:f}"
    return f"{text}%"


def ratio(value: Decimal) -> str:
    return f"1:{value.normalize():f}"


def plain(value: Decimal) -> str:
    return _plain(value)


def date(value: dt.date | None, unknown: str = "?") -> str:
    return value.isoformat() if value else unknown
