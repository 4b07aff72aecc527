"""Roles in a question: which places are asked about and which are ruled out; what an amount stands for.

- Places: "A 말고 B", "A 아니고 B", "not A, B", "不是A，是B": A is excluded, B is asked about.
- Amounts: a figure heard and to be checked ("…라던데 맞아?", "is it true…", "听说…"); the award or cap
  the question is about ("100만 위안 지원금 조건?", "2M-cap voucher"); otherwise money to compute on.
"""

from __future__ import annotations

import itertools
import re

from bot.nlu.aspects import find_aspect, find_parts
from bot.nlu.concepts import (
    ASPECTS,
    BASE_AFTER,
    BASE_BEFORE,
    BUDGET_LEADS,
    CAP_LEADS,
    CHECK_MARKERS,
    CONFIRM_MARKERS,
    FIGURE_WORDS,
    FX_PART_FORMS,
    HEARSAY,
    HOW_MUCH,
    LIST_JOINERS,
    NEGATION_AFTER,
    NEGATION_BEFORE,
    PER_FIRM,
    PROGRAM_NOUNS,
    SPEND_MARKERS,
    STILL,
    SUBJECT_NOUNS,
    SURELY,
    WEAK_CHECK_MARKERS,
    YEARLY_LEADS,
)
from bot.nlu.forms import first_form, form_at, forms_of, has_any
from bot.nlu.normalize import Normalized, normalize
from bot.nlu.places import PlaceMention
from bot.nlu.slots import Slots, is_a_cap

SPEND = "spend"
CHECK = "check"
SUBJECT = "subject"
_PARTICLE_GAP = ("", "은", "는", "이", "가", "도", "요", "거", "꺼", "것")  # "안후이성 거 말고"
# "북경에서 대모델 개발하는 회사입니다", "상해법인이라": the clause after the place says who asks.
_BASE_CLAUSE = re.compile(
    r"(에서|에|의)?[^?？]{0,10}(회사|법인|기업)(입니다|이에요|예요|인데|이고|이라|라서|이구요|이고요)"
)
# Right after a figure, another one offered instead: the asker wants to know which is right.
_ALTERNATIVE = re.compile(r"\s*(?:[^\s\d]+\s*){0,3}?(?:or|아니면|아님|还是|或者|或)\s*[\d一二两三四五六七八九十]")
_TO_GET = re.compile(r"(?:위안|원|元)?(?:을|를)?(?:받으려면|받기위해|받기위해선|받으려고|toget|拿到|要拿)")
_SUPPOSED = ("同样是", "都是", "如果是", "假如是", "假设是", "要是")  # a figure supposed, to compute on
_IF_BEFORE = re.compile(r"(?<![a-z])(?:if|suppose|say)(?![a-z])")
_STATED = ("is", "was", "are")  # "… reward is 50k?": a figure put to the bot when nothing follows it
_NEGATED_AFTER = tuple(gap + word for gap in _PARTICLE_GAP for word in NEGATION_AFTER)  # "청두는 말고"
PROPOSED_AFTER = forms_of(
    "상한 상한이 상한은 한도 한도가 최대 최고 예산 예산이 총액 풀 풀이 풀은 총 규모 규모가 총규모 "
    "capis cap capof upto isit itis pool poolwas poolis budgetis budget fund 最高补 "
    "不超过 上限 上限是 最高 最多 最多补 最多发 最低 门槛 封顶 预算 总额 是 资金池 总额是 给 cappedat capat 盘子 池子 "
    "最高支持 最多支持 最高资助 最高奖励 最高补助"
)
# Right before a figure, a year: the yearly pool put forward ("一年五千万？"), unless money is to be computed on
# ("算力费用一年50万，补多少").
YEAR_LEADS = forms_of("1년에 연간 一年 每年 yearlytotal yearly eachyear peryear")
# Right after a figure, "if it is …": money to compute on ("200만 위안이면 얼마 받음?", "五十万的话").
_IF_IT_IS = ("이면", "면", "라면", "이라면", "的话", "으로하면")
_GETS = ("받", "나와", "나오", "补", "拿", "back", "get", "얼마", "多少", "howmuch")
# Right after the figure: it is put forward to be confirmed ("2백만 상한인거지?", "5천만 풀이에요?", "500만까지임?").
PROPOSED_BEFORE = forms_of(
    "이야 이에요 인가요 입니까 누적상한 상한인 상한이죠 상한이지 상한이야 상한맞 한도인 한도맞 풀이 풀맞 풀인 풀임 "
    "규모야 규모맞 규모인 규모예 규모가 "
    "까지임 까지야 까지인 까지예 까지에요 까지죠 까지맞 까지됨 까지돼 까지나옴 까지나와 이죠 인거지 맞 "
    "이총예산 가총예산 이한도 가한도 이상한 가상한 吗 吧 是吧 对吧 是不是 是每年 "
    "써야됨 써야돼 써야하나 써야되나 넘어야돼 넘어야됨 넘어야하나 넘어야되나 이상이어야 이상써야 이상이면되 "
    "부터임 부터야 부터인가 부터인지 이최대 가최대 이최고 가최고 이상한임 封顶吗 封顶吧 总盘子 盘子 的盘子 "
    "是总额 是总共 是一年 ormore 以上吗 还是更多 "
    "은써야 는써야 은넘어야 는넘어야"
)


# Between two places, the first was a slip: the second is meant.
_CORRECTED = ("sorry", "meant", "不对", "说错", "我是说", "我说的是", "정정", "잘못", "아아니", "아니아니", "말하는거")


def corrected_before(compact: str, name: str, mentions: tuple[PlaceMention, ...]) -> bool:
    """A place we do not cover, named and then corrected to one of ours ("선양 모델쿠폰 얼마? 아 아니 선전")."""
    key = name.replace(" ", "").lower()
    at = compact.find(key)
    if at < 0:
        return False
    return any(
        m.position > at and any(word in compact[at + len(key) : m.position] for word in _CORRECTED) for m in mentions
    )


def _occurrences(compact: str, mention: PlaceMention) -> list[int]:
    """Where the mention's words stand in the message: every time, as a place may be named twice ("저희 상해에 법인
    있고 … 상해 말고 무한")."""
    form = compact[mention.position : mention.position + mention.length]
    found, at = [], compact.find(form)
    while at >= 0 and form:
        found.append(at)
        at = compact.find(form, at + len(form))
    return found or [mention.position]


def _negated(compact: str, position: int, length: int, ends: frozenset[int] = frozenset()) -> bool:
    """``ends``: where other names end; a marker of either side right after one of them ("厦门不要，漳州") negates
    that one ("Zhuhai not Zhongshan" does negate Zhongshan: "not" only looks ahead)."""
    after = compact[position + length : position + length + 6]
    before = compact[max(0, position - 12) : position]
    if after.startswith(_NEGATED_AFTER):
        return True
    marker = next((form for form in NEGATION_BEFORE if before.endswith(form)), None)
    after_a_name = marker in NEGATION_AFTER.table and position - len(marker) in ends
    return marker is not None and not after_a_name


def _background(compact: str, position: int, length: int) -> bool:
    after = compact[position + length : position + length + 16]
    before = compact[max(0, position - 14) : position]
    yardstick = _yardstick_before(compact, position)  # "Changsha, comparable to those in Hangzhou": a yardstick
    return after.startswith(BASE_AFTER) or before.endswith(BASE_BEFORE) or bool(_BASE_CLAUSE.match(after)) or yardstick


def excluded_mentions(
    compact: str, mentions: tuple[PlaceMention, ...], word_starts: frozenset[int] = frozenset()
) -> tuple[PlaceMention, ...]:
    """The mentions a negation rules out (anywhere the place is named), and the places listed with one
    ("상해랑 북경 빼고", "leave out Shanghai and Shenzhen"); ``word_starts`` (compact offsets where the spaced text's
    words start) tells names written together ("不是苏州南京") from names a comma parted ("not Hangzhou, Suzhou")."""
    ends = frozenset(m.position + m.length for m in mentions)
    out = {m for m in mentions if any(_negated(compact, at, m.length, ends) for at in _occurrences(compact, m))}
    ordered = sorted(mentions, key=lambda m: m.position)
    for first, second in itertools.pairwise(ordered):  # "Wuhan, sorry, meant Wuhu", "苏州算力劵 哦不对 是无锡的"
        gap = compact[first.position + first.length : second.position]
        if first.ref.place != second.ref.place and any(word in gap for word in _CORRECTED) and second not in out:
            out.add(first)
        elif _another_level(first, second) and second not in out and _ruled_out_further_on(gap):
            out.add(first)  # "안후이성 전체 산력 보조금 말고 우후시 자체 거": what was said of the first is ruled out
    changed = bool(out)
    while changed:
        changed = False
        for first, second in itertools.pairwise(ordered):
            gap = compact[first.position + first.length : second.position]
            glued = not gap and bool(word_starts) and second.position not in word_starts  # "不是说苏州南京那种"
            joined = gap in LIST_JOINERS.table or (not gap and second in out) or glued  # not "not A, B"
            if (first in out) != (second in out) and joined:  # "상해랑 북경 빼고"
                out |= {first, second}
                changed = True
    return tuple(m for m in mentions if m in out)


# After a place and a few words said of it, these rule it out when another place follows ("푸젠성 성급 정책 말고
# 샤먼시 컴퓨팅 쿠폰"); right after the name, NEGATION_AFTER does.
_RULED_OUT = ("말고", "말구", "아니고", "아니구", "빼고", "제외하고", "대신")
_RULED_OUT_REACH = 16


def _another_level(first: PlaceMention, second: PlaceMention) -> bool:
    """Another place, or the city before one of its districts ("심천에 있는데 시 말고 푸톈구 자체 지원")."""
    if first.ref.place != second.ref.place:
        return True
    return first.ref.district is None and second.ref.district is not None


def _ruled_out_further_on(gap: str) -> bool:
    """The words between two places end the first's phrase with a marker that rules it out."""
    for marker in _RULED_OUT:
        at = gap.rfind(marker)
        if 0 < at <= _RULED_OUT_REACH:
            return True
    return False


def background_mentions(compact: str, mentions: tuple[PlaceMention, ...]) -> tuple[PlaceMention, ...]:
    """Places that say where the asker is, not what is asked ("상하이에 사무실을 둔 스타트업인데 …", "based in
    Shanghai, …", "심천 본사인데"), wherever they are named: when the message names another place, that one is
    asked about."""
    out = {m for m in mentions if all(_background(compact, at, m.length) for at in _occurrences(compact, m))}
    ordered = sorted(mentions, key=lambda m: m.position)
    for first, second in itertools.pairwise(ordered):  # "comparable to those in Hangzhou and Shanghai": both
        gap = compact[first.position + first.length : second.position]
        if first in out and gap in LIST_JOINERS.table and _yardstick_before(compact, first.position):
            out.add(second)
    return tuple(m for m in mentions if m in out)


def _yardstick_before(compact: str, position: int) -> bool:
    return compact[max(0, position - 22) : position].endswith(_YARDSTICK_BEFORE)


_YARDSTICK_BEFORE = ("comparabletothosein", "comparableto", "similartothosein", "likethosein", "liketheonesin")


def yardstick_mentions(
    compact: str, mentions: tuple[PlaceMention, ...], placed: bool = True
) -> tuple[PlaceMention, ...]:
    """Places named as what another is measured by ("Does Xi'an have a voucher like Chengdu's?", "东莞有没有类似
    深圳训力券的政策", "선전처럼", "tiny compared to Shenzhen"), or, with ``placed``, where it is placed by
    ("Chengdu's neighbour Mianyang", "德阳…离成都近", "from Shenzhen"): the other one is asked."""
    before = (*_LIKE_BEFORE, *_PLACED_BEFORE) if placed else _LIKE_BEFORE
    after = (*_LIKE_AFTER, *_PLACED_AFTER) if placed else _LIKE_AFTER
    return tuple(
        m
        for m in mentions
        if compact[max(0, m.position - 8) : m.position].endswith(before)
        or compact[m.position + m.length :].removeprefix("'s").removeprefix("s").startswith(after)
    )


_LIKE_BEFORE = ("like", "likethe", "similarto", "similartothe", "类似", "像", "comparedto", "comparedwith")
_LIKE_AFTER = ("처럼", "같은", "같이", "那样", "那种", "一样", "似的")
_PLACED_BEFORE = ("near", "nextto", "closeto", "离", "from")
_PLACED_AFTER = ("근처", "옆", "近", "旁边", "隔壁", "附近", "neighbour", "neighbor")


def background_name(compact: str, name: str) -> bool:
    """The same for a place we do not cover, found by its name ("our HQ is in Seoul", "公司注册在合肥")."""
    key = name.replace(" ", "").lower()
    at = compact.find(key)
    return at >= 0 and _background(compact, at, len(key))


def amount_role(
    text: Normalized, span: tuple[int, int] | None, spend_cue: bool, aspect: str | None, spend_picked: bool = False
) -> str | None:
    """What the amount in ``span`` (offsets in the spaced text) stands for; None without an amount.

    In order: picked among several for the spend verb beside it ("상한이 800만이라던데 우리가 300만 쓰면"); a
    check marker anywhere; a figure put forward right after it ("10만吗", "2백만 상한인거지?"); a spend verb
    ("쓰면", "spend"); a noun that makes it the award asked about ("…짜리", "-cap", or a program noun when the
    question asks something else than the amount); a figure put forward right before it ("상한 1000만?", "pool
    was 10M?"); a calculation cue ("받", "能补"); a weak check mark ("…, right?"); else money to spend."""
    if span is None:
        return None
    if spend_picked:
        return SPEND
    following = text.spaced[span[1] : span[1] + 32].replace(" ", "")
    preceding = text.spaced[max(0, span[0] - 16) : span[0]].replace(" ", "")
    if _computed_on(following):
        return SPEND  # "200만 위안이면 얼마 받음?", "…1200만 위안이면 얼마 받는지 확인좀": money to compute on
    if _PLANNED_SPEND.match(following) and has_any(text, _HOW_MUCH_BACK) and not has_any(text, SURELY):
        return SPEND  # "…연간 약 150만 위안 예상됩니다. …얼마나 보전받을 수 있는지 확인 부탁드립니다": a request
    if has_any(text, CHECK_MARKERS) and _OWN_SUM.search(text.spaced) and _SPENT_THEN.match(following):
        return SPEND  # "계약 800만 위안 하면 30%니까 240만인데, 상한이 200만이라 200만 받는 거 맞죠?": a sum to check
    if has_any(text, CHECK_MARKERS):
        heard = asked_after_heard(text, span)
        if heard == "amount" and _PLANNED_SPEND.match(following):
            return SPEND  # "고객사가 … 2천만 위안 쓸 계획이라는데 쿠폰으로 얼마 돌려받나요": a spend relayed, computed
        return SUBJECT if heard is not None and heard not in _CHECKED_WHEN_ASKED_AFTER else CHECK
    if _ALTERNATIVE.match(text.spaced, span[1]) and not has_any(text, SPEND_MARKERS):
        return CHECK  # "50M a year or 100M?", "500k or 1M per firm?", "一年五千万还是一亿": which figure is right
    if following.startswith(PROPOSED_BEFORE):
        return CHECK
    if aspect not in (None, "amount") and following.startswith(SUBJECT_NOUNS):
        return SUBJECT  # "亦庄那个100万元一次性奖励，对签约金额有什么要求？": the award named, not the contract's spend
    if preceding.endswith((*_CAP_WORDS, "cappedat", "capat", "cappedto")) and not _computed_on(following):
        return CHECK if aspect in (None, "amount") else SUBJECT  # "…10%，最多两百万是吗": a cap, whatever is bought
    if _spend_marked(text):
        return SPEND
    if following.startswith(("짜리면", "짜리라면")):
        return SPEND  # "계약 백만 위안짜리면 얼마 나와요": a contract of that size, to compute on
    if following.rstrip("?？!.~ㅋ") in _CAP_TAILS and ("?" in text.original or "？" in text.original):
        return CHECK  # "하남성 산력권 주체당 연 100만 한도?": that cap put forward
    if following.startswith(SUBJECT_NOUNS) or _TO_GET.match(following):
        return SUBJECT  # "…100만 위안 받으려면 …": the award to get
    if aspect not in (None, "amount") and (
        any(noun in following[:34] for noun in PROGRAM_NOUNS) or preceding.endswith(PROGRAM_NOUNS)
    ):
        return SUBJECT  # "100만 위안 지원금 조건?", "一次性资助100万 啥条件": the award is what is asked about
    put = preceding.endswith(PROPOSED_AFTER) and not preceding.endswith(_SUPPOSED)  # not "同样是500万元的合同"
    supposed = _IF_BEFORE.search(text.spaced[: span[0]]) is not None  # "ok and if the project is 6M?"
    stated = preceding.endswith(_STATED) and not following.strip("?？!. ") and not supposed
    if put or stated:
        return CHECK  # "상한 1000만?", "pool was 10M?", "Zhuhai filing reward is 50k?"
    if _cap_then_asked(following):
        return SUBJECT  # "심천 模型券 연 200만 위안 상한 적용 조건이 뭡니까": the cap names the program
    if spend_cue:
        return SPEND
    if preceding.endswith(YEAR_LEADS):
        return CHECK
    if has_any(text, WEAK_CHECK_MARKERS):
        return CHECK
    if _award_put_forward(text, preceding, following):
        return CHECK  # "산동 산력거래 보조 전용기금 3천만위안?", "filing reward 250k per model?", "1건당 2만위안?"
    if aspect not in (None, "amount"):
        return SUBJECT  # no spend verb and another aspect asked: the figure describes the program
    return SPEND


# Whether a figure heard stands in an official text ("5000만 위안이라던데 공식 문서로 확인된 건가요?", "…라던데
# 확정됐어?"): that figure is put forward to be checked (an amount or a rate asked after it is another figure of the
# program it names; the corpus' writers split evenly on the rest).
_CHECKED_WHEN_ASKED_AFTER = frozenset({"status"})


def quoted(text: Normalized, span: tuple[int, int], figure: str) -> tuple[str, str | None] | None:
    """A figure the data holds for the program asked (``figure``: budget, amount or minimum), with no spend word
    beside it, is quoted, not money to compute on: with a question after it ("…每年1个亿，单家企业最多能拿多少？") it
    names the program, whose aspect asked there is the question; otherwise it is put forward to be checked ("Beijing
    city compute voucher: 2M per company per calendar year, cumulative?"). None: money to compute on after all."""
    following = text.spaced[span[1] : span[1] + 32].replace(" ", "")
    described = text if not _RATE_BASE.search(text.spaced) else normalize(_RATE_BASE.sub(" ", text.spaced))
    if _SPEND_ASKED.search(described.spaced):  # "…奖励100万，要签约多少才够门槛": the contract asked, not given
        described = normalize(_SPEND_ASKED.sub(" ", described.spaced))
    spent_on = text.spaced[span[1] :].lstrip().startswith(("on ", "yuan on ", "rmb on ", "cny on "))  # "¥5M on APIs"
    if _spend_marked(described) or has_any(described, _SPENT_ON) or spent_on or _PLANNED_SPEND.match(following):
        return None  # "北京算力合同300万，能领多少": a contract's value, to compute on
    rest = normalize(text.spaced[span[1] :])
    if has_any(rest, FX_PART_FORMS):
        return SUBJECT, figure  # "상해 모델쿠폰 상한 500만이면 원화로 얼마정도?": that cap, in won
    per_firm = has_any(rest, PER_FIRM)  # "연 2000만이면 한 회사당은 얼마나": the pool, then a firm's share asked
    if not per_firm and (_GOT_RIGHT_AFTER.match(following) or (figure != "budget" and _computed_on(following))):
        return None  # "珠海算力200w能补多少", "200만 위안이면 얼마 받음?": what that spend gets
    if not per_firm and has_any(rest, _WE_GET) and not has_any(rest, _AT_MOST):
        return None  # "1억 위안 신청하면 얼마 받을 수 있어?", "30만위안 태우는데 … 보조 얼마나옴": what we would get
    asked = find_aspect(rest)
    if has_any(rest, _WH) or asked not in (None, figure):  # "…100만 상한임?": that cap put forward, not another
        return SUBJECT, asked
    return CHECK, None


# The asker's own arithmetic on a spend ("30%니까 240만", "50%면 250만인데", "so 30% of that is"), to be checked: the
# spend is computed, and the answer shows whether the sum is right.
_OWN_SUM = re.compile(r"\d\s?%\s?(?:니까|이니까|이니|면|이면|라서|so|所以|的话|就是)|\d\s?%\s?(?:of\s)?that\s(?:is|=)")
_SPENT_THEN = re.compile(
    r"(?:위안|元|块|yuan|rmb|cny)?(?:을|를|어치)?(?:하면|쓰면|썼|쓰는데|결제|spent|spend|花了|花|投了|投)"
)
# After the figure, what the asker would get asked ("얼마 받을 수 있어", "how much can we claim"), not a cap.
_WE_GET = forms_of(
    "얼마받을수 얼마받아 얼마받음 얼마받나 얼마나받 얼마나옴 얼마나와 얼마나오 "
    "얼마돌려받 얼마나돌려받 얼마지원돼 얼마지원받 "
    "howmuchcanweclaim howmuchcanweget howmuchdoweget howmuchwouldweget howmuchbackdoweget "
    "whatwouldweget whatdowegetback 我们能拿多少 能拿到多少 我们能领多少"
)
_AT_MOST = forms_of("최대 최고 상한 한도 max maximum atmost themost 最多 最高 上限 封顶 单家 每家")
# What a rate is of, said with it: the program described, no spend of the asker's ("30% of compute spend",
# "按研发投入10%", "투자액의 30%").
_RATE_BASE = re.compile(
    r"\d+(?:\.\d+)?\s?%\s?of\s(?:the\s)?[a-z&\s-]{0,30}?(?:spend|spending|investment|purchases|contracts?|costs?|fees)"
    r"|按[^，,。？?]{0,8}?(?:投入|投资|合同|费用|金额)[^，,。？?]{0,3}?\d+(?:\.\d+)?\s?%"
    r"|(?:투자액|투자금|계약액|계약금액|비용|투입액)(?:의)?\s?\d+(?:\.\d+)?\s?%"
)
# A spend word that asks for the sum ("签约多少", "계약 실적이 얼마나", "how big a contract"): no spend given.
_SPEND_ASKED = re.compile(
    r"(?:签约|合同|계약|contract)\s?(?:额|金额|금액|실적이|size)?\s?(?:要到|要|需要|이|가)?\s?(?:超过|达到|过|到|넘어야)?\s?"
    r"(?:多少|얼마|howbig|how big)"
)
# What money is spent on: with it in the message, a figure is its value, to compute on.
_SPENT_ON = forms_of(
    "合同 签约 费用 服务费 算力费 租金 계약 비용 임대비 결제 외주 contract contracts cost costs fee fees bill invoice "
    "oncompute onmodel ongpu ongpus oncloud 采购 购买 구매 샀으면 넣으면 투입 투자 investment 投入"
)
# Right after a figure (its unit, a particle), what it gets: "…能补多少", "…补贴多少", "…이면 얼마", "… -> how much".
_GOT_RIGHT_AFTER = re.compile(
    r"(?:만|万|元|块|위안|yuan|rmb|cny|w)?(?:元)?(?:을|를|은|는|이면|면|의|的话)?[,，]?"
    r"(?:能补|补多少|补贴多少|能返|返多少|能领|能拿|能抵|能得|얼마|howmuch|whatdo|whatwould|whatsthe|->|→)"
)


# Right after a figure, a spend verb or a plan for it ("…쓸 계획이라는데", "…잡았다는데", "…짜리 있대요").
_PLANNED_SPEND = re.compile(
    r"(?:위안|원|元|块)?(?:정도|가량|쯤)?(?:을|를)?(?:쓸|쓴|쓰|사용|투자|구매|렌탈|잡았|잡아|짜리|예상|spend|spent|花|用|投)"
)
_HOW_MUCH_BACK = forms_of(
    "얼마나보전 얼마보전 얼마돌려 얼마나돌려 얼마받 얼마나받 얼마지원 howmuchback howmuchcould 能补多少 补多少"
)


def _computed_on(following: str) -> bool:
    """Right after the figure, "if it is …" or "a contract of that size", then what one gets ("이면 얼마 받음?",
    "짜리 … 얼마 나와요?"): money to compute on; not hearsay ("이라면서요")."""
    if following.startswith("짜리"):  # "五千万짜리 있대요 보조 얼마 나와요?": a contract of that size, "how much" asked
        return any(word in following[:24] for word in ("얼마", "多少")) and "받으려면" not in following
    return (
        following.startswith(_IF_IT_IS)
        and not following.startswith(("이라면서", "라면서"))
        and any(word in following[:12] for word in _GETS)
    )


def _cap_then_asked(following: str) -> bool:
    """Right after the figure, a cap word and then another aspect asked: that cap names the program."""
    cap = next((word for word in _CAP_TAILS_LONGEST_FIRST if following.startswith(word)), None)
    return cap is not None and find_aspect(normalize(following[len(cap) :]), ignore=("amount",)) is not None


# Award words (not vouchers, which are spent on: "산력권 200만?" asks what that spend gets).
_AWARD_NOUNS = (
    "지원금", "보상금", "보조금", "장려금", "보조", "보상", "장려", "포상", "지원", "기금", "award", "grant", "bonus",
    "prize", "funding", "fund", "reward", "奖励", "补助", "奖金", "资金", "资助", "补贴", "基金",
)  # fmt: skip
_PER_UNIT = ("당", "每个", "每件", "每项", "perproject", "permodel", *PER_FIRM)


_UNITS = ("元", "块", "위안", "yuan", "rmb", "cny")
_CAP_TAILS = (
    "封顶", "上限", "최대", "상한", "한도", "cap", "max", "yuancap", "yuanmax", "元封顶", "元上限", "위안상한",
    "이캡임", "이캡이야", "이상한임", "이한도임", "이상한이야", "이한도야", "이캡", "이상한", "이한도",
)  # fmt: skip
_CAP_TAILS_LONGEST_FIRST = tuple(sorted(_CAP_TAILS, key=len, reverse=True))


def _award_put_forward(text: Normalized, preceding: str, following: str) -> bool:
    """A figure after an award's name (or per unit), ending a question with nothing after it: put forward to be
    confirmed, not money to spend."""
    if "?" not in text.original and "？" not in text.original:
        return False
    tail = following.rstrip("?？!.~ㅋ")
    yearly = _YEARLY_TAIL.fullmatch(tail) is not None  # "10M yuan a year in total?", "연 5000만?"
    if yearly or preceding.endswith(("연", "연간", "매년")) or tail in _CAP_TAILS:  # "上海模型券五百万封顶？"
        return True
    if len(tail) <= 14 and _YES_NO_ABOUT_IT.search(tail) and not has_any(normalize(tail), _WH):
        return True  # "귀주성 산력권 8000만 위안이 한 해 기준이에요?": a yes-or-no about the figure
    if not (tail in ("", "까지", "이야", "인가", *_UNITS) or (tail.startswith("per") and len(tail) <= 12)):
        return False
    return any(noun in preceding for noun in _AWARD_NOUNS) or preceding.endswith(_PER_UNIT) or tail.startswith("per")


# After a figure, only its unit and a year or a total: "…a year in total?", "…一年总共?", "…매년이야?".
_YEARLY_TAIL = re.compile(
    r"(?:yuan|rmb|cny|元|块|위안)?(?:ayear|peryear|annually|eachyear|everyyear|一年|每年|매년|연간)"
    r"(?:intotal|total|总共|一共|총)?(?:이야|인가|인가요|이에요|임|吗)?"
)


# A spend word inside a program's name ("算力采购补贴", "컴퓨팅 구매 보조금", "compute procurement subsidy").
_NAMED_SPEND = re.compile(
    r"(?:采购|购买|구매|구입|purchase|procurement)\s?(?:补贴|补助|보조금|보조|지원금|subsid\w*)|min(?:imum)?\s?spend"
)


def _spend_marked(text: Normalized) -> bool:
    """A spend word in the message, not counting one that is part of a program's name."""
    if not has_any(text, SPEND_MARKERS):
        return False
    unnamed = _NAMED_SPEND.sub(" ", text.spaced)
    return unnamed == text.spaced or has_any(normalize(unnamed), SPEND_MARKERS)


def asked_after_heard(text: Normalized, span: tuple[int, int]) -> str | None:
    """A figure only heard, then a question of its own about the program: "우시 쿠폰이 매년 5000만 위안이라는데 기업당
    얼마까지 받을 수 있나요?", "the article says E-Town issues 100M a year. How much can a single company get?". Not
    when a word asks to confirm it ("…라던데 맞아?"), nor when the question after is the amount of a cap heard
    ("상한이 500만이라던데 실제로는 얼마야?")."""
    if has_any(text, CONFIRM_MARKERS) or not has_any(text, HEARSAY):
        return None
    rest = normalize(text.spaced[span[1] :])
    marker = first_form(rest, HEARSAY)
    if marker < 0:
        return None  # "听说…超过2000万才能拿…？": heard before the figure, the figure is what is put forward
    end = marker + len(form_at(rest.compact, HEARSAY, marker))  # "…라는데, <question>": asked after the hearsay
    rest = normalize(rest.spaced[_spaced_offset(rest.spaced, end) :])
    if has_any(rest, _BACK_TO_FIGURE) or (_YES_NO_ABOUT_IT.search(rest.spaced) and not has_any(rest, _WH)):
        return None  # "…준다고 하시던데, 우리도 그 한도야?", "…1억이라던데 연간 예산인지요?": that figure asked
    if has_any(rest, FX_PART_FORMS):
        return "amount"  # "…100만 위안이라던데 원화로 얼마야?": that award, in won
    asked = find_aspect(rest)
    cap_before = any(word in text.spaced[max(0, span[0] - 8) : span[0]] for word in _CAP_WORDS)
    if asked in ("amount", "budget") and cap_before:
        return None  # "听说是200万封顶？", "…상한이 500만이라던데 실제로는 얼마야?": the heard cap is checked
    return asked


# After a figure heard, words that point back at it: the question is about that figure.
_BACK_TO_FIGURE = forms_of(
    "그한도 그금액 그정도 그만큼 그숫자 isthat isthis thatmuch thatcap thatfigure 这个数 那个数 这么多"
)
# A yes-or-no question ending ("…연간 예산인지요?", "…每年的吗"), with no word asking for another fact.
_YES_NO_ABOUT_IT = re.compile(r"(?:인지요|인가요|인가|인지|인거죠|인거지|인거야|이에요|예요|이야|吗|嘛)\W*$")
_WH = forms_of(
    "얼마 몇 언제 어디 누구 누가 뭐 무엇 어떻게 어떤 howmuch what when where who which how 多少 几 什么 哪 怎么 谁"
)
_CAP_WORDS = ("상한", "한도", "최대", "최고", "캡", "cap", "upto", "up to", "max", "上限", "最高", "最多", "封顶")


def _spaced_offset(spaced: str, compact_position: int) -> int:
    """The offset in ``spaced`` of the character at ``compact_position`` of its space-free form."""
    seen = 0
    for offset, ch in enumerate(spaced):
        if ch == " ":
            continue
        if seen == compact_position:
            return offset
        seen += 1
    return len(spaced)


def settle(
    text: str, norm: Normalized, corrected: Normalized, slots: Slots, role: str | None, aspect: str | None
) -> tuple[str | None, str | None]:
    """The amount's role and the asked aspect, each read in the light of the other: a cap or a program word
    beside the figure names the award whose other aspect is asked; a figure to check with no aspect asks its
    amount, or the budget when it is pool-sized."""
    award_named = _names_award(norm, slots) if role == CHECK and not has_any(norm, FIGURE_WORDS) else False
    confirm = has_any(norm, SURELY)  # "…up to 10M a year. Is that still right?": the figure is what is asked
    if award_named and aspect in ("status", "window", "conditions", "apply") and not confirm:
        role = SUBJECT  # "쉬후이 500만 위안 입주장려금 그거 초안이었나": the award named, its status asked
    if role == CHECK and _cap_named(norm, slots) and not has_any(norm, CHECK_MARKERS):
        if _ends_the_question(norm, slots):  # "Zhangzhou compute voucher 50% up to 2M?": that cap is put forward
            start = slots.amount_span[0] if slots.amount_span else 0
            capped = norm.spaced[max(0, start - 8) : start].replace(" ", "").endswith(_CAP_WORDS)  # 最高1亿？
            return role, "budget" if _pool_sized(norm, slots) and not capped else "amount"
        if aspect not in (None, "amount"):
            role = SUBJECT  # "庆阳最高200万的模型券怎么申请": the cap names the program, the apply is asked
        elif aspect == "amount" and not any(mark in text.strip().rstrip("?？ ") for mark in "?？"):
            # "苏州平台支持最高500万，条件呢": the cap names the program, its conditions are asked (not two questions:
            # "…最高100万？截止时间呢")
            parts = find_parts(corrected, "amount", False)
            percent_first = slots.amount_span is not None and "%" in norm.spaced[: slots.amount_span[0]]
            bare_rate = percent_first and first_form(corrected, ASPECTS["rate"]) < 0  # "50% up to 200k yeah?"
            describing = ("amount", "rate") if bare_rate else ("amount",)
            other = find_aspect(corrected, ignore=describing) or next(iter(parts), None)
            if other is not None:
                aspect, role = other, SUBJECT
    heard = asked_after_heard(norm, slots.amount_span) if role == SUBJECT and slots.amount_span else None
    if heard is not None:
        return role, heard  # "…매년 5000만 위안이라는데 기업당 얼마까지?": what is asked after the figure heard
    in_won = has_any(norm, FX_PART_FORMS)  # "…상한 500만이면 원화로 얼마정도?": that cap's value, in won
    # "500만 위안 한도라던 그거 조건이 뭐였죠": the cap names the program; but
    # "经开区算力券每年1个亿，单家企业最多能拿多少？" asks a firm's share of that pool, the amount
    if role == SUBJECT and aspect == "amount" and not in_won and not _share_asked(norm, slots.amount_span):
        aspect = find_aspect(corrected, ignore=("amount",)) or aspect
    if role == SUBJECT and aspect == "budget":  # "Wuxi 50M compute voucher fund, how do we apply": the pool names it
        aspect = find_aspect(corrected, ignore=("budget", "amount")) or aspect
    if role in (CHECK, SUBJECT) and aspect == "window" and has_any(norm, _STILL_THE_SAME):
        # "북경시 산력권 … 연 200만 위안 상한, 이거 아직 그대로죠?": whether that figure still stands
        return CHECK, _figure_aspect(norm, slots)
    if role == CHECK and aspect == "window" and has_any(corrected, STILL):  # "지금도 그 숫자가 맞습니까?"
        aspect = find_aspect(corrected, ignore=("window",))
    if role == CHECK and aspect == "window" and not has_any(corrected, _WINDOW):  # only "2026년까지": the term
        aspect = None  # "톈진 算力券 2026년까지 매년 2000만 위안인 거죠": the figure is what is checked
    if role == CHECK and aspect == "conditions" and has_any(norm, HEARSAY) and not has_any(corrected, _CONDITIONS):
        aspect = None  # "…100만 위안 받을 수 있다던데 맞음?": "can get" was heard with the figure, which is checked
    after = norm.spaced[slots.amount_span[1] :].replace(" ", "") if slots.amount_span else ""
    if role == CHECK and after.startswith(_FLOOR_AFTER):  # "계약액 기준 2000만 위안 초과 맞아?": a floor put forward
        aspect = "minimum"
    before = norm.spaced[max(0, slots.amount_span[0] - 4) : slots.amount_span[0]] if slots.amount_span else ""
    floor_put = not after or after.startswith(_FLOOR_PUT) or before.replace(" ", "").endswith(("满", "满了"))
    if role == SPEND and aspect == "minimum" and floor_put and not has_any(norm, HOW_MUCH):
        role = CHECK  # "一年最低要买30万才行？", "年支出5万就能申请？": the floor put forward, not money to compute on
    if role == CHECK and aspect is None and slots.money is not None:  # "50만이라던데 맞음?": confirm that figure
        aspect = _figure_aspect(norm, slots)
    vouchers = bool(slots.ptypes) and all(p.value.endswith("_voucher") for p in slots.ptypes)
    vouchers = vouchers and not has_any(corrected, _SUBSIDY_WORDS)  # "톈허구 컴퓨팅 구매 보조금 연간 얼마까지"
    if aspect == "amount" and role != SPEND and vouchers and _yearly_total(corrected):
        aspect = "budget"  # "经开区算力券每年多少", "how much are the E-Town vouchers per year": the yearly pool
    if slots.money is not None and _YEARLY_OR_ONCE.search(norm.compact):
        # "모형권 일억 위안, 매년 주는 것 입니까 한번 만 입니까": how the pool is given; of a cap, how the cap counts
        return SUBJECT, "amount" if slots.amount_span and is_a_cap(norm, slots.amount_span) else "budget"
    if role == SPEND and aspect == "budget":  # "GPU 렌탈 예산을 3.8억원 잡았다는데 … 얼마 지원돼요": the firm's budget
        aspect = find_aspect(corrected, ignore=("budget",)) or "amount"
    if slots.money is None and (heard := asked_after_heard(norm, (0, 0))) is not None:
        aspect = heard  # "…기초모델 회사는 상한 더 높다던데 조건이 뭐야": what is asked after what was heard
    if role in (CHECK, SUBJECT) and aspect == "rate" and slots.amount_span is not None:
        percent_first = "%" in norm.spaced[: slots.amount_span[0]] and "%" not in norm.spaced[slots.amount_span[1] :]
        percent_asked = re.search(r"%\s?\S{0,2}\s?[?？]", text) is not None  # "按30%补？最高2000万那个"
        based_on = has_any(corrected, _RATE_BASIS)  # "10%/200만은 투자액 기준임?": what the rate is of
        if percent_first and not percent_asked and not based_on and first_form(corrected, ASPECTS["rate"]) < 0:
            role, aspect = CHECK, "amount"  # "계약의 5%에 누적 500만 위안까지 맞습니까?": the rate and its cap checked
    if role == CHECK and aspect in ("window", "conditions", "apply") and _figure_checked_first(text):
        # "청두 산력권 기업당 500만 맞죠? 신청 기간도 알려주세요": the figure first, the other a second part
        return role, _figure_aspect(norm, slots)
    if role == SUBJECT and aspect == "status" and has_any(norm, _FIGURE_DOUBTED):
        role = CHECK  # "无锡每年5000万算力券靠谱吗？", "…200만, 공식 원문에서 확인된 거예요?": the figure's footing
    asked_on = text.strip().rstrip("?？!。. ")  # "最高150万？条件呢", "…까지인가요, 그리고 마감은요?": two questions
    one_question = not any(mark in asked_on for mark in "?？") and not has_any(norm, _AND_THEN)
    described = one_question and not in_won and not has_any(norm, CHECK_MARKERS)  # it describes, heard from no one
    if described and role in (CHECK, SUBJECT) and aspect in ("amount", "budget") and slots.amount_span is not None:
        return _asked_after_the_figure(norm, slots.amount_span, role, aspect)
    return role, aspect


def _figure_aspect(norm: Normalized, slots: Slots) -> str:
    """What a figure put forward is: the pool when it is pool-sized, else the amount."""
    return "budget" if _pool_sized(norm, slots) else "amount"


def _share_asked(norm: Normalized, span: tuple[int, int] | None) -> bool:
    """A firm's share asked after the figure ("…1个亿，单家企业最多能拿多少？")."""
    return span is not None and has_any(normalize(norm.spaced[span[1] :]), PER_FIRM)


def _figure_checked_first(text: str) -> bool:
    """A first question that puts a figure forward and asks nothing else of it, with more questions after it."""
    questions = re.split(r"[?？]", text, maxsplit=1)
    if len(questions) < 2 or not questions[1].strip(" ?？"):
        return False
    first = questions[0]
    return bool(re.search(r"\d", first)) and find_aspect(normalize(first)) in (None, "amount", "budget")


def _asked_after_the_figure(norm: Normalized, span: tuple[int, int], role: str, aspect: str) -> tuple[str, str]:
    """A figure that describes the program, then another question of it: the pool, then a firm's share
    ("珠海模型券总额1亿，单家企业上限有写吗"); the cap, then whether it is open ("…2M ceiling, is it still open?")."""
    rest = normalize(norm.spaced[span[1] :])
    if rest.compact.startswith(_ONLY_AFTER):
        return role, aspect  # "2000만 위안밖에 안 되나요?": that figure questioned
    share = has_any(rest, PER_FIRM) and not has_any(rest, _EITHER_OR)  # not "the total budget or per company?"
    if share and (aspect == "budget" or has_any(rest, _WH)):
        return SUBJECT, "amount"  # "…1个亿，单家企业最多能拿多少？": a firm's share of that pool (not "…1M per firm?")
    asked = find_aspect(rest, ignore=("amount", "budget"))
    if asked in ("window", "apply", "conditions", "status", "minimum"):
        return SUBJECT, asked
    return role, aspect


_FIGURE_DOUBTED = forms_of("靠谱 核实 확인된 확인됐 믿어도 믿을만 legit verified")
# The figure still the same ("아직 그대로죠?", "지금도 같음?", "still the rule?", "还是这样吗"): it is what is checked.
_STILL_THE_SAME = forms_of(
    "그대로 지금도같 아직도같 여전히같 그금액이유효 그숫자가유효 현재기준으로도 "
    "stillthesame stilltherule stillthecase 还是这样 还一样 还是这个数"
)
_RATE_BASIS = forms_of("기준 基准 按什么 按啥 basedon basisof ofwhat")
_AND_THEN = forms_of("그리고 andthe andalso 另外 还有")
_ONLY_AFTER = ("위안밖에", "밖에", "뿐", "만원밖에", "而已", "only")
_EITHER_OR = forms_of("or 还是 아니면 아님 인지 이야 或者")
_FLOOR_PUT = ("以上", "才", "就", "이상", "吗")
_FLOOR_AFTER = ("초과", "이상", "넘는", "넘어야", "以上", "超过", "起", "ormore", "andabove", "above")
_CONDITIONS = ASPECTS["conditions"]
_WINDOW = ASPECTS["window"]
# Every year, or once? ("매년 주는 거예요, 한 번만이에요?", "每年都有还是一次性", "every year or one-off")
_YEARLY_OR_ONCE = re.compile(
    r"(?:매년|해마다|연간|每年|年年|everyyear|yearly|annually|peryear|ayear).{0,16}"
    r"(?:한번|1번|일회|단발|一次|一次性|once|oneoff|one-off|onetime|one-time)"
)
_YEARLY = forms_of("每年 一年 每年各 peryear ayear eachyear annually annual yearly 매년 1년에 일년에 연간 해마다")
_SUBSIDY_WORDS = forms_of("보조금 보조 지원금 subsidy subsidies grant 补贴 补助")
_ISSUED = forms_of("发 发放 发行 발행 givesout giveout handsout handout issue issues issued")
_CAP_FORMS = frozenset(
    "상한 한도 최대 최고 맥스 상한선 cap capped maximum max upto limit ceiling 上限 最高 最多 封顶 额度 까지나옴 "
    "까지나와 까지됨 까지돼 까지되나 perfirm percompany".split()
)


def _yearly_total(text: Normalized) -> bool:
    """How much a year of vouchers, not per firm and not a cap ("Chengdu 5M max per year" is a firm's cap),
    unless the word says the vouchers are issued ("一年最多发1000万")."""
    if not has_any(text, _YEARLY) or has_any(text, PER_FIRM):
        return False
    at = first_form(text, ASPECTS["amount"])
    capped = at >= 0 and form_at(text.compact, ASPECTS["amount"], at) in _CAP_FORMS
    return not capped or has_any(text, _ISSUED)


POOL_SIZED = 100_000_000  # a figure of 1억 위안 or more, quoted without saying what it is, is a budget
YEARLY_POOL_SIZED = 10_000_000  # a yearly figure of 1000만 or more is the yearly pool


def _ends_the_question(norm: Normalized, slots: Slots) -> bool:
    """Nothing but a unit follows the figure, and the message is a question."""
    assert slots.amount_span is not None
    tail = norm.spaced[slots.amount_span[1] :].replace(" ", "")
    return tail in ("", *_UNITS) and ("?" in norm.original or "？" in norm.original)


def _names_award(norm: Normalized, slots: Slots) -> bool:
    """The amount is followed by a program word or led by a cap word: it names the award."""
    assert slots.amount_span is not None
    following = norm.spaced[slots.amount_span[1] : slots.amount_span[1] + 16].replace(" ", "")
    return _cap_named(norm, slots) or any(noun in following for noun in PROGRAM_NOUNS)


def _cap_named(norm: Normalized, slots: Slots) -> bool:
    """The amount follows a cap word ("最高500万", "the one up to 5M") and is not put forward to be confirmed
    ("최대 500만 위안까지인가요")."""
    assert slots.amount_span is not None
    start, end = slots.amount_span
    before = norm.spaced[max(0, start - 8) : start].replace(" ", "")
    return before.endswith(CAP_LEADS) and not norm.spaced[end : end + 24].replace(" ", "").startswith(PROPOSED_BEFORE)


def _pool_sized(norm: Normalized, slots: Slots) -> bool:
    """A quoted figure that is a budget: led by 총/풀/pool, or of 1억 위안 or more."""
    assert slots.money is not None and slots.amount_span is not None
    before = norm.spaced[max(0, slots.amount_span[0] - 6) : slots.amount_span[0]].replace(" ", "")
    big = slots.money.amount >= POOL_SIZED and slots.money.currency.value == "CNY"
    after = norm.spaced[slots.amount_span[1] : slots.amount_span[1] + 12].replace(" ", "")
    yearly = before.endswith(YEARLY_LEADS) or after.startswith(_A_YEAR)  # "20M a year, correct?"
    sized = slots.money.amount >= YEARLY_POOL_SIZED and not has_any(norm, PER_FIRM)
    return big or before.endswith(BUDGET_LEADS) or (yearly and sized)


_A_YEAR = ("ayear", "peryear", "annually", "一年", "每年", "매년", "연간")
