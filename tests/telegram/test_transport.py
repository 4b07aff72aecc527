"""The aiohttp transport under python-telegram-bot (bot/adapters/telegram/transport.py): what PTB expects of a
``BaseRequest`` when things go wrong: a timeout is ``TimedOut``, a refused connection ``NetworkError`` that
names neither the URL nor the token, and proxies from the environment as httpx would take them. Answers and
uploads over it are what the rest of tests/telegram drive."""

from __future__ import annotations

import asyncio
import socket

import pytest
from telegram import Bot
from telegram.error import NetworkError, TimedOut

from bot.adapters.telegram.transport import AiohttpRequest
from tests.telegram.fake_bot_api import BOT_USERNAME, FakeBotApi

TOKEN = "123456789:TEST-fake-token-for-tests-only-abcdefghij"


def _bot(base_url: str, request: AiohttpRequest) -> Bot:
    return Bot(TOKEN, base_url=f"{base_url}/bot", request=request, get_updates_request=AiohttpRequest(pool_size=1))


async def _talk(bot: Bot) -> str:
    """getMe (in initialize), then one sendMessage; the sessions are closed whatever happens."""
    try:
        await bot.initialize()
        await bot.send_message(42, "hello")
        return bot.username
    finally:
        await bot.shutdown()


def test_answers_arrive_through_it() -> None:
    with FakeBotApi() as fake:
        assert asyncio.run(_talk(_bot(fake.url, AiohttpRequest()))) == BOT_USERNAME
        assert fake.sent()[0].params == {"chat_id": 42, "text": "hello"}
        assert fake.sent("getMe")[0].headers.get("User-Agent", "").startswith("python-telegram-bot")


def test_a_slow_answer_is_timed_out() -> None:
    with FakeBotApi() as fake:
        fake.send_delay_s = 1.0
        with pytest.raises(TimedOut):
            asyncio.run(_talk(_bot(fake.url, AiohttpRequest(read_timeout=0.2))))


def test_a_refused_connection_is_a_network_error_without_url_or_token() -> None:
    with socket.socket() as sock:  # a port nobody listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    with pytest.raises(NetworkError) as raised:
        asyncio.run(_talk(_bot(f"http://127.0.0.1:{port}", AiohttpRequest())))
    assert not isinstance(raised.value, TimedOut)
    assert raised.value.message.startswith("aiohttp.")
    assert TOKEN not in raised.value.message and "/bot" not in raised.value.message


def test_proxies_come_from_the_environment_once_per_host(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HTTPS_PROXY", "http://proxy.invalid:3128")
    monkeypatch.setenv("NO_PROXY", "internal.example")
    request = AiohttpRequest()
    assert request._proxy("https://api.telegram.org/bot1:x/getMe") == "http://proxy.invalid:3128"
    assert request._proxy("https://internal.example/bot1:x/getMe") is None
    monkeypatch.delenv("HTTPS_PROXY")
    assert request._proxy("https://api.telegram.org/bot1:x/sendMessage") == "http://proxy.invalid:3128"  # cached


def test_a_request_before_initialize_is_refused() -> None:
    with pytest.raises(RuntimeError):
        asyncio.run(AiohttpRequest().do_request("http://127.0.0.1:9/x", "POST"))
