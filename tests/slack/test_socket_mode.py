"""Socket Mode: the real Bolt handler against a local server speaking the envelope protocol."""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest

from bot.adapters.slack.app import SlackBot
from bot.adapters.slack.socket import SocketWatchdog, socket_handler
from bot.app import build_services, fixed_clock
from bot.core.dispatch import Responder
from bot.settings import Settings
from tests.conftest import TODAY
from tests.slack.fake_slack_api import BOT_TOKEN, BOT_USER, FakeSlackApi
from tests.slack.socket_server import SocketModeServer

APP_TOKEN = "xapp-1-A0001-1111-FakeAppTokenForTests"


@dataclass
class SocketRun:
    fake: FakeSlackApi
    server: SocketModeServer
    watchdog: SocketWatchdog
    call: Any


@pytest.fixture
def socket_mode() -> Iterator[SocketRun]:
    with FakeSlackApi() as fake, SocketModeServer() as server:
        fake.socket_url = server.url
        responder = Responder(build_services(Settings.from_env({}), clock=fixed_clock(TODAY)))
        app = SlackBot(responder).build(BOT_TOKEN, None, fake.api_url)
        loop = asyncio.new_event_loop()
        thread = threading.Thread(target=loop.run_forever, daemon=True)
        thread.start()

        def call(coro: Any) -> Any:
            return asyncio.run_coroutine_threadsafe(coro, loop).result(timeout=20)

        async def make() -> Any:
            return socket_handler(app, APP_TOKEN)

        handler = call(make())
        call(handler.connect_async())
        server.wait_for_connections(1)
        watchdog = SocketWatchdog(handler, interval_s=3600, quiet_limit_s=3600)
        try:
            yield SocketRun(fake, server, watchdog, call)
        finally:
            call(handler.close_async())
            loop.call_soon_threadsafe(loop.stop)
            thread.join(timeout=5)


def test_events_api_envelope_is_acked_and_answered(socket_mode: SocketRun) -> None:
    """An app_mention envelope is acked by envelope_id and answered in its thread."""
    event = {
        "type": "app_mention",
        "user": "U1",
        "text": f"<@{BOT_USER}> 우한 컴퓨팅 쿠폰 얼마야?",
        "ts": "1.1",
        "channel": "C1",
    }
    authorizations = [{"team_id": "T0001", "user_id": BOT_USER, "is_bot": True}]
    payload = {"type": "event_callback", "team_id": "T0001", "api_app_id": "A0001", "event_id": "Ev1",
               "event": event, "authorizations": authorizations}  # fmt: skip
    socket_mode.server.send({"envelope_id": "env-1", "type": "events_api", "payload": payload,
                             "accepts_response_payload": False, "retry_attempt": 0})  # fmt: skip
    socket_mode.server.wait_for_ack("env-1")
    post = socket_mode.fake.wait_for("chat.postMessage")[0].params
    assert post["channel"] == "C1" and post["thread_ts"] == "1.1"


def test_slash_command_envelope_is_acked_and_answered(socket_mode: SocketRun) -> None:
    """A slash_commands envelope is acked, then answered through its response_url."""
    payload = {"command": "/subsidy", "text": "wuhan 2000000", "channel_id": "C2", "user_id": "U2",
               "team_id": "T0001", "response_url": socket_mode.fake.response_url("sock"), "trigger_id": "t",
               "api_app_id": "A0001"}  # fmt: skip
    socket_mode.server.send({"envelope_id": "env-2", "type": "slash_commands", "payload": payload,
                             "accepts_response_payload": True})  # fmt: skip
    socket_mode.server.wait_for_ack("env-2")
    assert "600,000" in socket_mode.fake.wait_for("sock")[0].params["text"]


def test_retried_envelope_is_answered_once_by_event_id(socket_mode: SocketRun) -> None:
    """Dedupe is by event_id, not by retry number: a retry of an event already handled is acked and not
    answered again; a retry whose first delivery never reached us (a restart, a 5xx) is answered."""
    event = {"type": "message", "channel_type": "im", "user": "U3", "text": "/cities", "ts": "1.2", "channel": "D3"}
    payload = {"type": "event_callback", "team_id": "T0001", "event_id": "Ev3", "event": event}
    socket_mode.server.send({"envelope_id": "env-3", "type": "events_api", "payload": payload, "retry_attempt": 0})
    socket_mode.server.wait_for_ack("env-3")
    socket_mode.fake.wait_for("chat.postMessage")
    socket_mode.server.send({"envelope_id": "env-4", "type": "events_api", "payload": payload,
                             "retry_attempt": 1, "retry_reason": "timeout"})  # fmt: skip
    socket_mode.server.wait_for_ack("env-4")
    assert len(socket_mode.fake.sent("chat.postMessage")) == 1
    socket_mode.server.send({"envelope_id": "env-5", "type": "events_api", "payload": {**payload, "event_id": "Ev5"},
                             "retry_attempt": 2, "retry_reason": "http_error"})  # fmt: skip
    socket_mode.server.wait_for_ack("env-5")
    deadline = time.monotonic() + 10
    while len(socket_mode.fake.sent("chat.postMessage")) < 2 and time.monotonic() < deadline:
        time.sleep(0.05)
    assert len(socket_mode.fake.sent("chat.postMessage")) == 2


def test_watchdog_checks_auth_and_reconnects_a_dropped_socket(socket_mode: SocketRun) -> None:
    """With the socket healthy the watchdog only calls auth.test; after a drop it opens a new connection."""
    assert socket_mode.call(socket_mode.watchdog.check_once()) is False
    assert socket_mode.fake.sent("auth.test")
    socket_mode.server.drop_all()
    socket_mode.call(asyncio.sleep(0.2))
    socket_mode.call(socket_mode.watchdog.check_once())
    socket_mode.server.wait_for_connections(2)
    assert len(socket_mode.fake.sent("apps.connections.open")) >= 2
