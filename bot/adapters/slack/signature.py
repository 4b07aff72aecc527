"""Slack's request signature, checked on the raw bytes before anything reads them.

``v0=HMAC-SHA256(signing secret, "v0:{timestamp}:{body}")`` in X-Slack-Signature, with X-Slack-Request-Timestamp
a Unix time within five minutes of ours (either way), as Slack documents it.
"""

from __future__ import annotations

import hashlib
import hmac
import re

WINDOW_S = 300
_TIMESTAMP = re.compile(r"[0-9]{1,12}")  # ASCII digits only: str.isdigit() also takes "²" and "٣"
_SIGNATURE = re.compile(r"v0=[0-9a-f]{64}")


def signature_problem(secret: str, timestamp: str | None, signature: str | None, body: bytes, now: float) -> str | None:
    """Why this request is not Slack's (a short reason, safe to log), or None when it is."""
    if not timestamp or not _TIMESTAMP.fullmatch(timestamp):
        return "missing or non-numeric timestamp"
    if abs(now - int(timestamp)) > WINDOW_S:
        return "timestamp outside the 5-minute window"
    if not signature or not _SIGNATURE.fullmatch(signature):
        return "missing or malformed signature"
    expected = hmac.new(secret.encode(), b"v0:" + timestamp.encode() + b":" + body, hashlib.sha256).hexdigest()
    if not hmac.compare_digest(("v0=" + expected).encode(), signature.encode()):
        return "bad signature"
    return None
