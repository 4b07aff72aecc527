"""Who holds outbox claims: a delivery worker's identity, and when a worker counts as gone.

Like Oban's lifeline and Sidekiq's super_fetch: a worker heartbeats; rows held by a worker that is gone go
back to pending. A worker on the same host is judged by its process (a restart after kill -9 takes the dead
process's rows at once); elsewhere, by its silence, and only when the judge has itself reached the database
for at least as long (after an outage every heartbeat is old, and nobody is dead for that).
"""

from __future__ import annotations

import datetime as dt
import os
import socket
import uuid
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Worker:
    host: str = field(default_factory=socket.gethostname)
    pid: int = field(default_factory=os.getpid)
    id: str = ""

    def __post_init__(self) -> None:
        if not self.id:
            object.__setattr__(self, "id", f"{self.host}:{self.pid}:{uuid.uuid4().hex[:8]}")


def process_exists(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process: it exists
        return True
    return True


def is_gone(row: Any, judge: Worker, silent_since: dt.datetime, trust_silence: bool) -> bool:
    """Is the worker of ``row`` (a delivery_workers row) gone, as ``judge`` sees it? Times are naive UTC."""
    if row.host == judge.host:  # our pid again means an earlier incarnation of this container
        return bool(row.pid == judge.pid or not process_exists(row.pid))
    return trust_silence and naive_utc(row.heartbeat_at) < silent_since


def naive_utc(value: dt.datetime) -> dt.datetime:
    """The store writes naive UTC; PostgreSQL hands a timestamptz back in the session's zone, with the same
    wall-clock value as written, so dropping the zone gives back what was written."""
    return value.replace(tzinfo=None)
