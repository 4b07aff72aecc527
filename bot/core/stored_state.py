"""Chat settings and conversation context in the database, so that a restart or another replica changes nothing.

Nothing is cached in the process: every read asks the database, so two replicas never disagree. Each Store call
runs in a thread (``asyncio.to_thread``, as the adapters call the Store) and is given ``timeout_s``. A database that
fails or is slow costs one answer its follow-up context or the chat's chosen language (it then follows the
message), never the answer; the outage is logged once, and once more when it is over. Choosing a language with
/lang is the exception: a choice that could not be kept is not confirmed (the user gets the short apology).
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

from bot.core.language import LANGS
from bot.nlu.context import DEFAULT_TTL_S, Turn
from bot.nlu.query import Query
from bot.nlu.query_json import QueryFormatError, from_json, to_json

if TYPE_CHECKING:  # the core never imports SQLAlchemy; the wiring hands the Store in
    from bot.storage.store import Store

log = logging.getLogger(__name__)

TIMEOUT_S = 3.0
T = TypeVar("T")


def split_chat(chat: str) -> tuple[str, str]:
    """``telegram:-100123`` -> (``telegram``, ``-100123``): the platform and its chat id, as the tables keep them."""
    platform, _, key = chat.partition(":")
    return platform, key


class OffLoop:
    """Store calls in a thread with a time limit; a failure is raised, and logged once per outage."""

    def __init__(self, what: str, timeout_s: float, inline_reads: bool = False) -> None:
        """``inline_reads``: reads of a local SQLite file in WAL mode (``Store.quick``), which never wait for a
        writer and give up on any other lock within ``QUICK_LOCK_S``, run on the caller's thread: a hop to a thread
        would cost more than the read. Writes, which may wait for a lock, always go to a thread."""
        self.what = what
        self.timeout_s = timeout_s
        self.inline_reads = inline_reads
        self._down = False

    async def __call__(self, call: Callable[..., T], *args: Any) -> T:
        return await self._run(call, args, inline=False)

    async def read(self, call: Callable[..., T], *args: Any) -> T:
        return await self._run(call, args, inline=self.inline_reads)

    async def write(self, call: Callable[..., T], *args: Any) -> T:
        """A write that takes ``quick``: tried inline first on a local file (giving up on a lock within
        ``QUICK_LOCK_S``), then, if that fails, patiently in a thread; on a server, in a thread."""
        if self.inline_reads:
            try:
                return call(*args, quick=True)
            except Exception:
                pass  # most likely a lock: wait for it off the loop
        return await self._run(call, args, inline=False)

    async def _run(self, call: Callable[..., T], args: tuple[Any, ...], inline: bool) -> T:
        try:
            if inline:
                result = call(*args)
            else:
                result = await asyncio.wait_for(asyncio.to_thread(call, *args), timeout=self.timeout_s)
        except Exception as error:
            if not self._down:
                log.warning("%s: the database is unavailable (%s)", self.what, type(error).__name__)
                self._down = True
            raise
        if self._down:
            log.warning("%s: the database is reachable again", self.what)
            self._down = False
        return result


class StoredSettings:
    """:class:`bot.core.preferences.ChatSettings` in the ``chat_settings`` table."""

    def __init__(self, store: Store, timeout_s: float = TIMEOUT_S) -> None:
        self.store = store
        self._db = OffLoop("chat settings", timeout_s, inline_reads=store.local)

    async def lang(self, chat: str) -> str | None:
        try:
            return await self._db.read(self.store.chat_lang, *split_chat(chat))
        except Exception:
            return None  # the message's own language decides

    async def set_lang(self, chat: str, lang: str) -> bool:
        if lang not in LANGS:
            return False
        await self._db(self.store.set_chat_lang, *split_chat(chat), lang)
        return True


class StoredContext:
    """:class:`bot.nlu.context.Context` in the ``conversation_turns`` table: one row per chat, expiring after
    ``ttl_s``; expired rows are deleted whenever a turn is written."""

    def __init__(self, store: Store, ttl_s: float = DEFAULT_TTL_S, timeout_s: float = TIMEOUT_S) -> None:
        self.store = store
        self.ttl = dt.timedelta(seconds=ttl_s)
        self._db = OffLoop("conversation context", timeout_s, inline_reads=store.local)

    async def previous(self, chat: str) -> Turn | None:
        try:
            found = await self._db.read(self.store.last_turn, *split_chat(chat), self.ttl)
        except Exception:
            return None  # answered on its own
        if found is None:
            return None
        text, at = found
        try:
            query = from_json(text)
        except QueryFormatError as error:
            log.info("a stored turn does not decode (%s); the message is answered on its own", error)
            return None
        return Turn(query, at.replace(tzinfo=dt.UTC).timestamp())

    async def record(self, chat: str, query: Query) -> None:
        try:
            await self._db.write(self.store.save_turn, *split_chat(chat), to_json(query), self.ttl)
        except Exception:
            return  # the answer goes out; only its follow-up loses the topic
