"""Number sources in the order an answer cites them: [1], [2] ... and list them at the end."""

from __future__ import annotations

from collections.abc import Iterable

from bot.core.reply import Citation
from bot.domain.dataset import Dataset
from bot.domain.schema import SourceRef


def short_publisher(publisher: str) -> str:
    """The publisher itself, without the reprint site or a note in brackets ("X, reprinted by Y" -> "X")."""
    return publisher.split(", reprinted")[0].split(" (")[0]


class CitationBook:
    def __init__(self, dataset: Dataset) -> None:
        self._dataset = dataset
        self._numbers: dict[str, int] = {}

    def ref(self, refs: Iterable[SourceRef | str]) -> str:
        """``[1][3]`` for these sources, numbering new ones as they come."""
        marks = []
        for item in refs:
            source_id = item if isinstance(item, str) else item.id
            number = self._numbers.setdefault(source_id, len(self._numbers) + 1)
            marks.append(f"[{number}]")
        return "".join(dict.fromkeys(marks))

    def citations(self) -> tuple[Citation, ...]:
        result = []
        for source_id, number in self._numbers.items():
            source = self._dataset.source(source_id)
            result.append(
                Citation(
                    number=number,
                    source_id=source.id,
                    title=source.title,
                    publisher=source.publisher,
                    url=source.url,
                    date=source.date,
                    reliability=source.reliability.value,
                )
            )
        return tuple(result)
