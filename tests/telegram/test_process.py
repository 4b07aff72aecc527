"""`subsidybot run` with a token, as an operator starts it: polls the (fake) Bot API, answers, stops on SIGTERM."""

from __future__ import annotations

import signal
import subprocess
import sys
from pathlib import Path

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
