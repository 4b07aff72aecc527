"""The one vocabulary of send outcomes: every platform sender raises these, for replies and broadcasts alike,
so nothing above an adapter sees a platform exception."""

from __future__ import annotations


class DeliveryError(Exception):
    """Base of the delivery errors."""


class Gone(DeliveryError):
    """Blocked, kicked, archived or deleted: stop sending to this chat."""


class RateLimited(DeliveryError):
    def __init__(self, retry_after_s: float) -> None:
        super().__init__(f"rate limited for {retry_after_s:.1f} s")
        self.retry_after_s = retry_after_s


class Migrated(DeliveryError):
    def __init__(self, new_key: str) -> None:
        super().__init__(f"migrated to {new_key}")
        self.new_key = new_key


class Transient(DeliveryError):
    """A timeout, a connection error or a 5xx: worth trying again soon.

    ``maybe_delivered`` is False when the platform answered with an error, so the message surely did not
    arrive (its per-chat budget is given back); a timeout may have delivered it.
    """

    def __init__(self, detail: str, maybe_delivered: bool = True) -> None:
        super().__init__(detail)
        self.maybe_delivered = maybe_delivered


class Failed(DeliveryError):
    """The platform refused this message for good (a bad request), or the retries ran out."""
