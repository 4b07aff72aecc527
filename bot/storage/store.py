"""The one interface to persistence: chats, subscriptions, announcements, the outbox, and per-chat state.

Times are naive UTC. A claim has an owner (a delivery worker with a heartbeat) and a short lease the heartbeat
renews; a dead owner's rows are handed back (``rescue``), so after a crash only the sends in flight repeat.
"""

from __future__ import annotations

import datetime as dt
import json
import time
from collections import Counter
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Table, and_, create_engine, delete, event, func, or_, select, tuple_, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection, Engine

from bot.domain.languages import DEFAULT_LANG
from bot.storage.chat_rows import chat_row, find_chat
from bot.storage.direct import Direct
from bot.storage.liveness import Worker, is_gone, naive_utc
from bot.storage.profile_table import ProfileTable
from bot.storage.profile_watch import ProfileWatch
from bot.storage.schema import (
    announcements,
    chat_settings,
    chats,
    conversation_turns,
    delivery_log,
    delivery_workers,
    migrate,
    outbox,
    program_snapshots,
    seen_deliveries,
    subscriptions,
)

Clock = Callable[[], dt.datetime]
QUICK_LOCK_S = 0.1  # the longest a per-message read of SQLite waits for a lock (it then fails, and is skipped)
SWEEP_EVERY_S = 60.0  # expired turns and delivery keys are deleted at most this often per process
LEASE = dt.timedelta(seconds=15)  # a claim not renewed for this long is handed back (see rescue)
DEAD_AFTER = dt.timedelta(seconds=5)  # a worker silent this long, while others reach the database, is gone


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


def _counts(conn: Connection, announcement_id: int) -> Counter[str]:
    rows = conn.execute(
        select(outbox.c.state, func.count()).where(outbox.c.announcement_id == announcement_id).group_by(outbox.c.state)
    ).all()
    return Counter({state: int(count) for state, count in rows})


def _owned_by(owner: str) -> Any:
    return outbox.c.owner == owner if owner else outbox.c.owner.is_(None)


def _one_per_chat(rows: Sequence[Any], budget: dict[str, int] | None, total: int) -> list[Any]:
    """The first due row of each chat, within the budget (per platform when given)."""
    left = dict(budget) if budget is not None else None
    seen: set[int] = set()
    taken: list[Any] = []
    for row in rows:
        if len(taken) >= total:
            break
        if row.chat_id in seen or (left is not None and left.get(row.platform, 0) <= 0):
            continue
        seen.add(row.chat_id)
        if left is not None:
            left[row.platform] -= 1
        taken.append(row)
    return taken


def _upsert(conn: Connection, table: Table, key: dict[str, object], values: dict[str, object]) -> None:
    """Insert or replace one row by its primary key: one atomic statement on SQLite and PostgreSQL (two replicas
    writing the same chat at once both succeed, the later one wins)."""
    dialect = {"sqlite": sqlite, "postgresql": postgresql}.get(conn.dialect.name)
    if dialect is not None:
        insert = dialect.insert(table).values(**key, **values)
        conn.execute(insert.on_conflict_do_update(index_elements=list(key), set_=values))
        return
    where = [table.c[name] == value for name, value in key.items()]
    if not conn.execute(update(table).where(*where).values(**values)).rowcount:
        conn.execute(table.insert().values(**key, **values))


def _sqlite_pragmas(dbapi_connection: Any, record: object) -> None:
    """WAL: readers do not wait for a writer, and a commit need not reach the disk before the next one."""
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


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
    def __init__(
        self,
        url: str,
        clock: Clock = utcnow,
        lease: dt.timedelta = LEASE,
        dead_after: dt.timedelta = DEAD_AFTER,
        sweep_every_s: float = SWEEP_EVERY_S,
    ) -> None:
        kwargs: dict[str, object] = {"future": True}
        if url.startswith("sqlite"):
            kwargs["connect_args"] = {"check_same_thread": False, "timeout": 30}
        elif url.startswith("postgresql"):  # an unreachable server fails in seconds instead of hanging
            kwargs["connect_args"] = {"connect_timeout": 5}
            kwargs["pool_pre_ping"] = True
        self.engine: Engine = create_engine(url, **kwargs)
        # The per-message reads (a chat's language, its last question, a handled update id, a waiting profile
        # dialogue) of a local SQLite file are made inline, on the caller's thread: each takes about 0.1 ms, less
        # than a hop to a thread, and in WAL mode a reader never waits for a writer. Their own connections give up
        # on any other lock within QUICK_LOCK_S. Writes, and a server database, keep the engine and threads.
        self.local = self.engine.dialect.name == "sqlite"
        self.quick: Engine = self.engine
        if self.local:
            event.listen(self.engine, "connect", _sqlite_pragmas)
        if self.local and self.engine.url.database not in (None, "", ":memory:"):  # a second engine needs a file
            quick_args = {**kwargs, "connect_args": {"check_same_thread": False, "timeout": QUICK_LOCK_S}}
            self.quick = create_engine(url, **quick_args)
            event.listen(self.quick, "connect", _sqlite_pragmas)
        self._direct = Direct(self.engine)  # the per-message statements (bot/storage/direct.py)
        self._quick = Direct(self.quick)
        self.clock = clock
        self.lease = lease
        self.dead_after = dead_after
        self.version = migrate(self.engine)
        self.profiles = ProfileTable(self.engine, clock, reader=self._quick)  # company profiles, one per user
        self.profile_watch = ProfileWatch(self.engine, clock)  # /subscribe profile: who is told, what was told
        self._skip_locked = self.engine.dialect.name == "postgresql"
        self.sweep_every_s = sweep_every_s
        self._swept: dict[str, float] = {}  # table -> monotonic time of this process's last sweep of expired rows

    # --- chats and subscriptions ---
    def subscribe(
        self, platform: str, chat_key: str, kind: str, scope: str, value: str, by: str, lang: str | None = None
    ) -> bool:
        """True when this is a new (or renewed) subscription; ``lang`` is the language announcements use."""
        with self.engine.begin() as conn:
            chat_id = chat_row(conn, platform, chat_key, kind)
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
            chat_id = find_chat(conn, platform, chat_key)
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
        chat_id = find_chat(conn, platform, chat_key)
        if chat_id is None:
            return
        conn.execute(update(chats).where(chats.c.id == chat_id).values(state="gone"))
        conn.execute(update(subscriptions).where(subscriptions.c.chat_id == chat_id).values(active=False))

    def migrate_chat(self, platform: str, old_key: str, new_key: str) -> None:
        """A Telegram group became a supergroup: keep its subscriptions under the new id."""
        with self.engine.begin() as conn:
            clash = find_chat(conn, platform, new_key)
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

    # --- the outbox: claims with an owner and a lease, sends counted, outcomes settled ---
    def heartbeat(self, worker: Worker) -> None:
        """The worker is alive: its row's heartbeat and the leases of the rows it holds move forward."""
        now = self.clock()
        with self.engine.begin() as conn:
            found = conn.execute(
                update(delivery_workers).where(delivery_workers.c.id == worker.id).values(heartbeat_at=now)
            ).rowcount
            if not found:
                conn.execute(delivery_workers.insert().values(id=worker.id, host=worker.host, pid=worker.pid,
                                                              started_at=now, heartbeat_at=now))  # fmt: skip
            conn.execute(
                update(outbox)
                .where(outbox.c.owner == worker.id, outbox.c.state == "sending")
                .values(lease_until=now + self.lease)
            )

    def rescue(self, worker: Worker, trust_silence: bool) -> int:
        """Hand back, as pending, the rows held by workers that are gone; returns how many.

        A worker on this host whose process no longer exists is gone at once (a restart after kill -9). A
        silent one elsewhere, or a lease not renewed, counts only when ``trust_silence``: the caller has
        itself reached the database for longer than the silence, so it is not an outage everyone shared.
        """
        now = self.clock()
        with self.engine.begin() as conn:
            workers = conn.execute(select(delivery_workers)).all()
            seen = {row.id for row in workers} | {worker.id}
            dead = {
                w.id for w in workers if w.id != worker.id and is_gone(w, worker, now - self.dead_after, trust_silence)
            }
            if dead:
                conn.execute(delivery_workers.delete().where(delivery_workers.c.id.in_(dead)))
            # an owner we did not see (pruned, or registered after our look) counts only once its claim is old
            unknown = and_(
                or_(outbox.c.owner.is_(None), outbox.c.owner.not_in(seen)), outbox.c.claimed_at < now - self.dead_after
            )
            orphaned = or_(outbox.c.owner.in_(dead), unknown) if dead else unknown
            if trust_silence:
                orphaned = or_(orphaned, and_(outbox.c.owner != worker.id, outbox.c.lease_until < now))
            result = conn.execute(
                update(outbox)
                .where(outbox.c.state == "sending", orphaned)
                .values(state="pending", owner=None, next_try_at=now)
            )
            return int(result.rowcount or 0)

    def claim(
        self, limit: int | dict[str, int], owner: str = "", skip: Collection[tuple[str, str]] = ()
    ) -> list[OutboxItem]:
        """Take due pending rows for sending now: at most ``limit`` (or so many per platform), one per chat, none
        for a chat in ``skip`` (it must wait) or with a message already in flight."""
        budget = limit if isinstance(limit, dict) else None
        total = sum(budget.values()) if budget is not None else int(limit)  # type: ignore[arg-type]
        if total <= 0:
            return []
        now = self.clock()
        busy = outbox.alias("busy")
        in_flight = select(busy.c.id).where(busy.c.chat_id == outbox.c.chat_id, busy.c.state == "sending").exists()
        query = (
            select(
                outbox.c.id,
                outbox.c.announcement_id,
                outbox.c.attempts,
                outbox.c.chat_id,
                chats.c.platform,
                chats.c.chat_key,
                chats.c.kind,
                func.coalesce(chat_settings.c.lang, chats.c.lang).label("lang"),  # /lang over the subscription's
                announcements.c.text,
                announcements.c.texts,
            )
            .join(chats, chats.c.id == outbox.c.chat_id)
            .join(announcements, announcements.c.id == outbox.c.announcement_id)
            .outerjoin(
                chat_settings,
                and_(chat_settings.c.platform == chats.c.platform, chat_settings.c.chat_key == chats.c.chat_key),
            )
            .where(outbox.c.state == "pending", outbox.c.next_try_at <= now, ~in_flight)
            # due rows in the order they were queued: a retry or a row handed back keeps its place in line
            # instead of going behind every fresh row (a 5xx early in a broadcast was resent at its end,
            # where a 429 on the resend added a full retry_after to the broadcast)
            .order_by(outbox.c.id)
            .limit(total * 4 + 20)  # several rows of one chat may come first; one of them is taken
        )
        if budget is not None:
            query = query.where(chats.c.platform.in_([p for p, n in budget.items() if n > 0]))
        if skip:
            query = query.where(tuple_(chats.c.platform, chats.c.chat_key).not_in(list(skip)))
        if self._skip_locked:
            query = query.with_for_update(skip_locked=True, of=outbox)
        with self.engine.begin() as conn:
            if (
                self.engine.dialect.name == "sqlite"
            ):  # SQLite: take the write lock first, so that two claimers never interleave
                conn.exec_driver_sql("BEGIN IMMEDIATE")
            taken: list[Any] = []
            for row in _one_per_chat(conn.execute(query).all(), budget, total):
                claimed = conn.execute(
                    update(outbox)
                    .where(outbox.c.id == row.id, outbox.c.state == "pending")  # nobody took it meanwhile
                    .values(state="sending", owner=owner or None, claimed_at=now, lease_until=now + self.lease)
                ).rowcount
                if claimed:
                    taken.append(row)
        return [
            OutboxItem(r.id, r.announcement_id, r.platform, r.chat_key, r.kind, r.lang, _text_for(r), r.attempts)
            for r in taken
        ]

    def next_due(self) -> dt.datetime | None:
        """When the earliest pending row is due (it may be due already and wait for a rate budget)."""
        with self.engine.connect() as conn:
            value = conn.execute(select(func.min(outbox.c.next_try_at)).where(outbox.c.state == "pending")).scalar()
        return naive_utc(value) if isinstance(value, dt.datetime) else None

    def start_send(self, item_id: int, owner: str = "") -> bool:
        """Just before a send: count it and renew the lease. False when the row is no longer this owner's."""
        now = self.clock()
        with self.engine.begin() as conn:
            result = conn.execute(
                update(outbox)
                .where(outbox.c.id == item_id, outbox.c.state == "sending", _owned_by(owner))
                .values(attempts=outbox.c.attempts + 1, last_send_at=now, lease_until=now + self.lease)
            )
            return bool(result.rowcount)

    def _settle(
        self, item_id: int, result: str, detail: str | None = None, owner: str | None = None, **values: object
    ) -> bool:
        """Record an outcome; with ``owner``, only while the row is still that owner's claim."""
        with self.engine.begin() as conn:
            where = [outbox.c.id == item_id]
            if owner is not None:
                where += [outbox.c.state == "sending", _owned_by(owner)]
            if not conn.execute(update(outbox).where(*where).values(owner=None, **values)).rowcount:
                return False
            conn.execute(delivery_log.insert().values(outbox_id=item_id, result=result, detail=(detail or "")[:300]))
            return True

    def sent(self, item_id: int) -> None:
        """What is on the wire counts as sent, whoever holds the row now."""
        self._settle(item_id, "sent", state="sent", sent_at=self.clock(), last_error=None)

    def retry(self, item_id: int, after: dt.timedelta, error: str, owner: str | None = None) -> None:
        self._settle(item_id, "retry", error, owner, state="pending", next_try_at=self.clock() + after,
                     last_error=error[:300])  # fmt: skip

    def release(self, item_id: int, owner: str | None = None) -> None:
        """Hand a claimed row back unsent (its chat must wait, or the worker stops): no attempt is counted."""
        with self.engine.begin() as conn:
            where = [outbox.c.id == item_id, outbox.c.state == "sending"]
            if owner is not None:
                where.append(_owned_by(owner))
            conn.execute(update(outbox).where(*where).values(state="pending", owner=None, next_try_at=self.clock()))

    def release_all(self, owner: str) -> None:
        """A worker stopping: its unsent claims go back, and its heartbeat row goes."""
        with self.engine.begin() as conn:
            conn.execute(
                update(outbox)
                .where(outbox.c.owner == owner, outbox.c.state == "sending")
                .values(state="pending", owner=None, next_try_at=self.clock())
            )
            conn.execute(delivery_workers.delete().where(delivery_workers.c.id == owner))

    def failed(self, item_id: int, error: str, owner: str | None = None) -> None:
        self._settle(item_id, "failed", error, owner, state="failed", last_error=error[:300])

    def removed(self, item: OutboxItem, error: str, owner: str | None = None) -> None:
        """The chat is gone: its subscriptions end, and this row and its other pending ones are closed."""
        self._settle(item.id, "removed", error, owner, state="removed", last_error=error[:300])
        with self.engine.begin() as conn:
            chat_id = find_chat(conn, item.platform, item.chat_key)
            if chat_id is not None:
                conn.execute(
                    update(outbox)
                    .where(outbox.c.chat_id == chat_id, outbox.c.state == "pending")
                    .values(state="removed", last_error=error[:300])
                )
            self._gone(conn, item.platform, item.chat_key)

    def finished(self, announcement_id: int) -> tuple[str | None, Counter[str]] | None:
        """Once per announcement, when no row is left to send: its author and the counts (None otherwise)."""
        with self.engine.begin() as conn:
            counts = _counts(conn, announcement_id)
            if counts.get("pending") or counts.get("sending"):
                return None
            claimed = conn.execute(
                update(announcements)
                .where(announcements.c.id == announcement_id, announcements.c.reported_at.is_(None))
                .values(reported_at=self.clock())
            ).rowcount
            if not claimed:
                return None
            author = conn.execute(select(announcements.c.created_by).where(announcements.c.id == announcement_id))
            value = author.scalar()
        return (str(value) if value is not None else None), counts

    def report(self, announcement_id: int) -> Counter[str]:
        with self.engine.connect() as conn:
            return _counts(conn, announcement_id)

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

    def _sweep_due(self, table: str) -> bool:
        """At most one sweep of ``table``'s expired rows per ``sweep_every_s`` in this process."""
        now = time.monotonic()
        if table in self._swept and now - self._swept[table] < self.sweep_every_s:
            return False
        self._swept[table] = now
        return True

    # --- per-chat state: settings, and the last answered question (a follow-up continues it) ---
    # The reads and writes made for every message go through bot/storage/direct.py (plain DB-API SQL: a tenth
    # of Core's CPU); the rest of the Store keeps SQLAlchemy Core.
    def chat_lang(self, platform: str, chat_key: str) -> str | None:
        """The language the chat chose with /lang, if any."""
        row = self._quick.one(
            "SELECT lang FROM chat_settings WHERE platform = ? AND chat_key = ?", (platform, chat_key)
        )
        return None if row is None or row[0] is None else str(row[0])

    def set_chat_lang(self, platform: str, chat_key: str, lang: str | None) -> None:
        with self.engine.begin() as conn:
            _upsert(conn, chat_settings, {"platform": platform, "chat_key": chat_key},
                    {"lang": lang, "updated_at": self.clock()})  # fmt: skip

    def last_turn(self, platform: str, chat_key: str, ttl: dt.timedelta) -> tuple[str, dt.datetime] | None:
        """The chat's last answered question (its JSON) and when, if it is not older than ``ttl``."""
        quick = self._quick
        row = quick.one(
            "SELECT query, at FROM conversation_turns WHERE platform = ? AND chat_key = ? AND at >= ?",
            (platform, chat_key, quick.when(self.clock() - ttl)),
        )
        return None if row is None else (str(row[0]), quick.time(row[1]))

    def save_turn(self, platform: str, chat_key: str, query: str, ttl: dt.timedelta, quick: bool = False) -> None:
        """Keep the chat's last answered question; then the turns of every chat older than ``ttl`` go (apart, so
        that this turn is kept whatever happens to the sweep). ``quick``: give up on a lock within QUICK_LOCK_S."""
        now = self.clock()
        direct = self._quick if quick else self._direct
        direct.run(
            "INSERT INTO conversation_turns (platform, chat_key, query, at) VALUES (?, ?, ?, ?)"
            " ON CONFLICT (platform, chat_key) DO UPDATE SET query = excluded.query, at = excluded.at",
            (platform, chat_key, query, direct.when(now)),
        )
        if self._sweep_due("turns"):  # reads skip expired turns anyway: sweeping once a minute is enough
            with direct.engine.begin() as conn:
                conn.execute(delete(conversation_turns).where(conversation_turns.c.at < now - ttl))

    # --- replay protection ---
    def first_delivery(self, key: str, ttl: dt.timedelta, quick: bool = False) -> bool:
        """True the first time ``key`` is seen within ``ttl``; False for a replay. Atomic across replicas: one
        statement inserts the key or takes over an expired one, and of two at once only one changes the row.
        Expired keys are swept on the way. ``quick``: give up on a lock within QUICK_LOCK_S."""
        now = self.clock()
        direct = self._quick if quick else self._direct
        if self._sweep_due("deliveries"):  # an expired key is taken over below: sweeping is only tidying
            with direct.engine.begin() as conn:
                conn.execute(delete(seen_deliveries).where(seen_deliveries.c.expires_at < now))
        changed = direct.run(
            "INSERT INTO seen_deliveries (key, expires_at) VALUES (?, ?) ON CONFLICT (key) DO UPDATE"
            " SET expires_at = excluded.expires_at WHERE seen_deliveries.expires_at <= ?",
            (key, direct.when(now + ttl), direct.when(now)),
        )
        return changed > 0

    def seen_delivery(self, key: str) -> bool:
        """Was ``key`` recorded, and has it not expired? (A read: the caller records it once it has acted.)"""
        quick = self._quick
        found = quick.one(
            "SELECT 1 FROM seen_deliveries WHERE key = ? AND expires_at > ?", (key, quick.when(self.clock()))
        )
        return found is not None

    def forget_delivery(self, key: str) -> None:
        with self.engine.begin() as conn:
            conn.execute(delete(seen_deliveries).where(seen_deliveries.c.key == key))
