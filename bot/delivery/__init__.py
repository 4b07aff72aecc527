"""Broadcast delivery: the outbox worker, rate limits, and the errors platform senders map theirs to."""
