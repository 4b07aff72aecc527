"""Running it in production: configuration checks, /healthz and /metrics, live data reload, JSON logs,
graceful SIGTERM, and the container files (Docker cannot run here, so they are read)."""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import yaml

from bot.domain.dataset import DEFAULT_DATA_DIR
from tests.slack.fake_slack_api import BOT_TOKEN, SIGNING_SECRET, FakeSlackApi, command_body, signed_headers
from tests.test_cli import run

ROOT = Path(__file__).resolve().parents[1]


def test_config_masks_secrets_and_hides_the_database_password() -> None:
    """`subsidybot config` shows which secrets are set, never their values."""
    token = "123456789:TEST_fake_token_for_tests_only_abcdefghijk"
    result = run("config", env={"TELEGRAM_BOT_TOKEN": token, "DATABASE_URL": "postgresql+psycopg://bot:s3cr3t@db/x"})
    assert result.returncode == 0 and "configuration: OK (telegram)" in result.stdout
    assert token not in result.stdout and "s3cr3t" not in result.stdout and "bot:***@db" in result.stdout


def test_configuration_errors_are_one_clear_line() -> None:
    """Each mistake is named, exit code 2, no traceback."""
    cases = [
        ({"SLACK_BOT_TOKEN": "xoxb-1-2-x"}, "SLACK_APP_TOKEN"),
        ({"LOG_FORMAT": "xml"}, "LOG_FORMAT"),
        ({"PORT": "http"}, "PORT"),
        ({"BOT_ADMINS": "discord:1"}, "BOT_ADMINS"),
        ({"TELEGRAM_WEBHOOK_URL": "https://x/telegram/webhook"}, "TELEGRAM_BOT_TOKEN"),
    ]
    for env, word in cases:
        result = run("config", env=env)
        assert result.returncode == 2 and word in result.stderr and "Traceback" not in result.stderr, env


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _wait_healthy(url: str, process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        assert process.poll() is None, process.stderr.read().decode() if process.stderr else ""
        try:
            if httpx.get(f"{url}/healthz", timeout=1).status_code == 200:
                return
        except httpx.HTTPError:
            time.sleep(0.1)
    raise AssertionError("the bot did not become healthy")


def _ask(url: str, fake: FakeSlackApi, text: str, name: str) -> str:
    body = command_body(text, fake.response_url(name))
    headers = {**signed_headers(body), "Content-Type": "application/x-www-form-urlencoded"}
    assert httpx.post(f"{url}/slack/events", content=body, headers=headers, timeout=10).status_code == 200
    return str(fake.wait_for(name, timeout=20)[0].params["text"])


def test_http_mode_health_metrics_reload_and_sigterm(tmp_path: Path) -> None:
    """One process in Slack HTTP mode: healthy, answers, counts in /metrics, reloads good data on SIGHUP and
    keeps the old data when the new is broken, logs JSON with request ids and no secret, exits 0 on SIGTERM."""
    data = tmp_path / "data"
    shutil.copytree(DEFAULT_DATA_DIR, data)
    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    with FakeSlackApi() as fake:
        env = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "SLACK_"))}
        env.update({"SLACK_BOT_TOKEN": BOT_TOKEN, "SLACK_SIGNING_SECRET": SIGNING_SECRET, "SLACK_API_URL": fake.api_url,
                    "PORT": str(port), "DATABASE_URL": f"sqlite:///{tmp_path / 'bot.sqlite3'}",
                    "SUBSIDYBOT_DATA_DIR": str(data), "LOG_FORMAT": "json", "LOG_LEVEL": "INFO",
                    "SUBSIDYBOT_TODAY": "2026-11-23"})  # fmt: skip
        process = subprocess.Popen([sys.executable, "-m", "bot", "run"], cwd=ROOT, env=env,
                                   stdout=subprocess.PIPE, stderr=subprocess.PIPE)  # fmt: skip
        try:
            _wait_healthy(url, process)
            assert "CNY 1,000,000" in _ask(url, fake, "wuhan 5000000 scenario", "a1")
            metrics = httpx.get(f"{url}/metrics", timeout=5).text
            assert 'subsidybot_messages_total{intent="subsidy_calc",platform="slack"} 1.0' in metrics
            assert "subsidybot_outbox_depth" in metrics and "subsidybot_reply_seconds_bucket" in metrics

            wuhan = data / "places" / "wuhan.yaml"
            good = wuhan.read_text(encoding="utf-8")
            wuhan.write_text("slug: [broken", encoding="utf-8")
            process.send_signal(signal.SIGHUP)
            time.sleep(1.0)
            assert "CNY 1,000,000" in _ask(url, fake, "wuhan 5000000 scenario", "a2")  # old data kept
            assert 'subsidybot_data_reloads_total{result="refused"} 1.0' in httpx.get(f"{url}/metrics").text

            wuhan.write_text(good.replace("cap_cny: 1000000\n", "cap_cny: 1200000\n", 1), encoding="utf-8")
            process.send_signal(signal.SIGHUP)
            time.sleep(1.5)
            assert "CNY 1,200,000" in _ask(url, fake, "wuhan 5000000 scenario", "a3")  # new data in use
        finally:
            process.send_signal(signal.SIGTERM)
            out, err = process.communicate(timeout=60)
    assert process.returncode == 0, err.decode()
    lines = [json.loads(line) for line in err.decode().splitlines() if line.startswith("{")]
    assert lines and all({"ts", "level", "logger", "request_id", "msg"} <= set(line) for line in lines)
    assert any("data reload refused" in line["msg"] for line in lines)
    logged = (out + err).decode()
    assert BOT_TOKEN not in logged and SIGNING_SECRET not in logged


def test_dockerfile_runs_as_non_root_with_a_healthcheck_and_no_secrets() -> None:
    """The image essentials, read from the Dockerfile (no Docker engine runs here)."""
    dockerfile = (ROOT / "deploy" / "Dockerfile").read_text(encoding="utf-8")
    users = [line.split()[1] for line in dockerfile.splitlines() if line.startswith("USER ")]
    assert users and users[-1] not in ("root", "0")
    assert "HEALTHCHECK" in dockerfile and "constraints.txt" in dockerfile
    for secret in ("TELEGRAM_BOT_TOKEN", "SLACK_BOT_TOKEN", "SLACK_APP_TOKEN", "SLACK_SIGNING_SECRET"):
        assert secret not in dockerfile


def test_compose_keeps_secrets_in_the_env_file_and_data_in_a_volume() -> None:
    """compose.yaml: the bot reads .env, stores its SQLite file on a volume, PostgreSQL is optional."""
    compose = yaml.safe_load((ROOT / "deploy" / "compose.yaml").read_text(encoding="utf-8"))
    bot = compose["services"]["bot"]
    assert bot["env_file"] == ".env" and "environment" not in bot
    assert any("/var/lib/subsidybot" in v for v in bot["volumes"])
    assert compose["services"]["postgres"]["profiles"] == ["postgres"]
    env_example = (ROOT / "deploy" / ".env.example").read_text(encoding="utf-8")
    assert "TELEGRAM_BOT_TOKEN=\n" in env_example  # placeholders only


def test_constraints_pin_every_runtime_dependency() -> None:
    """Every runtime dependency of pyproject.toml is pinned in deploy/constraints.txt."""
    import tomllib

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    pinned = {
        line.split("==")[0].lower().replace("_", "-")
        for line in (ROOT / "deploy" / "constraints.txt").read_text(encoding="utf-8").splitlines()
        if "==" in line
    }
    for requirement in project["dependencies"]:
        name = re.split(r"[<>=!\[ ]", requirement, maxsplit=1)[0].strip().lower().replace("_", "-")
        assert name in pinned, name
