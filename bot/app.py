"""Wiring in one place: settings -> dataset -> services -> responder."""

from __future__ import annotations

import datetime as dt
import gc
from pathlib import Path
from typing import TYPE_CHECKING

from bot.core.dispatch import Responder
from bot.core.preferences import ChatPreferences, ChatSettings
from bot.core.services import Services
from bot.core.stored_state import StoredContext, StoredSettings
from bot.domain.dataset import Dataset, load_dataset
from bot.domain.freshness import Clock, system_clock
from bot.domain.fx import rate_from
from bot.domain.gazetteer import Gazetteer
from bot.nlu.context import Context, ConversationMemory
from bot.settings import Settings
from bot.storage.profiles import MemoryProfiles

if TYPE_CHECKING:
    from bot.storage.store import Store


def fixed_clock(day: dt.date) -> Clock:
    return lambda: day


CONNECT_TIMEOUT_S = 10  # PostgreSQL: a black-holed server fails this attempt instead of hanging start-up


def database_url(settings: Settings) -> str:
    """DATABASE_URL (PostgreSQL gets a connect timeout unless it names one), or the default SQLite file."""
    url = settings.database
    if url.startswith("postgresql") and "connect_timeout=" not in url:
        url += ("&" if "?" in url else "?") + f"connect_timeout={CONNECT_TIMEOUT_S}"
    return url


def open_store(settings: Settings, retry: bool = False) -> Store:
    """The subscriptions database; a SQLite file's folder is created on first use. With ``retry`` (the bot's
    start-up), an unreachable database is tried again with backoff before the error is raised."""
    from sqlalchemy.exc import OperationalError

    from bot.retry import StartupError, backoff, retry_sync
    from bot.storage.store import Store

    url = database_url(settings)
    if url.startswith("sqlite:///") and url != "sqlite:///:memory:":
        Path(url.removeprefix("sqlite:///")).parent.mkdir(parents=True, exist_ok=True)
    delays = backoff(settings.startup_retries) if retry else ()
    try:
        return retry_sync("the database", lambda: Store(url), (OperationalError,), delays)
    except OperationalError as error:
        reason = " ".join(str(error.orig or error).split())  # psycopg's message spans lines
        raise StartupError(f"the database cannot be reached: {reason}") from None


def newest_source(dataset: Dataset) -> dt.date | None:
    """The date of the newest source: how fresh the data is."""
    return max((s.date for s in dataset.sources.values() if s.date), default=None)


def chat_settings_for(store: Store | None) -> ChatSettings:
    """Per-chat settings in the database when there is one (restarts and replicas agree), else in memory."""
    return StoredSettings(store) if store is not None else ChatPreferences()


def context_for(store: Store | None) -> Context:
    """Each chat's last question in the database when there is one, else in this process (the console, ask)."""
    return StoredContext(store) if store is not None else ConversationMemory()


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
        preferences=chat_settings_for(store),
        profiles=store.profiles if store is not None else MemoryProfiles(),
    )


def build_responder(settings: Settings, clock: Clock | None = None, store: Store | None = None) -> Responder:
    return responder_for(build_services(settings, clock, store))


def responder_for(services: Services) -> Responder:
    """The responder for these services, its conversation context kept where their chat settings are."""
    return Responder(services, memory=context_for(services.store))


def settle() -> None:
    """Once the process has built what it answers with (dataset, name tables, indexes): keep those out of every
    later garbage collection, which then scans only what answering creates (``gc.freeze``; about 3% of the time
    of an answer in ``make bench``). Entry points call it; tests, which build many responders, do not."""
    gc.collect()
    gc.freeze()
