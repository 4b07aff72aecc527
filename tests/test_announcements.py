"""Data changes become announcements once, in each subscriber's language; migrations; the CLI."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

from bot.announce import announce_data_changes
from bot.domain.changes import diff, facts, reminders
from bot.domain.dataset import Dataset
from bot.storage.schema import MIGRATIONS
from bot.storage.store import Store
from tests.test_cli import run

BEFORE = dt.date(2026, 11, 23)


def _store(tmp_path: Path) -> Store:
    return Store(f"sqlite:///{tmp_path / 'a.sqlite3'}")


def test_first_run_announces_nothing_and_a_changed_cap_is_seen(dataset: Dataset) -> None:
    """No snapshot yet: no announcements. A changed cap: one 'numbers' change with before and after."""
    now = facts(dataset, BEFORE)
    assert diff({}, now) == []
    before = {k: dict(v) for k, v in now.items()}
    before["wuhan-2024-draft-scenario-funding"]["cap_cny"] = "500000"
    changes = diff(before, now)
    assert [(c.kind, c.program_id) for c in changes] == [("numbers", "wuhan-2024-draft-scenario-funding")]
    assert changes[0].before["cap_cny"] == "500000" and changes[0].after["cap_cny"] == "1000000"


def test_new_program_and_expiry_are_changes(dataset: Dataset) -> None:
    """A program missing from the snapshot is new; a window that closed turns final into expired."""
    before = facts(dataset, BEFORE)
    del before["qingyang-2024-compute-voucher"]
    after = facts(dataset, dt.date(2027, 1, 1))
    changes = {(c.kind, c.program_id) for c in diff(before, after)}
    assert ("new", "qingyang-2024-compute-voucher") in changes
    assert any(kind == "status" and pid.startswith("shenzhen") for kind, pid in changes)


def test_reminders_for_windows_closing_soon(dataset: Dataset) -> None:
    """Shenzhen's measures end 2026-12-17: a reminder two weeks before, none after."""
    soon = {c.program_id for c in reminders(dataset, dt.date(2026, 12, 10), 14)}
    assert any(pid.startswith("shenzhen") for pid in soon)
    assert not any(pid.startswith("shenzhen") for pid in (c.program_id for c in reminders(dataset, BEFORE, 14)))


def test_changes_are_queued_once_in_each_subscribers_language(tmp_path: Path, dataset: Dataset) -> None:
    """Status changes reach matching subscribers in their language; running again queues nothing new."""
    store = _store(tmp_path)
    store.subscribe("telegram", "1", "private", "all", "", "t", lang="ko")
    store.subscribe("telegram", "2", "private", "city", "shenzhen", "t", lang="en")
    store.subscribe("telegram", "3", "private", "city", "wuhan", "t", lang="en")
    assert announce_data_changes(store, dataset, BEFORE) == 0  # first run: snapshot only
    queued = announce_data_changes(store, dataset, dt.date(2027, 1, 1))
    assert queued > 0
    items = store.claim(1000)
    by_chat: dict[str, list[str]] = {}
    for item in items:
        by_chat.setdefault(item.chat_key, []).append(item.text)
    assert "상태가 바뀌었습니다" in by_chat["1"][0] and "Status changed" in by_chat["2"][0]
    assert "3" not in by_chat or all("Wuhan" in text for text in by_chat["3"])
    assert announce_data_changes(store, dataset, dt.date(2027, 1, 1)) == 0


def test_a_version_1_database_is_migrated(tmp_path: Path) -> None:
    """A database made before announcement texts existed gets the column and the snapshot table."""
    path = tmp_path / "old.sqlite3"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE schema_version (version INTEGER PRIMARY KEY, applied_at TIMESTAMP)")
        conn.execute("INSERT INTO schema_version (version) VALUES (1)")
        conn.execute(
            "CREATE TABLE announcements (id INTEGER PRIMARY KEY, kind VARCHAR(16) NOT NULL, text TEXT NOT NULL, "
            "city VARCHAR(64), created_by VARCHAR(64), dedupe_key VARCHAR(200) UNIQUE, created_at TIMESTAMP)"
        )
    store = Store(f"sqlite:///{path}")
    assert store.version == len(MIGRATIONS)
    with sqlite3.connect(path) as conn:
        columns = {row[1] for row in conn.execute("PRAGMA table_info(announcements)")}
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert "texts" in columns and "program_snapshots" in tables


def test_cli_announce_dry_run_and_queue(tmp_path: Path) -> None:
    """`subsidybot announce --dry-run` counts; without it the announcement is queued for subscribers."""
    url = f"sqlite:///{tmp_path / 'cli.sqlite3'}"
    assert "0 chats would receive it" in run("announce", "hello", "--dry-run", env={"DATABASE_URL": url}).stdout
    Store(url).subscribe("slack", "C1", "group", "city", "wuhan", "t")
    assert (
        "1 chats would receive it"
        in run("announce", "x", "--city", "무한", "--dry-run", env={"DATABASE_URL": url}).stdout
    )
    result = run("announce", "hello", "--city", "wuhan", env={"DATABASE_URL": url})
    assert result.returncode == 0 and "queued for 1 chats" in result.stdout
    assert Store(url).pending() == 1


def test_cli_data_reload_refuses_broken_data(tmp_path: Path) -> None:
    """A broken data directory is refused with the file named; a good one reloads."""
    url = f"sqlite:///{tmp_path / 'reload.sqlite3'}"
    good = run("data", "reload", env={"DATABASE_URL": url})
    assert good.returncode == 0 and "data reload: OK" in good.stdout
    (tmp_path / "bad").mkdir()
    (tmp_path / "bad" / "places").mkdir()
    (tmp_path / "bad" / "sources.yaml").write_text("sources: [", encoding="utf-8")
    bad = run("data", "reload", env={"DATABASE_URL": url, "SUBSIDYBOT_DATA_DIR": str(tmp_path / "bad")})
    assert bad.returncode == 2 and "sources.yaml" in bad.stderr and "unchanged" in bad.stderr
