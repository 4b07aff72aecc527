"""A profile from one message, in Korean, English or Chinese, using the understanding step's own finders.

"우리는 상하이 푸둥 중소기업이고 GPU 임대에 연 500만 위안, 모델 API에 100만 위안 써요": the place (the place
finder of bot/nlu/places.py, typos included), the kinds of firm (the trait table of bot/nlu/concepts.py),
and each amount (bot/nlu/slots.py) with the kind of spend named next to it. Spend words come before
their amounts in Korean and Chinese ("GPU 임대에 500만") and often after them in English ("5M on GPU
rental"): the side where the first amount has its word is read for every amount. Revenue, headcount, the
founding year and the filing are read from their own words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from bot.core.profile.model import KIND_OF_TYPE, Filed, Profile, SpendKind
from bot.domain.dataset import Dataset
from bot.domain.errors import Problem
from bot.domain.fx import FxRate
from bot.domain.money import MAX_CNY, MIN_CNY, Money
from bot.nlu.aspects import find_traits
from bot.nlu.forms import forms_of, has_any
from bot.nlu.normalize import Normalized, normalize
from bot.nlu.outside import OutsideFinder
from bot.nlu.places import PlaceFinder
from bot.nlu.slots import every_amount, find_money, find_types, find_year, type_vocabulary

COUNTRY = "china"
# The speaker describes their own company.
SELF_FORMS = forms_of(
    "우리는 우린 우리회사 우리기업 우리법인 저희는 저희회사 저희기업 저흰 당사는 "
    "weare we're wearean ourcompany ourfirm ourstartup mycompany myfirm mystartup "
    "我们是 我们公司 我司 本公司 我们企业 我们是一家"
)
# "What can we get?" asked about the company as a whole.
ASK_FORMS = forms_of(
    "뭐받을수 뭘받을수 무엇을받을수 뭐받아 뭘받아 뭐받을 받을수있는거 받을수있는지원 뭐신청 뭘신청 어떤지원받 "
    "whatcanweget whatcouldweget whatcanmycompanyget whatcanourcompanyget whatdoweget whatcanweapply whatfits "
    "whatcanwereceive 能拿什么 能拿到什么 能申请什么 可以申请什么 能享受什么 可以拿什么 能领什么"
)
REVENUE_FORMS = forms_of("매출 매출액 연매출 수익 revenue turnover sales 营收 营业收入 年收入 销售额")
FOUNDED_FORMS = forms_of("설립 창업 창립 founded established incorporated 成立 创立 注册于")
FILED_NO = forms_of(
    "미등록 등록안 등록전 등록못 등록하지않 备案还没 未备案 没备案 没有备案 尚未备案 notfiled notyetfiled unfiled "
    "notregistered 备案中"
)
FILED_YES = forms_of(
    "등록완료 등록했 등록된 등록마친 备案完成 已备案 备案了 完成备案 备案过 filed registeredwiththecac "
    "cacfiled 모델등록완료 备案已"
)
FILING_WORDS = forms_of("등록 备案 filed filing cac 网信办")
HEADCOUNT = re.compile(r"(\d{1,6})\s?(?:명|人|people|employees|staff|persons)")
FINDERS: dict[int, tuple[Dataset, PlaceFinder]] = {}


def place_finder(dataset: Dataset) -> PlaceFinder:
    """The understanding step's place finder for this dataset, built once (about 0.1 s)."""
    cached = FINDERS.get(id(dataset))
    if cached is None or cached[0] is not dataset:
        finder = PlaceFinder(dataset, type_vocabulary(), OutsideFinder(dataset).covered_names())
        FINDERS.clear()  # one dataset at a time: a reload replaces it
        FINDERS[id(dataset)] = cached = (dataset, finder)
    return cached[1]


@dataclass(frozen=True)
class Parsed:
    profile: Profile
    problems: tuple[Problem, ...] = ()  # amounts that could not be read
    asks: bool = False  # "what can we get?"
    speaks_for_company: bool = False  # "우리는 …", "we are …", "我们是 …"


def _piece(spaced: str) -> Normalized:
    return Normalized(spaced, spaced, spaced.replace(" ", ""))


def _amounts(spaced: str) -> list[tuple[int, int, Money | None, Problem | None]]:
    """Every amount in the text, with its span."""
    return [
        (start, end, found if isinstance(found, Money) else None, found if isinstance(found, Problem) else None)
        for found, (start, end) in every_amount(_piece(spaced))
    ]


def _spend_kind(context: str) -> SpendKind | None:
    kinds = {KIND_OF_TYPE[p] for p in find_types(_piece(context))[0] if p in KIND_OF_TYPE}
    return kinds.pop() if len(kinds) == 1 else None


def _labelled(context: str) -> SpendKind | str | None:
    """What the words next to an amount make it: a kind of spend, or revenue."""
    if has_any(_piece(context), REVENUE_FORMS):
        return "revenue"
    return _spend_kind(context)


def _filed(text: Normalized) -> Filed:
    if has_any(text, FILED_NO):
        return Filed.NO
    if has_any(text, FILED_YES):
        return Filed.YES
    return Filed.UNKNOWN


def _place(dataset: Dataset, text: Normalized) -> tuple[str | None, str | None]:
    mentions = [m for m in place_finder(dataset).find(text).mentions if m.ref.place != COUNTRY]
    if not mentions:
        return None, None
    return mentions[0].ref.place, mentions[0].ref.district


def parse(dataset: Dataset, fx: FxRate, text: str) -> Parsed:
    norm = normalize(text)
    spaced = norm.spaced
    city, district = _place(dataset, norm)
    profile = Profile(city=city, district=district, kinds=find_traits(norm), filed=_filed(norm))
    problems: list[Problem] = []
    amounts = _amounts(spaced)
    bounds = [0, *(end for _, end, _, _ in amounts)]
    before = [spaced[bounds[i] : start] for i, (start, _, _, _) in enumerate(amounts)]
    after = [spaced[end : amounts[i + 1][0] if i + 1 < len(amounts) else len(spaced)]
             for i, (_, end, _, _) in enumerate(amounts)]  # fmt: skip
    words_before = bool(amounts) and _labelled(before[0]) is not None
    for i, (_, _, money, problem) in enumerate(amounts):
        label = _labelled(before[i] if words_before else after[i])
        if problem is not None:
            problems.append(problem)
            continue
        if money is None or label is None:
            continue
        cny = fx.to_cny(money)
        if not MIN_CNY <= cny <= MAX_CNY:
            continue
        if label == "revenue":
            profile = Profile(**{**profile.__dict__, "revenue": cny})
        elif isinstance(label, SpendKind):
            profile = profile.with_spend(label, cny)
    year = find_year(norm)
    if year is not None and has_any(norm, FOUNDED_FORMS):
        profile = Profile(**{**profile.__dict__, "founded": year})
    heads = HEADCOUNT.search(spaced)
    if heads is not None:
        profile = Profile(**{**profile.__dict__, "headcount": int(heads.group(1))})
    return Parsed(profile, tuple(problems), has_any(norm, ASK_FORMS), has_any(norm, SELF_FORMS))


def speaks_for_company(text: str) -> bool:
    """ "우리는 …", "we are …", "我们是 …": the cheap test before a whole parse (most messages are not profiles)."""
    return has_any(normalize(text), SELF_FORMS)


def is_profile_message(parsed: Parsed) -> bool:
    """A message about the company as a whole: the speaker describes it and asks what it can get, or names
    two or more kinds of spend (one spend in one place is the calculator's question)."""
    return parsed.speaks_for_company and (parsed.asks or len(parsed.profile.spends) >= 2)


def amount_of(fx: FxRate, text: str) -> Decimal | None:
    """One amount typed as an answer ("500만", "5M", "3.8억원"), in CNY; None when there is none."""
    money, _, _, _ = find_money(normalize(text))
    if money is None:
        return None
    cny = fx.to_cny(money)
    return cny if MIN_CNY <= cny <= MAX_CNY else None
