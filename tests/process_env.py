"""The environment for a `subsidybot` child process in tests: no operator tokens, its own state directory
(pid file, default database), no metrics port that parallel runs would fight over, no start-up retries."""

from __future__ import annotations

import os
from pathlib import Path


def bot_env(state_dir: Path, **values: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "SLACK_", "FX_"))}
    env.update({"SUBSIDYBOT_STATE_DIR": str(state_dir), "METRICS_PORT": "0", "SUBSIDYBOT_STARTUP_RETRIES": "0"})
    env.update(values)
    return env
