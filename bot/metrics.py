"""Prometheus metrics: messages by platform and intent, reply latency, outbox depth, deliveries by result.

A registry of its own (no process-global state), with the standard process_* and python_* collectors
registered on it; the metrics server (METRICS_PORT) serves it at /metrics.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from prometheus_client import (
    CollectorRegistry,
    Counter,
    Gauge,
    Histogram,
    PlatformCollector,
    ProcessCollector,
    generate_latest,
)
from prometheus_client.exposition import CONTENT_TYPE_LATEST

LATENCY_BUCKETS = (0.0005, 0.001, 0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1.0)


class Metrics:
    content_type = CONTENT_TYPE_LATEST

    def __init__(self) -> None:
        self.registry = CollectorRegistry()
        self.messages = Counter(
            "subsidybot_messages", "Messages answered", ("platform", "intent"), registry=self.registry
        )
        self.latency = Histogram(
            "subsidybot_reply_seconds", "Time to compute a reply", ("platform",), buckets=LATENCY_BUCKETS,
            registry=self.registry,
        )  # fmt: skip
        self.deliveries = Counter(
            "subsidybot_deliveries", "Announcement deliveries by result", ("platform", "result"), registry=self.registry
        )
        self.outbox = Gauge(
            "subsidybot_outbox_depth", "Announcement messages pending or in flight", registry=self.registry
        )
        self.reloads = Counter("subsidybot_data_reloads", "Data reloads by result", ("result",), registry=self.registry)
        self.newest_source = Gauge(
            "subsidybot_data_newest_source_timestamp_seconds",
            "Date of the newest source in the loaded data (Unix time, midnight UTC): how fresh the numbers are",
            registry=self.registry,
        )
        self.daily_runs = Counter(
            "subsidybot_daily_runs", "Daily announcement runs (closed windows, reminders)", registry=self.registry
        )
        ProcessCollector(registry=self.registry)
        PlatformCollector(registry=self.registry)

    def observe_reply(self, platform: str, intent: str, seconds: float) -> None:
        self.messages.labels(platform, intent).inc()
        self.latency.labels(platform).observe(seconds)

    def observe_delivery(self, platform: str, result: str) -> None:
        self.deliveries.labels(platform, result).inc()

    def watch_outbox(self, depth: Callable[[], int]) -> None:
        self.outbox.set_function(depth)

    def data_loaded(self, newest_source: dt.date | None) -> None:
        if newest_source is not None:
            midnight = dt.datetime.combine(newest_source, dt.time(), tzinfo=dt.UTC)
            self.newest_source.set(midnight.timestamp())

    def render(self) -> bytes:
        return generate_latest(self.registry)
