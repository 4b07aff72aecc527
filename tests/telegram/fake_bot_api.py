"""A fake Telegram Bot API on 127.0.0.1: speaks the HTTP protocol python-telegram-bot uses, records every
call with its parsed parameters, serves queued updates to getUpdates, and fails on demand."""

from __future__ import annotations

import json
import threading
import time
import urllib.parse
from collections import defaultdict, deque
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

BOT_ID = 999000111
BOT_USERNAME = "subsidy_test_bot"


@dataclass
class Call:
    method: str
    params: dict[str, Any]
    path: str
    at: float = field(default_factory=time.monotonic)


class FakeBotApi:
    def __init__(self) -> None:
        self.calls: list[Call] = []
        self.updates: list[dict[str, Any]] = []
        self.failures: dict[tuple[str, str], deque[tuple[int, dict[str, Any]]]] = defaultdict(deque)
        self._lock = threading.Lock()
        self._next_update = 1
        self._next_message = 100
        self._server = _QuietServer(("127.0.0.1", 0), self._handler())
        self._server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}"
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    def __enter__(self) -> FakeBotApi:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()

    # --- what tests use ---
    def push(self, update: dict[str, Any]) -> None:
        with self._lock:
            update = {"update_id": self._next_update, **update}
            self._next_update += 1
            self.updates.append(update)

    def fail(self, method: str, status: int, description: str, chat_id: object = "*", **parameters: Any) -> None:
        """The next call of ``method`` (to ``chat_id``, or any) answers with this error."""
        body = {"ok": False, "error_code": status, "description": description}
        if parameters:
            body["parameters"] = parameters
        self.failures[(method, str(chat_id))].append((status, body))

    def sent(self, method: str = "sendMessage") -> list[Call]:
        with self._lock:
            return [c for c in self.calls if c.method == method]

    def wait_for(self, method: str, count: int = 1, timeout: float = 10.0) -> list[Call]:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            found = self.sent(method)
            if len(found) >= count:
                return found
            time.sleep(0.01)
        raise AssertionError(f"expected {count} {method} calls, saw {len(self.sent(method))}: {self.calls!r}")

    # --- the server ---
    def _handler(self) -> type[BaseHTTPRequestHandler]:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: object) -> None:  # keep test output clean
                return

            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                raw = self.rfile.read(length).decode()
                params = _parse(raw, self.headers.get("Content-Type", ""))
                method = self.path.rsplit("/", 1)[-1]
                status, body = fake._answer(method, params, self.path)
                data = json.dumps(body).encode()
                self.send_response(status)
                if status == 429 and "parameters" in body:
                    self.send_header("Retry-After", str(body["parameters"].get("retry_after", 1)))
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                try:
                    self.wfile.write(data)
                except (BrokenPipeError, ConnectionResetError):  # the client gave up (shutdown): nothing to do
                    return

            do_GET = do_POST

        return Handler

    def _answer(self, method: str, params: dict[str, Any], path: str) -> tuple[int, dict[str, Any]]:
        with self._lock:
            self.calls.append(Call(method, params, path))
            for key in ((method, str(params.get("chat_id"))), (method, "*")):
                if self.failures.get(key):
                    return self.failures[key].popleft()
        if method == "getUpdates":
            return 200, {"ok": True, "result": self._take_updates(params)}
        if method == "getMe":
            me = {"id": BOT_ID, "is_bot": True, "first_name": "Subsidy", "username": BOT_USERNAME}
            return 200, {"ok": True, "result": me}
        if method in ("sendMessage", "editMessageText"):
            with self._lock:
                self._next_message += 1
                message_id = self._next_message
            chat = {"id": params.get("chat_id"), "type": "private"}
            result = {"message_id": message_id, "date": int(time.time()), "chat": chat, "text": params.get("text")}
            return 200, {"ok": True, "result": result}
        return 200, {"ok": True, "result": True}

    def _take_updates(self, params: dict[str, Any]) -> list[dict[str, Any]]:
        offset = int(params.get("offset") or 0)
        deadline = time.monotonic() + min(float(params.get("timeout") or 0), 0.2)
        while True:
            with self._lock:
                pending = [u for u in self.updates if u["update_id"] >= offset]
            if pending or time.monotonic() >= deadline:
                return pending
            time.sleep(0.01)


class _QuietServer(ThreadingHTTPServer):
    def handle_error(self, request: object, client_address: object) -> None:
        """Connections dropped while the bot shuts down are expected; do not print tracebacks."""


def _parse(raw: str, content_type: str) -> dict[str, Any]:
    if "json" in content_type:
        return dict(json.loads(raw or "{}"))
    out: dict[str, Any] = {}
    for key, value in urllib.parse.parse_qsl(raw, keep_blank_values=True):
        try:
            out[key] = json.loads(value)  # PTB JSON-encodes non-string values
        except ValueError:
            out[key] = value
    return out


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
