"""Company profiles through the real python-telegram-bot stack: free text, buttons, a group, delete."""

from __future__ import annotations

import asyncio
from typing import Any

from bot.announce import announce_data_changes
from bot.domain.dataset import Dataset
from tests.conftest import TODAY
from tests.telegram.conftest import Running
from tests.telegram.fake_bot_api import BOT_USERNAME, callback, message, user
from tests.test_delivery import _deliver
from tests.test_profile_alerts import PROGRAM, without

PROFILE_TEXT = "우리는 상하이 푸둥 중소기업이고 GPU 임대에 연 500만 위안, 모델 API에 100만 위안 써요"


def _actions(params: dict[str, Any]) -> list[str]:
    rows = (params.get("reply_markup") or {}).get("inline_keyboard", [])
    return [b.get("callback_data") or b.get("url") for row in rows for b in row]


def test_a_profile_in_one_message_gets_the_best_place(telegram: Running) -> None:
    telegram.push(message(PROFILE_TEXT, chat_id=42))
    sent = telegram.fake.wait_for("sendMessage")[0].params
    assert sent["chat_id"] == 42 and "청두" in sent["text"] and "최종 결정은 발급 기관이 합니다" in sent["text"]
    assert "p|edit|city" in _actions(sent)
    assert telegram.fake.sent("sendPhoto")  # the chart comparing the places


def test_step_by_step_with_buttons(telegram: Running) -> None:
    telegram.push(message("/profile", chat_id=42))
    first = telegram.fake.wait_for("sendMessage")[0].params
    assert "p|set|city|shenzhen" in _actions(first)
    presses = ["p|set|city|shenzhen", "p|set|kinds|sme", "p|set|filed|no", "p|set|compute|1000000",
               "p|set|model|0", "p|set|data|0", "p|set|scenario|0"]  # fmt: skip
    for count, action in enumerate(presses, 2):
        telegram.push(callback(action, chat_id=42))
        telegram.fake.wait_for("sendMessage", count)
    last = telegram.fake.sent()[-1].params
    assert "선전" in last["text"] and "50만 위안" in last["text"]  # 50% of 1M, the training voucher
    stored = telegram.store.profiles.get("telegram:42")
    assert stored is not None and stored.step is None and stored.data["city"] == "shenzhen"


def test_in_a_group_the_dialogue_moves_to_a_private_chat(telegram: Running) -> None:
    """The group gets one line without company facts; the question goes to the user's own chat."""
    telegram.push(message(f"/profile@{BOT_USERNAME}", chat_id=-500, chat_type="supergroup", from_user=user(77)))
    calls = telegram.fake.wait_for("sendMessage", 2)
    by_chat = {c.params["chat_id"]: c.params for c in calls}
    assert "p|set|city|shenzhen" in _actions(by_chat[77])
    assert "1:1" in by_chat[-500]["text"] and not _actions(by_chat[-500])
    telegram.push(message(PROFILE_TEXT, chat_id=-500, chat_type="supergroup", from_user=user(77),
                          reply_to={"message_id": 1, "date": 0, "chat": {"id": -500, "type": "supergroup"},
                                    "from": {"id": 999000111, "is_bot": True, "first_name": "S"}}))  # fmt: skip
    calls = telegram.fake.wait_for("sendMessage", 4)
    group = [c.params["text"] for c in calls[2:] if c.params["chat_id"] == -500]
    assert group and all("청두" not in t and "500만" not in t and "상하이" not in t for t in group)


def test_a_user_who_never_started_the_bot_gets_a_deep_link(telegram: Running) -> None:
    telegram.fake.fail("sendMessage", 403, "Forbidden: bot can't initiate conversation with a user", chat_id=78)
    telegram.push(message(f"/profile@{BOT_USERNAME}", chat_id=-501, chat_type="supergroup", from_user=user(78)))
    calls = telegram.fake.wait_for("sendMessage", 2)
    notice = next(c.params for c in calls if c.params["chat_id"] == -501)
    assert f"https://t.me/{BOT_USERNAME}?start=profile" in _actions(notice)
    telegram.push(message("/start profile", chat_id=78, from_user=user(78)))  # the deep link, in private
    opened = telegram.fake.wait_for("sendMessage", 3)[-1].params
    assert opened["chat_id"] == 78 and "p|set|city|shenzhen" in _actions(opened)


def test_delete_leaves_nothing(telegram: Running) -> None:
    telegram.push(message(PROFILE_TEXT, chat_id=42))
    telegram.fake.wait_for("sendMessage")
    telegram.push(message("/profile delete", chat_id=42))
    assert "p|delete|yes" in _actions(telegram.fake.wait_for("sendMessage", 2)[1].params)
    telegram.push(callback("p|delete|yes", chat_id=42))
    telegram.fake.wait_for("sendMessage", 3)
    assert telegram.store.profiles.get("telegram:42") is None


def test_profile_alerts_by_command_and_free_text_reach_only_the_private_chat(
    telegram: Running, dataset: Dataset
) -> None:
    """/subscribe profile in private, the free-text form in a group (one line there, the confirmation in the
    user's own chat); a reload that adds a fitting program is delivered once, to that private chat alone."""
    telegram.push(message(PROFILE_TEXT, chat_id=42))
    telegram.push(message(PROFILE_TEXT, chat_id=77, from_user=user(77)))
    telegram.fake.wait_for("sendMessage", 2)
    telegram.push(message("/subscribe profile", chat_id=42))
    done = telegram.fake.wait_for("sendMessage", 3)[-1].params
    assert done["chat_id"] == 42 and "프로필 알림을 켰습니다" in done["text"]
    telegram.push(message(f"@{BOT_USERNAME} 내 프로필에 맞는 새 프로그램 알려줘", chat_id=-502, chat_type="supergroup",
                          from_user=user(77), mention=True))  # fmt: skip
    calls = telegram.fake.wait_for("sendMessage", 5)[3:]
    by_chat = {c.params["chat_id"]: c.params["text"] for c in calls}
    assert "프로필 알림을 켰습니다" in by_chat[77] and "1:1" in by_chat[-502] and "상하이" not in by_chat[-502]
    store = telegram.store
    assert sorted(s.chat_key for s in store.profile_watch.subscribers()) == ["42", "77"]
    announce_data_changes(store, without(dataset, PROGRAM), TODAY)
    announce_data_changes(store, dataset, TODAY)
    assert store.pending() == 2
    before = len(telegram.fake.sent())
    asyncio.run(_deliver(store, telegram.fake))
    notices = telegram.fake.sent()[before:]
    assert sorted(c.params["chat_id"] for c in notices) == [42, 77]  # once each, never the group
    assert all("주하이" in c.params["text"] and "최종 결정은 발급 기관이 합니다" in c.params["text"] for c in notices)
    telegram.push(message("/unsubscribe profile", chat_id=42))
    assert "껐습니다" in telegram.fake.wait_for("sendMessage", before + 3)[-1].params["text"]
    assert [s.chat_key for s in store.profile_watch.subscribers()] == ["77"]
