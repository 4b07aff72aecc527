"""A small HTTP server on 127.0.0.1 that records every request and answers through ``answer()``.

Both fake platform APIs (Telegram Bot API, Slack Web API) build on it: they only decide what to answer.
"""

from __future__ import annotations

import json
import threading
import time
import urllib.parse
from collections import defaultdict, deque
from dataclasses import dataclass, field
from email.parser import BytesParser
from email.policy import default
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Self


@dataclass
class Call:
    method: str
    params: dict[str, Any]
    path: str
    headers: dict[str, str] = field(default_factory=dict)
    at: float = field(default_factory=time.monotonic)


@dataclass
class Answer:
    status: int
    body: dict[str, Any]
    headers: dict[str, str] = field(default_factory=dict)


class RecordingServer:
    def __init__(self) -> None:
        self.calls: list[Call] = []
        self.failures: dict[tuple[str, str], deque[Answer]] = defaultdict(deque)
        self.lock = threading.Lock()
        self._server = _QuietServer(("127.0.0.1", 0), self._handler())
        self._server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}"
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    def __enter__(self) -> Self:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()

    def answer(self, call: Call) -> Answer:  # pragma: no cover - overridden
        raise NotImplementedError

    def fail_next(self, method: str, answer: Answer, target: object = "*") -> None:
        """The next call of ``method`` (for ``target``, or any) gets ``answer`` instead."""
        self.failures[(method, str(target))].append(answer)

    def target_of(self, call: Call) -> str:
        return "*"

    def sent(self, method: str) -> list[Call]:
        with self.lock:
            return [c for c in self.calls if c.method == method]

    def wait_for(self, method: str, count: int = 1, timeout: float = 10.0) -> list[Call]:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            found = self.sent(method)
            if len(found) >= count:
                return found
            time.sleep(0.01)
        raise AssertionError(f"expected {count} {method} calls, saw {len(self.sent(method))}: {self.calls!r}")

    def _respond(self, call: Call) -> Answer:
        with self.lock:
            self.calls.append(call)
            for key in ((call.method, self.target_of(call)), (call.method, "*")):
                if self.failures.get(key):
                    return self.failures[key].popleft()
        return self.answer(call)

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: object) -> None:  # keep test output clean
                return

            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                data = self.rfile.read(length)
                content_type = self.headers.get("Content-Type", "")
                if "multipart/form-data" in content_type:
                    params = parse_multipart(data, content_type)
                elif content_type.startswith(("application/json", "application/x-www-form-urlencoded")) or not data:
                    params = parse_body(data.decode(), content_type)
                else:
                    params = {"_body": data}  # a raw upload
                parts = urllib.parse.urlsplit(self.path)
                params.update(parse_body(parts.query, "application/x-www-form-urlencoded") if parts.query else {})
                path = parts.path
                call = Call(path.rsplit("/", 1)[-1], params, path, dict(self.headers.items()))
                result = fake._respond(call)
                data = json.dumps(result.body).encode()
                self.send_response(result.status)
                for name, value in result.headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                try:
                    self.wfile.write(data)
                except (BrokenPipeError, ConnectionResetError):  # the client gave up (shutdown)
                    return

            do_GET = do_POST

        return Handler


class _QuietServer(ThreadingHTTPServer):
    request_queue_size = 256  # the listen backlog: load tests open many connections at once (the default is 5)

    def handle_error(self, request: object, client_address: object) -> None:
        """Connections dropped while a bot shuts down are expected; do not print tracebacks."""


def parse_multipart(data: bytes, content_type: str) -> dict[str, Any]:
    """multipart/form-data: file parts as bytes, the others decoded like form values."""
    message = BytesParser(policy=default).parsebytes(f"Content-Type: {content_type}\r\n\r\n".encode() + data)
    out: dict[str, Any] = {}
    for part in message.iter_parts():
        name = part.get_param("name", header="content-disposition")
        raw = part.get_payload(decode=True)
        payload = raw if isinstance(raw, bytes) else b""
        if part.get_filename():
            out[str(name)] = payload
        else:
            out.update(parse_body(urllib.parse.urlencode({str(name): payload.decode()}), ""))
    return out


def parse_body(raw: str, content_type: str) -> dict[str, Any]:
    """JSON bodies as they are; form bodies with JSON-encoded values decoded (how PTB and slack_sdk send)."""
    if "json" in content_type:
        return dict(json.loads(raw or "{}"))
    out: dict[str, Any] = {}
    for key, value in urllib.parse.parse_qsl(raw, keep_blank_values=True):
        try:
            out[key] = json.loads(value)
        except ValueError:
            out[key] = value
    return out
