"""10,000 random and hostile free questions: never an exception; the first message answers, nothing is emptied."""

from __future__ import annotations

import html

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.adapters.telegram.render import render
from bot.core.dispatch import Responder
from bot.core.message import IncomingMessage

TELEGRAM_LIMIT = 4096
PIECES = st.sampled_from(
    [
        "우한", "무한", "베이징", "상해", "深圳", "Wuhan", "wuxi", "우항", "컴퓨팅 쿠폰", "모델", "算力券", "voucher",
        "200만", "3.8억원", "-5", "0", "1e400", "¥", "₩", "얼마야", "비교", "환율", "목표", "센터", "그럼", "은?",
        "<b>", "</a>", "&amp;", "*bold*", "_x_", "`code`", "<@U123>", "<!channel>", "@bot", "/subsidy", "/city",
        "\u200b", "\u202e", "\x00", "\n", "😀", "ｗｕｈａｎ", "%s", "{0}", "{place}", "' OR 1=1 --",
    ]
)  # fmt: skip
HOSTILE = st.lists(PIECES | st.text(max_size=12), max_size=12).map(" ".join)
TEXTS = HOSTILE | st.text(max_size=300)


@given(text=TEXTS, lang=st.sampled_from([None, "ko", "en", "zh"]), chat=st.sampled_from(["x", "y"]))
@settings(max_examples=10_000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_free_questions_never_raise_and_fit_one_message(
    responder: Responder, text: str, lang: str | None, chat: str
) -> None:
    """Whatever arrives, the reply renders into Telegram messages of at most 4,096 characters; the first one starts
    with the headline or the first section, and a reply is never only a title and sources."""
    reply = responder.answer_now(IncomingMessage(text=text, lang=lang, chat_id=chat))
    messages = render(reply)
    assert messages and all(len(m) <= TELEGRAM_LIMIT for m in messages)
    first_line = reply.headline[0] if reply.headline else (reply.sections[0].title or reply.sections[0].lines[0])
    assert html.escape(first_line)[:40] in messages[0]
    assert any(section.lines for section in reply.sections) or reply.headline
