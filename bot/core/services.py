"""What handlers read: the dataset, its place index, the FX rate and the clock."""

from __future__ import annotations

from dataclasses import dataclass

from bot.domain.dataset import Dataset
from bot.domain.freshness import Clock
from bot.domain.fx import FxRate
from bot.domain.gazetteer import Gazetteer


@dataclass(frozen=True)
class Services:
    dataset: Dataset
    gazetteer: Gazetteer
    fx: FxRate
    clock: Clock
