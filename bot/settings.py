"""Settings read once from the environment; secrets never appear in ``repr``."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from bot.domain.dataset import DEFAULT_DATA_DIR


class ConfigError(ValueError):
    """A setting is malformed; the message names the variable, never its secret value."""


@dataclass(frozen=True)
class Settings:
    telegram_bot_token: str | None = field(default=None, repr=False)
    slack_bot_token: str | None = field(default=None, repr=False)
    slack_app_token: str | None = field(default=None, repr=False)
    slack_signing_secret: str | None = field(default=None, repr=False)
    fx_krw_per_cny: str | None = None
    log_level: str = "WARNING"
    data_dir: Path = DEFAULT_DATA_DIR
    today: dt.date | None = None  # SUBSIDYBOT_TODAY: pin "today" for demos and tests

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> Settings:
        env = os.environ if environ is None else environ
        today = None
        if env.get("SUBSIDYBOT_TODAY"):
            try:
                today = dt.date.fromisoformat(env["SUBSIDYBOT_TODAY"])
            except ValueError as exc:
                raise ConfigError("SUBSIDYBOT_TODAY must be a date like 2026-11-23") from exc
        return cls(
            telegram_bot_token=env.get("TELEGRAM_BOT_TOKEN") or None,
            slack_bot_token=env.get("SLACK_BOT_TOKEN") or None,
            slack_app_token=env.get("SLACK_APP_TOKEN") or None,
            slack_signing_secret=env.get("SLACK_SIGNING_SECRET") or None,
            fx_krw_per_cny=env.get("FX_KRW_PER_CNY") or None,
            log_level=(env.get("LOG_LEVEL") or "WARNING").upper(),
            data_dir=Path(env["SUBSIDYBOT_DATA_DIR"]) if env.get("SUBSIDYBOT_DATA_DIR") else DEFAULT_DATA_DIR,
            today=today,
        )

    @property
    def platforms(self) -> list[str]:
        """Chat platforms whose tokens are set; none means the console."""
        found = []
        if self.telegram_bot_token:
            found.append("telegram")
        if self.slack_bot_token:
            found.append("slack")
        return found
