"""The real python-telegram-bot Application against a fake Bot API on 127.0.0.1: what goes over the wire."""

from __future__ import annotations

import logging
import time

import pytest

from tests.telegram.conftest import Running
from tests.telegram.fake_bot_api import BOT_USERNAME, bot_message, callback, message, user


def _texts(run: Running) -> list[str]:
    return [str(c.params.get("text")) for c in run.fake.sent()]


def _quiet(run: Running, seconds: float = 0.6) -> None:
    """Wait long enough that a reply, if one were coming, would have been sent."""
    time.sleep(seconds)


def test_command_menu_is_registered_in_korean_and_english(telegram: Running) -> None:
    """setMyCommands, setMyDescription and setMyShortDescription are called for ko, en, zh and the default."""
    calls = telegram.fake.sent("setMyCommands")
    scopes = {c.params.get("language_code") for c in calls}
    assert {"ko", "en", "zh", None} <= scopes
    for method in ("setMyDescription", "setMyShortDescription"):
        described = {c.params.get("language_code"): c.params for c in telegram.fake.sent(method)}
        assert {"ko", "en", "zh", None} <= set(described)
        assert "算力券" in str(described["zh"]) or "AI" in str(described["zh"])
    ko = next(c for c in calls if c.params.get("language_code") == "ko")
    assert any(cmd["command"] == "subsidy" for cmd in ko.params["commands"])


def test_private_questions_in_three_languages(telegram: Running) -> None:
    """Korean, English and Chinese questions get answers in their language, as HTML."""
    telegram.push(message("우한 컴퓨팅 쿠폰 얼마야?", chat_id=1))
    telegram.push(message("What does Shenzhen give for model vouchers?", chat_id=2, from_user=user(2, "en")))
    telegram.push(message("武汉算力券多少?", chat_id=3, from_user=user(3, None)))
    calls = telegram.fake.wait_for("sendMessage", 3)
    by_chat = {c.params["chat_id"]: c.params for c in calls}
    assert "컴퓨팅" in by_chat[1]["text"] and by_chat[1]["parse_mode"] == "HTML"
    assert "Model vouchers" in by_chat[2]["text"]
    assert "算力" in by_chat[3]["text"]


def test_subsidy_command_gives_the_600k_answer_with_sources(telegram: Running) -> None:
    """/subsidy wuhan 2000000 in a DM: the scenario's 600,000 CNY, and a link to the seed article."""
    telegram.push(message("/subsidy wuhan 2000000", chat_id=5, from_user=user(5, "en")))
    text = telegram.fake.wait_for("sendMessage")[0].params["text"]
    assert "CNY 600,000" in text and 'href="http://m.shanghaibang.com' in text


def test_group_chatter_is_ignored(telegram: Running) -> None:
    """In a group, ordinary messages get no answer, nor do commands for another bot."""
    telegram.push(message("우한 컴퓨팅 쿠폰 얼마야?", chat_id=-100, chat_type="supergroup"))
    telegram.push(message("/subsidy@other_bot wuhan 2000000", chat_id=-100, chat_type="supergroup"))
    _quiet(telegram)
    assert telegram.fake.sent() == []


def test_group_answers_mentions_addressed_commands_and_replies(telegram: Running) -> None:
    """@mention, /cmd@bot and a reply to the bot are answered, each as a reply to the asker."""
    group = -200
    telegram.push(
        message(f"@{BOT_USERNAME} 우한 컴퓨팅 쿠폰 얼마야?", chat_id=group, chat_type="supergroup", mention=True)
    )
    telegram.push(message(f"/cities@{BOT_USERNAME}", chat_id=group, chat_type="supergroup"))
    telegram.push(message("그럼 베이징은?", chat_id=group, chat_type="supergroup", reply_to=bot_message(group)))
    calls = telegram.fake.wait_for("sendMessage", 3)
    assert all(c.params["chat_id"] == group for c in calls)
    assert all(c.params.get("reply_parameters", {}).get("message_id") for c in calls)


def test_channel_answers_commands_only(telegram: Running) -> None:
    """In a channel, a command posted by its admins is answered; other posts are not."""
    telegram.push(message("Today's news", chat_id=-300, chat_type="channel"))
    telegram.push(message("/cities", chat_id=-300, chat_type="channel"))
    calls = telegram.fake.wait_for("sendMessage", 1)
    _quiet(telegram, 0.3)
    assert len(telegram.fake.sent()) == 1 and calls[0].params["chat_id"] == -300


def test_buttons_carry_short_ascii_callback_data_and_work(telegram: Running) -> None:
    """A city overview offers type buttons (ASCII, <= 64 bytes); pressing one answers the query."""
    telegram.push(message("/city 우한", chat_id=7))
    first = telegram.fake.wait_for("sendMessage")[0].params
    buttons = [b for row in first["reply_markup"]["inline_keyboard"] for b in row]
    assert buttons and all(b["callback_data"].isascii() and len(b["callback_data"].encode()) <= 64 for b in buttons)
    telegram.push(callback(buttons[0]["callback_data"], chat_id=7))
    telegram.fake.wait_for("answerCallbackQuery")
    second = telegram.fake.wait_for("sendMessage", 2)[1].params
    assert second["chat_id"] == 7 and "우한" in second["text"]


def test_hostile_html_is_escaped(telegram: Running) -> None:
    """User text echoed back (an unknown place) is HTML-escaped."""
    telegram.push(message('/city <b onclick="x">evil</b><script>', chat_id=8, from_user=user(8, "en")))
    text = telegram.fake.wait_for("sendMessage")[0].params["text"]
    assert "<script>" not in text and "<b onclick" not in text and "&lt;" in text


def test_429_waits_retry_after_and_resends(telegram: Running) -> None:
    """A 429 makes the sender wait retry_after, then the same message goes out."""
    telegram.fake.fail("sendMessage", 429, "Too Many Requests: retry after 3", chat_id=9, retry_after=3)
    telegram.push(message("/cities", chat_id=9))
    calls = telegram.fake.wait_for("sendMessage", 2)
    assert calls[0].params["text"] == calls[1].params["text"]
    assert 3.0 in telegram.sleeps


def test_5xx_is_retried_with_backoff(telegram: Running) -> None:
    """Two 502s, then success: three attempts, backing off between them."""
    telegram.fake.fail("sendMessage", 502, "Bad Gateway", chat_id=10)
    telegram.fake.fail("sendMessage", 502, "Bad Gateway", chat_id=10)
    telegram.push(message("/cities", chat_id=10))
    calls = telegram.fake.wait_for("sendMessage", 3)
    assert len(calls) == 3
    assert len([s for s in telegram.sleeps if s < 3]) >= 2


def test_403_is_gone_without_retrying(telegram: Running, caplog: pytest.LogCaptureFixture) -> None:
    """Blocked by the user: one attempt, logged as gone (not as a failure), the bot keeps running."""
    telegram.fake.fail("sendMessage", 403, "Forbidden: bot was blocked by the user", chat_id=11)
    with caplog.at_level(logging.INFO, logger="bot.adapters.telegram.app"):
        telegram.push(message("/cities", chat_id=11))
        telegram.fake.wait_for("sendMessage", 1)
        _quiet(telegram, 0.3)
    assert len(telegram.fake.sent()) == 1
    assert [r.getMessage() for r in caplog.records] == ["telegram chat 11 is gone (blocked or kicked)"]
    telegram.push(message("/help", chat_id=12))
    telegram.fake.wait_for("sendMessage", 2)


def test_migrated_group_is_followed_to_its_new_id(telegram: Running) -> None:
    """A group upgraded to a supergroup: the message is resent to migrate_to_chat_id."""
    old, new = -400, -1000000000400
    telegram.fake.fail(
        "sendMessage", 400, "Bad Request: group chat was upgraded to a supergroup chat", chat_id=old,
        migrate_to_chat_id=new,
    )  # fmt: skip
    telegram.push(message("/cities", chat_id=old, chat_type="group"))
    calls = telegram.fake.wait_for("sendMessage", 2)
    assert calls[0].params["chat_id"] == old and calls[1].params["chat_id"] == new
    assert telegram.bot.chats.resolve(old) == new


def test_lang_command_sets_the_chat_language(telegram: Running) -> None:
    """/lang zh makes later answers Chinese, even for a Korean-speaking user."""
    telegram.push(message("/lang zh", chat_id=13))
    telegram.fake.wait_for("sendMessage", 1)
    telegram.push(message("/cities", chat_id=13))
    text = telegram.fake.wait_for("sendMessage", 2)[1].params["text"]
    assert "已收录地区" in text


def test_user_language_code_is_the_default(telegram: Running) -> None:
    """Without /lang, a user whose app is in Korean gets Korean for an English command."""
    telegram.push(message("/cities", chat_id=14, from_user=user(14, "ko")))
    assert "데이터가 있는 지역" in telegram.fake.wait_for("sendMessage")[0].params["text"]


def test_private_chat_subscribes_itself_and_lists(telegram: Running) -> None:
    """/subscribe in a DM subscribes that chat; /subscribe 우한 adds a city; /subscriptions lists both."""
    telegram.push(message("/subscribe", chat_id=15, from_user=user(15, "en")))
    assert "subscribed" in telegram.fake.wait_for("sendMessage")[0].params["text"]
    telegram.push(message("/subscribe 우한", chat_id=15, from_user=user(15, "en")))
    telegram.fake.wait_for("sendMessage", 2)
    telegram.push(message("/subscriptions", chat_id=15, from_user=user(15, "en")))
    text = telegram.fake.wait_for("sendMessage", 3)[2].params["text"]
    assert "all updates" in text and "Wuhan" in text
    assert [s.scope for s in telegram.store.subscriptions_of("telegram", "15")] == ["all", "city"]


def test_group_subscription_needs_a_chat_admin(telegram: Running) -> None:
    """A group member's /subscribe is refused after getChatMember; an administrator's is accepted."""
    group = -500
    telegram.push(message("/subscribe", chat_id=group, chat_type="supergroup", from_user=user(51, "en")))
    assert "only admins" in telegram.fake.wait_for("sendMessage")[0].params["text"]
    assert telegram.fake.sent("getChatMember")
    telegram.fake.chat_admins.add(52)
    telegram.push(message("/subscribe", chat_id=group, chat_type="supergroup", from_user=user(52, "en")))
    assert "subscribed" in telegram.fake.wait_for("sendMessage", 2)[1].params["text"]
    assert telegram.store.subscriptions_of("telegram", str(group))


def test_announce_is_for_bot_admins_only(telegram: Running) -> None:
    """/announce from an ordinary user is refused; from a BOT_ADMINS user it is queued for subscribers."""
    from tests.telegram.conftest import ADMIN

    telegram.store.subscribe("telegram", "-600", "group", "all", "", "test")
    telegram.push(message("/announce hello", chat_id=16, from_user=user(16, "en")))
    assert "Only the bot" in telegram.fake.wait_for("sendMessage")[0].params["text"]
    telegram.push(message("/announce 내일 설명회", chat_id=ADMIN, from_user=user(ADMIN, "en")))
    assert "queued for 1 chats" in telegram.fake.wait_for("sendMessage", 2)[1].params["text"]
    assert telegram.store.pending() == 1


def test_subscribe_to_a_program_type(telegram: Running) -> None:
    """/subscribe 모델쿠폰 subscribes to model-voucher news."""
    telegram.push(message("/subscribe 모델쿠폰", chat_id=17))
    assert "모델 쿠폰" in telegram.fake.wait_for("sendMessage")[0].params["text"]
    assert [(s.scope, s.value) for s in telegram.store.subscriptions_of("telegram", "17")] == [
        ("type", "model_voucher")
    ]


def test_free_text_subscribe_really_subscribes(telegram: Running) -> None:
    """'이 방 업데이트 구독할래' in a DM does what /subscribe does."""
    telegram.push(message("이 방 업데이트 구독할래", chat_id=18))
    assert "구독했습니다" in telegram.fake.wait_for("sendMessage")[0].params["text"]
    assert telegram.store.subscriptions_of("telegram", "18")


def test_group_admin_free_text_subscription_is_accepted_and_a_member_refused(telegram: Running) -> None:
    """'이 방 업데이트 구독할래' addressed to the bot in a group: the access rule, not the text's shape, decides."""
    group = -700
    ask = f"@{BOT_USERNAME} 이 방 업데이트 구독할래"
    telegram.push(message(ask, chat_id=group, chat_type="supergroup", from_user=user(71, "ko"), mention=True))
    assert "관리자" in telegram.fake.wait_for("sendMessage")[0].params["text"]
    assert not telegram.store.subscriptions_of("telegram", str(group))
    telegram.fake.chat_admins.add(72)
    telegram.push(message(ask, chat_id=group, chat_type="supergroup", from_user=user(72, "ko"), mention=True))
    assert "구독했습니다" in telegram.fake.wait_for("sendMessage", 2)[1].params["text"]
    assert [s.scope for s in telegram.store.subscriptions_of("telegram", str(group))] == ["all"]


def test_admin_free_text_announcement_is_queued_with_its_text(telegram: Running) -> None:
    """'공지 내일 서버 점검' from a BOT_ADMINS user queues '내일 서버 점검' (it used to get the usage line)."""
    from tests.telegram.conftest import ADMIN

    telegram.store.subscribe("telegram", "-601", "group", "all", "", "test")
    telegram.push(message("공지 내일 서버 점검", chat_id=ADMIN, from_user=user(ADMIN, "ko")))
    assert "1" in telegram.fake.wait_for("sendMessage")[0].params["text"]
    assert [item.text for item in telegram.store.claim(10)] == ["내일 서버 점검"]


def test_free_text_announcement_from_a_non_admin_is_refused(telegram: Running) -> None:
    telegram.store.subscribe("telegram", "-602", "group", "all", "", "test")
    telegram.push(message("공지 내일 서버 점검", chat_id=19, from_user=user(19, "ko")))
    assert "BOT_ADMINS" in telegram.fake.wait_for("sendMessage")[0].params["text"]
    assert telegram.store.pending() == 0


def test_a_headline_first_and_the_details_on_a_button(telegram: Running) -> None:
    """A program question is answered with its headline; the 자세히 button sends the whole answer under it."""
    telegram.push(message("선전 모델 쿠폰 조건이 뭐야?", chat_id=21))
    first = telegram.fake.wait_for("sendMessage")[0].params
    assert first["text"].startswith("<b>선전 모델 쿠폰") and "조건" in first["text"] and len(first["text"]) < 600
    assert "출처\n" not in first["text"]
    buttons = [b for row in first["reply_markup"]["inline_keyboard"] for b in row]
    details = next(b for b in buttons if b["text"] == "자세히")
    assert details["callback_data"].startswith("m|") and len(details["callback_data"].encode()) <= 64
    telegram.push(callback(details["callback_data"], chat_id=21))
    second = telegram.fake.wait_for("sendMessage", 2)[1].params
    assert "深工信规〔2024〕13号" in second["text"] and "출처" in second["text"]


def test_a_budget_comparison_lists_places_with_their_pools_in_three_languages(telegram: Running) -> None:
    """/compare compute used to come back as a title and citations only; now the places and pools lead."""
    for number, (lang, place, pool) in enumerate(
        [("ko", "상하이", "6억 위안"), ("en", "Shanghai", "CNY 600,000,000"), ("zh", "上海", "6亿元")]
    ):
        telegram.push(message("/compare compute", chat_id=30 + number, from_user=user(30 + number, lang)))
        text = telegram.fake.wait_for("sendMessage", number + 1)[number].params["text"]
        assert f"1. {place} {pool}" in text, text
