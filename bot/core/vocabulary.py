"""Words people use for each program type, in Korean, English and Chinese."""

from __future__ import annotations

from bot.domain.gazetteer import name_key
from bot.domain.schema import ProgramType

PROGRAM_TYPE_WORDS: dict[ProgramType, tuple[str, ...]] = {
    ProgramType.COMPUTE_VOUCHER: (
        "compute",
        "computevoucher",
        "computing",
        "gpu",
        "算力",
        "算力券",
        "算力补贴券",
        "训力券",
        "算力服务券",
        "컴퓨팅",
        "컴퓨팅파워",
        "컴퓨팅쿠폰",
        "컴퓨팅바우처",
        "연산쿠폰",
        "산력권",
        "산력",
        "gpu쿠폰",
    ),
    ProgramType.MODEL_VOUCHER: ("model", "modelvoucher", "模型", "模型券", "모델", "모형", "모델쿠폰", "모형쿠폰"),
    ProgramType.CORPUS_VOUCHER: ("corpus", "语料", "语料券", "코퍼스", "말뭉치", "코퍼스쿠폰"),
    ProgramType.DATA_VOUCHER: ("data", "dataset", "数据", "数据券", "데이터", "데이터쿠폰"),
    ProgramType.LABELING_VOUCHER: ("labeling", "labelling", "标注", "标注券", "라벨링"),
    ProgramType.ONE_TIME_AWARD: ("award", "onetime", "一次性", "奖励", "일회성", "지원금", "보조금"),
    ProgramType.SCENARIO_FUNDING: ("scenario", "pilot", "场景", "示范", "시나리오", "시범"),
    ProgramType.MATCHING_REWARD: ("matching", "配套", "매칭"),
    ProgramType.CONSTRUCTION_SUBSIDY: ("construction", "center", "建设", "智算中心", "건설", "센터"),
    ProgramType.HARDWARE_SUBSIDY: ("hardware", "chip", "server", "硬件", "芯片", "하드웨어", "칩"),
    ProgramType.RD_SUBSIDY: ("rd", "r&d", "研发", "重大专项", "연구개발"),
    ProgramType.PLATFORM_SUBSIDY: ("platform", "平台", "플랫폼"),
    ProgramType.FILING_REWARD: ("filing", "备案", "등록"),
    ProgramType.RELOCATION_AWARD: ("relocation", "落户", "입주"),
    ProgramType.FREE_COMPUTE: ("free", "免费", "무료"),
    ProgramType.RESEARCH_FUNDING: ("research", "基础研究", "기초연구"),
}

_INDEX: dict[str, ProgramType] = {}
for _ptype, _words in PROGRAM_TYPE_WORDS.items():
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
