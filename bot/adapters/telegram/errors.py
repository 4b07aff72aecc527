"""Bot API errors -> the delivery vocabulary (bot/delivery/errors.py), for replies and broadcasts alike."""

from __future__ import annotations

import datetime as dt
import warnings

from telegram.error import BadRequest, ChatMigrated, Forbidden, NetworkError, RetryAfter, TelegramError, TimedOut
from telegram.warnings import PTBDeprecationWarning

from bot.delivery.errors import DeliveryError, Failed, Gone, Migrated, RateLimited, Transient

GONE_MARKERS = ("chat not found", "bot was kicked", "bot is not a member", "have no rights to send")


def retry_after_seconds(error: RetryAfter) -> float:
    with warnings.catch_warnings():  # PTB 22 warns that the type will become timedelta; both are handled
        warnings.simplefilter("ignore", PTBDeprecationWarning)
        value = error.retry_after
    return value.total_seconds() if isinstance(value, dt.timedelta) else float(value)


def delivery_error(error: TelegramError) -> DeliveryError:
    """What a failed Bot API call means for delivery. A kicked or blocked bot is Gone everywhere."""
    if isinstance(error, RetryAfter):
        return RateLimited(retry_after_seconds(error))
    if isinstance(error, ChatMigrated):
        return Migrated(str(error.new_chat_id))
    if isinstance(error, Forbidden):
        return Gone(error.message)
    if isinstance(error, BadRequest):  # a subclass of NetworkError: test it first
        if any(marker in error.message.lower() for marker in GONE_MARKERS):
            return Gone(error.message)
        return Failed(f"rejected: {error.message}")
    if isinstance(error, TimedOut):
        return Transient(error.message, maybe_delivered=True)
    if isinstance(error, NetworkError):  # 5xx and connection errors: Telegram did not take the message
        return Transient(error.message, maybe_delivered=False)
    return Failed(error.message)
