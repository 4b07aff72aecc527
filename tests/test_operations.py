"""Running it in production: configuration checks, /healthz and /metrics, live data reload, JSON logs,
graceful SIGTERM, and the container files (Docker cannot run here, so they are read)."""

from __future__ import annotations

import json
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
from tests.process_env import bot_env
from tests.slack.fake_slack_api import BOT_TOKEN, SIGNING_SECRET, FakeSlackApi, command_body, signed_headers
from tests.test_cli import run

ROOT = Path(__file__).resolve().parents[1]


def test_config_masks_secrets_and_hides_the_database_password() -> None:
    """`subsidybot config` shows which secrets are set, never their values."""
    token = "123456789:TEST_fake_token_for_tests_only_abcdefghijk"
    result = run("config", env={"TELEGRAM_BOT_TOKEN": token, "DATABASE_URL": "postgresql+psycopg://bot:s3cr3t@db/x"})
    assert result.returncode == 0 and "configuration: OK (telegram polling)" in result.stdout
    assert token not in result.stdout and "s3cr3t" not in result.stdout and "bot:***@db" in result.stdout


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
    """One process in Slack HTTP mode: says who it is connected as, healthy, answers, counts in /metrics (on its
    own port, with process metrics and the data's freshness), reloads good data on `subsidybot data reload` and
    keeps the old data when the new is broken, logs JSON (uvicorn's lines too) with no secret, exits 0 on
    SIGTERM with no traceback."""
    data = tmp_path / "data"
    shutil.copytree(DEFAULT_DATA_DIR, data)
    port, metrics_port = _free_port(), _free_port()
    url = f"http://127.0.0.1:{port}"
    with FakeSlackApi() as fake:
        env = bot_env(tmp_path, SLACK_BOT_TOKEN=BOT_TOKEN, SLACK_SIGNING_SECRET=SIGNING_SECRET,
                      SLACK_API_URL=fake.api_url, PORT=str(port), METRICS_PORT=str(metrics_port),
                      DATABASE_URL=f"sqlite:///{tmp_path / 'bot.sqlite3'}", SUBSIDYBOT_DATA_DIR=str(data),
                      LOG_FORMAT="json", SUBSIDYBOT_TODAY="2026-11-23")  # fmt: skip
        process = subprocess.Popen([sys.executable, "-m", "bot", "run"], cwd=ROOT, env=env,
                                   stdout=subprocess.PIPE, stderr=subprocess.PIPE)  # fmt: skip
        try:
            _wait_healthy(url, process)
            health = httpx.get(f"http://127.0.0.1:{metrics_port}/healthz", timeout=5).json()
            assert health == {"status": "ok", "data": True, "database": True, "slack": True}
            assert httpx.get(f"{url}/metrics", timeout=5).status_code == 404  # not on the public port
            probe = subprocess.run([sys.executable, "-m", "bot", "health"], cwd=ROOT, env=env, capture_output=True,
                                   text=True, timeout=60)  # fmt: skip
            assert probe.returncode == 0 and '"status":"ok"' in probe.stdout, probe.stderr
            assert "CNY 1,000,000" in _ask(url, fake, "wuhan 5000000 scenario", "a1")
            metrics = httpx.get(f"http://127.0.0.1:{metrics_port}/metrics", timeout=5).text
            assert 'subsidybot_messages_total{intent="subsidy_calc",platform="slack"} 1.0' in metrics
            assert "subsidybot_outbox_depth" in metrics and "subsidybot_reply_seconds_bucket" in metrics
            assert "process_resident_memory_bytes" in metrics and "python_info" in metrics
            assert "subsidybot_data_newest_source_timestamp_seconds 1.7" in metrics

            wuhan = data / "places" / "wuhan.yaml"
            good = wuhan.read_text(encoding="utf-8")
            wuhan.write_text("slug: [broken", encoding="utf-8")
            process.send_signal(signal.SIGHUP)
            time.sleep(1.0)
            assert "CNY 1,000,000" in _ask(url, fake, "wuhan 5000000 scenario", "a2")  # old data kept
            metrics = httpx.get(f"http://127.0.0.1:{metrics_port}/metrics").text
            assert 'subsidybot_data_reloads_total{result="refused"} 1.0' in metrics

            wuhan.write_text(good.replace("cap_cny: 1000000\n", "cap_cny: 1200000\n", 1), encoding="utf-8")
            reload = subprocess.run([sys.executable, "-m", "bot", "data", "reload"], cwd=ROOT, env=env,
                                    capture_output=True, text=True, timeout=60)  # fmt: skip
            assert reload.returncode == 0 and f"running bot (pid {process.pid})" in reload.stdout, reload.stderr
            time.sleep(1.5)
            assert "CNY 1,200,000" in _ask(url, fake, "wuhan 5000000 scenario", "a3")  # new data in use
        finally:
            process.send_signal(signal.SIGTERM)
            out, err = process.communicate(timeout=60)
    assert process.returncode == 0, err.decode()
    text = err.decode()
    lines = [json.loads(line) for line in text.splitlines()]  # every line is JSON, uvicorn's included
    assert lines and all({"ts", "level", "logger", "request_id", "msg"} <= set(line) for line in lines)
    assert any("data reload refused" in line["msg"] for line in lines)
    assert any(line["msg"].startswith("slack: connected as @") for line in lines)
    assert any(line["logger"].startswith("uvicorn") for line in lines)
    assert "Traceback" not in text and "CancelledError" not in text and "will be unused" not in text
    logged = (out + err).decode()
    assert BOT_TOKEN not in logged and SIGNING_SECRET not in logged
    assert not (tmp_path / "subsidybot.pid").exists()  # removed at a graceful stop


def test_dockerfile_runs_as_non_root_with_a_healthcheck_and_no_secrets() -> None:
    """The image essentials, read from the Dockerfile (no Docker engine runs here)."""
    dockerfile = (ROOT / "deploy" / "Dockerfile").read_text(encoding="utf-8")
    users = [line.split()[1] for line in dockerfile.splitlines() if line.startswith("USER ")]
    assert users and users[-1] not in ("root", "0")
    assert "HEALTHCHECK" in dockerfile and "constraints.txt" in dockerfile
    assert users[-1].split(":")[0].isdigit()  # numeric, so Kubernetes' runAsNonRoot can check it
    assert dockerfile.index("-r /tmp/constraints.txt") < dockerfile.index("COPY bot")  # dependencies cached
    assert "MPLCONFIGDIR=/var/lib/subsidybot/" in dockerfile and "HOST=0.0.0.0" in dockerfile
    ignored = (ROOT / ".dockerignore").read_text(encoding="utf-8").split()
    assert {".venv", ".git", "*.sqlite3", "**/.env"} <= set(ignored)
    for secret in ("TELEGRAM_BOT_TOKEN", "SLACK_BOT_TOKEN", "SLACK_APP_TOKEN", "SLACK_SIGNING_SECRET"):
        assert secret not in dockerfile


def test_compose_keeps_secrets_in_the_env_file_and_data_in_a_volume() -> None:
    """compose.yaml: the bot reads .env, stores its SQLite file on a volume, PostgreSQL is optional."""
    compose = yaml.safe_load((ROOT / "deploy" / "compose.yaml").read_text(encoding="utf-8"))
    bot = compose["services"]["bot"]
    assert bot["env_file"] == ".env" and "environment" not in bot
    assert any("/var/lib/subsidybot" in v for v in bot["volumes"])
    assert compose["services"]["postgres"]["profiles"] == ["postgres"]
    assert bot["ports"] == ["${PORT:-8080}:${PORT:-8080}"]  # the bot listens on PORT inside too
    assert bot["depends_on"]["postgres"] == {"condition": "service_healthy", "required": False}
    unit = (ROOT / "deploy" / "subsidybot.service").read_text(encoding="utf-8")
    assert "RestartPreventExitStatus=2" in unit and "StateDirectory=subsidybot" in unit
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
