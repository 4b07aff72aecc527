"""The console adapter: the embedded default when no platform token is set."""
