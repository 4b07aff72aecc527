"""What handlers read: the dataset, its place index, the FX rate, the clock, storage, chat preferences, profiles."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from bot.core.preferences import ChatPreferences, ChatSettings
from bot.core.recent import RecentReplies
from bot.domain.dataset import Dataset
from bot.domain.freshness import Clock
from bot.domain.fx import FxRate
from bot.domain.gazetteer import Gazetteer
from bot.storage.profiles import MemoryProfiles, ProfileBook

if TYPE_CHECKING:  # only the bot process opens a database; 'subsidybot ask' never imports SQLAlchemy
    from bot.storage.store import Store


@dataclass(frozen=True)
class Services:
    dataset: Dataset
    gazetteer: Gazetteer
    fx: FxRate
    clock: Clock
    store: Store | None = None  # subscriptions and the outbox, when the bot runs with a database
    admins: frozenset[str] = field(default_factory=frozenset)  # BOT_ADMINS: "telegram:123", "slack:U012"
    preferences: ChatSettings = field(default_factory=ChatPreferences)  # per-chat choices (/lang); the DB in the bot
    recent: RecentReplies = field(default_factory=RecentReplies)  # answers whose details may be asked for
    profiles: ProfileBook = field(default_factory=MemoryProfiles)  # company profiles (the database's, with one)
