"""Settings read once from the environment; secrets never appear in ``repr``."""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from bot.domain.dataset import DEFAULT_DATA_DIR

DEFAULT_DATABASE_URL = "sqlite:///var/subsidybot.sqlite3"


class ConfigError(ValueError):
    """A setting is malformed; the message names the variable, never its secret value."""


@dataclass(frozen=True)
class Settings:
    telegram_bot_token: str | None = field(default=None, repr=False)
    slack_bot_token: str | None = field(default=None, repr=False)
    slack_app_token: str | None = field(default=None, repr=False)
    slack_signing_secret: str | None = field(default=None, repr=False)
    telegram_api_base_url: str = "https://api.telegram.org/bot"
    slack_api_url: str = "https://slack.com/api/"
    telegram_webhook_url: str | None = None
    telegram_webhook_secret: str | None = field(default=None, repr=False)
    port: int = 8080
    database_url: str = field(default="", repr=False)  # may hold a password
    bot_admins: frozenset[str] = frozenset()
    reminder_days: int = 14
    fx_krw_per_cny: str | None = None
    log_level: str = "WARNING"
    log_format: str = "plain"
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
            telegram_api_base_url=env.get("TELEGRAM_API_BASE_URL") or "https://api.telegram.org/bot",
            slack_api_url=env.get("SLACK_API_URL") or "https://slack.com/api/",
            telegram_webhook_url=env.get("TELEGRAM_WEBHOOK_URL") or None,
            telegram_webhook_secret=env.get("TELEGRAM_WEBHOOK_SECRET") or None,
            port=_port(env.get("PORT")),
            database_url=env.get("DATABASE_URL") or DEFAULT_DATABASE_URL,
            bot_admins=_admins(env.get("BOT_ADMINS", "")),
            reminder_days=_days(env.get("SUBSIDYBOT_REMINDER_DAYS")),
            log_level=(env.get("LOG_LEVEL") or "WARNING").upper(),
            log_format=_log_format(env.get("LOG_FORMAT")),
            data_dir=Path(env["SUBSIDYBOT_DATA_DIR"]) if env.get("SUBSIDYBOT_DATA_DIR") else DEFAULT_DATA_DIR,
            today=today,
        )

    @property
    def secrets(self) -> tuple[str, ...]:
        """Every secret value, for the log redaction filter."""
        values = (self.telegram_bot_token, self.slack_bot_token, self.slack_app_token, self.slack_signing_secret,
                  self.telegram_webhook_secret)  # fmt: skip
        return tuple(v for v in values if v)

    @property
    def platforms(self) -> list[str]:
        """Chat platforms whose tokens are set; none means the console."""
        found = []
        if self.telegram_bot_token:
            found.append("telegram")
        if self.slack_bot_token:
            found.append("slack")
        return found


def _port(value: str | None) -> int:
    if not value:
        return 8080
    if not value.isdigit() or not 0 < int(value) < 65536:
        raise ConfigError("PORT must be a number between 1 and 65535")
    return int(value)


def _admins(value: str) -> frozenset[str]:
    """``telegram:123456,slack:U012ABC`` -> {"telegram:123456", "slack:U012ABC"}."""
    admins = set()
    for item in (part.strip() for part in value.split(",")):
        if not item:
            continue
        platform, _, user = item.partition(":")
        if platform not in ("telegram", "slack") or not user:
            raise ConfigError("BOT_ADMINS entries look like telegram:123456 or slack:U012ABC")
        admins.add(f"{platform}:{user}")
    return frozenset(admins)


def _days(value: str | None) -> int:
    if not value:
        return 14
    if not value.isdigit() or int(value) > 365:
        raise ConfigError("SUBSIDYBOT_REMINDER_DAYS must be a whole number of days, 0 to 365")
    return int(value)


def _log_format(value: str | None) -> str:
    fmt = (value or "plain").lower()
    if fmt not in ("plain", "json"):
        raise ConfigError("LOG_FORMAT must be plain or json")
    return fmt


SECRET_FIELDS = ("telegram_bot_token", "slack_bot_token", "slack_app_token", "slack_signing_secret",
                 "telegram_webhook_secret")  # fmt: skip


def mask(value: str) -> str:
    """Enough to recognise which secret is set, never enough to use it."""
    return f"{value[:4]}…({len(value)} chars)" if len(value) > 8 else "***"


def describe(settings: Settings) -> list[tuple[str, str]]:
    """The effective configuration, secrets masked and the database password hidden."""
    rows = []
    for name, value in sorted(vars(settings).items()):
        if name in SECRET_FIELDS:
            shown = mask(value) if value else "(unset)"
        elif name == "database_url":
            shown = re.sub(r"//([^:/@]+):[^@]*@", r"//\1:***@", str(value))
        elif isinstance(value, frozenset):
            shown = ",".join(sorted(value)) or "(none)"
        else:
            shown = "(unset)" if value in (None, "") else str(value)
        rows.append((name, shown))
    return rows
