"""A fake Slack Web API (and response_url endpoint) on 127.0.0.1, and requests signed as Slack signs them."""

from __future__ import annotations

import hashlib
import hmac
import itertools
import json
import time
import urllib.parse
from typing import Any

from tests.fakes.recording_server import Answer, Call, RecordingServer

BOT_USER = "UBOT0001"
BOT_ID = "BBOT0001"
SIGNING_SECRET = "8f742231b10e8888abcd99yyyzzz85a5"
BOT_TOKEN = "xoxb-test-fake-token-for-tests-only-abcdef"
_ts = itertools.count(1)


class FakeSlackApi(RecordingServer):
    socket_url = ""  # what apps.connections.open hands out (a local Socket Mode server)
    workspace_admins: frozenset[str] = frozenset({"UADMIN"})

    def __enter__(self) -> FakeSlackApi:
        super().__enter__()
        return self

    @property
    def api_url(self) -> str:
        return f"{self.url}/api/"

    def response_url(self, name: str = "r1") -> str:
        return f"{self.url}/response/{name}"

    def target_of(self, call: Call) -> str:
        return str(call.params.get("channel", "*"))

    def rate_limit(self, method: str, seconds: int = 1) -> None:
        self.fail_next(method, Answer(429, {"ok": False, "error": "ratelimited"}, {"Retry-After": str(seconds)}))

    def api_error(self, method: str, error: str, channel: str = "*") -> None:
        self.fail_next(method, Answer(200, {"ok": False, "error": error}), channel)

    def answer(self, call: Call) -> Answer:
        if call.path.startswith("/response/"):
            return Answer(200, {"ok": True})
        if call.method == "auth.test":
            return Answer(200, {"ok": True, "user_id": BOT_USER, "bot_id": BOT_ID, "team_id": "T0001",
                                "user": "subsidybot", "team": "Test", "url": "https://test.slack.com/"})  # fmt: skip
        if call.method == "users.info":
            user = str(call.params.get("user", ""))
            return Answer(200, {"ok": True, "user": {"id": user, "is_admin": user in self.workspace_admins}})
        if call.method == "files.getUploadURLExternal":
            return Answer(200, {"ok": True, "upload_url": f"{self.url}/upload/F0001", "file_id": "F0001"})
        if call.path.startswith("/upload/"):
            return Answer(200, {"ok": True})
        if call.method == "files.completeUploadExternal":
            return Answer(200, {"ok": True, "files": [{"id": "F0001", "title": "chart"}]})
        if call.method == "apps.connections.open":
            return Answer(200, {"ok": True, "url": self.socket_url})
        if call.method == "conversations.open":  # the direct message with a user: D + the user id
            return Answer(200, {"ok": True, "channel": {"id": "D" + str(call.params.get("users", ""))}})
        if call.method == "chat.postMessage":
            ts = f"{int(time.time())}.{next(_ts):06d}"
            return Answer(200, {"ok": True, "channel": call.params.get("channel"), "ts": ts})
        return Answer(200, {"ok": True})


def signed_headers(body: str, timestamp: int | None = None, secret: str = SIGNING_SECRET) -> dict[str, str]:
    """X-Slack-Request-Timestamp and X-Slack-Signature as Slack computes them: v0:{ts}:{body}, HMAC-SHA256."""
    ts = str(int(time.time()) if timestamp is None else timestamp)
    digest = hmac.new(secret.encode(), f"v0:{ts}:{body}".encode(), hashlib.sha256).hexdigest()
    return {"X-Slack-Request-Timestamp": ts, "X-Slack-Signature": f"v0={digest}"}


def command_body(text: str, response_url: str, channel: str = "C0001", user: str = "U0001") -> str:
    fields = {"token": "legacy", "team_id": "T0001", "channel_id": channel, "channel_name": "general",
              "user_id": user, "user_name": "min", "command": "/subsidy", "text": text,
              "response_url": response_url, "trigger_id": "t.1", "api_app_id": "A0001"}  # fmt: skip
    return urllib.parse.urlencode(fields)


_event_ids = itertools.count(1)


def event_body(event: dict[str, Any], event_id: str | None = None) -> str:
    return json.dumps({"token": "legacy", "team_id": "T0001", "api_app_id": "A0001", "type": "event_callback",
                       "event_id": event_id or f"Ev{next(_event_ids):08d}", "event_time": int(time.time()),
                       "authorizations": [{"team_id": "T0001", "user_id": BOT_USER, "is_bot": True}],
                       "event": event})  # fmt: skip


def action_body(value: str, channel: str = "C0001") -> str:
    payload = {"type": "block_actions", "team": {"id": "T0001"}, "user": {"id": "U0001"}, "api_app_id": "A0001",
               "channel": {"id": channel}, "container": {"type": "message", "channel_id": channel},
               "trigger_id": "t.2", "response_url": "https://example.invalid/none",
               "actions": [{"type": "button", "action_id": "subsidy_button_0", "block_id": "b", "value": value,
                            "action_ts": "1"}]}  # fmt: skip
    return urllib.parse.urlencode({"payload": json.dumps(payload)})
