"""Charts: real PNGs of the expected size whose font draws every label (no empty boxes), reaching Telegram
(sendPhoto), Slack (files_upload_v2) and the console (a file)."""

from __future__ import annotations

import io
from pathlib import Path

import matplotlib.image as mpimg
import pytest

from bot.adapters.console import chat
from bot.charts.font import missing_glyphs
from bot.charts.render import render_png, size_px
from bot.core.dispatch import Responder
from tests.conftest import ask

PNG = b"\x89PNG\r\n\x1a\n"


@pytest.mark.parametrize(
    ("question", "lang"),
    [
        ("200만 위안이면 우한, 선전, 상하이 중 어디가 제일 많이 줘?", "ko"),
        ("哪个城市模型券最多", "zh"),
        ("/compare compute 2M wuhan shenzhen shanghai beijing", "en"),
    ],
)
def test_compare_chart_is_a_png_of_the_right_size_with_every_glyph(
    responder: Responder, question: str, lang: str
) -> None:
    """The comparison chart renders; its size matches the bars; the font has every character of it."""
    reply = ask(responder, question, lang=lang)
    assert reply.intent == "compare" and reply.chart is not None
    png = render_png(reply.chart)
    assert png.startswith(PNG) and len(png) > 5_000
    height, width = mpimg.imread(io.BytesIO(png)).shape[:2]
    assert (width, height) == size_px(reply.chart)
    words = [
        reply.chart.title,
        reply.chart.value_label,
        reply.chart.footnote,
        *(b.label + b.note for b in reply.chart.bars),
    ]
    assert missing_glyphs("".join(words)) == set()


def test_subsidy_chart_shows_the_spend_and_each_result(responder: Responder) -> None:
    """/subsidy draws the base next to what each computable program gives, with its rate."""
    reply = ask(responder, "/subsidy wuhan 2000000", lang="ko")
    assert reply.chart is not None
    assert reply.chart.bars[0].value_cny == 2_000_000
    assert any(bar.value_cny == 600_000 and "30%" in bar.note for bar in reply.chart.bars)
    assert render_png(reply.chart).startswith(PNG)


def test_console_writes_the_chart_and_prints_its_path(
    responder: Responder, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """In the console the chart goes to a PNG file and the answer ends with its path."""
    monkeypatch.chdir(tmp_path)
    out = io.StringIO()
    chat.answer_lines(responder, ["/compare model"], out, lang="en")
    path = Path(out.getvalue().strip().splitlines()[-1].removeprefix("Chart: "))
    assert (tmp_path / path).read_bytes().startswith(PNG)
