"""Each Telegram update is answered once, whichever replica or incarnation of the bot receives it.

Telegram delivers an update again when it has not seen it acknowledged: a webhook call that failed or timed out,
long polling that stopped before it confirmed what it fetched. Before the handlers run, the update id is looked up
among the deliveries already handled (bot/storage/replay.py: the database when there is one, shared by replicas);
once they have run, it is recorded there for an hour. Recorded after, not before: an update whose handling a crash
cut short is answered when Telegram delivers it again (the webhook acknowledges only after handling). So only an
update handled by two replicas at the same moment, or one cut off between its reply and its record, is answered
twice: the bound a crash already has (the sends in flight). A database that cannot be reached costs the check,
never the answer.
"""

from __future__ import annotations

import datetime as dt
import logging

from telegram import Update
from telegram.ext import Application, ApplicationHandlerStop, ContextTypes, TypeHandler

from bot.core.stored_state import TIMEOUT_S, OffLoop
from bot.storage.replay import Deliveries

log = logging.getLogger(__name__)

UPDATE_TTL = dt.timedelta(hours=1)
BEFORE, AFTER = -1, 1  # handler groups around the bot's own (group 0)


def update_key(bot_id: int, update_id: int) -> str:
    return f"telegram-update:{bot_id}:{update_id}"  # update ids count per bot


class HandledUpdates:
    def __init__(self, deliveries: Deliveries, ttl: dt.timedelta = UPDATE_TTL) -> None:
        self.deliveries = deliveries
        self.ttl = ttl
        self._db = OffLoop("telegram update ids", TIMEOUT_S, inline_reads=getattr(deliveries, "local", True))

    def install(self, application: Application) -> None:  # type: ignore[type-arg]
        application.add_handler(TypeHandler(Update, self.skip_handled), group=BEFORE)
        application.add_handler(TypeHandler(Update, self.record), group=AFTER)

    async def skip_handled(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """Stop here when the update was handled already (by this process or another)."""
        try:
            handled = await self._db.read(self.deliveries.seen_delivery, update_key(context.bot.id, update.update_id))
        except Exception:
            return  # answer it: better twice than never
        if handled:
            log.info("telegram update %s was handled already; not answered again", update.update_id)
            raise ApplicationHandlerStop

    async def record(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """The handlers have run (an error in one counts as handled: the same update would fail the same way)."""
        key = update_key(context.bot.id, update.update_id)
        try:
            first = await self._db.write(self.deliveries.first_delivery, key, self.ttl)
        except Exception:
            return
        if not first:
            log.info("telegram update %s was handled at the same time elsewhere", update.update_id)
