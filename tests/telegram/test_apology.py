"""A handler that fails: the error is logged and the asker gets the apology in their language (ko, en, zh)."""

from __future__ import annotations

import pytest

from bot.core.i18n import t
from tests.telegram.conftest import Running
from tests.telegram.fake_bot_api import message, user


@pytest.mark.parametrize(("lang", "text"), [("zh-hans", "hello"), ("ko", "hello"), ("en", "hello"), (None, "你好")])
def test_the_apology_is_in_the_askers_language(
    telegram: Running, monkeypatch: pytest.MonkeyPatch, lang: str | None, text: str
) -> None:
    def broken(*args: object) -> object:
        raise RuntimeError("a bug in the handler")

    monkeypatch.setattr(telegram.bot.responder, "answer", broken)
    telegram.push(message(text, chat_id=91, from_user=user(91, lang)))
    sent = telegram.fake.wait_for("sendMessage")[0].params
    expected = {"zh-hans": "zh", "ko": "ko", "en": "en", None: "zh"}[lang]
    assert sent["chat_id"] == 91 and t(expected, "internal.apology") in sent["text"]
