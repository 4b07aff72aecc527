"""Logging configured once at the entry point: one pipeline (redaction, request ids, the chosen format) for
every logger, uvicorn's and the libraries' included, with every known secret redacted."""

from __future__ import annotations

import contextvars
import json
import logging
import random
import re

SECRET_PATTERNS = (
    re.compile(r"\d{6,12}:[A-Za-z0-9_-]{30,}"),  # Telegram bot token
    re.compile(r"xox[abprs]-[A-Za-z0-9-]+"),  # Slack bot/user tokens
    re.compile(r"xapp-[A-Za-z0-9-]+"),  # Slack app-level token
)
REDACTED = "[REDACTED]"
_KNOWN: set[str] = set()  # secrets learned at run time (settings, generated or received values)
MIN_SECRET = 6  # shorter values would redact ordinary words


def add_secret(value: str | None) -> None:
    """From now on, every log line has ``value`` replaced (a setting, or a secret the bot generated or got)."""
    if value and len(value) >= MIN_SECRET:
        _KNOWN.add(value)


def redact(text: str, extra: tuple[str, ...] = ()) -> str:
    for pattern in SECRET_PATTERNS:
        text = pattern.sub(REDACTED, text)
    for secret in sorted({*extra, *_KNOWN}, key=len, reverse=True):
        if secret:
            text = text.replace(secret, REDACTED)
    return text


class RedactingFilter(logging.Filter):
    """Rewrites each record's message (and exception text) with secrets replaced."""

    def __init__(self, secrets: tuple[str, ...] = ()) -> None:
        super().__init__()
        self.secrets = secrets

    def filter(self, record: logging.LogRecord) -> bool:
        record.msg = redact(record.getMessage(), self.secrets)
        record.args = None
        if record.exc_info:
            formatted = logging.Formatter().formatException(record.exc_info)
            record.exc_text = redact(formatted, self.secrets)
            record.exc_info = None
        return True


REQUEST_ID: contextvars.ContextVar[str] = contextvars.ContextVar("request_id", default="-")


def new_request_id() -> str:
    """Give the update being handled its own id; every log line while handling it carries it."""
    value = f"{random.getrandbits(48):012x}"  # not uuid4: os.urandom is a system call per update, for a log tag
    REQUEST_ID.set(value)
    return value


class RequestIdFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        record.request_id = REQUEST_ID.get()
        return True


class JsonFormatter(logging.Formatter):
    """One JSON object per line: time, level, logger, request id, message (and the traceback, redacted)."""

    def format(self, record: logging.LogRecord) -> str:
        payload = {
            "ts": self.formatTime(record, "%Y-%m-%dT%H:%M:%S%z"),
            "level": record.levelname,
            "logger": record.name,
            "request_id": getattr(record, "request_id", "-"),
            "msg": record.getMessage(),
        }
        if record.exc_text:
            payload["exc"] = record.exc_text
        return json.dumps(payload, ensure_ascii=False)


# httpx/httpcore request lines carry the bot token; access lines and matplotlib's font scoring are noise
QUIET = {"httpx": "WARNING", "httpcore": "WARNING", "uvicorn.access": "WARNING", "matplotlib": "INFO"}


def configure_logging(level: str, secrets: tuple[str, ...] = (), fmt: str = "plain") -> None:
    """One stderr handler on the root logger; every other logger (uvicorn's too) propagates to it."""
    for secret in secrets:
        add_secret(secret)
    handler = logging.StreamHandler()
    handler.addFilter(RedactingFilter(secrets))
    handler.addFilter(RequestIdFilter())
    if fmt == "json":
        handler.setFormatter(JsonFormatter())
    else:
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s [%(request_id)s]: %(message)s"))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level if level in logging.getLevelNamesMapping() else "WARNING")
    for name in ("uvicorn", "uvicorn.error", "uvicorn.access", "py.warnings"):
        own = logging.getLogger(name)
        own.handlers[:] = []  # a library's own handler would bypass redaction and the JSON format
        own.propagate = True
    for name, quiet in QUIET.items():
        logging.getLogger(name).setLevel(logging.DEBUG if level == "DEBUG" and name == "uvicorn.access" else quiet)
