"""Text as the matcher reads it: NFKC, case-folded, no invisible characters, simplified Chinese.

Two views are kept: ``spaced`` (words separated by single spaces, for Latin word boundaries)
and ``compact`` (no spaces at all, so "베이징모델쿠폰" and "베이징 모델 쿠폰" look the same).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

# Traditional -> simplified: every character opencc simplifies (data/gazetteer/t2s.txt, written by
# tools/gazetteer/build.py), and 劵, a common slip for 券.
_HAND_T2S = ("劵", "券")
_T2S_FILE = Path(__file__).resolve().parents[1] / "data" / "gazetteer" / "t2s.txt"


def _t2s_table() -> dict[int, int]:
    lines = _T2S_FILE.read_text(encoding="utf-8").split("\n") if _T2S_FILE.exists() else ["", ""]
    table = str.maketrans(lines[0], lines[1])
    table.update(str.maketrans(*_HAND_T2S))
    return table


_T2S = _t2s_table()
_INVISIBLE = re.compile(r"[\u200b-\u200f\u2028-\u202f\u2060-\u206f\ufeff]")
_PUNCT = re.compile(
    r"[\s!?;:~\"'()\[\]{}<>/\\|\u2026\u00b7\u201c\u201d\u2018\u2019\u300a\u300b\u300c\u300d\u300e\u300f\u3010\u3011\u3002\u3001]+"
)
_LETTER_DIGIT = re.compile(r"(?<=[a-z]{3})(?=\d)")
_LOOSE_DOTS = re.compile(r"(?<!\d)[.,]|[.,](?!\d)")  # dots and commas that are not inside a number

MAX_CHARS = 500
_VOUCHER_TYPO = re.compile(r"(?<=[力型料据务])卷")
_HAN_SLIP_FIXES = {
    "申清": "申请",
    "补帖": "补贴",
    "补帮": "补贴",
    "申报时问": "申报时间",
    "背案": "备案",
    "落护": "落户",
}
_HAN_SLIPS = re.compile("|".join(_HAN_SLIP_FIXES))
# Cantonese as Guangzhou and Shenzhen type it, in Mandarin words ("系唔系要备案", "有几多钱", "咁成都呢"); only words
# no Mandarin text has (仲 alone is 仲恺's, 系 alone is 系统's).
_CANTONESE_WORDS = {
    "系唔系": "是不是", "系咪": "是不是", "得唔得": "行不行", "唔系": "不是", "就系": "就是", "几多": "多少",
    "点用": "怎么用", "点样": "怎么", "点申请": "怎么申请", "乜嘢": "什么", "咩": "什么", "边啲": "哪些",
    "边个": "哪个", "边度": "哪里", "你哋": "你们", "我哋": "我们", "佢哋": "他们", "咗": "了", "嘅": "的",
    "冇": "没有", "喺": "在", "仲可以": "还可以", "仲有": "还有", "仲能": "还能", "咁": "那", "先得": "才行",
    "先可以": "才可以", "睇下": "看下", "啲": "些", "唔": "不", "食饭": "吃饭", "定系": "还是", "啱唔啱": "对不对",
    "啱": "对", "几耐": "多久", "几时": "什么时候", "识做": "会做", "乜": "什么", "嗰个": "那个", "嗰": "那",
    "点解": "为什么", "边间": "哪家", "边份": "哪份", "边类": "哪类", "一齐攞": "同时拿", "攞": "拿", "计数": "算数",
    "都计": "都算", "可以拎": "可以拿", "拎几多": "拿多少", "㗎": "", "净系": "只是", "畀": "给",
}  # fmt: skip
# Cantonese 係 (系 once simplified) is 是, except in the words 系 makes (系统, 关系, 联系, 体系 …).
_CANTONESE_IS = re.compile(r"(?<![关联体派星院直干维世母父水山谱语])系(?![统列数])")
_CANTONESE = re.compile("|".join(sorted(_CANTONESE_WORDS, key=len, reverse=True)))
# Sichuan and Chongqing speech: 好多 asks "how much" at the end of a question (好多钱？), 咋个 is 怎么, 啥子 is 什么.
_SOUTHWEST = re.compile(r"好多(?=钱?(?:[？?，,。!！]|$|呢|啊|嘛|哦))|咋个|啥子|要得不")
_SOUTHWEST_WORDS = {"咋个": "怎么", "啥子": "什么", "要得不": "行不行"}
_MANWON = re.compile(r"(?<=\d)\s?마넌")
# Numbers said aloud (voice typing): 삼점팔억 is 3.8억, 육십프로 is 60%.
_KO_DIGIT = dict(zip("영공일이삼사오육칠팔구", "00123456789", strict=True))
_KO_DECIMAL = re.compile(r"(?<![가-힣])([일이삼사오육칠팔구])점([영공일이삼사오육칠팔구]{1,2})(?=\s?[십백천만억])")
_KO_PERCENT = re.compile(
    r"(?<![가-힣])([이삼사오육칠팔구]?십[일이삼사오육칠팔구]?|[일이삼사오육칠팔구])\s?(?=프로|퍼센트)"
)


def _ko_decimal(match: re.Match[str]) -> str:
    return _KO_DIGIT[match.group(1)] + "." + "".join(_KO_DIGIT[c] for c in match.group(2))


def _ko_percent(match: re.Match[str]) -> str:
    said = match.group(1)
    if "십" not in said:
        return _KO_DIGIT[said]
    tens, _, ones = said.partition("십")
    return str(int(_KO_DIGIT.get(tens, "1")) * 10 + int(_KO_DIGIT.get(ones, "0")))


_GE_YI = re.compile(r"(?<=[\d一二两三四五六七八九十几])个(?=亿)")


@dataclass(frozen=True)
class Normalized:
    original: str
    spaced: str
    compact: str


@lru_cache(maxsize=1024)
def normalize(text: str) -> Normalized:
    """NFKC (full-width forms), case fold, drop control and zero-width characters, simplify Han. Memoised: the
    matcher, the profile route and the answer may each ask for the same message."""
    text = text[:MAX_CHARS]
    folded = unicodedata.normalize("NFKC", text).casefold()
    folded = _INVISIBLE.sub("", folded)
    if not folded.isprintable():  # control, format or private-use characters become spaces
        folded = "".join(ch if unicodedata.category(ch)[0] != "C" else " " for ch in folded)
    folded = folded.translate(_T2S)
    folded = _VOUCHER_TYPO.sub("券", folded)  # 算力卷 is a common slip for 算力券
    folded = _GE_YI.sub("", folded)  # 5个亿 is 5亿
    folded = _MANWON.sub("만원", folded)  # 300마넌 is 300만원
    if "점" in folded or "프로" in folded or "퍼센트" in folded:
        folded = _KO_PERCENT.sub(_ko_percent, _KO_DECIMAL.sub(_ko_decimal, folded))  # 삼점팔억, 육십프로
    folded = _HAN_SLIPS.sub(lambda m: _HAN_SLIP_FIXES[m.group()], folded)  # pinyin input slips: 申清, 补帖
    folded = _CANTONESE.sub(lambda m: _CANTONESE_WORDS[m.group()], folded)  # 几多 is 多少
    folded = _CANTONESE_IS.sub("是", folded) if "系" in folded else folded  # 深圳训力券每年总额係5亿
    folded = _SOUTHWEST.sub(lambda m: _SOUTHWEST_WORDS.get(m.group(), "多少"), folded)  # 重庆算力券好多钱
    spaced = _PUNCT.sub(" ", _LOOSE_DOTS.sub(" ", folded)).strip()
    spaced = _LETTER_DIGIT.sub(" ", spaced)  # nanjingcompute2m -> nanjingcompute 2m
    spaced = re.sub(r" {2,}", " ", spaced)
    return Normalized(original=text, spaced=spaced, compact=spaced.replace(" ", ""))


# Korean particles and sentence endings, longest first; stripped from the end of a word.
PARTICLES = tuple(
    sorted(
        {
            "은",
            "는",
            "이",
            "가",
            "을",
            "를",
            "에",
            "에서",
            "의",
            "으로",
            "로",
            "도",
            "까지",
            "부터",
            "만",
            "와",
            "과",
            "한테",
            "에게",
            "이랑",
            "랑",
            "하고",
            "이나",
            "나",
            "엔",
            "에선",
            "에서는",
            "에는",
            "으로는",
            "로는",
            "이면",
            "면",
            "인가요",
            "인가",
            "인데",
            "이야",
            "야",
            "요",
            "은요",
            "는요",
            "이요",
            "은?",
            "는?",
            "쪽",
            "쪽은",
            "시",
            "시에서",
            "시는",
            "시의",
            "에서도",
            "에도",
            "이고",
            "고",
        },
        key=len,
        reverse=True,
    )
)


# The particles by their last letter (longest first), so stripping one checks a handful, not all of them.
_PARTICLES_BY_LAST: dict[str, tuple[str, ...]] = {
    last: tuple(p for p in PARTICLES if p.endswith(last)) for last in {p[-1] for p in PARTICLES}
}


def particle_variants(word: str, keep: int = 2) -> list[str]:
    """``상하이시에서는`` -> [상하이시에서는, 상하이시, 상하이, 상하]: each particle stripped in turn.

    Callers try every form, so a name ending like a particle (상하이) is still found.
    """
    return list(_particle_variants(word, keep))


@lru_cache(maxsize=8192)
def _particle_variants(word: str, keep: int) -> tuple[str, ...]:
    forms = [word]
    changed = True
    while changed:
        changed = False
        for particle in _PARTICLES_BY_LAST.get(word[-1:], ()):
            if word.endswith(particle) and len(word) - len(particle) >= keep:
                word = word[: -len(particle)]
                forms.append(word)
                changed = True
                break
    return tuple(forms)
