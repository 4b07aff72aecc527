"""The Telegram webhook as an attacker and a bad day see it: wrong secrets, malformed updates with the right
secret, oversized bodies, redeliveries and overload; each gets its status, one short log line without the
body or any secret, and the bot goes on answering."""

from __future__ import annotations

import itertools
import json
import logging
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from bot.adapters.telegram.webhook import SECRET_HEADER, WEBHOOK_PATH
from tests.telegram.conftest import TOKEN
from tests.telegram.fake_bot_api import message
from tests.telegram.webhook_server import SECRET, WebhookRun, webhook_bot

MARK = "BODY-MARK"
DEEP = "[" * 100_000 + "]" * 100_000
MALFORMED: dict[str, bytes] = {
    "null": b"null",
    "number": b"42",
    "list": b"[]",
    "no update_id": json.dumps({"message": f"hi {MARK}"}).encode(),
    "message a string": json.dumps({"update_id": 7, "message": f"hi {MARK}"}).encode(),
    "chat a number": json.dumps({"update_id": 8, "message": {"message_id": 1, "date": 1, "chat": 5}}).encode(),
    "update_id a string": json.dumps({"update_id": "9", "text": MARK}).encode(),
    "overflowing number": b"1e400",
    "overflowing update_id": b'{"update_id": 1e400}',
    "deep nesting": DEEP.encode(),
    "deep inside an update": b'{"update_id": 10, "message": ' + DEEP.encode() + b"}",
    "not JSON": f"{{not json {MARK}".encode(),
    "invalid UTF-8": b'{"update_id": 11, "x": "\xff\xfe' + MARK.encode() + b'"}',
    "log forging": json.dumps({"update_id": "12\nERROR forged line", "m": MARK}).encode(),
}


@pytest.fixture(scope="module")
def webhook(tmp_path_factory: pytest.TempPathFactory) -> Iterator[WebhookRun]:
    """One bot for the module: every bad request below leaves it answering the next good one."""
    with webhook_bot(tmp_path_factory.mktemp("webhook")) as run:
        yield run


_update_ids = itertools.count(1000)


def _sent_to(run: WebhookRun, chat_id: int) -> list[str]:
    return [str(c.params.get("text")) for c in run.fake.sent() if c.params.get("chat_id") == chat_id]


def _post(run: WebhookRun, body: bytes, secret: str | bytes | None = SECRET, **headers: str) -> httpx.Response:
    sent = {b"Content-Type": b"application/json", **{k.encode(): v.encode() for k, v in headers.items()}}
    if secret is not None:
        sent[SECRET_HEADER.encode()] = secret if isinstance(secret, bytes) else secret.encode()
    return httpx.post(run.url + WEBHOOK_PATH, content=body, headers=sent, timeout=20)


def _update(text: str, chat_id: int, update_id: int | None = None) -> bytes:
    update_id = next(_update_ids) if update_id is None else update_id
    return json.dumps({"update_id": update_id, **message(text, chat_id=chat_id)}).encode()


def _still_answers(run: WebhookRun) -> None:
    chat_id = next(_update_ids)
    assert _post(run, _update("/subsidy wuhan 2000000", chat_id)).status_code == 200
    assert _sent_to(run, chat_id)


def _quiet_http_clients() -> None:
    for name in ("httpx", "httpcore"):  # as configure_logging() leaves them: their lines carry the token
        logging.getLogger(name).setLevel(logging.WARNING)


def test_200_only_after_the_update_was_answered(webhook: WebhookRun) -> None:
    """Accepted means kept: by the time Telegram sees 200, the reply has gone to the Bot API."""
    response = _post(webhook, _update("/subsidy wuhan 2000000", 31))
    assert response.status_code == 200
    sent = _sent_to(webhook, 31)
    assert len(sent) == 1 and "60만 위안" in sent[0]


def test_wrong_or_missing_secret_is_403_and_nothing_is_handled(
    webhook: WebhookRun, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    _quiet_http_clients()
    for secret in ("wrong", None, SECRET + "x", "\xe9".encode("latin-1")):
        caplog.clear()
        assert _post(webhook, _update("/help", 32), secret=secret).status_code == 403
        assert len(caplog.records) == 1 and "403" in caplog.records[0].getMessage()
    assert _sent_to(webhook, 32) == []
    assert SECRET not in caplog.text


@pytest.mark.parametrize("name", sorted(MALFORMED))
def test_malformed_updates_with_the_right_secret_get_400(
    webhook: WebhookRun, caplog: pytest.LogCaptureFixture, name: str
) -> None:
    """400, never 500; exactly one short log line, without the body or the secret; the bot still answers."""
    caplog.set_level(logging.DEBUG)
    _quiet_http_clients()
    response = _post(webhook, MALFORMED[name])
    assert response.status_code == 400, name
    lines = [r.getMessage() for r in caplog.records]
    assert len(lines) == 1 and len(lines[0]) < 120, lines
    assert "400" in lines[0] and "\n" not in lines[0]
    assert MARK not in caplog.text and "forged" not in caplog.text and SECRET not in caplog.text
    _still_answers(webhook)
    assert SECRET not in caplog.text and TOKEN not in caplog.text


def test_oversized_bodies_get_413_without_being_read(webhook: WebhookRun, caplog: pytest.LogCaptureFixture) -> None:
    """10 MB declared in Content-Length, and 2 MB streamed without one: 413 either way, one line each."""
    caplog.set_level(logging.INFO)
    big = b'{"update_id": 1, "x": "' + b"a" * 10_000_000 + b'"}'
    assert _post(webhook, big).status_code == 413

    def chunks() -> Iterator[bytes]:
        for _ in range(32):
            yield b"a" * 65_536

    streamed = httpx.post(webhook.url + WEBHOOK_PATH, content=chunks(), headers={SECRET_HEADER: SECRET}, timeout=20)
    assert streamed.status_code == 413
    refusals = [r.getMessage().rsplit(":", 1)[0] for r in caplog.records]
    assert refusals == ["http: refused 413 /telegram/webhook from 127.0.0.1"] * 2
    _still_answers(webhook)


def test_a_redelivered_update_is_answered_once(webhook: WebhookRun) -> None:
    """Telegram retries an update it got no 200 for: the same update_id, handled or in progress, is not
    answered twice (both deliveries get 200)."""
    webhook.fake.send_delay_s = 0.3
    body = _update("/help", 35)
    statuses: list[int] = []
    first = threading.Thread(target=lambda: statuses.append(_post(webhook, body).status_code))
    first.start()
    time.sleep(0.1)  # the first delivery is being handled
    statuses.append(_post(webhook, body).status_code)
    first.join()
    statuses.append(_post(webhook, body).status_code)  # and once it is done
    webhook.fake.send_delay_s = 0.0
    assert statuses == [200, 200, 200]
    assert len(_sent_to(webhook, 35)) == 1


def test_overload_answers_503_so_telegram_retries(tmp_path: Path) -> None:
    """One update at a time and no backlog: a second one meanwhile gets 503 with Retry-After and is not
    handled; sent again later it is."""
    with webhook_bot(tmp_path, concurrency=1, backlog=0) as run:
        run.fake.send_delay_s = 0.5
        statuses: list[int] = []
        first = threading.Thread(target=lambda: statuses.append(_post(run, _update("/help", 36, 1)).status_code))
        first.start()
        time.sleep(0.2)
        busy = _post(run, _update("/help", 37, 2))
        assert busy.status_code == 503 and busy.headers["Retry-After"] == "1"
        first.join()
        assert statuses == [200]
        assert [c.params["chat_id"] for c in run.fake.sent()] == [36]
        assert _post(run, _update("/help", 37, 2)).status_code == 200
        assert [c.params["chat_id"] for c in run.fake.sent()] == [36, 37]


def test_health_check(webhook: WebhookRun) -> None:
    health = httpx.get(webhook.url + "/healthz")
    assert health.status_code == 200 and health.json() == {"status": "ok", "telegram": True}
