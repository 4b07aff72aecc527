"""Which program type a word in a command names (``/subsidy wuhan 2M 모델``, ``/subscribe 算力券``).

The words are the free-question matcher's (bot/nlu/slots.py), plus a few single words that are clear
after a command but too loose to count in a free sentence (센터, free, 보조금 ...).
"""

from __future__ import annotations

from bot.domain.gazetteer import name_key
from bot.domain.schema import ProgramType
from bot.nlu.slots import STRONG_TYPE_WORDS, WEAK_TYPE_WORDS

T = ProgramType

COMMAND_ONLY_WORDS: dict[ProgramType, tuple[str, ...]] = {
    T.ONE_TIME_AWARD: ("보조금",),
    T.SCENARIO_FUNDING: ("示范", "시범"),
    T.CONSTRUCTION_SUBSIDY: ("center", "智算中心", "건설", "센터"),
    T.HARDWARE_SUBSIDY: ("chip", "server", "硬件", "칩"),
    T.RD_SUBSIDY: ("rd",),
    T.FILING_REWARD: ("등록",),
    T.RELOCATION_AWARD: ("입주",),
    T.FREE_COMPUTE: ("free", "免费", "무료"),
    T.RESEARCH_FUNDING: ("research",),
}

_INDEX: dict[str, ProgramType] = {}
for _table in (STRONG_TYPE_WORDS, WEAK_TYPE_WORDS, COMMAND_ONLY_WORDS):
    for _ptype, _words in _table.items():
        for _word in _words:
            _INDEX.setdefault(name_key(_word), _ptype)
for _ptype in ProgramType:
    _INDEX.setdefault(_ptype.value.replace("_", ""), _ptype)


def program_type_of(text: str) -> ProgramType | None:
    """The program type a word names (``모델``, ``算力券``, ``compute_voucher`` ...), if any."""
    key = name_key(text).replace("_", "")
    if key in _INDEX:
        return _INDEX[key]
    for suffix in ("쿠폰", "바우처", "voucher", "vouchers", "券"):
        if key.endswith(suffix) and key[: -len(suffix)] in _INDEX:
            return _INDEX[key[: -len(suffix)]]
    return None
