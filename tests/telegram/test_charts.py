"""Telegram: a chart goes out as a photo before the answer text."""

from __future__ import annotations

from tests.telegram.conftest import Running
from tests.telegram.fake_bot_api import message

PNG = b"\x89PNG\r\n\x1a\n"


def test_telegram_sends_the_chart_as_a_photo_before_the_text(telegram: Running) -> None:
    """sendPhoto carries a PNG and a caption; the answer text follows."""
    telegram.push(message("/compare compute 2M wuhan shenzhen", chat_id=31))
    photo = telegram.fake.wait_for("sendPhoto")[0].params
    assert isinstance(photo["photo"], bytes) and photo["photo"].startswith(PNG) and photo["caption"]
    telegram.fake.wait_for("sendMessage")
