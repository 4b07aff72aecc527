"""Our own send errors, so nothing above the adapter sees a platform exception."""

from __future__ import annotations


class ChatGone(Exception):
    """The bot was blocked, kicked, or the chat no longer exists."""


class SendFailed(Exception):
    """A message could not be delivered after the allowed retries."""
