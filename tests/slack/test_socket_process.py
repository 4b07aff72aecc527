"""`subsidybot run` in Socket Mode, as an operator starts it: auth.test at start and "connected as" at INFO,
/healthz on the metrics port follows the socket (ok while connected, 503 once the socket is gone)."""

from __future__ import annotations

import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx

from tests.process_env import bot_env
from tests.slack.fake_slack_api import BOT_TOKEN, FakeSlackApi
from tests.slack.socket_server import SocketModeServer
from tests.slack.test_socket_mode import APP_TOKEN

ROOT = Path(__file__).resolve().parents[2]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _health(url: str) -> tuple[int, dict[str, object]]:
    response = httpx.get(url, timeout=5)
    return response.status_code, response.json()


def test_socket_mode_health_follows_the_socket(tmp_path: Path) -> None:
    metrics_port = _free_port()
    url = f"http://127.0.0.1:{metrics_port}/healthz"
    with FakeSlackApi() as fake:
        server = SocketModeServer().__enter__()
        fake.socket_url = server.url
        env = bot_env(tmp_path, SLACK_BOT_TOKEN=BOT_TOKEN, SLACK_APP_TOKEN=APP_TOKEN, SLACK_API_URL=fake.api_url,
                      METRICS_PORT=str(metrics_port))  # fmt: skip
        process = subprocess.Popen([sys.executable, "-m", "bot", "run"], cwd=ROOT, env=env,
                                   stdout=subprocess.PIPE, stderr=subprocess.PIPE)  # fmt: skip
        try:
            server.wait_for_connections(1, timeout=60)
            deadline = time.monotonic() + 30
            while True:
                try:
                    status, body = _health(url)
                    break
                except httpx.HTTPError:
                    assert time.monotonic() < deadline and process.poll() is None
                    time.sleep(0.1)
            assert status == 200 and body["slack"] is True
            server.__exit__(None, None, None)  # the socket goes away and cannot reconnect
            deadline = time.monotonic() + 30
            while _health(url)[0] == 200:
                assert time.monotonic() < deadline, "health stayed ok without a socket"
                time.sleep(0.1)
            status, body = _health(url)
            assert status == 503 and body["status"] == "down" and body["slack"] is False and body["data"] is True
        finally:
            process.send_signal(signal.SIGTERM)
            _, err = process.communicate(timeout=60)
    log = err.decode()
    assert process.returncode == 0, log
    assert "slack: connected as @subsidybot in workspace Test (T0001)" in log
    assert BOT_TOKEN not in log and APP_TOKEN not in log and "will be unused" not in log
