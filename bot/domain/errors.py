"""The user-facing error lane: a catalog key and its parameters, never a traceback."""

from __future__ import annotations


class UserFacingError(Exception):
    """An error whose message is safe to show: rendered from the catalog by ``key``."""

    def __init__(self, key: str, **params: object) -> None:
        super().__init__(key)
        self.key = key
        self.params = params
        self.intent: str | None = None  # what was being answered, set by the dispatcher

    def __repr__(self) -> str:
        return f"UserFacingError({self.key!r}, {self.params!r})"
