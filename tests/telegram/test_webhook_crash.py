"""kill -9 in the middle of a webhook burst: no update that got 200 is lost, because 200 comes only after
the reply; Telegram (here a sender that retries like it) sends the rest again to the restarted bot."""

from __future__ import annotations

import asyncio
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from collections import defaultdict
from pathlib import Path

import httpx

from tests.telegram.conftest import TOKEN
from tests.telegram.fake_bot_api import FakeBotApi
from tests.telegram.webhook_client import deliver, deliveries

ROOT = Path(__file__).resolve().parents[2]
SECRET = "crash-test-secret"
CONNECTIONS = 20
UPDATES = 120


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _start(env: dict[str, str], port: int) -> subprocess.Popen[bytes]:
    process = subprocess.Popen([sys.executable, "-m", "bot", "run"], cwd=ROOT, env=env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=1).status_code == 200:
                return process
        except httpx.HTTPError:
            time.sleep(0.1)
    process.kill()
    raise AssertionError("the bot did not start")


def test_kill_9_during_a_burst_loses_no_accepted_update(tmp_path: Path) -> None:
    with FakeBotApi() as fake:
        fake.send_delay_s = 0.05  # replies take a while, so updates are in flight when the kill comes
        port = _free_port()
        env = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "SLACK_"))}
        # METRICS_PORT 0: the default 9464 may be held by another bot on the machine, and is not under test
        env.update({"TELEGRAM_BOT_TOKEN": TOKEN, "TELEGRAM_API_BASE_URL": f"{fake.url}/bot", "PORT": str(port),
                    "TELEGRAM_WEBHOOK_URL": "https://bot.example.invalid/telegram/webhook",  # only told to the fake
                    "TELEGRAM_WEBHOOK_SECRET": SECRET, "DATABASE_URL": f"sqlite:///{tmp_path}/b.sqlite3",
                    "METRICS_PORT": "0"})  # fmt: skip
        process = _start(env, port)
        items = deliveries(["/help"] * UPDATES, first_chat=700_000)
        url = f"http://127.0.0.1:{port}/telegram/webhook"
        sender = threading.Thread(
            target=lambda: asyncio.run(deliver(url, SECRET, items, connections=CONNECTIONS, retry_s=0.2, give_up_s=90))
        )
        sender.start()
        try:
            while sum(1 for i in items if i.accepted_at) < UPDATES // 4:
                time.sleep(0.01)
            process.send_signal(signal.SIGKILL)
            process.wait(timeout=10)
            killed_at = time.monotonic()
            accepted_before = [i for i in items if i.accepted_at is not None and i.accepted_at < killed_at]
            sent_before = [c for c in fake.sent() if "chat_id" in c.params]
            in_flight = len(sent_before) - len(accepted_before)  # replies sent whose 200 had not come back
            process = _start(env, port)
            sender.join(timeout=120)
        finally:
            process.send_signal(signal.SIGTERM)
            process.wait(timeout=30)
        replies: dict[int, list[float]] = defaultdict(list)
        for call in fake.sent():
            if "chat_id" in call.params:  # not a request cut off by the kill, which the Bot API never took
                replies[int(call.params["chat_id"])].append(call.at)
    assert 0 < len(accepted_before) < UPDATES
    assert all(i.accepted_at is not None for i in items), "Telegram's retries all got through after the restart"
    assert [i.update_id for i in items if not replies[i.chat_id]] == []  # lost: none
    assert all(min(replies[i.chat_id]) < killed_at for i in accepted_before)  # answered before the 200
    duplicates = sum(len(replies[i.chat_id]) - 1 for i in items)
    print(f"accepted before the kill {len(accepted_before)}, replies in flight {in_flight}, duplicates {duplicates}")
    assert duplicates <= max(in_flight, 0) <= CONNECTIONS  # only replies sent but not yet acknowledged repeat
