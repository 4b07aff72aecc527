"""Layers point one way, and only the adapters speak to chat platforms.

Ranks, from the ground up (a module may import its own package or a lower rank, never a higher one):

0. bot/domain, bot/charts, bot/logging_setup, bot/metrics, bot/health, bot/retry, bot/pidfile,
   bot/http_guard, bot/ask_workers: policies, money, values; operations plumbing; no knowledge of chats
1. bot/nlu, bot/storage, bot/settings, bot/daily: text to queries; the database; configuration; the daily run
2. bot/delivery: the outbox worker
3. bot/core: deciding and composing replies
4. bot/adapters: Telegram, Slack, the console
5. the wiring: bot/app, bot/serve, bot/cli, bot/announce, bot/__main__

The rank table is data, so moving a module to another layer is a one-line change here. A small test of our
own rather than import-linter: the layer rules are six lines, and it runs in milliseconds with no dependency.
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FIXTURE = Path(__file__).resolve().parent / "fixtures" / "upward"
PLATFORM_MODULES = ("telegram", "slack_bolt", "slack_sdk", "aiohttp", "httpx")
RANKS = {
    "bot.domain": 0, "bot.charts": 0, "bot.logging_setup": 0, "bot.metrics": 0,
    "bot.health": 0, "bot.retry": 0, "bot.pidfile": 0, "bot.http_guard": 0,
    "bot.ask_workers": 0,
    "bot.nlu": 1, "bot.storage": 1, "bot.settings": 1, "bot.daily": 1,
    "bot.delivery": 2,
    "bot.core": 3,
    "bot.adapters": 4,
    "bot.app": 5, "bot.serve": 5, "bot.cli": 5, "bot.announce": 5, "bot.__main__": 5,
}  # fmt: skip
WIRING = 5


def _package(module: str) -> str:
    parts = module.split(".")
    return ".".join(parts[:2])


def _rank(module: str) -> int:
    return RANKS[_package(module)]


def _imports(path: Path) -> list[str]:
    names: list[str] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.extend(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.append(node.module)
    return names


def upward_imports(root: Path) -> list[str]:
    """Every import under ``root/bot`` that runs up a rank (or sideways between two packages of one rank)."""
    found = []
    for path in sorted((root / "bot").rglob("*.py")):
        module = ".".join(path.relative_to(root).with_suffix("").parts)
        source = _package(module)
        for name in _imports(path):
            if not name.startswith("bot.") or _package(name) == source:
                continue
            same_wiring = _rank(name) == _rank(module) == WIRING
            if _rank(name) >= _rank(module) and not same_wiring:
                found.append(f"{module} imports {name}")
    return found


def test_every_package_has_a_rank() -> None:
    packages = {_package(".".join(p.relative_to(ROOT).with_suffix("").parts)) for p in (ROOT / "bot").rglob("*.py")}
    assert packages - {"bot.__init__"} <= set(RANKS), packages - set(RANKS)


def test_no_import_runs_up_a_layer() -> None:
    assert upward_imports(ROOT) == []


def test_the_check_catches_a_deliberate_violation() -> None:
    """The fixture tree's domain module imports the core; the check names exactly that import."""
    assert upward_imports(FIXTURE) == ["bot.domain.leaky imports bot.core.reply"]


def test_core_and_domain_do_not_import_platform_libraries() -> None:
    """Only bot/adapters/ may import telegram or slack packages."""
    for path in (ROOT / "bot").rglob("*.py"):
        if "adapters" in path.parts:
            continue
        for name in _imports(path):
            assert name.split(".")[0] not in PLATFORM_MODULES, f"{path} imports {name}"
