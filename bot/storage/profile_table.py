"""Company profiles in the database (the ``profiles`` table of migration v6): one row per user."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from sqlalchemy import delete, insert, update
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError

from bot.storage.direct import Direct
from bot.storage.profile_watch import forget
from bot.storage.profiles import StoredProfile, live_step, utcnow
from bot.storage.schema import profiles

Clock = Callable[[], Any]


class ProfileTable:
    def __init__(self, engine: Engine, clock: Clock = utcnow, reader: Direct | None = None) -> None:
        self.engine = engine
        self.reader = reader or Direct(engine)  # the quick engine for the one read made for every private message
        self.clock = clock

    def get(self, user: str) -> StoredProfile | None:
        reader = self.reader
        row = reader.one("SELECT data, step, lang, updated_at FROM profiles WHERE user_key = ?", (user,))
        if row is None:
            return None
        data, step, lang, updated = row
        return StoredProfile(json.loads(data), live_step(step, reader.time(updated), self.clock()), lang)

    def put(self, user: str, data: dict[str, Any], step: str | None, lang: str | None = None) -> None:
        now = self.clock()
        values = {"data": json.dumps(data, ensure_ascii=False, sort_keys=True), "step": step, "lang": lang,
                  "updated_at": now}  # fmt: skip
        try:
            with self.engine.begin() as conn:
                done = conn.execute(update(profiles).where(profiles.c.user_key == user).values(**values)).rowcount
                if not done:
                    conn.execute(insert(profiles).values(user_key=user, created_at=now, **values))
        except IntegrityError:  # two messages of one user at once: the other inserted first, so update it
            with self.engine.begin() as conn:
                conn.execute(update(profiles).where(profiles.c.user_key == user).values(**values))

    def delete(self, user: str) -> bool:
        """The profile, and with it its subscription and every notice derived from it (bot/storage/profile_watch)."""
        with self.engine.begin() as conn:
            forget(conn, user)
            return bool(conn.execute(delete(profiles).where(profiles.c.user_key == user)).rowcount)
