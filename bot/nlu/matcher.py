"""Understand a free question: build its frame (a :class:`Query`) and decide its act by scoring.

Commands never reach this module (the dispatcher parses them). Steps:

1. Normalize; find places (bot/nlu/places.py), the places a negation rules out (bot/nlu/roles.py),
   places we know but do not cover (bot/nlu/outside.py), program types and amounts (bot/nlu/slots.py),
   the aspect, second parts and traits (bot/nlu/aspects.py), the amount's role, and cue groups
   (bot/nlu/keywords.py).
2. Score every act. Each signal adds evidence; the act with the highest score wins when it reaches
   ``ACCEPT`` and leads the next by ``GAP``. Otherwise similarity to the registry's example phrasings
   (rapidfuzz) decides, with the same gap, or the bot says "did you mean" and quotes no number.
3. A follow-up ("그럼 베이징은?", "500만이면?") continues the previous turn only when it carries a
   follow-up marker, or has no act of its own and is not a complete question.

The decision table (points per signal; ``_scores`` is the same in code):

| signal                                  | points                                                          |
|-----------------------------------------|-----------------------------------------------------------------|
| a word of another domain (전기차, 签证)   | unknown +9, not in an announcement or a conversion of an amount; Korea's own programs count (한국 R&D 바우처) |
| starts with 공지/announce/公告, or "…发个通知：<notice>" | announce +8                                                     |
| a sum in yuan and in won, no place or type | fx +7 (the conversion is checked: "5000만 위안이 90억원 맞아요?") |
| announce / unsubscribe / subscribe cue  | announce +6, unsubscribe +7, subscribe +6 (−7 beside unsubscribe, −4 beside announce) |
| help cue                                | help +5, −3 with a place, −3 with a type                        |
| list-of-cities cue                      | list_cities +6 (−4 with two places); with a strong type: compare +5; nothing with one place and a type |
| computing-center phrase / bare 센터      | computing_center +8 / +3 (the bare word −2 with a type, −2 with "apply", +3 when its operator is asked); the phrase −5 when a program is asked of it (another type, an amount, a named program, a voucher's conditions), +2 when a center is named by its own name |
| target cue                              | compute_target +8 (+2 with no place), −5 when a minimum is asked ("最低要达到多少") or a type's conditions ("does a 50 PFLOPS center count?") |
| capacity figure ("5.4万P"), no target or center cue, no voucher word, no amount | compute_target +8 (+2 with no place) |
| currency cue                            | fx +5 without place or type, else +1 (then it is a second part); −3 beside a help cue |
| two or more places asked                | compare +6                                                      |
| strong compare cue                      | compare +5 without a place, +1 with one, +4 with more           |
| weak compare cue (제일, most)            | compare +5 without a place, with a type or an amount            |
| one place and an amount to spend        | subsidy_calc +6; a spend held against the minimum, no "how much": subsidy_calc −6, program_info +4 |
| no place, an amount to spend, type/calc | subsidy_calc +4                                                 |
| an amount to check, or the award asked  | subsidy_calc −6; program_info +3 with a place or a type         |
| one place and a type                    | program_info +5, +1.5 with an aspect and no spend               |
| a type, no place, short or with a cue   | program_info +4                                                 |
| one place, no type, no amount           | city_overview +4 with a topic cue or little else, +2 with an aspect; program_info +3 (and no +4) when its status or clause is asked, or any other aspect with a policy word, and no list word (뭐 있어, 有哪些, overview) |
| no place, type or amount; a topic cue   | city_overview +3 (a place we do not cover: the answer asks which) |
| one place, "overall" (整体情况, 전반적으로) | city_overview +7 without an amount or an aspect                   |
| one place, its policy listed with several kinds (政策有哪些？算力券、场景…) | city_overview +7 without an amount or an aspect |

The winner needs ``ACCEPT`` (3) points and a lead of ``GAP`` (1) over the next act.
"""

from __future__ import annotations

import itertools
import re
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from decimal import Decimal

from rapidfuzz import fuzz, process

from bot.domain.dataset import Dataset
from bot.domain.errors import Problem
from bot.domain.gazetteer import PlaceRef
from bot.domain.money import Money
from bot.domain.schema import ProgramType
from bot.nlu import intents as I
from bot.nlu.aspects import asked_aspect, find_parts, find_traits, share_after_pool, text_in_doubt
from bot.nlu.center_names import CenterNames
from bot.nlu.concepts import (
    APPLYING,
    ASPECTS,
    CAP_WORD,
    CAP_WORDS,
    CONFIRM_MARKERS,
    CORRECTION,
    ELIGIBILITY,
    FX_PART_FORMS,
    FX_RATE_NAMED,
    HOW_MUCH,
    KINDS_ASKED,
    KOREA,
    KOREA_NOT_PLACE,
    LEAVE_ALONE,
    LIST_JOINERS,
    LISTING,
    NEGATION_AFTER,
    OFF_TOPIC,
    OVERALL,
    PART_FORMS,
    PROGRAM_NOUNS,
    PUBLICATIONS,
    VOUCHER_WORDS,
)
from bot.nlu.concepts import vocabulary as concept_vocabulary
from bot.nlu.context import Turn
from bot.nlu.forms import first_form, form_at, forms_of, has_any, has_whole, word_starts
from bot.nlu.in_the_data import (
    aspect_in_the_data,
    draft_type,
    figure_in_the_data,
    has_a_floor,
    kind_holding,
    kind_of_year,
    main_type,
    only_type,
)
from bot.nlu.keywords import ANNOUNCE_PREFIXES, CUES, TYPO_WORDS, announce_requested, announcement_body, cues
from bot.nlu.known_places import place_key
from bot.nlu.normalize import Normalized, normalize, particle_variants
from bot.nlu.outside import OutsideFinder
from bot.nlu.own_names import OwnNames
from bot.nlu.places import PlaceFinder, PlaceFindings, PlaceMention
from bot.nlu.program_names import ProgramNames
from bot.nlu.query import Outside, Query
from bot.nlu.roles import (
    CHECK,
    SPEND,
    SUBJECT,
    amount_role,
    background_mentions,
    background_name,
    corrected_before,
    excluded_mentions,
    quoted,
    settle,
    yardstick_mentions,
)
from bot.nlu.slots import Slots, every_amount, extract, find_factor, type_vocabulary, year_of_months
from bot.nlu.typos import TypoCorrector

COUNTRY = "china"
FOLLOWABLE = frozenset({I.PROGRAM_INFO, I.SUBSIDY_CALC, I.CITY_OVERVIEW, I.COMPUTE_TARGET, I.COMPUTING_CENTER})
DOMAIN_CUES = frozenset(
    {"topic", "calc", "compare_strong", "compare_weak", "fx", "compute_target", "computing_center", "list_cities"}
)
ACT_CUES = frozenset(
    {"announce", "unsubscribe", "subscribe", "help", "list_cities", "computing_center", "compute_target", "fx",
     "compare_strong"}
)  # fmt: skip
PLACE_ACTS = frozenset({"compute_target", "computing_center"})
FOLLOW_STARTS = (
    *("and ", "also ", "what about", "how about", "same for", "ok and", "okay and", "so what about", "그럼", "그러면"),
    "那",
)
COMPARE_CUES = frozenset({"compare_strong", "compare_weak", "add", "list_cities"})
ACCEPT = 3.0
GAP = 1.0
SIMILARITY_ACCEPT = 82.0
SIMILARITY_SUGGEST = 55.0
AMBIGUITY_GAP = 6.0
_EXAMPLE_PLACEHOLDER = re.compile(r"\{(place|ptype|amount)\}")


@dataclass(frozen=True)
class Match:
    query: Query
    method: str  # rule, followup, similarity, fallback
    confidence: float
    suggestions: tuple[str, ...] = ()  # intents the user may have meant
    money_problem: Problem | None = None


@dataclass(frozen=True)
class Signals:
    """What the scoring reads from a message."""

    present: frozenset[str]
    places: int  # places asked about (a typo between two counts as one)
    has_type: bool
    other_type: bool  # a type besides compute (the 컴퓨팅 of 컴퓨팅센터 is part of the phrase)
    strong_type: bool
    has_amount: bool
    role: str | None
    aspect: str | None
    announce_prefix: bool
    mostly_place: bool
    off_topic: bool  # a word of another domain (전기차 보조금, 스타벅스 쿠폰, 매출 목표)
    compute_word: bool  # 산력, 컴퓨팅, compute, 算力 … (a target or a center is about compute)
    short: bool  # at most 12 characters without spaces
    brief: bool  # at most four words
    words: int
    building: bool  # a construction subsidy: the center is what would be built ("데이터센터 건설 보조금")
    won_part: bool  # "원화로는?", "in won pls" (not "환율 얼마?", which asks the rate itself)
    correction: bool  # "sorry, I meant …", "아니 …", "我是说 …"
    traits: bool  # the asker says what the firm is
    provider: bool  # the firm runs compute itself ("고객사가 데이터센터 돌림"): a center it names is its own
    named: bool  # a program named by its title ("Chengdu one-time award for green data centers")
    center_named: bool  # a computing center named by its own name (华南数谷, China Mobile's in Karamay)
    confirm: bool  # a word asking whether something is right ("진짜?", "출처는?", "is that right?")
    covered_place: bool  # one of the places asked is ours (not China as a whole, not a place we do not cover)
    voucher_word: bool  # a voucher named as such (산력권, 券, voucher), not only a word like GPU
    starts_follow: bool  # "and …", "also …"
    overall: bool  # "整体情况", "전반적으로", "overall": the place as a whole, whatever program words it holds
    how_much: bool  # "얼마", "多少", "how much": what a sum gets is asked
    year: bool  # a year named ("2025년판", "2023年那个")
    operator: bool  # "who operates", "운영사", "谁运营": of a center, its operator
    listing: bool  # "뭐 있어", "有哪些", "overview": what a place has, as a list
    kinds: int  # how many program kinds are named
    target_aside: bool  # "목표 말고 쿠폰 얘기는", "목표치만 있소?": the target set aside, a voucher asked
    converted: bool  # a sum in yuan beside the same in won ("5000만 위안이 90억원 맞아요?")
    policy_named: bool  # 政策, 정책, policy, 措施: the place's policy as such
    anything_else: bool  # "还有别的吗", "anything else?": what else the place has
    center_only: bool  # "or just the centre?", "센터만 있는 거야?": whether a place has more than its center
    voucher_named: bool  # "쿠폰", "券", "voucher" written, of whatever kind (voucher_word: of a kind named)
    listed_asked: bool  # "도시 목록", "list the cities", "몇 개 도시": the list of places itself asked
    percent: bool  # a percentage written ("30%", "八成"): talk of a program's rate
    beyond: bool  # "anything beyond that voucher fund?", "산력권 말고 다른 것도": what else, one program set aside
    applying: bool  # "신청", "申报", "apply", "round", a cap: applying for support, or its cap, is spoken of
    type_worded: bool  # a program type named by its own words (not read from a title or the asker's traits)


class IntentMatcher:
    """``examples``: per intent, phrasings with {place}, {ptype} and {amount} placeholders (the registry's)."""

    def __init__(self, dataset: Dataset, examples: Mapping[str, Sequence[str]]) -> None:
        self.outside = OutsideFinder(dataset)
        self._parent = {slug: place.parent for slug, place in dataset.places.items() if place.parent}
        self._vouchers = _voucher_kinds(dataset)
        self._dataset = dataset
        self._types_at = {slug: frozenset(p.type for p in place.programs) for slug, place in dataset.places.items()}
        self.program_names = ProgramNames(dataset)
        self.center_names = CenterNames(dataset)
        self.own_names = OwnNames(dataset)
        vocabulary = (*type_vocabulary(), *concept_vocabulary())  # what may follow a name glued to it (청두최대…)
        self._ours = frozenset(place_key(w) for w in vocabulary)  # our words are no county (Beian is 备案)
        self._ours_by_start: dict[str, list[str]] = defaultdict(list)
        for word in self._ours:
            if len(word) > 2:
                self._ours_by_start[word[:2]].append(word)
        self.places = PlaceFinder(dataset, vocabulary, self.outside.covered_names())
        typo_words = [*TYPO_WORDS, *vocabulary, *(p for ps in CUES.values() for p in ps)]
        self.typos = TypoCorrector(typo_words, protected=(*self.places.names(), *LEAVE_ALONE))
        self._examples: list[str] = []
        self._example_intents: list[str] = []
        for intent, phrases in examples.items():
            for phrase in phrases:
                self._examples.append(normalize(_EXAMPLE_PLACEHOLDER.sub(r"\1", phrase)).spaced)
                self._example_intents.append(intent)

    def _our_word(self, name: str, norm: Normalized) -> bool:
        """The name is one of our words, or begins one that the message has (징구 in 징구의견고, 征求意见稿)."""
        key = place_key(name)
        if key in self._ours:
            return True
        at = norm.compact.find(key)
        return at >= 0 and any(norm.compact.startswith(word, at) for word in self._ours_by_start.get(key[:2], ()))

    def _slip_of(self, name: str, places: set[str]) -> bool:
        """The name is one slip from the name of a place the message also names exactly (싱하이, then 상하이)."""
        if not places:
            return False
        return any(m.fuzzy and m.ref.place in places for m in self.places.find(normalize(name)).mentions)

    @staticmethod
    def _slip_of_ours(outside: Outside, found: PlaceFindings, norm: Normalized) -> bool:
        """A county-level name in Latin letters where a covered place's name, one slip away, is read: the place we
        cover is meant (few ask about 沁阳 by its pinyin)."""
        if outside.kind != "county" or not outside.name.isascii():
            return False
        at = norm.compact.find(outside.name.replace(" ", "").lower())
        return any(m.fuzzy and m.position == at for m in found.mentions)

    def match(self, text: str, previous: Turn | None = None) -> Match:
        norm = normalize(text)
        found = self.places.find(_without_publications(norm))
        corrected = self.typos.correct(norm)
        slots = extract(norm, corrected)
        type_worded = bool(slots.ptypes)
        last = previous.query.money if previous is not None else None
        factor = None
        if previous is not None and last is not None and slots.money is None:
            factor = find_factor(norm) or year_of_months(norm, previous.query.text)
        if last is not None and factor is not None:  # "두 배 쓰면?": the last amount, doubled
            scaled = last.amount * factor
            slots = replace(
                slots, money=Money(scaled.to_integral_value() if scaled % 1 == 0 else scaled, last.currency)
            )
        present = cues(corrected)
        if not (slots.ptypes or slots.money or slots.money_problem or present & DOMAIN_CUES):
            found = found.strong_only()  # "서호 입장료" is not about 서회 (Xuhui)
        if not present & COMPARE_CUES:
            found = found.exact_beside_typos(norm.compact)  # "주하이 … 안해도" is not also about 안후이
        outside = (
            tuple(  # 싱청 is 신청 mistyped, Beian (北安) is 备案 in pinyin, 징구 begins 징구의견고: ours, not places
                o
                for o in self.outside.find(text)
                if not self.typos.is_slip(o.name) and not self._our_word(o.name, norm)
            )
        )
        if outside and found.mentions:  # "Qinyang compute vouchers": a slip of Qingyang before a county in Henan
            outside = tuple(o for o in outside if not self._slip_of_ours(o, found, norm))
        if outside:
            found = found.exact_only()  # 정저우 is Zhengzhou, not a typo of 장저우
        excluded = excluded_mentions(norm.compact, found.mentions, word_starts(norm.spaced))
        homes: set[str] = set()
        if outside:
            within = {m.ref.place for m in found.mentions if m not in excluded}  # "郑州…？不是河南省那个": not its home
            homes = {home for o in outside if (home := self._province_of_a_city(o)) in within}
            homes = homes if has_any(norm, _CITY_ITSELF) else set()
            # ("Hefei's own voucher, separate from Anhui's?": the city is asked, its province says where it is)
            outside = tuple(o for o in outside if o.near is None or o.near.place not in within - homes)  # 上海黄浦区
            outside = tuple(o for o in outside if not self._slip_of(o.name, within))  # "싱하이 아니 상하이"
            outside = tuple(o for o in outside if not corrected_before(norm.compact, o.name, found.mentions))
        base = background_mentions(norm.compact, found.mentions)  # "상하이에 사무실을 둔 …": where the asker is
        if homes:
            base = (*base, *(m for m in found.mentions if m.ref.place in homes))
        asked = tuple(m.ref for m in found.mentions if m not in excluded and m not in base)
        if not asked and not (base and any(not background_name(norm.compact, o.name) for o in outside)):
            asked = tuple(m.ref for m in found.mentions if m not in excluded)  # where the asker is, else nothing asked
        # ("동관도 산력권 있어요? 선전 바로 옆이라": Dongguan is asked, Shenzhen only says where it is)
        center = self.center_names.named(norm)
        if center is not None and all(ref.place in (center.place, COUNTRY) for ref in asked):
            # "华南数谷在哪个城市", "수구 센터 1단계 규모": that center's place, its centers ("China Mobile" names no China)
            asked = tuple(ref for ref in asked if ref.place != COUNTRY) or (center,)
            present = present | {"computing_center"}
            outside = tuple(o for o in outside if o.kind != "province")  # "수구 센터 … 광동 어느 도시": where it is
        asked_places = {ref.place for ref in asked}
        outside = tuple(o for o in outside if not o.within & asked_places)  # "하북성 랑방": where Langfang lies
        national_only = all(ref.place == COUNTRY for ref in asked)  # "한국 과기부 GPU 지원사업이랑 중국 算力券 비교"
        korean_program = national_only and has_any(norm, KOREA) and not KOREA_NOT_PLACE.search(norm.compact)
        korean_program = korean_program and all(o.name.lower() in KOREA.table for o in outside)
        if korean_program and not outside:  # "한국 GPU 지원사업": Korea's own programs are another domain
            korea = form_at(norm.compact, KOREA, first_form(norm, KOREA))
            outside = (Outside(korea.title() if korea.isascii() else korea, "country"),)
        if asked and any(not background_name(norm.compact, o.name) for o in outside):
            yardsticks = {m.ref for m in yardstick_mentions(norm.compact, found.mentions)}
            asked = () if all(ref in yardsticks for ref in asked) else asked  # "Xi'an … like Chengdu's?": Xi'an
        if len(asked) > 1 and not present & COMPARE_CUES:  # "guizhou cap? someone said 2M like Qingyang": Guizhou
            yardsticks = {m.ref for m in yardstick_mentions(norm.compact, found.mentions, placed=False)}
            asked = tuple(ref for ref in asked if ref not in yardsticks) or asked
        abroad = any(o.abroad for o in outside)
        if abroad and asked and all(ref.place == COUNTRY for ref in asked):
            asked = ()  # "Does Berlin have GPU vouchers like China?": China is the yardstick, Berlin is asked
        if asked and outside:  # "our HQ is in Seoul, … in Shenzhen": where the asker sits is not a place asked
            outside = tuple(o for o in outside if not background_name(norm.compact, o.name))
        if asked and outside and KOREA_NOT_PLACE.search(norm.compact):  # "韩国那边的报道", "刚从韩国过来": who tells
            outside = tuple(o for o in outside if o.name.lower() not in KOREA.table)
        if present & {"compare_strong", "compare_weak"} and all(ref.place == COUNTRY for ref in asked):
            asked = ()  # "중국 지방정부별 AI 지원 예산 순위": China is where the places are ranked, not one of them
        if len(asked) > 1:  # "China Mobile's center in Karamay": the country is not a second place
            asked = tuple(ref for ref in asked if ref.place != COUNTRY) or asked
            # "복건성 안에서 샤먼이랑 장저우", "…무호 입니다, 안휘성 무호": the province is where the cities are
            asked = self._without_enclosing_province(asked, found.mentions, norm.compact)
        if self._city_and_its_province(asked) and not present & COMPARE_CUES and not _side_by_side(norm, found):
            asked = asked[:1]  # "Fuzhou's own voucher, apart from Fujian's?": the first is asked, the other says where
        whose = has_any(norm, SAME_WORDING) and has_any(norm, _WHOSE_POLICY)  # "문구가 똑같다던데 어느 쪽 정책이야?"
        yardstick = len(asked) >= 2 and has_any(norm, SAME_WORDING) and (not present & COMPARE_CUES or whose)
        if yardstick and not _named_together(norm.compact, found.mentions[:2]) and not has_any(norm, _BOTH_SIDES):
            asked = asked[
                :1
            ]  # "징카이구 일회성 지원금 문구가 선전 초안이랑 똑같다던데", "칭양 상한이 베이징 구이저우랑 같다던데"
        if not asked and not outside and not found.ambiguous:
            own = self.own_names.place_named(norm.compact)  # "训力券初创企业60%…": Shenzhen's own voucher
            asked = (own,) if own is not None else asked
        if len(asked) == 1 and len(slots.ptypes) > 1 and not has_any(norm, VOUCHER_WORDS):
            here = slots.ptypes & self._types_at.get(asked[0].place, frozenset())  # "上海自建算力10%": no voucher
            if here >= _BUILT_OR_USED and has_any(norm, _SELF_BUILT):
                here = here - {ProgramType.COMPUTE_VOUCHER}
            slots = replace(slots, ptypes=here) if here and slots.ptypes >= _BUILT_OR_USED else slots
        if len(asked) == 1 and len(slots.ptypes) == 1:  # "苏州买语料补贴比例多少": Suzhou's data voucher buys corpora
            (kind,) = slots.ptypes
            kinds_here = self._types_at.get(asked[0].place, frozenset())
            kin = [k for k in _DATA_KIN.get(kind, ()) if k in kinds_here]
            named_voucher = has_any(norm, VOUCHER_WORDS)  # "Does Suzhou have a corpus voucher?" asks that one
            if kind not in kinds_here and kin and not named_voucher:
                slots = replace(slots, ptypes=frozenset({kin[0]}))
        named = None
        if len(asked) == 1:  # "南京揭榜项目", "Haizhu model optimization subsidy", "上海自建自主算力"
            overview = "topic" in present or "followup" in present
            typed_here = bool(slots.ptypes & self._types_at.get(asked[0].place, frozenset()))  # 算力: the voucher
            named = self.program_names.named(asked[0].place, corrected.spaced, typed_here, overview)
            vouchers = slots.strong_types and all(p.value.endswith("_voucher") for p in slots.ptypes)
            if named is not None and named.ptype not in slots.ptypes and vouchers and has_any(norm, VOUCHER_WORDS):
                named = None  # "《深圳市…若干措施》 训力券": the policy's title, then the voucher asked of it
            on_top = named is not None and typed_here and slots.strong_types and has_any(norm, _ON_TOP)
            if named is not None:  # "…데이터셋 보상 300만에 국가급 선정되면 50만 추가": the reward and the bonus on top
                kept = slots.ptypes & self._types_at.get(asked[0].place, frozenset()) if on_top else frozenset()
                slots = replace(slots, ptypes=kept | {named.ptype}, strong_types=True)
        if not slots.ptypes and asked and has_any(norm, VOUCHER_WORDS) and not has_any(norm, KINDS_ASKED):
            # "Nanning vouchers", "上海的券最高多少": the place's kinds; of several places, the kind they all hold
            # ("무한 무석 경양 중에 쿠폰 제일 많이 주는 곳")
            held = [self._vouchers.get(ref.place, frozenset()) for ref in asked]
            kinds = held[0] if len(held) == 1 else frozenset.intersection(*held)
            if kinds and (len(held) == 1 or len(kinds) == 1):
                slots = replace(slots, ptypes=kinds)
            elif not any(held) and (
                asked_aspect(corrected) in _FIGURES_OF_A_VOUCHER or self._national_voucher(asked, corrected)
            ):  # the national "AI vouchers" (NDRC) too: a voucher of the country, asked as the compute voucher
                # "푸저우는 쿠폰 숫자 나온 거 있어?": a figure of a voucher the place does not hold: the common one
                slots = replace(slots, ptypes=frozenset({ProgramType.COMPUTE_VOUCHER}))
        aspect = "clause" if slots.wants_clause and not text_in_doubt(corrected) else asked_aspect(corrected)
        asked_of = aspect is not None or (
            slots.money is not None and "calc" not in present
        )  # "톈진 1년에 2000만 맞나요?"
        its_one = _its_one(norm.compact, found.mentions)  # "천진 거 2026년까지만이에요?", "天津那个到什么时候"
        of_its_text = "topic" not in present and (  # "Wuxi, who is the issuing authority?", "Nanning deadline?"
            aspect in _FACTS_OF_A_TEXT or (aspect == "window" and has_any(norm, PART_FORMS["window"]))
        )
        of_a_program = its_one or of_its_text or self._of_a_program(norm, slots, present)
        if not slots.ptypes and len(asked) == 1 and asked_of and of_a_program:
            only = only_type(self._dataset, asked[0])  # "항저우 중소기업은 몇 %까지?": its one kind of program
            if only is not None:
                slots = replace(slots, ptypes=frozenset({only}))
        if not slots.ptypes and len(asked) == 1 and (slots.money is not None or "%" in norm.compact):
            rates = tuple(Decimal(r) / 100 for r in _PERCENT.findall(norm.compact))
            holding = kind_holding(self._dataset, asked[0], slots.money, rates)  # "Langfang caps it at 1M per unit"
            if holding is not None:
                slots = replace(slots, ptypes=frozenset({holding}))
        if not slots.ptypes and len(asked) == 1 and aspect == "status" and "topic" not in present:
            draft = draft_type(self._dataset, asked[0])  # "스징산 그거 아직 초안임?": its draft, whatever its kind
            if draft is not None:
                slots = replace(slots, ptypes=frozenset({draft}))
        if not slots.ptypes and len(asked) == 1 and slots.year is not None and (aspect is not None or its_one):
            of_year = kind_of_year(self._dataset, asked[0], slots.year)  # "Qingdao 2024 round deadline?": that round's
            if of_year is not None:
                slots = replace(slots, ptypes=frozenset({of_year}))
        has_amount = slots.money is not None or slots.money_problem is not None
        role = (
            amount_role(norm, slots.amount_span, "calc" in present, aspect, slots.spend_picked) if has_amount else None
        )
        if factor is not None:
            role = SPEND  # the last amount, scaled: money to compute on
        elif role == SPEND and len(asked) == 1 and slots.money is not None and slots.amount_span is not None:
            figure = figure_in_the_data(self._dataset, asked[0], slots.ptypes, slots.money)
            requoted = quoted(norm, slots.amount_span, figure) if figure is not None else None
            if requoted is not None:  # "톈진 산력권 연 2000만이면 한 회사당은 얼마나 받아요?": Tianjin's pool, quoted
                role, aspect = requoted[0], requoted[1] or aspect
        role, aspect = settle(text, norm, corrected, slots, role, aspect)
        # "厦门一年算力支出3万能申请吗": a spend held against the program's floor, not computed
        may_we = has_any(corrected, ELIGIBILITY) and not has_any(corrected, HOW_MUCH)
        floor = may_we and len(asked) == 1 and has_a_floor(self._dataset, asked[0], slots.ptypes)
        if role == SPEND and aspect in (None, "conditions") and floor:
            aspect = "minimum"
        if aspect == "budget" and share_after_pool(corrected):
            aspect = "amount"  # the pool's figure keeps its role; what is asked is a firm's share of it
        query = Query(
            intent=I.UNKNOWN,
            place=asked[0] if asked else None,
            places=asked,
            ptypes=slots.ptypes,
            money=slots.money,
            year=slots.year,
            wants_clause=slots.wants_clause,
            ambiguous=found.ambiguous,
            text=text,
            aspect=aspect,
            amount_role=role,
            traits=find_traits(corrected),
            excluded=tuple(m.ref for m in excluded),
            outside=outside,
            program=named.program if named is not None else None,
        )
        signals = Signals(
            present=present,
            places=len(asked) + (1 if found.ambiguous else 0) + len(outside),
            has_type=bool(slots.ptypes),
            other_type=bool(slots.ptypes - {ProgramType.COMPUTE_VOUCHER}),
            strong_type=slots.strong_types,
            has_amount=has_amount,
            role=role,
            aspect=aspect,
            announce_prefix=norm.spaced.startswith(ANNOUNCE_PREFIXES) or announce_requested(text),
            mostly_place=bool(asked) and _mostly_place(norm, found),
            off_topic=korean_program
            or has_whole(norm, OFF_TOPIC)
            or (corrected is not norm and has_whole(corrected, OFF_TOPIC)),
            compute_word=ProgramType.COMPUTE_VOUCHER in slots.ptypes,
            short=len(norm.compact) <= 12,
            brief=len(norm.spaced.split()) <= 4 and len(norm.compact) <= 20,
            words=len(norm.spaced.split()),
            building=ProgramType.CONSTRUCTION_SUBSIDY in slots.ptypes,
            won_part=has_any(corrected, FX_PART_FORMS) and not has_any(corrected, FX_RATE_NAMED),
            correction=has_any(norm, CORRECTION) or has_any(norm, NEGATION_AFTER),
            traits=bool(query.traits),
            provider="compute_provider" in query.traits,
            named=query.program is not None,
            center_named=center is not None,
            confirm=has_any(norm, CONFIRM_MARKERS),
            covered_place=any(ref.place != COUNTRY for ref in asked),
            voucher_word=slots.strong_types and has_any(norm, VOUCHER_WORDS),
            starts_follow=norm.spaced.startswith(FOLLOW_STARTS),
            overall=has_any(norm, OVERALL),
            how_much=has_any(norm, HOW_MUCH),
            year=slots.year is not None,
            operator=has_any(norm, _OPERATOR),
            listing=has_any(norm, LISTING),
            type_worded=type_worded,
            kinds=len(slots.ptypes),
            target_aside=_TARGET_ASIDE.search(norm.compact) is not None,
            converted=_converted_figure_quoted(corrected),
            policy_named=has_any(norm, _POLICY_WORDS),
            anything_else=has_any(norm, _ANYTHING_ELSE),
            beyond=_BEYOND.search(norm.compact) is not None,
            percent=_PERCENT.search(norm.compact) is not None,
            listed_asked=has_any(norm, _LIST_ASKED),
            voucher_named=has_any(norm, VOUCHER_WORDS),
            center_only=has_any(norm, _CENTER_ONLY),
            applying=(has_any(norm, APPLYING) or has_any(norm, CAP_WORDS) or bool(CAP_WORD.search(norm.spaced)))
            and not has_whole(norm, OFF_TOPIC),
        )
        intent = _decide(_scores(signals))
        if previous is not None and _looks_like_followup(present, signals, previous.query):
            followed = _follow(query, intent, previous, present)
            if followed is not None:
                return Match(
                    self._finish(followed, corrected, present), "followup", 0.9, money_problem=slots.money_problem
                )
        if intent is not None:
            if previous is not None and _same_question_of_another(query, intent, signals, previous.query, present):
                query = replace(query, aspect=previous.query.aspect)  # "苏州的数据券呢" after "…上限多少": its cap too
            return Match(self._finish(query, corrected, present, intent), "rule", 1.0,
                         money_problem=slots.money_problem)  # fmt: skip
        return self._by_similarity(query, norm, found, slots, corrected, present)

    @staticmethod
    def _national_voucher(asked: tuple[PlaceRef, ...], norm: Normalized) -> bool:
        """The country's own voucher asked ("Is there a national AI voucher? NDRC said something"), not its policies
        listed ("국가 차원 AI 쿠폰 정책 뭐가 있어?") nor a fact of them asked."""
        if not asked or any(ref.place != COUNTRY for ref in asked) or asked_aspect(norm) is not None:
            return False
        if text_in_doubt(norm) or has_any(norm, ASPECTS["status"]) or has_any(norm, CONFIRM_MARKERS):
            return False  # "did the NDRC actually launch 'AI vouchers' or just say they will?": the status asked
        return not has_any(norm, _POLICY_WORDS) and not has_any(norm, KINDS_ASKED) and not has_any(norm, OVERALL)

    def _province_of_a_city(self, outside: Outside) -> str | None:
        """Of a prefecture we do not cover, its province when that is the nearest covered place (合肥: Anhui)."""
        near = outside.near
        if outside.kind != "prefecture" or near is None or self._dataset.places[near.place].kind != "province":
            return None
        return near.place

    def _city_and_its_province(self, asked: tuple[PlaceRef, ...]) -> bool:
        return len(asked) == 2 and bool({self._parent.get(ref.place) for ref in asked} & {ref.place for ref in asked})

    def _without_enclosing_province(
        self, asked: tuple[PlaceRef, ...], mentions: tuple[PlaceMention, ...], compact: str
    ) -> tuple[PlaceRef, ...]:
        """A province named beside two or more of its own cities, or right before one ("福建省厦门市", "…무호
        입니다, 안휘성 무호": wherever the city is named again), is where they are, not another place."""
        within: defaultdict[str, int] = defaultdict(int)
        for ref in asked:
            if (parent := self._parent.get(ref.place)) is not None:
                within[parent] += 1
        address = {
            m.ref.place
            for m in mentions
            for n in mentions
            if self._parent.get(n.ref.place) == m.ref.place
            and compact[m.position + m.length :].lstrip("성省").startswith(compact[n.position : n.position + n.length])
        }
        return tuple(
            ref for ref in asked if (within[ref.place] < 2 and ref.place not in address) or ref.district is not None
        )

    @staticmethod
    def _of_a_program(norm: Normalized, slots: Slots, present: frozenset[str]) -> bool:
        """An aspect asked with no kind named is asked of a program when a figure, a trait or a support word says so
        ("is it true Nanning's cap is 2M?", "we're an SME, what rate does Hangzhou give us?"), and the place's
        overview is not what is asked ("항저우에서 받을 수 있는 거 뭐 있어요?"); "杭州亚运会什么时候" asks nothing of ours."""
        if "topic" in present or has_any(norm, KINDS_ASKED) or has_any(norm, OFF_TOPIC):
            return False
        return slots.money is not None or bool(find_traits(norm)) or has_any(norm, PROGRAM_NOUNS)

    def _finish(self, query: Query, corrected: Normalized, present: frozenset[str], intent: str | None = None) -> Query:
        """The act, and what depends on it: an announcement's body, second questions."""
        intent = intent or query.intent
        if intent == I.ANNOUNCE:
            # the places in a notice are its content, not what is asked about
            return replace(query, intent=intent, args=announcement_body(query.text), place=None, places=())
        # "중국 … 봇이 커버하는 도시 목록", "베이징 상하이 … 이런 도시들 다 조회됨?": the list is the answer, with those
        # places in it, not one asked
        if intent == I.LIST_CITIES:
            query = replace(query, place=None, places=())
        # "1000만 위안 쓰면 청두 항주 선전 중 어디가 제일 많이 줘?", "심천이랑 항주 비교하면?": of no kind named, places
        # that all hold a compute voucher are compared on it
        compute = ProgramType.COMPUTE_VOUCHER
        held = all(compute in self._types_at.get(ref.place, frozenset()) for ref in query.places)
        if intent == I.COMPARE and not query.ptypes and len(query.places) > 1 and held:
            query = replace(query, ptypes=frozenset({compute}))
        asks_fx = "fx" in present and intent != I.FX
        parts = find_parts(corrected, query.aspect, asks_fx)
        if "fx" in query.parts and "fx" not in parts:  # "won?" after a question: that answer, in won
            parts = (*parts, "fx")
        if intent == I.PROGRAM_INFO and "fx" not in parts and _converted_figure_quoted(corrected):
            parts = (*parts, "fx")  # "…5000만 위안을 기사에선 90억원이라 했는데 환산 맞아요?": the conversion checked
        if intent == I.SUBSIDY_CALC and query.aspect in ("window", "conditions") and query.aspect not in parts:
            parts = (*parts, query.aspect)  # "12M investment. Grant, and deadline?": the sum, and its deadline too
        query = replace(query, intent=intent, parts=parts)
        if intent == I.PROGRAM_INFO and not query.ptypes and len(query.places) == 1:
            only = main_type(self._dataset, query.places[0])  # "푸톈구 AI 조치 유효기간?": its one kind, or its voucher
            query = query if only is None else replace(query, ptypes=frozenset({only}))
        aspect = aspect_in_the_data(self._dataset, query)
        return query if aspect == query.aspect else replace(query, aspect=aspect)

    def _by_similarity(
        self,
        query: Query,
        norm: Normalized,
        found: PlaceFindings,
        slots: Slots,
        corrected: Normalized,
        present: frozenset[str],
    ) -> Match:
        probe = _delexicalize(norm.spaced, found, slots)
        best: dict[str, float] = {}
        for _, score, index in process.extract(probe, self._examples, scorer=fuzz.QRatio, limit=12):
            intent = self._example_intents[index]
            best[intent] = max(best.get(intent, 0.0), float(score))
        ranked = sorted(best.items(), key=lambda kv: kv[1], reverse=True)
        if not ranked:
            return Match(query, "fallback", 0.0)
        top_intent, top = ranked[0]
        second = ranked[1][1] if len(ranked) > 1 else 0.0
        if top >= SIMILARITY_ACCEPT and top - second >= AMBIGUITY_GAP and _slots_fit(top_intent, query):
            chosen = self._finish(query, corrected, present, top_intent)
            return Match(chosen, "similarity", top / 100, money_problem=slots.money_problem)
        suggestions = tuple(intent for intent, score in ranked[:2] if score >= SIMILARITY_SUGGEST)
        return Match(query, "fallback", top / 100, suggestions=suggestions)


def _scores(s: Signals) -> dict[str, float]:
    """Evidence for each act; the table in the module docstring says the same in words."""
    cue = s.present
    score: defaultdict[str, float] = defaultdict(float)
    fx_asked = "fx" in cue and s.has_amount and not s.places  # "50만원이 위안으로 얼마죠? 학원비 계산하다가"
    asked_of_a_voucher = s.covered_place and s.voucher_word and s.aspect is not None  # "…고속철 … 닝보 산력권 마감?"
    asked_of_a_voucher = asked_of_a_voucher or (
        s.covered_place and s.other_type and s.strong_type and s.aspect is not None
    )
    asked_of_a_voucher = asked_of_a_voucher or (  # "칭양 30% … 부가세 포함이에요?", "杭州国产算力30%…用阿里云的算不算"
        s.covered_place and s.has_type and s.aspect is not None and s.percent
    )
    if s.off_topic and not (s.announce_prefix or "announce" in cue or fx_asked or asked_of_a_voucher):
        score[I.UNKNOWN] += 9
    if s.announce_prefix:
        score[I.ANNOUNCE] += 8
    if s.converted and not s.places and not s.has_type:
        score[I.FX] += 7  # "5000만 위안이 90억원 맞아요?": that conversion checked
    if "announce" in cue:
        score[I.ANNOUNCE] += 6
    if "unsubscribe" in cue:
        score[I.UNSUBSCRIBE] += 7
    if "subscribe" in cue:
        score[I.SUBSCRIBE] += (
            6 - (7 if "unsubscribe" in cue else 0) - (4 if "announce" in cue else 0)
        )  # "구독방에 공지"
    if "help" in cue:
        score[I.HELP] += 5 - 3 * (s.places > 0) - 3 * s.has_type
    if "list_cities" in cue and not (s.places == 1 and s.has_type):  # "톈진 쿠폰으로 … 커버돼?": that program
        if s.listed_asked:  # "산력권 커버하는 도시 리스트", "이거 어느 도시들 정보가 들어있어? 산동 안휘 이런데도 돼?"
            score[I.LIST_CITIES] += 12
        elif s.has_type and s.strong_type:
            score[I.COMPARE] += 5
        else:
            score[I.LIST_CITIES] += 6 - 4 * (s.places >= 2)
    if "computing_center" in cue:  # unless the center is where a program is asked about ("…센터 건설 보조 몇 %")
        asked_of_program = s.aspect is not None or (s.has_amount and s.role == SPEND) or s.building
        asked_of_program = asked_of_program or s.named or (s.strong_type and s.other_type)  # "센터 1:1 보상"
        # "…쿠폰은 어떤 컴퓨팅 센터를 써야 인정돼요", "河南算力券的供应方要100P以上的智算中心才行？": what a voucher needs
        of_a_voucher = (s.strong_type and s.aspect == "conditions") or (
            s.voucher_word and (s.aspect in ("minimum", "apply") or s.provider)
        )
        # "칭양 쿠폰 받으려면 칭양 데이터센터 클러스터 꼭 써야함?": where the voucher's compute must come from
        of_a_voucher = of_a_voucher or (s.voucher_named and s.has_type and s.aspect == "conditions")
        score[I.COMPUTING_CENTER] -= 8 * (s.voucher_named and s.center_only)  # "any vouchers, or just the centre?"
        score[I.COMPUTING_CENTER] += 2 * (s.center_named and not s.off_topic)  # "…차이나모바일 센터 목표 달성했대?"
        score[I.COMPUTING_CENTER] += 8 - 5 * (
            (s.other_type or s.has_amount or s.named or of_a_voucher) and asked_of_program
        )
    elif "center_weak" in cue and (s.places or s.compute_word):
        operator = s.operator and not s.voucher_word  # "Karamay center, who operates it": the center's operator
        score[I.COMPUTING_CENTER] += 3 - 2 * s.other_type - 2 * (s.aspect == "apply" and not operator) + 3 * operator
        score[I.PROGRAM_INFO] -= 2 * operator  # "Who operates the Karamay compute center?": no program asked
    if "compute_target" in cue:  # "매출 목표" is not a compute target, nor a spend a subsidy needs ("最低要达到多少")
        asked_of_program = s.aspect == "minimum" or (s.voucher_word and s.aspect == "conditions")  # "…50P count?"
        asked_of_program = asked_of_program or (s.voucher_word and s.target_aside)
        score[I.COMPUTE_TARGET] += (8 if s.places or s.compute_word else 2) - 5 * asked_of_program
    figure_alone = "compute_figure" in cue and not cue & {"compute_target", "computing_center", "center_weak"}
    if figure_alone and not s.voucher_word and not s.has_amount:
        score[I.COMPUTE_TARGET] += 8 if s.places else 2  # "呼和浩特总算力超过5.4万P系真嘅？": the place's capacity
    if "fx" in cue:
        beside_help = "help" in cue  # "환율 계산도 돼요? 뭐 할 수 있는지": what the bot can do
        score[I.FX] += (5 if not s.places and not s.has_type else 1) - 3 * beside_help
    if s.places >= 2:
        score[I.COMPARE] += 6
    if "compare_strong" in cue:  # "gpt-5 vs claude" compares no places and no programs
        asks_places = s.has_type or (s.has_amount and not fx_asked) or "compare_where" in cue or "list_cities" in cue
        score[I.COMPARE] += {0: 5 if asks_places else 2, 1: 1}.get(s.places, 4)
    if "compare_weak" in cue and not s.places and (s.has_type or s.has_amount):
        score[I.COMPARE] += 5
    spend = s.has_amount and s.role in (SPEND, None)
    if s.places == 1 and spend:
        score[I.SUBSIDY_CALC] += 6
    elif not s.places and spend and ("calc" in cue or s.has_type):
        score[I.SUBSIDY_CALC] += 4
    if spend and s.aspect == "minimum" and not s.how_much:  # "一年花5万以上就行？", "does 500k clear the threshold?"
        score[I.SUBSIDY_CALC] -= 6
        score[I.PROGRAM_INFO] += 4
    if s.has_amount and not spend:
        score[I.SUBSIDY_CALC] -= 6
        if s.places or s.has_type:
            score[I.PROGRAM_INFO] += 3
    if s.places == 1 and s.has_type:
        score[I.PROGRAM_INFO] += 5 + (1.5 if s.aspect and not spend else 0)
    elif not s.places and s.has_type and ("topic" in cue or "calc" in cue or s.short or s.aspect):
        score[I.PROGRAM_INFO] += 4
    if s.places == 1 and s.beyond and s.aspect in (None, "amount", "budget"):
        score[I.CITY_OVERVIEW] += 12  # "Wuxi: anything beyond the 50 million a year voucher fund?": the rest of it
    if s.places == 1 and s.overall and not s.has_amount and not s.aspect:
        score[I.CITY_OVERVIEW] += 7  # "呼和浩特绿色算力和人工智能相关政策，整体情况介绍下"
    if s.places == 1 and s.listing and s.kinds > 1 and s.policy_named and not s.has_amount and not s.aspect:
        score[I.CITY_OVERVIEW] += 7  # "武汉AI政策有哪些？算力券、场景、智算中心这些": its programs, as a list
    if s.places == 1 and s.listing and s.traits and not s.type_worded and not s.has_amount:
        score[I.CITY_OVERVIEW] += 9  # "1인 기업이면 우한에서 뭐 받을 수 있어?": all the place offers such a firm
    if s.places == 1 and not s.has_type and not s.has_amount and s.traits and s.aspect == "conditions":
        score[I.PROGRAM_INFO] += 3  # "나혼자하는회사인데 우한 opc 해당됨?": whether its programs take this firm
    policy_fact = (
        s.places == 1
        and not s.has_type
        and not s.has_amount
        and not s.listing
        and (
            s.aspect in POLICY_FACTS
            or (s.aspect in PROGRAM_FACTS and s.covered_place)
            or (s.aspect in POLICY_FACTS_NAMED and ("topic" in cue or s.applying))
        )
    )
    if policy_fact:
        score[I.PROGRAM_INFO] += 3  # "스징산 그거 아직 초안임?", "福田区AI政策有效期到什么时候": a fact of its programs
    if s.places == 1 and not s.has_type and not s.has_amount:
        if ("topic" in cue or s.mostly_place) and not policy_fact:
            score[I.CITY_OVERVIEW] += 4
        elif s.aspect:
            score[I.CITY_OVERVIEW] += 2
    if not s.places and not s.has_type and not s.has_amount and "topic" in cue:
        score[I.CITY_OVERVIEW] += 3  # a place we do not cover (부산, Hefei): the answer asks which place
    return score


POLICY_FACTS = frozenset({"status", "clause"})  # asked of a place's policy as a whole: a fact of its programs
# Asked of a place of ours, only a program has these ("xiamen minimum spend?", "우후요. 보조 비율?"); of China as a
# whole, a rate is as often a tax's ("중국 법인세 25% 맞나요").
PROGRAM_FACTS = frozenset({"minimum", "rate"})
# Any other aspect, when the policy is named ("福田区AI措施到啥时候", "푸톈구 AI 조치 금액 나온 거 있어요?")
POLICY_FACTS_NAMED = frozenset({"window", "apply", "conditions", "rate", "amount", "budget", "minimum"})
_OPERATOR = forms_of(
    "whooperates operator operatedby whoruns 누가운영 운영사가 운영사는 운영사어디 운영주체 운영은누가 谁运营 运营方是 运营商是 谁在运营"
)
# The same text or figure as another place's: that place is a yardstick, not a second place asked.
SAME_WORDING = forms_of(
    "똑같 같은수준 같다고 같다던 같다는 랑같 이랑같 과같 와같 토씨 베낀 베꼈 一模一样 一样 相同 照搬 抄的 identical "
    "sameas thesame copied wordinglooks wording"
)
_BOTH_SIDES = forms_of("둘이 둘다 두곳 차이 달라 다른점 区别 不同 两者 两个 both difference differ")


_ITS_ONE = ("거", "꺼", "那个", "的那个", "'sone")


def _its_one(compact: str, mentions: tuple[PlaceMention, ...]) -> bool:
    """A place followed by "its one" (천진 거, 天津那个): one of its programs is meant."""
    return any(compact.startswith(_ITS_ONE, m.position + m.length) for m in mentions)


def _side_by_side(norm: Normalized, found: PlaceFindings) -> bool:
    """Two places joined ("青岛和山东省") or a word that sets them against each other (区别, 뭐가 나아)."""
    return _named_together(norm.compact.replace("성", ""), found.mentions) or has_any(norm, _DIFFERENCE)


def _same_question_of_another(query: Query, intent: str, s: Signals, previous: Query, present: frozenset[str]) -> bool:
    """A place and a kind, nothing asked of them, said as a follow-up ("苏州的数据券呢", "不是北京，是深圳的模型券",
    "ok, Chengdu's model use subsidy too?"): the aspect just asked, asked of these."""
    if intent != I.PROGRAM_INFO or previous.intent != I.PROGRAM_INFO or previous.aspect is None:
        return False
    if query.aspect is not None or query.money is not None or not (query.places and query.ptypes):
        return False
    return "followup" in present or s.starts_follow or s.correction or (s.brief and s.words <= 6)


def _named_together(compact: str, mentions: tuple[PlaceMention, ...]) -> bool:
    """Two places joined by "and" ("河南和安徽", "庆阳跟贵州的", "징카이구랑 선전"): both are what is asked."""
    ordered = sorted(mentions, key=lambda m: m.position)
    return any(
        compact[first.position + first.length : second.position] in LIST_JOINERS.table
        for first, second in itertools.pairwise(ordered)
    )


_TARGET_ASIDE = re.compile(r"(?:목표치?|targets?|目标)(?:말고|만있|만나|만적|밖에|only|之外|以外|而已)")
_POLICY_WORDS = forms_of("政策 정책 policy policies 措施 조치 measures")
# Words that set two programs side by side ("青岛和山东省的有啥区别", "뭐가 나아"): a comparison, whatever the places.
_DIFFERENCE = forms_of(
    "뭐가달라 뭐가다른 뭐가다르 차이 区别 差别 不同 difference different differ 比一下 比较 비교 뭐가나아 어디가나아 哪个 더나아 더좋 "
    "更好 更高 higher better"
)
# A second award paid on top of the first ("国家级案例再加50万", "50만 추가", "bonus on top of the dataset reward").
_ON_TOP = forms_of("추가 더준다 더준 더받 再加 额外 另加 追加 ontop ontopof bonus extra additional addsontop")
# Corpus and data vouchers: a place that holds one and not the kind named pays for the other through it ("苏州买语料"
# asks Suzhou's data voucher).
_DATA_KIN: dict[ProgramType, tuple[ProgramType, ...]] = {
    ProgramType.CORPUS_VOUCHER: (ProgramType.DATA_VOUCHER,),
    ProgramType.DATA_VOUCHER: (ProgramType.CORPUS_VOUCHER,),
}
# Of a city we do not cover, beside its province: the city's own programs are asked, not the province's.
_CITY_ITSELF = forms_of(
    "itsown cityitself thecityitself cityown city'sown separatefrom apartfrom -specific specific citysown 시자체 따로 시본급 "
    "本级 单独 自己的 已经看过 看过了 봤고 봤는데 봤어 성도잖아 다른도시 othercities othercity"
)
# Asked of "a voucher" where a place holds none, these ask of the compute voucher (not "what is there").
_FIGURES_OF_A_VOUCHER = frozenset({"amount", "budget", "rate", "minimum", "window", "apply"})
# Compute named inside "self-built compute" (自建算力, 자체 컴퓨팅 구축): the kinds the place holds of the two.
_BUILT_OR_USED = frozenset({ProgramType.COMPUTE_VOUCHER, ProgramType.CONSTRUCTION_SUBSIDY})
_SELF_BUILT = forms_of(
    "자체컴퓨팅파워구축 자체컴퓨팅구축 자체산력구축 자체算力구축 自建算力 산력배치 算力部署 computedeployment 컴퓨팅배치"
)
# Beside the same wording in two places: which place's policy it is, not which is better.
_WHOSE_POLICY = forms_of(
    "어느쪽정책 어느쪽이진짜 어느쪽이맞 어느쪽거 어느쪽꺼 누구정책 whosepolicy whichonespolicy whoseisit 哪边的政策 算哪边 谁的政策 哪里的政策"
)
# Asked of a place that holds one kind of program, these are asked of its one text: who issued it, when, its status.
_FACTS_OF_A_TEXT = frozenset({"apply", "status", "clause"})
# Whether a place has anything beside its center ("any compute vouchers there, or just the China Mobile centre?").
_CENTER_ONLY = forms_of(
    "orjustthe orisitjustthe oristhatjustthe orjusta 센터만있 센터만 只有中心 只有一个中心 就一个中心"
)
# The list of places itself, beside the list cue: a list, not a ranking of where a kind is largest.
_LIST_ASKED = forms_of(
    "목록 리스트 列一下 列出来 列个 清单 도시몇개 도시가몇개 몇개도시 몇개지역 지역이몇개 多少个城市 有几个城市 一共几个城市 howmanycities "
    "howmanyplaces listthe listof inyourdataset yourdataset 다조회 조회됨 조회돼 조회되나 정보가들어 들어있는"
)
# A program set aside, then what else is asked: "anything beyond that voucher fund?", "besides the compute voucher
# fund, anything else", "산력권 말고 다른 것도", "除了算力券还有别的吗".
_BEYOND = re.compile(
    r"(?:anything|something)(?:beyond|besides|apartfrom|otherthan)"
    r"|(?:besides|beyond|apartfrom|otherthan|외에|除了|之外|以外)"
    r".{0,30}?(?:anything|anyelse|whatelse|else|다른|또뭐|뭐가또|别的|其他|还有啥|还有什么)"
)
# After a question about one program, "anything else?" asks what else the place has.
_ANYTHING_ELSE = forms_of(
    "还有别的吗 还有其他的吗 还有啥 别的呢 其他呢 다른거는 다른건 또뭐있 다른것도 anythingelse whatelse others anymore"
)
_THAT_ONE = ("그거 ", "그건 ", "那个", "这个", "that one", "is that ")
_PERCENT = re.compile(r"(\d{1,3}(?:\.\d+)?)%")


def _without_publications(text: Normalized) -> Normalized:
    """``text`` with the names of publications blanked out (same length, so offsets hold): 상하이방 is no 상하이."""
    spaced = text.spaced
    for name in PUBLICATIONS:
        if name in spaced:
            spaced = spaced.replace(name, "".join(" " if ch == " " else "·" for ch in name))
    if spaced == text.spaced:
        return text
    return Normalized(text.original, spaced, spaced.replace(" ", ""))


def _voucher_kinds(dataset: Dataset) -> dict[str, frozenset[ProgramType]]:
    """The kinds of voucher each place's programs hold: "the vouchers" there are those."""
    out = {}
    for slug, place in dataset.places.items():
        kinds = frozenset(p.type for p in place.programs if p.type.value.endswith("_voucher"))
        if kinds:
            out[slug] = kinds
    return out


def _converted_figure_quoted(text: Normalized) -> bool:
    """A sum in yuan and the same said in won ("연 5000만 위안이 90억원이라는데 맞아?"): the conversion is asked too."""
    currencies = {money.currency.value for money, _ in every_amount(text) if isinstance(money, Money)}
    return {"CNY", "KRW"} <= currencies


def _decide(score: Mapping[str, float]) -> str | None:
    ranked = sorted(score.items(), key=lambda kv: kv[1], reverse=True)
    if not ranked or ranked[0][1] < ACCEPT:
        return None
    if len(ranked) > 1 and ranked[0][1] - ranked[1][1] < GAP:
        return None
    return ranked[0][0]


def _mostly_place(norm: Normalized, found: PlaceFindings) -> bool:
    """The message is little more than place names, with particles or 'AI' (상해는?, wuhan ai, 武汉呢)."""
    rest = norm.compact
    for mention in sorted(found.mentions, key=lambda m: m.position, reverse=True):
        rest = rest[: mention.position] + rest[mention.position + mention.length :]
    rest = particle_variants(rest, keep=0)[-1] if rest else rest
    return len(rest.replace("ai", "").replace("人工智能", "").replace("인공지능", "")) <= 3


def _looks_like_followup(present: frozenset[str], s: Signals, previous: Query) -> bool:
    """A marker ("그럼", "what about", "and …", "那", "呢"), or a fragment: a slot or two but no act of its own
    and no whole question; after a comparison, a new type or amount without places. Never a question of another
    domain ("비자 연장 어떻게 하나요?" after a voucher question)."""
    if s.off_topic:
        return False
    if "followup" in present or s.starts_follow or ("add" in present and previous.intent == I.COMPARE):
        return True
    if "both" in present and not s.places and len(previous.places) > 1:
        return True  # "둘 다 알려줘" after "주하이가 나아 중산이 나아?"
    if previous.intent == I.COMPARE and not s.places and (s.has_type or s.has_amount) and s.brief:
        return True
    fragment = s.brief and not s.places and not s.has_amount and previous.intent in FOLLOWABLE
    if fragment and (s.won_part or present & PLACE_ACTS or ("center_weak" in present and not s.aspect)):
        return True  # "원화로는?", "목표는?": about the same program or place
    bare = not (s.places or s.has_type or s.has_amount)
    if bare and ((s.won_part and s.how_much) or s.anything_else) and s.words <= 8 and previous.intent in FOLLOWABLE:
        return True  # "how much is that in won", "还有别的吗": the figure just quoted, the place just asked
    if s.aspect and not (s.places or s.has_type or s.has_amount or present & ACT_CUES) and s.words <= 10:
        return previous.intent in FOLLOWABLE  # "마감은?", "who do we apply to?", "is that final or a draft?"
    if s.traits and s.words <= 6 and not (s.places or s.has_type or s.has_amount or present & ACT_CUES):
        return previous.intent in FOLLOWABLE  # "저희 스타트업이면 더 줌?": the same question for this firm
    if s.year and s.words <= 8 and not (s.places or s.has_type or s.has_amount or present & ACT_CUES):
        return previous.intent in FOLLOWABLE  # "2024년판 말고 2025년판 기준으로요": the same question, that year
    if s.confirm and s.brief and not (s.places or s.has_type or s.has_amount or present & ACT_CUES):
        return previous.intent in FOLLOWABLE  # "진짜? 출처는?", "그거 작년 거 아님?": about the answer just given
    if s.correction and s.places and not s.has_amount and previous.place is not None:
        return True  # "sorry, I meant Nanning", "아 아니 징카이구 말고 베이징시 전체 산권 말한 거였어"
    if s.correction and s.has_type and not (s.places or s.has_amount) and s.words <= 6:
        return previous.intent in FOLLOWABLE  # "아 모델 말고 컴퓨팅 쿠폰": the same place, another kind
    if "compare_strong" in present and s.places == 1 and s.brief and not s.has_type and previous.place is not None:
        return previous.intent in FOLLOWABLE  # "심천이랑 비교하면?": the last place against this one
    if "compare_strong" in present and not s.places and len(previous.places) > 1:
        return True  # "둘 중 어디가 나아?", "哪个更划算": the places just asked about, compared
    if present & ACT_CUES:
        return False
    if "topic" in present and s.places and not (s.has_type or s.has_amount):
        return False  # "what does Qingdao offer?": a question about the place of its own
    has_slot = s.places or s.has_type or s.has_amount
    complete = s.places and (s.has_type or s.has_amount)
    if not s.places and (s.has_type or s.has_amount) and previous.place is not None and s.words <= 12:
        return previous.intent in FOLLOWABLE  # "150만 위안 쓰면 얼마 나옴": the same place, whatever its length
    return bool(has_slot) and not complete and s.brief


def _follow(query: Query, intent: str | None, previous: Turn, present: frozenset[str]) -> Query | None:
    """Carry the topic of the previous question into a follow-up ("그럼 베이징은?", "500만이면?")."""
    prev = previous.query
    if query.ambiguous:
        return None  # a typo between two places is asked about, whatever came before
    has_place, has_amount, has_type = bool(query.places), query.money is not None, bool(query.ptypes)
    aspect = query.aspect or prev.aspect
    traits = query.traits or prev.traits
    if prev.intent == I.FX:
        if has_amount and not has_place and (intent in (None, I.FX) or not query.ptypes):
            return replace(query, intent=I.FX)  # "500만이면?", "반이면?": another amount to convert
        if not (has_amount or has_place) and "fx" in present:  # "in won pls": the same amount, the other way
            return replace(query, intent=I.FX, money=prev.money)
        return None
    if prev.intent == I.COMPARE:
        return _follow_compare(query, intent, prev, present)
    if prev.intent not in FOLLOWABLE:
        return None
    if query.outside and not has_place:  # "하노이도 이런 거 있나": the same question, of a place we do not cover
        return replace(query, intent=prev.intent, ptypes=query.ptypes or prev.ptypes, aspect=aspect, traits=traits)
    if not has_place and len(prev.places) > 1 and intent in (None, I.COMPARE):  # "둘 중 어디가 나아?"
        return replace(query, intent=I.COMPARE, place=prev.places[0], places=prev.places, ptypes=query.ptypes or
                       prev.ptypes, money=query.money or prev.money, aspect=aspect, traits=traits)  # fmt: skip
    same_kind = not has_type or query.ptypes <= prev.ptypes  # "…말고 베이징시 전체 산권": the same kind, another place
    if has_place and same_kind and has_any(normalize(query.text), CORRECTION):  # "sorry, I meant Nanning"
        excluded = query.excluded or prev.places
        return replace(prev, text=query.text, place=query.places[0], places=query.places[:1], excluded=excluded)
    last = prev.place
    one_more = has_place and len(query.places) == 1 and last is not None and query.places[0] != last
    if one_more and last is not None and not has_type and "compare_strong" in present:  # "심천이랑 비교하면?"
        places = (last, query.places[0])
        return replace(query, intent=I.COMPARE, place=places[0], places=places, ptypes=prev.ptypes,
                       money=query.money or prev.money, aspect=aspect, traits=traits)  # fmt: skip
    if len(query.places) > 1 and not has_type and prev.ptypes and intent in (None, I.COMPARE):
        money = query.money or (prev.money if prev.intent == I.SUBSIDY_CALC else None)  # "how about A vs B"
        return replace(query, intent=I.COMPARE, ptypes=prev.ptypes, money=money, aspect=aspect, traits=traits)
    if has_place and not has_amount and not has_type and intent in (None, I.CITY_OVERVIEW, I.PROGRAM_INFO):
        money = prev.money if prev.intent == I.SUBSIDY_CALC else None
        role = prev.amount_role if money is not None else None
        return replace(query, intent=prev.intent, ptypes=prev.ptypes, money=money, year=prev.year, aspect=aspect,
                       amount_role=role, traits=traits)  # fmt: skip
    if has_amount and not has_place and query.amount_role == CHECK and prev.place is not None:
        ptypes = query.ptypes or prev.ptypes  # "6억 맞지?", "Is it 10M?", "听说是1000万？": a figure of that program
        return replace(query, intent=I.PROGRAM_INFO, place=prev.place, places=(prev.place,), ptypes=ptypes,
                       aspect=query.aspect or prev.aspect, traits=traits)  # fmt: skip
    if has_amount and not has_place and intent in (None, I.SUBSIDY_CALC, I.FX) and prev.place is not None:
        ptypes = query.ptypes or prev.ptypes
        return replace(query, intent=I.SUBSIDY_CALC, place=prev.place, places=(prev.place,), ptypes=ptypes,
                       traits=traits)  # fmt: skip
    if has_type and not has_place and not has_amount and prev.place is not None and intent in (None, I.PROGRAM_INFO):
        follow_intent = I.SUBSIDY_CALC if prev.intent == I.SUBSIDY_CALC and prev.money else I.PROGRAM_INFO
        money = prev.money if follow_intent == I.SUBSIDY_CALC else None
        return replace(query, intent=follow_intent, place=prev.place, places=(prev.place,), money=money,
                       amount_role=prev.amount_role if money else None, aspect=aspect, traits=traits)  # fmt: skip
    if not (has_place or has_amount) and prev.place is not None:
        if intent not in (I.COMPUTE_TARGET, I.COMPUTING_CENTER) and not query.ptypes and query.aspect is None:
            intent = I.COMPUTE_TARGET if "compute_target" in present else intent  # "目标呢", "센터는 어디 있어?"
            intent = I.COMPUTING_CENTER if present & {"computing_center", "center_weak"} else intent
        if intent in (I.COMPUTE_TARGET, I.COMPUTING_CENTER):  # "목표는?" after a Wuhan question
            return replace(query, intent=intent, place=prev.place, places=(prev.place,))
        if query.year is not None and query.year != prev.year and not (query.ptypes or query.aspect or query.traits):
            return replace(prev, text=query.text, year=query.year, parts=())  # "那2023年那个呢": that year's round
        if query.text.strip().lower().startswith(_THAT_ONE) and not (query.aspect or query.traits):
            return replace(prev, text=query.text, parts=())  # "그거 연간이에요?": the same program, asked again
        in_won = "fx" in present or has_any(normalize(query.text), FX_PART_FORMS)  # "won?"
        quoted = prev.money is not None and prev.amount_role in (CHECK, SUBJECT)
        if in_won and quoted and query.aspect == "amount":  # "how much is that in won": the figure just quoted
            return replace(query, intent=I.FX, money=prev.money, amount_role=None)
        if not (query.aspect or query.traits or query.ptypes) and has_any(normalize(query.text), _ANYTHING_ELSE):
            return replace(query, intent=I.CITY_OVERVIEW, place=prev.place, places=(prev.place,))  # "还有别的吗"
        if in_won and not query.aspect:  # "원화로는?": the same answer, in won too
            return replace(prev, text=query.text, parts=("fx",), traits=traits)
        if not (query.aspect or query.traits) and has_any(normalize(query.text), CONFIRM_MARKERS):
            return replace(prev, text=query.text, parts=())  # "진짜? 출처는?": the same program, its sources shown
        if query.aspect or query.traits:  # "조건은?", "and the deadline?", "우린 스타트업인데 그럼 몇퍼?"
            ptypes = query.ptypes or prev.ptypes
            return replace(prev, text=query.text, ptypes=ptypes, aspect=aspect, parts=(), traits=traits)
        if "followup" in present and intent is None:  # "and for little giant firms?", "小巨人企业呢？": the same again
            return replace(prev, text=query.text, ptypes=query.ptypes or prev.ptypes, parts=())
    return None


def _follow_compare(query: Query, intent: str | None, prev: Query, present: frozenset[str]) -> Query | None:
    """After a comparison: add a place, or change the type or the amount, and compare again."""
    if intent not in (None, I.COMPARE, I.CITY_OVERVIEW, I.PROGRAM_INFO, I.SUBSIDY_CALC):
        return None
    places = prev.places
    if query.places:
        if "add" not in present and len(query.places) == 1 and intent not in (None, I.COMPARE):
            return None
        places = tuple(dict.fromkeys((*prev.places, *query.places)))
    return replace(
        query,
        intent=I.COMPARE,
        place=places[0] if places else None,
        places=places,
        ptypes=query.ptypes or prev.ptypes,
        money=query.money or prev.money,
        amount_role=query.amount_role or prev.amount_role,
    )


def _slots_fit(intent: str, query: Query) -> bool:
    """Similarity may not choose an intent whose required slots are absent."""
    if intent == I.SUBSIDY_CALC:
        return query.money is not None
    if intent in (I.PROGRAM_INFO, I.CITY_OVERVIEW):
        return bool(query.places or query.ptypes)
    return True


def _delexicalize(spaced: str, found: PlaceFindings, slots: Slots) -> str:
    """Replace slot words with their placeholder names, so examples match any place or amount."""
    out = spaced
    if slots.amount_span:
        start, end = slots.amount_span
        out = out[:start] + " amount " + out[end:]
    if found.refs:
        out = "place " + out
    if slots.ptypes:
        out = out + " ptype"
    return " ".join(out.split())
