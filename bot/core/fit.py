"""Keep every reply within one Telegram message (4,096 characters), dropping detail from the end."""

from __future__ import annotations

from dataclasses import replace

from bot.core.i18n import t
from bot.core.render_plain import render_plain
from bot.core.reply import Reply, Section

LIMIT = 4000  # a margin under Telegram's 4,096 for the adapters' own framing


def fit(reply: Reply, limit: int = LIMIT) -> Reply:
    """Drop trailing sections, then trailing lines, until the plain rendering fits ``limit``."""
    if len(render_plain(reply)) <= limit:
        return reply
    note = t(reply.lang, "reply.shortened")
    sections = list(reply.sections)
    while len(sections) > 1:
        candidate = replace(reply, sections=tuple(sections), footer=(note,))
        if len(render_plain(candidate)) <= limit:
            return candidate
        sections.pop()
    lines = list(sections[0].lines)
    while lines:
        lines.pop()
        candidate = replace(reply, sections=(Section(sections[0].title, tuple(lines)),), footer=(note,))
        if len(render_plain(candidate)) <= limit:
            return candidate
    bare = replace(reply, sections=(Section(sections[0].title, ()),), sources=(), footer=(note,))
    text = render_plain(bare)
    return bare if len(text) <= limit else replace(bare, sections=(Section(None, (note,)),))
