"""The neutral reply: plain-text sections, citations and buttons. Adapters render and escape it.

Nothing in a reply is markup: every string is plain text, so each adapter escapes all of it
for its own format (HTML, mrkdwn) and user input can never inject formatting.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from bot.charts.spec import ChartSpec
from bot.nlu.query import Query


@dataclass(frozen=True)
class Citation:
    """A source as shown to the user; ``number`` is the [n] the text refers to."""

    number: int
    source_id: str
    title: str
    publisher: str
    url: str | None
    date: dt.date | None
    reliability: str


@dataclass(frozen=True)
class Section:
    title: str | None
    lines: tuple[str, ...] = ()


@dataclass(frozen=True)
class Button:
    """A follow-up; ``action`` is ASCII and at most 64 bytes (Telegram callback data). A button with a ``url``
    opens it instead (an adapter adds one, e.g. the link that opens a direct message with the bot)."""

    label: str
    action: str
    url: str | None = None

    def __post_init__(self) -> None:
        encoded = self.action.encode("utf-8")
        if not self.action.isascii() or len(encoded) > 64:
            raise ValueError("button action must be ASCII and at most 64 bytes")


@dataclass(frozen=True)
class Reply:
    intent: str
    lang: str
    sections: tuple[Section, ...]
    city: str | None = None
    sources: tuple[Citation, ...] = ()
    calculation: tuple[dict[str, Any], ...] = ()
    buttons: tuple[Button, ...] = field(default=())
    footer: tuple[str, ...] = ()
    error: bool = False  # a user-facing error or apology: adapters may show it only to the asker
    chart: ChartSpec | None = None  # data for a bar chart; adapters render and attach it
    headline: tuple[str, ...] = ()  # 1-4 lines that answer the question; the first message shows these first
    full: bool = False  # show everything (the details were asked for), not only the headline
    query: Query | None = None  # what was understood (the frame), for --json
    private: Reply | None = None  # for the sender alone, in a direct message (company facts asked in a group)

    @property
    def brief(self) -> bool:
        """Whether the first message shows only the headline, with the details on request."""
        return bool(self.headline) and not self.full
