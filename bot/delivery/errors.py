"""What a platform broadcaster raises, so the worker never sees a platform exception."""

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
    """A timeout or a 5xx: worth trying again later."""


class Rejected(DeliveryError):
    """The platform refused this message for good (bad request)."""
