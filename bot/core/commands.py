"""Slash commands: ``/name@botname args``, split into the command word and its arguments."""

from __future__ import annotations

import re
from dataclasses import dataclass

_COMMAND = re.compile(
    r"^/(?P<name>[A-Za-z_][A-Za-z0-9_]{0,31})(?:@(?P<bot>[A-Za-z0-9_]{1,64}))?(?:\s+(?P<args>.*))?$", re.S
)


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
