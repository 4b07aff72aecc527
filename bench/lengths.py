"""How long the first message is, per intent, over the corpus: the median and the longest (plain text).

``python -m bench.lengths`` prints the table the README quotes. Target: median at most 600 characters per
intent and none over 1,200.
"""

from __future__ import annotations

import asyncio
import statistics
from collections import defaultdict

from bench.corpus import load
from bot.app import build_services
from bot.core.dispatch import Responder
from bot.core.message import IncomingMessage
from bot.core.render_plain import render_brief
from bot.settings import Settings

SPLITS_MEASURED = ("train", "chat", "offtopic", "dev", "generated")


async def measure() -> dict[str, list[int]]:
    responder = Responder(build_services(Settings.from_env({})))
    lengths: dict[str, list[int]] = defaultdict(list)
    for split in SPLITS_MEASURED:
        for number, row in enumerate(load(split)):
            reply = await responder.answer(IncomingMessage(text=str(row["text"]), chat_id=f"{split}-{number}"))
            lengths[reply.intent].append(len(render_brief(reply)))
    return lengths


def main() -> None:
    lengths = asyncio.run(measure())
    print(f"{'intent':18} {'answers':>8} {'median':>7} {'max':>6}")
    for intent, values in sorted(lengths.items()):
        print(f"{intent:18} {len(values):8} {statistics.median(values):7.0f} {max(values):6}")


if __name__ == "__main__":
    main()
