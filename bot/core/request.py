"""What a feature's handler is given: the services, the query, the reply language and the message."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from bot.core.message import IncomingMessage
from bot.core.reply import Reply
from bot.core.services import Services
from bot.nlu.query import Query


@dataclass(frozen=True)
class Request:
    services: Services
    query: Query
    lang: str
    message: IncomingMessage


Handler = Callable[[Request], Reply | Awaitable[Reply]]  # async when it writes state (/lang)
