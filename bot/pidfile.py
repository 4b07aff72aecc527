"""The running bot's pid in the state directory, so that ``subsidybot data reload`` can signal it (SIGHUP).

A pid file rather than the database: the signal reaches the bot at once and needs no polling; its limit is
one host, so with several replicas each is reloaded where it runs (``systemctl reload``, ``docker kill -s HUP``).
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

NAME = "subsidybot.pid"


def path_in(state_dir: Path) -> Path:
    return state_dir / NAME


def write(state_dir: Path) -> Path:
    state_dir.mkdir(parents=True, exist_ok=True)
    path = path_in(state_dir)
    path.write_text(f"{os.getpid()}\n", encoding="ascii")
    return path


def remove(path: Path) -> None:
    with contextlib.suppress(OSError):
        if path.read_text(encoding="ascii").strip() == str(os.getpid()):
            path.unlink()


def running_pid(state_dir: Path) -> int | None:
    """The pid of the running bot, or None when the file is missing, stale, or not a subsidybot process."""
    try:
        pid = int(path_in(state_dir).read_text(encoding="ascii").strip())
        os.kill(pid, 0)
    except (OSError, ValueError):
        return None
    with contextlib.suppress(OSError):
        cmdline = Path(f"/proc/{pid}/cmdline").read_bytes()
        if b"bot\0run" not in cmdline:  # "subsidybot run" or "python -m bot run"; else the pid was reused
            return None
    return pid
