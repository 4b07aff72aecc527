"""The one interface to persistence: chats, subscriptions, announcements and the outbox.

Times are naive UTC. Claims are leases: a row taken for sending and not settled within the lease
(the process died) is taken again, so after a crash at most the message in flight repeats.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import and_, create_engine, func, or_, select, update
from sqlalchemy.engine import Connection, Engine

from bot.domain.languages import DEFAULT_LANG
from bot.storage.schema import announcements, chats, delivery_log, migrate, outbox, program_snapshots, subscriptions

Clock = Callable[[], dt.datetime]
LEASE = dt.timedelta(minutes=2)


def _find_chat(conn: Connection, platform: str, chat_key: str) -> int | None:
    """The row id of a platform's chat, if we know it."""
    found = conn.execute(select(chats.c.id).where(chats.c.platform == platform, chats.c.chat_key == chat_key)).scalar()
    return None if found is None else int(found)


def _recipients(city: str | None, ptype: str | None = None) -> Any:
    """Active chats whose subscription matches: 'all', the announcement's city (any city when none), or its
    program type (type subscribers get only announcements about that type)."""
    sub = subscriptions.c
    matching = sub.scope == "all"
    matching = or_(matching, and_(sub.scope == "city", sub.value == city) if city is not None else sub.scope == "city")
    if ptype is not None:
        matching = or_(matching, and_(sub.scope == "type", sub.value == ptype))
    return (
        select(chats.c.id)
        .distinct()
        .join(subscriptions, subscriptions.c.chat_id == chats.c.id)
        .where(chats.c.state == "active", subscriptions.c.active.is_(True), matching)
    )


def _text_for(row: Any) -> str:
    """The announcement in the chat's language when it exists in several."""
    if row.texts:
        texts = json.loads(row.texts)
        return str(texts.get(row.lang or DEFAULT_LANG) or texts.get(DEFAULT_LANG) or row.text)
    return str(row.text)


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


@dataclass(frozen=True)
class OutboxItem:
    id: int
    announcement_id: int
    platform: str
    chat_key: str
    chat_kind: str
    lang: str | None
    text: str
    attempts: int


@dataclass(frozen=True)
class Subscription:
    scope: str
    value: str


class Store:
    def __init__(self, url: str, clock: Clock = utcnow, lease: dt.timedelta = LEASE) -> None:
        kwargs: dict[str, object] = {"future": True}
        if url.startswith("sqlite"):
            kwargs["connect_args"] = {"check_same_thread": False, "timeout": 30}
        self.engine: Engine = create_engine(url, **kwargs)
        self.clock = clock
        self.lease = lease
        self.version = migrate(self.engine)
        self._skip_locked = self.engine.dialect.name == "postgresql"

    # --- chats and subscriptions ---
    def _chat_id(self, conn: Connection, platform: str, chat_key: str, kind: str, lang: str | None = None) -> int:
        found = _find_chat(conn, platform, chat_key)
        if found is not None:
            conn.execute(update(chats).where(chats.c.id == found).values(state="active", kind=kind))
            return int(found)
        result = conn.execute(
            chats.insert().values(platform=platform, chat_key=chat_key, kind=kind, lang=lang, state="active")
        )
        return int(result.inserted_primary_key[0])  # type: ignore[index]

    def subscribe(
        self, platform: str, chat_key: str, kind: str, scope: str, value: str, by: str, lang: str | None = None
    ) -> bool:
        """True when this is a new (or renewed) subscription; ``lang`` is the language announcements use."""
        with self.engine.begin() as conn:
            chat_id = self._chat_id(conn, platform, chat_key, kind)
            if lang is not None:
                conn.execute(update(chats).where(chats.c.id == chat_id).values(lang=lang))
            where = and_(
                subscriptions.c.chat_id == chat_id, subscriptions.c.scope == scope, subscriptions.c.value == value
            )
            existing = conn.execute(select(subscriptions.c.id, subscriptions.c.active).where(where)).first()
            if existing is None:
                conn.execute(
                    subscriptions.insert().values(chat_id=chat_id, scope=scope, value=value, active=True, created_by=by)
                )
                return True
            conn.execute(update(subscriptions).where(where).values(active=True))
            return not existing.active

    def unsubscribe(self, platform: str, chat_key: str) -> int:
        with self.engine.begin() as conn:
            chat_id = _find_chat(conn, platform, chat_key)
            if chat_id is None:
                return 0
            result = conn.execute(
                update(subscriptions)
                .where(subscriptions.c.chat_id == chat_id, subscriptions.c.active.is_(True))
                .values(active=False)
            )
            return int(result.rowcount or 0)

    def subscriptions_of(self, platform: str, chat_key: str) -> list[Subscription]:
        with self.engine.connect() as conn:
            rows = conn.execute(
                select(subscriptions.c.scope, subscriptions.c.value)
                .join(chats, chats.c.id == subscriptions.c.chat_id)
                .where(chats.c.platform == platform, chats.c.chat_key == chat_key, subscriptions.c.active.is_(True))
                .order_by(subscriptions.c.scope, subscriptions.c.value)
            ).all()
        return [Subscription(r.scope, r.value) for r in rows]

    def mark_gone(self, platform: str, chat_key: str) -> None:
        with self.engine.begin() as conn:
            self._gone(conn, platform, chat_key)

    def _gone(self, conn: Connection, platform: str, chat_key: str) -> None:
        chat_id = _find_chat(conn, platform, chat_key)
        if chat_id is None:
            return
        conn.execute(update(chats).where(chats.c.id == chat_id).values(state="gone"))
        conn.execute(update(subscriptions).where(subscriptions.c.chat_id == chat_id).values(active=False))

    def migrate_chat(self, platform: str, old_key: str, new_key: str) -> None:
        """A Telegram group became a supergroup: keep its subscriptions under the new id."""
        with self.engine.begin() as conn:
            clash = _find_chat(conn, platform, new_key)
            if clash is None:
                conn.execute(
                    update(chats)
                    .where(chats.c.platform == platform, chats.c.chat_key == old_key)
                    .values(chat_key=new_key)
                )

    # --- announcements and the outbox ---
    def announce(
        self,
        kind: str,
        text: str,
        city: str | None,
        by: str,
        dedupe_key: str | None = None,
        texts: dict[str, str] | None = None,
        ptype: str | None = None,
    ) -> tuple[int, int]:
        """Record an announcement and one outbox row per matching active subscriber: (id, recipients).

        An announcement with a dedupe key that was already made is not made again: (id, 0).
        """
        now = self.clock()
        with self.engine.begin() as conn:
            if dedupe_key is not None:
                seen = conn.execute(select(announcements.c.id).where(announcements.c.dedupe_key == dedupe_key)).scalar()
                if seen is not None:
                    return int(seen), 0
            result = conn.execute(
                announcements.insert().values(
                    kind=kind,
                    text=text,
                    city=city,
                    created_by=by,
                    dedupe_key=dedupe_key,
                    texts=json.dumps(texts, ensure_ascii=False) if texts else None,
                )
            )
            announcement_id = int(result.inserted_primary_key[0])  # type: ignore[index]
            chat_ids = conn.execute(_recipients(city, ptype)).scalars().all()
            if chat_ids:
                conn.execute(
                    outbox.insert(),
                    [
                        {
                            "announcement_id": announcement_id,
                            "chat_id": c,
                            "state": "pending",
                            "attempts": 0,
                            "next_try_at": now,
                        }
                        for c in chat_ids
                    ],
                )
        return announcement_id, len(chat_ids)

    def claim(self, limit: int) -> list[OutboxItem]:
        """Take up to ``limit`` due rows (pending, or sending with an expired lease) for sending."""
        now = self.clock()
        due = or_(
            and_(outbox.c.state == "pending", outbox.c.next_try_at <= now),
            and_(outbox.c.state == "sending", outbox.c.claimed_at < now - self.lease),
        )
        query = (
            select(
                outbox.c.id,
                outbox.c.announcement_id,
                outbox.c.attempts,
                chats.c.platform,
                chats.c.chat_key,
                chats.c.kind,
                chats.c.lang,
                announcements.c.text,
                announcements.c.texts,
            )
            .join(chats, chats.c.id == outbox.c.chat_id)
            .join(announcements, announcements.c.id == outbox.c.announcement_id)
            .where(due)
            .order_by(outbox.c.next_try_at, outbox.c.id)
            .limit(limit)
        )
        if self._skip_locked:
            query = query.with_for_update(skip_locked=True, of=outbox)
        with self.engine.begin() as conn:
            rows = conn.execute(query).all()
            if not rows:
                return []
            conn.execute(
                update(outbox)
                .where(outbox.c.id.in_([r.id for r in rows]))
                .values(state="sending", claimed_at=now, attempts=outbox.c.attempts + 1)
            )
        return [
            OutboxItem(r.id, r.announcement_id, r.platform, r.chat_key, r.kind, r.lang, _text_for(r), r.attempts + 1)
            for r in rows
        ]

    def _settle(self, item_id: int, result: str, detail: str | None = None, **values: object) -> None:
        with self.engine.begin() as conn:
            conn.execute(update(outbox).where(outbox.c.id == item_id).values(**values))
            conn.execute(delivery_log.insert().values(outbox_id=item_id, result=result, detail=(detail or "")[:300]))

    def sent(self, item_id: int) -> None:
        self._settle(item_id, "sent", state="sent", sent_at=self.clock(), last_error=None)

    def retry(self, item_id: int, after: dt.timedelta, error: str) -> None:
        self._settle(item_id, "retry", error, state="pending", next_try_at=self.clock() + after, last_error=error[:300])

    def failed(self, item_id: int, error: str) -> None:
        self._settle(item_id, "failed", error, state="failed", last_error=error[:300])

    def removed(self, item: OutboxItem, error: str) -> None:
        """The chat is gone: its subscriptions end and this row is closed."""
        self._settle(item.id, "removed", error, state="removed", last_error=error[:300])
        self.mark_gone(item.platform, item.chat_key)

    def report(self, announcement_id: int) -> Counter[str]:
        with self.engine.connect() as conn:
            rows = conn.execute(
                select(outbox.c.state, func.count())
                .where(outbox.c.announcement_id == announcement_id)
                .group_by(outbox.c.state)
            ).all()
        return Counter({state: int(count) for state, count in rows})

    def pending(self) -> int:
        with self.engine.connect() as conn:
            return int(
                conn.execute(select(func.count()).where(outbox.c.state.in_(("pending", "sending")))).scalar() or 0
            )

    def author(self, announcement_id: int) -> str | None:
        with self.engine.connect() as conn:
            value = conn.execute(
                select(announcements.c.created_by).where(announcements.c.id == announcement_id)
            ).scalar()
        return str(value) if value is not None else None

    def snapshot(self) -> dict[str, dict[str, str]]:
        with self.engine.connect() as conn:
            rows = conn.execute(select(program_snapshots.c.program_id, program_snapshots.c.facts)).all()
        return {r.program_id: json.loads(r.facts) for r in rows}

    def save_snapshot(self, facts: dict[str, dict[str, str]]) -> None:
        with self.engine.begin() as conn:
            conn.execute(program_snapshots.delete())
            if facts:
                conn.execute(
                    program_snapshots.insert(),
                    [{"program_id": k, "facts": json.dumps(v, sort_keys=True)} for k, v in facts.items()],
                )

    def recipients(self, city: str | None) -> int:
        with self.engine.connect() as conn:
            return len(conn.execute(_recipients(city)).all())
