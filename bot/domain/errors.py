"""The user-facing error lane: a kind, a catalog key and its arguments; immutable once made.

A :class:`Problem` is the value (what parsing returns when input is wrong); a :class:`UserFacingError`
carries one up through handlers, like Starlette's ``HTTPException``. Neither is changed after it is
made: whoever catches one knows its own context (the intent being answered) and passes it along.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any


@dataclass(frozen=True)
class Problem:
    """What was wrong with the input, as a catalog key (``amount.not_number``) and its arguments."""

    key: str
    args: Mapping[str, Any] = field(default_factory=lambda: MappingProxyType({}))

    @property
    def kind(self) -> str:
        """The family of the problem: ``amount``, ``place``, ``command``, ``usage`` ..."""
        return self.key.split(".", 1)[0]


class UserFacingError(Exception):
    """An error whose message is safe to show: rendered from the catalog by its problem's key."""

    problem: Problem

    def __init__(self, key: str, **args: Any) -> None:
        super().__init__(key)
        object.__setattr__(self, "problem", Problem(key, MappingProxyType(dict(args))))

    @classmethod
    def of(cls, problem: Problem) -> UserFacingError:
        return cls(problem.key, **problem.args)

    @property
    def key(self) -> str:
        return self.problem.key

    @property
    def params(self) -> Mapping[str, Any]:
        return self.problem.args

    def __setattr__(self, name: str, value: object) -> None:
        if name.startswith("__"):  # the interpreter's own bookkeeping (__traceback__, __cause__ ...)
            super().__setattr__(name, value)
            return
        raise AttributeError(f"{type(self).__name__} is immutable")

    def __repr__(self) -> str:
        return f"UserFacingError({self.key!r}, {dict(self.params)!r})"
