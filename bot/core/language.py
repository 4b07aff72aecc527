"""Which language to answer in: the chat's choice, else the question's script."""

from __future__ import annotations

import re

from bot.domain.languages import DEFAULT_LANG, LANGS

__all__ = ["DEFAULT_LANG", "LANGS", "choose", "detect"]
_HANGUL = re.compile(r"[\uac00-\ud7a3\u1100-\u11ff\u3130-\u318f]")
_HAN = re.compile(r"[\u4e00-\u9fff\u3400-\u4dbf]")


def detect(text: str) -> str:
    """Hangul anywhere: Korean; Han characters without Hangul: Chinese; otherwise English."""
    if _HANGUL.search(text):
        return "ko"
    if _HAN.search(text):
        return "zh"
    return "en"


def choose(text: str, preferred: str | None) -> str:
    return preferred if preferred in LANGS else detect(text)
