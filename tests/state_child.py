"""A replica in its own process: answers messages in one chat with its state in the database at URL, and prints
one JSON line per answer (intent, city, lang), so a test can continue the conversation in another process."""

from __future__ import annotations

import json
import sys

from bot.app import build_responder, fixed_clock
from bot.core.message import IncomingMessage
from bot.settings import Settings
from bot.storage.store import Store
from tests.conftest import TODAY


def main(url: str, chat: str, *texts: str) -> None:
    responder = build_responder(Settings.from_env({}), clock=fixed_clock(TODAY), store=Store(url))
    for text in texts:
        reply = responder.answer_now(IncomingMessage(text=text, platform="telegram", chat_id=chat, user_lang="ko"))
        print(json.dumps({"intent": reply.intent, "city": reply.city, "lang": reply.lang}), flush=True)


if __name__ == "__main__":
    main(*sys.argv[1:])
