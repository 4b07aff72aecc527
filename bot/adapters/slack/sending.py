"""The one way a message reaches Slack: replies and announcements share the error mapping (``delivery_error``)
and the retry policy (``bot.delivery.policy``). A reply is retried here; an announcement is sent once and the
delivery worker reschedules it by the same policy. Web API exceptions stop here.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import Any

import aiohttp
from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from bot.adapters.slack.render import escape, fallback_text, pages
from bot.core.i18n import t
from bot.core.language import DEFAULT_LANG
from bot.core.reply import Reply
from bot.delivery.errors import DeliveryError, Failed, Gone, RateLimited, Transient
from bot.delivery.policy import POLICY, RetryPolicy

GONE_ERRORS = frozenset({"channel_not_found", "not_in_channel", "is_archived", "channel_is_archived",
                         "account_inactive"})  # fmt: skip


def delivery_error(error: SlackApiError) -> DeliveryError:
    """What a failed Web API call means for delivery."""
    code = str(error.response.get("error", ""))
    status = error.response.status_code
    if status == 429:
        return RateLimited(float(error.response.headers.get("Retry-After", "1")))
    if code in GONE_ERRORS:
        return Gone(code)
    if status >= 500:
        return Transient(code or str(status), maybe_delivered=False)
    return Failed(code or str(status))


class SlackSender:
    def __init__(self, sleep: Callable[[float], Awaitable[None]] = asyncio.sleep, policy: RetryPolicy = POLICY) -> None:
        self._sleep = sleep
        self.policy = policy

    async def once(self, call: Callable[[], Awaitable[Any]]) -> None:
        """One Web API call; a failure is raised as a delivery error."""
        try:
            await call()
        except SlackApiError as error:
            raise delivery_error(error) from error
        except aiohttp.ClientConnectorError as error:
            raise Transient(type(error).__name__, maybe_delivered=False) from error
        except (aiohttp.ClientError, TimeoutError) as error:
            raise Transient(type(error).__name__) from error

    async def announce(self, client: AsyncWebClient, channel: str, text: str, lang: str | None) -> None:
        """One send of an announcement (the worker owns its retries and budgets)."""
        body = f"*{escape(t(lang or DEFAULT_LANG, 'announce.header'))}*\n{escape(text)}"
        await self.once(lambda: client.chat_postMessage(channel=channel, text=body, unfurl_links=False))

    async def post(self, client: AsyncWebClient, channel: str, reply: Reply, thread_ts: str | None = None) -> None:
        """chat.postMessage for each page of a reply, each retried by the policy; raises a delivery error when
        a page cannot go (the pages after it are not sent)."""
        for page in pages(reply):

            def call(page: list[dict[str, Any]] = page) -> Awaitable[Any]:
                return client.chat_postMessage(channel=channel, text=fallback_text(reply), blocks=page,
                                               thread_ts=thread_ts, unfurl_links=False)  # fmt: skip

            await self.policy.run(lambda: self.once(call), self._sleep)
