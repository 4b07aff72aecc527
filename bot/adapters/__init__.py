"""One package per platform: convert payloads to IncomingMessage, render Reply, send."""
