"""Slash commands: ``/name@botname args`` -> (name, args), and the handler each one calls."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from bot.core.handlers import cities, city, fx, help, subsidy
from bot.core.reply import Reply
from bot.core.services import Services

Handler = Callable[[Services, str, str], Reply]

_COMMAND = re.compile(
    r"^/(?P<name>[A-Za-z_][A-Za-z0-9_]{0,31})(?:@(?P<bot>[A-Za-z0-9_]{1,64}))?(?:\s+(?P<args>.*))?$", re.S
)


@dataclass(frozen=True)
class Command:
    intent: str
    handler: Handler


COMMANDS: dict[str, Command] = {
    "subsidy": Command(subsidy.INTENT, subsidy.handle),
    "calc": Command(subsidy.INTENT, subsidy.handle),
    "city": Command(city.INTENT, city.handle),
    "cities": Command(cities.INTENT, cities.handle),
    "fx": Command(fx.INTENT, fx.handle),
    "help": Command(help.INTENT, help.handle),
    "start": Command(help.INTENT, help.handle),
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
