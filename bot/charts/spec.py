"""What a chart shows: labelled bars in CNY, each marked current-official or not."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal


@dataclass(frozen=True)
class Bar:
    label: str
    value_cny: Decimal
    official: bool = True  # drafts, reports and ended programs are drawn hatched and pale
    note: str = ""  # drawn after the value (e.g. "cap")


@dataclass(frozen=True)
class ChartSpec:
    title: str
    bars: tuple[Bar, ...]
    value_label: str  # the axis label, e.g. "지원금 (위안)"
    footnote: str = ""  # source and date line
    filename: str = "chart.png"
