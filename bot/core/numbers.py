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


# How each language writes a currency: (Korean suffix, Chinese suffix, English prefix).
_CURRENCY_WORDS = {"CNY": (" 위안", "元", "CNY "), "KRW": ("원", "韩元", "KRW ")}


def money(amount: Decimal, currency: str, lang: str) -> str:
    ko_suffix, zh_suffix, en_prefix = _CURRENCY_WORDS[currency]
    if lang == "ko":
        return _east_asian(amount, _UNITS_KO, " ", True) + ko_suffix
    if lang == "zh":
        return _east_asian(amount, _UNITS_ZH, "", False) + zh_suffix
    return en_prefix + _plain(amount)


def cny(amount: Decimal, lang: str) -> str:
    return money(amount, "CNY", lang)


def krw(amount: Decimal, lang: str) -> str:
    return money(amount, "KRW", lang)


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
