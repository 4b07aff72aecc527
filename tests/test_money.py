"""Amounts as people type them, in three languages and two currencies."""

from __future__ import annotations

from decimal import Decimal

import pytest

from bot.domain.errors import UserFacingError
from bot.domain.money import Currency, check_cny_range, parse_money

CNY, KRW = Currency.CNY, Currency.KRW

PARSE_TABLE = [
    ("2000000", "2000000", CNY),
    ("2,000,000", "2000000", CNY),
    ("200만", "2000000", CNY),
    ("2백만", "2000000", CNY),
    ("200만 위안", "2000000", CNY),
    ("200만위안", "2000000", CNY),
    ("2M", "2000000", CNY),
    ("2m", "2000000", CNY),
    ("2 million", "2000000", CNY),
    ("2.5 million", "2500000", CNY),
    ("800k", "800000", CNY),
    ("800K CNY", "800000", CNY),
    ("200万", "2000000", CNY),
    ("200万元", "2000000", CNY),
    ("200 万元", "2000000", CNY),
    ("¥2,000,000", "2000000", CNY),
    ("￥2,000,000", "2000000", CNY),
    ("1.5억", "150000000", CNY),
    ("1.5亿", "150000000", CNY),
    ("1.5亿元", "150000000", CNY),
    ("１２０万", "1200000", CNY),
    ("２０００００", "200000", CNY),
    ("RMB 3m", "3000000", CNY),
    ("3,000,000 yuan", "3000000", CNY),
    ("人民币500万", "5000000", CNY),
    ("1kw", "10000000", CNY),  # chat shorthand: 1千万
    ("50w", "500000", CNY),
    ("1억 5천만", "150000000", CNY),
    ("1억5000만", "150000000", CNY),
    ("천만 위안", "10000000", CNY),
    ("5천만", "50000000", CNY),
    ("12만3천", "123000", CNY),
    ("五千万", "50000000", CNY),
    ("两百万元", "2000000", CNY),
    ("一亿", "100000000", CNY),
    ("3.8억원", "380000000", KRW),
    ("3.8억 원", "380000000", KRW),
    ("₩380,000,000", "380000000", KRW),
    ("KRW 380000000", "380000000", KRW),
    ("380,000,000 won", "380000000", KRW),
    ("1억 1,400만원", "114000000", KRW),
    ("5000만원", "50000000", KRW),
    ("2억 韩元", "200000000", KRW),
    ("+2000000", "2000000", CNY),
    ("0.5m", "500000", CNY),
    ("2bn", "2000000000", CNY),
    ("2\u200b000000", "2000000", CNY),
    ("2 000 000", "2000000", CNY),
]


@pytest.mark.parametrize(("text", "amount", "currency"), PARSE_TABLE)
def test_parse_money(text: str, amount: str, currency: Currency) -> None:
    """Each way of writing an amount gives the same Decimal and the right currency."""
    money = parse_money(text)
    assert money.amount == Decimal(amount)
    assert money.currency is currency
    assert isinstance(money.amount, Decimal)


def test_table_is_at_least_forty_rows() -> None:
    """The issue asks for an amount table of at least 40 rows."""
    assert len(PARSE_TABLE) >= 40


ERROR_TABLE = [
    ("", "amount.empty"),
    ("   ", "amount.empty"),
    ("abc", "amount.not_number"),
    ("wuhan", "amount.not_number"),
    ("-5000", "amount.negative"),
    ("−5000", "amount.negative"),
    ("마이너스 500만", "amount.negative"),
    ("0", "amount.zero"),
    ("0만 위안", "amount.zero"),
    ("$2,000", "amount.currency"),
    ("2000 USD", "amount.currency"),
    ("2,5", "amount.not_number"),
    ("1e9", "amount.not_number"),
    ("200만 위안 원", "amount.not_number"),
    ("5만 1억", "amount.not_number"),
    ("2 3", "amount.not_number"),
    ("2000 300", "amount.not_number"),
    ("9" * 100, "amount.not_number"),
    ("NaN", "amount.not_number"),
    ("Infinity", "amount.not_number"),
    ("<b>200</b>", "amount.not_number"),
]


@pytest.mark.parametrize(("text", "key"), ERROR_TABLE)
def test_parse_money_errors(text: str, key: str) -> None:
    """Bad amounts raise our user-facing error with a specific key, nothing else."""
    with pytest.raises(UserFacingError) as caught:
        parse_money(text)
    assert caught.value.key == key


@pytest.mark.parametrize(
    ("amount", "key"),
    [(Decimal("0.5"), "amount.too_small"), (Decimal("100000000001"), "amount.too_large")],
)
def test_absurd_amounts_are_refused(amount: Decimal, key: str) -> None:
    """Below 1 CNY or above 1,000억 위안 is not a company's spend."""
    with pytest.raises(UserFacingError) as caught:
        check_cny_range(amount)
    assert caught.value.key == key


def test_range_accepts_ordinary_amounts() -> None:
    """Ordinary amounts pass the range check unchanged."""
    assert check_cny_range(Decimal(2_000_000)) == Decimal(2_000_000)
