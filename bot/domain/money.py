"""Parse amounts as people type them: 200만, 2백만, 1.5억, 200万元, 2M, 800k, ¥2,000,000, 3.8억원.

Everything is ``Decimal``. Won amounts are returned as KRW; :mod:`bot.domain.fx` converts.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from enum import StrEnum

from bot.domain.errors import Problem, UserFacingError

MAX_INPUT_CHARS = 64
MIN_CNY = Decimal(1)
MAX_CNY = Decimal(100_000_000_000)  # 1,000억 위안: far above any single company's spend


class Currency(StrEnum):
    CNY = "CNY"
    KRW = "KRW"


@dataclass(frozen=True)
class Money:
    amount: Decimal
    currency: Currency


# Longest first, so that "만원" is not read as "만" + "원" before "원" is stripped.
_CURRENCY_WORDS: tuple[tuple[str, Currency], ...] = (
    ("人民币", Currency.CNY),
    ("韩元", Currency.KRW),
    ("韓元", Currency.KRW),
    ("韩币", Currency.KRW),
    ("위안화", Currency.CNY),
    ("위안", Currency.CNY),
    ("위엔", Currency.CNY),
    ("yuan", Currency.CNY),
    ("rmb", Currency.CNY),
    ("cny", Currency.CNY),
    ("krw", Currency.KRW),
    ("won", Currency.KRW),
    ("元", Currency.CNY),
    ("块", Currency.CNY),
    ("¥", Currency.CNY),
    ("원", Currency.KRW),
    ("₩", Currency.KRW),
)
_UNSUPPORTED_CURRENCY = re.compile(r"[$€£]|usd|eur|dollar|달러|美元|jpy|엔|円|日元")

_SMALL_UNITS = {"십": 10, "十": 10, "拾": 10, "백": 100, "百": 100, "佰": 100, "천": 1000, "千": 1000, "仟": 1000}
_BIG_UNITS = {"만": 10**4, "万": 10**4, "萬": 10**4, "억": 10**8, "亿": 10**8, "億": 10**8, "조": 10**12}
_LATIN_UNITS = {
    "thousand": 10**3,
    "k": 10**3,
    "million": 10**6,
    "mio": 10**6,
    "mn": 10**6,
    "mil": 10**6,
    "m": 10**6,
    "billion": 10**9,
    "bn": 10**9,
    "b": 10**9,
    "w": 10**4,  # Chinese shorthand: 50w = 50万
    "kw": 10**7,  # and 1kw = 1千万
    "crore": 10**7,  # Indian English: 1 crore = 10 million, 1 lakh = 100,000
    "crores": 10**7,
    "lakh": 10**5,
    "lakhs": 10**5,
}
_HAN_DIGITS = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "兩": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
    # Sino-Korean numerals, as in 이천만, 오백만, 삼억
    **dict(zip("일이삼사오육칠팔구", range(1, 10), strict=True)),
}

_TOKEN = re.compile(
    r"(?P<num>\d+(?:,\d{3})*(?:\.\d+)?|\.\d+)"
    r"|(?P<latin>thousand|million|billion|crores?|lakhs?|mio|mil|mn|bn|kw|k|m|b|w)(?![a-z])"
    r"|(?P<unit>[십백천만억조十百千万亿萬億拾佰仟])"
    r"|(?P<han>[零〇一二两兩三四五六七八九일이삼사오육칠팔구])"
)


_INVISIBLE = re.compile(r"[\u200b-\u200d\u2060\ufeff]")
_SPACED_RUN = re.compile(r"\d+(?:\s+\d+)+")
_SPACED_THOUSANDS = re.compile(r"\d{1,3}(?:[ \u00a0\u202f]\d{3})+")


def normalize_amount_text(text: str) -> str:
    """NFKC (full-width digits, ￥), case-fold, drop spaces and joiners.

    ``2 000 000`` groups thousands; ``2000 300`` or ``2 3`` are two numbers and are refused.
    """
    text = _INVISIBLE.sub("", unicodedata.normalize("NFKC", text).casefold())
    for run in _SPACED_RUN.findall(text):
        if not _SPACED_THOUSANDS.fullmatch(run):
            raise UserFacingError("amount.not_number", text=text[:MAX_INPUT_CHARS])
    return re.sub(r"[\s_]+", "", text)


def parse_money(text: str) -> Money:
    """Parse ``text`` into an amount and currency (CNY unless won is written).

    Raises :class:`UserFacingError` with keys ``amount.empty``, ``amount.not_number``,
    ``amount.negative``, ``amount.zero`` or ``amount.currency``.
    """
    raw = normalize_amount_text(text)
    if not raw:
        raise UserFacingError("amount.empty")
    if len(raw) > MAX_INPUT_CHARS:
        raise UserFacingError("amount.not_number", text=text[:MAX_INPUT_CHARS])
    currency, body = _take_currency(raw)
    if body.startswith(("-", "−", "마이너스", "负")):
        raise UserFacingError("amount.negative", text=text)
    body = body.lstrip("+")
    amount = _parse_number(body, text)
    if amount == 0:
        raise UserFacingError("amount.zero")
    return Money(amount, currency)


def read_money(text: str) -> Money | Problem:
    """:func:`parse_money` as a result: the amount, or the problem with the text (never raises)."""
    try:
        return parse_money(text)
    except UserFacingError as error:
        return error.problem


def _take_currency(raw: str) -> tuple[Currency, str]:
    if _UNSUPPORTED_CURRENCY.search(raw):
        raise UserFacingError("amount.currency", text=raw)
    found: Currency | None = None
    for word, currency in _CURRENCY_WORDS:
        if word in raw:
            if found is not None and found is not currency:
                raise UserFacingError("amount.not_number", text=raw)
            found = currency
            raw = raw.replace(word, "")
    return found or Currency.CNY, raw


def _parse_number(body: str, original: str) -> Decimal:
    """Read digits with East Asian and Latin multipliers: 1억5천만, 2백만, 2.5m, 五千万."""
    position = 0
    total = Decimal(0)
    section = Decimal(0)  # the part below the next big unit
    current: Decimal | None = None
    last_big: int | None = None
    saw_number = False
    while position < len(body):
        match = _TOKEN.match(body, position)
        if match is None:
            raise UserFacingError("amount.not_number", text=original)
        position = match.end()
        kind = match.lastgroup
        token = match.group()
        if kind in ("num", "han"):
            if current is not None:
                raise UserFacingError("amount.not_number", text=original)
            current = _to_decimal(token, original) if kind == "num" else Decimal(_HAN_DIGITS[token])
            saw_number = True
        elif kind == "unit" and token in _SMALL_UNITS:
            section += (current if current is not None else Decimal(1)) * _SMALL_UNITS[token]
            current = None
        else:
            multiplier = _BIG_UNITS[token] if kind == "unit" else _LATIN_UNITS[token]
            if last_big is not None and multiplier >= last_big:
                raise UserFacingError("amount.not_number", text=original)
            given = current is not None or section != 0
            part = section + (current if current is not None else Decimal(0))
            total += (part if given else Decimal(1)) * multiplier
            section, current, last_big = Decimal(0), None, multiplier
    if not saw_number and total == 0 and section == 0:
        raise UserFacingError("amount.not_number", text=original)
    rest = section + (current if current is not None else Decimal(0))
    if last_big == 10**8 and 0 < rest < 10**4 and section != 0:
        rest *= 10**4  # 1억5천 is 1억 5천만, 1亿5千 is 一亿五千万: the 만/万 goes unsaid
    return total + rest


def _to_decimal(token: str, original: str) -> Decimal:
    try:
        return Decimal(token.replace(",", ""))
    except InvalidOperation as exc:  # pragma: no cover - the regex admits only digits
        raise UserFacingError("amount.not_number", text=original) from exc


def check_cny_range(amount: Decimal) -> Decimal:
    """Reject amounts no company could spend: below 1 CNY or above 1,000억 위안."""
    if amount < MIN_CNY:
        raise UserFacingError("amount.too_small", amount=amount)
    if amount > MAX_CNY:
        raise UserFacingError("amount.too_large", amount=amount)
    return amount
