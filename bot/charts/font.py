"""The CJK font: Noto Sans CJK (SIL Open Font License), installed from PyPI as cvttf-notosanscjk-regular,
so `pip install` alone gives every machine the same glyphs for Hangul, simplified and traditional Han."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path


@lru_cache(maxsize=1)
def font_path() -> Path:
    import cvttf_NotoSansCJK_Regular  # type: ignore[import-untyped]

    return Path(cvttf_NotoSansCJK_Regular.get_TTF_path())


@lru_cache(maxsize=1)
def font_name() -> str:
    """Register the font with matplotlib once; its family name."""
    from matplotlib import font_manager

    path = font_path()
    font_manager.fontManager.addfont(str(path))
    return str(font_manager.FontProperties(fname=str(path)).get_name())


def missing_glyphs(text: str) -> set[str]:
    """Characters of ``text`` the font cannot draw (would render as empty boxes)."""
    from matplotlib.ft2font import FT2Font

    face = FT2Font(str(font_path()))
    return {ch for ch in set(text) if not ch.isspace() and face.get_char_index(ord(ch)) == 0}
