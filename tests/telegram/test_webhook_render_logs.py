"""Message splitting, and the bot token kept out of every log line (the webhook: test_webhook.py)."""

from __future__ import annotations

import io
import logging

from bot.adapters.telegram.render import MAX_MESSAGE, render, split_messages
from bot.core.reply import Reply, Section
from bot.logging_setup import RedactingFilter
from tests.telegram.conftest import TOKEN, Running
from tests.telegram.fake_bot_api import message

SECRET = "s3cret-Header_value"


def test_long_replies_are_split_on_paragraph_boundaries() -> None:
    """A reply longer than one message is cut between sections, each part within 4,096 characters."""
    sections = tuple(Section(f"Section {i}", tuple(f"line {i}.{j} " + "가" * 80 for j in range(8))) for i in range(12))
    parts = render(Reply(intent="help", lang="ko", sections=sections))
    assert len(parts) > 1 and all(len(p) <= MAX_MESSAGE for p in parts)
    assert all(p.startswith("<b>Section") for p in parts)
    joined = "\n\n".join(parts)
    assert all(f"line {i}.7" in joined for i in range(12))


def test_one_huge_line_is_cut_without_breaking_an_entity() -> None:
    """A single line over the limit is cut at a space, never inside &amp;."""
    parts = split_messages(["a &amp; b " * 1000])
    assert all(len(p) <= MAX_MESSAGE for p in parts)
    assert all(not p.rstrip().endswith("&") and "&am " not in p for p in parts)


def test_token_never_appears_in_logs_at_debug(telegram: Running) -> None:
    """With every logger at DEBUG, a conversation and a failed send leave no token in the output."""
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.addFilter(RedactingFilter((TOKEN,)))
    root = logging.getLogger()
    old_level = root.level
    root.addHandler(handler)
    root.setLevel(logging.DEBUG)
    for name in ("httpx", "httpcore", "telegram"):
        logging.getLogger(name).setLevel(logging.DEBUG)  # worst case: even the noisy libraries
    try:
        telegram.fake.fail("sendMessage", 502, "Bad Gateway", chat_id=21)
        telegram.push(message("/subsidy wuhan 2000000", chat_id=21))
        telegram.fake.wait_for("sendMessage", 2)
        telegram.fake.fail("sendMessage", 400, "Bad Request: chat not found", chat_id=22)
        telegram.push(message("/help", chat_id=22))
        telegram.fake.wait_for("sendMessage", 3)
    finally:
        root.removeHandler(handler)
        root.setLevel(old_level)
        for name in ("httpx", "httpcore"):
            logging.getLogger(name).setLevel(logging.WARNING)
    output = stream.getvalue()
    assert output, "expected debug output"
    assert TOKEN not in output and TOKEN.split(":")[1] not in output
