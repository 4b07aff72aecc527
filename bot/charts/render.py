"""ChartSpec -> PNG bytes: horizontal bars, largest first, official programs solid, others hatched."""

from __future__ import annotations

import io

from bot.charts.font import font_name
from bot.charts.spec import ChartSpec

WIDTH_IN, DPI = 10.0, 100


def size_px(spec: ChartSpec) -> tuple[int, int]:
    return int(WIDTH_IN * DPI), int(_height_in(spec) * DPI)


def _height_in(spec: ChartSpec) -> float:
    return max(3.0, 1.4 + 0.45 * len(spec.bars))


def render_png(spec: ChartSpec) -> bytes:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.ticker import FuncFormatter

    family = font_name()
    bars = list(reversed(spec.bars))  # largest at the top
    fig, ax = plt.subplots(figsize=(WIDTH_IN, _height_in(spec)), dpi=DPI)
    try:
        values = [float(b.value_cny) for b in bars]
        colors = ["#1f6f8b" if b.official else "#b7c9d3" for b in bars]
        hatches = ["" if b.official else "//" for b in bars]
        drawn = ax.barh(range(len(bars)), values, color=colors)
        for patch, hatch in zip(drawn, hatches, strict=True):
            patch.set_hatch(hatch)
        ax.set_yticks(range(len(bars)), [b.label for b in bars], fontfamily=family, fontsize=11)
        top = max(values, default=0) or 1
        for index, bar in enumerate(bars):
            text = f"{float(bar.value_cny):,.0f}" + (f"  {bar.note}" if bar.note else "")
            ax.text(float(bar.value_cny) + top * 0.01, index, text, va="center", fontfamily=family, fontsize=10)
        ax.set_xlim(0, top * 1.3)
        ax.xaxis.set_major_formatter(FuncFormatter(lambda x, _: f"{x:,.0f}"))
        ax.set_xlabel(spec.value_label, fontfamily=family)
        ax.set_title(spec.title, fontfamily=family, fontsize=13)
        ax.spines[["top", "right"]].set_visible(False)
        if spec.footnote:
            fig.text(0.01, 0.01, spec.footnote, fontfamily=family, fontsize=8, color="#555555")
        fig.tight_layout(rect=(0, 0.04, 1, 1))
        buffer = io.BytesIO()
        fig.savefig(buffer, format="png", dpi=DPI)
        return buffer.getvalue()
    finally:
        plt.close(fig)
