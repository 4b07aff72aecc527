"""Validate data/ and print a one-line summary (a stand-in until `subsidybot data check` exists)."""

from bot.domain.dataset import load_dataset

d = load_dataset()
print(f"OK: {len(d.places)} places, {len(d.programs)} programs, {len(d.sources)} sources")
