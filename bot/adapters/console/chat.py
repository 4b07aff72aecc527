"""An interactive chat on a terminal, or one answer per line when stdin is piped."""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Iterable
from typing import TextIO

from bot.core.dispatch import Responder
from bot.core.message import IncomingMessage
from bot.core.render_plain import render_plain

PROMPT = "subsidybot> "
QUIT = {"/quit", "/exit", "/q", "quit", "exit"}
GREETING = {
    "ko": "subsidybot 콘솔입니다. /help 도움말, /quit 종료.",
    "en": "subsidybot console. /help for help, /quit to leave.",
}


def answer_lines(responder: Responder, lines: Iterable[str], out: TextIO, lang: str | None = None) -> int:
    """Answer each non-empty line; returns how many were answered."""
    count = 0
    for line in lines:
        text = line.strip()
        if not text:
            continue
        if text.lower() in QUIT:
            break
        reply = responder.answer(IncomingMessage(text=text, lang=lang))
        out.write(render_plain(reply) + "\n\n")
        out.flush()
        count += 1
    return count


def interactive(responder: Responder, lang: str | None = None) -> None:
    """A prompt loop with line editing; Ctrl-D or /quit leaves, Ctrl-C clears the line."""
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
            reply = responder.answer(IncomingMessage(text=text, lang=lang))
            print(render_plain(reply) + "\n")


def run_console(responder: Responder, lang: str | None = None) -> None:
    if sys.stdin.isatty():
        interactive(responder, lang)
    else:
        answer_lines(responder, sys.stdin, sys.stdout, lang)
