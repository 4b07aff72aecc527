"""Reply -> Block Kit blocks plus a plain-text fallback, every string escaped for mrkdwn, within Slack's limits."""

from __future__ import annotations

import dataclasses
from typing import Any

from bot.core.chunking import pack_lines
from bot.core.i18n import t
from bot.core.render_plain import brief_sources, citation_line, render_brief, render_plain
from bot.core.reply import Citation, Reply

MAX_SECTION = 3000
MAX_BLOCKS = 50
MAX_CONTEXT_ELEMENTS = 10
MAX_FALLBACK = 3000
BUTTON_ACTION_ID = "subsidy_button"


def escape(text: str) -> str:
    """Slack's three control characters; this also disarms <!channel>, <@U…> and <url|text> in user text."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _chunks(title: str | None, lines: tuple[str, ...]) -> list[str]:
    """Section texts of at most 3,000 characters, cut between lines."""
    return pack_lines((escape(line) for line in lines), MAX_SECTION, f"*{escape(title)}*" if title else "")


def _citation(citation: Citation, lang: str) -> str:
    text = escape(citation_line(dataclasses.replace(citation, url=None), lang))
    if citation.url and citation.url.startswith(("http://", "https://")) and "|" not in citation.url:
        text += f" <{citation.url}|↗>"
    return text[:MAX_SECTION]


def blocks(reply: Reply) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    if reply.headline:
        first, *rest = reply.headline
        for text in _chunks(first, tuple(rest)):
            out.append({"type": "section", "text": {"type": "mrkdwn", "text": text}})
    sections = () if reply.brief else reply.sections
    for section in sections:
        for text in _chunks(section.title, section.lines):
            out.append({"type": "section", "text": {"type": "mrkdwn", "text": text}})
    if reply.brief and reply.sources:
        out.append({"type": "context", "elements": [{"type": "mrkdwn", "text": escape(brief_sources(reply))}]})
    elif reply.sources:
        elements = [{"type": "mrkdwn", "text": _citation(c, reply.lang)} for c in reply.sources]
        header = {"type": "mrkdwn", "text": f"*{escape(t(reply.lang, 'section.sources'))}*"}
        for start in range(0, len(elements), MAX_CONTEXT_ELEMENTS - 1):
            out.append({"type": "context", "elements": [header, *elements[start : start + MAX_CONTEXT_ELEMENTS - 1]]})
    for note in reply.footer:
        out.append({"type": "context", "elements": [{"type": "mrkdwn", "text": escape(note)}]})
    if reply.buttons:
        buttons = [
            {
                "type": "button",
                "text": {"type": "plain_text", "text": b.label[:75]},
                "action_id": f"{BUTTON_ACTION_ID}_{i}",
                "value": b.action,
                **({"url": b.url} if b.url else {}),
            }
            for i, b in enumerate(reply.buttons[:5])
        ]
        out.append({"type": "actions", "elements": buttons})
    return out


def pages(reply: Reply) -> list[list[dict[str, Any]]]:
    """The blocks in messages of at most 50 blocks each (Slack's limit): a long answer is split, never cut.
    The buttons go with the last message."""
    every = blocks(reply)
    return [every[start : start + MAX_BLOCKS] for start in range(0, len(every), MAX_BLOCKS)] or [[]]


def fallback_text(reply: Reply) -> str:
    """The notification and accessibility text: the plain answer (its headline when brief), escaped and trimmed."""
    text = escape(render_brief(reply) if reply.brief else render_plain(reply))
    return text if len(text) <= MAX_FALLBACK else text[: MAX_FALLBACK - 1] + "…"
