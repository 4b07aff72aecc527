"""One error vocabulary and one retry policy for replies and broadcasts, on every platform."""

from __future__ import annotations

import asyncio

import pytest
from slack_sdk.web.async_client import AsyncWebClient
from telegram.error import BadRequest, ChatMigrated, Forbidden, NetworkError, RetryAfter, TimedOut

from bot.adapters.slack.sending import SlackSender
from bot.adapters.telegram.errors import delivery_error
from bot.adapters.telegram.render import announcement
from bot.core.i18n import t
from bot.core.language import DEFAULT_LANG
from bot.delivery.errors import DeliveryError, Failed, Gone, Migrated, RateLimited, Transient
from bot.delivery.policy import POLICY, RetryPolicy
from tests.slack.fake_slack_api import BOT_TOKEN, FakeSlackApi


@pytest.mark.parametrize(
    ("error", "kind"),
    [
        (Forbidden("Forbidden: bot was kicked from the supergroup chat"), Gone),
        (Forbidden("Forbidden: bot was blocked by the user"), Gone),
        (BadRequest("Bad Request: chat not found"), Gone),
        (BadRequest("Bad Request: message is too long"), Failed),
        (RetryAfter(3), RateLimited),
        (ChatMigrated(-1000000000700), Migrated),
        (NetworkError("Bad Gateway"), Transient),
        (TimedOut("Timed out"), Transient),
    ],
)
def test_every_bot_api_error_has_one_meaning(error: Exception, kind: type[DeliveryError]) -> None:
    """The mapping replies and broadcasts share: a kicked bot is Gone in both."""
    assert isinstance(delivery_error(error), kind)  # type: ignore[arg-type]


def test_only_a_timeout_may_have_delivered() -> None:
    """A 5xx answer gives the chat's budget back; a timeout does not (the message may have arrived)."""
    assert delivery_error(NetworkError("Bad Gateway")).maybe_delivered is False  # type: ignore[attr-defined]
    assert delivery_error(TimedOut("Timed out")).maybe_delivered is True  # type: ignore[attr-defined]


def test_transient_errors_retry_fast_first_then_back_off() -> None:
    """The first two retries come well under a second; then 1, 2 ... seconds; the fifth send is the last."""
    transient = Transient("502")
    delays = [POLICY.retry_in(transient, sends) for sends in range(1, 5)]
    assert all(d is not None and d < 0.5 for d in delays[:2])
    assert delays[2] is not None and 0.7 <= delays[2] <= 1.3
    assert delays[3] is not None and 1.5 <= delays[3] <= 2.5
    assert POLICY.retry_in(transient, POLICY.max_sends) is None
    assert POLICY.retry_in(RateLimited(7), 1) == 7 and POLICY.retry_in(Migrated("-1"), 1) == 0
    assert POLICY.retry_in(Gone("x"), 1) is None and POLICY.retry_in(Failed("x"), 1) is None


def test_retries_that_run_out_are_failed() -> None:
    """Sending in place: a 5xx every time ends as Failed after max_sends sends."""
    sends: list[int] = []

    async def always_502() -> None:
        sends.append(1)
        raise Transient("502")

    async def no_wait(seconds: float) -> None:
        return None

    with pytest.raises(Failed):
        asyncio.run(RetryPolicy(max_sends=3).run(always_502, no_wait))
    assert len(sends) == 3


def test_the_default_language_is_the_same_on_every_platform() -> None:
    """A chat whose language is unknown gets the announcement header in DEFAULT_LANG on Telegram and Slack."""
    header = t(DEFAULT_LANG, "announce.header")
    assert header in announcement("x", None)
    with FakeSlackApi() as fake:
        client = AsyncWebClient(token=BOT_TOKEN, base_url=fake.api_url)
        asyncio.run(SlackSender().announce(client, "C1", "x", None))
        assert header in fake.sent("chat.postMessage")[0].params["text"]
