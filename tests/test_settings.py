"""Every wrong setting stops `subsidybot` with one line naming the variable and exit code 2 (systemd does not
restart on 2); .env files are read; `subsidybot config` says where each value came from."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from bot.settings import ConfigError, Settings
from tests.process_env import bot_env
from tests.test_cli import ROOT, run

TOKEN = "123456789:TEST-fake-token-for-tests-only-abcdefghij"
WEBHOOK = {"TELEGRAM_BOT_TOKEN": TOKEN, "TELEGRAM_WEBHOOK_SECRET": "Good_secret-123"}

WRONG = [
    ({"LOG_LEVEL": "verbose"}, "LOG_LEVEL must be one of DEBUG, INFO, WARNING, ERROR, CRITICAL"),
    ({"LOG_FORMAT": "xml"}, "LOG_FORMAT must be plain or json"),
    ({"DATABASE_URL": "garbage"}, "DATABASE_URL must be an SQLAlchemy URL"),
    ({**WEBHOOK, "TELEGRAM_WEBHOOK_URL": "http://bot.example.com/telegram/webhook"},
     "TELEGRAM_WEBHOOK_URL must be an https:// URL"),
    ({**WEBHOOK, "TELEGRAM_WEBHOOK_URL": "https://bot.example.com/hook"},
     "TELEGRAM_WEBHOOK_URL must end in /telegram/webhook"),
    ({**WEBHOOK, "TELEGRAM_WEBHOOK_URL": "https://bot.example.com/telegram/webhook",
      "TELEGRAM_WEBHOOK_SECRET": "not!allowed"}, "TELEGRAM_WEBHOOK_SECRET may use only"),
    ({"TELEGRAM_BOT_TOKEN": TOKEN, "TELEGRAM_WEBHOOK_URL": "https://bot.example.com/telegram/webhook"},
     "TELEGRAM_WEBHOOK_SECRET is required in webhook mode"),
    ({"TELEGRAM_WEBHOOK_URL": "https://bot.example.com/telegram/webhook", "TELEGRAM_WEBHOOK_SECRET": "abcdef"},
     "TELEGRAM_WEBHOOK_URL is set but TELEGRAM_BOT_TOKEN is not"),
    ({"SLACK_BOT_TOKEN": "xoxp-1-user-token-here", "SLACK_APP_TOKEN": "xapp-1-A1-abc"},
     "SLACK_BOT_TOKEN must be a bot token (xoxb-…)"),
    ({"SLACK_BOT_TOKEN": "xoxb-1-bot-token-here", "SLACK_APP_TOKEN": "xoxb-1-not-an-app-token"},
     "SLACK_APP_TOKEN must be an app-level token"),
    ({"SLACK_BOT_TOKEN": "xoxb-1-bot-token-here"}, "SLACK_BOT_TOKEN needs SLACK_APP_TOKEN"),
    ({"TELEGRAM_BOT_TOKEN": "not-a-token"}, "TELEGRAM_BOT_TOKEN must look like 123456789:AA"),
    ({"FX_KRW_PER_CNY": "abc"}, "FX_KRW_PER_CNY must look like 190"),
    ({"PORT": "http"}, "PORT must be a port number, 1 to 65535"),
    ({"METRICS_PORT": "70000"}, "METRICS_PORT must be a port number, 0 (off) to 65535"),
    ({"PORT": "9000", "METRICS_PORT": "9000"}, "METRICS_PORT must differ from PORT"),
    ({"BOT_ADMINS": "discord:1"}, "BOT_ADMINS entries look like telegram:123456"),
    ({"SUBSIDYBOT_REMINDER_DAYS": "soon"}, "SUBSIDYBOT_REMINDER_DAYS must be a whole number"),
    ({"SUBSIDYBOT_TODAY": "tomorrow"}, "SUBSIDYBOT_TODAY must be a date"),
    ({"TELEGRAM_DROP_PENDING_UPDATES": "maybe"}, "TELEGRAM_DROP_PENDING_UPDATES must be true or false"),
    ({"SUBSIDYBOT_ENV_FILE": "/nonexistent/subsidybot.env"}, "SUBSIDYBOT_ENV_FILE: no such file"),
]  # fmt: skip


ISSUE_14 = [case for case in WRONG if case[1].split()[0].rstrip(":") in {"LOG_LEVEL", "DATABASE_URL",
            "TELEGRAM_WEBHOOK_URL", "TELEGRAM_WEBHOOK_SECRET", "SLACK_BOT_TOKEN", "FX_KRW_PER_CNY"}]  # fmt: skip


def _id(case: tuple[dict[str, str], str]) -> str:
    return case[1][:40]


@pytest.mark.parametrize(("env", "message"), WRONG, ids=[_id(c) for c in WRONG])
def test_every_wrong_setting_is_one_line_naming_it(env: dict[str, str], message: str, tmp_path: Path) -> None:
    if "SUBSIDYBOT_ENV_FILE" in env:
        pytest.skip("read from the process environment only: covered through the command below")
    with pytest.raises(ConfigError) as caught:
        Settings.from_env(env)
    assert len(caught.value.lines) == 1 and caught.value.lines[0].startswith(message)
    for name, value in env.items():  # no secret is echoed
        if "TOKEN" in name or "SECRET" in name:
            assert value not in str(caught.value)


@pytest.mark.parametrize(("env", "message"), [*ISSUE_14, WRONG[-1]], ids=[_id(c) for c in [*ISSUE_14, WRONG[-1]]])
def test_the_command_stops_with_one_line_and_exit_2(env: dict[str, str], message: str) -> None:
    """The wrong values issue 14 found `subsidybot config` reporting OK, through the real command."""
    result = run("config", env=env)
    assert result.returncode == 2, result.stdout
    lines = result.stderr.strip().splitlines()
    assert lines == [lines[0]] and lines[0].startswith(f"subsidybot: {message}"), result.stderr
    for name, value in env.items():  # no secret is echoed
        if "TOKEN" in name or "SECRET" in name:
            assert value not in result.stderr


def test_run_refuses_wrong_settings_as_config_does() -> None:
    result = run("run", env={"LOG_LEVEL": "verbose"})
    assert result.returncode == 2 and result.stderr.startswith("subsidybot: LOG_LEVEL")


def test_several_wrong_settings_are_one_line_each() -> None:
    with pytest.raises(ConfigError) as caught:
        Settings.from_env({"LOG_LEVEL": "loud", "PORT": "x", "DATABASE_URL": "nope"})
    assert [line.split()[0] for line in caught.value.lines] == ["PORT", "DATABASE_URL", "LOG_LEVEL"]


def test_env_files_are_read_and_config_names_each_source(tmp_path: Path) -> None:
    """.env in the working directory, SUBSIDYBOT_ENV_FILE over it, the environment over both."""
    (tmp_path / ".env").write_text("LOG_LEVEL=debug\nSUBSIDYBOT_REMINDER_DAYS=3\nPORT=8100\n", encoding="utf-8")
    named = tmp_path / "prod.env"
    named.write_text("# comment\nSUBSIDYBOT_REMINDER_DAYS=7\nTELEGRAM_BOT_TOKEN=" + TOKEN + "\n", encoding="utf-8")
    env = bot_env(tmp_path / "state", SUBSIDYBOT_ENV_FILE=str(named), PORT="8200")
    result = subprocess.run([sys.executable, "-m", "bot", "config"], cwd=tmp_path, env=env, capture_output=True,
                            text=True, timeout=60)  # fmt: skip
    assert result.returncode == 0, result.stderr
    rows = {line.split()[0]: line.split() for line in result.stdout.splitlines() if line[:1].isupper()}
    assert rows["LOG_LEVEL"][1:] == ["DEBUG", "file", ".env"]
    assert rows["SUBSIDYBOT_REMINDER_DAYS"][1:] == ["7", "file", str(named)]
    assert rows["PORT"][1:] == ["8200", "environment"]
    assert rows["TELEGRAM_BOT_TOKEN"][-2:] == ["file", str(named)] and TOKEN not in result.stdout
    assert rows["HOST"][1:] == ["127.0.0.1", "default"]
    assert "configuration: OK (telegram polling)" in result.stdout


def test_the_default_database_is_an_absolute_path_under_the_state_directory(tmp_path: Path) -> None:
    """`announce --dry-run` from any directory finds the same database (no stray relative file)."""
    settings = Settings.from_env({"SUBSIDYBOT_STATE_DIR": str(tmp_path)})
    assert settings.database == f"sqlite:///{tmp_path / 'subsidybot.sqlite3'}"
    systemd = Settings.from_env({"STATE_DIRECTORY": "/var/lib/subsidybot"})
    assert systemd.database == "sqlite:////var/lib/subsidybot/subsidybot.sqlite3"
    elsewhere = subprocess.run([sys.executable, "-m", "bot", "announce", "x", "--dry-run"], cwd=tmp_path,
                               env=bot_env(tmp_path / "state"), capture_output=True, text=True, timeout=60)  # fmt: skip
    assert elsewhere.returncode == 0 and (tmp_path / "state" / "subsidybot.sqlite3").is_file()
    assert not list(tmp_path.glob("var"))


def test_no_token_and_no_terminal_exits_2_with_the_reason(tmp_path: Path) -> None:
    """As compose and systemd start it (stdin is /dev/null): not a silent exit 0 but a reason, exit 2."""
    result = subprocess.run([sys.executable, "-m", "bot", "run"], cwd=ROOT, env=bot_env(tmp_path),
                            stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=60)  # fmt: skip
    assert result.returncode == 2
    assert "no TELEGRAM_BOT_TOKEN or SLACK_BOT_TOKEN is set" in result.stderr


def test_version() -> None:
    result = run("--version")
    assert result.returncode == 0 and result.stdout.startswith("subsidybot 0.")


def test_db_backup_copies_sqlite_and_never_overwrites(tmp_path: Path) -> None:
    from bot.storage.store import Store

    url = f"sqlite:///{tmp_path / 'bot.sqlite3'}"
    Store(url).subscribe("telegram", "1", "private", "all", "", "t")
    target = tmp_path / "backup.sqlite3"
    result = run("db", "backup", str(target), env={"DATABASE_URL": url})
    assert result.returncode == 0 and "backup:" in result.stdout, result.stderr
    with sqlite3.connect(target) as conn:
        assert conn.execute("SELECT count(*) FROM subscriptions").fetchone()[0] == 1
    again = run("db", "backup", str(target), env={"DATABASE_URL": url})
    assert again.returncode == 2 and "never overwrites" in again.stderr
    postgres = run("db", "backup", str(tmp_path / "x"), env={"DATABASE_URL": "postgresql+psycopg://u:pw@h/db"})
    assert postgres.returncode == 2 and "pg_dump" in postgres.stderr and "pw" not in postgres.stderr
