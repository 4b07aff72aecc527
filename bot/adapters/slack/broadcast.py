"""Announcements to Slack channels, with Web API errors mapped to the delivery worker's."""

from __future__ import annotations

from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from bot.adapters.slack.app import GONE_ERRORS
from bot.adapters.slack.render import escape
from bot.core.i18n import t
from bot.delivery.errors import Gone, RateLimited, Rejected, Transient


class SlackBroadcaster:
    def __init__(self, client: AsyncWebClient) -> None:
        self.client = client

    async def send(self, chat_key: str, text: str, lang: str | None) -> None:
        body = f"*{escape(t(lang or 'en', 'announce.header'))}*\n{escape(text)}"
        try:
            await self.client.chat_postMessage(channel=chat_key, text=body, unfurl_links=False)
        except SlackApiError as error:
            code = str(error.response.get("error", ""))
            status = error.response.status_code
            if status == 429:
                raise RateLimited(float(error.response.headers.get("Retry-After", "1"))) from error
            if code in GONE_ERRORS or code in ("account_inactive", "channel_is_archived"):
                raise Gone(code) from error
            if status >= 500:
                raise Transient(code or str(status)) from error
            raise Rejected(code or str(status)) from error
