"""Pack escaped lines into messages of at most ``limit`` characters, cutting only between lines, or, for a
single overlong line, at a space and never inside an ``&…;`` entity. Shared by the HTML and mrkdwn renderers."""

from __future__ import annotations

from collections.abc import Iterable


def pack_lines(lines: Iterable[str], limit: int, first: str = "") -> list[str]:
    pieces: list[str] = []
    current = first
    for line in lines:
        while len(line) > limit:
            cut = safe_cut(line, limit)
            pieces.append(line[:cut])
            line = line[cut:]
        candidate = f"{current}\n{line}" if current else line
        if len(candidate) > limit:
            if current:
                pieces.append(current)
            current = line
        else:
            current = candidate
    if current:
        pieces.append(current)
    return pieces


def safe_cut(text: str, limit: int) -> int:
    """Where to cut ``text`` to at most ``limit`` characters: a space in the second half, outside an entity."""
    cut = text.rfind(" ", 0, limit)
    cut = cut if cut > limit // 2 else limit
    amp = text.rfind("&", 0, cut)
    if amp != -1 and ";" not in text[amp:cut]:
        cut = amp
    return max(cut, 1)
