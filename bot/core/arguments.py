"""Split command arguments into a place, an amount and a program filter, in any order."""

from __future__ import annotations

from dataclasses import dataclass

from bot.core.describe import echo
from bot.core.vocabulary import program_type_of
from bot.domain.errors import Problem, UserFacingError
from bot.domain.gazetteer import Gazetteer, PlaceRef
from bot.domain.money import Money, read_money
from bot.domain.schema import ProgramType

MAX_TOKENS = 12
MAX_NAME_TOKENS = 3


@dataclass(frozen=True)
class PlaceArgs:
    place: PlaceRef
    rest: list[str]


def take_place(gazetteer: Gazetteer, tokens: list[str]) -> PlaceArgs:
    """Find the first run of up to three tokens that names a place; the others are returned."""
    for start in range(len(tokens)):
        for size in range(min(MAX_NAME_TOKENS, len(tokens) - start), 0, -1):
            ref = gazetteer.resolve(" ".join(tokens[start : start + size]))
            if ref is not None:
                return PlaceArgs(ref, tokens[:start] + tokens[start + size :])
    guess = next((tok for tok in tokens if not tok[:1].isdigit()), tokens[0] if tokens else "")
    suggestions = [ref.place for ref in gazetteer.suggest(guess)] if guess else []
    raise UserFacingError("place.unknown", text=echo(guess), suggestions=suggestions)


def take_amount(tokens: list[str]) -> tuple[Money, list[str]]:
    """The longest run of leading tokens that reads as an amount; the rest is returned.

    Raises the problem with the first token (the most specific one) when no run reads as an amount.
    """
    if not tokens:
        raise UserFacingError("amount.empty")
    first: Problem | None = None
    for size in range(len(tokens), 0, -1):
        result = read_money(" ".join(tokens[:size]))
        if isinstance(result, Money):
            return result, tokens[size:]
        first = result
    assert first is not None
    raise UserFacingError.of(first)


def take_program_types(tokens: list[str]) -> set[ProgramType]:
    """Program types named by the remaining words; an unknown word is an error."""
    types: set[ProgramType] = set()
    for token in tokens:
        ptype = program_type_of(token)
        if ptype is None:
            raise UserFacingError("program.unknown_word", text=echo(token))
        types.add(ptype)
    return types


def tokens_of(args: str) -> list[str]:
    tokens = args.split()
    if len(tokens) > MAX_TOKENS:
        raise UserFacingError("subsidy.usage")
    return tokens
