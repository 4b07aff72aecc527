"""``make bench``: answer latency and throughput in-process, peak memory, and cold start of ``subsidybot ask``.

Prints one table; the figures go into the README. Run on an idle machine.
"""

from __future__ import annotations

import asyncio
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

from bot.app import build_services
from bot.core.dispatch import Responder
from bot.core.message import IncomingMessage
from bot.core.render_plain import render_plain
from bot.domain.dataset import load_dataset
from bot.settings import Settings

ROOT = Path(__file__).resolve().parents[1]
QUESTIONS = [
    "/subsidy wuhan 2000000",
    "/subsidy 우한 200만",
    "/subsidy 武汉 200万元",
    "/subsidy 북경 3.8억원",
    "/subsidy shenzhen 5M model",
    "/subsidy etown 2000000",
    "/city 상해",
    "/city hangzhou",
    "/cities",
    "/fx 3.8억원",
    "/help",
    "/subsidy atlantis 2000000",
    "/subsidy wuhan -5",
    "우한 컴퓨팅 쿠폰 얼마야?",
    "What does Shenzhen give for model vouchers?",
    "武汉算力券多少?",
]
ROUNDS = 400
CORPUS_ROUNDS = 2  # the corpus has some 6,500 phrasings
BATCH_LINES = 4000
BATCH_RUNS = 3  # the batch rate is the median of three runs


def corpus_questions() -> list[str]:
    """Every phrasing of the test corpus: realistic questions in three languages, typos included."""
    from bench.corpus import SPLITS, load

    return [str(row["text"]) for split in SPLITS for row in load(split)]


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def bench_answers(responder: Responder, questions: list[str], rounds: int) -> dict[str, float]:
    return asyncio.run(_bench_answers(responder, questions, rounds))


async def _bench_answers(responder: Responder, questions: list[str], rounds: int) -> dict[str, float]:
    messages = [IncomingMessage(text=q) for q in questions]
    for message in messages:  # warm-up
        render_plain(await responder.answer(message))
    timings: list[float] = []
    started = time.perf_counter()
    for _ in range(rounds):
        for message in messages:
            t0 = time.perf_counter_ns()
            render_plain(await responder.answer(message))
            timings.append((time.perf_counter_ns() - t0) / 1e6)
    elapsed = time.perf_counter() - started
    return {
        "answers": len(timings),
        "answers_per_s": len(timings) / elapsed,
        "p50_ms": statistics.median(timings),
        "p99_ms": percentile(timings, 0.99),
        "max_ms": max(timings),
    }


def bench_cold_start(runs: int = 5) -> float:
    exe = ROOT / ".venv" / "bin" / "subsidybot"
    command = [str(exe)] if exe.exists() else [sys.executable, "-m", "bot"]
    env = {**os.environ, "SUBSIDYBOT_TODAY": "2026-11-23"}
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        subprocess.run([*command, "ask", "/subsidy wuhan 2000000"], capture_output=True, check=True, env=env)
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def bench_batch(questions: list[str], workers: int = 0) -> tuple[float, float]:
    """``subsidybot ask --json`` over stdin, output flushed after every line: answers per second (the median of
    ``BATCH_RUNS`` runs) with the start-up (one question's run) subtracted, and that start-up. ``workers``: the
    command's ``--workers`` (0, its default: one answering process per core)."""
    exe = ROOT / ".venv" / "bin" / "subsidybot"
    command = [str(exe)] if exe.exists() else [sys.executable, "-m", "bot"]
    env = {**os.environ, "SUBSIDYBOT_TODAY": "2026-11-23"}
    lines = "\n".join((questions * (BATCH_LINES // len(questions) + 1))[:BATCH_LINES]) + "\n"

    def timed(text: str) -> float:
        t0 = time.perf_counter()
        subprocess.run(
            [*command, "ask", "--json", "--workers", str(workers)],
            input=text,
            capture_output=True,
            check=True,
            env=env,
            text=True,
        )
        return time.perf_counter() - t0

    startup = statistics.median(timed(questions[0] + "\n") for _ in range(3))
    total = statistics.median(timed(lines) for _ in range(BATCH_RUNS))  # one run on a shared VM swings by 10%
    return BATCH_LINES / max(total - startup, 1e-9), startup


def main() -> None:
    t0 = time.perf_counter()
    load_dataset()
    load_s = time.perf_counter() - t0
    responder = Responder(build_services(Settings.from_env({})))
    answers = bench_answers(responder, QUESTIONS, ROUNDS)
    corpus = corpus_questions()
    realistic = bench_answers(responder, corpus, CORPUS_ROUNDS)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    cold = bench_cold_start()
    batch_rate, batch_startup = bench_batch(corpus)
    one_process_rate, _ = bench_batch(corpus, workers=1)
    print(f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}")
    print(f"dataset load:        {load_s * 1000:8.1f} ms")
    print(f"answers measured:    {answers['answers']:8.0f} ({len(QUESTIONS)} questions x {ROUNDS})")
    print(f"answers per second:  {answers['answers_per_s']:8.0f} (one core, rendered to text)")
    print(f"latency p50:         {answers['p50_ms']:8.3f} ms")
    print(f"latency p99:         {answers['p99_ms']:8.3f} ms")
    print(f"latency max:         {answers['max_ms']:8.3f} ms")
    print(f"corpus answers/s:    {realistic['answers_per_s']:8.0f} ({len(corpus)} corpus phrasings x {CORPUS_ROUNDS})")
    p50, p99, worst = realistic["p50_ms"], realistic["p99_ms"], realistic["max_ms"]
    print(f"corpus p50 / p99:    {p50:8.3f} / {p99:.3f} ms (max {worst:.3f})")
    print(f"peak resident:       {peak_mb:8.1f} MB")
    print(f"cold start (ask):    {cold * 1000:8.0f} ms (median of 5)")
    print(
        f"ask --json batch:    {batch_rate:8.0f} answers/s "
        f"({BATCH_LINES} lines, one process per core; start-up {batch_startup:.2f} s taken off)"
    )
    print(f"  in one process:    {one_process_rate:8.0f} answers/s (--workers 1)")


if __name__ == "__main__":
    main()
