"""Reply -> Telegram HTML messages of at most 4,096 characters, every user-derived string escaped."""

from __future__ import annotations

import dataclasses
import html

from bot.core.chunking import pack_lines
from bot.core.i18n import t
from bot.core.language import DEFAULT_LANG
from bot.core.render_plain import BRIEF_SOURCES, citation_line, compact_citation
from bot.core.reply import Citation, Reply

MAX_MESSAGE = 4096


def _citation(citation: Citation, lang: str) -> str:
    line = html.escape(citation_line(replace_url(citation), lang))
    if citation.url and citation.url.startswith(("http://", "https://")):
        return f'{line} <a href="{html.escape(citation.url, quote=True)}">↗</a>'
    return line


def _compact(citation: Citation) -> str:
    """``[1] 武汉市经信局 2025-02-18 ↗``, the arrow linking to the source."""
    line = html.escape(compact_citation(citation))
    if citation.url and citation.url.startswith(("http://", "https://")):
        return f'{line} <a href="{html.escape(citation.url, quote=True)}">↗</a>'
    return line


def replace_url(citation: Citation) -> Citation:
    """The plain line without its URL: in HTML the URL becomes a link."""
    return dataclasses.replace(citation, url=None)


def blocks(reply: Reply) -> list[str]:
    """The headline (its first line bold); then, unless the reply is brief, one HTML block per section (bold
    title, escaped lines) and the sources; a brief reply ends with its compact sources. Then the footer."""
    out = []
    if reply.headline:
        first, *rest = reply.headline
        out.append("\n".join([f"<b>{html.escape(first)}</b>", *(html.escape(line) for line in rest)]))
    if reply.brief:
        if reply.sources:
            out.append(" · ".join(_compact(c) for c in reply.sources[:BRIEF_SOURCES]))
        out.extend(html.escape(line) for line in reply.footer)
        return out
    for section in reply.sections:
        lines = [f"<b>{html.escape(section.title)}</b>"] if section.title else []
        lines.extend(html.escape(line) for line in section.lines)
        if lines:
            out.append("\n".join(lines))
    if reply.sources:
        lines = [f"<b>{html.escape(t(reply.lang, 'section.sources'))}</b>"]
        lines.extend(_citation(c, reply.lang) for c in reply.sources)
        out.append("\n".join(lines))
    out.extend(html.escape(line) for line in reply.footer)
    return out


def split_messages(parts: list[str], limit: int = MAX_MESSAGE) -> list[str]:
    """Pack blocks into messages on paragraph boundaries; an oversized block is cut between lines."""
    messages: list[str] = []
    current = ""
    for part in parts:
        for piece in _fit(part, limit):
            candidate = f"{current}\n\n{piece}" if current else piece
            if len(candidate) <= limit:
                current = candidate
            else:
                messages.append(current)
                current = piece
    if current:
        messages.append(current)
    return messages


def _fit(block: str, limit: int) -> list[str]:
    return [block] if len(block) <= limit else pack_lines(block.split("\n"), limit)


def render(reply: Reply) -> list[str]:
    return split_messages(blocks(reply))


def announcement(text: str, lang: str | None) -> str:
    """An announcement: a bold header in the chat's language, then the escaped text."""
    return f"<b>{html.escape(t(lang or DEFAULT_LANG, 'announce.header'))}</b>\n{html.escape(text)}"
