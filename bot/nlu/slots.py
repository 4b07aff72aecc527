"""Program types, amounts and years in a free question."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from bot.domain.errors import Problem
from bot.domain.money import MAX_CNY, Currency, Money, read_money
from bot.domain.schema import ProgramType
from bot.nlu.concepts import PART_OF, SET_ASIDE, SPEND_MARKERS, SPEND_VERBS, TRAITS, VOUCHER_WORDS
from bot.nlu.forms import FormIndex, contains_any, forms_of
from bot.nlu.keywords import CUES
from bot.nlu.normalize import Normalized, normalize

T = ProgramType


# Phrases that name a program type on their own (matched in the compact text).
STRONG_TYPE_WORDS: dict[ProgramType, tuple[str, ...]] = {
    T.COMPUTE_VOUCHER: forms_of(
        "suanliquan suanli 쑤안리취엔 쑤안리취안 쏸리취안 쏸리취엔 쑤안리첸 쏸리첸 산리취엔 산리취안 연산력바우처 연산력 컴푸팅 컴퓨팅파워쿠폰 컴퓨팅쿠폰 컴퓨팅바우처 컴퓨팅파워바우처 컴퓨팅파워지원쿠폰 컴퓨팅파워 컴퓨팅 연산쿠폰 산력권 "
        "rentalsubsidy rentsubsidy 租用补贴 租用補貼 租用 임대보조 임대료보조 租赁补贴 임차료 ai임대료 ai렌트비 ai렌트 ai임차 租金补贴 ai租金 算力租赁 산력쿠폰 산력 훈련쿠폰 훈련바우처 gpu쿠폰 gpu gpu임차 gpu렌탈 算力券 算力补贴券 算力补贴 算力服务券 训力券 算力 "
        "computevoucher computevouchers computingvoucher compute computing 智算 지산 파인튜닝 finetuning fine-tuning 微调 trainingvoucher training-voucher xunliquan xunli 산력서비스권 산력권 훈력권 산권 租卡 임차보조 人工智能券 人工智能劵 인공지능권 인공지능쿠폰"
    ),
    T.MODEL_VOUCHER: forms_of(
        "모델쿠폰 모형쿠폰 모델바우처 모델사용 llmapi llmapis 模型调用 模型券 模型服务券 modelvoucher modelvouchers modelapi llmvoucher moxingquan moxing 모싱취엔 모싱취안 모씽취엔 모싱첸 모델권 모형권 모쿠"
    ),
    T.CORPUS_VOUCHER: forms_of(
        "위랴오취엔 위랴오취안 위랴오첸 위랴오 코퍼스쿠폰 코퍼스 말뭉치 어료권 语料券 语料 corpusvoucher corpus corpora 어료쿠폰 어료 코포스 코포스쿠폰 yuliaoquan yuliao"
    ),
    T.DATA_VOUCHER: forms_of(
        "데이터쿠폰 데이터바우처 데이터셋 데이터세트 데이터제품 数据券 数据集 datavoucher dataset shujuquan 수쥐취엔 수쥐취안 슈쥐취엔"
    ),
    T.LABELING_VOUCHER: forms_of(
        "라벨링 어노테이션 데이터라벨 标注券 标注 labeling labelling annotation 표주권 표주쿠폰 biaozhuquan biaozhu 표주권 뱌오주취엔 뱌오주취안 비아오주취엔"
    ),
    T.ONE_TIME_AWARD: forms_of(
        "일회성 1회성 일시보상 일시지원 一次性 onetime one-time one-off oneoff lumpsum 추가보상 추가포상 追加奖励"
    ),
    T.SCENARIO_FUNDING: forms_of(
        "시범응용 시범프로젝트 응용시나리오 시나리오 场景 示范项目 标杆 scenario pilotproject pilot demoproject 벤치마크 benchmark applicationfunding 응용지원"
    ),
    T.MATCHING_REWARD: forms_of(
        "매칭 配套 matching matches 1:1 1比1 1대1 11보상 11보조 11지원 11매칭 11配套 11奖励 11补贴 11reward 11matching 一比一配套"
    ),
    T.HARDWARE_SUBSIDY: forms_of(
        "국산칩 칩서버 芯片 chipserver hardware 하드웨어 서버구매 장비구매 서버구입 장비구입 equipment serverpurchase 服务器采购 服务器 设备采购 设备补贴 "
        "서버보조 서버지원 서버면 ai칩서버 국산ai칩 domesticchip chipservers servers 硬件补贴 硬件补帖 硬件"
    ),
    T.ANNUAL_AWARD: forms_of(
        "연간보상 연간포상 매년보상 해마다 年度奖励 年度奖 每年奖励 annualaward yearlyaward 연간장려금 연간장려 연간포상금"
    ),
    T.RELOCATION_AWARD: forms_of(
        "입주보상 입주장려 입주지원 정착지원 이전보상 이전지원 본사이전 이전장려 落户 relocation 신규입주 새로입주 입주하는 입주기업 newlysettled newlyrelocated relocat 新落户 迁入 落地奖励 이전정착 정착지원금 newsettler new-settler settler 이사가면 이전하면 옮기면 movingouroffice movingto "
        "newcomer newcomers 낙호 낙호보상 낙호장려 newlyarrived 정착보상 정착장려 정착금 새로들어가"
    ),
    T.FILING_REWARD: forms_of(
        "备案奖励 备案奖 备案 filingreward filing 필링 afiled forfiled filedgen filedai 등록보상 알고리즘등록 모델등록 algorithmregistration registrationreward perfiled filedmodel filedwith gotourmodelfiled modelfiled 备案了 비안 비안보상 beian beianreward"
    ),
    T.RD_SUBSIDY: forms_of(
        "연구개발 기술개발 수직모델 모델최적화 垂直模型 模型优化 牵头项目 verticalmodel r&d 研发 重大专项 과기중대 중대프로젝트 researchanddevelopment majors&t s&tproject s&tprojects majorproject majorprojects 科技重大 重大项目 버티컬모델 버티컬대형모델 vertical 업종모델 업종특화모델 업종수직 행업모델 모델프로젝트 模型项目 modelproject modelprojects"
    ),
    T.PLATFORM_SUBSIDY: forms_of("플랫폼 平台 platform"),
    T.CONSTRUCTION_SUBSIDY: forms_of(
        "건셜 자체컴퓨팅파워구축 자체컴퓨팅구축 자체산력구축 자체算力구축 自建算力 自建自主 건설비 배치장려 산력배치 deploymentreward computedeployment 건설지원 건설보조 센터건설 자체구축 짓는데 센터세우 센터짓 센터구축하면 建设补贴 建设 construction self-built build-out buildout 배치하면 算力배치 buildasmart buildingasmart ifwebuild 部署奖励 算力部署 deploying deploycapacity 배치보상 컴퓨팅배치 buildsubsidy 建智算中心 建数据中心 建设智算"
    ),
    T.FREE_COMPUTE: forms_of(
        "무료컴퓨팅 무료산력 무료gpu 免费算力 freecompute freegpu 무료算力 무료산력 무료컴퓨팅파워 free算力 무상컴퓨팅 무상컴퓨팅자원 무상 freecomputing freecomputingpower 공짜gpu 공짜컴퓨팅 공짜 免费使用 免费算力券"
    ),
    T.RESEARCH_FUNDING: forms_of("기초연구 연구과제 基础研究 basicresearch researchfunding"),
}
# Words that name a type only when nothing stronger does ("대형 모델" is not always a voucher).
WEAK_TYPE_WORDS: dict[ProgramType, tuple[str, ...]] = {
    T.MODEL_VOUCHER: forms_of("모델 모형 模型 model"),
    T.DATA_VOUCHER: forms_of("데이터 数据 data"),
    T.ONE_TIME_AWARD: forms_of("지원금 奖励 award"),
}

_STRONG = FormIndex(STRONG_TYPE_WORDS)
_WEAK = FormIndex(WEAK_TYPE_WORDS)
_TRAIT_PHRASES = tuple(form for name in ("model_developer", "compute_provider") for form in TRAITS[name])
_NOT_TYPES = re.compile("|".join(map(re.escape, sorted(_TRAIT_PHRASES, key=len, reverse=True))))
_TYPE_WORDS = sorted(
    {w for group in (STRONG_TYPE_WORDS, WEAK_TYPE_WORDS) for ws in group.values() for w in ws}, key=len
)
_TYPE_SET_ASIDE = re.compile(
    "(?:" + "|".join(map(re.escape, reversed(_TYPE_WORDS))) + ")(?:쿠폰|바우처)?(?:" + "|".join(SET_ASIDE) + ")"
)
_CENTER_PHRASES = re.compile("|".join(map(re.escape, sorted(CUES["computing_center"], key=len, reverse=True))))
_NUMBER = r"(?:\d+(?:[.,]\d+)*(?:\s\d{3}(?!\d))*|[零一二两三四五六七八九十百千]+(?=[万亿块元])|(?<![가-힣])[일이삼사오육칠팔구십백천]{1,3}(?=[만억](?!에요|에)))"
_KO_DIGITS = r"(?<![가-힣])[일이삼사오육칠팔구십백천]{1,3}(?=[만억])"  # 오천 in 일억 오천만
_UNIT = r"(?:[십백천만억조]|[十百千万亿]|thousand|million|billion|crores?|lakhs?|mio|mil|mn|bn|kw|k|m|b|w)(?![a-z])"
_CURRENCY = r"(?:위안화|위안|위엔|원(?!화)|元|块|人民币|韩元|韩币|yuan|rmb|cny|krw|won|usd|dollars?|달러|美元)"
_AMOUNT = re.compile(
    r"(?<![0-9a-z.])"
    r"(?P<amount>(?:(?<!\S)[-−](?=[¥₩$]?\d))?(?:(?:rmb|cny|krw|人民币)\s?)?[¥₩$]?\s?"
    rf"{_NUMBER}(?:(?:\s?{_UNIT})+(?:\s?(?:\d+(?:\.\d+)?|{_KO_DIGITS})(?:\s?{_UNIT})+)*)?"  # 1억 5천만, 일억 오천만
    rf"(?:\s?{_CURRENCY}(?!화?으?로)|\s?(?:원|위안)(?=으로))?)"  # "위안화로": the currency asked for; "5천만원으로": won
    r"(?P<after>\s?(?:%|퍼센트|percent|[-+]?\s?(?:파라미터|매개변수|参数|parameters?|params?)|년|年|개|건|곳|명|월|일(?![가-힣])|p(?![a-z])|pflops|eflops|배(?![가-힣])|위(?!안)|차|번|호|개월|시간|카드|x\b)?)"
)
_COMPUTE_AFTER = re.compile(r"[\d십백천만억.,]*\s?(?:p|pflops|eflops|tflops)(?![a-z])")
_UNIT_OR_CURRENCY = re.compile(
    r"[십백천만억조十百千万亿¥₩$]|thousand|million|billion|crores?|lakhs?|mio|mil|mn|bn|[0-9]\s?(?:kw|[kmbw])(?![a-z])|위안|원|元|块|yuan|rmb|cny|krw|won|usd|dollar|달러"
)
_CURRENCY_RE = re.compile(_CURRENCY)
_WON_LEADS = ("원화로", "원화", "한화로", "한화", "한국돈으로", "韩元", "韩币", "inkrw", "krw")
_IMPLAUSIBLE = {Currency.CNY: MAX_CNY, Currency.KRW: MAX_CNY * 300}
_YEAR = re.compile(r"(?<!\d)(20[2-3]\d)(?!\d)\s?(?:년|年)?")
_CLAUSE_WORDS = (
    "sourcetext",
    "원문",
    "조문",
    "중국어원문",
    "原文",
    "条款",
    "原话",
    "clause",
    "originaltext",
    "verbatim",
    "originalchinese",
)


@dataclass(frozen=True)
class Slots:
    ptypes: frozenset[ProgramType]
    strong_types: bool
    money: Money | None
    money_problem: Problem | None  # an amount was written but does not read as one
    year: int | None
    wants_clause: bool
    amount_span: tuple[int, int] | None = None
    spend_picked: bool = False  # of several amounts, this one for the spend verb beside it: it is the spend


def find_types(text: Normalized) -> tuple[frozenset[ProgramType], bool]:
    """The program types named, and whether they were named unmistakably (strong words); not one set aside
    ("모델 말고 컴퓨팅 쿠폰")."""
    compact = text.compact
    if contains_any(compact, SET_ASIDE):
        compact = _TYPE_SET_ASIDE.sub(" ", compact)
    if contains_any(compact, _TRAIT_PHRASES):  # 컴퓨팅 파워 공급업체, 算力服务商, 大模型企业: who asks, not a program
        compact = _NOT_TYPES.sub(" ", compact)
    compact = _COMPUTE_PRODUCTS.sub(" ", compact)  # 算力产品, "compute product": what is sold, not a voucher
    compact = _ONCE_OR_YEARLY.sub(" ", compact)  # "per year or one-off?": how often it is paid, not a one-time award
    compact = _NOT_PROGRAMS.sub(" ", compact)  # "Tom's Hardware", 数据局: a publication or a bureau, not a kind
    strong = _STRONG.names_in(compact)
    if len(strong) > 1:  # "스마트 컴퓨팅 센터 1:1 보상": the 컴퓨팅 of a center's name names no compute voucher
        strong = _STRONG.names_in(_CENTER_PHRASES.sub(" ", compact)) or strong
    if T.PLATFORM_SUBSIDY in strong and contains_any(compact, VOUCHER_WORDS):
        # "양저우 쿠폰은 운하도시 플랫폼 꼭 써야 돼?": the platform is where the voucher is spent
        strong.discard(T.PLATFORM_SUBSIDY)
    if strong:
        return frozenset(strong), True
    compact = _CENTER_PHRASES.sub(" ", compact)  # the 데이터 of 데이터센터 names no data voucher
    compact = _MODEL_TRAINING.sub(" ", compact)  # "자율주행 모델 훈련도 대상이야?": training is what compute is for
    return frozenset(_WEAK.names_in(compact)), False


_ONCE = r"(?:one-?off|one-?time|once|一次性|일회성|1회성|한번만)"
_YEARLY = r"(?:peryear|ayear|yearly|annual|annually|everyyear|每年|年度|매년|연간|해마다)"
_ONCE_OR_YEARLY = re.compile(
    rf"{_YEARLY}(?:or|还是|아니면|이야|인지|이에요)(?:a)?{_ONCE}|{_ONCE}(?:or|还是|아니면|이야|인지)(?:a|an)?{_YEARLY}"
)
# A publication or an office whose name holds a type word: "Tom's Hardware says…", "财政局 or 数据局?".
_NOT_PROGRAMS = re.compile(
    r"tom'?s?hardware|톰스하드웨어|톰하드웨어|(?:大)?数据(?:发展)?(?:管理)?局|(?:big)?data(?:development)?(?:administration|bureau)"
    r"|빅데이터(?:발전)?(?:관리)?국|데이터국"
)
_COMPUTE_PRODUCTS = re.compile(r"(?:算力|산력|컴퓨팅(?:파워)?|compute(?:power)?)(?:产品|제품|상품|products?)")
_MODEL_TRAINING = re.compile(
    r"모델훈련|모델학습|모델트레이닝|modeltraining|trainingmodels?|模型训练|训练模型|训练大模型"
)


def find_money(text: Normalized) -> tuple[Money | None, Problem | None, tuple[int, int] | None, bool]:
    """The amount the question is about: of several, the one a spend verb stands beside ("예산 1000만인데 그중 300만
    쓰면", "budget is 10M but we'll spend 4M", "上限是200万，我们花了2000万"), else the first. A bare number counts
    only from 1,000 up; years and % are not amounts. Last: whether it was picked for its spend verb."""
    found = _amounts(text)
    if not found:
        return None, None, None, False
    readable = [(money, span) for money, span in found if isinstance(money, Money)]
    if len(readable) > 1:
        corrected = _corrected_amount(text, readable)
        if corrected is not None:  # "800만 … 아 잠깐, 800 아니고 650만이요": the amount meant
            return corrected[0], None, corrected[1], True
        for beside in (spend_before, spend_beside):  # "budget 2M, spent 1.2M": the verb before it first
            for index, (spent, where) in enumerate(readable):
                if beside is spend_before and index and _verb_of_the_one_before(text, readable[index - 1][1], where):
                    continue  # "420만 위안 쓰면 126만 나오는 거 맞죠?": 쓰면 is the 420만's, the 126만 is what it gets
                if beside is spend_before and _cap_before(text, where):
                    continue  # "按模型购买费用30%、最高200万": the verb is the rate's, the amount its cap
                if beside(text, where):
                    return spent, None, where, True
        ours = _ours_after_a_cap(text, readable)
        if ours is not None:  # "…50% up to 2M. Our client's contract is 5 million, …?": the contract's sum, spent
            return ours[0], None, ours[1], True
        after_cap = _spent_after_a_cap(text, readable)
        if after_cap is not None:  # "30% … capped at 1M. Our project is 2.5M, what will we get?": the project's
            return after_cap[0], None, after_cap[1], True
        kept = [(money, where) for money, where in readable if not _budget_or_revenue(text, where)]
        if kept and len(kept) < len(readable):  # "매출 2억 위안 회사고 산력 구매는 600만": not the revenue
            return kept[0][0], None, kept[0][1], True
        (_, first_at), (second, second_at) = readable[0], readable[1]
        if len(readable) == 2 and _cap_before(text, second_at) and not is_a_cap(text, first_at):
            return second, None, second_at, False  # "一个2万，一家最多5万": of a figure and a cap after it, the cap
    first, span = found[0]
    return (first, None, span, False) if isinstance(first, Money) else (None, first, span, False)


# Between two amounts, the second replaces the first ("…800만 위안 결제하면? 아 잠깐, 650만이요", "sorry, I meant 3M").
_AMOUNT_CORRECTED = re.compile(
    r"아\s?잠깐|잠깐만?|아니고|아니라|아\s?아니|정정|sorry|i\s?meant|i\s?mean|correction|actually|不对|我是说|说错|更正|纠正"
)
# Right before an amount, it is the yearly one (of a monthly and a yearly figure, the yearly is what the year gets).
_YEARLY_BEFORE = re.compile(r"(?:1년이면|일년이면|1년에|연간|연|一年|每年|年|a\s?year|per\s?year|yearly|annually)\s?$")
_MONTHLY_BEFORE = re.compile(r"(?:월|매달|한달에?|每月|一个月|月|a\s?month|per\s?month|monthly)\s?$")


def _corrected_amount(
    text: Normalized, readable: list[tuple[Money, tuple[int, int]]]
) -> tuple[Money, tuple[int, int]] | None:
    """The last amount, when a correction stands between it and an earlier one; or the yearly amount beside a
    monthly one ("월 120만, 1년이면 1,440만 위안")."""
    last_money, last_span = readable[-1]
    between = text.spaced[readable[-2][1][1] : last_span[0]]
    if _AMOUNT_CORRECTED.search(between):
        return last_money, last_span
    before = [text.spaced[max(0, span[0] - 8) : span[0]] for _, span in readable]
    monthly = any(_MONTHLY_BEFORE.search(lead) for lead in before)
    yearly = [pair for pair, lead in zip(readable, before, strict=True) if _YEARLY_BEFORE.search(lead)]
    return yearly[0] if monthly and yearly else None


_UNIT_LEFT = re.compile(r"^(?:위안|元|块|yuan|rmb|cny|어치|정도|가량)*")


def _verb_of_the_one_before(text: Normalized, previous: tuple[int, int], span: tuple[int, int]) -> bool:
    """The spend verb before ``span`` follows the amount before it, with only its unit between."""
    gap = _UNIT_LEFT.sub("", text.spaced[previous[1] : span[0]].replace(" ", ""))
    return gap.startswith(SPEND_VERBS) and not gap[:1].isascii()  # a verb after its object: not "2M, spent 1.2M"


def spend_before(text: Normalized, span: tuple[int, int]) -> bool:
    """A spend verb or a part-of lead right before the amount."""
    before = text.spaced[max(0, span[0] - 16) : span[0]].replace(" ", "")[-9:]
    return any(marker in before for marker in (*SPEND_MARKERS, *PART_OF))


# Right before an amount, it is a budget or the firm's revenue, not what is spent ("예산 1000만인데 … 400만 씀").
_NOT_SPENT = ("예산", "매출", "연매출", "营收", "收入", "预算", "budget", "revenue", "turnover", "sales")


# Right before an amount, it is the program's cap, not what is spent ("capped at 1M", "상한 500만", "最高500万").
_CAP_BEFORE = re.compile(r"(?:capped\s?at|cap\s?of|cap|up\s?to|max|상한|최대|한도|캡|上限|最高|封顶|最多)\s?$")


def _cap_before(text: Normalized, span: tuple[int, int]) -> bool:
    return _CAP_BEFORE.search(text.spaced[max(0, span[0] - 12) : span[0]]) is not None


# Right after an amount, it is the program's cap ("연 100만 상한", "500만 위안 한도인데", "1000万封顶").
_CAP_AFTER = re.compile(r"\s?(?:위안|元|yuan|rmb|cny)?\s?(?:상한|한도|캡|上限|封顶|cap\b)", re.I)


def is_a_cap(text: Normalized, span: tuple[int, int]) -> bool:
    """A cap word right before the amount ("最高500万", "capped at 1M") or right after it ("800万上限", "1M cap")."""
    return _cap_before(text, span) or _CAP_AFTER.match(text.spaced, span[1]) is not None


_WHAT_IT_GETS = re.compile(
    r"얼마|多少|how\s?much|what\s(?:will|would|do|does|can)\s(?:we|i|they|it)|지원액|수령액|산출|(?:이|이라|라)?면\s?$"
)


def _spent_after_a_cap(
    text: Normalized, readable: list[tuple[Money, tuple[int, int]]]
) -> tuple[Money, tuple[int, int]] | None:
    """Of a cap and a later amount in yuan with "how much" after it, the later one: what is spent."""
    if len(readable) != 2:
        return None
    (_, first_span), (second, second_span) = readable
    if not is_a_cap(text, first_span) or is_a_cap(text, second_span) or second.currency is not Currency.CNY:
        return None
    return (second, second_span) if _WHAT_IT_GETS.search(text.spaced[second_span[1] :]) else None


# Right before a sum, what makes it the asker's contract, project or investment ("contract is 5 million",
# "for a 2.5M yuan project", "투자 200만 위안일 때", "저희 계약 300만", "client runs 50mn").
_OUR_SUM_BEFORE = re.compile(
    r"(?:contract\s(?:is|of|worth)|contracts?\sare|project\s(?:is|of)|for\sa|for\smaybe|for\sabout|runs|investment\sof|we\sspend|spends|"
    r"투자\s?(?:액|금|총액)?\s?(?:이|가|은|는)?|계약\s?(?:금액|액)?\s?(?:이|가|은|는)?|총투자|"
    r"投资|投了|合同|签了)\s?(?:about|around|roughly|约|대략|약)?\s?$"
)


_THRESHOLD_AFTER = re.compile(
    r"\s?(?:위안|元)?\s?(?:은|는|이|가)?\s?(?:넘어야|넘겨야|이상|超过|以上|or\s?more|at\s?least)"
)


def _ours_after_a_cap(
    text: Normalized, readable: list[tuple[Money, tuple[int, int]]]
) -> tuple[Money, tuple[int, int]] | None:
    """After a cap, a sum named as the asker's contract, project or investment: what is spent."""
    if not is_a_cap(text, readable[0][1]):
        return None
    for money, span in readable[1:]:
        lead = text.spaced[max(0, span[0] - 24) : span[0]]
        threshold = _THRESHOLD_AFTER.match(text.spaced, span[1]) is not None  # "계약이 2천만은 넘어야": how much asked
        if (
            money.currency is Currency.CNY
            and not is_a_cap(text, span)
            and _OUR_SUM_BEFORE.search(lead)
            and not threshold
        ):
            return money, span
    return None


def _budget_or_revenue(text: Normalized, span: tuple[int, int]) -> bool:
    before = text.spaced[max(0, span[0] - 12) : span[0]].replace(" ", "")
    return any(word in before for word in _NOT_SPENT)


def spend_beside(text: Normalized, span: tuple[int, int]) -> bool:
    """A spend verb or a part-of lead right before the amount ("花400万", "spend 4M", "그중 … 300만", "of which 6M"),
    or a spend verb right after it ("300만 쓰면")."""
    before = text.spaced[max(0, span[0] - 16) : span[0]].replace(" ", "")[-9:]
    after = text.spaced[span[1] : span[1] + 12].replace(" ", "")
    return after.startswith(SPEND_VERBS) or any(marker in before for marker in (*SPEND_MARKERS, *PART_OF))


def every_amount(text: Normalized) -> list[tuple[Money | Problem, tuple[int, int]]]:
    """Every amount written, in order, with its span (a profile reads each one)."""
    return _amounts(text)


def _amounts(text: Normalized) -> list[tuple[Money | Problem, tuple[int, int]]]:
    """Every amount written, in order; one too large to be meant ("10조 중대 프로젝트", an article number) only when
    it is the only one (the handler then says it is too large)."""
    out: list[tuple[Money | Problem, tuple[int, int]]] = []
    too_large: list[tuple[Money | Problem, tuple[int, int]]] = []
    of_models = _MODEL_WORDS.search(text.compact) is not None
    for match in _AMOUNT.finditer(text.spaced):
        raw = match.group("amount").strip()
        if not raw or match.group("after").strip() or _COMPUTE_AFTER.match(text.spaced, match.end()):
            continue  # "1만6천P" is compute power, not money
        if of_models and _MODEL_SIZE.fullmatch(raw):
            continue  # "a 70B model", "client's model is 72B": parameters, not yuan
        has_unit = bool(_UNIT_OR_CURRENCY.search(raw))
        digits = re.sub(r"\D", "", raw)
        if not has_unit and (len(digits) < 4 or (len(digits) == 4 and digits.startswith("20"))):
            continue
        lead = text.spaced[max(0, match.start() - 8) : match.start()].replace(" ", "")
        if raw.endswith("조") and lead.endswith(_POLICY_NAMED_BY_ARTICLES):
            continue  # "우한 AI 10조": the policy of ten articles (人工智能10条), not ten trillion
        result = read_money(raw)
        if isinstance(result, Money):
            if result.currency is Currency.CNY and not _CURRENCY_RE.search(raw) and lead.endswith(_WON_LEADS):
                result = Money(result.amount, Currency.KRW)  # "원화로 1억 5천만이면 …": the amount is in won
            if result.amount > _IMPLAUSIBLE[result.currency]:
                too_large.append((result, match.span("amount")))
                continue
        out.append((result, match.span("amount")))
    for match in _HALF_A.finditer(text.spaced):  # "half a million yuan", "half a mil": 0.5 of the unit
        result = read_money(f"0.5{match.group('unit')}{match.group('currency') or ''}")
        if isinstance(result, Money):
            out.append((Money(result.amount.to_integral_value(), result.currency), match.span()))
    for match in _TEN_THOUSAND.finditer(text.spaced):  # "만 위안이 몇만원?": one 만 of the currency
        result = read_money(f"1만{match.group('currency')}")
        if isinstance(result, Money):
            out.append((result, match.span()))
    out.sort(key=lambda found: found[1][0])
    if len(out) > 1:  # "190원 기준으로 1,000만 위안이면": a won figure that small is the rate used, not an amount
        out = [found for found in out if not _a_rate_in_won(found[0])] or out
    return out or too_large[:1]


def _a_rate_in_won(found: Money | Problem) -> bool:
    return isinstance(found, Money) and found.currency is Currency.KRW and found.amount < 1000


_TEN_THOUSAND = re.compile(r"(?<![가-힣0-9.,])만\s?(?P<currency>위안|위엔|원(?!화))")
_MODEL_WORDS = re.compile(r"model|llm|param|模型|参数|모델|파라미터|매개변수")
_MODEL_SIZE = re.compile(r"\d+(?:\.\d+)?\s?b")
_POLICY_NAMED_BY_ARTICLES = ("ai", "인공지능", "에이아이")
_HALF_A = re.compile(
    r"(?<![a-z])half\s(?:a\s)?(?P<unit>million|mil|billion)(?![a-z])(?:\s?(?P<currency>yuan|rmb|cny|won|krw)(?![a-z]))?"
)


_FACTOR = re.compile(
    r"(?P<n>두|세|네|2|3|4|二|两|三|四)\s?(?:배|倍)|(?P<double>double|twice|翻倍|加倍)|(?P<triple>triple)"
    r"|(?P<half>절반|반만|(?<!\S)반(?=이면|이라면|으로)|half|一半|减半)"
)
_FACTORS = {"두": 2, "2": 2, "二": 2, "两": 2, "세": 3, "3": 3, "三": 3, "네": 4, "4": 4, "四": 4}


def find_factor(text: Normalized) -> Decimal | None:
    """ "두 배 쓰면?", "double it", "一半呢": the last amount times this (a follow-up names no amount of its own)."""
    match = _FACTOR.search(text.spaced)
    if match is None:
        return None
    if match.group("n"):
        return Decimal(_FACTORS[match.group("n")])
    if match.group("double"):
        return Decimal(2)
    return Decimal(3) if match.group("triple") else Decimal("0.5")


# "그럼 1년이면?", "那一年下来呢", "and for the year?": after a monthly spend, the spend of twelve months.
_FOR_A_YEAR = re.compile(
    r"(?:1|일|한)\s?년(?:이면|이라면|치|으로|동안|간)|一年|全年|(?:a|the|per|one)\s(?:whole\s|full\s)?year|yearly|annual"
)
_MONTHLY = re.compile(
    r"(?<![가-힣])월\s?\d|매달|매월|한\s?달|每月|每个月|一个月|a\s?month|per\s?month|monthly|/\s?month|/\s?mo\b"
)


def year_of_months(text: Normalized, previous: str) -> Decimal | None:
    """12 when a message asks for the year after a question with a monthly spend ("월 3천만원 쓰면?" then "그럼
    1년이면?"); None otherwise."""
    if _FOR_A_YEAR.search(text.spaced) and _MONTHLY.search(normalize(previous).spaced):
        return Decimal(12)
    return None


def find_year(text: Normalized) -> int | None:
    """The year named; of two, the one not set aside ("2024년판 말고 2025년판", "not 2023 but 2024")."""
    matches = list(_YEAR.finditer(text.spaced))
    if not matches:
        return None
    if len(matches) > 1 and _YEAR_SET_ASIDE.match(text.spaced[matches[0].end() :]):
        return int(matches[1].group(1))
    return int(matches[0].group(1))


_YEAR_SET_ASIDE = re.compile(r"\s?(?:판|버전|거|것|년도)?\s?(?:말고|아니고|아니라|빼고|不是|而是|rather than|not)")


def extract(text: Normalized, corrected: Normalized | None = None) -> Slots:
    """Slots of ``text``; types and clause requests are read from the typo-corrected text when given."""
    money, problem, span, spend_picked = find_money(text)
    words = corrected or text
    ptypes, strong = find_types(words)
    return Slots(
        ptypes=ptypes,
        strong_types=strong,
        money=money,
        money_problem=problem,
        year=find_year(text),
        wants_clause=any(w in words.compact for w in _CLAUSE_WORDS),
        amount_span=span,
        spend_picked=spend_picked,
    )


def type_vocabulary() -> tuple[str, ...]:
    """Every type word, for recognising a place name glued to one (우한컴퓨팅쿠폰)."""
    words = [w for group in (STRONG_TYPE_WORDS, WEAK_TYPE_WORDS) for ws in group.values() for w in ws]
    extra = forms_of(
        "법인 지사 사무소 공장 쿠폰 바우처 정책 지원 보조금 얼마 목표 센터 은 는 에서 산력 스마트 인공지능 지능형 수구 규모 최초 중에 중 vs 어디 비교"
    )
    latin = forms_of("ai subsid policy policies voucher support incentive program target center")
    return (*words, *extra, *latin, "政策", "补贴", "券")
