"""Wiring in one place: settings -> dataset -> services -> responder."""

from __future__ import annotations

import datetime as dt

from bot.core.dispatch import Responder
from bot.core.services import Services
from bot.domain.dataset import load_dataset
from bot.domain.freshness import Clock, system_clock
from bot.domain.fx import rate_from
from bot.domain.gazetteer import Gazetteer
from bot.settings import Settings


def fixed_clock(day: dt.date) -> Clock:
    return lambda: day


def build_services(settings: Settings, clock: Clock | None = None) -> Services:
    dataset = load_dataset(settings.data_dir)
    if clock is None:
        clock = fixed_clock(settings.today) if settings.today else system_clock
    return Services(
        dataset=dataset,
        gazetteer=Gazetteer(dataset),
        fx=rate_from(dataset.fx, settings.fx_krw_per_cny),
        clock=clock,
    )


def build_responder(settings: Settings, clock: Clock | None = None) -> Responder:
    return Responder(build_services(settings, clock))
