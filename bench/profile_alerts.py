"""``python -m bench.profile_alerts``: one profile matched against every program of every place, and one run of
the profile alerts (``/subscribe profile``) over many subscribers, SQLite on a temporary file.

Targets: a match under 25 ms; a run over 100 subscribers under 3 s (it runs at start-up, after a reload and
once a day, off the event loop in the daily job).
"""

from __future__ import annotations

import datetime as dt
import statistics
import tempfile
import time
from decimal import Decimal
from pathlib import Path

from bot.core.profile.match import match
from bot.core.profile.model import Profile, SpendKind, to_json
from bot.core.profile.notify import notify_profiles
from bot.domain.dataset import load_dataset
from bot.storage.store import Store

TODAY = dt.date(2026, 11, 23)
ROUNDS = 50
SUBSCRIBERS = 100
CITIES = ("shanghai", "shenzhen", "beijing", "hangzhou", "wuhan", "chengdu")


def _profile(index: int) -> Profile:
    profile = Profile(city=CITIES[index % len(CITIES)], kinds=frozenset({"sme"}))
    profile = profile.with_spend(SpendKind.COMPUTE, Decimal(1_000_000 * (1 + index % 9)))
    return profile.with_spend(SpendKind.MODEL, Decimal(500_000))


def main() -> None:
    dataset = load_dataset()
    times = []
    for index in range(ROUNDS):
        start = time.perf_counter()
        match(dataset, _profile(index), TODAY)
        times.append((time.perf_counter() - start) * 1000)
    print(f"profile match over {len(dataset.places)} places, {len(dataset.programs)} programs: "
          f"median {statistics.median(times):.1f} ms, max {max(times):.1f} ms ({ROUNDS} profiles)")  # fmt: skip
    with tempfile.TemporaryDirectory() as folder:
        store = Store(f"sqlite:///{Path(folder) / 'bench.sqlite3'}")
        for index in range(SUBSCRIBERS):
            user = f"telegram:{index}"
            store.profiles.put(user, to_json(_profile(index)), None, "ko")
            store.profile_watch.subscribe(user, "telegram", str(index), "ko")
        runs = []
        for day in (TODAY, TODAY, TODAY + dt.timedelta(days=10)):  # remember, nothing new, closing windows
            start = time.perf_counter()
            queued = notify_profiles(store, dataset, day)
            runs.append(((time.perf_counter() - start), queued))
        store.engine.dispose()
    print("alert runs over " + str(SUBSCRIBERS) + " subscribers: "
          + ", ".join(f"{seconds:.2f} s ({queued} notices)" for seconds, queued in runs))  # fmt: skip


if __name__ == "__main__":
    main()
