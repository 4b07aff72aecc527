"""Reply -> plain text, for the console and the ``text`` field of ``--json``."""

from __future__ import annotations

from bot.core import numbers
from bot.core.citations import short_publisher
from bot.core.i18n import t
from bot.core.reply import Citation, Reply

BRIEF_SOURCES = 2


def citation_line(citation: Citation, lang: str) -> str:
    url = f", {citation.url}" if citation.url else ""
    return t(
        lang,
        "source.line",
        n=citation.number,
        publisher=citation.publisher,
        title=citation.title,
        date=numbers.date(citation.date, t(lang, "date.unknown")),
        reliability=t(lang, f"reliability.{citation.reliability}"),
        url=url,
    )


def compact_citation(citation: Citation) -> str:
    """``[1] 武汉市经济和信息化局 2025-08-01``: the publisher (not the reprint site) and the date."""
    publisher = short_publisher(citation.publisher)
    return f"[{citation.number}] {publisher} {numbers.date(citation.date, '')}".strip()


def brief_sources(reply: Reply) -> str:
    shown = " · ".join(compact_citation(c) for c in reply.sources[:BRIEF_SOURCES])
    more = len(reply.sources) - BRIEF_SOURCES
    return shown + (f" (+{more})" if more > 0 else "")


def render_brief(reply: Reply) -> str:
    """The first message: the headline, compact sources and how to see the rest."""
    if not reply.brief:
        return render_plain(reply)
    blocks = ["\n".join(reply.headline)]
    if reply.sources:
        blocks.append(brief_sources(reply))
    blocks.append(t(reply.lang, "reply.more_hint"))
    blocks.extend(reply.footer)
    return "\n\n".join(blocks)


def render_plain(reply: Reply) -> str:
    """Everything: the headline, every section, the full list of sources."""
    blocks: list[str] = ["\n".join(reply.headline)] if reply.headline else []
    for section in reply.sections:
        lines = [section.title] if section.title else []
        lines.extend(f"  {line}" if section.title else line for line in section.lines)
        blocks.append("\n".join(lines))
    if reply.sources:
        lines = [t(reply.lang, "section.sources")]
        lines.extend(citation_line(c, reply.lang) for c in reply.sources)
        blocks.append("\n".join(lines))
    blocks.extend(reply.footer)
    return "\n\n".join(blocks)
