"""Rows of the ``chats`` table: found by platform and chat id, or made (the outbox addresses chats by row id)."""

from __future__ import annotations

from sqlalchemy import select, update
from sqlalchemy.engine import Connection

from bot.storage.schema import chats


def find_chat(conn: Connection, platform: str, chat_key: str) -> int | None:
    """The row id of a platform's chat, if we know it."""
    found = conn.execute(select(chats.c.id).where(chats.c.platform == platform, chats.c.chat_key == chat_key)).scalar()
    return None if found is None else int(found)


def chat_row(conn: Connection, platform: str, chat_key: str, kind: str, lang: str | None = None) -> int:
    """The chat's row id, made active (a chat we never saw gets a row)."""
    found = find_chat(conn, platform, chat_key)
    if found is not None:
        conn.execute(update(chats).where(chats.c.id == found).values(state="active", kind=kind))
        return found
    result = conn.execute(
        chats.insert().values(platform=platform, chat_key=chat_key, kind=kind, lang=lang, state="active")
    )
    return int(result.inserted_primary_key[0])  # type: ignore[index]
