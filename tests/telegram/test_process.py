"""`subsidybot run` with a token, as an operator starts it: polls the (fake) Bot API, answers, stops on SIGTERM."""

from __future__ import annotations

import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx

from tests.process_env import bot_env
from tests.telegram.conftest import TOKEN
from tests.telegram.fake_bot_api import FakeBotApi, message

ROOT = Path(__file__).resolve().parents[2]


def test_run_polls_answers_and_stops_gracefully_on_sigterm(tmp_path: Path) -> None:
    """The whole process: start, say who it is connected as, ask only for the updates it handles, answer a
    DM, exit 0 on SIGTERM with no traceback, no token in its output."""
    with FakeBotApi() as fake:
        env = bot_env(tmp_path, TELEGRAM_BOT_TOKEN=TOKEN, TELEGRAM_API_BASE_URL=f"{fake.url}/bot")
        process = subprocess.Popen(
            [sys.executable, "-m", "bot", "run"], cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE
        )
        try:
            polled = fake.wait_for("getUpdates", timeout=30)[0].params
            assert polled["allowed_updates"] == ["message", "channel_post", "callback_query"]
            fake.push(message("/subsidy wuhan 2000000", chat_id=77))
            reply = fake.wait_for("sendMessage", timeout=30)[0]
            assert reply.params["chat_id"] == 77 and "60만 위안" in reply.params["text"]
        finally:
            process.send_signal(signal.SIGTERM)
            out, err = process.communicate(timeout=30)
        assert process.returncode == 0, err.decode()
        assert TOKEN not in (out + err).decode()
        assert "telegram: connected as @" in err.decode()  # INFO is the default level
        assert "Traceback" not in err.decode() and "CancelledError" not in err.decode()
        assert fake.sent("setMyCommands")  # the command menu is registered at start


def test_sigterm_mid_broadcast_finishes_in_flight_and_leaves_the_rest_pending(tmp_path: Path) -> None:
    """A broadcast under way when SIGTERM arrives: sends in flight complete, the rest wait for the next start."""
    from bot.storage.store import Store

    database = f"sqlite:///{tmp_path / 'bot.sqlite3'}"
    store = Store(database)
    for i in range(40):
        store.subscribe("telegram", str(-5_000_000 - i), "group", "all", "", "t")
    store.announce("admin", "graceful", None, "cli")
    with FakeBotApi() as fake:
        fake.send_delay_s = 0.2
        api = f"{fake.url}/bot"
        env = bot_env(tmp_path, TELEGRAM_BOT_TOKEN=TOKEN, TELEGRAM_API_BASE_URL=api, DATABASE_URL=database)
        process = subprocess.Popen([sys.executable, "-m", "bot", "run"], cwd=ROOT, env=env,
                                   stdout=subprocess.PIPE, stderr=subprocess.PIPE)  # fmt: skip
        fake.wait_for("sendMessage", 5, timeout=60)
        process.send_signal(signal.SIGTERM)
        _, err = process.communicate(timeout=60)
        sent_calls = len(fake.sent())
    assert process.returncode == 0, err.decode()
    report = Store(database).report(1)
    assert report["sent"] == sent_calls  # every send that reached the API was recorded
    assert 0 < report["sent"] < 40 and report["pending"] == 40 - report["sent"]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_webhook_mode_registers_its_secret_and_never_logs_it(tmp_path: Path) -> None:
    """Webhook mode: setWebhook gets the configured secret, the handled update types and drop_pending_updates;
    an update with the secret is answered, one without gets 403; the secret is in no log line, even DEBUG."""
    secret = "Webhook_secret-for-tests-0123456789"
    port = _free_port()
    with FakeBotApi() as fake:
        env = bot_env(tmp_path, TELEGRAM_BOT_TOKEN=TOKEN, TELEGRAM_API_BASE_URL=f"{fake.url}/bot",
                      TELEGRAM_WEBHOOK_URL="https://bot.example.com/telegram/webhook",
                      TELEGRAM_WEBHOOK_SECRET=secret, TELEGRAM_DROP_PENDING_UPDATES="true", PORT=str(port),
                      LOG_LEVEL="DEBUG")  # fmt: skip
        process = subprocess.Popen([sys.executable, "-m", "bot", "run"], cwd=ROOT, env=env,
                                   stdout=subprocess.PIPE, stderr=subprocess.PIPE)  # fmt: skip
        try:
            registered = fake.wait_for("setWebhook", timeout=30)[0].params
            assert registered["secret_token"] == secret and registered["drop_pending_updates"] is True
            assert registered["allowed_updates"] == ["message", "channel_post", "callback_query"]
            url = f"http://127.0.0.1:{port}/telegram/webhook"
            update = {"update_id": 1, **message("/cities", chat_id=78)}
            deadline = time.monotonic() + 30
            while True:
                try:
                    refused = httpx.post(url, json=update, timeout=5)
                    break
                except httpx.HTTPError:
                    assert time.monotonic() < deadline
                    time.sleep(0.1)
            assert refused.status_code == 403
            headers = {"X-Telegram-Bot-Api-Secret-Token": secret}
            assert httpx.post(url, json=update, headers=headers, timeout=5).status_code == 200
            answered = fake.wait_for("sendMessage", timeout=30)
            assert answered[0].params["chat_id"] == 78
        finally:
            process.send_signal(signal.SIGTERM)
            out, err = process.communicate(timeout=30)
    assert process.returncode == 0, err.decode()
    logged = (out + err).decode()
    assert secret not in logged and TOKEN not in logged and "Traceback" not in logged


def test_a_refused_token_exits_2_and_is_not_restarted(tmp_path: Path) -> None:
    """getMe answers 401: a wrong setting, exit 2 (RestartPreventExitStatus=2), one line naming the variable."""
    with FakeBotApi() as fake:
        fake.fail("getMe", 401, "Unauthorized")
        env = bot_env(tmp_path, TELEGRAM_BOT_TOKEN=TOKEN, TELEGRAM_API_BASE_URL=f"{fake.url}/bot")
        result = subprocess.run([sys.executable, "-m", "bot", "run"], cwd=ROOT, env=env, capture_output=True,
                                text=True, timeout=60)  # fmt: skip
    assert result.returncode == 2, result.stderr
    assert result.stderr.strip().splitlines()[-1] == (
        "subsidybot: TELEGRAM_BOT_TOKEN was refused by Telegram (getMe: unauthorized)"
    )
    assert TOKEN not in result.stderr
