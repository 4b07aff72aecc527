"""The delivery worker's Slack outlet: the one SlackSender bound to the app's Web API client."""

from __future__ import annotations

from slack_sdk.web.async_client import AsyncWebClient

from bot.adapters.slack.sending import SlackSender


class SlackBroadcaster:
    def __init__(self, client: AsyncWebClient, sender: SlackSender | None = None) -> None:
        self.client = client
        self.sender = sender or SlackSender()

    async def send(self, chat_key: str, text: str, lang: str | None) -> None:
        await self.sender.announce(self.client, chat_key, text, lang)
