"""Slash commands: ``/name@botname args`` -> a Query, parsed strictly (errors say what to type)."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from bot.core.handlers import city, fx, subsidy
from bot.core.query import Query
from bot.core.services import Services

Parser = Callable[[Services, str], Query]

_COMMAND = re.compile(
    r"^/(?P<name>[A-Za-z_][A-Za-z0-9_]{0,31})(?:@(?P<bot>[A-Za-z0-9_]{1,64}))?(?:\s+(?P<args>.*))?$", re.S
)


def _no_args(intent: str) -> Parser:
    return lambda services, args: Query(intent)


COMMANDS: dict[str, Parser] = {
    "subsidy": subsidy.parse,
    "calc": subsidy.parse,
    "city": city.parse,
    "cities": _no_args("list_cities"),
    "fx": fx.parse,
    "help": _no_args("help"),
    "start": _no_args("help"),
}


@dataclass(frozen=True)
class ParsedCommand:
    name: str
    args: str
    bot: str | None


def parse_command(text: str) -> ParsedCommand | None:
    """``/subsidy@subsidybot wuhan 200만`` -> ParsedCommand('subsidy', 'wuhan 200만', 'subsidybot')."""
    match = _COMMAND.match(text.strip())
    if match is None:
        return None
    return ParsedCommand(match["name"].lower(), (match["args"] or "").strip(), match["bot"])


def intent_of(name: str) -> str:
    """The intent a command serves, for error replies raised while parsing it."""
    return {"subsidy": "subsidy_calc", "calc": "subsidy_calc", "city": "city_overview", "fx": "fx"}.get(
        name, "list_cities" if name == "cities" else "help"
    )
