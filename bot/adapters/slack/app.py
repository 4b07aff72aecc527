"""The Bolt AsyncApp: /subsidy, app_mention (answered in the thread), DMs and buttons.

Every listener acks first and works after; an event id already handled is acknowledged, not redone;
bot messages, edits and our own posts are ignored. Errors go back only to the asker (ephemeral).
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
import re
from collections.abc import Awaitable, Callable
from typing import Any

from slack_bolt.async_app import AsyncAck, AsyncApp, AsyncRespond
from slack_bolt.request.async_request import AsyncBoltRequest
from slack_bolt.response import BoltResponse
from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from bot.adapters.slack.render import BUTTON_ACTION_ID, fallback_text, pages
from bot.adapters.slack.sending import SlackSender
from bot.charts.render import render_png
from bot.core.dispatch import Responder
from bot.core.message import IncomingMessage
from bot.core.reply import Reply
from bot.delivery.errors import DeliveryError, Gone
from bot.logging_setup import new_request_id
from bot.storage.replay import Deliveries, MemoryDeliveries

log = logging.getLogger(__name__)

_MENTION = re.compile(r"<@[A-Z0-9]+(?:\|[^>]*)?>")
EVENT_TTL = dt.timedelta(hours=1)
SLASH_COMMAND = "subsidy"  # the app's one slash command; its first word may name any registry command


class SlackBot:
    """Wires the responder into a Bolt app; owns no secrets beyond what the app was built with."""

    def __init__(self, responder: Responder, sender: SlackSender | None = None) -> None:
        self.responder = responder
        self.sender = sender or SlackSender()

    def build(
        self, token: str, signing_secret: str | None, api_url: str, deliveries: Deliveries | None = None
    ) -> AsyncApp:
        """``deliveries`` remembers event ids across replicas (the database); in memory when not given."""
        self._deliveries = deliveries if deliveries is not None else MemoryDeliveries()
        client = AsyncWebClient(token=token, base_url=api_url, retry_handlers=[])  # retries: bot/delivery/policy.py
        app = AsyncApp(
            client=client,
            signing_secret=signing_secret or "",
            # HTTP mode verifies in bot/adapters/slack/web.py, on the raw bytes, before anything parses them;
            # Bolt's own check would come after its parser (and logs bad bodies in full).
            request_verification_enabled=False,
            process_before_response=False,
        )
        app.middleware(self._drop_retries)
        app.command(f"/{SLASH_COMMAND}")(self.on_command)
        app.event("app_mention")(self.on_mention)
        app.event("message")(self.on_message)
        app.action(re.compile(f"^{BUTTON_ACTION_ID}_\\d+$"))(self.on_button)
        app.error(self.on_error)
        return app

    async def _drop_retries(
        self, req: AsyncBoltRequest, resp: BoltResponse, next: Callable[[], Awaitable[BoltResponse]]
    ) -> BoltResponse:
        """Slack redelivers an event when the first delivery failed or seemed slow: dedupe by event_id, so a
        retry whose event we never handled (a restart, a 5xx) is answered, and one we did is acknowledged.
        Event ids are kept for an hour, in the database when there is one, so that replicas agree."""
        new_request_id()
        event_id = req.body.get("event_id") if isinstance(req.body, dict) else None
        if not event_id:
            return await next()
        key = f"slack-event:{event_id}"
        if not await asyncio.to_thread(self._deliveries.first_delivery, key, EVENT_TTL):
            return BoltResponse(status=200, body="")
        try:
            return await next()
        except Exception:
            await asyncio.to_thread(
                self._deliveries.forget_delivery, key
            )  # not handled: Slack's retry gets another chance
            raise

    def _incoming(
        self, text: str, channel: str, user: str, client: AsyncWebClient, via_command: str | None = None
    ) -> IncomingMessage:
        kind = "private" if channel.startswith("D") else "group"
        return IncomingMessage(
            text=text,
            via_command=via_command,
            platform="slack",
            chat_id=channel,
            user_id=user,
            chat_kind=kind,
            chat_admin=lambda: self._is_admin(client, user),
        )

    async def _is_admin(self, client: AsyncWebClient, user: str) -> bool:
        """Is the user a workspace admin or owner? Asked by the core only when an access rule needs it."""
        try:
            info = await client.users_info(user=user)
        except SlackApiError:
            return False
        profile = info.get("user") or {}
        return bool(profile.get("is_admin") or profile.get("is_owner"))

    async def on_command(
        self, ack: AsyncAck, command: dict[str, Any], respond: AsyncRespond, client: AsyncWebClient
    ) -> None:
        await ack()
        text, channel, user = command.get("text", ""), command["channel_id"], command["user_id"]
        reply = await self.responder.answer(self._incoming(text, channel, user, client, via_command=SLASH_COMMAND))
        private = reply.private is not None
        if reply.private is not None:
            await self.post_private(client, user, reply.private)
        response_type = "ephemeral" if reply.error or private else "in_channel"
        for page in pages(reply):
            await respond(text=fallback_text(reply), blocks=page, response_type=response_type)
        await self.attach_chart(client, command["channel_id"], reply)

    async def on_mention(self, event: dict[str, Any], client: AsyncWebClient) -> None:
        if event.get("bot_id") or event.get("subtype"):
            return
        text = _MENTION.sub(" ", event.get("text", "")).strip() or "/help"
        channel = event["channel"]
        reply = await self.responder.answer(self._incoming(text, channel, event.get("user", ""), client))
        if reply.private is not None:
            await self.post_private(client, event.get("user", ""), reply.private)
        await self.post(client, channel, reply, thread_ts=event.get("thread_ts") or event.get("ts"))

    async def on_message(self, event: dict[str, Any], client: AsyncWebClient) -> None:
        """Direct messages only; edits, deletions, bot posts and channel chatter are ignored."""
        if event.get("channel_type") != "im" or event.get("bot_id") or event.get("subtype"):
            return
        channel = event["channel"]
        incoming = self._incoming(event.get("text", ""), channel, event.get("user", ""), client)
        reply = await self.responder.answer(incoming)
        await self.post(client, channel, reply, thread_ts=event.get("thread_ts"))

    async def on_button(self, ack: AsyncAck, body: dict[str, Any], client: AsyncWebClient) -> None:
        await ack()
        action = (body.get("actions") or [{}])[0].get("value", "")
        channel = (body.get("channel") or {}).get("id") or (body.get("container") or {}).get("channel_id")
        user = (body.get("user") or {}).get("id", "")
        if not channel:
            return
        reply = await self.responder.act(self._incoming("", channel, user, client), action)
        thread = (body.get("message") or {}).get("thread_ts")
        await self.post(client, channel, reply, thread_ts=thread)

    async def post_private(self, client: AsyncWebClient, user: str, reply: Reply) -> bool:
        """A reply for one person only, in the direct message with them (conversations.open, scope im:write)."""
        try:
            opened = await client.conversations_open(users=user)
        except SlackApiError as error:
            log.warning("slack: could not open a direct message: %s", error.response.get("error", ""))
            return False
        channel = (opened.get("channel") or {}).get("id")
        return await self.post(client, str(channel), reply) if channel else False

    async def post(self, client: AsyncWebClient, channel: str, reply: Reply, thread_ts: str | None = None) -> bool:
        """chat.postMessage through the one sender (its retry policy); a failure is logged, never raised."""
        try:
            await self.sender.post(client, channel, reply, thread_ts)
        except Gone as error:
            log.info("slack channel %s is gone (%s)", channel, error)
            return False
        except DeliveryError as error:
            log.warning("slack post to %s failed: %s", channel, error)
            return False
        await self.attach_chart(client, channel, reply, thread_ts)
        return True

    async def attach_chart(
        self, client: AsyncWebClient, channel: str, reply: Reply, thread_ts: str | None = None
    ) -> None:
        """Upload the reply's chart (files_upload_v2); a failure costs only the picture, never the answer."""
        if reply.chart is None or reply.error:
            return
        try:
            png = await asyncio.to_thread(render_png, reply.chart)
            await client.files_upload_v2(
                channel=channel, content=png, filename=reply.chart.filename, title=reply.chart.title[:250],
                thread_ts=thread_ts,
            )  # fmt: skip
        except SlackApiError as error:
            log.warning("slack chart upload to %s failed: %s", channel, error.response.get("error", ""))

    async def on_error(self, error: Exception, body: dict[str, Any]) -> None:
        log.error("slack request failed", exc_info=error)
