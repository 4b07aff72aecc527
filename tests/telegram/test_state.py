"""State kept in the database, through the real PTB stack and the fake Bot API: a restart (a new application and
store on the same SQLite file) keeps the chat's /lang and its conversation; an update Telegram delivers again to
another app on the same database is not answered twice; announcements come in the language the chat chose."""

from __future__ import annotations

import asyncio
import time
from pathlib import Path

from tests.telegram.conftest import running_bot
from tests.telegram.fake_bot_api import FakeBotApi, message, user
from tests.test_delivery import _deliver


def test_lang_survives_a_restart(tmp_path: Path) -> None:
    """/lang zh, restart: the Korean-speaking user's chat still gets Chinese; another chat is still Korean."""
    database = tmp_path / "bot.sqlite3"
    with FakeBotApi() as fake, running_bot(fake, database):
        fake.push(message("/lang zh", chat_id=31))
        assert "中文" in fake.wait_for("sendMessage")[0].params["text"]
    with FakeBotApi(first_update_id=1000) as fake, running_bot(fake, database):  # Telegram's ids go on growing
        fake.push(message("/cities", chat_id=31))
        assert "已收录地区" in fake.wait_for("sendMessage")[0].params["text"]
        fake.push(message("/cities", chat_id=32))
        assert "데이터가 있는 지역" in fake.wait_for("sendMessage", 2)[1].params["text"]


def test_a_conversation_continues_after_a_restart(tmp_path: Path) -> None:
    """After a restart, "그럼 베이징은?" continues "우한 컴퓨팅 쿠폰 얼마야?": Beijing's compute voucher."""
    database = tmp_path / "bot.sqlite3"
    with FakeBotApi() as fake, running_bot(fake, database):
        fake.push(message("우한 컴퓨팅 쿠폰 얼마야?", chat_id=35))
        fake.wait_for("sendMessage")
    with FakeBotApi(first_update_id=1000) as fake, running_bot(fake, database):
        fake.push(message("그럼 베이징은?", chat_id=35))
        fake.push(message("그럼 베이징은?", chat_id=36))  # a chat with no earlier question
        fake.wait_for("sendMessage", 2)
        by_chat = {c.params["chat_id"]: str(c.params["text"]).splitlines()[0] for c in fake.sent()}
    assert "베이징" in by_chat[35] and "컴퓨팅 파워 쿠폰" in by_chat[35] and "지원정책" not in by_chat[35]
    assert "지원정책" in by_chat[36]  # the overview: what the follow-up would have been without its context


def test_an_update_delivered_again_to_another_app_on_the_database_is_not_answered_twice(tmp_path: Path) -> None:
    """The fake serves every update again to a poller that starts afresh, as Telegram redelivers what was not
    confirmed: the second app answers only the new update. On a database of its own it answers both (the control)."""
    for shared in (True, False):
        first, second = tmp_path / f"{shared}-first.sqlite3", tmp_path / f"{shared}-second.sqlite3"
        with FakeBotApi() as fake:
            with running_bot(fake, first):
                fake.push(message("/cities", chat_id=41))
                fake.wait_for("sendMessage")
            with running_bot(fake, first if shared else second):
                fake.push(message("/help", chat_id=42))
                fake.wait_for("sendMessage", 2 if shared else 3)
                time.sleep(0.5)  # a second answer to 41, if one were coming
            answered = [c.params["chat_id"] for c in fake.sent()]
        assert sorted(answered) == ([41, 42] if shared else [41, 41, 42]), shared


def test_announcements_come_in_the_language_the_chat_chose(tmp_path: Path) -> None:
    """Subscribed in Korean, then /lang en: the announcement's header is English; a chat that chose nothing keeps
    the language it subscribed in."""
    with FakeBotApi() as fake, running_bot(fake, tmp_path / "bot.sqlite3") as run:
        fake.push(message("/subscribe", chat_id=51, from_user=user(51, "ko")))
        fake.push(message("/subscribe", chat_id=52, from_user=user(52, "ko")))
        fake.wait_for("sendMessage", 2)
        fake.push(message("/lang en", chat_id=51, from_user=user(51, "ko")))
        fake.wait_for("sendMessage", 3)
        run.store.announce("admin", "설명회 안내", None, "cli")
        asyncio.run(_deliver(run.store, fake))
        headers = {c.params["chat_id"]: str(c.params["text"]).splitlines()[0] for c in fake.sent()[3:]}
    assert headers == {51: "<b>📢 subsidybot announcement</b>", 52: "<b>📢 subsidybot 공지</b>"}
