"""/healthz is asked each time: a part that is down, raises or hangs makes it report down (503), and the
start-up retries give up on an unreachable database with one line and exit 1 (systemd restarts that)."""

from __future__ import annotations

import asyncio
import time

import pytest

from bot import health as health_module
from bot.health import Health
from bot.retry import backoff, retry_sync
from tests.test_cli import run


def test_health_asks_every_part_each_time() -> None:
    state = {"polling": True}
    health = Health()
    health.add("telegram", lambda: state["polling"])
    health.add("data", lambda: True)
    assert asyncio.run(health.report()) == {"telegram": True, "data": True}
    state["polling"] = False  # the polling loop died after start
    assert asyncio.run(health.report()) == {"telegram": False, "data": True}


def test_a_failing_or_hung_check_is_down_not_an_error() -> None:
    async def hangs() -> bool:
        await asyncio.sleep(60)
        return True

    def raises() -> bool:
        raise OSError("database is locked")

    health = Health()
    health.add("database", raises)
    health.add("socket", hangs)
    health_module.CHECK_TIMEOUT_S, saved = 0.05, health_module.CHECK_TIMEOUT_S
    try:
        started = time.monotonic()
        assert asyncio.run(health.report()) == {"database": False, "socket": False}
        assert time.monotonic() - started < 5
    finally:
        health_module.CHECK_TIMEOUT_S = saved


def test_retries_back_off_then_give_up_with_the_last_error() -> None:
    waits: list[float] = []
    attempts: list[int] = []

    def unreachable() -> None:
        attempts.append(1)
        raise ConnectionRefusedError

    with pytest.raises(ConnectionRefusedError):
        retry_sync("the database", unreachable, (ConnectionRefusedError,), backoff(3), sleep=waits.append)
    assert waits == [1.0, 2.0, 4.0] and len(attempts) == 4
    assert backoff(10)[-1] == 30.0  # no single wait longer than 30 s


def test_an_unreachable_database_exits_1_with_one_line_and_no_password() -> None:
    url = "postgresql+psycopg://bot:hunter2-secret@127.0.0.1:9/subsidybot"
    env = {"DATABASE_URL": url, "SLACK_BOT_TOKEN": "xoxb-1-test", "SLACK_SIGNING_SECRET": "abcdef123456",
           "SUBSIDYBOT_STARTUP_RETRIES": "1"}  # fmt: skip
    result = run("run", env=env)
    assert result.returncode == 1, result.stderr
    last = result.stderr.strip().splitlines()[-1]
    assert last.startswith("subsidybot: start-up failed: the database cannot be reached"), last
    assert "hunter2-secret" not in result.stderr
    assert "retrying in 1 s" in result.stderr  # the backoff happened inside the process
