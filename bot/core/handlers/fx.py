"""``/fx [amount]``: the KRW/CNY rate in force with its date and source, and conversions."""

from __future__ import annotations

from decimal import Decimal

from bot.core import numbers
from bot.core.arguments import take_amount, tokens_of
from bot.core.citations import CitationBook
from bot.core.handlers.common import fx_line, today_line
from bot.core.i18n import t
from bot.core.reply import Reply, Section
from bot.core.services import Services
from bot.domain.money import Currency, Money
from bot.nlu.concepts import OTHER_CURRENCIES
from bot.nlu.forms import has_any
from bot.nlu.normalize import normalize
from bot.nlu.query import Query
from bot.nlu.slots import every_amount

INTENT = "fx"


def parse(services: Services, args: str) -> Query:
    tokens = tokens_of(args)
    return Query(INTENT, money=take_amount(tokens)[0] if tokens else None)


def answer(services: Services, query: Query, lang: str) -> Reply:
    book = CitationBook(services.dataset)
    fx = services.fx
    lines = [fx_line(services, lang, book)]
    if query.text and has_any(normalize(query.text), OTHER_CURRENCIES):
        lines.insert(0, t(lang, "fx.only_krw"))  # "…in SGD?": what we can say, then the won
    money = query.money
    if money is not None:
        if money.currency is Currency.KRW:
            cny = fx.to_cny(money)
            lines.append(t(lang, "fx.convert_krw", krw=numbers.krw(money.amount, lang), cny=numbers.cny(cny, lang)))
        else:
            krw = fx.to_krw(money.amount)
            lines.append(t(lang, "fx.convert_cny", cny=numbers.cny(money.amount, lang), krw=numbers.krw(krw, lang)))
    quoted = _quoted_conversion(query.text)
    if quoted is not None:  # "5000만 위안이 90억원 맞아요?": the rate that figure implies, beside ours
        in_yuan, in_won = quoted
        implied = (in_won.amount / in_yuan.amount).quantize(Decimal("0.1"))
        key = "fx.quoted_same" if implied == fx.krw_per_cny else "fx.quoted"
        lines.append(
            t(lang, key, krw=numbers.krw(in_won.amount, lang), cny=numbers.cny(in_yuan.amount, lang),
              implied=numbers.plain(implied), rate=numbers.plain(fx.krw_per_cny),
              expected=numbers.krw(fx.to_krw(in_yuan.amount), lang))
        )  # fmt: skip
    lines.append(t(lang, "fx.today", today=numbers.date(services.clock())))
    history = [t(lang, "fx.history")]
    for rate in sorted(services.dataset.fx.rates, key=lambda r: r.date):
        row = t(
            lang, "fx.history_row", date=numbers.date(rate.date), rate=numbers.plain(rate.krw_per_cny), kind=rate.kind
        )
        history.append(f"• {row} {book.ref([rate.source])}")
    history.append(today_line(services, lang))
    return Reply(
        intent=INTENT,
        lang=lang,
        sections=(Section(t(lang, "fx.title"), tuple(lines)), Section(None, tuple(history))),
        sources=book.citations(),
        headline=tuple(lines),
    )


def _quoted_conversion(text: str) -> tuple[Money, Money] | None:
    """A sum in yuan and the same said in won, in that message: (yuan, won)."""
    if not text:
        return None
    amounts = [money for money, _ in every_amount(normalize(text)) if isinstance(money, Money) and money.amount > 0]
    cny = next((m for m in amounts if m.currency is Currency.CNY), None)
    krw = next((m for m in amounts if m.currency is Currency.KRW), None)
    return (cny, krw) if cny is not None and krw is not None else None
