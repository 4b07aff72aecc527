"""Wiring in one place: settings -> dataset -> services -> responder."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from bot.core.dispatch import Responder
from bot.core.services import Services
from bot.domain.dataset import load_dataset
from bot.domain.freshness import Clock, system_clock
from bot.domain.fx import rate_from
from bot.domain.gazetteer import Gazetteer
from bot.settings import Settings

if TYPE_CHECKING:
    from bot.storage.store import Store


def fixed_clock(day: dt.date) -> Clock:
    return lambda: day


def open_store(settings: Settings) -> Store:
    """The subscriptions database; a SQLite file's folder is created on first use."""
    from bot.storage.store import Store

    url = settings.database_url
    if url.startswith("sqlite:///") and not url.startswith("sqlite:////"):
        Path(url.removeprefix("sqlite:///")).parent.mkdir(parents=True, exist_ok=True)
    return Store(url)


def build_services(settings: Settings, clock: Clock | None = None, store: Store | None = None) -> Services:
    dataset = load_dataset(settings.data_dir)
    if clock is None:
        clock = fixed_clock(settings.today) if settings.today else system_clock
    return Services(
        dataset=dataset,
        gazetteer=Gazetteer(dataset),
        fx=rate_from(dataset.fx, settings.fx_krw_per_cny),
        clock=clock,
        store=store,
        admins=settings.bot_admins,
    )


def build_responder(settings: Settings, clock: Clock | None = None, store: Store | None = None) -> Responder:
    return Responder(build_services(settings, clock, store))
