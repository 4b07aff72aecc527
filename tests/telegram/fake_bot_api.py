"""A fake Telegram Bot API on 127.0.0.1: speaks the HTTP protocol python-telegram-bot uses, records every
call with its parsed parameters, serves queued updates to getUpdates, and fails on demand."""

from __future__ import annotations

import time
from typing import Any, Self

from tests.fakes.recording_server import Answer, Call, RecordingServer

BOT_ID = 999000111
BOT_USERNAME = "subsidy_test_bot"


class FakeBotApi(RecordingServer):
    """The Bot API methods the bot uses; getUpdates serves what tests push."""

    def __init__(self, first_update_id: int = 1) -> None:
        """``first_update_id``: update ids go on counting from here (Telegram's ids grow per bot, for ever)."""
        super().__init__()
        self.updates: list[dict[str, Any]] = []
        self.chat_admins: set[int] = set()  # user ids getChatMember reports as administrators
        self.send_delay_s = 0.0  # a slow Bot API, for crash tests
        self._next_update = first_update_id
        self._next_message = 100

    def __enter__(self) -> Self:
        super().__enter__()
        return self

    def push(self, update: dict[str, Any]) -> None:
        with self.lock:
            update = {"update_id": self._next_update, **update}
            self._next_update += 1
            self.updates.append(update)

    def fail(self, method: str, status: int, description: str, chat_id: object = "*", **parameters: Any) -> None:
        """The next call of ``method`` (to ``chat_id``, or any) answers with this Bot API error."""
        body: dict[str, Any] = {"ok": False, "error_code": status, "description": description}
        if parameters:
            body["parameters"] = parameters
        self.fail_next(method, Answer(status, body), chat_id)

    def target_of(self, call: Call) -> str:
        return str(call.params.get("chat_id"))

    def sent(self, method: str = "sendMessage") -> list[Call]:
        return super().sent(method)

    def answer(self, call: Call) -> Answer:
        method, params = call.method, call.params
        if method == "getUpdates":
            return Answer(200, {"ok": True, "result": self._take_updates(params)})
        if method == "getMe":
            me = {"id": BOT_ID, "is_bot": True, "first_name": "Subsidy", "username": BOT_USERNAME}
            return Answer(200, {"ok": True, "result": me})
        if method == "getChatMember":
            user_id = int(params.get("user_id", 0))
            status = "administrator" if user_id in self.chat_admins else "member"
            member: dict[str, Any] = {"status": status, "user": {"id": user_id, "is_bot": False, "first_name": "U"}}
            if status == "administrator":
                rights = (
                    "can_manage_chat can_delete_messages can_manage_video_chats can_restrict_members "
                    "can_change_info can_invite_users"
                ).split()
                member.update({"can_be_edited": False, "is_anonymous": False, "can_promote_members": False,
                               "can_post_stories": False, "can_edit_stories": False, "can_delete_stories": False,
                               **dict.fromkeys(rights, True)})  # fmt: skip
            return Answer(200, {"ok": True, "result": member})
        if method in ("sendMessage", "editMessageText", "sendPhoto"):
            time.sleep(self.send_delay_s)
            with self.lock:
                self._next_message += 1
                message_id = self._next_message
            chat = {"id": params.get("chat_id"), "type": "private"}
            result = {"message_id": message_id, "date": int(time.time()), "chat": chat, "text": params.get("text")}
            return Answer(200, {"ok": True, "result": result})
        return Answer(200, {"ok": True, "result": True})

    def _take_updates(self, params: dict[str, Any]) -> list[dict[str, Any]]:
        offset = int(params.get("offset") or 0)
        deadline = time.monotonic() + min(float(params.get("timeout") or 0), 0.2)
        while True:
            with self.lock:
                pending = [u for u in self.updates if u["update_id"] >= offset]
            if pending or time.monotonic() >= deadline:
                return pending
            time.sleep(0.01)


# --- update builders ---
_message_ids = iter(range(1, 10**9))


def user(user_id: int = 42, lang: str | None = "ko") -> dict[str, Any]:
    data: dict[str, Any] = {"id": user_id, "is_bot": False, "first_name": "Min"}
    if lang:
        data["language_code"] = lang
    return data


def message(
    text: str,
    chat_id: int = 42,
    chat_type: str = "private",
    from_user: dict[str, Any] | None = None,
    reply_to: dict[str, Any] | None = None,
    mention: bool = False,
) -> dict[str, Any]:
    msg: dict[str, Any] = {
        "message_id": next(_message_ids),
        "date": int(time.time()),
        "chat": {"id": chat_id, "type": chat_type, **({"title": "Korean founders"} if chat_type != "private" else {})},
        "text": text,
    }
    if chat_type != "channel":
        msg["from"] = from_user or user()
    entities = []
    if text.startswith("/"):
        entities.append({"type": "bot_command", "offset": 0, "length": len(text.split()[0])})
    if mention:
        handle = f"@{BOT_USERNAME}"
        entities.append({"type": "mention", "offset": _utf16_index(text, text.index(handle)), "length": len(handle)})
    if entities:
        msg["entities"] = entities
    if reply_to is not None:
        msg["reply_to_message"] = reply_to
    return {"channel_post": msg} if chat_type == "channel" else {"message": msg}


def bot_message(chat_id: int, text: str = "earlier answer") -> dict[str, Any]:
    bot = {"id": BOT_ID, "is_bot": True, "first_name": "Subsidy", "username": BOT_USERNAME}
    return {"message_id": next(_message_ids), "date": int(time.time()), "chat": {"id": chat_id, "type": "supergroup"},
            "from": bot, "text": text}  # fmt: skip


def callback(data: str, chat_id: int = 42) -> dict[str, Any]:
    origin = bot_message(chat_id)
    origin["chat"]["type"] = "private"
    return {"callback_query": {"id": str(next(_message_ids)), "from": user(), "chat_instance": "ci", "data": data,
                               "message": origin}}  # fmt: skip


def _utf16_index(text: str, index: int) -> int:
    return len(text[:index].encode("utf-16-le")) // 2
