"""Find the places a free question names, exactly or with a typo.

Exact names are found anywhere in the compact text (so "베이징모델쿠폰" finds 베이징);
Latin names need word boundaries. Typos are matched per word: Hangul by jamo distance
(우항 -> 우한), Latin by edit distance (Shenzen -> Shenzhen). When a typo is equally close
to two places, both are returned as ambiguous so the bot can ask instead of guessing.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz.distance import OSA

from bot.domain.dataset import Dataset
from bot.domain.gazetteer import PlaceRef, name_key
from bot.nlu.concepts import LIST_JOINERS, NEGATION_AFTER, NEGATION_BEFORE
from bot.nlu.doc_numbers import document_number_pattern, issuer_codes
from bot.nlu.hangul import by_ear, is_hangul, jamo, jamo_distance, soft, typo_score
from bot.nlu.normalize import Normalized, particle_variants

_LATIN = re.compile(r"^[a-z0-9 \-']+$")
_HAS_CJK = re.compile(r"[\u3040-\u9fff\uac00-\ud7a3]")
_HAN_RUN = re.compile(r"[\u4e00-\u9fff]+")
# What may follow a city name in a Chinese question (a Han typo is only trusted before one of these).
_HAN_FOLLOWERS = (
    "的",
    "买",
    "租",
    "算力",
    "模型",
    "语料",
    "训力",
    "券",
    "劵",
    "数据",
    "政策",
    "补贴",
    "有什么",
    "有哪些",
    "人工智能",
    "ai",
)
# The one-character names Chinese writers use for our places (沪, 京, 渝, 蓉 …) and a few nicknames (蓉城, 鹏城):
# trusted only standing alone, not inside a Han word ("沪、苏、宁的算力券", "杭算力券", "京的…"; not 京东, 沪深300).
SHORT_NAMES = {
    "沪": "shanghai", "申城": "shanghai", "京": "beijing", "津": "tianjin", "渝": "chongqing", "蓉": "chengdu",
    "蓉城": "chengdu", "杭": "hangzhou", "锡": "wuxi", "宁": "nanjing", "苏": "suzhou", "深": "shenzhen",
    "鹏城": "shenzhen", "穗": "guangzhou", "厦": "xiamen", "甬": "ningbo", "榕": "fuzhou", "皖": "anhui",
    "黔": "guizhou", "豫": "henan", "闽": "fujian", "鲁": "shandong",
}  # fmt: skip
# What may stand right before or after a short name in a Chinese question: a list's joiner, or what is asked of it.
_SHORT_NAME_JOINS = tuple("、，,和与跟及同/")
_SHORT_NAME_FOLLOWERS = (*_SHORT_NAME_JOINS, "的", "那", "这", "市", "地区", "算力", "模型", "语料", "数据", "训力",
                         "券", "政策", "补贴")  # fmt: skip
# Real names we do not cover, and common words, that sit one character from a covered name.
_HAN_NOT_PLACES = frozenset(
    "东京 京东 苏宁 南京路 北海 北海道 香港 澳门 台湾 首尔 釜山 合肥 西安 长沙 郑州 大连 沈阳 济南 昆明 "
    "南昌 太原 兰州 上班 上都 上云 哪天 每天 当天 几天 前天 后天 昨天 天天 半天 聊天 "
    "今天 明天 北方 南方 中山路 上面 下海 江湖 海南 湖南 湖北 河北 山西 广东 江苏 浙江 四川 云南 东北 华东 华北 "
    "中心 生成式 生成 自建 建设 合同 共同 不同 相同 如同 协同 陪同 赞同 认同 连同 等同 会同 们都 以上 以下 成真 八成 "
    "中的 其中 之中 当中 中有 中是 中说 中提 这都 都有 全都 也都 都是 都在 都要 都能 都说 都给 大都 首都".split()
)
# English and pinyin words a slip or two from a place's name: "changing yuan cash" is not Chongqing.
_LATIN_NOT_PLACES = frozenset({"changing", "wuxia", "qingming"})
# Particles that may follow a place name inside a word (not verb endings: 해주세요, 해주시면 are not places).
_NAME_PARTICLES = tuple(
    sorted(
        "은 는 이 가 을 를 에 에서 에서는 에선 에는 엔 의 으로 로 도 까지 부터 와 과 랑 이랑 하고 쪽 시 이나 나 "
        "이야 야 요 은요 는요 이고 이면 면 이라면 라면 꺼 거 vs 말고 아니고 아니라 빼고 대신 서 임".split(),
        key=len,
        reverse=True,
    )
)
# Common words one letter away from a short place name (우리 ~ 우시, 상하 ~ 상해 ...).
_NOT_PLACES = frozenset(
    {
        "하나",  # one (하나요, 하나로): one slip from 허난
        "소재",  # located in (항저우 소재 기업): one slip from 소주
        "우리",
        "아시",  # 아시는 분 (do you know): one slip from 우시
        "선도",  # leading (선도 프로젝트): one slip from 성도
        "저희",
        "여기",
        "거기",
        "저기",
        "어디",
        "무엇",
        "얼마",
        "이거",
        "그거",
        "저거",
        "쿠폰",
        "모델",
        "정책",
        "지원",
        "상하",
        "정산",  # settlement (정산은 분기별): one slip from 중산
        "손주",  # grandchild (손주가 알려줘서): one slip from 소주
        "사이",
        "주세",
        "우선",
        "우수",
        "무료",
        "중심",
        "중국",
        "한국",
        "시간",
        "기업",
        "회사",
        "센터",
        "데이터",
        "목표",
        "환율",
        "도시",
        "비교",
        "계산",
        "조건",
        "금액",
        "투자",
        "해줘",
        "해주",
        "오후",
        "오전",
        "상한",
        "하한",
        "알려",
        "줘요",
        "해요",
        "뭐야",
        "있어",
        "얼마나",
        "주고",
        "가능",
        "하면",
        "환산",
        "정도",
        "서호",
        "세요",
        "같거",
        "거든",
        "해지",  # cancel (구독 해지): one slip from 해주 (Haizhu)
        "해제",
    }
)


_LIST_JOINERS = frozenset(LIST_JOINERS) | {"vs", ",", "·", ""}  # places asked together


@dataclass(frozen=True)
class PlaceMention:
    ref: PlaceRef
    position: int  # offset in the compact text, for ordering
    fuzzy: bool = False
    length: int = 2  # characters of the name in the compact text
    weak: bool = False  # a typo of a two-syllable Korean name: trusted only in a question about subsidies


@dataclass(frozen=True)
class PlaceFindings:
    mentions: tuple[PlaceMention, ...]
    ambiguous: tuple[PlaceRef, ...] = ()
    weak_ambiguity: bool = False

    def strong_only(self) -> PlaceFindings:
        """Without the typo matches that need a subsidy question to be trusted."""
        kept = tuple(m for m in self.mentions if not m.weak)
        return PlaceFindings(kept, () if self.weak_ambiguity else self.ambiguous)

    def exact_only(self) -> PlaceFindings:
        return PlaceFindings(tuple(m for m in self.mentions if not m.fuzzy), (), False)

    def exact_beside_typos(self, compact: str) -> PlaceFindings:
        """Without typo matches when a place is named exactly, unless listed with it ("북경하고 텐진") or set
        against it ("Beijng말고 영파"):
        a second, fuzzy place is more often an ordinary word (안해도 ~ 안후이)."""
        if not any(m.fuzzy for m in self.mentions) or all(m.fuzzy for m in self.mentions):
            return self
        exact = [m for m in self.mentions if not m.fuzzy]

        def listed(fuzzy: PlaceMention) -> bool:
            for other in exact:
                first, second = sorted((fuzzy, other), key=lambda m: m.position)
                gap = compact[first.position + first.length : second.position]
                if particle_variants(gap, keep=0)[-1] in _LIST_JOINERS or gap in _LIST_JOINERS:
                    return True
                negation = next((w for w in sorted(NEGATION_AFTER, key=len, reverse=True) if gap.startswith(w)), None)
                after_negation = negation is not None and gap[len(negation) :] in _LIST_JOINERS | {"-", "요"}
                led = compact[: first.position].endswith(NEGATION_BEFORE) and gap in _LIST_JOINERS | {"-"}
                if fuzzy.ref.place != other.ref.place and (after_negation or led):
                    return True  # "Beijng말고 영파", "not zhongshna - ningbo": the one ruled out and the one asked
            return False

        kept = tuple(m for m in self.mentions if not m.fuzzy or listed(m))
        return PlaceFindings(kept, (), False)

    @property
    def refs(self) -> tuple[PlaceRef, ...]:
        return tuple(m.ref for m in self.mentions)


class PlaceFinder:
    """Built once from the dataset; ``find`` is called per message."""

    def __init__(
        self,
        dataset: Dataset,
        vocabulary: tuple[str, ...] = (),
        generated: Iterable[tuple[str, PlaceRef]] = (),
    ) -> None:
        """``generated``: more names of our places from the gazetteer (하남성, 우한시, Henan Province ...)."""
        self._candidates = lru_cache(maxsize=16_384)(self._word_candidates)  # words repeat across messages
        cjk: dict[str, PlaceRef] = {}
        latin: dict[str, PlaceRef] = {}
        entries: list[tuple[str, PlaceRef]] = []
        curated: set[str] = set()  # the data's own names: a two-letter alias there (HZ) was chosen, not generated
        for place in dataset.places.values():
            entries += [(n, PlaceRef(place.slug)) for n in place.names.all()]
            curated.update(place.names.aliases)
            for district in place.districts:
                entries += [(n, PlaceRef(place.slug, district.slug)) for n in district.names.all()]
        entries += [(name, ref) for name, ref in generated if len(name) >= 3]
        for name, ref in entries:
            folded = name.casefold().strip()
            key = name_key(name)
            if _HAS_CJK.search(key) and len(key) >= 2:
                cjk.setdefault(key, ref)
            elif _LATIN.match(folded) and (len(key) >= 3 or (len(key) == 2 and name in curated)):
                latin.setdefault(folded, ref)
        self._cjk = cjk
        self._issuers = issuer_codes(dataset)
        self._document_number = document_number_pattern(self._issuers)
        self._short = {name: slug for name, slug in SHORT_NAMES.items() if slug in dataset.places}
        self._latin = latin
        self._latin_keys = {name_key(k): ref for k, ref in latin.items()}
        self._latin_by_length: dict[int, list[tuple[str, PlaceRef]]] = {}
        for key, ref in self._latin_keys.items():
            if len(key) >= 3:  # a slip of a two-letter name is any two letters
                self._latin_by_length.setdefault(len(key), []).append((key, ref))
        glued = sorted((k for k in self._latin_keys if len(k) >= 4), key=len, reverse=True)
        self._latin_glued_re = re.compile("|".join(re.escape(k) for k in glued) or "(?!)")
        self._hangul = {k: ref for k, ref in cjk.items() if is_hangul(k)}
        # Abbreviations ending in 市/区 (呼市) are too close to ordinary words for typo matching.
        self._han = {k: ref for k, ref in cjk.items() if _HAN_RUN.fullmatch(k) and not k.endswith(("市", "区"))}
        self._han_masked: dict[str, list[tuple[str, PlaceRef]]] = {}  # 杭?, ?州 -> 杭州: one character off
        for key, ref in self._han.items():
            if len(key) in (2, 3):
                for j in range(len(key)):
                    self._han_masked.setdefault(key[:j] + "?" + key[j + 1 :], []).append((key, ref))
        self._cjk_re = re.compile("|".join(re.escape(k) for k in sorted(cjk, key=len, reverse=True)))
        latin_patterns = (r"[\s\-]*".join(re.escape(w) for w in re.split(r"[\s\-]+", k)) for k in latin)
        self._latin_re = re.compile(
            r"(?<![a-z0-9])(" + "|".join(sorted(latin_patterns, key=len, reverse=True)) + r")(?![a-z])"
        )
        words = sorted(vocabulary, key=len, reverse=True)
        self._vocabulary_re = re.compile("|".join(re.escape(w) for w in words) if words else r"(?!)")
        self._hangul_sizes = sorted({len(k) for k in self._hangul})
        self._hangul_by_initial: dict[str, list[tuple[str, PlaceRef]]] = {}
        self._hangul_by_ear: dict[str, list[tuple[str, PlaceRef]]] = {}  # 선전 under its sounds, for 쎈쩐 and 셴젼
        for key, ref in self._hangul.items():
            self._hangul_by_initial.setdefault(soft(jamo(key)[0]), []).append((key, ref))
            self._hangul_by_ear.setdefault(by_ear(key), []).append((key, ref))

    def names(self) -> set[str]:
        """Every exact name, for the typo corrector to leave alone."""
        return set(self._cjk) | set(self._latin_keys)

    def find(self, text: Normalized) -> PlaceFindings:
        mentions: list[PlaceMention] = []
        covered: list[tuple[int, int]] = []
        words = _words(text)
        for match in self._document_number.finditer(text.compact):  # "青政办字〔2025〕47号": who issued it
            mentions.append(PlaceMention(self._issuers[match.group(1)], match.start(), length=len(match.group(1))))
            covered.append(match.span())
        for match in self._cjk_re.finditer(text.compact):
            name = match.group()
            if is_hangul(name) and len(name) <= 2:
                # 해주 is also in 해주세요: a short Korean name must start a word (or follow another name),
                # and what follows it in that word must be particles, names or known words.
                start, end = match.span()
                word_start, word_end = next((s, s + len(w)) for s, w in reversed(words) if s <= start)
                before = text.compact[word_start:start]
                joined = [before[: -len(p)] for p in _NAME_PARTICLES if before.endswith(p)] + [before]
                after_name = any(word_start + len(j) == b for j in joined for _, b in covered)  # 광저우랑심천
                after_name = after_name or before.endswith(_JOINS)  # 말고영파…, 상장사인데샤먼…: lost spaces
                spans_words = end > word_end  # 중 + 산력 is not 중산
                if (
                    spans_words
                    or (start != word_start and not after_name)
                    or not self._is_tail(text.compact[end:word_end])
                ):
                    continue
            mentions.append(PlaceMention(self._cjk[name], match.start(), length=len(name)))
            covered.append(match.span())
        for match in self._latin_re.finditer(text.spaced):
            key = name_key(match.group())
            ref = self._latin_keys.get(key)
            if ref is not None:
                offset = len(text.spaced[: match.start()].replace(" ", ""))
                mentions.append(PlaceMention(ref, offset, length=len(key)))
                covered.append((offset, offset + len(key)))
        for word_start, word in _words(text):
            if not word.isascii() or any(a <= word_start < b for a, b in covered):
                continue
            offset = 0
            while offset < len(word):  # shenzhenvsguangzhou, wuhancomputevoucher
                rest = word[offset:]
                head = self._latin_glued_re.match(rest)
                if head is None:
                    break
                glued = head.group()
                after = rest[len(glued) :].removeprefix("vs")
                if not (self._is_vocabulary(after) or self._latin_glued_re.match(after)):
                    break
                mentions.append(PlaceMention(self._latin_keys[glued], word_start + offset, length=len(glued)))
                covered.append((word_start + offset, word_start + offset + len(glued)))
                offset += len(glued)
                offset += 2 if word[offset:].startswith("vs") else 0
        self._last_han_ambiguous: tuple[PlaceRef, ...] = ()
        self._weak_ambiguity = False
        for position, length, ref in self._short_names(text, covered):
            mentions.append(PlaceMention(ref, position, length=length))
            covered.append((position, position + length))
        for position, ref in self._han_typos(text.compact, covered):
            mentions.append(PlaceMention(ref, position, fuzzy=True))
            covered.append((position, position + 2))
        fuzzy, ambiguous = self._fuzzy(text, covered)
        weak_ambiguity = bool(ambiguous) and self._weak_ambiguity
        ambiguous = ambiguous or self._last_han_ambiguous
        mentions.extend(fuzzy)
        return PlaceFindings(_dedupe(mentions, text.compact), ambiguous, weak_ambiguity)

    def _short_names(self, text: Normalized, covered: list[tuple[int, int]]) -> list[tuple[int, int, PlaceRef]]:
        """沪, 蓉城 …: a short name standing alone (see ``SHORT_NAMES``): a word of its own or at a word's start,
        and a one-character one before a joiner or what is asked of it."""
        found = []
        for word_start, word in _words(text):
            if not _HAN_RUN.search(word):
                continue  # most words hold no Han character at all
            for i in range(len(word)):
                for size in (2, 1):
                    slug = self._short.get(word[i : i + size])
                    start = word_start + i
                    if slug is None or any(a < start + size and start < b for a, b in covered):
                        continue
                    before, rest = word[i - 1 : i], word[i + size :]
                    if before and _HAN_RUN.match(before) and before not in _SHORT_NAME_JOINS:
                        continue
                    if size == 1 and rest and _HAN_RUN.match(rest) and not rest.startswith(_SHORT_NAME_FOLLOWERS):
                        continue
                    found.append((start, size, PlaceRef(slug)))
                    break
        return found

    def _han_typos(self, compact: str, covered: list[tuple[int, int]]) -> list[tuple[int, PlaceRef]]:
        """杭洲 -> 杭州: a two- or three-character Han window one character from a name, before a known word."""
        found: list[tuple[int, PlaceRef]] = []
        for match in _HAN_RUN.finditer(compact):
            run, base = match.group(), match.start()
            for size in (3, 2):
                for i in range(len(run) - size + 1):
                    start = base + i
                    taken = covered + [(p, p + size) for p, _ in found]
                    if any(a < start + size and start < b for a, b in taken):
                        continue
                    window, rest = run[i : i + size], compact[start + size :]
                    if window in _HAN_NOT_PLACES or run[i : i + size + 1] in _HAN_NOT_PLACES:
                        continue
                    if i > 0 and (run[i - 1 : i + size] in _HAN_NOT_PLACES or run[i - 1 : i + 1] in _HAN_NOT_PLACES):
                        continue  # 生成式 holds no 成都 slip, 苏宁的 no 宁波 one
                    if not rest.startswith(_HAN_FOLLOWERS):
                        continue
                    refs = {
                        ref
                        for j in range(size)
                        for key, ref in self._han_masked.get(window[:j] + "?" + window[j + 1 :], ())
                        if key != window
                    }
                    if len({r.place for r in refs}) == 1:
                        found.append((start, refs.pop()))
                    elif refs:
                        self._last_han_ambiguous = tuple(sorted(refs, key=lambda r: r.place))
        return found

    def _fuzzy(
        self, text: Normalized, covered: list[tuple[int, int]]
    ) -> tuple[list[PlaceMention], tuple[PlaceRef, ...]]:
        found: list[PlaceMention] = []
        ambiguous: tuple[PlaceRef, ...] = ()
        offset = 0
        for word in text.spaced.split(" "):
            start, offset = offset, offset + len(word)
            if any(a <= start < b or a < start + len(word) <= b for a, b in covered):
                continue
            head = _LATIN_HEAD.match(word) if _HAS_CJK.search(word) else None  # "guizou에서": Latin, then a particle
            candidates = self._candidates(head.group() if head else word)
            if not candidates:
                continue
            best = min(distance for distance, _, _ in candidates)
            top = [(ref, size) for distance, ref, size in candidates if distance == best]
            places = list(dict.fromkeys(ref for ref, _ in top))
            weak = _HAS_CJK.search(word) is not None and all(size <= 2 for _, size in top)
            if len({ref.place for ref in places}) > 1:
                ambiguous = tuple(places)
                self._weak_ambiguity = weak
            else:
                length = len(head.group()) if head else len(word) if word.isascii() else top[0][1]
                found.append(PlaceMention(places[0], start, fuzzy=True, length=length, weak=weak))
        return found, ambiguous

    def _word_candidates(self, word: str) -> tuple[tuple[int, PlaceRef, int], ...]:
        """The places one slip from a word, with their distance and length (memoised per word)."""
        found = self._hangul_candidates(word) if _HAS_CJK.search(word) else self._latin_candidates(word)
        return tuple(found)

    def _hangul_candidates(self, word: str) -> list[tuple[int, PlaceRef, int]]:
        if not is_hangul(word):
            return []
        variants = particle_variants(word)
        if any(form in _NOT_PLACES for form in variants):
            return []
        forms = set(variants)
        for size in self._hangul_sizes:  # a name glued to what follows: 우항모델쿠폰
            if len(word) > size and self._is_vocabulary(word[size:]):
                forms.add(word[:size])
        out = []
        for form in forms:
            if form in _NOT_PLACES or len(form) < 2:
                continue
            for alias, ref in self._hangul_by_initial.get(soft(jamo(form)[0]), ()):
                if abs(len(alias) - len(form)) > 1:
                    continue
                limit = 1 if len(alias) <= 3 else 2
                if 0 < jamo_distance(form, alias) <= limit:
                    out.append((typo_score(form, alias), ref, len(alias)))
            for alias, ref in self._hangul_by_ear.get(by_ear(form), ()):  # only near letters differ: 쎈쩐 is 선전
                if alias != form and jamo_distance(form, alias) > (1 if len(alias) <= 3 else 2):
                    out.append((typo_score(form, alias), ref, len(alias)))
        return out

    def _latin_candidates(self, word: str) -> list[tuple[int, PlaceRef, int]]:
        if len(word) < 4 or not word.isalpha() or not word.isascii() or word in _LATIN_NOT_PLACES:
            return []
        out = []
        for size in range(len(word) - 2, len(word) + 3):  # names within two letters of the word's length
            for alias, ref in self._latin_by_length.get(size, ()):
                distance = int(OSA.distance(word, alias))  # a swapped pair (qingdoa) is one slip
                if alias[0] != word[0] and not (distance == 1 and len(alias) >= 7):
                    continue  # "running" is not "nanning"; "zangzhou" may be "hangzhou"
                limit = 1 if len(alias) <= 7 else 2
                if 0 < distance <= limit:
                    out.append((distance, ref, len(alias)))
        return out

    def _is_tail(self, rest: str, depth: int = 0) -> bool:
        """What may follow a short name in its word: nothing, a number or Latin, a known word, or particles."""
        if not rest or not is_hangul(rest[0]) or self._vocabulary_re.match(rest) or self._cjk_re.match(rest):
            return True
        if depth > 2:
            return False
        return any(rest.startswith(p) and self._is_tail(rest[len(p) :], depth + 1) for p in _NAME_PARTICLES)

    def _is_vocabulary(self, rest: str) -> bool:
        rest = particle_variants(rest)[-1] if rest else rest
        return not rest or self._vocabulary_re.match(rest) is not None


# Endings after which a glued word starts a new phrase, so a short name may follow ("…인데샤먼데이터바우처").
_JOINS = tuple("말고 아니고 인데 는데 이고 하고 으로 이랑 에서 이면 쓰면 하면 라서 니까".split())
_LATIN_HEAD = re.compile(r"[a-z]{4,}(?=[\uac00-\ud7a3])")


def _words(text: Normalized) -> list[tuple[int, str]]:
    """Each word of the spaced text with its offset in the compact text."""
    out, offset = [], 0
    for word in text.spaced.split(" "):
        out.append((offset, word))
        offset += len(word)
    return out


def _set_against(compact: str, city: PlaceMention, mentions: list[PlaceMention]) -> bool:
    """The city named against one of its districts ("Beijing city vs E-Town", "징카이구 말고 베이징시 전체"): both
    stand."""
    for other in mentions:
        if other.ref.place != city.ref.place or other.ref.district is None:
            continue
        first, second = sorted((city, other), key=lambda m: m.position)
        gap = compact[first.position + first.length : second.position]
        between = any(first.position < m.position < second.position for m in mentions)  # "베이징 스징산 vs 징카이구"
        if len(gap) <= 10 and not between and any(word in gap for word in _AGAINST):
            return True
        after = compact[other.position + other.length : other.position + other.length + 4]
        ruled_out = after.startswith(NEGATION_AFTER) or compact[: other.position].endswith(NEGATION_BEFORE)
        if ruled_out and len(gap) > 1:  # not "북경 징카이구 말고": the city there only says where the district is
            return True  # "Beijing city vouchers (not E-Town)", "베이징시 산력권, 징카이구 말고요": the city is asked
    return False


_AGAINST = ("vs", "versus", "말고", "아니고", "대신", "不是", "而不是", "还是", "아니면", "compared", "比")


def _dedupe(mentions: list[PlaceMention], compact: str = "") -> tuple[PlaceMention, ...]:
    """One mention per place, in text order (its exact one if a typo came first); a district replaces its city,
    unless the city is set against it."""
    ordered = sorted(mentions, key=lambda m: m.position)
    cities = {m.ref.place: m.position + m.length for m in ordered if m.ref.district is None}
    districts = {  # a weak slip (무상 ~ 우창) keeps its city (우한), unless it follows the city's name (광저우 텐허)
        m.ref.place
        for m in ordered
        if m.ref.district and (not m.weak or 0 <= m.position - cities.get(m.ref.place, -9) <= 1)
    }
    chosen: dict[PlaceRef, PlaceMention] = {}
    for mention in ordered:
        in_district = mention.ref.district is None and mention.ref.place in districts
        if in_district and not _set_against(compact, mention, ordered):
            continue
        kept = chosen.get(mention.ref)
        if kept is None or (kept.fuzzy and not mention.fuzzy):  # "싱하이 아니 상하이": the exact name stands
            chosen[mention.ref] = mention
    return tuple(sorted(chosen.values(), key=lambda m: m.position))
