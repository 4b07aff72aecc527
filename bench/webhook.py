"""Webhook benchmark: the bot in webhook mode against a bare python-telegram-bot echo bot, in the same run,
both fed by a Telegram-like sender (100 connections, each update sent again until it gets 200) and both
answering through the fake Bot API (tests/telegram/fake_bot_api.py, in its own process).

1. Capacity: 600 updates at once to each, six rounds alternating between the two bots; answers per second,
   lost (200 but never answered), duplicates (more than one reply to an update).
2. Latency: the bot at 80% of the echo bot's rate, and at 80% of its own, open loop; p50/p99 from when
   Telegram had the update to when the reply reached the Bot API.

Each bot runs as its own process (`subsidybot run` with TELEGRAM_WEBHOOK_URL set, as in production).

Fair by construction: the same fake Bot API process, sender, connection count and number of updates (the same
texts) for both; rounds alternate, and which bot goes first alternates too, so that the machine's other load
and the fake's growing call log hit both alike. The echo bot is PTB as its recipe gives it (the stock httpx
transport, uvicorn's defaults); subsidybot uses its own transport (bot/adapters/telegram/transport.py).
"""

from __future__ import annotations

import asyncio
import multiprocessing
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path

import httpx

from tests.telegram.webhook_client import Delivery, deliver, deliveries

ROOT = Path(__file__).resolve().parents[1]
TOKEN = "123456789:TEST-benchmark-token-not-real-abcdefgh"
SECRET = "bench-webhook-secret"
ROUNDS = 6  # even: each bot goes first in half of them
BURST = 600
LATENCY_SECONDS = 12
LOAD_SHARE = 0.8
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", "100"))  # setWebhook max_connections
QUESTIONS = [  # text answers without charts: what the webhook path costs, not matplotlib
    "우한 컴퓨팅 쿠폰 얼마야?",
    "What does Shenzhen give for model vouchers?",
    "武汉算力券多少?",
    "/fx 3.8억원",
    "/city hangzhou",
    "/cities",
    "베이징 컴퓨팅 파워 목표",
    "/help",
]


def _fake_api(conn: Connection) -> None:
    """The fake Bot API in its own process: reports (chat id, time) of each new sendMessage on request."""
    from tests.telegram.fake_bot_api import FakeBotApi

    with FakeBotApi() as fake:
        conn.send(fake.url)
        seen = 0  # calls already reported: each poll sends only the new ones, so polling costs the same late
        while (command := conn.recv()) != "stop":
            if command == "replies":
                with fake.lock:
                    new, seen = fake.calls[seen:], len(fake.calls)
                conn.send([(int(c.params["chat_id"]), c.at) for c in new if c.method == "sendMessage"])


@dataclass
class Result:
    updates: int
    answered: int
    rate: float
    p50: float
    p99: float
    lost: int
    duplicates: int
    unaccepted: int
    cpu_ms: float  # the bot process's CPU time per update: steadier than rates on a busy machine


def _cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process (Linux /proc); NaN elsewhere."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return float("nan")
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def _process(command: list[str], env: dict[str, str], port: int) -> Iterator[tuple[str, int]]:
    """Start a bot, wait for its /healthz, yield its webhook URL and pid; afterwards report its error lines."""
    with tempfile.TemporaryFile() as log:  # not a pipe: a full pipe would stall the bot
        process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=log)
        try:
            _wait_healthy(f"http://127.0.0.1:{port}/healthz", process)
            yield f"http://127.0.0.1:{port}/telegram/webhook", process.pid
        finally:
            process.terminate()
            process.wait(timeout=30)
            log.seek(0)
            errors = [line for line in log.read().decode(errors="replace").splitlines() if "ERROR" in line]
            if errors or process.returncode not in (0, -15):
                print(f"{command[2]}: exit {process.returncode}, {len(errors)} error lines", file=sys.stderr)
                print("\n".join(e[:300] for e in errors[:3]), file=sys.stderr)


def _wait_healthy(url: str, process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and process.poll() is None:
        try:
            if httpx.get(url, timeout=1).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.1)
    raise RuntimeError("the bot did not start")


def _echo_bot(api: str, port: int) -> list[str]:
    return [sys.executable, "-m", "bench.webhook_echo", str(port), f"{api}/bot", TOKEN, SECRET]


def _our_bot(api: str, port: int, tmp: str) -> tuple[list[str], dict[str, str]]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "SLACK_"))}
    env.update({"TELEGRAM_BOT_TOKEN": TOKEN, "TELEGRAM_API_BASE_URL": f"{api}/bot", "PORT": str(port),
                "TELEGRAM_WEBHOOK_URL": "https://x.invalid/telegram/webhook", "TELEGRAM_WEBHOOK_SECRET": SECRET,
                "DATABASE_URL": f"sqlite:///{tmp}/bench.sqlite3", "LOG_LEVEL": "ERROR",
                "SUBSIDYBOT_TODAY": "2026-11-23"})  # fmt: skip
    return [sys.executable, "-m", "bot", "run"], env


class Harness:
    def __init__(self, conn: Connection) -> None:
        self.conn = conn
        self.next_chat = 1_000_000
        self.by_chat: dict[int, list[float]] = defaultdict(list)  # every reply so far (chats are never reused)

    def replies(self) -> dict[int, list[float]]:
        self.conn.send("replies")
        for chat, at in self.conn.recv():
            self.by_chat[chat].append(at)
        return self.by_chat

    def run(self, bot: tuple[str, int], count: int, rate_per_s: float | None = None) -> Result:
        url, pid = bot
        items = deliveries([QUESTIONS[i % len(QUESTIONS)] for i in range(count)], self.next_chat, self.next_chat)
        self.next_chat += count
        started, cpu = time.monotonic(), _cpu_seconds(pid)
        asyncio.run(deliver(url, SECRET, items, rate_per_s=rate_per_s, connections=CONNECTIONS))
        replies = self._drain(items)
        return _summary(items, replies, started, (_cpu_seconds(pid) - cpu) * 1000 / count)

    def _drain(self, items: list[Delivery], quiet_s: float = 3.0) -> dict[int, list[float]]:
        """Wait until every update is answered, or nothing new arrives for ``quiet_s``."""
        chats = {i.chat_id for i in items}
        last, seen_at = -1, time.monotonic()
        while True:
            replies = self.replies()
            count = sum(1 for c in chats if replies.get(c))
            if count == len(chats):
                time.sleep(0.5)  # late duplicates
                return self.replies()
            if count != last:
                last, seen_at = count, time.monotonic()
            elif time.monotonic() - seen_at > quiet_s:
                return replies
            time.sleep(0.1)


def _summary(items: list[Delivery], replies: dict[int, list[float]], started: float, cpu_ms: float) -> Result:
    answered = [i for i in items if replies.get(i.chat_id)]
    latencies = sorted(min(replies[i.chat_id]) - i.due for i in answered)
    finished = max((max(replies[i.chat_id]) for i in answered), default=started)

    def pct(share: float) -> float:
        return latencies[min(len(latencies) - 1, int(share * len(latencies)))] if latencies else float("nan")

    return Result(
        updates=len(items),
        answered=len(answered),
        rate=len(answered) / max(finished - started, 1e-9),
        p50=statistics.median(latencies) if latencies else float("nan"),
        p99=pct(0.99),
        lost=sum(1 for i in items if i.accepted_at is not None and not replies.get(i.chat_id)),
        duplicates=sum(len(replies.get(i.chat_id, [])) - 1 for i in answered),
        unaccepted=sum(1 for i in items if i.accepted_at is None),
        cpu_ms=cpu_ms,
    )


def _line(name: str, r: Result) -> str:
    counts = f"answered {r.answered}/{r.updates}, lost {r.lost}, duplicates {r.duplicates}, unaccepted {r.unaccepted}"
    speed = f"{r.rate:6.1f}/s  p50 {r.p50 * 1000:5.0f} ms  p99 {r.p99 * 1000:5.0f} ms  cpu {r.cpu_ms:4.2f} ms/update"
    return f"{name:<22} {speed}  {counts}"


def main() -> None:
    context = multiprocessing.get_context("spawn")
    parent, child = context.Pipe()
    fake = context.Process(target=_fake_api, args=(child,), daemon=True)
    fake.start()
    api = parent.recv()
    harness = Harness(parent)
    echo: list[Result] = []
    ours: list[Result] = []
    try:
        with tempfile.TemporaryDirectory() as tmp:
            echo_port, our_port = _free_port(), _free_port()
            command, env = _our_bot(api, our_port, tmp)
            with (
                _process(_echo_bot(api, echo_port), dict(os.environ), echo_port) as echo_bot,
                _process(command, env, our_port) as our_bot,
            ):
                harness.run(echo_bot, 200)  # warm-up
                harness.run(our_bot, 200)
                for n in range(ROUNDS):  # alternating, and which goes first too, so that other load hits both alike
                    first, second = (echo_bot, our_bot) if n % 2 == 0 else (our_bot, echo_bot)
                    results = {first: harness.run(first, BURST), second: harness.run(second, BURST)}
                    echo.append(results[echo_bot])
                    ours.append(results[our_bot])
                echo_rate = statistics.median(r.rate for r in echo)
                load = LOAD_SHARE * echo_rate
                loaded = harness.run(our_bot, int(load * LATENCY_SECONDS), rate_per_s=load)
                own = LOAD_SHARE * statistics.median(r.rate for r in ours)  # where the queue, not the CPU, shows
                loaded_own = harness.run(our_bot, int(own * LATENCY_SECONDS), rate_per_s=own)
    finally:
        parent.send("stop")
        fake.join(timeout=10)
    ratios = [o.rate / e.rate for o, e in zip(ours, echo, strict=True)]
    print(f"machine: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}; {ROUNDS} rounds of {BURST} updates "
          f"from as many private chats; {CONNECTIONS} connections (setWebhook max_connections)")  # fmt: skip
    for n, (e, o) in enumerate(zip(echo, ours, strict=True), start=1):
        print(_line(f"round {n} bare PTB echo", e))
        print(_line(f"round {n} subsidybot", o))
    print(f"throughput ratio:      {statistics.median(ratios):.2f} of the echo bot, median of "
          f"{', '.join(f'{r:.2f}' for r in ratios)} (target >= 0.90)")  # fmt: skip
    cpu_echo, cpu_ours = (statistics.median(r.cpu_ms for r in rs) for rs in (echo, ours))
    print(f"CPU per update:        echo {cpu_echo:.2f} ms, subsidybot {cpu_ours:.2f} ms: the echo bot's work is "
          f"{cpu_echo / cpu_ours:.2f} of ours (what the ratio tends to when the CPU is the limit)")  # fmt: skip
    print(_line(f"subsidybot at {load:.0f}/s", loaded))
    print(f"p99 at {LOAD_SHARE:.0%} of the echo rate ({load:.0f}/s): {loaded.p99:.2f} s (target < 2 s)")
    print(_line(f"subsidybot at {own:.0f}/s", loaded_own))
    print(f"p99 at {LOAD_SHARE:.0%} of its own rate ({own:.0f}/s): {loaded_own.p99:.2f} s")


if __name__ == "__main__":
    main()
