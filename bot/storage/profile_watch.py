"""``/subscribe profile`` in the database (migration v7): who is told, and what each was told or last matched.

``profile_subscriptions``: one row per user, with the private chat notices go to and the digest of the profile
the remembered matches belong to. ``profile_notices``: per user, ``match:<program>`` (the program counted for
the profile, with a digest of its amount, conditions and status), ``deadline:<program>:<last day>`` (the
closing window was announced) and ``sent:<announcement>`` (a notice queued, with its announcement). A notice
is queued in the same transaction that records it, each record written only if it is still what the caller
read: two replicas running the same pass queue it once.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from sqlalchemy import delete, insert, select, update
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import IntegrityError

from bot.storage.chat_rows import chat_row
from bot.storage.schema import (
    announcements,
    chats,
    delivery_log,
    outbox,
    profile_notices,
    profile_subscriptions,
    subscriptions,
)

Clock = Callable[[], dt.datetime]
MATCH = "match:"
SENT = "sent:"  # sent:<announcement id>: a notice queued, so that deleting the profile finds it
KIND = "profile"  # announcements.kind and created_by of a notice (no author to report to)


@dataclass(frozen=True)
class ProfileSubscriber:
    user: str
    platform: str
    chat_key: str  # the user's private chat
    lang: str | None
    digest: str | None  # the profile the remembered matches were computed for


@dataclass(frozen=True)
class Notice:
    """What to queue for one subscriber: the texts by language (none: only the records change), and the records
    to write (None: remove)."""

    texts: Mapping[str, str]
    lang: str
    writes: Mapping[str, str | None]


class _Changed(Exception):
    """A record is no longer what the pass read: another replica wrote it first."""


def forget(conn: Connection, user: str) -> None:
    """Everything of the user's subscription: the notices queued (and their delivery log), the records, the row,
    and the private chat's row when nothing else uses it."""
    queued = select(profile_notices.c.announcement_id).where(
        profile_notices.c.user_key == user, profile_notices.c.announcement_id.is_not(None)
    )
    announcement_ids = [int(i) for i in conn.execute(queued).scalars().all()]
    row = conn.execute(select(profile_subscriptions).where(profile_subscriptions.c.user_key == user)).first()
    if announcement_ids:
        rows = select(outbox.c.id).where(outbox.c.announcement_id.in_(announcement_ids))
        conn.execute(delete(delivery_log).where(delivery_log.c.outbox_id.in_(rows)))
        conn.execute(delete(outbox).where(outbox.c.announcement_id.in_(announcement_ids)))
    conn.execute(delete(profile_notices).where(profile_notices.c.user_key == user))
    if announcement_ids:
        conn.execute(delete(announcements).where(announcements.c.id.in_(announcement_ids)))
    conn.execute(delete(profile_subscriptions).where(profile_subscriptions.c.user_key == user))
    if row is not None:
        chat = select(chats.c.id).where(chats.c.platform == row.platform, chats.c.chat_key == row.chat_key)
        chat_id = conn.execute(chat).scalar()
        used = chat_id is not None and (
            conn.execute(select(subscriptions.c.id).where(subscriptions.c.chat_id == chat_id).limit(1)).first()
            or conn.execute(select(outbox.c.id).where(outbox.c.chat_id == chat_id).limit(1)).first()
        )
        if chat_id is not None and not used:
            conn.execute(delete(chats).where(chats.c.id == chat_id))


def _write(conn: Connection, user: str, key: str, was: str | None, now: str | None, at: dt.datetime) -> None:
    """One record from ``was`` to ``now``, only if it is still ``was``."""
    if was is None and now is not None:
        conn.execute(insert(profile_notices).values(user_key=user, notice_key=key, fingerprint=now, at=at))
        return
    if was is None:
        return
    current = (profile_notices.c.user_key == user, profile_notices.c.notice_key == key,
               profile_notices.c.fingerprint == was)  # fmt: skip
    statement = delete(profile_notices) if now is None else update(profile_notices).values(fingerprint=now, at=at)
    if not conn.execute(statement.where(*current)).rowcount:
        raise _Changed(key)


class ProfileWatch:
    def __init__(self, engine: Engine, clock: Clock) -> None:
        self.engine = engine
        self.clock = clock

    def subscribe(self, user: str, platform: str, chat_key: str, lang: str | None) -> bool:
        """True when the user was not subscribed; the private chat and the language are renewed either way."""
        values = {"platform": platform, "chat_key": chat_key, "lang": lang}
        with self.engine.begin() as conn:
            table = profile_subscriptions
            if conn.execute(update(table).where(table.c.user_key == user).values(**values)).rowcount:
                return False
            try:
                with conn.begin_nested():
                    conn.execute(insert(table).values(user_key=user, created_at=self.clock(), **values))
            except IntegrityError:  # the same user twice at once: the other one subscribed
                return False
        return True

    def unsubscribe(self, user: str) -> bool:
        """Stop the notices and forget what was told; True when the user was subscribed."""
        with self.engine.begin() as conn:
            was = conn.execute(select(profile_subscriptions.c.user_key).where(profile_subscriptions.c.user_key == user))
            found = was.first() is not None
            forget(conn, user)
        return found

    def subscribers(self) -> list[ProfileSubscriber]:
        table = profile_subscriptions
        with self.engine.connect() as conn:
            rows = conn.execute(select(table).order_by(table.c.user_key)).all()
        return [ProfileSubscriber(r.user_key, r.platform, r.chat_key, r.lang, r.profile_digest) for r in rows]

    def records(self, user: str) -> dict[str, str]:
        with self.engine.connect() as conn:
            rows = conn.execute(
                select(profile_notices.c.notice_key, profile_notices.c.fingerprint).where(
                    profile_notices.c.user_key == user
                )
            ).all()
        return {r.notice_key: r.fingerprint for r in rows}

    def baseline(self, user: str, digest: str, matches: Mapping[str, str]) -> None:
        """The matches of a new or changed profile, remembered without telling: only later data changes notify.
        What was announced (deadlines) stays announced."""
        now = self.clock()
        with self.engine.begin() as conn:
            conn.execute(
                delete(profile_notices).where(
                    profile_notices.c.user_key == user, profile_notices.c.notice_key.startswith(MATCH)
                )
            )
            if matches:
                rows = [{"user_key": user, "notice_key": k, "fingerprint": v, "at": now} for k, v in matches.items()]
                conn.execute(insert(profile_notices), rows)
            conn.execute(
                update(profile_subscriptions)
                .where(profile_subscriptions.c.user_key == user)
                .values(profile_digest=digest)
            )

    def notify(self, subscriber: ProfileSubscriber, notice: Notice, read: Mapping[str, str]) -> bool:
        """Queue one notice for the subscriber's private chat and write its records, atomically; False when a
        record changed since ``read`` (another replica queued it) or the user unsubscribed meanwhile."""
        now = self.clock()
        try:
            with self.engine.begin() as conn:
                still = select(profile_subscriptions.c.user_key).where(
                    profile_subscriptions.c.user_key == subscriber.user
                )
                if conn.execute(still).first() is None:
                    return False
                for key, fingerprint in notice.writes.items():
                    _write(conn, subscriber.user, key, read.get(key), fingerprint, now)
                if notice.texts:
                    queued = self._queue(conn, subscriber, notice, now)
                    sent = {"notice_key": f"{SENT}{queued}", "fingerprint": "", "announcement_id": queued, "at": now}
                    conn.execute(insert(profile_notices).values(user_key=subscriber.user, **sent))
        except (_Changed, IntegrityError):
            return False
        return True

    def _queue(self, conn: Connection, subscriber: ProfileSubscriber, notice: Notice, now: dt.datetime) -> int:
        """One announcement for the subscriber's private chat alone, and its outbox row."""
        chat_id = chat_row(conn, subscriber.platform, subscriber.chat_key, "private", notice.lang)
        conn.execute(update(chats).where(chats.c.id == chat_id).values(lang=notice.lang))
        text = notice.texts.get(notice.lang) or next(iter(notice.texts.values()))
        texts = json.dumps(dict(notice.texts), ensure_ascii=False)
        made = conn.execute(insert(announcements).values(kind=KIND, text=text, created_by=KIND, texts=texts))
        announcement_id = int(made.inserted_primary_key[0])  # type: ignore[index]
        conn.execute(insert(outbox).values(announcement_id=announcement_id, chat_id=chat_id, state="pending",
                                           attempts=0, next_try_at=now))  # fmt: skip
        return announcement_id
