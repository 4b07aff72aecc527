"""CI: the bot as an operator installs it. Build a wheel, install it (not editable) into a fresh venv outside
the checkout, and from a directory that is not the checkout: `data check`, answer `/subsidy wuhan 2000000`,
then `run` in Slack HTTP mode against the test fake until /healthz answers, and stop it with SIGTERM.

Usage: python .ci/wheel_check.py WORKDIR   (WORKDIR gets dist/, venv/ and run/; the venv stays for later checks)
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.slack.fake_slack_api import BOT_TOKEN, SIGNING_SECRET, FakeSlackApi  # noqa: E402


def step(title: str, *command: str | Path, cwd: Path, env: dict[str, str] | None = None) -> str:
    print(f"wheel-check: {title}: {' '.join(map(str, command))}", flush=True)
    result = subprocess.run([str(c) for c in command], cwd=cwd, env=env, capture_output=True, text=True,
                            timeout=900)  # fmt: skip
    if result.returncode != 0:
        sys.exit(f"wheel-check: {title} failed ({result.returncode}):\n{result.stdout}\n{result.stderr}")
    return result.stdout


def clean_env(state: Path, **values: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "SLACK_", "SUBSIDYBOT_", "VIRTUAL"))}
    env.update({"SUBSIDYBOT_STATE_DIR": str(state), "METRICS_PORT": "0", "PYTHONSAFEPATH": "1"})
    env.update(values)
    return env


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def main(work: Path) -> None:
    dist, venv, run = work / "dist", work / "venv", work / "run"
    run.mkdir(parents=True, exist_ok=True)
    step("build", sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", dist, ROOT, cwd=work)
    wheel = next(dist.glob("subsidybot-*.whl"))
    step("venv", sys.executable, "-m", "venv", venv, cwd=work)
    step("install", venv / "bin" / "pip", "install", "--quiet", "--disable-pip-version-check", "-c",
         ROOT / "deploy" / "constraints.txt", wheel, cwd=work)  # fmt: skip
    bot = venv / "bin" / "subsidybot"
    env = clean_env(run / "state")
    where = step("installed at", venv / "bin" / "python", "-c", "import bot; print(bot.__file__)", cwd=run, env=env)
    assert str(ROOT) not in where and "site-packages" in where, where
    print(step("version", bot, "--version", cwd=run, env=env).strip())
    config = step("config", bot, "config", cwd=run, env=env)
    data_dir = next(line.split()[1] for line in config.splitlines() if line.startswith("SUBSIDYBOT_DATA_DIR"))
    assert data_dir.startswith(str(venv)) and "site-packages/bot/data" in data_dir, data_dir
    print(f"wheel-check: the data ships in the package: {data_dir}")
    print(step("data check", bot, "data", "check", cwd=run, env=env).splitlines()[0])
    answer = step("ask", bot, "ask", "/subsidy wuhan 2000000", cwd=run, env=env)
    assert "CNY 600,000" in answer, answer
    print("wheel-check: ask: the answer has CNY 600,000")

    port = free_port()
    with FakeSlackApi() as fake:
        env = clean_env(run / "state", SLACK_BOT_TOKEN=BOT_TOKEN, SLACK_SIGNING_SECRET=SIGNING_SECRET,
                        SLACK_API_URL=fake.api_url, PORT=str(port), LOG_LEVEL="INFO")  # fmt: skip
        print(f"wheel-check: run (Slack HTTP mode on 127.0.0.1:{port}, against the fake Slack API)", flush=True)
        process = subprocess.Popen([bot, "run"], cwd=run, env=env, stdin=subprocess.DEVNULL,
                                   stdout=subprocess.PIPE, stderr=subprocess.PIPE)  # fmt: skip
        try:
            body = ""
            deadline = time.monotonic() + 60
            while time.monotonic() < deadline and process.poll() is None:
                try:
                    with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2) as response:
                        body = response.read().decode()
                        break
                except OSError:
                    time.sleep(0.2)
            assert body, "no /healthz answer"
            print(f"wheel-check: /healthz: {body}")
        finally:
            process.send_signal(signal.SIGTERM)
            _, err = process.communicate(timeout=60)
    log = err.decode()
    assert process.returncode == 0, log
    assert "slack: connected as @" in log and "Traceback" not in log, log
    print("wheel-check: stopped with exit 0, no traceback; OK")


if __name__ == "__main__":
    main(Path(sys.argv[1]).resolve())
