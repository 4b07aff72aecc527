"""A feature that needs the database runs off the event loop: a slow database holds only that feature."""

from __future__ import annotations

import asyncio
import dataclasses
import threading
import time
from typing import Any

import pytest

from bot.core import dispatch
from bot.core.dispatch import Responder
from bot.core.message import IncomingMessage
from bot.core.services import Services


class SlowStore:
    """Answers every call after ``delay_s`` in the calling thread, as a locked SQLite or a stalled server would."""

    def __init__(self, delay_s: float) -> None:
        self.delay_s = delay_s
        self.threads: list[str] = []

    def subscriptions_of(self, platform: str, chat_id: str) -> list[Any]:
        self.threads.append(threading.current_thread().name)
        time.sleep(self.delay_s)
        return []


def _responder(services: Services, store: SlowStore) -> Responder:
    return Responder(dataclasses.replace(services, store=store))  # type: ignore[arg-type]


def test_questions_are_answered_while_the_database_is_slow(services: Services) -> None:
    store = SlowStore(delay_s=1.0)
    responder = _responder(services, store)

    async def both() -> tuple[float, float]:
        started = time.perf_counter()
        slow = asyncio.create_task(responder.answer(IncomingMessage("/subscriptions", chat_id="slow")))
        await asyncio.sleep(0.05)  # the slow feature is waiting on the database now
        await responder.answer(IncomingMessage("우한 컴퓨팅 쿠폰 얼마야?", chat_id="fast"))
        question = time.perf_counter() - started
        await slow
        return question, time.perf_counter() - started

    question_s, slow_s = asyncio.run(both())
    assert slow_s >= 1.0
    assert question_s < 0.6  # not held behind the database
    assert store.threads and store.threads[0] != threading.main_thread().name


def test_a_database_that_does_not_answer_gets_a_clear_reply(
    services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(dispatch, "STORE_TIMEOUT_S", 0.2)
    reply = _responder(services, SlowStore(delay_s=1.0)).answer_now(
        IncomingMessage("/subscriptions", lang="en", chat_id="stalled")
    )
    assert reply.error and "database is not answering" in " ".join(line for s in reply.sections for line in s.lines)
