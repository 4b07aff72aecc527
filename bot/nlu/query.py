"""What a message asks, whatever way it was asked: a slash command, a free question or a button.

The understanding step fills a :class:`Query` (the "frame" of the design notes): the act (``intent``),
the places with their roles, the program types, the aspect asked about, the amount with its role,
the asker's traits and any second part of the question.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from bot.domain.gazetteer import PlaceRef
from bot.domain.money import Money
from bot.domain.schema import ProgramType


@dataclass(frozen=True)
class Outside:
    """A place the user named that the data does not cover: a Chinese division or a foreign place."""

    name: str  # as typed (escape before showing)
    kind: str  # province, prefecture, county, country, city
    near: PlaceRef | None = None  # the covered province (or city) it lies in, if any
    nearby: tuple[PlaceRef, ...] = ()  # the nearest covered places
    within: frozenset[str] = frozenset()  # a province: the covered places inside it (하북성 -> langfang)

    @property
    def abroad(self) -> bool:
        """A foreign country, region or city (or Korea): outside China, so no covered place is near it."""
        return self.kind in ("country", "region", "city") and self.near is None


@dataclass(frozen=True)
class Query:
    intent: str
    place: PlaceRef | None = None  # the place asked about
    places: tuple[PlaceRef, ...] = ()  # every place asked about, in order (compare)
    ptypes: frozenset[ProgramType] = field(default_factory=frozenset)
    money: Money | None = None
    year: int | None = None
    wants_clause: bool = False  # the verbatim Chinese text was asked for
    ambiguous: tuple[PlaceRef, ...] = ()  # a typo equally close to these places
    text: str = ""
    args: str = ""  # a command's argument text, or the body of a free-text announcement
    aspect: str | None = None  # the fact asked for (bot.nlu.aspects): amount, rate, budget, conditions ...
    amount_role: str | None = None  # spend (compute on it), check (a figure to confirm), subject (the award asked)
    traits: frozenset[str] = field(default_factory=frozenset)  # sme, startup, opc, model_developer ...
    parts: tuple[str, ...] = ()  # a second question in the same message: fx, window, conditions
    excluded: tuple[PlaceRef, ...] = ()  # places the user said not to use ("A 말고 B")
    outside: tuple[Outside, ...] = ()  # places named that the data does not cover
    program: str | None = None  # the id of the program named by its title (bot/nlu/program_names.py), if one was
