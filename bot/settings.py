"""Settings from the environment and ``.env`` files, typed and checked once; secrets are ``SecretStr``.

Where values come from, strongest first: the process environment, the file named by
``SUBSIDYBOT_ENV_FILE``, ``.env`` in the working directory, the defaults below. Every wrong value is
reported as one line naming the variable (never a secret's value); ``subsidybot`` exits 2 on them.
"""

from __future__ import annotations

import contextvars
import datetime as dt
import os
import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Annotated, Any, Literal
from urllib.parse import urlsplit

from pydantic import AliasChoices, Field, PrivateAttr, SecretStr, ValidationError, field_validator
from pydantic.fields import FieldInfo
from pydantic_settings import BaseSettings, EnvSettingsSource, NoDecode, PydanticBaseSettingsSource, SettingsConfigDict
from pydantic_settings.sources.utils import parse_env_vars

from bot.domain.dataset import DEFAULT_DATA_DIR

ENV_FILE_VARIABLE = "SUBSIDYBOT_ENV_FILE"
WEBHOOK_PATH = "/telegram/webhook"  # the route bot/adapters/telegram/webhook.py serves
LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")
_WEBHOOK_SECRET = re.compile(r"^[A-Za-z0-9_-]{1,256}$")  # what Telegram accepts as secret_token
_TELEGRAM_TOKEN = re.compile(r"^\d+:[A-Za-z0-9_-]+$")
_DATABASE_URL = re.compile(r"^(sqlite|postgresql)(\+\w+)?://")
_PASSWORD = re.compile(r"//([^:/@]+):([^@]*)@")


class ConfigError(ValueError):
    """One or more settings are wrong: one line each, naming the variable, never a secret's value."""

    def __init__(self, lines: Sequence[str] | str) -> None:
        self.lines = [lines] if isinstance(lines, str) else list(lines)
        super().__init__("\n".join(self.lines))


def default_state_dir(environ: Mapping[str, str]) -> Path:
    """systemd's StateDirectory=, else $XDG_STATE_HOME/subsidybot, else ~/.local/state/subsidybot."""
    if environ.get("STATE_DIRECTORY"):
        return Path(environ["STATE_DIRECTORY"].split(":")[0])
    base = environ.get("XDG_STATE_HOME") or str(Path(environ.get("HOME") or Path.home()) / ".local" / "state")
    return Path(base) / "subsidybot"


def _env(name: str) -> Any:
    return Field(default=None, validation_alias=AliasChoices(name))


_MAPPING: contextvars.ContextVar[Mapping[str, str] | None] = contextvars.ContextVar("settings_mapping", default=None)


class _MappingSource(EnvSettingsSource):
    """pydantic-settings' environment source, reading the merged mapping that load() prepared."""

    def _load_env_vars(self) -> Mapping[str, str | None]:
        return parse_env_vars(_MAPPING.get() or {}, False, True, None)


class Settings(BaseSettings):
    model_config = SettingsConfigDict(frozen=True, extra="ignore", env_ignore_empty=True, case_sensitive=False)

    telegram_bot_token: SecretStr | None = None
    telegram_api_base_url: str = "https://api.telegram.org/bot"
    telegram_webhook_url: str | None = None
    telegram_webhook_secret: SecretStr | None = None
    telegram_drop_pending_updates: bool = False
    slack_bot_token: SecretStr | None = None
    slack_app_token: SecretStr | None = None
    slack_signing_secret: SecretStr | None = None
    slack_api_url: str = "https://slack.com/api/"
    host: str = "127.0.0.1"
    port: int = 8080
    metrics_host: str = "127.0.0.1"
    metrics_port: int = 9464
    database_url: SecretStr | None = None  # may hold a password; default: SQLite under state_dir
    bot_admins: Annotated[frozenset[str], NoDecode] = frozenset()
    fx_krw_per_cny: str | None = None
    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"] = "INFO"
    log_format: Literal["plain", "json"] = "plain"
    data_dir: Path = Field(default=DEFAULT_DATA_DIR, validation_alias=AliasChoices("SUBSIDYBOT_DATA_DIR"))
    state_dir: Path | None = _env("SUBSIDYBOT_STATE_DIR")
    reminder_days: int = Field(default=14, validation_alias=AliasChoices("SUBSIDYBOT_REMINDER_DAYS"))
    startup_retries: int = Field(default=5, validation_alias=AliasChoices("SUBSIDYBOT_STARTUP_RETRIES"))
    today: dt.date | None = _env("SUBSIDYBOT_TODAY")  # pin "today" for demos and tests

    _origin: dict[str, str] = PrivateAttr(default_factory=dict)

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        return (init_settings, _MappingSource(settings_cls))

    # --- one check per variable; each message names it and never repeats a secret ---

    @field_validator("telegram_bot_token", mode="after")
    @classmethod
    def _telegram_token(cls, value: SecretStr | None) -> SecretStr | None:
        if value is not None and not _TELEGRAM_TOKEN.match(value.get_secret_value()):
            raise ValueError("TELEGRAM_BOT_TOKEN must look like 123456789:AA… (the token from @BotFather)")
        return value

    @field_validator("slack_bot_token", mode="after")
    @classmethod
    def _slack_bot_token(cls, value: SecretStr | None) -> SecretStr | None:
        if value is not None and not value.get_secret_value().startswith("xoxb-"):
            raise ValueError("SLACK_BOT_TOKEN must be a bot token (xoxb-…), not a user or app token")
        return value

    @field_validator("slack_app_token", mode="after")
    @classmethod
    def _slack_app_token(cls, value: SecretStr | None) -> SecretStr | None:
        if value is not None and not value.get_secret_value().startswith("xapp-"):
            raise ValueError("SLACK_APP_TOKEN must be an app-level token (xapp-…) with connections:write")
        return value

    @field_validator("telegram_webhook_secret", mode="after")
    @classmethod
    def _webhook_secret(cls, value: SecretStr | None) -> SecretStr | None:
        if value is not None and not _WEBHOOK_SECRET.match(value.get_secret_value()):
            raise ValueError("TELEGRAM_WEBHOOK_SECRET may use only A-Z, a-z, 0-9, _ and -, 1 to 256 characters")
        return value

    @field_validator("telegram_webhook_url", mode="after")
    @classmethod
    def _webhook_url(cls, value: str | None) -> str | None:
        if value is None:
            return None
        parts = urlsplit(value)
        if parts.scheme != "https" or not parts.hostname:
            raise ValueError("TELEGRAM_WEBHOOK_URL must be an https:// URL (Telegram calls only HTTPS webhooks)")
        if parts.path != WEBHOOK_PATH:
            raise ValueError(f"TELEGRAM_WEBHOOK_URL must end in {WEBHOOK_PATH}, the path the bot serves")
        return value

    @field_validator("port", "metrics_port", mode="before")
    @classmethod
    def _port(cls, value: object, info: Any) -> object:
        name = info.field_name.upper()
        text = str(value).strip()
        lowest = 0 if name == "METRICS_PORT" else 1
        if not text.isdigit() or not lowest <= int(text) <= 65535:
            what = "0 (off) to 65535" if lowest == 0 else "1 to 65535"
            raise ValueError(f"{name} must be a port number, {what}")
        return int(text)

    @field_validator("reminder_days", mode="before")
    @classmethod
    def _days(cls, value: object) -> object:
        text = str(value).strip()
        if not text.isdigit() or int(text) > 365:
            raise ValueError("SUBSIDYBOT_REMINDER_DAYS must be a whole number of days, 0 to 365")
        return int(text)

    @field_validator("startup_retries", mode="before")
    @classmethod
    def _retries(cls, value: object) -> object:
        text = str(value).strip()
        if not text.isdigit() or int(text) > 10:
            raise ValueError("SUBSIDYBOT_STARTUP_RETRIES must be a whole number, 0 to 10")
        return int(text)

    @field_validator("today", mode="before")
    @classmethod
    def _today(cls, value: object) -> object:
        if isinstance(value, str):
            try:
                return dt.date.fromisoformat(value.strip())
            except ValueError:
                raise ValueError("SUBSIDYBOT_TODAY must be a date like 2026-11-23") from None
        return value

    @field_validator("telegram_drop_pending_updates", mode="before")
    @classmethod
    def _flag(cls, value: object) -> object:
        if isinstance(value, str):
            text = value.strip().lower()
            if text not in ("1", "0", "true", "false", "yes", "no", "on", "off"):
                raise ValueError("TELEGRAM_DROP_PENDING_UPDATES must be true or false")
            return text in ("1", "true", "yes", "on")
        return value

    @field_validator("log_level", mode="before")
    @classmethod
    def _log_level(cls, value: object) -> object:
        text = str(value).strip().upper()
        if text not in LOG_LEVELS:
            raise ValueError(f"LOG_LEVEL must be one of {', '.join(LOG_LEVELS)}")
        return text

    @field_validator("log_format", mode="before")
    @classmethod
    def _log_format(cls, value: object) -> object:
        text = str(value).strip().lower()
        if text not in ("plain", "json"):
            raise ValueError("LOG_FORMAT must be plain or json")
        return text

    @field_validator("database_url", mode="after")
    @classmethod
    def _database_url(cls, value: SecretStr | None) -> SecretStr | None:
        if value is not None and not _DATABASE_URL.match(value.get_secret_value()):
            raise ValueError(
                "DATABASE_URL must be an SQLAlchemy URL: sqlite:////absolute/path.sqlite3 or "
                "postgresql+psycopg://user:password@host/db"
            )
        return value

    @field_validator("fx_krw_per_cny", mode="after")
    @classmethod
    def _fx(cls, value: str | None) -> str | None:
        from bot.domain.fx import FxConfigError, rate_from
        from bot.domain.schema import FxFile

        if value is not None:
            try:
                rate_from(FxFile.model_construct(default=dt.date.min, rates=()), value)  # the bot's own parser
            except FxConfigError as error:
                raise ValueError(str(error)) from None
        return value

    @field_validator("bot_admins", mode="before")
    @classmethod
    def _admins(cls, value: object) -> object:
        """``telegram:123456,slack:U012ABC`` -> {"telegram:123456", "slack:U012ABC"}."""
        if not isinstance(value, str):
            return value
        admins = set()
        for item in (part.strip() for part in value.split(",")):
            if not item:
                continue
            platform, _, user = item.partition(":")
            if platform not in ("telegram", "slack") or not user:
                raise ValueError("BOT_ADMINS entries look like telegram:123456 or slack:U012ABC")
            admins.add(f"{platform}:{user}")
        return frozenset(admins)

    # --- loading ---

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> Settings:
        """Settings from ``environ`` alone (tests), or from the process environment and the .env files."""
        if environ is not None:
            return _build(dict(environ), {name: "environment" for name in environ})
        env_files = _env_files(os.environ)
        merged: dict[str, str] = {}
        origin: dict[str, str] = {}
        for path in env_files:
            from dotenv import dotenv_values

            for name, value in dotenv_values(path, encoding="utf-8").items():
                if value:
                    merged[name.upper()] = value
                    origin[name.upper()] = f"file {path}"
        for name, value in os.environ.items():
            if value:
                merged[name.upper()] = value
                origin[name.upper()] = "environment"
        return _build(merged, origin)

    # --- what the rest of the bot reads ---

    @property
    def effective_state_dir(self) -> Path:
        return self.state_dir or default_state_dir(os.environ)

    @property
    def database(self) -> str:
        """The SQLAlchemy URL in use: DATABASE_URL, else an absolute SQLite file under the state directory."""
        if self.database_url is not None:
            return self.database_url.get_secret_value()
        return f"sqlite:///{(self.effective_state_dir / 'subsidybot.sqlite3').resolve()}"

    @property
    def secrets(self) -> tuple[str, ...]:
        """Every secret value, for the log redaction filter: tokens, the webhook secret, the database password."""
        values = [secret.get_secret_value() for secret in self._secret_values()]
        password = _PASSWORD.search(self.database)
        if password and password.group(2):
            values.append(password.group(2))
        return tuple(v for v in values if v)

    def _secret_values(self) -> list[SecretStr]:
        found = (self.telegram_bot_token, self.slack_bot_token, self.slack_app_token, self.slack_signing_secret,
                 self.telegram_webhook_secret)  # fmt: skip
        return [s for s in found if s is not None]

    def secret(self, name: str) -> str:
        """The raw value of a SecretStr setting (``""`` when unset), for the adapters that send it."""
        value = getattr(self, name)
        return value.get_secret_value() if isinstance(value, SecretStr) else ""

    @property
    def platforms(self) -> list[str]:
        """Chat platforms whose tokens are set; none means the console."""
        found = []
        if self.telegram_bot_token:
            found.append("telegram")
        if self.slack_bot_token:
            found.append("slack")
        return found

    @property
    def http_needed(self) -> bool:
        """Does a route need the public HTTP server: a Telegram webhook or Slack HTTP mode?"""
        return bool(self.telegram_webhook_url) or bool(self.slack_bot_token and not self.slack_app_token)

    @property
    def origin(self) -> Mapping[str, str]:
        return self._origin


def _env_files(environ: Mapping[str, str]) -> list[Path]:
    """``.env`` in the working directory (if any), then SUBSIDYBOT_ENV_FILE (which must exist), weakest first."""
    files = [Path(".env")] if Path(".env").is_file() else []
    named = environ.get(ENV_FILE_VARIABLE)
    if named:
        if not Path(named).is_file():
            raise ConfigError(f"{ENV_FILE_VARIABLE}: no such file: {named}")
        files.append(Path(named))
    return files


def _env_name(field: str, info: FieldInfo) -> str:
    alias = info.validation_alias
    if isinstance(alias, AliasChoices):
        return str(alias.choices[0])
    return field.upper()


ENV_NAMES = {name: _env_name(name, info) for name, info in Settings.model_fields.items()}


def _build(mapping: dict[str, str], origin: dict[str, str]) -> Settings:
    token = _MAPPING.set({k.upper(): v for k, v in mapping.items()})
    try:
        settings = Settings()
    except ValidationError as error:
        raise ConfigError([_line(e) for e in error.errors()]) from None
    finally:
        _MAPPING.reset(token)
    problems = _cross_checks(settings)
    if problems:
        raise ConfigError(problems)
    if settings.state_dir is None:
        settings = settings.model_copy(update={"state_dir": default_state_dir(mapping)})
    upper = {k.upper(): v for k, v in origin.items()}
    settings._origin.update({field: upper.get(env, "default") for field, env in ENV_NAMES.items()})
    return settings


def _line(error: Any) -> str:
    """One pydantic error as one line that starts with the variable's name."""
    message = str(error.get("msg", "invalid")).removeprefix("Value error, ")
    loc = error.get("loc") or ()
    name = str(loc[0]) if loc else ""
    env = ENV_NAMES.get(name, name.upper())
    if message.startswith(env):
        return message
    return f"{env}: {message}" if env else message


def _cross_checks(settings: Settings) -> list[str]:
    """Settings that are fine alone but not together."""
    problems = []
    if settings.slack_bot_token and not (settings.slack_app_token or settings.slack_signing_secret):
        problems.append(
            "SLACK_BOT_TOKEN needs SLACK_APP_TOKEN (Socket Mode) or SLACK_SIGNING_SECRET (HTTP mode at /slack/events)"
        )
    if (settings.slack_app_token or settings.slack_signing_secret) and not settings.slack_bot_token:
        problems.append("SLACK_APP_TOKEN or SLACK_SIGNING_SECRET is set but SLACK_BOT_TOKEN is not")
    if settings.telegram_webhook_url and not settings.telegram_bot_token:
        problems.append("TELEGRAM_WEBHOOK_URL is set but TELEGRAM_BOT_TOKEN is not")
    if settings.telegram_webhook_url and not settings.telegram_webhook_secret:
        problems.append(
            "TELEGRAM_WEBHOOK_SECRET is required in webhook mode (every replica must check the same secret)"
        )
    if settings.metrics_port and settings.metrics_port == settings.port:
        problems.append("METRICS_PORT must differ from PORT (or be 0 to turn the metrics server off)")
    return problems


def mask(value: str) -> str:
    """Enough to recognise which secret is set, never enough to use it."""
    return f"{value[:4]}…({len(value)} chars)" if len(value) > 8 else "***"


def describe(settings: Settings) -> list[tuple[str, str, str]]:
    """(variable, effective value, where it came from): secrets masked, the database password hidden."""
    rows = []
    for field, env in sorted(ENV_NAMES.items(), key=lambda item: item[1]):
        value = getattr(settings, field)
        if field == "database_url":
            shown = _PASSWORD.sub(r"//\1:***@", settings.database)
        elif field == "state_dir":
            shown = str(settings.effective_state_dir)
        elif isinstance(value, SecretStr):
            shown = mask(value.get_secret_value())
        elif isinstance(value, frozenset):
            shown = ",".join(sorted(value)) or "(none)"
        elif isinstance(value, bool):
            shown = "true" if value else "false"
        else:
            shown = "(unset)" if value in (None, "") else str(value)
        rows.append((env, shown, settings.origin.get(field, "default")))
    return rows
