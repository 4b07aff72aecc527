"""What a message asks, whatever way it was asked: a slash command, a free question or a button."""

from __future__ import annotations

from dataclasses import dataclass, field

from bot.domain.gazetteer import PlaceRef
from bot.domain.money import Money
from bot.domain.schema import ProgramType


@dataclass(frozen=True)
class Query:
    intent: str
    place: PlaceRef | None = None
    places: tuple[PlaceRef, ...] = ()  # every place named, in order (compare)
    ptypes: frozenset[ProgramType] = field(default_factory=frozenset)
    money: Money | None = None
    year: int | None = None
    wants_clause: bool = False  # the verbatim Chinese text was asked for
    ambiguous: tuple[PlaceRef, ...] = ()  # a typo equally close to these places
    text: str = ""
    args: str = ""  # a command's argument text, or the body of a free-text announcement
