"""Tables and versioned migrations. Each migration runs once, in order, recorded in schema_version."""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import (
    Boolean,
    Column,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    func,
    inspect,
    select,
    text,
)
from sqlalchemy.engine import Connection, Engine

metadata = MetaData()

schema_version = Table(
    "schema_version",
    metadata,
    Column("version", Integer, primary_key=True),
    Column("applied_at", DateTime(timezone=True), server_default=func.now()),
)

chats = Table(
    "chats",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("platform", String(16), nullable=False),
    Column("chat_key", String(64), nullable=False),  # the platform's chat id, as text
    Column("kind", String(16), nullable=False, default="group"),  # private, group, channel
    Column("lang", String(4)),
    Column("state", String(16), nullable=False, default="active"),  # active, gone
    Column("title", String(200)),
    Column("updated_at", DateTime(timezone=True), server_default=func.now(), onupdate=func.now()),
    UniqueConstraint("platform", "chat_key", name="uq_chat"),
)

subscriptions = Table(
    "subscriptions",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("chat_id", Integer, ForeignKey("chats.id"), nullable=False),
    Column("scope", String(16), nullable=False, default="all"),  # all, city
    Column("value", String(64), nullable=False, default=""),  # the city slug for scope=city
    Column("active", Boolean, nullable=False, default=True),
    Column("created_by", String(64)),
    Column("created_at", DateTime(timezone=True), server_default=func.now()),
    UniqueConstraint("chat_id", "scope", "value", name="uq_subscription"),
)

announcements = Table(
    "announcements",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("kind", String(16), nullable=False),  # admin, data_change, reminder
    Column("text", Text, nullable=False),
    Column("city", String(64)),  # only subscribers of this city (and of all) when set
    Column("created_by", String(64)),
    Column("dedupe_key", String(200), unique=True),  # the same data change is announced once
    Column("texts", Text),  # JSON {ko, en, zh} when the text exists in each language (since v2)
    Column("created_at", DateTime(timezone=True), server_default=func.now()),
    Column("reported_at", DateTime(timezone=True)),  # its author was told the outcome (once, since v3)
)

outbox = Table(
    "outbox",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("announcement_id", Integer, ForeignKey("announcements.id"), nullable=False),
    Column("chat_id", Integer, ForeignKey("chats.id"), nullable=False),
    Column("state", String(16), nullable=False, default="pending"),  # pending, sending, sent, failed, removed
    Column("attempts", Integer, nullable=False, default=0),  # sends put on the wire (since v3; claims before)
    Column("next_try_at", DateTime(timezone=True), nullable=False),
    Column("claimed_at", DateTime(timezone=True)),
    Column("sent_at", DateTime(timezone=True)),
    Column("last_error", String(300)),
    Column("owner", String(120)),  # the delivery worker holding a 'sending' row (since v3)
    Column("lease_until", DateTime(timezone=True)),  # renewed by the owner's heartbeat (since v3)
    Column("last_send_at", DateTime(timezone=True)),  # when the last send started (since v3)
    UniqueConstraint("announcement_id", "chat_id", name="uq_outbox"),
    Index("ix_outbox_due", "state", "next_try_at"),
    Index("ix_outbox_chat", "chat_id", "state"),
)

delivery_workers = Table(
    "delivery_workers",
    metadata,
    Column("id", String(120), primary_key=True),  # host:pid:random, new for every process
    Column("host", String(255), nullable=False),
    Column("pid", Integer, nullable=False),
    Column("started_at", DateTime(timezone=True), nullable=False),
    Column("heartbeat_at", DateTime(timezone=True), nullable=False),
)

delivery_log = Table(
    "delivery_log",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("outbox_id", Integer, ForeignKey("outbox.id"), nullable=False),
    Column("at", DateTime(timezone=True), server_default=func.now()),
    Column("result", String(16), nullable=False),  # sent, retry, failed, removed, migrated
    Column("detail", String(300)),
)

program_snapshots = Table(
    "program_snapshots",
    metadata,
    Column("program_id", String(120), primary_key=True),
    Column("facts", Text, nullable=False),  # JSON: numbers, status as judged, place
    Column("updated_at", DateTime(timezone=True), server_default=func.now(), onupdate=func.now()),
)

seen_deliveries = Table(
    "seen_deliveries",
    metadata,
    Column("key", String(200), primary_key=True),  # e.g. slack-event:Ev123, slack-request:<ts>:<signature>
    Column("expires_at", DateTime(timezone=True), nullable=False),
    Index("ix_seen_deliveries_expiry", "expires_at"),
)

chat_settings = Table(
    "chat_settings",
    metadata,
    Column("platform", String(16), primary_key=True),
    Column("chat_key", String(64), primary_key=True),  # the platform's chat id, as text (as in chats)
    Column("lang", String(8)),  # /lang: replies and announcements in this language; NULL: each message decides
    Column("updated_at", DateTime(timezone=True), nullable=False),
)

conversation_turns = Table(
    "conversation_turns",
    metadata,
    Column("platform", String(16), primary_key=True),
    Column("chat_key", String(64), primary_key=True),
    Column("query", Text, nullable=False),  # JSON of the last answered question's frame (bot/nlu/query_json.py)
    Column("at", DateTime(timezone=True), nullable=False),  # when it was answered; a follow-up needs it recent
    Index("ix_conversation_turns_at", "at"),
)

profiles = Table(
    "profiles",
    metadata,
    Column("user_key", String(120), primary_key=True),  # platform:user id; one profile per person, never per group
    Column("data", Text, nullable=False),  # JSON: place, kinds of firm, filing, planned spends, revenue, headcount
    Column("step", String(40)),  # the question the profile dialogue is waiting on, if any
    Column("lang", String(4)),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
)

profile_subscriptions = Table(
    "profile_subscriptions",
    metadata,
    Column("user_key", String(120), primary_key=True),  # platform:user id, as in profiles; one per person
    Column("platform", String(16), nullable=False),
    Column("chat_key", String(64), nullable=False),  # the user's private chat: notices never go into a group
    Column("lang", String(4)),
    Column("profile_digest", String(64)),  # the profile the remembered matches were computed for
    Column("created_at", DateTime(timezone=True), nullable=False),
)

profile_notices = Table(
    "profile_notices",
    metadata,
    Column("user_key", String(120), primary_key=True),
    Column("notice_key", String(200), primary_key=True),  # match:<program> · deadline:<program>:<day> · sent:<id>
    Column("fingerprint", String(64), nullable=False),  # a match's amount, conditions and status, digested
    Column("announcement_id", Integer, ForeignKey("announcements.id")),  # sent:<id> rows: the notice queued
    Column("at", DateTime(timezone=True), nullable=False),
)

Migration = Callable[[Connection], None]


def _v1(conn: Connection) -> None:
    for table in (chats, subscriptions, announcements, outbox, delivery_log):
        table.create(conn, checkfirst=True)


def _v2(conn: Connection) -> None:
    """Data-change announcements: program snapshots, and texts in each language."""
    program_snapshots.create(conn, checkfirst=True)
    columns = {c["name"] for c in inspect(conn).get_columns("announcements")}
    if "texts" not in columns:  # databases created at v1
        conn.execute(text("ALTER TABLE announcements ADD COLUMN texts TEXT"))


def _add_columns(conn: Connection, table: Table, names: tuple[str, ...]) -> None:
    """Columns a database made at an older version lacks (a new one got them from the metadata)."""
    if not inspect(conn).has_table(table.name):
        table.create(conn)
        return
    present = {c["name"] for c in inspect(conn).get_columns(table.name)}
    for name in names:
        if name not in present:
            column = table.c[name]
            kind = column.type.compile(dialect=conn.dialect)
            conn.execute(text(f"ALTER TABLE {table.name} ADD COLUMN {name} {kind}"))


def _v3(conn: Connection) -> None:
    """The exact outbox: claims with an owner and a lease, workers with a heartbeat, sends counted, one report."""
    delivery_workers.create(conn, checkfirst=True)
    _add_columns(conn, outbox, ("owner", "lease_until", "last_send_at"))
    _add_columns(conn, announcements, ("reported_at",))
    next(i for i in outbox.indexes if i.name == "ix_outbox_chat").create(conn, checkfirst=True)


def _v4(conn: Connection) -> None:
    """Replay protection shared by replicas: inbound deliveries already acted on, until they expire."""
    seen_deliveries.create(conn, checkfirst=True)


def _v5(conn: Connection) -> None:
    """State shared by replicas and kept over restarts: each chat's settings (/lang), its last answered question."""
    chat_settings.create(conn, checkfirst=True)
    conversation_turns.create(conn, checkfirst=True)


def _v6(conn: Connection) -> None:
    """Company profiles, one per user (issue 17)."""
    profiles.create(conn, checkfirst=True)


def _v7(conn: Connection) -> None:
    """Profile subscriptions (issue 17, item 5): who is told, and what each was told or last matched."""
    profile_subscriptions.create(conn, checkfirst=True)
    profile_notices.create(conn, checkfirst=True)


MIGRATIONS: tuple[Migration, ...] = (_v1, _v2, _v3, _v4, _v5, _v6, _v7)


def migrate(engine: Engine) -> int:
    """Apply the migrations not yet recorded; returns the schema version."""
    with engine.begin() as conn:
        schema_version.create(conn, checkfirst=True)
        current = conn.execute(select(func.max(schema_version.c.version))).scalar() or 0
        for version, step in enumerate(MIGRATIONS, start=1):
            if version > current:
                step(conn)
                conn.execute(schema_version.insert().values(version=version))
                current = version
    return current
