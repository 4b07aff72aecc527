"""An interactive chat on a terminal, or one answer per line when stdin is piped."""

from __future__ import annotations

import asyncio
import contextlib
import sys
import time
from collections.abc import Iterable
from pathlib import Path
from typing import TextIO

from bot.core.dispatch import Responder
from bot.core.i18n import t
from bot.core.message import IncomingMessage
from bot.core.render_plain import render_brief
from bot.core.reply import Reply

PROMPT = "subsidybot> "
QUIT = {"/quit", "/exit", "/q", "quit", "exit"}
GREETING = {
    "ko": "subsidybot 콘솔입니다. /help 도움말, /quit 종료.",
    "en": "subsidybot console. /help for help, /quit to leave.",
}


CHART_DIR = Path("var/charts")


def show(reply: Reply) -> str:
    """The plain answer; a chart is drawn to a PNG file whose path ends the answer."""
    text = render_brief(reply)
    if reply.chart is None or reply.error:
        return text
    from bot.charts.render import render_png

    CHART_DIR.mkdir(parents=True, exist_ok=True)
    path = CHART_DIR / f"{time.strftime('%Y%m%d-%H%M%S')}-{reply.chart.filename}"
    path.write_bytes(render_png(reply.chart))
    return f"{text}\n\n{t(reply.lang, 'chart.saved', path=path)}"


def answer_lines(responder: Responder, lines: Iterable[str], out: TextIO, lang: str | None = None) -> int:
    """Answer each non-empty line; returns how many were answered."""
    return asyncio.run(_answer_lines(responder, lines, out, lang))


async def _answer_lines(responder: Responder, lines: Iterable[str], out: TextIO, lang: str | None) -> int:
    count = 0
    for line in lines:
        text = line.strip()
        if not text:
            continue
        if text.lower() in QUIT:
            break
        reply = await responder.answer(IncomingMessage(text=text, lang=lang))
        out.write(show(reply) + "\n\n")
        out.flush()
        count += 1
    return count


def interactive(responder: Responder, lang: str | None = None) -> None:
    """A prompt loop with line editing; Ctrl-D or /quit leaves, Ctrl-C clears the line."""
    asyncio.run(_interactive(responder, lang))


async def _interactive(responder: Responder, lang: str | None) -> None:
    with contextlib.suppress(ImportError):  # line editing and history for input(), where available
        import readline  # noqa: F401
    print(GREETING["ko"])
    print(GREETING["en"])
    while True:
        try:
            text = input(PROMPT).strip()
        except EOFError:
            print()
            return
        except KeyboardInterrupt:
            print()
            continue
        if text.lower() in QUIT:
            return
        if text:
            reply = await responder.answer(IncomingMessage(text=text, lang=lang))
            print(show(reply) + "\n")


def run_console(responder: Responder, lang: str | None = None) -> None:
    if sys.stdin.isatty():
        interactive(responder, lang)
    else:
        answer_lines(responder, sys.stdin, sys.stdout, lang)
