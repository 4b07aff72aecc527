"""Hostile and broken requests to /slack/events: each class gets its status before anything parses an
unsigned body, leaves one short log line without the body or any secret, and the bot goes on answering."""

from __future__ import annotations

import hashlib
import hmac
import itertools
import json
import logging
import time
import urllib.parse
from collections.abc import Iterator, Mapping
from pathlib import Path

import pytest

from tests.slack.conftest import SlackRun, slack_run
from tests.slack.fake_slack_api import BOT_TOKEN, SIGNING_SECRET, command_body, event_body

MARK = "BODY-MARK"
INBOUND_LOGGERS = ("bot.", "uvicorn", "starlette", "slack_bolt")
JSON = "application/json"
FORM = "application/x-www-form-urlencoded"
DEEP = "[" * 100_000 + "]" * 100_000


def _event_callback(**fields: object) -> bytes:
    return json.dumps({"type": "event_callback", "team_id": "T0001", "event_id": "EvShape", **fields}).encode()


def _payload(payload: dict[str, object]) -> bytes:
    return urllib.parse.urlencode({"payload": json.dumps({"team": {"id": "T0001"}, **payload})}).encode()


# (content type, body): each is 400 when signed, 401 when not.
MALFORMED: dict[str, tuple[str, bytes]] = {
    "not JSON": (JSON, f"{{not json {MARK}".encode()),
    "invalid UTF-8": (JSON, b'{"type": "event_callback", "x": "\xff\xfe' + MARK.encode() + b'"}'),
    "nesting 100,000 deep": (JSON, DEEP.encode()),
    "a list": (JSON, b"[1,2,3]"),
    "a string": (JSON, b'"x"'),
    "payload not JSON": (FORM, f"payload=%7Bnot-json-{MARK}".encode()),
    "a form body sent as JSON": (JSON, command_body(f"wuhan {MARK}", "https://example.invalid/r").encode()),
    "a form with no Slack fields": (FORM, f"hello={MARK}".encode()),
    "a field of the wrong type": (JSON, json.dumps({"type": "event_callback", "team": 5, "m": MARK}).encode()),
    "log forging": (JSON, f'{{"type": "x", "authorizations": "\\nERROR forged {MARK}"}}'.encode()),
    "an event that is a string": (JSON, _event_callback(event=MARK)),
    "an event that is a list": (JSON, _event_callback(event=[MARK])),
    "an event with no type": (JSON, _event_callback(event={"text": MARK})),
    "an event id that is a list": (JSON, _event_callback(event_id=[MARK], event={"type": "message"})),
    "actions that are a string": (
        JSON,
        json.dumps({"type": "block_actions", "team": {"id": "T0001"}, "actions": MARK}).encode(),
    ),
    "an action id that is a number": (
        FORM,
        _payload({"type": "block_actions", "actions": [{"action_id": 5, "v": MARK}]}),
    ),
    "a view that is a string": (FORM, _payload({"type": "view_submission", "team": {"id": "T0001"}, "view": MARK})),
    "a type that is a number": (JSON, json.dumps({"type": 5, "team_id": "T0001", "m": MARK}).encode()),
}


def sign(body: bytes, timestamp: str | None = None, secret: str = SIGNING_SECRET) -> dict[str, str]:
    """Slack's signature over raw bytes (which need not be UTF-8)."""
    ts = timestamp if timestamp is not None else str(int(time.time()))
    digest = hmac.new(secret.encode(), b"v0:" + ts.encode() + b":" + body, hashlib.sha256).hexdigest()
    return {"X-Slack-Request-Timestamp": ts, "X-Slack-Signature": f"v0={digest}"}


def _post(slack: SlackRun, body: bytes, content_type: str, headers: Mapping[str, str | bytes]) -> int:
    raw = {k.encode(): v if isinstance(v, bytes) else v.encode() for k, v in headers.items()}  # any bytes at all
    response = slack.client.post("/slack/events", content=body, headers={b"Content-Type": content_type.encode(), **raw})
    return response.status_code


def _one_short_line(caplog: pytest.LogCaptureFixture, status: int) -> None:
    """The refused request's own line, from the loggers that see inbound requests. (Lines of the bot's earlier
    replies, such as the Web API client's or the chart renderer's, may still land; every line is checked for the
    body and the secrets.)"""
    lines = [r.getMessage() for r in caplog.records if r.name.startswith(INBOUND_LOGGERS)]
    assert len(lines) == 1, lines
    assert lines[0].startswith(f"http: refused {status} /slack/events") and len(lines[0]) < 120
    assert "\n" not in lines[0]
    text = caplog.text
    assert MARK not in text and "forged" not in text and SIGNING_SECRET not in text and BOT_TOKEN not in text


_names = itertools.count()


def _still_answers(slack: SlackRun) -> None:
    name = f"after{next(_names)}"
    assert slack.form(command_body("wuhan 2000000", slack.fake.response_url(name))).status_code == 200
    assert "600,000" in slack.fake.wait_for(name)[0].params["text"]


@pytest.fixture(scope="module")
def slack(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SlackRun]:
    """One bot for the whole module: every hostile request below leaves it answering the next one."""
    with slack_run(tmp_path_factory.mktemp("inbound")) as run:
        yield run


@pytest.fixture
def logs(caplog: pytest.LogCaptureFixture) -> pytest.LogCaptureFixture:
    caplog.set_level(logging.DEBUG)  # the worst case: even Bolt's debug lines
    for name in ("httpx", "httpcore"):
        logging.getLogger(name).setLevel(logging.WARNING)
    return caplog


@pytest.mark.parametrize("name", sorted(MALFORMED))
def test_malformed_bodies_are_401_unsigned_and_400_signed(
    slack: SlackRun, logs: pytest.LogCaptureFixture, name: str
) -> None:
    content_type, body = MALFORMED[name]
    assert _post(slack, body, content_type, {}) == 401
    _one_short_line(logs, 401)
    logs.clear()
    assert _post(slack, body, content_type, sign(body, secret="not-the-secret")) == 401
    _one_short_line(logs, 401)
    logs.clear()
    assert _post(slack, body, content_type, sign(body)) == 400
    _one_short_line(logs, 400)
    _still_answers(slack)


@pytest.mark.parametrize("timestamp", ["12abc", "", "-1", "1e9", "１２３", "²", "9" * 40, "1700000000.5"])
def test_a_timestamp_that_is_not_a_number_is_401(
    slack: SlackRun, logs: pytest.LogCaptureFixture, timestamp: str
) -> None:
    body = command_body("wuhan 2000000", slack.fake.response_url("t")).encode()
    headers: dict[str, str | bytes] = {
        **sign(body, timestamp=timestamp),
        "X-Slack-Request-Timestamp": timestamp.encode(),
    }
    assert _post(slack, body, FORM, headers) == 401
    _one_short_line(logs, 401)
    _still_answers(slack)
    assert slack.fake.sent("t") == []


def test_ten_megabyte_bodies_are_413_signed_or_not(slack: SlackRun, logs: pytest.LogCaptureFixture) -> None:
    """Refused on Content-Length, before a byte of the body is read."""
    body = b'{"type": "event_callback", "x": "' + MARK.encode() * 1_000_000 + b'"}'
    assert _post(slack, body, JSON, {}) == 413
    _one_short_line(logs, 413)
    logs.clear()
    assert _post(slack, body, JSON, sign(body)) == 413
    _one_short_line(logs, 413)
    _still_answers(slack)


def test_a_signed_request_from_an_unknown_team_is_403(slack: SlackRun, logs: pytest.LogCaptureFixture) -> None:
    """The bot's team is T0001 (auth.test); a request signed with our secret for T9999 is refused."""
    body = command_body("wuhan 2000000", slack.fake.response_url("other")).replace("T0001", "T9999").encode()
    assert _post(slack, body, FORM, sign(body)) == 403
    _one_short_line(logs, 403)
    event = event_body({"type": "app_mention", "user": "U1", "text": "hi", "ts": "1.1", "channel": "C1"})
    foreign = event.replace("T0001", "T9999").encode()
    assert _post(slack, foreign, JSON, sign(foreign)) == 403
    _still_answers(slack)
    assert slack.fake.sent("other") == []
    assert [c for c in slack.fake.sent("chat.postMessage") if c.params["channel"] == "C1"] == []


def test_a_replayed_signed_command_is_acknowledged_and_not_acted_on(
    slack: SlackRun, caplog: pytest.LogCaptureFixture
) -> None:
    """The same signed /subsidy (same timestamp and signature) a second time within 5 minutes: 200, no answer."""
    caplog.set_level(logging.INFO)
    body = command_body("announce replayed", slack.fake.response_url("once")).encode()
    headers = sign(body)
    assert _post(slack, body, FORM, headers) == 200
    slack.fake.wait_for("once")
    assert _post(slack, body, FORM, headers) == 200
    time.sleep(0.5)
    assert len(slack.fake.sent("once")) == 1
    assert any("replayed" in r.getMessage() for r in caplog.records)
    assert MARK not in caplog.text


def test_a_replayed_button_press_is_dropped(slack: SlackRun) -> None:
    from tests.slack.fake_slack_api import action_body

    body = action_body("t|wuhan|-|compute_voucher", channel="C0005").encode()
    headers = sign(body)
    assert _post(slack, body, FORM, headers) == 200
    slack.fake.wait_for("chat.postMessage")
    assert _post(slack, body, FORM, headers) == 200
    time.sleep(0.5)
    assert len([c for c in slack.fake.sent("chat.postMessage") if c.params["channel"] == "C0005"]) == 1


def test_bolt_never_logs_a_forged_body(slack: SlackRun, logs: pytest.LogCaptureFixture) -> None:
    """A well-formed command with a bad signature: one line, no body, at DEBUG."""
    body = command_body(f"wuhan 2000000 {MARK}\nERROR forged", slack.fake.response_url("f")).encode()
    assert _post(slack, body, FORM, sign(body, secret="guess")) == 401
    _one_short_line(logs, 401)


def test_slack_s_own_checks_need_no_team(slack: SlackRun) -> None:
    """url_verification and ssl_check carry no team id; signed, they are answered 200."""
    for content_type, body in ((JSON, b'{"type": "url_verification", "challenge": "c1"}'), (FORM, b"ssl_check=1")):
        assert _post(slack, body, content_type, sign(body)) == 200


def test_two_replicas_on_one_database_act_on_a_command_once(tmp_path: Path) -> None:
    """The same signed command delivered to two replicas sharing a database (a replay, or a load balancer
    retrying elsewhere) is answered by the first only; so is an event id."""
    with slack_run(tmp_path) as first, slack_run(tmp_path) as second:
        body = command_body("wuhan 2000000", first.fake.response_url("shared")).encode()
        headers = sign(body)
        assert _post(first, body, FORM, headers) == 200
        first.fake.wait_for("shared")
        assert _post(second, body, FORM, headers) == 200
        event = event_body({"type": "message", "channel_type": "im", "user": "U1", "text": "/help", "ts": "1.9",
                            "channel": "D7"}, event_id="EvReplicas").encode()  # fmt: skip
        assert _post(first, event, JSON, sign(event)) == 200
        first.fake.wait_for("chat.postMessage")
        assert _post(second, event, JSON, sign(event)) == 200
        time.sleep(0.5)
        assert len(first.fake.sent("shared")) == 1
        assert second.fake.sent("chat.postMessage") == []
