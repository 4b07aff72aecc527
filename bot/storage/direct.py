"""The statements made for every message, as plain DB-API calls on the engine's pooled connections.

An update to the bot reads and writes a handful of single rows: its delivery key, the chat's language, the
chat's last question, the user's profile dialogue. Through SQLAlchemy Core each such statement costs about
0.1 ms of CPU (building, caching and executing the construct, the result machinery), ten times what the
database itself spends; measured with the webhook benchmark, that was a third of the bot's time on the event
loop. Here they are written once as SQL that SQLite (3.24 and later) and PostgreSQL both accept, and sent on
a connection from the same pool, so the engine's settings (WAL, lock timeout, connect timeout) still hold:
about 0.01 ms a read and 0.05 ms a write. Everything else keeps SQLAlchemy Core.

Times are written as SQLAlchemy writes them, so rows read either way compare alike: a naive UTC
``datetime`` for PostgreSQL, and on SQLite its text ``YYYY-MM-DD HH:MM:SS.ffffff``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from sqlalchemy.engine import Engine

SQLITE_TIME = "%Y-%m-%d %H:%M:%S.%f"  # SQLAlchemy's storage format for DateTime on SQLite


class Direct:
    """Single-row statements on ``engine``'s pool; write SQL with ``?`` placeholders."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.sqlite = engine.dialect.name == "sqlite"
        self._mark = "?" if engine.dialect.paramstyle == "qmark" else "%s"
        self._sql: dict[str, str] = {}

    def _text(self, sql: str) -> str:
        text = self._sql.get(sql)
        if text is None:
            text = self._sql[sql] = sql.replace("?", self._mark)
        return text

    def when(self, value: dt.datetime) -> Any:
        """A naive UTC time as this database's column of SQLAlchemy's DateTime holds it."""
        return value.strftime(SQLITE_TIME) if self.sqlite else value

    def time(self, value: Any) -> dt.datetime:
        """A time read back: text on SQLite, a datetime (in the session's zone, same wall clock) on PostgreSQL."""
        if isinstance(value, str):
            return dt.datetime.fromisoformat(value)
        return value.replace(tzinfo=None)  # type: ignore[no-any-return]

    def one(self, sql: str, params: Sequence[Any]) -> tuple[Any, ...] | None:
        """The first row of a query, or None."""
        connection = self.engine.raw_connection()
        try:
            cursor = connection.cursor()
            cursor.execute(self._text(sql), params)
            row = cursor.fetchone()
            cursor.close()
        finally:
            connection.close()  # back to the pool, which rolls back what a read may have opened
        return None if row is None else tuple(row)

    def run(self, sql: str, params: Sequence[Any]) -> int:
        """One statement, committed; the number of rows it changed."""
        connection = self.engine.raw_connection()
        try:
            cursor = connection.cursor()
            cursor.execute(self._text(sql), params)
            changed = cursor.rowcount
            cursor.close()
            connection.commit()
        finally:
            connection.close()
        return int(changed)
