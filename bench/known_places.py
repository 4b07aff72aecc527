"""``python -m bench.known_places``: load time, memory and find() speed of the gazetteer (data/gazetteer/).

Targets: load under 150 ms, find under 50 µs for a typical message of about 30 characters.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
import tracemalloc

from bench.__main__ import corpus_questions, percentile
from bot.nlu.known_places import GAZETTEER_DIR, KnownPlaces

ROUNDS = 20
LOADS = 5


def _cold_load_ms() -> float:
    """Import and load in a fresh interpreter, as a worker does at start."""
    code = (
        "import time; t = time.perf_counter(); from bot.nlu.known_places import KnownPlaces; "
        "KnownPlaces.load(); print((time.perf_counter() - t) * 1000)"
    )
    runs = [subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True) for _ in range(3)]
    return min(float(run.stdout) for run in runs)


def main() -> None:
    loads, cpu = [], []
    for _ in range(LOADS):
        start, start_cpu = time.perf_counter(), time.process_time()
        KnownPlaces.load()
        loads.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - start_cpu) * 1000)
    tracemalloc.start()
    places = KnownPlaces.load()
    memory_mb = tracemalloc.get_traced_memory()[0] / 1e6
    tracemalloc.stop()

    questions = corpus_questions()
    per_message: list[float] = []
    per_char: list[float] = []
    for _ in range(ROUNDS):
        for text in questions:
            start = time.perf_counter()
            places.find(text)
            elapsed = (time.perf_counter() - start) * 1e6
            per_message.append(elapsed)
            per_char.append(elapsed / max(1, len(text)))
    size_kb = sum(p.stat().st_size for p in GAZETTEER_DIR.glob("*.tsv")) / 1024
    chars = statistics.mean(len(t) for t in questions)
    print(f"gazetteer: {len(places.divisions)} divisions, {len(places.world)} world places, {places.form_count} forms")
    print(f"files: {size_kb:,.0f} KiB of TSV; in memory: {memory_mb:.1f} MB")
    print(
        f"load: {min(loads):.0f} ms warm ({min(cpu):.0f} ms CPU), "
        f"{_cold_load_ms():.0f} ms cold (import + load in a new process)"
    )
    print(
        f"find over {len(questions)} corpus questions (mean {chars:.0f} chars) x {ROUNDS}: "
        f"mean {statistics.mean(per_message):.1f} µs, p99 {percentile(per_message, 0.99):.1f} µs, "
        f"{statistics.mean(per_char) * 30:.1f} µs per 30 characters"
    )


if __name__ == "__main__":
    main()
