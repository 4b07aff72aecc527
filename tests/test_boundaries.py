"""The core and domain never import a chat platform library."""

from __future__ import annotations

import ast
from pathlib import Path

BOT = Path(__file__).resolve().parents[1] / "bot"
PLATFORM_MODULES = ("telegram", "slack_bolt", "slack_sdk", "aiohttp", "httpx")


def test_core_and_domain_do_not_import_platform_libraries() -> None:
    """Only bot/adapters/ may import telegram or slack packages."""
    for path in BOT.rglob("*.py"):
        if "adapters" in path.parts:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            for name in names:
                assert name.split(".")[0] not in PLATFORM_MODULES, f"{path} imports {name}"
