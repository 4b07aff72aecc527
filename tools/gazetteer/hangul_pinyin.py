"""Mandarin pinyin to Hangul by the Korean loanword rules for Chinese (외래어 표기법, 중국어 표기법).

The rules, as applied here (the 주음 부호와 한글 대조표 and its 표기 세칙):

- initials: b ㅂ, p ㅍ, m ㅁ, f ㅍ, d ㄷ, t ㅌ, n ㄴ, l ㄹ, g ㄱ, k ㅋ, h ㅎ, j ㅈ, q ㅊ, x ㅅ,
  zh ㅈ, ch ㅊ, sh ㅅ, r ㄹ, z ㅉ, c ㅊ, s ㅆ;
- finals: a 아, o 오, e 어, ê 에, i 이, u 우, ü 위, ai 아이, ei 에이, ao 아오, ou 어우, an 안, en 언,
  ang 앙, eng 엉, er 얼, ia 야, ie 예, iao 야오, iou 유, ian 옌, in 인, iang 양, ing 잉, ua 와,
  uo 워, uai 와이, uei 웨이, uan 완, uen 원, uang 왕, ueng 웡, ong 웅, üe 웨, üan 위안, ün 윈,
  iong 융; -i after zh ch sh r z c s is ㅡ (즈, 츠, 스, 르, 쯔, 츠, 쓰);
- with an initial, ui (uei) is 우이 and un (uen) is 운: 구이, 쑨 (웨이 and 원 stay for wei and wen);
- 세칙 2: after ㅈ, ㅉ, ㅊ the glides ㅑ ㅖ ㅛ ㅠ become ㅏ ㅔ ㅗ ㅜ (jia 자, jie 제, jiu 주, qiong 충);
- üe after j q x and zero initial is 웨 (줴, 췌, 쉐, 웨); after n and l it is 위에 (뉘에, 뤼에).

Stdlib only: the gazetteer build uses it, and the tests check it against the names in data/places.
"""

from __future__ import annotations

from functools import lru_cache

_INITIALS: dict[str, str] = {
    "b": "ㅂ",
    "p": "ㅍ",
    "m": "ㅁ",
    "f": "ㅍ",
    "d": "ㄷ",
    "t": "ㅌ",
    "n": "ㄴ",
    "l": "ㄹ",
    "g": "ㄱ",
    "k": "ㅋ",
    "h": "ㅎ",
    "j": "ㅈ",
    "q": "ㅊ",
    "x": "ㅅ",
    "zh": "ㅈ",
    "ch": "ㅊ",
    "sh": "ㅅ",
    "r": "ㄹ",
    "z": "ㅉ",
    "c": "ㅊ",
    "s": "ㅆ",
}

# Each final as Hangul syllables written without an initial: (medial vowel, final consonant) pairs.
_FINALS: dict[str, tuple[tuple[str, str], ...]] = {
    "a": (("ㅏ", ""),),
    "o": (("ㅗ", ""),),
    "e": (("ㅓ", ""),),
    "ê": (("ㅔ", ""),),
    "i": (("ㅣ", ""),),
    "u": (("ㅜ", ""),),
    "ü": (("ㅟ", ""),),
    "ai": (("ㅏ", ""), ("ㅣ", "")),
    "ei": (("ㅔ", ""), ("ㅣ", "")),
    "ao": (("ㅏ", ""), ("ㅗ", "")),
    "ou": (("ㅓ", ""), ("ㅜ", "")),
    "an": (("ㅏ", "ㄴ"),),
    "en": (("ㅓ", "ㄴ"),),
    "ang": (("ㅏ", "ㅇ"),),
    "eng": (("ㅓ", "ㅇ"),),
    "er": (("ㅓ", "ㄹ"),),
    "ia": (("ㅑ", ""),),
    "io": (("ㅛ", ""),),
    "ie": (("ㅖ", ""),),
    "iao": (("ㅑ", ""), ("ㅗ", "")),
    "iou": (("ㅠ", ""),),
    "ian": (("ㅖ", "ㄴ"),),
    "in": (("ㅣ", "ㄴ"),),
    "iang": (("ㅑ", "ㅇ"),),
    "ing": (("ㅣ", "ㅇ"),),
    "ua": (("ㅘ", ""),),
    "uo": (("ㅝ", ""),),
    "uai": (("ㅘ", ""), ("ㅣ", "")),
    "uei": (("ㅞ", ""), ("ㅣ", "")),
    "ui": (("ㅜ", ""), ("ㅣ", "")),  # uei after an initial: 구이, 후이
    "uan": (("ㅘ", "ㄴ"),),
    "uen": (("ㅝ", "ㄴ"),),
    "un": (("ㅜ", "ㄴ"),),  # uen after an initial: 쑨, 춘
    "uang": (("ㅘ", "ㅇ"),),
    "ueng": (("ㅝ", "ㅇ"),),
    "ong": (("ㅜ", "ㅇ"),),
    "üe": (("ㅞ", ""),),
    "üe_nl": (("ㅟ", ""), ("ㅔ", "")),  # nüe 뉘에, lüe 뤼에
    "üan": (("ㅟ", ""), ("ㅏ", "ㄴ")),
    "ün": (("ㅟ", "ㄴ"),),
    "iong": (("ㅠ", "ㅇ"),),
    "-i": (("ㅡ", ""),),  # zhi chi shi ri zi ci si
}

# Zero-initial spellings (y-, w-) to the finals they write.
_ZERO: dict[str, str] = {
    "yi": "i",
    "ya": "ia",
    "yo": "io",
    "ye": "ie",
    "yao": "iao",
    "you": "iou",
    "yan": "ian",
    "yin": "in",
    "yang": "iang",
    "ying": "ing",
    "yong": "iong",
    "yu": "ü",
    "yue": "üe",
    "yuan": "üan",
    "yun": "ün",
    "wu": "u",
    "wa": "ua",
    "wo": "uo",
    "wai": "uai",
    "wei": "uei",
    "wan": "uan",
    "wen": "uen",
    "wang": "uang",
    "weng": "ueng",
}

_CHO = "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ"
_JUNG = "ㅏㅐㅑㅒㅓㅔㅕㅖㅗㅘㅙㅚㅛㅜㅝㅞㅟㅠㅡㅢㅣ"
_JONG = ("", *"ㄱㄲㄳㄴㄵㄶㄷㄹㄺㄻㄼㄽㄾㄿㅀㅁㅂㅄㅅㅆㅇㅈㅊㅋㅌㅍㅎ")
_PLAIN_GLIDE = {"ㅑ": "ㅏ", "ㅖ": "ㅔ", "ㅛ": "ㅗ", "ㅠ": "ㅜ"}
_APICAL = {"zh", "ch", "sh", "r", "z", "c", "s"}
_PALATAL = {"j", "q", "x"}


def _compose(cho: str, jung: str, jong: str) -> str:
    return chr(0xAC00 + (_CHO.index(cho) * 21 + _JUNG.index(jung)) * 28 + _JONG.index(jong))


def _split(syllable: str) -> tuple[str, str] | None:
    """A toneless pinyin syllable as (initial, final key), or None when it cannot be one.

    Any initial with any final is accepted (be, fong): the gazetteer feeds it real syllables from pypinyin,
    and for typed pinyin a lax reading is better than none."""
    s = syllable.lower().replace("v", "ü").replace("u:", "ü")
    if s in _ZERO:
        return "", _ZERO[s]
    initial = s[:2] if s[:2] in _INITIALS else s[:1] if s[:1] in _INITIALS else ""
    rest = s[len(initial) :]
    if not initial:
        return ("", rest) if rest in _FINALS and rest[0] in "aoeê" else None
    if initial in _PALATAL and rest.startswith("u"):
        rest = "ü" + rest[1:]
    if rest == "i" and initial in _APICAL:
        rest = "-i"
    if rest == "üe" and initial in {"n", "l"}:
        rest = "üe_nl"
    if rest in {"uei", "uen", "iou", "ueng"} or rest not in {*_FINALS, "iu"}:
        return None
    return initial, "iou" if rest == "iu" else rest


@lru_cache(maxsize=2048)
def syllable_to_hangul(syllable: str) -> str | None:
    """One toneless pinyin syllable in Hangul (xi 시, an 안, zhou 저우), or None when it is not one."""
    parts = _split(syllable)
    if parts is None:
        return None
    initial, final = parts
    out = []
    for i, (vowel, coda) in enumerate(_FINALS[final]):
        cho = "ㅇ"
        if i == 0 and initial:
            cho = _INITIALS[initial]
            if cho in "ㅈㅉㅊ":
                vowel = _PLAIN_GLIDE.get(vowel, vowel)
        out.append(_compose(cho, vowel, coda))
    return "".join(out)


def syllables_to_hangul(syllables: list[str]) -> str | None:
    """A name given syllable by syllable (as pypinyin gives it), or None if any syllable is unknown."""
    out = []
    for syllable in syllables:
        hangul = syllable_to_hangul(syllable)
        if hangul is None:
            return None
        out.append(hangul)
    return "".join(out)


def split_pinyin(text: str) -> list[str] | None:
    """Split written pinyin into syllables: "xi'an" -> [xi, an], "xian" -> [xian], "haerbin" -> [ha, er, bin].

    Pinyin writes an apostrophe before a syllable that starts with a, o or e, so such a syllable is first
    looked for only at the start or after an apostrophe; when that fails they may start anywhere
    ("haerbin"), and a lone r after a vowel reads as er ("harbin")."""
    words = [w for w in text.lower().replace("’", "'").replace("-", "'").replace(" ", "'").split("'") if w]
    if not words:
        return None
    out: list[str] = []
    for word in words:
        parts = _segment(word, strict=True) or _segment(word, strict=False)
        if parts is None:
            return None
        out.extend(parts)
    return out


def _segment(word: str, *, strict: bool) -> list[str] | None:
    best: list[list[str] | None] = [None] * (len(word) + 1)
    best[0] = []
    for start in range(len(word)):
        head = best[start]
        if head is None:
            continue
        for end in range(start + 1, min(len(word), start + 6) + 1):
            piece = word[start:end]
            if piece == "r" and not strict and start > 0:
                piece = "er"
            elif _split(piece) is None or (strict and start > 0 and piece[0] in "aoe"):
                continue
            candidate = [*head, piece]
            known = best[end]
            if known is None or len(candidate) < len(known):
                best[end] = candidate
    return best[len(word)]


def pinyin_to_hangul(text: str) -> str | None:
    """Written pinyin in Hangul: "xi'an" 시안, "changsha" 창사, "huhehaote" 후허하오터, "harbin" 하얼빈."""
    syllables = split_pinyin(text)
    return None if syllables is None else syllables_to_hangul(syllables)
