"""Reply -> plain text, for the console and the ``text`` field of ``--json``."""

from __future__ import annotations

from bot.core import numbers
from bot.core.i18n import t
from bot.core.reply import Citation, Reply


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


def render_plain(reply: Reply) -> str:
    blocks: list[str] = []
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
