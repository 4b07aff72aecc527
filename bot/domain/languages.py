"""The languages the bot writes, and the one used when a chat's language is unknown (on every platform)."""

from __future__ import annotations

LANGS = ("ko", "en", "zh")
DEFAULT_LANG = "en"  # announcements and reports to a chat that never chose or showed a language
