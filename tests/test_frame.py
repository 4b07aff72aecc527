"""The frame of a question, one group per failure class the hidden sets showed (examples of our own)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from bot.core.dispatch import Responder
from bot.core.facts import fact, short_cite
from bot.core.message import IncomingMessage
from bot.core.registry import REGISTRY
from bot.core.render_plain import render_plain
from bot.domain.dataset import Dataset
from bot.domain.freshness import judge
from bot.domain.gazetteer import PlaceRef
from bot.nlu.context import ConversationMemory, Turn
from bot.nlu.matcher import IntentMatcher
from bot.nlu.query import Query


@pytest.fixture(scope="module")
def matcher(dataset: Dataset) -> IntentMatcher:
    return REGISTRY.matcher(dataset)


def _slugs(refs: tuple[PlaceRef, ...]) -> list[str]:
    return [r.place for r in refs]


def test_names_written_together_are_ruled_out_together(matcher: IntentMatcher) -> None:
    """ "不是无锡南京" rules out both (no mark between them); "not Hangzhou, Suzhou" only the first."""
    query = matcher.match("不是无锡南京，是苏州的算力券").query
    assert _slugs(query.places) == ["suzhou"] and set(_slugs(query.excluded)) == {"wuxi", "nanjing"}
    query = matcher.match("江苏省层面有没有统一的算力券？不是说苏州南京那种市级的").query
    assert not query.places and query.outside and set(_slugs(query.excluded)) == {"suzhou", "nanjing"}


@pytest.mark.parametrize(
    ("text", "asked", "excluded"),
    [
        ("청두 말고 충칭 산력권 얼마야", "chongqing", "chengdu"),
        ("항저우 아니고 쑤저우 컴퓨팅 쿠폰 조건", "suzhou", "hangzhou"),
        ("not Hangzhou, Suzhou compute voucher rate", "suzhou", "hangzhou"),
        ("不是北京，是深圳的模型券", "shenzhen", "beijing"),
        ("厦门不要，漳州算力券多少", "zhangzhou", "xiamen"),  # 不要 right after a name negates that name
        ("Chengdu? no wait, Chongqing. compute voucher", "chongqing", "chengdu"),
        ("산동성 전체 정책 말고 칭다오시 모델 쿠폰", "qingdao", "shandong"),  # the marker after words said of A
        ("不是问南京的，问苏州的算力券", "suzhou", "nanjing"),
    ],
)
def test_negation_names_the_place_asked(matcher: IntentMatcher, text: str, asked: str, excluded: str) -> None:
    """'A 말고 B' is a question about B, not a comparison of A and B."""
    query = matcher.match(text).query
    assert query.intent == "program_info"
    assert _slugs(query.places) == [asked] and _slugs(query.excluded) == [excluded]


@pytest.mark.parametrize(
    ("text", "intent", "places"),
    [
        ("亦庄那个一次性奖励100万，听说跟深圳征求意见稿写得一模一样？", "program_info", ["beijing"]),
        ("칭양 산력권 상한이 구이저우랑 같은 수준이라던데 맞아?", "program_info", ["qingyang"]),
        ("Qingyang voucher, 2M cap, same as Beijing and Guizhou?", "program_info", ["qingyang"]),  # two yardsticks
        ("河南和安徽的算力补贴比例一样吗", "compare", ["henan", "anhui"]),  # named together: both asked
    ],
)
def test_a_place_named_as_having_the_same_is_a_yardstick(
    matcher: IntentMatcher, text: str, intent: str, places: list[str]
) -> None:
    query = matcher.match(text).query
    assert query.intent == intent and [r.place for r in query.places] == places


@pytest.mark.parametrize(
    ("text", "amount", "role"),
    [
        ("톈진 산력권 상한이 500만이라던데 맞아?", 5_000_000, "check"),
        ("is it true the Shanghai model voucher cap is 2M?", 2_000_000, "check"),
        ("听说杭州算力券上限是500万，真的吗", 5_000_000, "check"),
        ("청두 녹색 데이터센터 100만 위안 지원금 조건?", 1_000_000, "subject"),
        ("Shenzhen's 2M-cap model voucher, still running?", 2_000_000, "subject"),
        ("山东买省内算力补5%，最多五百万是吧", 5_000_000, "check"),  # a cap, though the program is about buying
        ("珠海算法备案奖励一个2万，一家最多5万对吧", 50_000, "check"),  # of a figure and a cap after it: the cap
        ("经开区那个一次性100万的奖励，签约额要超过多少？", 1_000_000, "subject"),  # the contract sum is asked
        ("북경시 산력권 연 200만 위안 상한, 이거 아직 그대로죠?", 2_000_000, "check"),  # still so?
        ("无锡每年5000万算力券靠谱吗？有原文没？", 50_000_000, "check"),  # that figure's footing
        ("청두 산력권 기업당 500만 맞죠? 신청 기간도 알려주세요", 5_000_000, "check"),  # the figure, then a part
        ("우한에서 컴퓨팅에 200만 위안 쓰면 얼마 받아?", 2_000_000, "spend"),
        # of several amounts, the one a spend verb stands beside is the spend; a budget or a heard cap is not
        ("예산 1000만인데 그중 GPU 임대에 300만 쓰면 우한 얼마 받아?", 3_000_000, "spend"),
        ("heard the cap is 8M; if we spend 30M on compute in Hangzhou what do we get", 30_000_000, "spend"),
        ("预算1000万，其中算力花400万，厦门能补多少", 4_000_000, "spend"),
        (
            "징카이구 산력권 30%면 우리가 연간 420만 위안 쓰면 126만 나오는 거 맞죠?",
            4_200_000,
            "spend",
        ),  # not its result
        ("budget 3M, spent 1.5M on GPUs in Wuhan, what do we get back", 1_500_000, "spend"),  # the verb before it
        ("매출 5억 위안 회사고 산력 구매는 300만 위안, 우한에서 얼마 보조?", 3_000_000, "spend"),  # not the revenue
        ("营收八千万，算力支出五百万，武汉算力券能补多少", 5_000_000, "spend"),
        ("is it true the Tianjin compute voucher needs a minimum spend of 500k yuan?", 500_000, "check"),
        ("苏州平台支持最高500万，条件呢", 5_000_000, "subject"),  # the cap names the program; conditions asked
        ("Xuhui relocation award, the 5M one, still a draft?", 5_000_000, "subject"),
        ("Zhuhai algorithm filing reward is 50k?", 50_000, "check"),
        ("징카이구 일회성 지원금 200만 위안이었나? 기억이 가물가물", 2_000_000, "check"),
        ("天津算力券每年2000万，单家企业按多少比例补", 20_000_000, "subject"),  # the pool described, the rate asked
        ("우한 시범 응용 시나리오 프로젝트 2000만 위안 조건", 20_000_000, "subject"),  # no spend verb, another aspect
        ("我们是一人公司，武汉算力费用一年50万，补多少", 500_000, "spend"),  # a yearly cost to compute on
        ("우한 시나리오 프로젝트 투자총액 200만 위안이면 얼마 받음?", 2_000_000, "spend"),
        ("厦门算力补贴门槛5万？", 50_000, "check"),
        ("우한 과학기술 중대 프로젝트 프로젝트당 2000만 위안이야?", 20_000_000, "check"),
        ("成都人工智能应用场景支持最高100万？截止时间呢", 1_000_000, "check"),  # two questions: the figure, then when
        # a figure only heard, then a question of its own: it describes the program; a word back at it checks it
        ("난징 산력권 예산이 매년 3000만 위안이라는데 기업당 얼마까지 받아요?", 30_000_000, "subject"),
        ("충칭 컴퓨팅 쿠폰이 총 2억 규모라던데 어떤 기업이 신청할 수 있어?", 200_000_000, "subject"),
        ("충칭 컴퓨팅 쿠폰이 총 2억 규모라던데 맞아?", 200_000_000, "check"),
        ("사장님이 난징 산력권 500만 위안까지 준다던데, 우리 회사도 그 한도야?", 5_000_000, "check"),
        ("听说南京算力券500万封顶？", 5_000_000, "check"),
        ("Wuxi compute voucher 50M a year or 100M?", 50_000_000, "check"),  # which of two figures is right
        ("南京算力券一年五千万还是一亿", 50_000_000, "check"),
        ("Zhangzhou compute voucher 50% up to 2M?", 2_000_000, "check"),  # the cap put forward, not its program
        ("中山算力券 五个亿总盘子？", 500_000_000, "check"),  # a pool put forward
        ("河南算力券总盘子5000万？", 50_000_000, "check"),
        # must we spend that much: the floor put forward; a yes-or-no question after a figure heard checks it
        ("하문 算力券 연간 최소 5만 위안은 써야 됨?", 50_000, "check"),
        ("베이징 경제기술개발구 모형쿠폰 총 1억 위안이라던데 연간 예산인지요?", 100_000_000, "check"),
        ("무한 算力服务券 1년에 천만 위안 이하라던데 지금도 그럼?", 10_000_000, "check"),
        ("베이징 컴퓨팅 쿠폰 계약 1200만 위안이면 얼마 받는지 확인좀, 원화로도", 12_000_000, "spend"),
        # a spend relayed from someone else, then "how much back": computed
        (
            "고객사가 베이징 징카이구에서 산력 서비스에 2천만 위안 쓸 계획이라는데 쿠폰으로 얼마 돌려받나요",
            20_000_000,
            "spend",
        ),
        ("고객사가 산동성 산력 거래 계약 五千万짜리 있대요 보조 얼마 나와요?", 50_000_000, "spend"),
        ("무석 최대 2천만 위안짜리 컴퓨팅 쿠폰 받으려면 조건이 뭘까요", 20_000_000, "subject"),
        ("하남성 산력권 주체당 연 100만 한도?", 1_000_000, "check"),  # a cap put forward
        ("북경 경개구 모형권 일억 위안, 매년 주는 것 입니까 한번 만 입니까", 100_000_000, "subject"),  # yearly or once
        ("同样是500万元的算力合同，杭州能补多少？", 5_000_000, "spend"),  # a figure supposed, computed on
        ("您好，请问南京算力券每年发放总额是否为5000万元？", 50_000_000, "check"),
        ("무호 지산 이용료 일억 오천만 위안 이면 보조 얼마", 150_000_000, "spend"),  # Korean numerals, two groups
        ("苏州牵头国家试点项目最高支持一个亿？", 100_000_000, "check"),
        ("中山算力券 五个亿 是总额吗", 500_000_000, "check"),
        ("톈진 算力券 2026년까지 매년 2000만 위안인 거죠", 20_000_000, "check"),
        ("톈진 算力券 매년 2000만 위안 배정이라는데 맞습니까", 20_000_000, "check"),  # 배정 (allotted) is no "times"
        ("亦庄那个100万元一次性奖励，对签约金额有什么要求？", 1_000_000, "subject"),  # the award named
        ("우시 컴퓨팅 쿠폰 연간 5000만 위안 출처가 어디임? 공식 문서 있음?", 50_000_000, "check"),  # its source asked
        ("광저우 하이주구에 800만 위안짜리 AI 응용 시나리오 프로젝트 하면 얼마 나와", 8_000_000, "spend"),
        (
            "김과장: GPU 서버 임대를 검토 중인데 연간 약 150만 위안 예상됩니다. "
            "충칭 산력권으로 얼마나 보전받을 수 있는지 확인 부탁드립니다.",
            1_500_000,
            "spend",
        ),  # a request to look it up, not a figure to confirm
        ("귀주성 산력권 8000만 위안이 한 해 기준이에요?", 80_000_000, "check"),  # is it yearly: a yes-or-no about it
        ("우후 로컬 스마트 컴퓨팅 쓰면 최대 2천만까지 보조해준다는 거 사실?", 20_000_000, "check"),
        (
            "Wuhan issues up to 10M yuan a year in compute vouchers, the article said. Is that still right?",
            10_000_000,
            "check",
        ),
    ],
)
def test_an_amount_has_a_role(matcher: IntentMatcher, text: str, amount: int, role: str) -> None:
    """A figure quoted to check, or the award asked about, is never computed as a spend."""
    query = matcher.match(text).query
    assert query.money is not None and query.money.amount == Decimal(amount)
    assert query.amount_role == role
    assert (query.intent == "subsidy_calc") is (role == "spend")


@pytest.mark.parametrize(
    ("text", "aspect"),
    [
        ("선전 모델 쿠폰 상한 얼마야", "amount"),
        ("우한 시나리오 프로젝트는 투자 총액의 몇 퍼센트 줘?", "rate"),  # the total is what the rate is of
        ("武汉场景项目按投资总额的百分之多少补", "rate"),
        ("칭다오 모델 쿠폰 신청 기간은?", "window"),  # alone, not a second question
        ("how much are the Wuxi compute vouchers per year", "budget"),  # vouchers a year: the yearly pool
        ("Chengdu compute voucher max per year?", "amount"),  # a cap a year is a firm's cap
        ("武汉OPC免费算力每年给多少卡时", "amount"),  # free compute hours a firm gets
        ("庆阳算力券是正式发文还是新闻报道", "status"),  # a status word in a choice of two is the question
        ("重庆算力券现在能申请吗", "window"),  # whether one may apply now: the window
        ("징카이구 모델 쿠폰 살 때만 되는 거야?", "conditions"),
        ("난닝 산력권은 남A센터 산력만 되는거임?", "conditions"),  # only X counts
        ("베이징 산력권 2025년 말까지만 되는 거야?", "window"),  # only until then
        ("成都用API调用大模型也有补贴吗", "conditions"),
        ("深圳模型券是不是要网信办备案了的模型才得行？", "conditions"),
        ("베이징 산력권 몇 퍼센트 지원해?", "rate"),
        ("상하이 컴퓨팅 쿠폰 총 예산", "budget"),
        ("중경 컴퓨팅쿠폰 누가 받을 수 있음?", "conditions"),
        ("선전 모델 쿠폰 신청은 어느 센터에서 해?", "apply"),
        ("항저우 산력권 마감 언제야", "window"),
        ("우한 시나리오 지원 아직 초안이야?", "status"),
        ("칭다오 算力券 최소 얼마 써야 돼", "minimum"),
        ("칭양 컴퓨팅 쿠폰 원문 보여줘", "clause"),
        ("漳州算力券的文件名称是什么", "clause"),  # the document it is in
        ("Shenzhen model voucher: who qualifies?", "conditions"),
        ("武汉算力券截止时间", "window"),
        ("난닝 산력권 접수 며칠까지예요", "window"),
        ("青岛算力券申报到几号截止", "window"),
        ("Does the Wuxi compute voucher cover inference as well?", "conditions"),  # what it is for
        ("Can a listed company claim the Zhuhai compute voucher?", "conditions"),
        ("Tianjin compute voucher, when was it issued?", "window"),  # "issued" is no slip of "issuer"
        ("Nanning voucher, fees from Mar-Dec only?", "window"),  # a span of months
        ("Zhangzhou compute vouchers, do they actually exist?", "status"),
        ("칭양 쿠폰 양도는 안 되죠?", "conditions"),
        ("天津算力券是2025到2026两年的吗？", "window"),  # a span of years said to be the term
        ("징카이구 정책 3월 28일 발표라던데 문건은 11월 거라며? 뭐가 맞아?", "status"),  # two dates: which text stands
        ("칭양 쿠폰 받으면 언제까지 써야 돼요?", "window"),  # by when it must be used
        ("武汉算力服务券系咪净系畀中小企业㗎？", "conditions"),  # Cantonese: only for SMEs?
    ],
)
def test_the_asked_aspect_is_understood(matcher: IntentMatcher, text: str, aspect: str) -> None:
    query = matcher.match(text).query
    assert query.intent == "program_info" and query.aspect == aspect


def test_a_center_word_does_not_make_a_center_question(matcher: IntentMatcher) -> None:
    """'어느 센터에서' beside a program type asks where to apply, not about computing centers."""
    assert matcher.match("선전 모델 쿠폰 신청은 어느 센터에서 해?").query.intent == "program_info"
    assert matcher.match("우한 스마트 컴퓨팅 센터 어디 있어").query.intent == "computing_center"


@pytest.mark.parametrize(
    ("text", "trait"),
    [
        ("우리 중소기업인데 상하이 컴퓨팅 쿠폰 얼마야", "sme"),
        ("we're a startup, what's the Shenzhen model voucher rate", "startup"),
        ("1인 기업도 우한 산력권 받을 수 있어?", "opc"),
        ("大模型企业在北京能拿多少算力券", "model_developer"),
        ("상장사도 항저우 컴퓨팅 쿠폰 돼?", "listed"),
        ("外资企业能申请深圳模型券吗", "foreign"),
        ("대표가 한국 국적인데 상하이 모델 쿠폰 신청 돼요?", "foreign"),  # the founder's nationality
        ("外国人创业能领杭州算力券吗", "foreign"),
        ("can a foreigner apply for the Wuxi voucher?", "foreign"),
        ("香港公司可以申请无锡算力券吗", "foreign"),  # a Hong Kong company is foreign-invested, not a place asked
        ("We're a cloud company in E-Town, what do servers get?", "compute_provider"),
        ("我们是搞大模型研发的，南京有什么支持", "model_developer"),
        ("can our HK entity claim the Wuxi voucher?", "foreign"),
    ],
)
def test_traits_are_read(matcher: IntentMatcher, text: str, trait: str) -> None:
    assert trait in matcher.match(text).query.traits


@pytest.mark.parametrize(
    ("text", "part"),
    [
        ("상하이 모델 쿠폰 상한 얼마야? 원화로는?", "fx"),
        ("Hangzhou compute voucher cap and the deadline?", "window"),
        ("庆阳算力券能转让给关联公司吗？比例多少", "conditions"),  # two questions, each its own aspect
        ("선전 코퍼스 쿠폰 상한이랑 조건도", "conditions"),
        ("항저우 산력권 상한이랑 신청기간", "window"),
        ("난징 산력권 총액 얼마고 신청기간은?", "window"),
    ],
)
def test_a_second_part_is_kept(matcher: IntentMatcher, text: str, part: str) -> None:
    query = matcher.match(text).query
    assert query.intent == "program_info" and part in query.parts


def test_the_second_part_is_answered_in_the_same_reply(responder: Responder) -> None:
    reply = responder.answer_now(IncomingMessage("상하이 모델 쿠폰 상한 얼마야? 원화로는?", chat_id="parts"))
    assert "원" in reply.headline[1] and "환율" in reply.headline[1]


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        ("다퉁 데이터셋 보상 최대 300만에 국가급 선정되면 50만 추가 맞지?", "맞습니다: 300만"),  # both named
        ("大同数据集奖励最高300万，入选国家案例再加50万对吧", "没错:300万"),
    ],
)
def test_a_reward_and_the_bonus_on_top_are_both_answered(responder: Responder, text: str, verdict: str) -> None:
    """Two programs named together (a reward, then a bonus on top of it): both lead, and the quoted figure is
    checked against the one it belongs to."""
    reply = responder.answer_now(IncomingMessage(text, chat_id="on-top"))
    assert len(reply.headline) >= 3 and any(line.startswith(verdict) for line in reply.headline)


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        ("we spent about half a million yuan on compute in Xiamen last year. does that clear the minimum?", "reaches"),
        ("하문에서 1년에 컴퓨팅 4만 위안 쓰면 최소 기준 넘어요?", "못 미칩니다"),
        ("厦门算力券 我们一年花20万 够最低门槛吗", "达到"),
    ],
)
def test_a_spend_held_against_the_minimum_is_answered_against_it(responder: Responder, text: str, verdict: str) -> None:
    """The minimum leads, then whether the spend the user gave reaches it; nothing is computed. Xiamen's 2024 notice
    (floor 50,000) leads: the data marks its 2023 measures (floor 300,000) as likely replaced by it."""
    reply = responder.answer_now(IncomingMessage(text, chat_id="floor"))
    assert reply.intent == "program_info" and not reply.calculation
    assert any(figure in reply.headline[0] for figure in ("50,000", "5만", "5万"))
    assert verdict in reply.headline[1]


@pytest.mark.parametrize("text", ["500k yuan in SGD how much", "50만 위안 달러로 얼마?", "200万人民币换美元多少"])
def test_another_currency_is_an_exchange_question_answered_in_won(responder: Responder, text: str) -> None:
    """We hold the yuan-won rate only: the reply says so, then gives the won, with the rate's date."""
    reply = responder.answer_now(IncomingMessage(text, chat_id="other-currency"))
    assert reply.intent == "fx"
    assert any(word in reply.headline[0] for word in ("only", "환산만", "只做"))
    assert any(word in line for line in reply.headline for word in ("KRW", "원", "韩元"))


def test_the_vouchers_of_a_place_are_each_answered(responder: Responder, dataset: Dataset) -> None:
    """ "上海的券最高多少": every kind of voucher Shanghai holds, a line each with its cap, status and source."""
    reply = responder.answer_now(IncomingMessage("上海的券最高多少", chat_id="kinds"))
    kinds = {p.type for p in dataset.places["shanghai"].programs if p.type.value.endswith("_voucher")}
    assert reply.intent == "program_info" and len(kinds) > 2
    assert len([line for line in reply.headline if line.startswith("上海")]) == min(len(kinds), 4)
    assert all("·" in line for line in reply.headline[:3])
    assert responder.answer_now(IncomingMessage("상해 쿠폰 종류 다 알려줘", chat_id="k2")).intent == "city_overview"


def _after(matcher: IntentMatcher, first: str, second: str) -> Query:
    memory = ConversationMemory()
    memory.remember("c", matcher.match(first).query)
    return matcher.match(second, memory.last("c")).query


def test_follow_up_markers_carry_the_topic(matcher: IntentMatcher) -> None:
    query = _after(matcher, "우한 컴퓨팅 쿠폰 얼마야?", "그럼 베이징은?")
    assert query.intent == "program_info" and _slugs(query.places) == ["beijing"]
    query = _after(matcher, "선전 모델 쿠폰 상한 얼마야", "마감은?")
    assert query.aspect == "window" and _slugs(query.places) == ["shenzhen"]


@pytest.mark.parametrize(
    ("first", "second", "year"),
    [
        ("항저우 산력권 상한 얼마예요?", "2024년판 말고 2025년판 기준으로요", 2025),  # the year not set aside
        ("칭다오 산력권 조건 알려줘", "아 아니 2024년 말고 2025년 거", 2025),
    ],
)
def test_a_year_alone_asks_the_same_for_that_year(matcher: IntentMatcher, first: str, second: str, year: int) -> None:
    before = matcher.match(first).query
    query = _after(matcher, first, second)
    assert query.intent == before.intent and query.places == before.places and query.year == year


def test_a_city_set_against_its_district_stands_beside_it(matcher: IntentMatcher) -> None:
    query = matcher.match("Beijing city vs E-Town compute vouchers, what's the difference?").query
    assert query.intent == "compare" and [(r.place, r.district) for r in query.places] == [
        ("beijing", None),
        ("beijing", "etown"),
    ]
    query = _after(matcher, "베이징 징카이구 산권 캡 얼마야?", "아 아니 징카이구 말고 베이징시 전체 산권 말한 거였어")
    assert query.place == PlaceRef("beijing") and query.aspect == "amount"  # the same question, of the city
    assert matcher.match("北京经开区算力券").query.place == PlaceRef("beijing", "etown")  # named together: the district


def test_a_city_beside_its_district_is_compared_by_its_own_programs(responder: Responder) -> None:
    """Beijing's row shows the city-wide voucher (20%, 2M), not E-Town's under Beijing's name."""
    text = render_plain(responder.answer_now(IncomingMessage("Beijing city vs E-Town compute vouchers", chat_id="bj")))
    beijing = next(line for line in text.splitlines() if ". Beijing:" in line)
    assert "20%" in beijing and "20,000,000" not in beijing


def test_that_one_asks_of_the_same_program(matcher: IntentMatcher) -> None:
    query = _after(matcher, "항저우 算力券 상한 얼마예요?", "그거 연간이에요?")
    assert query.intent == "program_info" and _slugs(query.places) == ["hangzhou"]


@pytest.mark.parametrize("second", ["둘 다 알려줘", "两个都讲下", "both please"])
def test_both_after_a_comparison_keeps_its_places(matcher: IntentMatcher, second: str) -> None:
    query = _after(matcher, "주하이 산력권이 나아 중산 산력권이 나아?", second)
    assert query.intent == "compare" and _slugs(query.places) == ["zhuhai", "zhongshan"]


def test_a_complete_new_question_does_not_inherit(matcher: IntentMatcher) -> None:
    """After a Karamay question, a currency question with an amount is a currency question."""
    query = _after(matcher, "커라마이 데이터센터 뭐야", "60만 위안 원화로 얼마?")
    assert query.intent == "fx" and not query.places
    query = _after(matcher, "우한 컴퓨팅 쿠폰 얼마야?", "오늘 점심 뭐 먹지")
    assert query.intent == "unknown"


@pytest.mark.parametrize(
    "text",
    [
        "상하이 전기차 보조금 얼마임",
        "무한 출장 호텔 1박 400위안이면 싼거임?",
        "is 400 RMB a night ok for a hotel in Wuhan",
        "스타벅스 쿠폰 유효기간",
        "콜센터 번호 뭐였지",
        "이번 분기 매출 목표 달성 못할듯",
        "gpt-5 vs claude",
        "베이징 사회보험 외국인도 내야 돼?",  # a trait beside another domain asks no program
        "周五团建去哪儿吃",
        "谁有滴滴打车券",
    ],
)
def test_other_domains_are_off_topic_and_quote_no_number(responder: Responder, text: str) -> None:
    reply = responder.answer_now(IncomingMessage(text, chat_id="off"))
    assert reply.intent == "unknown"
    assert not any(ch.isdigit() for ch in render_plain(reply).replace("/subsidy", ""))


@pytest.mark.parametrize(
    ("text", "amount", "role", "aspect"),
    [
        ("항저우 算力券 상한 300만인거지?", 3_000_000, "check", "amount"),  # put forward right after the figure
        ("Tianjin compute voucher pool was 30M iirc?", 30_000_000, "check", "budget"),  # led by "pool"
        ("무한 산력권 총 8천만 맞아?", 80_000_000, "check", "budget"),
        ("成都算力券3个亿是真的吗", 300_000_000, "check", "budget"),  # 个亿, and a pool-sized figure
        ("Wuhan's 1M compute voucher, who can apply?", 1_000_000, "subject", "conditions"),
        ("征求意见稿里那个500万封顶的模型券定稿了吗 深圳", 5_000_000, "subject", "status"),
        ("青岛算力券最低要花20万吗", 200_000, "check", "minimum"),
        ("中山算力券总额5个亿，单家企业上限多少", 500_000_000, "subject", "amount"),  # the pool, then a firm's share
        ("Beijing compute voucher with the 2M cap, is it still open?", 2_000_000, "subject", "window"),
        ("Shanghai model voucher cap 5M? and the deadline?", 5_000_000, "check", "amount"),  # two questions
        ("厦门算力券一年最低要买30万才行？", 300_000, "check", "minimum"),  # a floor put forward, not a spend
        ("厦门智能算力补贴 一年花5万以上就行？", 50_000, "check", "minimum"),
        ("상해 모델쿠폰 50% 상한 500만이면 원화로 얼마정도?", 5_000_000, "subject", "amount"),  # that cap, in won
        ("经开区一次性奖励100万，要签约多少才够门槛", 1_000_000, "subject", "conditions"),  # the contract asked
        ("Shanghai 600M compute voucher, per company cap how much?", 600_000_000, "subject", "amount"),
    ],
)
def test_a_quoted_figure_is_checked_and_names_its_aspect(
    matcher: IntentMatcher, text: str, amount: int, role: str, aspect: str
) -> None:
    query = matcher.match(text).query
    assert query.money is not None and query.money.amount == Decimal(amount)
    assert (query.amount_role, query.aspect, query.intent) == (role, aspect, "program_info")


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("1억5천 위안이면 우한 컴퓨팅 쿠폰 얼마", 150_000_000),  # the 만 goes unsaid after 억
        ("3억2천만 위안 쓰면 상하이 컴퓨팅 쿠폰 얼마", 320_000_000),
        ("南京千亿参数模型研发投入两个亿能补多少", 200_000_000),  # 千亿参数 is no amount
    ],
)
def test_amounts_as_people_write_them(matcher: IntentMatcher, text: str, amount: int) -> None:
    query = matcher.match(text).query
    assert query.intent == "subsidy_calc" and query.money is not None and query.money.amount == Decimal(amount)


@pytest.mark.parametrize(
    ("text", "aspect"),
    [
        ("우리 스타트업인데 선전 모델쿠폰 받을 수 있음?", "conditions"),  # "can we get it?" with nothing else
        ("후허하오터 산력권 숫자 나온 거 있음?", "amount"),  # any figure out yet: the amount
        ("厦门那两个算力补贴到底哪个有效", "status"),
        ("남경 산력권 발행 주체가 시정부입니까?", "apply"),
        ("양저우 산력권 쓰려면 어떤 플랫폼을 거쳐야 합니까?", "conditions"),
        ("청두 산력권 신청 상시 접수예요?", "window"),
        ("Hohhot: any voucher figures yet?", "amount"),
        ("Chengdu scenario funding - how many scenarios a year?", "conditions"),  # how many are picked
        ("漳州算力券50%封顶200万 是官方文件吗", "status"),
        ("경개구 산력권 30%는 실제 결제 비용 기준입니까, 계약 금액 기준입니까?", "rate"),  # what the rate is of
        ("南京揭榜项目补15%最高1000万，按什么基数算", "rate"),
        ("杭州算力券800万上限是每年还是一次性的", "amount"),  # how the cap counts, not the pool
        ("이좡 국산칩 서버 사면 10% 준다던데 클라우드 회사만?", "conditions"),  # the rate known, who gets it asked
        ("Langfang 60% is for who exactly", "conditions"),
        ("산동성 컴퓨팅 거래 보조 5%밖에 안됨?", "rate"),  # that rate questioned
        ("중경은 산력권 금액이 아직 공개 안 된 거죠?", "amount"),  # whether the figure is out, not the window
        ("중경 산력권 공식 원문 있어요 아님 기사뿐?", "status"),  # whether an official text exists
        ("충칭 算力券 정책 원문 있어? 亿邦 기사 말고", "clause"),  # the text itself wanted
        ("北京经开区算力券每年1个亿，单家企业最多能拿多少？", "amount"),  # a firm's share of the pool, not who may
        ("중산시 算力券 총 5억 위안이면 기업당 얼마까지 받을 수 있어요?", "amount"),
        ("Guizhou's voucher pool is RMB 80M a year. Is there a per-firm cap?", "amount"),  # the share after the pool
        ("칭양 산력권 12개월 지나면 소멸돼?", "window"),
        ("저희 상장사인데 칭다오 산력권 신청 가능한가요", "conditions"),  # a trait: may we, not is it open
        ("Korean-owned WFOE, can we apply for Suzhou dataset purchase support", "conditions"),  # not how to apply
        ("한국 본사 100% 외자 법인인데 쑤저우 데이터셋 구매 지원 받을수있음?", "conditions"),  # 100% owned, no rate
        ("我们是外资独资，无锡算力券有份吗", "conditions"),
        ("苏州平台支持最高500万，条件呢", "conditions"),
        ("Anhui compute subsidy is 20% - is there a cap?", "amount"),  # the 20% is known, the cap is asked
        ("heard shanghai pays up to 80% of gpu rent, legit?", "rate"),  # "up to" leads into the rate
        ("We're a listed company. Does Shanghai's compute voucher exclude us?", "conditions"),
        ("칭다오 산력권 아직 신청 가능?", "window"),  # still open
        ("Is Beijing's compute voucher still taking applications?", "window"),
        ("Hangzhou compute voucher: official policy or only press reports?", "status"),
        ("Suzhou model voucher source text in Chinese", "clause"),
        ("南京算力券找谁申请", "apply"),
        ("深圳模型券是先付钱后补还是直接抵？", "apply"),
        ("청두 산력권 신청할 때 材料 뭐 필요해요?", "apply"),  # what to hand in
        ("青岛模型券是省级资金？", "apply"),  # whose money: who gives it
        ("天津算力券给哪些领域", "conditions"),
        ("黄埔区算力券几月发的", "window"),
        ("南京算力券咋报", "apply"),
        ("톈진 산력권은 어느 기관에서 발급해요?", "apply"),  # 기관 is a word, not a slip of 기간
        ("Zhuhai compute voucher 50% up to 2M, SMEs only?", "conditions"),  # figures describe it, "only?" asks
        ("青岛模型券最高100万，是不是只针对一人公司", "conditions"),
        ("항저우 산력권 50%는 중소기업만 해당입니까?", "conditions"),
        ("Wuhu compute subsidy 25%, must use a local center?", "conditions"),  # "must" is no slip of "most"
        ("南宁算力券申报是1月4号到23号吗", "window"),  # dates from … to …
        ("칭다오 산력권 신청 4/17~5/15 맞음?", "window"),
        ("锡的算力券咋申", "apply"),
        ("武汉OPC算力券 补几年", "window"),
        ("톈진 산력권 지금 신청해도 늦지 않았나요?", "window"),
        ("중산 산력권 어디서 나눠줌?", "apply"),
        ("上海算力券说补早补小 啥意思", "conditions"),
        ("大同数据集奖励的文号是同政规〔2025〕6号吧？", "status"),  # its document number: how official it is
        ("Does Shanghai's compute voucher admit foreign-invested enterprises?", "conditions"),
        ("심천 훈력권 스타트업은 60%까지라던데 설립 2년차도 스타트업으로 쳐줄까요?", "conditions"),  # counts as
        ("贵州算力券能用不，数据交易的费用", "conditions"),
        ("重庆算力券是不是只面向中小企业？", "conditions"),
        ("廊坊算力券是先付后补？", "apply"),
        ("成都算力券是在哪个平台上申领哦", "apply"),
        ("无锡算力券到底有没有文件啊 找了半天没找到", "status"),
        ("南宁算力券是计2025年3月至12月的费用吗", "window"),  # months from … to …
        ("中山AI赋能平台运营补贴咋算的", "rate"),
        ("칭양 산력권 남한테 넘길수있음?", "conditions"),
        ("扬州算力券走哪个平台", "apply"),
    ],
)
def test_aspects_in_more_words(matcher: IntentMatcher, text: str, aspect: str) -> None:
    query = matcher.match(text).query
    assert query.intent == "program_info" and query.aspect == aspect


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("無錫算力券多少", "wuxi"),  # traditional characters from the gazetteer
        ("SH compute voucher, per-firm cap?", "shanghai"),  # two-letter names the data lists
        ("CQ vouchers, SMEs only?", "chongqing"),
        ("우리회사중소기업인데샤먼에서컴퓨팅쿠폰얼마받음", "xiamen"),  # spaces lost before a short name
        ("Nanjign에서 컴퓨팅 쿠폰 얼마", "nanjing"),  # a Latin typo glued to a Korean particle
        ("광저우 말고 우한 컴퓨팅 쿠폰 무상 지원 얼마", "wuhan"),  # 무상 is not a slip of 우창 (Wuchang)
    ],
)
def test_places_as_people_type_them(matcher: IntentMatcher, text: str, place: str) -> None:
    assert _slugs(matcher.match(text).query.places) == [place]


@pytest.mark.parametrize(
    ("text", "places"),
    [
        ("沪、苏、宁的算力券比比看", ["shanghai", "suzhou", "nanjing"]),  # one-character names, listed
        ("杭算力券2.5亿，今年还发吗", ["hangzhou"]),
        ("渝的算力券啥时候开始申报", ["chongqing"]),
        ("蓉城绿色数据中心一次性奖励100万，条件是什么", ["chengdu"]),  # a nickname
        ("上海 vs 京", ["shanghai", "beijing"]),
        ("京东的算力券", []),  # inside a Han word they are no names: JD, the CSI 300, Suning
        ("沪深300今天涨了", []),
        ("苏宁的模型券", []),
        ("深度学习的算力券", []),
    ],
)
def test_chinese_short_names_stand_alone(matcher: IntentMatcher, text: str, places: list[str]) -> None:
    assert _slugs(matcher.match(text).query.places) == places


def test_words_inside_other_words_are_not_cues(matcher: IntentMatcher) -> None:
    """ "ifi" (a spend cue) is not in "ai firms"; 项目标杆 holds no 目标; running a data center asks no center."""
    query = matcher.match("Langfang award for newly settled AI firms is 500k, right?").query
    assert query.intent == "program_info" and query.amount_role == "check"
    assert matcher.match("深圳行业应用示范项目标杆最高多少").query.intent == "program_info"
    query = matcher.match("We operate a data center; can we be a provider under Henan's compute voucher?").query
    assert query.intent == "program_info" and "compute_provider" in query.traits


def test_a_typo_fix_never_only_changes_an_ending(matcher: IntentMatcher) -> None:
    """구독해줘 is one letter from 구독해지 (unsubscribe): same stem, other ending, other meaning."""
    assert matcher.match("구독해줘").query.intent == "subscribe"
    assert matcher.match("새소식 구독하기").query.intent == "subscribe"
    assert matcher.match("구독 해지해줘").query.intent == "unsubscribe"


def test_follow_ups_of_any_length_and_corrections(matcher: IntentMatcher) -> None:
    query = _after(matcher, "Yangzhou compute voucher cap?", "ok, who do we actually apply to?")
    assert query.aspect == "apply" and _slugs(query.places) == ["yangzhou"]
    query = _after(matcher, "Nanjing compute voucher cap?", "sorry, I meant Nanning")
    assert _slugs(query.places) == ["nanning"] and _slugs(query.excluded) == ["nanjing"]
    query = _after(matcher, "Zhuhai model voucher budget?", "and the deadline?")
    assert query.aspect == "window" and _slugs(query.places) == ["zhuhai"]


def test_a_rate_question_is_new_and_in_won_is_a_follow_up(matcher: IntentMatcher) -> None:
    query = _after(matcher, "상하이 모델 쿠폰 상한 얼마야", "환율 얼마임 지금")
    assert query.intent == "fx" and not query.places
    query = _after(matcher, "200만 위안 원화로 얼마?", "그럼 3억원은 위안으로?")
    assert query.intent == "fx"
    query = _after(matcher, "成都算力券", "顺便问下现在人民币兑韩元多少")  # the exchange named: a question of its own
    assert query.intent == "fx" and not query.places
    assert _after(matcher, "成都算力券", "换成韩元呢").parts == ("fx",)  # in won: the same answer


def test_another_place_and_kind_said_as_a_follow_up_asks_the_same(matcher: IntentMatcher) -> None:
    query = _after(matcher, "北京模型券上限多少？", "不是北京，是深圳的模型券")
    assert query.aspect == "amount" and _slugs(query.places) == ["shenzhen"]
    assert _after(matcher, "상하이 모델쿠폰 비율 몇 %야?", "그럼 항저우 산력권은?").aspect == "rate"


def test_a_quoted_figure_is_converted_and_anything_else_asks_the_place(matcher: IntentMatcher) -> None:
    query = _after(matcher, "Shenzhen model voucher cap is 2M yuan, right?", "how much is that in won")
    assert query.intent == "fx" and query.money is not None and query.money.amount == 2_000_000
    query = _after(matcher, "深圳有模型券吗", "还有别的吗")
    assert query.intent == "city_overview" and _slugs(query.places) == ["shenzhen"]


def test_two_places_after_a_question_compare_its_kind(matcher: IntentMatcher) -> None:
    query = _after(matcher, "beijing compute voucher rate?", "how about shanghai vs hangzhou")
    assert query.intent == "compare" and _slugs(query.places) == ["shanghai", "hangzhou"]
    assert {p.value for p in query.ptypes} == {"compute_voucher"}


@pytest.mark.parametrize(
    ("text", "intent", "places"),
    [
        ("알림 그만 받을래요 구독 해지", "unsubscribe", []),  # 해지 (cancel) is one slip from 해주 (Haizhu)
        ("산력푸장 행동방안 컴퓨팅쿠폰 언제까지임", "program_info", ["shanghai"]),  # Shanghai's plan names it
        ("算力浦江那个算力券现在还能申请吗", "program_info", ["shanghai"]),
        ("tell me everything Zhuhai has", "city_overview", ["zhuhai"]),
        ("呼和浩特绿色算力和人工智能相关政策，整体情况介绍下", "city_overview", ["huhehaote"]),  # the place as a whole
        ("하남성 전반적으로 어때", "city_overview", ["henan"]),
        ("무석 은 산력권 외에 다른 지원 제도 도 있읍니까", "city_overview", ["wuxi"]),  # what else it has
        ("항저우는 산력권 말고 다른 AI 지원 없어?", "city_overview", ["hangzhou"]),
        ("苏州除了算力券还有啥", "city_overview", ["suzhou"]),
        ("杭州AI政策有哪些？算力券、模型券这些，帮我捋一下", "city_overview", ["hangzhou"]),  # kinds listed
        ("항저우 산력권 말고 모델 쿠폰은?", "program_info", ["hangzhou"]),  # another kind named after it
        ("무석 이 아니라 무호 입니다, 안휘성 무호. 데이터권 상한 이 얼마", "program_info", ["wuhu"]),  # its address
        ("请问贵司这个机器人怎么使用？", "help", []),
        ("소주 새 정책 뜨면 이 방에 바로 알려줘요", "subscribe", ["suzhou"]),  # a room to tell of new ones
        ("우리 단톡방에도 칭다오 업데이트 오게 해주세요", "subscribe", ["qingdao"]),
        ("이 봇 환율 계산도 돼요? 뭐 할 수 있는지 알려주세요", "help", []),  # what it can do, not a conversion
        ("허난 산력권 쓰려면 공급자 센터가 100 PFLOPS 이상이어야 하나요", "program_info", ["henan"]),  # a condition
        ("福建省这边的AI补助有哪些可以看", "city_overview", ["fujian"]),
        ("칭양 산권 최소 얼마부터 신청 돼?", "program_info", ["qingyang"]),  # 산권, 모쿠: chat shorthand
        ("베이징 경개구 모쿠 총액 얼마였지", "program_info", ["beijing"]),
        ("지식재산권 보호 어떻게 해요", "unknown", []),  # 재산권 holds 산권 but is another domain
        ("发改委说要继续发人工智能券，企业能直接申请吗", "program_info", ["china"]),  # the NDRC's AI vouchers
        ("항저우 지능권 뭐야", "program_info", ["hangzhou"]),  # 智能券 in Korean: a voucher word
        ("천진 거 2026년까지만이에요?", "program_info", ["tianjin"]),  # "Tianjin's one": its program
        ("닝보는 산력권 금액 공개 안 됐죠? 산업 목표만 있는 것 같던데", "program_info", ["ningbo"]),  # target aside
        ("唔係深圳，係中山，算力券几多", "program_info", ["zhongshan"]),  # Cantonese 係 is 是, 唔 is 不
        ("深圳训力券每年总额係5亿？", "program_info", ["shenzhen"]),
        ("你识做啲乜？", "help", []),
        ("厦门算力券一年最低要买30万才行？", "program_info", ["xiamen"]),  # the minimum asked, nothing computed
        ("Shanghai compute voucher: does our 400k spend clear the minimum?", "program_info", ["shanghai"]),
        ("unsub me from the Xiamen alerts, cheers", "unsubscribe", ["xiamen"]),  # a sign-off is no other domain
        ("나혼자하는회사인데 우한 opc 해당됨?", "program_info", ["wuhan"]),  # a trait and a place: may we
        ("이 봇 뭐까지 해주는지 간단히 알려주실 수 있나요?", "help", []),
        ("Karamay center, who operates it", "computing_center", ["kelamayi"]),  # the center's operator
        ("알림 너무 많다 구독 좀 끊어줘", "unsubscribe", []),
        ("how do I stop these notifications", "unsubscribe", []),
        ("선전 산력권 신청창구 어디예요? 공신국 직접 가나요?", "program_info", ["shenzhen"]),  # 가나요 is no Ghana
        ("武汉OPC 一个人的公司也算吗", "program_info", ["wuhan"]),
        ("광저우 소식만 받고 싶은데 설정 어떻게 해요", "subscribe", ["guangzhou"]),
        ("항저우 소재 중소기업이 산력 계약 40만 위안이면 얼마 받나요", "subsidy_calc", ["hangzhou"]),  # 소재 is no 소주
        ("동관(东莞)도 산력권 있어요? 선전 바로 옆이라 공장이 많거든요", "program_info", []),  # Shenzhen says where
    ],
)
def test_words_that_name_a_place_or_none(matcher: IntentMatcher, text: str, intent: str, places: list[str]) -> None:
    query = matcher.match(text).query
    assert query.intent == intent and _slugs(query.places) == places


def test_an_announcement_names_no_place_and_keeps_its_body(matcher: IntentMatcher) -> None:
    query = matcher.match("모든 방에 공지 보내줘: 항저우 2026 쿠폰 정보 추가됨").query
    assert query.intent == "announce" and not query.places
    assert query.args == "항저우 2026 쿠폰 정보 추가됨"


def test_a_province_around_two_of_its_cities_is_their_frame(matcher: IntentMatcher) -> None:
    query = matcher.match("복건성 안에서 샤먼이랑 장저우 산력권 어디가 유리함?").query
    assert query.intent == "compare" and _slugs(query.places) == ["xiamen", "zhangzhou"]


def test_named_places_without_an_amount_are_set_side_by_side(responder: Responder, dataset: Dataset) -> None:
    """Not a budget ranking that drops a place without a budget: each place's rate and cap, with its source."""
    reply = responder.answer_now(IncomingMessage("샤먼이랑 장저우 산력권 어디가 유리함?", chat_id="side"))
    rows = reply.headline[1:]
    assert len(rows) == 2
    for slug in ("xiamen", "zhangzhou"):
        place = dataset.places[slug]
        row = next(r for r in rows if place.names.ko in r)
        programs = [p for p in place.programs if p.type.value == "compute_voucher" and p.formula.rate is not None]
        # one of the place's own records: its rate, and its most reliable source and date
        assert any(f"{(p.formula.rate or 0) * 100:.0f}%" in row and short_cite(p, dataset) in row for p in programs)


@pytest.mark.parametrize(
    ("text", "traits"),
    [
        ("저희는 상장사 아니고 스타트업인데 주하이 컴퓨팅 쿠폰 돼요?", {"startup"}),
        ("we're not an SME, can we get the Shanghai model voucher?", set()),
        ("我们不是中小企业，深圳模型券能申吗", set()),
        ("우한 산력권은 중소기업 전용인가요? 저희는 상장사라서요", {"listed"}),  # whom the program is for
        ("항저우는 중소기업 위주라던데 저희 같은 중소 제조사도 되나요", {"sme"}),  # then said of the asker
        ("칭다오 OPC 정책 목록에 코퍼스 쿠폰 있던데 저희도 받나요", set()),  # the policy's name
        ("韩商朋友在上海做模型部署，模型券能补多少", {"foreign"}),
        ("항저우 산력권, 공급사 쪽에서 뭘 등록해 둬야 고객이 쓸 수 있어요?", {"compute_provider"}),
        ("Would the Shanghai model voucher cover a client deploying on our GPU cluster?", {"compute_provider"}),
    ],
)
def test_a_denied_trait_is_not_a_trait(matcher: IntentMatcher, text: str, traits: set[str]) -> None:
    assert set(matcher.match(text).query.traits) == traits


def test_where_the_asker_sits_is_not_what_is_asked(matcher: IntentMatcher) -> None:
    query = matcher.match("저희는 상하이에 사무실을 둔 스타트업인데 난징 컴퓨팅 쿠폰 상한 얼마예요?").query
    assert _slugs(query.places) == ["nanjing"] and query.intent == "program_info"
    query = matcher.match("We're based in Shanghai. What does Hangzhou's compute voucher cover?").query
    assert _slugs(query.places) == ["hangzhou"]
    # a place named twice, once as the base and once ruled out; a base we do not cover; a base in Chinese
    query = matcher.match("저희 상해에 법인 있고 GPU 렌탈 계획인데 상해 말고 무한 쿠폰 상한은?").query
    assert _slugs(query.places) == ["wuhan"] and _slugs(query.excluded) == ["shanghai"]
    query = matcher.match("our HQ is in Seoul, we plan to spend 500M KRW on compute in Shenzhen. how much back?").query
    assert _slugs(query.places) == ["shenzhen"] and query.intent == "subsidy_calc" and not query.outside
    query = matcher.match("我们公司注册在上海，明年打算在武汉租GPU，武汉算力券最高能补多少？").query
    assert _slugs(query.places) == ["wuhan"] and query.intent == "program_info"


def test_a_district_we_do_not_hold_inside_a_place_we_do_is_that_place(matcher: IntentMatcher) -> None:
    query = matcher.match("上海黄浦区有算力券吗").query
    assert query.intent == "program_info" and _slugs(query.places) == ["shanghai"]


@pytest.mark.parametrize(
    ("text", "ptype"),
    [
        ("南京揭榜项目支持上限多少", "rd_subsidy"),
        ("쑤저우 국가 시범사업 주관 지원 최대 얼마", "rd_subsidy"),
        ("Haizhu model optimization subsidy, max 1.5M right?", "rd_subsidy"),
        ("Suzhou lead projects of national pilots, up to 100M? seems huge", "rd_subsidy"),  # no pilot fund there
        ("上海自建自主算力投资3亿，能补多少", "construction_subsidy"),
        ("상해 모델 구매계약 300만 위안 체결 시 보조금 산출", "model_voucher"),  # 보조금 names no program
    ],
)
def test_a_program_named_by_its_title_is_that_program(matcher: IntentMatcher, text: str, ptype: str) -> None:
    """No type word, but the words of one program's title (bot/nlu/program_names.py): that program's type."""
    assert {p.value for p in matcher.match(text).query.ptypes} == {ptype}


def test_the_program_named_leads_the_answer(responder: Responder, dataset: Dataset) -> None:
    """Nanjing has three R&D programs; the one named (揭榜) leads, and the frame says which."""
    reply = responder.answer_now(IncomingMessage("南京揭榜项目支持上限多少", chat_id="named"))
    assert reply.query is not None and reply.query.program is not None
    assert "揭榜" in dataset.programs[reply.query.program].names.zh and "揭榜" in reply.headline[0]


def test_a_district_named_alone_asks_its_overview(matcher: IntentMatcher) -> None:
    """The Futian program carries the district's name; naming the district is not naming the program."""
    assert matcher.match("福田区AI政策有哪些").query.intent == "city_overview"


def test_a_comparison_cue_after_a_question_compares_the_last_place(matcher: IntentMatcher) -> None:
    query = _after(matcher, "상해 모델 쿠폰 얼마야", "심천이랑 비교하면?")
    assert query.intent == "compare" and _slugs(query.places) == ["shanghai", "shenzhen"]
    assert {p.value for p in query.ptypes} == {"model_voucher"}


def test_a_word_of_ours_is_not_a_place_we_do_not_cover(matcher: IntentMatcher) -> None:
    """징구 is a county's name, and the start of 징구의견고 (征求意见稿, a draft)."""
    query = matcher.match("쉬후이구 대모델 기업 일회성 입주장려 징구의견고 여부").query
    assert query.intent == "program_info" and not query.outside


@pytest.mark.parametrize(
    ("text", "aspect"),
    [
        ("模型券 上海和深圳哪个多", "amount"),
        ("深圳模型券 没备案的模型能用吗", "conditions"),
        ("山东语料券 每年支持几个语料库", "conditions"),
        ("漳州那几个券咋申请", "apply"),  # 那几个券 are the vouchers, not a count asked
        ("칭다오 모델 쿠폰 누가 운영해?", "apply"),
        ("深圳模型券一年发多少", "budget"),
        ("톈진 산력권 연 2000만 위안 맞지?", "budget"),  # a yearly figure put to the bot is the pool
        ("Chengdo compute voucher cap per firm per year", "amount"),  # a yearly cap is still the cap
        ("선전 훈련 쿠폰 스타트업은 60%까지 돼?", "rate"),
        ("庆阳算力券能用于大模型训练吗", "conditions"),
        ("How many years does the Wuhan OPC compute voucher last?", "window"),
        ("징카이구 최종본 산력권 상한이 2천만 위안이야?", "amount"),  # the final text's cap, not whether it is final
        ("서회구 입주 장려금 의견수렴 기간 언제였어", "window"),  # the comment period's dates
        ("深圳那个一次性100万资助后来正式稿里还有吗", "status"),  # still in the final text?
        ("南京算力券一年五千万？", "budget"),
        ("青岛算力券在哪报", "apply"),
        ("Qingyang voucher validity", "window"),
        ("Has Hangzhou's 2024 compute voucher been superseded?", "status"),
        ("山东算力交易奖补5%，封顶多少", "amount"),  # 补 leads into no rate: the cap is asked
        ("Tianjin compute voucher 20M a year, correct?", "budget"),
        ("Qingyang compute vouchers - who are they for?", "conditions"),
        ("We're a listed company, can we still get Xiamen's compute subsidy?", "conditions"),  # may we, not open
        ("광저우 개발구 산력권 신청", "apply"),  # the program, then the word for applying
        ("항저우 중소기업 50% 받으려면 조건이 뭐야", "conditions"),  # a bare 50% makes 조건 no second question
        ("扬州算力券什么企业能申请?", "conditions"),
        ("深圳模型券要先备案吗", "conditions"),  # must it come first: a requirement
        ("Wuxi 50M compute voucher fund, how do we apply", "apply"),  # the pool names the program
        ("成都算力券征求意见稿 意见截止到哪天", "window"),  # a phase named, its time asked
        ("우한 시나리오 프로젝트 지원 초안 의견수렴 언제 마감됐나요", "window"),
        ("성도 산력권 초안이야 확정이야", "status"),
        ("양저우 산력권은 운하도시 플랫폼 통해서만 쓸 수 있는 건가요?", "conditions"),
        ("북경 경개구 모델쿠폰은 누구한테 주는 거예요", "conditions"),
        ("Does Tianjin's compute voucher run through end-2026?", "window"),
        ("when can we apply for Nanning's compute vouchers", "window"),
        ("Qingyang voucher min is 5000 yuan right?", "minimum"),
        ("Shanghai covers 80% of GPU rent? legit?", "rate"),  # "covers" is no eligibility word
        ("Nanning compute voucher application last date?", "window"),  # "date" is no slip of "data"
        ("Chongqing compute voucher - is it open also for research institutions?", "conditions"),  # for whom
        ("징카이구 모형 쿠폰, 꼭 자체제어 기반 대형모델을 사야만 되는 거예요?", "conditions"),
        ("Tianjin compute vouchers run till end of 2026 right?", "window"),
        ("廊坊算力券每个单位一年最多能拿多少", "amount"),  # a firm's yearly cap, not the pool
        ("Shenzen model vocher still open for applications??", "window"),
        ("Wuxi compute voucher fund - where do we apply?", "apply"),  # the fund names the program
        ("Fujian LLM voucher fund size?", "budget"),
        ("庆阳东数西算算力券咋申领", "apply"),
        ("we run a cloud/IDC business - does the E-Town domestic-chip server subsidy cover us?", "conditions"),
        ("샤먼 스마트컴퓨팅 보조금은 연간 지출 5만 위안 이상이어야 하죠?", "minimum"),
        ("석경산구 초안 컴퓨팅 지원 조건 뭐예요", "conditions"),  # the draft named, its conditions asked
        ("징카이구 일회성 보조금 계약액 기준 2000만 위안 초과 맞아?", "conditions"),  # a floor put forward: the data's
        ("听说成都算力券最高抵60%？", "rate"),
        ("Which body issued the Wuhan draft that contained the compute service vouchers?", "apply"),  # the phase named
        ("厦门智能算力补贴，年度算力支出最低要达到多少", "minimum"),  # the spend to reach, no compute target
        ("五千万 예산짜리 남경 산력권 어떻게 신청해", "apply"),
        ("우시 컴퓨팅 쿠폰 누가 발표한 거야? 시정부? 공신국?", "apply"),
        ("武汉OPC免费算力是区里给还是市里给？", "apply"),
        ("Shenzen model vocher - do we need CAC filing to use it?", "conditions"),
        ("Zhuhai compute voucher, do we have to apply or is it automatic?", "apply"),
        ("Beijing municipal AI compute voucher, when does it end?", "window"),
        ("武汉算力服务券是给中小企业的吗", "conditions"),
        ("Shandong compute voucher deadline? also conditions", "window"),  # "also" leads the second question
        ("항저우 컴퓨팅쿠폰 기초모델 회사는 상한 더 높다던데 조건이 뭐야", "conditions"),  # asked after what was heard
        ("杭州智能券叠加算力券 最多补到60%？", "rate"),  # the rate put last is asked, stacking or not
        ("심천 模型券 연 200만 위안 상한 적용 조건이 뭡니까", "conditions"),  # the cap names it, its conditions asked
    ],
)
def test_programs_beyond_the_article_in_more_words(matcher: IntentMatcher, text: str, aspect: str) -> None:
    assert matcher.match(text).query.aspect == aspect


def test_a_center_in_a_program_title_is_that_program(matcher: IntentMatcher) -> None:
    query = matcher.match("Chengdu one-time award for green data centers?").query
    assert query.intent == "program_info" and {p.value for p in query.ptypes} == {"one_time_award"}


@pytest.mark.parametrize(
    "text",
    ["한국 GPU 지원사업 조건 뭐임", "Korea HPC support program how to apply", "韩国有没有算力券", "韩国AI券多少钱",
     "한국 R&D 바우처 신청기간 언제예요"],
)  # fmt: skip
def test_a_korean_program_is_out_of_scope_and_says_so(matcher: IntentMatcher, responder: Responder, text: str) -> None:
    """Korea's own programs are another domain: the act is out of scope, and the reply names Korea as a place we
    do not cover (not the generic "I did not understand"), with no ranking of Chinese budgets."""
    query = matcher.match(text).query
    assert query.intent == "unknown" and query.outside and query.place is None
    text_out = render_plain(responder.answer_now(IncomingMessage(text, chat_id="kr")))
    assert not any(word in text_out for word in ("위안", "CNY", "元", "%"))
    assert any(name in text_out for name in ("한국", "Korea", "韩国")) and "/cities" in text_out


def test_korea_as_who_asks_or_the_language_is_no_place(matcher: IntentMatcher) -> None:
    assert _slugs(matcher.match("한국 기업도 우한 쿠폰 받을 수 있어?").query.places) == ["wuhan"]
    assert not matcher.match("한국계 스타트업인데 쿠폰 조건").query.outside
    assert not matcher.match("한국어로 답해줘").query.outside


@pytest.mark.parametrize(
    ("text", "asked", "excluded"),
    [
        ("Beijng말고영파컴퓨팅쿠폰아직되니", "ningbo", "beijing"),
        ("not hohhot - suzou, what does it offer ai firms", "suzhou", "huhehaote"),
        ("난징 말고 남닝이요 算力券 마감", "nanning", "nanjing"),
    ],
)
def test_a_mistyped_place_set_against_another_is_kept(
    matcher: IntentMatcher, text: str, asked: str, excluded: str
) -> None:
    """A typo beside an exact name is usually an ordinary word, but not when one is ruled out for the other."""
    query = matcher.match(text).query
    assert _slugs(query.places) == [asked] and _slugs(query.excluded) == [excluded]


def test_subscribing_in_plain_words(matcher: IntentMatcher) -> None:
    """'send' is a word of its own, not 'spend' mistyped."""
    assert matcher.match("Send us updates").query.intent == "subscribe"
    assert matcher.match("no more updates please").query.intent == "unsubscribe"
    assert matcher.match("关闭推送").query.intent == "unsubscribe"


def test_a_slip_corrected_at_once_is_the_place_meant(matcher: IntentMatcher) -> None:
    """싱하이 is a county (兴海) and one slip from 상하이; "싱하이 아니 상하이" means Shanghai, with no other place."""
    query = matcher.match("싱하이 아니 상하이 코퍼스쿠폰 조건 알료줘").query
    assert query.intent == "program_info" and _slugs(query.places) == ["shanghai"] and not query.outside


def test_a_program_for_another_kind_of_firm_leads_a_calculation_only_as_a_condition(responder: Responder) -> None:
    """Wuhan's general compute voucher publishes no rate; its one-person-company voucher does. Someone who did not
    say they are one is told the figure holds only for one."""

    def lead(text: str) -> str:
        return responder.answer_now(IncomingMessage(text, chat_id=text)).headline[0]

    assert lead("우한에서 GPU 임대에 300만 위안 쓰면 얼마 받아?").startswith("1인 기업이라면:")
    own = lead("1인 기업인데 우한에서 GPU 임대에 300만 위안 쓰면?")
    assert not own.startswith("1인 기업이라면") and "20만" in own


def test_a_two_letter_alias_of_the_data_is_a_whole_word(matcher: IntentMatcher) -> None:
    """HZ (Hangzhou) is in the data's aliases: it is a place as a word of its own, never inside one or as a slip."""
    assert _slugs(matcher.match("hz compute voucher still open?").query.places) == ["hangzhou"]
    assert not matcher.match("50hz 전원 GPU 서버").query.places
    assert not matcher.match("hi there").query.places


def test_twice_the_last_amount(matcher: IntentMatcher) -> None:
    query = _after(matcher, "우후에서 컴퓨팅 500만 위안 쓰면 얼마 받아?", "두 배 쓰면?")
    assert query.intent == "subsidy_calc" and _slugs(query.places) == ["wuhu"]
    assert query.money is not None and query.money.amount == Decimal(10_000_000) and query.amount_role == "spend"
    half = _after(matcher, "우후에서 컴퓨팅 500만 위안 쓰면 얼마 받아?", "一半呢").money
    assert half is not None and half.amount == Decimal(2_500_000)


def test_a_foreign_place_beside_china_is_what_is_asked(matcher: IntentMatcher) -> None:
    query = matcher.match("Does Berlin have GPU vouchers like China?").query
    assert query.outside and not query.places


@pytest.mark.parametrize(
    "text",
    ["Does Ontario have compute vouchers?", "조호르 데이터센터 지원 있어?", "加州有算力券吗", "오사카 산력권"],
)
def test_a_region_or_city_abroad_is_not_covered(matcher: IntentMatcher, text: str) -> None:
    query = matcher.match(text).query
    assert query.outside and query.outside[0].abroad and not query.places


def test_a_broadcast_in_chinese_keeps_its_body(matcher: IntentMatcher) -> None:
    query = matcher.match("群发公告 新增了青岛和南宁的数据").query
    assert query.intent == "announce" and query.args == "新增了青岛和南宁的数据" and not query.places


def test_places_listed_together_are_ruled_out_together(matcher: IntentMatcher) -> None:
    query = matcher.match("상해랑 북경 빼고 컴퓨팅 쿠폰 제일 많이 주는 데 어디?").query
    assert query.intent == "compare" and set(_slugs(query.excluded)) == {"shanghai", "beijing"} and not query.places
    query = matcher.match("not Hangzhou, Suzhou - compute voucher?").query  # a comma sets B against A
    assert _slugs(query.places) == ["suzhou"] and _slugs(query.excluded) == ["hangzhou"]


def test_a_ranking_leaves_out_the_places_ruled_out(responder: Responder) -> None:
    reply = responder.answer_now(IncomingMessage("상해랑 북경 빼고 컴퓨팅 쿠폰 제일 많이 주는 데 어디?", chat_id="r"))
    assert reply.intent == "compare" and not any("상하이" in line or "베이징" in line for line in reply.headline)


def test_an_aspect_set_aside_is_not_asked(matcher: IntentMatcher) -> None:
    assert _after(matcher, "우한 컴퓨팅 쿠폰 조건 알려줘", "조건 말고 금액").aspect == "amount"


def test_a_request_to_post_what_follows_the_colon_is_an_announcement(matcher: IntentMatcher) -> None:
    """A notice that names a place and a program is still the notice, not a question about them."""
    query = matcher.match("帮我在频道里发个通知：下周五前交齐杭州算力券申报材料").query
    assert query.intent == "announce" and query.args == "下周五前交齐杭州算力券申报材料" and not query.places
    query = matcher.match("이 내용 구독자 전체에 공지로 뿌려 주세요: 항저우 산력권 설명회 6월 3일").query
    assert query.intent == "announce" and query.args == "항저우 산력권 설명회 6월 3일"  # 구독자 asks no subscription
    query = matcher.match("Send to all subscribers: Wuxi voucher briefing moved to Friday").query
    assert query.intent == "announce" and query.args == "Wuxi voucher briefing moved to Friday"
    query = matcher.match("Can you post a note to the group: Wuxi briefing moved to Friday").query
    assert query.intent == "announce" and query.args == "Wuxi briefing moved to Friday"
    query = matcher.match("这条转发给大家：深圳模型券材料周五截止").query
    assert query.intent == "announce" and query.args == "深圳模型券材料周五截止"


def test_the_country_named_beside_a_request_for_the_list_is_no_place_asked(matcher: IntentMatcher) -> None:
    query = matcher.match("중국 지방정부들 기사에 10개 도시라던데, 봇이 커버하는 도시 목록 좀 보여주세요").query
    assert query.intent == "list_cities" and not query.places


def test_a_question_about_what_was_announced_is_no_broadcast(matcher: IntentMatcher) -> None:
    assert matcher.match("What did Beijing E-Town announce for AI companies?").query.intent != "announce"


def test_a_kind_set_aside_is_not_asked(matcher: IntentMatcher) -> None:
    query = _after(matcher, "톈진 모델 쿠폰 얼마야", "아 모델 말고 컴퓨팅 쿠폰")
    assert {p.value for p in query.ptypes} == {"compute_voucher"} and _slugs(query.places) == ["tianjin"]


def test_a_common_word_one_character_from_a_place_is_no_place(matcher: IntentMatcher) -> None:
    """自建 (self-built) is one character from 福建: no second place, no comparison."""
    query = matcher.match("上海自建算力有建设补贴吗 比例多少").query
    assert query.intent == "program_info" and _slugs(query.places) == ["shanghai"]


@pytest.mark.parametrize(
    ("text", "aspect"),
    [
        ("징카이구 일회성 지원금 받으려면 계약 얼마 넘어야 돼?", "conditions"),  # its floor is one of its conditions
        ("E-Town one-time award: contracts above how much?", "conditions"),
        ("칭다오 산력권 최소 얼마 써야 돼?", "minimum"),  # a spend before anything is paid stays the minimum
        ("zhuhai model filing reward, in won too", "amount"),  # in won, with no aspect: its amount
    ],
)
def test_the_aspect_is_what_the_data_can_answer(matcher: IntentMatcher, text: str, aspect: str) -> None:
    assert matcher.match(text).query.aspect == aspect


def test_a_minimum_held_as_a_condition_is_quoted(dataset: Dataset) -> None:
    """The minimum of an award whose floor is a condition quotes that condition, not "none published"."""
    award = dataset.programs["beijing-etown-2024-article-one-time-award"]
    line = fact(award, "minimum", judge(award, dt.date(2026, 12, 1)), frozenset(), "en")
    assert "20 million" in line and "no minimum" not in line


@pytest.mark.parametrize(
    ("text", "ptype"),
    [
        ("항저우 중소기업은 몇 %까지 받을 수 있어요", "compute_voucher"),  # Hangzhou holds compute vouchers only
        ("is it true Nanning's cap is 2M?", "compute_voucher"),
        ("we're an SME, what rate does Tianjin give us?", "compute_voucher"),
    ],
)
def test_an_aspect_of_a_place_with_one_kind_asks_that_kind(matcher: IntentMatcher, text: str, ptype: str) -> None:
    query = matcher.match(text).query
    assert query.intent == "program_info" and {p.value for p in query.ptypes} == {ptype}


def test_an_aspect_word_alone_does_not_make_a_program_question(matcher: IntentMatcher) -> None:
    """Not the overview asked of the place ("받을 수 있는 거 뭐 있어요?"), nor its sights ("杭州亚运会什么时候")."""
    assert matcher.match("저희 스타트업인데 항저우에서 받을 수 있는 거 뭐 있어요?").query.intent == "city_overview"
    assert matcher.match("杭州亚运会什么时候").query.intent == "unknown"


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("우후 총 算力 3만P 넘었대요?", "compute_target"),  # a capacity figure of a place: its goal or size
        ("芜湖算力规模到2.5万P了吗", "compute_target"),
        ("Has Wuhu reached 25000P yet?", "compute_target"),
        ("克拉玛依那个2030P的智算中心建好了没", "computing_center"),  # beside a center: the center's size
    ],
)
def test_a_capacity_figure_asks_the_compute_target(matcher: IntentMatcher, text: str, intent: str) -> None:
    assert matcher.match(text).query.intent == intent


def test_a_target_or_a_center_asked_after_a_question_is_of_its_place(matcher: IntentMatcher) -> None:
    """ "目标呢", "센터는 어디 있어?" after a question about a place: that place's targets or centers; a center
    word inside another aspect ("어느 센터에서 신청해?") keeps the program."""
    first = Turn(matcher.match("芜湖算力补贴比例多少").query, 0.0)
    target = matcher.match("目标呢", first).query
    assert target.intent == "compute_target" and target.place == PlaceRef("wuhu")
    center = matcher.match("센터는 어디 있어?", first).query
    assert center.intent == "computing_center" and center.place == PlaceRef("wuhu")
    apply = matcher.match("어느 센터에서 신청해?", first).query
    assert apply.intent == "program_info" and apply.aspect == "apply"


def test_a_figure_put_forward_after_a_question_is_checked_against_its_program(matcher: IntentMatcher) -> None:
    """ "6억 맞지?" after a question about a program checks that figure; it is not money to spend."""
    first = Turn(matcher.match("우한 산력권 총 예산").query, 0.0)
    query = matcher.match("6억 맞지?", first).query
    assert query.intent == "program_info" and query.amount_role == "check" and query.place == PlaceRef("wuhan")


def test_half_of_the_last_amount_converted(matcher: IntentMatcher) -> None:
    first = Turn(matcher.match("1억 5천만 위안 원화로?").query, 0.0)
    query = matcher.match("반이면?", first).query
    assert query.intent == "fx" and query.money is not None and query.money.amount == 75_000_000


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("福建省厦门市算力券比例", "xiamen"),  # a covered province right before its own city is its address
        ("하북성 랑방 산력권 얼마", "langfang"),  # an uncovered one too
        ("절강성 항주 산력권 상한", "hangzhou"),
    ],
)
def test_a_province_written_before_its_city_is_its_address(matcher: IntentMatcher, text: str, place: str) -> None:
    query = matcher.match(text).query
    assert query.intent == "program_info" and _slugs(query.places) == [place] and not query.outside


def test_a_province_set_against_its_city_is_asked(matcher: IntentMatcher) -> None:
    query = matcher.match("우한 말고 후베이성 차원 컴퓨팅쿠폰 있나?").query
    assert [o.name for o in query.outside] == ["후베이성"] and _slugs(query.excluded) == ["wuhan"]


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("华南数谷在哪个城市", "huanan"),  # the center's own name, from its aliases in the data
        ("shugu computing center opened when", "huanan"),
        ("화난 수구 센터 1단계가 1만6천P 맞지?", "huanan"),  # 1만6천P is compute power, no amount
        ("China Mobile center capacity?", "kelamayi"),
    ],
)
def test_a_center_named_by_its_own_name_is_its_place(matcher: IntentMatcher, text: str, place: str) -> None:
    query = matcher.match(text).query
    assert query.intent == "computing_center" and _slugs(query.places) == [place] and query.money is None


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("상하이방 기사에 나온 우한 내용 정리해줘", "wuhan"),  # the publication's name holds no Shanghai
        ("那篇文章里说庆阳干了啥", "qingyang"),
        ("the article said Wuxi is doing what exactly?", "wuxi"),
    ],
)
def test_what_the_article_said_about_a_place_is_its_overview(matcher: IntentMatcher, text: str, place: str) -> None:
    query = matcher.match(text).query
    assert query.intent == "city_overview" and _slugs(query.places) == [place]


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("Wuhan compute service vouchers - 10M yuan a year in total?", 10_000_000),
        ("난징 컴퓨팅 쿠폰 연 5000만?", 50_000_000),
    ],
)
def test_a_yearly_figure_put_to_the_bot_is_a_check_of_the_budget(
    matcher: IntentMatcher, text: str, amount: int
) -> None:
    query = matcher.match(text).query
    assert query.amount_role == "check" and query.aspect == "budget" and query.money is not None
    assert query.money.amount == amount


@pytest.mark.parametrize(
    ("text", "excluded"),
    [
        ("哪里算力券给得最多？北京上海除外", ["beijing", "shanghai"]),  # names typed together are ruled out together
        ("상하이 베이징 빼고 모델쿠폰 제일 좋은 데 어디", ["shanghai", "beijing"]),
        ("不算深圳，哪个城市语料券上限最高", ["shenzhen"]),
    ],
)
def test_a_ranking_without_some_places(matcher: IntentMatcher, text: str, excluded: list[str]) -> None:
    query = matcher.match(text).query
    assert query.intent == "compare" and _slugs(query.excluded) == excluded and not query.places


@pytest.mark.parametrize(
    "text",
    ["스타트업인데 심천 모델 쿠폰 됨?", "startup here shenzhen model voucher ok?", "우리 외자인데 상해 산력권 됨?"],
)
def test_a_firm_asking_whether_it_may_asks_the_conditions(matcher: IntentMatcher, text: str) -> None:
    assert matcher.match(text).query.aspect == "conditions"


def test_vouchers_of_several_places_are_the_kind_they_all_hold(matcher: IntentMatcher) -> None:
    query = matcher.match("무한 무석 경양 중에 쿠폰 제일 많이 주는 곳").query
    assert query.intent == "compare" and {p.value for p in query.ptypes} == {"compute_voucher"}


def test_a_whole_question_without_a_place_is_about_the_last_place(matcher: IntentMatcher) -> None:
    """ "300만 위안 쓰면 얼마 받음?" after a Chengdu question computes for Chengdu, however many words it has."""
    first = Turn(matcher.match("청두 산력권 조건 뭐야").query, 0.0)
    query = matcher.match("300만 위안 쓰면 얼마 받음?", first).query
    assert query.intent == "subsidy_calc" and query.place == PlaceRef("chengdu")
    assert {p.value for p in query.ptypes} == {"compute_voucher"}


def test_a_center_named_in_a_program_name_is_that_program(matcher: IntentMatcher) -> None:
    """The Wuhan 1:1 matching reward for super computing centers: not the centers, not a compute voucher."""
    query = matcher.match("우한 슈퍼 스마트 컴퓨팅 센터 1:1 보상이 뭐야?").query
    assert query.intent == "program_info" and {p.value for p in query.ptypes} == {"matching_reward"}


def test_a_place_we_do_not_cover_takes_the_right_korean_particle(responder: Responder) -> None:
    reply = responder.answer_now(IncomingMessage(text="정주 산력권 얼마에여", chat_id="p", lang="ko"))
    assert render_plain(reply).startswith("정주는 아직 데이터에 없는 지역입니다")


@pytest.mark.parametrize(
    "text",
    [
        "판교 AI 기업 보조금 뭐있음",
        "과기부 AI바우처 내년에도 함?",
        "경기도 AI 데이터 바우처 신청기간 언제에요",
        "한국 과기부 GPU 지원사업이랑 중국 算力券 비교하면 어때요?",  # China is the yardstick, Korea's is asked
        "한국 과기부 GPU 임차 지원사업 신청기간 아시는 분?",  # 아시는 is no slip of 우시
        "Is there a compute voucher in Changsha comparable to those in Hangzhou and Shanghai?",  # yardsticks
    ],
)
def test_a_korean_place_or_agency_is_a_place_we_do_not_cover(matcher: IntentMatcher, text: str) -> None:
    query = matcher.match(text).query
    assert query.outside and query.place is None


@pytest.mark.parametrize(
    ("text", "aspect"),
    [
        ("우시 산력권 5천만 맞음?", "budget"),  # Wuxi's 50M is its yearly pool in the data: the pool is checked
        ("우시 산력권 상한 5천만이라던데 맞아?", "amount"),  # worded as a cap, it stays the cap
    ],
)
def test_a_figure_to_check_is_read_as_what_it_is_in_the_data(matcher: IntentMatcher, text: str, aspect: str) -> None:
    query = matcher.match(text).query
    assert query.amount_role == "check" and query.aspect == aspect


def test_model_training_is_what_compute_is_for(matcher: IntentMatcher) -> None:
    query = matcher.match("칭양 쿠폰 자율주행 모델 훈련도 대상이야?").query
    assert {p.value for p in query.ptypes} == {"compute_voucher"}  # Qingyang's only kind, not a model voucher


@pytest.mark.parametrize(
    "text", ["石景山伙伴计划成员最高300万？", "석경산 지원방안에서 파트너 계획 회원사는 상한이 얼마예요?"]
)
def test_a_program_named_by_one_of_its_groups(matcher: IntentMatcher, text: str) -> None:
    """伙伴计划 is the label of a group of Shijingshan's compute support, not in its title."""
    query = matcher.match(text).query
    assert query.intent == "program_info" and query.program == "beijing-shijingshan-draft-compute-subsidy"


@pytest.mark.parametrize("text", ["Qinyang compute vouchers, how do we apply?", "Qinyang compute voucher - final?"])
def test_a_county_in_pinyin_one_slip_from_a_place_we_cover_is_that_place(matcher: IntentMatcher, text: str) -> None:
    query = matcher.match(text).query
    assert _slugs(query.places) == ["qingyang"] and not query.outside


def test_short_follow_ups_compare_convert_and_point_back(matcher: IntentMatcher) -> None:
    query = _after(matcher, "샤먼이랑 장저우 산력권 알려줘", "둘 중 어디가 나아?")  # the two places just asked about
    assert query.intent == "compare" and _slugs(query.places) == ["xiamen", "zhangzhou"]
    assert {p.value for p in query.ptypes} == {"compute_voucher"}
    query = _after(matcher, "苏州和芜湖的数据券分别是多少", "哪个更划算")
    assert query.intent == "compare" and _slugs(query.places) == ["suzhou", "wuhu"]
    query = _after(matcher, "Guizhou compute voucher annual total?", "won?")
    assert _slugs(query.places) == ["guizhou"] and "fx" in query.parts
    query = _after(matcher, "화난 수구 스마트컴퓨팅센터 언제 가동했어?", "그 센터 몇 P 규모야?")
    assert query.intent == "computing_center" and _slugs(query.places) == ["huanan"]
    query = _after(matcher, "shanghai model voucher?", "actually not shanghai, suzhou")
    assert _slugs(query.places) == ["suzhou"] and {p.value for p in query.ptypes} == {"model_voucher"}
    assert matcher.match("8억원 → CNY?").query.intent == "fx"


@pytest.mark.parametrize(
    ("text", "currency"),
    [
        ("1억 5천만원으로 주하이 GPU 렌탈하면 얼마 받냐", "KRW"),
        ("5천만 원으로 우한에서 쓰면", "KRW"),
        ("200만 위안으로 하면", "CNY"),
    ],
)
def test_won_with_a_particle_is_still_won(matcher: IntentMatcher, text: str, currency: str) -> None:
    """ "…원으로" spends won; only 원화로/위안화로 name the currency an answer is wanted in."""
    money = matcher.match(text).query.money
    assert money is not None and money.currency.value == currency


@pytest.mark.parametrize(
    ("text", "intent", "aspect"),
    [
        ("重庆算力券好多钱", "program_info", "amount"),  # Chongqing's 好多 asks how much
        ("经开区算力券一年发好多？", "program_info", "budget"),
        ("亦庄模型券咋个申请嘛", "program_info", "apply"),
        ("五千万韩元合人民币好多", "fx", None),
        ("海珠区备案奖励有几多钱", "program_info", "amount"),  # 几多 is 多少
        ("深圳模型券系唔系要网信办备案先得", "program_info", "conditions"),
        ("深圳训力券今年仲可以申请吗", "program_info", "window"),  # 仲 is 还
        ("你哋覆盖咗边啲城市", "list_cities", None),
        ("点用呢个bot？", "help", None),
        ("厦门2023年算力券同2024年智能算力补贴，可以一齐攞吗？", "program_info", "conditions"),  # 攞 is 拿
        ("河南算力券要喺边类算力中心用先计数？", "program_info", "conditions"),  # 边类 is 哪类, 计数 算数
        ("今晚去边度食饭", "unknown", None),
    ],
)
def test_cantonese_and_sichuan_speech(matcher: IntentMatcher, text: str, intent: str, aspect: str | None) -> None:
    query = matcher.match(text).query
    assert query.intent == intent and (aspect is None or query.aspect == aspect)


def test_a_game_company_asking_about_a_subsidy_is_on_topic(matcher: IntentMatcher) -> None:
    text = "我哋公司喺广州天河做游戏AI，想问下天河区算力采购补贴每年最多几多，系唔系要先备案模型？"
    query = matcher.match(text).query
    assert query.intent == "program_info" and query.aspect == "amount" and "conditions" in query.parts


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("쎈쩐 模型券 备案 안된 모델도 되나", "shenzhen"),
        ("셴젼 모델쿠폰 초안임 확정임", "shenzhen"),
        ("광쩌우 산력권", "guangzhou"),
    ],
)
def test_a_place_spelled_by_ear_is_found(matcher: IntentMatcher, text: str, place: str) -> None:
    """Tense consonants and the ㅓ ㅔ ㅕ vowels are how people hear Chinese: 쎈쩐 is 선전."""
    assert _slugs(matcher.match(text).query.places) == [place]


@pytest.mark.parametrize(
    "text", ["10,000,000원 쓰먼 산력권 얼마", "한국 정부 GPU 지원사업 알려줘", "이 봇 어디어디 정보 있음?"]
)
def test_common_words_near_a_name_by_ear_are_no_place(matcher: IntentMatcher, text: str) -> None:
    assert not matcher.match(text).query.places  # 쓰먼 is no 샤먼, 정부 no 청두, 정보 no 청도


def test_a_program_set_aside_is_no_trait(matcher: IntentMatcher) -> None:
    query = matcher.match("우한에서 200만 위안 쓸 건데 1인 기업 쿠폰 말고 일반 산력 쿠폰으로 얼마?").query
    assert "opc" not in query.traits and query.amount_role == "spend"


@pytest.mark.parametrize(
    ("text", "asked", "excluded"),
    [
        ("Wuhan, sorry, meant Wuhu. compute subsidy cap?", "wuhu", "wuhan"),
        ("苏州算力劵 哦不对 是无锡的", "wuxi", "suzhou"),
        ("아 우한 아니고 무호요 무호. 지산 이용 보조 얼마?", "wuhu", "wuhan"),  # 지산 is 智算
    ],
)
def test_a_place_corrected_in_the_same_message(matcher: IntentMatcher, text: str, asked: str, excluded: str) -> None:
    query = matcher.match(text).query
    assert query.intent == "program_info" and _slugs(query.places) == [asked] and _slugs(query.excluded) == [excluded]
    assert {p.value for p in query.ptypes} == {"compute_voucher"}


def test_generative_holds_no_chengdu_and_a_foreign_follow_up_is_its_own_place(matcher: IntentMatcher) -> None:
    query = matcher.match("珠海生成式模型备案奖励最高多少").query  # 生成式: 成式 is one character from 成都
    assert query.intent == "program_info" and _slugs(query.places) == ["zhuhai"]
    query = matcher.match("无锡AI政策总体上都有哪些支持").query  # 上都: one character from 上海 and from 成都
    assert query.intent == "city_overview" and _slugs(query.places) == ["wuxi"] and not query.ambiguous
    query = _after(matcher, "선전 산력권 얼마", "하노이도 이런 거 있나")
    assert not query.places and query.outside and {p.value for p in query.ptypes} == {"compute_voucher"}


@pytest.mark.parametrize(
    ("text", "ptype"),
    [
        ("허난성 컴퓨팅 쿠폰은 어떤 컴퓨팅 센터를 써야 인정돼요", "compute_voucher"),  # the center is a condition of it
        ("청두 첫 컴퓨팅 쿠폰 정책은 국가슈퍼컴퓨팅센터 이용자만 돼?", "compute_voucher"),
        ("무한 슈퍼스마트컴퓨팅센터 1:1 보조 조건", "matching_reward"),
    ],
)
def test_a_center_in_the_conditions_of_a_program(matcher: IntentMatcher, text: str, ptype: str) -> None:
    query = matcher.match(text).query
    assert query.intent == "program_info" and query.aspect == "conditions" and ptype in {p.value for p in query.ptypes}


def test_chatter_after_a_question_is_no_follow_up_but_a_notice_may_say_anything(matcher: IntentMatcher) -> None:
    assert _after(matcher, "Hangzhou compute voucher max?", "cool. btw is the office closed friday").intent == "unknown"
    assert matcher.match("post an announcement: office closed Monday").query.intent == "announce"
    assert matcher.match("周末去香港玩有啥推荐").query.intent == "unknown"


@pytest.mark.parametrize(
    ("text", "traits"),
    [
        ("우한 算力券 중소기업만 되는 거? 우리 IDC 사업자임", {"compute_provider"}),  # SMEs asked of, not stated
        ("우한 算力服务券 중소기업 아니면 못받음? 우린 상장사라", {"listed"}),
        ("우한 컴퓨팅 서비스 쿠폰 중소기업만 돼? 우리 중소기업임", {"sme"}),  # then stated
    ],
)
def test_a_trait_asked_of_is_not_the_askers(matcher: IntentMatcher, text: str, traits: set[str]) -> None:
    assert set(matcher.match(text).query.traits) == traits


def test_a_conversion_beside_everyday_words_is_still_a_conversion(matcher: IntentMatcher) -> None:
    assert matcher.match("50만원이 위안으로 얼마죠? 애들 학원비 계산하다가 ㅎㅎ").query.intent == "fx"
    assert matcher.match("구독 해제 부탁드려요").query.intent == "unsubscribe"


@pytest.mark.parametrize(
    "text", ["석경산 그거 아직 초안임? 확정됨?", "Shijingshan draft measures: have they been finalised yet?"]
)
def test_the_status_asked_of_a_place_is_of_its_programs(matcher: IntentMatcher, text: str) -> None:
    query = matcher.match(text).query
    assert query.intent == "program_info" and query.aspect == "status" and query.place is not None


def test_messages_from_a_channel_admin_and_its_members(matcher: IntentMatcher) -> None:
    assert matcher.match("전체 구독방에 공지 좀 돌려줘: 이번주 금요일 세미나 취소됨").query.intent == "announce"
    assert matcher.match("cheers mate 👍").query.intent == "unknown"  # no slip of "mute"
    query = matcher.match("《深圳市打造人工智能先锋城市的若干措施》 训力券有效期到什么时候").query
    assert {p.value for p in query.ptypes} == {"compute_voucher"}  # the policy's title, then the voucher asked
    query = matcher.match("쉬후이구 대모델 기업 최대 500만 위안 정착보상, 아직 초안 상태예요?").query
    assert {p.value for p in query.ptypes} == {"relocation_award"}
    assert _after(matcher, "武汉算力券多少", "跟成都比哪个好").intent == "compare"


def test_more_ways_to_ask_from_the_hand_written_sets(matcher: IntentMatcher) -> None:
    assert matcher.match("알림 너무 많아요 꺼주세요").query.intent == "unsubscribe"
    assert matcher.match("请取消本群订阅").query.intent == "unsubscribe"
    assert matcher.match("이거 매번 물어보기 귀찮은데 봇한테 도시 이름만 치면 돼요?").query.intent == "help"
    assert _slugs(matcher.match("국가 차원 算力券도 있어?").query.places) == ["china"]
    assert matcher.match("芜湖到2025年智算规模要多少P").query.intent == "compute_target"
    assert matcher.match("北京经开区2026年要建成多少算力").query.intent == "compute_target"
    assert matcher.match("청도 코퍼스 쿠폰은 어디서 주는 거임, 성 돈이라던데").query.aspect == "apply"
    query = matcher.match("2억 위안짜리 스마트컴퓨팅 센터 세우면 스징산 초안 기준 얼마 받음?").query
    assert query.amount_role == "spend" and query.intent == "subsidy_calc"
    assert matcher.match("50,000,000 won is how much yuan").query.intent == "fx"
    query = matcher.match("LLM 파인튜닝에 300만 쓰면 어느 도시가 제일 많이 돌려줘요").query
    assert query.intent == "compare" and {p.value for p in query.ptypes} == {"compute_voucher"}
    query = matcher.match("징카이구 컴퓨팅 파워 쿠폰 매년 1억 위안 발행한다는 기사 봤는데, 지금도 신청 받나요?").query
    assert query.amount_role == "subject" and query.aspect == "window"  # the figure read, then its window asked
    assert matcher.match("커라마이 차이나모바일 센터 규모 몇 P?").query.intent == "computing_center"


def test_a_named_centers_target_and_a_doubt_about_the_last_answer(matcher: IntentMatcher) -> None:
    query = matcher.match("커라마이 차이나모바일 센터 2024년말 2030P 목표였다는데 달성함?").query
    assert query.intent == "computing_center" and _slugs(query.places) == ["kelamayi"]  # that center's goal
    query = _after(matcher, "칭양 산력권 얼마", "진짜? 출처는?")  # the answer just given, doubted
    assert query.intent == "program_info" and _slugs(query.places) == ["qingyang"]
    assert matcher.match("call center hours for china mobile?").query.intent == "unknown"
    assert matcher.match("园区企业申报苏州优质数据集奖励，需要满足哪些条件？").query.aspect == "conditions"


def test_a_calculation_answers_its_second_part_too(matcher: IntentMatcher, responder: Responder) -> None:
    text = "Haizhu scenario project, 12M investment. Grant, and deadline?"
    query = matcher.match(text).query
    assert query.intent == "subsidy_calc" and "window" in query.parts
    head = responder.answer_now(IncomingMessage(text, chat_id="calc-part")).headline
    assert any("2024-06-18" in line for line in head)  # the program's period, beside the sum


def test_more_from_the_last_hand_written_sets(matcher: IntentMatcher) -> None:
    query = matcher.match("닝보 고객사 미팅 끝나고 고속철 타고 오는 중인데요 🚄 닝보 산력권 마감 언제예요?").query
    assert query.intent == "program_info" and query.aspect == "window"  # a train ride is no off-topic question here
    assert matcher.match("심천 화창베이 가서 중고 GPU 사면 얼마함? ㅋㅋ").query.intent == "unknown"
    assert matcher.match("1억 5천만원 인민폐로 바꾸면 얼마인지 부탁드려요").query.intent == "fx"
    assert matcher.match("今晚去哪吃海鲜").query.intent == "unknown"
    assert (
        matcher.match("Wuhan compute service vouchers - are SMEs the main target group?").query.aspect == "conditions"
    )
    query = matcher.match("중국 지방정부별 AI 지원 예산 총규모 순위 상위 5곳 정리 부탁드립니다").query
    assert not query.places  # China is where places are ranked, not one of them
    assert _after(matcher, "Zhuhai model voucher cap?", "ok and if the project is 6M?").amount_role == "spend"


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("톈진 산력권 연 2000만이면 한 회사당은 얼마나 받아요?", "tianjin"),  # the yearly pool, then a share
        ("北京经开区算力券每年1个亿，单家企业最多能拿多少？", "beijing"),  # E-Town's pool
    ],
)
def test_a_figure_the_data_holds_is_quoted_not_spent(matcher: IntentMatcher, text: str, place: str) -> None:
    query = matcher.match(text).query
    assert query.intent == "program_info" and query.place is not None and query.place.place == place
    assert query.amount_role in ("subject", "check")


@pytest.mark.parametrize(
    "text", ["北京算力合同300万，能领多少算力券", "베이징 산력권 200만 쓰면 얼마", "珠海算力200w能补多少"]
)
def test_a_figure_the_data_holds_is_still_spent_with_a_spend_word(matcher: IntentMatcher, text: str) -> None:
    query = matcher.match(text).query
    assert query.intent == "subsidy_calc" and query.amount_role == "spend"


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Langfang - is that 1M cap per year or total?", "compute_voucher"),
        ("廊坊那个60%和50%能叠加吗", "compute_voucher"),
    ],
)
def test_a_figure_quoted_with_no_kind_names_the_program_that_holds_it(
    matcher: IntentMatcher, text: str, kind: str
) -> None:
    assert kind in {p.value for p in matcher.match(text).query.ptypes}


@pytest.mark.parametrize(
    ("text", "aspect"),
    [
        ("우시 산력권 5천만이 총액이라던데 기업당은 안 나와요?", "amount"),
        ("无锡算力券只有5000万总额？单家企业上限没写？", "amount"),
        ("Wuxi only has a 50M pool? no cap per company?", "amount"),
        ("Guizhou voucher: is 80M the pool or per company?", "budget"),  # a choice of the two: the figure's kind
        ("贵州算力券单家企业最多多少？总盘子多大？", "budget"),  # a firm's share, then the pool asked last
    ],
)
def test_a_firms_share_asked_after_the_pool_asks_the_amount(matcher: IntentMatcher, text: str, aspect: str) -> None:
    assert matcher.match(text).query.aspect == aspect


@pytest.mark.parametrize(
    "text",
    ["Qingdao 2024 round deadline?", "青岛2024年那轮什么时候截止", "칭다오 2024년 거 마감 언제였어?"],
)
def test_a_year_named_with_no_kind_asks_the_program_of_that_year(matcher: IntentMatcher, text: str) -> None:
    query = matcher.match(text).query
    assert query.place is not None and query.place.place == "qingdao"
    assert {p.value for p in query.ptypes} == {"compute_voucher"} and query.aspect == "window"


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("half a million yuan, in KRW?", 500_000),
        ("Langfang newcomer award - half a mil just for moving there?", 500_000),
        ("Anhui scenario projects 20% upto 1 crore yuan?", 10_000_000),  # Indian English: a crore is 10 million
        ("we spend 20 lakh yuan a year on GPUs in Wuhan", 2_000_000),  # and a lakh 100,000
    ],
)
def test_half_a_million_is_an_amount(matcher: IntentMatcher, text: str, amount: int) -> None:
    money = matcher.match(text).query.money
    assert money is not None and money.amount == Decimal(amount) and str(money.amount) == str(amount)


def test_a_korean_slip_corrected_mid_message_asks_the_second_place(matcher: IntentMatcher) -> None:
    query = matcher.match("청두 산력권 총액 얼마야? 아 아니 충칭 말하는 거").query
    assert query.intent == "program_info" and _slugs(query.places) == ["chongqing"]
    assert _slugs(query.excluded) == ["chengdu"]


@pytest.mark.parametrize(
    "text",
    [
        "Wuhan scenario projects: 30% of total investment, capped at 1M. Is that still the number?",
        "天河区备案模型研发补贴按研发投入10%，上限100万？",
    ],
)
def test_what_a_rate_is_of_is_no_spend_of_the_askers(matcher: IntentMatcher, text: str) -> None:
    query = matcher.match(text).query
    assert query.intent == "program_info" and query.amount_role == "check"


def test_a_year_alone_after_a_question_asks_that_years_round(matcher: IntentMatcher) -> None:
    query = _after(matcher, "厦门智能算力补贴门槛多少？", "那2023年那个呢")
    assert query.intent == "program_info" and _slugs(query.places) == ["xiamen"] and query.year == 2023


@pytest.mark.parametrize(
    ("text", "province"),
    [
        ("郑州有没有单独的算力券？不是河南省那个", "henan"),
        ("허페이 시 단위 산력권 따로 있음? 안후이성 거 말고", "anhui"),
    ],
)
def test_a_city_we_do_not_cover_beside_its_province_ruled_out(matcher: IntentMatcher, text: str, province: str) -> None:
    query = matcher.match(text).query
    assert query.outside and not query.places and _slugs(query.excluded) == [province]


def test_an_off_topic_word_across_two_words_is_none(matcher: IntentMatcher) -> None:
    query = matcher.match("커라마이 거기 차이나모바일 센터 규모가 2030P?").query  # 거기 차이나: no 기차 (train)
    assert query.intent == "computing_center"


def test_a_list_word_beside_a_place_and_its_program_asks_that_program(matcher: IntentMatcher) -> None:
    query = matcher.match("톈진 쿠폰으로 슈퍼컴퓨팅 임대도 커버돼?").query
    assert query.intent == "program_info" and query.aspect == "conditions"


def test_a_province_beside_a_center_named_is_where_it_is(matcher: IntentMatcher) -> None:
    query = matcher.match("화남 수구 센터가 광동 어느 도시에 있는지 혹시 아시는 분?").query
    assert query.intent == "computing_center" and not query.outside


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("푸톈구 AI 조치 유효기간 언제까지예요?", "program_info"),  # a fact of its programs
        ("Did the Wuhan policy in that April 2024 article ever become final, or was it just a draft?", "program_info"),
        ("青岛OPC政策清单是哪个部门发的", "program_info"),
        ("복건성 AI 보조금 종류", "city_overview"),  # the kinds: a list
        ("Could you summarise what Shanghai offers AI firms, and which measures still run?", "city_overview"),
        ("칭다오 맥주축제 언제함", "unknown"),  # a date of no policy
    ],
)
def test_a_fact_of_a_places_policy_asks_its_programs(matcher: IntentMatcher, text: str, intent: str) -> None:
    assert matcher.match(text).query.intent == intent


@pytest.mark.parametrize(
    "text", ["푸톈구 AI 조치 금액 나온 거 있어요?", "海珠区那几项补贴是市区1:1分担吗", "복주는 바우처 숫자 없나요"]
)
def test_an_aspect_of_a_named_policy_asks_its_programs(matcher: IntentMatcher, text: str) -> None:
    assert matcher.match(text).query.intent == "program_info"


@pytest.mark.parametrize("text", ["成都能拿哪些补贴", "河南省人工智能补贴一览", "청두에서 받을 수 있는 지원 뭐니"])
def test_what_a_place_gives_is_its_overview(matcher: IntentMatcher, text: str) -> None:
    assert matcher.match(text).query.intent == "city_overview"


def test_applying_said_without_a_program_word_asks_the_places_programs(matcher: IntentMatcher) -> None:
    assert matcher.match("난닝은 언제 신청하는 거였죠").query.intent == "program_info"
    followed = matcher.match("那北京的咋申请", Turn(matcher.match("上海算力券怎么申请").query, 0.0)).query
    assert followed.intent == "program_info" and followed.place is not None and followed.place.place == "beijing"
    assert [p.value for p in followed.ptypes] == ["compute_voucher"]


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("이 봇 뭐 할 줄 알아?", "help"),
        ("What exactly can I ask you? Calculations as well?", "help"),
        ("우한 관련 새 소식 뜨면 이 채널로 바로 보내줘", "subscribe"),
        ("채널에 공지 하나 올려줘: 다음주 뉴스레터는 휴간합니다", "announce"),
        ("kindly unsubscribe this group from the daily digest, too much noise", "unsubscribe"),
        ("how much is 1.5억 won in CNY? korean colleague quoted it", "fx"),
        ("what's 5 million yuan in dollars, roughly", "fx"),
        ("你这个bot到底收了好多个城市，列出来看一哈", "list_cities"),
        ("지금 등록된 도시가 몇 개요?", "list_cities"),
        ("你这都有哪些城市的数据？", "list_cities"),  # 这都 is no slip of 成都
        ("今天食堂有啥", "unknown"),  # the canteen: another domain
        ("알림 끌게요~ 너무 자주 와서요", "unsubscribe"),
        ("Hi bot, what all you can do? Kindly explain.", "help"),
        ("이 단톡방에도 새 쿠폰 소식 자동으로 올려줄 수 있어요?", "subscribe"),
        ("Summarise Chengdu for me, would you?", "city_overview"),
    ],
)
def test_the_bots_own_acts_in_more_words(matcher: IntentMatcher, text: str, intent: str) -> None:
    assert matcher.match(text).query.intent == intent


@pytest.mark.parametrize(
    ("text", "aspect"),
    [
        ("성도 모델 API 호출비용도 지원돼?", "conditions"),
        ("贵州算力券能抵数据交易费吗", "conditions"),
        ("하남성 산력권은 성이랑 시가 1:1로 나눠 내는 구조예요?", "conditions"),
        ("우시 쿠폰은 어디다 신청하는거임", "apply"),
        ("北京算力券报销的时候要啥凭证？合同跟发票都要吗", "apply"),
        ("선전 모델쿠폰 사후 지급이에요 선지급이에요?", "apply"),
        ("우시 쿠폰은 기사 말고 다른 출처가 있습니까?", "status"),
        ("北京经开区到2026年建成人工智能算力1万PFlops，此说法有无官方出处？", "status"),
        ("후허하오터 컴퓨팅 파워 쿠폰의 지원 수준이 공개되어 있습니까?", "amount"),
        ("石景山那个大模型算力支持可以连续支持几年", "window"),
        ("成都算力券抵扣 50%还是60%", "rate"),  # 抵扣 alone is no condition
    ],
)
def test_aspects_asked_in_yet_more_words(matcher: IntentMatcher, text: str, aspect: str) -> None:
    assert matcher.match(text).query.aspect == aspect


def test_a_korean_owned_company_is_foreign(matcher: IntentMatcher) -> None:
    query = matcher.match("Can a Korean-owned company get Shenzhen's model voucher?").query
    assert query.aspect == "conditions" and "foreign" in query.traits


@pytest.mark.parametrize(
    ("text", "aspect"),
    [
        ("Wuhan OPC voucher: how much, and for how long?", "amount"),
        ("우한 1인기업 산력권 최대 얼마, 그리고 몇 년까지 받을 수 있음?", "amount"),
        ("What's the cap on Qingyang's compute vouchers per applicant, and is the program still open?", "amount"),
    ],
)
def test_a_second_question_after_a_joiner_is_a_part(matcher: IntentMatcher, text: str, aspect: str) -> None:
    query = matcher.match(text).query
    assert query.aspect == aspect and "window" in query.parts


def test_won_asked_as_well_is_a_part(matcher: IntentMatcher) -> None:
    text = "우한 시나리오 프로젝트 총투자가 250만 위안이면 지원금이 얼마나 됩니까? 원화 금액도 함께 부탁드립니다."
    assert "fx" in matcher.match(text).query.parts
    text = "우시 산력권 계약 3000만 위안 기준 수령액 산출, 억원 단위로"  # a report's wording: in 억원
    assert "fx" in matcher.match(text).query.parts


@pytest.mark.parametrize(
    ("text", "aspect"),
    [
        ("Wuxi voucher offsets up to 30 percent. Is there any condition like using a local centre only?", "conditions"),
        ("우한 2024년 3월 정책 초안이었다면서요. 확정본은 언제 나왔습니까?", "status"),  # asks on about the draft
    ],
)
def test_after_a_statement_the_question_sentence_names_the_aspect(
    matcher: IntentMatcher, text: str, aspect: str
) -> None:
    assert matcher.match(text).query.aspect == aspect


def test_an_aspect_word_with_too_after_another_is_a_part(matcher: IntentMatcher) -> None:
    query = matcher.match("톈진 산력권 양도 되나요? 유효기간도 궁금").query
    assert query.aspect == "conditions" and "window" in query.parts


@pytest.mark.parametrize(
    "text", ["1억 위안이 190억원 맞아?", "3.8억원 인민币로 바꾸면?", "2M yuan is how many dollars?"]
)
def test_a_conversion_with_no_program_is_an_exchange_question(matcher: IntentMatcher, text: str) -> None:
    assert matcher.match(text).query.intent == "fx"


def test_a_sum_quoted_in_yuan_and_in_won_asks_the_conversion_too(matcher: IntentMatcher) -> None:
    query = matcher.match("톈진 산력권 연 2000만 위안을 기사에선 38억원이라고 했던데 환산 맞아요?").query
    assert query.intent == "program_info" and "fx" in query.parts


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("Langfang newcomer voucher, half a million once?", "check"),  # "once" holds no "on"
        ("Suzhou platform support, one-time 5M max na?", "check"),
        ("¥5,000,000 on third-party model APIs in Shanghai, model voucher payout?", "spend"),
    ],
)
def test_a_figure_is_spent_on_something_only_with_the_word_on(matcher: IntentMatcher, text: str, role: str) -> None:
    assert matcher.match(text).query.amount_role == role


@pytest.mark.parametrize(
    ("text", "aspect", "role"),
    [
        ("Wuxi compute voucher, 30% up to 2M, right?", "amount", "check"),  # the rate describes, the sum is checked
        ("无锡算力券补30%，最高200万，国企能申吗", "conditions", "subject"),  # the rate and cap describe the program
        ("无锡算力券最高200万，是按合同的30%算吗", "rate", "subject"),  # the rate asked after the cap
        ("산동 성내 산력 거래 보조 5%에 누적 500만까지 맞나요?", "amount", "check"),  # the rate and its cap checked
        ("귀주 벤치마크 응용 10%/200만은 투자액 기준임?", "rate", None),  # what the rate is of
    ],
)
def test_a_rate_stated_before_a_cap_describes_the_program(
    matcher: IntentMatcher, text: str, aspect: str, role: str | None
) -> None:
    query = matcher.match(text).query
    assert query.aspect == aspect and (role is None or query.amount_role == role)


@pytest.mark.parametrize(
    ("text", "aspect"),
    [
        ("上海自建自主算力建设支持最高10%，有没有封顶？", "amount"),
        ("E-Town pays 10% on domestic AI-chip servers, what's the max per project?", "amount"),
        ("장주 산권 50%라던데 캡은", "amount"),
        ("선전 훈련 쿠폰 스타트업은 60%까지 돼?", "rate"),  # 까지 is the rate's own
    ],
)
def test_a_cap_asked_after_a_stated_rate_is_the_amount(matcher: IntentMatcher, text: str, aspect: str) -> None:
    assert matcher.match(text).query.aspect == aspect


@pytest.mark.parametrize(
    ("text", "ptype"),
    [
        ("푸톈구 AI 지원 조치 유효기간 언제까지예요?", "rd_subsidy"),  # the district's own one program
        ("칭양은 대학이나 연구소도 신청 돼?", "compute_voucher"),
        ("厦门2024年那个通知，文号是厦府办规〔2024〕6号吗", "compute_voucher"),
    ],
)
def test_a_program_question_of_a_place_with_one_kind_is_of_that_kind(
    matcher: IntentMatcher, text: str, ptype: str
) -> None:
    query = matcher.match(text).query
    assert query.intent == "program_info" and [p.value for p in query.ptypes] == [ptype]


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("이좡에서 산력 서비스로 연 800만 위안 결제하면 얼마 돌려받아요? 아 잠깐, 800 아니고 650만이요", 6_500_000),
        ("항저우 산력 계약 연 3,000만 위안이면 상한 800만에 걸리나요? 아 잠깐, 3천 아니고 2,000만", 20_000_000),
        ("상하이에서 GPU 임대료가 월 120만, 1년이면 1,440만 위안 나가요. 시 보조 받으면 얼마 나와요?", 14_400_000),
        ("GPU 임대료 월 50만 1년이면 600만인데 항주 算力券 얼마", 6_000_000),
    ],
)
def test_an_amount_corrected_or_given_for_the_year_is_the_one_computed(
    matcher: IntentMatcher, text: str, amount: int
) -> None:
    query = matcher.match(text).query
    assert query.intent == "subsidy_calc" and query.money is not None and query.money.amount == amount


@pytest.mark.parametrize(
    ("first", "second", "amount"),
    [
        ("청두 산력권 월 3천만원 쓰면 얼마 돌려받아요?", "그럼 1년이면?", 360_000_000),
        ("我们每个月租卡大概十五万，成都算力券能补好多嘛", "那一年下来呢", 1_800_000),
    ],
)
def test_a_year_after_a_monthly_spend_is_twelve_months(
    matcher: IntentMatcher, first: str, second: str, amount: int
) -> None:
    query = matcher.match(second, Turn(matcher.match(first).query, 0.0)).query
    assert query.intent == "subsidy_calc" and query.money is not None and query.money.amount == amount


def test_a_year_after_a_yearly_spend_is_not_multiplied(matcher: IntentMatcher) -> None:
    query = matcher.match("그럼 1년이면?", Turn(matcher.match("청두 산력권 3천만원 쓰면 얼마?").query, 0.0)).query
    assert query.money is None or query.money.amount == 30_000_000


def test_our_country_said_in_korean_is_korea_not_covered(matcher: IntentMatcher) -> None:
    query = matcher.match("우리나라 GPU 임차 지원 사업은 몇 %까지 해줍니까?").query
    assert query.outside and query.place is None


def test_ai_ten_articles_is_a_policy_name_not_ten_trillion(matcher: IntentMatcher) -> None:
    query = matcher.match("우한 AI 10조에서 과기 중대 프로젝트는 프로젝트당 최대 얼마예요?").query
    assert query.intent == "program_info" and query.money is None and query.aspect == "amount"


@pytest.mark.parametrize(
    ("text", "place"),
    [
        (
            "우리 회사 중소기업이고 항주 위항구쪽에 있음. 올해 산력권 신청하면 몇 % 받을수 있음?",
            "hangzhou",
        ),  # its district
        ("상해 산력권 임대료 100% 지원은 구랑 같이 최대 1년만이죠?", "shanghai"),  # 구랑: with the district
        ("刚从韩国过来，公司是一人公司，听说青岛对OPC有算力补贴，最高100万是吗？", "qingdao"),  # who tells
        ("武汉的政策到底是征求意见稿还是已经正式发布了？韩国那边的报道写得好像已经定了。", "wuhan"),
        ("上海模型券最高500万，是按合同的50%算吗", "shanghai"),  # 合同 is no 大同
    ],
)
def test_words_that_only_look_like_a_second_place(matcher: IntentMatcher, text: str, place: str) -> None:
    query = matcher.match(text).query
    assert query.intent == "program_info" and _slugs(query.places) == [place] and not query.outside


def test_a_district_we_do_not_cover_points_to_its_city(responder: Responder) -> None:
    reply = render_plain(responder.answer_now(IncomingMessage("Yuhang district compute voucher?", chat_id="yh")))
    assert "not covered" in reply and "The city it lies in, Hangzhou" in reply


def test_ai_rent_is_compute_rental(matcher: IntentMatcher) -> None:
    query = matcher.match("상하이 AI 임대료 80%까지 보조해준다던데 진짜야?").query
    assert query.intent == "program_info" and [p.value for p in query.ptypes] == ["compute_voucher"]


@pytest.mark.parametrize("text", ["Nanning window closed already?", "Futian AI measures, still valid?"])
def test_a_window_or_measures_named_in_english_ask_the_programs(matcher: IntentMatcher, text: str) -> None:
    assert matcher.match(text).query.intent == "program_info"


@pytest.mark.parametrize("second", ["and for little giant firms?", "小巨人企业呢？"])
def test_a_marked_follow_up_with_nothing_of_its_own_asks_the_same_again(matcher: IntentMatcher, second: str) -> None:
    query = matcher.match(second, Turn(matcher.match("Zhuhai compute voucher cap?").query, 0.0)).query
    assert query.intent == "program_info" and query.place is not None and query.place.place == "zhuhai"
    assert [p.value for p in query.ptypes] == ["compute_voucher"]


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("青岛OPC政策清单中的语料券，每个语料库最高支持多少？", "program_info"),  # 中的 is no 中山 or 中国
        ("论文开题报告格式有什么要求吗", "unknown"),
        ("중국 거류증 연장하려면 출입국관리국 어디로 가야 돼요?", "unknown"),
        ("亦庄2026年要建好多算力？", "compute_target"),
    ],
)
def test_more_words_of_other_domains_and_of_targets(matcher: IntentMatcher, text: str, intent: str) -> None:
    assert matcher.match(text).query.intent == intent


@pytest.mark.parametrize(
    ("text", "intent"),
    [("Henan cap?", "program_info"), ("톈진 상한은?", "program_info"), ("what's the capital of Australia", "unknown")],
)
def test_a_cap_named_of_a_place_asks_its_programs(matcher: IntentMatcher, text: str, intent: str) -> None:
    assert matcher.match(text).query.intent == intent


@pytest.mark.parametrize(
    ("text", "aspect"),
    [
        ("산동성 말뭉치 쿠폰 시행 기한은 언제까지입니까", "window"),  # the one aspect, asked twice over
        ("When does the Beijing municipal AI compute voucher end?", "window"),
        ("Shenzhen model voucher, CAC-filed models only?", "conditions"),
        ("Tianjin compute vouchers valid till end of 2026 only?", "window"),  # 'only' beside another aspect
        ("suzhou data voucher reqs", "conditions"),
        ("haizhu filing reward amt", "amount"),
        ("无锡算力券今年还开着吗", "window"),
        ("无锡算力券中小企业咋认定的", "conditions"),
        ("无锡的券是官方发的还是媒体说的", "status"),
        ("우시 산력권 상한 500만이랑 300만은 뭐로 갈려요?", "conditions"),  # what decides the tier
        ("无锡算力券一般50万，啥情况能到100万", "conditions"),
        ("Wuxi voucher: who gets 30% and who gets 20%?", "conditions"),
        ("우시 산력권에 클라우드 배포 비용도 포함돼요?", "conditions"),  # what counts towards it
        ("우시 산력권 신청 주체에 대학도 들어가나요?", "conditions"),
        ("우시 쿠폰 심사 기준 공개됐나요", "conditions"),
    ],
)
def test_aspects_in_chat_shorthand_and_apart(matcher: IntentMatcher, text: str, aspect: str) -> None:
    assert matcher.match(text).query.aspect == aspect


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("하이주구 시나리오 지원 투자액 30%에 상한 500만이던데, 투자 1200만 위안이면 얼마?", 12_000_000),
        ("Wuhan scenario project: 30% capped at 1M. Our project is 2.5M CNY, what will we get?", 2_500_000),
        ("우시 산력권 연 300만 상한. 우리 GPU 임차 연 900만 위안이면?", 9_000_000),  # the cap named after its figure
        ("无锡算力券500万元封顶，我们合同2000万元的话 补贴金额测算一下 多少", 20_000_000),
        ("우시 산력권 20%, 300만 한도 → 계약 2000만 위안 기준 수령액 산출", 20_000_000),
    ],
)
def test_a_spend_after_the_programs_cap_is_what_is_computed(matcher: IntentMatcher, text: str, amount: int) -> None:
    query = matcher.match(text).query
    assert query.intent == "subsidy_calc" and query.money is not None and query.money.amount == amount


def test_a_cap_then_a_figure_in_won_is_no_spend(matcher: IntentMatcher) -> None:
    query = matcher.match("선전 훈력권 1년 최대 1000만 위안이면 원화로 한 19억?").query
    assert query.intent != "subsidy_calc"


@pytest.mark.parametrize(
    ("text", "aspect"),
    [
        ("장저우 모델쿠폰 30%에 200만 이거 공식이에요?", "status"),
        ("Wuxi voucher fund of 50M a year... is that even verified anywhere?", "status"),
        ("상해 건 하나 더 여쭙겠습니다. 시·구 공동 100% 임차료 지원은 최대 몇 년입니까?", "window"),
        ("우한 OPC 산력쿠폰 최대 3년까지임? 1인회사로 하나 차리려고", "window"),
        ("무석 산력권 5000만 위안이라던데 매년이야?", "budget"),  # 매년이야 is no 몇 년이야
    ],
)
def test_whether_it_is_official_and_for_how_many_years(matcher: IntentMatcher, text: str, aspect: str) -> None:
    assert matcher.match(text).query.aspect == aspect


@pytest.mark.parametrize(
    "text",
    ["나라에서 주는 산력권도 있어요? 지방 말고", "Is there a national-level data voucher?", "国务院有没有发算力券"],
)
def test_the_national_level_names_china(matcher: IntentMatcher, text: str) -> None:
    query = matcher.match(text).query
    assert query.place is not None and query.place.place == "china" and query.intent == "program_info"


@pytest.mark.parametrize(
    "text",
    [
        "구이저우 산력제품 톱10 장려금 얼마야",
        "贵州算力产品十强奖最高多少",
        "Guizhou top ten compute products award, every year?",
    ],
)
def test_compute_products_name_no_compute_voucher(matcher: IntentMatcher, text: str) -> None:
    """算力产品 is what a firm sells, not a voucher: Guizhou's award for the top 10 compute products is named."""
    query = matcher.match(text).query
    assert query.intent == "program_info" and {p.value for p in query.ptypes} == {"annual_award"}


def test_a_base_model_firm_is_who_asks_not_a_model_voucher(matcher: IntentMatcher) -> None:
    query = matcher.match("항저우 산력권 800만 상한, 기반모델 회사면 더 늘려준다던데 얼마까지?").query
    assert {p.value for p in query.ptypes} == {"compute_voucher"}
    query = matcher.match("we're a base model company in Hangzhou, how much compute voucher can we get?").query
    assert {p.value for p in query.ptypes} == {"compute_voucher"} and "model_developer" in query.traits


@pytest.mark.parametrize(
    "text",
    ["푸젠성 업종 모델 프로젝트 지원 상한?", "福建行业模型项目最高支持多少", "Fujian vertical model projects: cap?"],
)
def test_a_model_project_is_research_support_not_a_model_voucher(matcher: IntentMatcher, text: str) -> None:
    assert {p.value for p in matcher.match(text).query.ptypes} == {"rd_subsidy"}


@pytest.mark.parametrize(
    ("text", "aspect"),
    [
        ("杭州两张券叠加能到60%吗", "rate"),  # the rate they add up to
        ("Hangzhou: the two vouchers stack to 60%, right?", "rate"),
        ("廊坊60%和50%可以叠加吗", "rate"),
        ("Chengdu's 60% voucher, does it stack with the model subsidy?", "conditions"),  # whether one may stack
    ],
)
def test_vouchers_stacked_to_a_percentage_ask_the_rate(matcher: IntentMatcher, text: str, aspect: str) -> None:
    assert matcher.match(text).query.aspect == aspect


@pytest.mark.parametrize(
    ("text", "place", "district"),
    [
        ("京技管发〔2024〕29号 원문 있어요?", "beijing", "etown"),  # the issuer's code, read from the data
        ("鲁政办字 2025 49号的模型券多少", "shandong", None),  # its brackets dropped
    ],
)
def test_a_document_number_names_the_place_that_issued_it(
    matcher: IntentMatcher, text: str, place: str, district: str | None
) -> None:
    query = matcher.match(text).query
    assert query.place == PlaceRef(place, district) and query.intent == "program_info"


@pytest.mark.parametrize(
    ("text", "asked"),
    [
        ("北京市算力券得是北京注册的企业才能申吧？我们是无锡的", "beijing"),  # where the asker is
        ("산둥 모델쿠폰, 칭다오 회사도 돼요?", "shandong"),  # a firm there may apply to the province's
        ("咱们韩资企业能申请青岛的算力券吗？韩国老板问的", "qingdao"),  # Korea says who asks
        ("Does Fuzhou have its own compute voucher, apart from the Fujian provincial one?", "fuzhou"),  # its province
    ],
)
def test_where_the_asker_is_is_not_a_second_place(matcher: IntentMatcher, text: str, asked: str) -> None:
    """Nor is a city's own province, named beside it but not set against it ("青岛和山东省的有啥区别" is compared)."""
    assert matcher.match("青岛和山东省的模型券有啥区别").query.intent == "compare"
    query = matcher.match(text).query
    assert query.intent == "program_info" and query.place is not None and query.place.place == asked


def test_a_program_only_one_place_has_names_that_place(matcher: IntentMatcher) -> None:
    """训力券 is Shenzhen's own voucher (read from the data); 人工智能券 is the national AI voucher, not 智能券."""
    assert matcher.match("训力券初创企业比例多少").query.place == PlaceRef("shenzhen")
    assert matcher.match("国家那个人工智能券怎么领").query.place != PlaceRef("hangzhou")


def test_announced_and_a_district_ruled_out_keep_the_place(matcher: IntentMatcher) -> None:
    """ "when were they announced" asks a program's date, not to post a notice; "Beijing city (not E-Town)" asks
    the city, and "征求意见稿 구도" is no slip of 구독."""
    query = matcher.match("Chongqing compute vouchers, when were they announced?").query
    assert query.intent == "program_info" and query.place == PlaceRef("chongqing") and query.aspect == "window"
    assert matcher.match("Beijing city compute vouchers (not E-Town), what rate?").query.place == PlaceRef("beijing")
    assert matcher.match("상해 다른 구도 입주 보상 있어? 쉬후이 말고").query.intent == "program_info"


def test_self_built_compute_is_the_construction_support_where_there_is_one(matcher: IntentMatcher) -> None:
    """Shanghai supports building compute: "自建算力" asks that; Anhui has none, so its compute subsidy is asked."""
    assert {p.value for p in matcher.match("上海自建算力补贴10%有上限吗").query.ptypes} == {"construction_subsidy"}
    assert {p.value for p in matcher.match("安徽算力补助，自建算力也算吗").query.ptypes} == {"compute_voucher"}


def test_whose_policy_the_same_wording_is_asks_of_the_first(matcher: IntentMatcher) -> None:
    """The seed article's E-Town award worded like Shenzhen's draft: "어느 쪽 정책이야?" asks whose it is, not
    which is better."""
    query = matcher.match("징카이구 일회성 지원금 문구가 선전 초안이랑 똑같다던데 어느 쪽 정책이야?").query
    assert query.intent == "program_info" and query.place == PlaceRef("beijing", "etown")


def test_a_code_alone_is_no_document_number(matcher: IntentMatcher) -> None:
    """国发 is the State Council's code only in a document number: 中国发布 names no place by it."""
    assert matcher.match("东京发布会 几点").query.place is None


def test_numbers_said_aloud_are_read(matcher: IntentMatcher) -> None:
    """Voice typing spells numbers out: 삼점팔억원 is 3.8억원, 육십프로 is 60%."""
    query = matcher.match("징카이구 산력 비용 연 삼점팔억원 쓰면 쿠폰 얼마").query
    assert query.intent == "subsidy_calc" and query.money is not None and query.money.amount == 380_000_000
    assert matcher.match("심천 훈련권 스타트업이면 육십프로까지 되는거 맞아").query.aspect == "rate"


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("Chongqing measures came out Oct 15 2025, 2M yuan spend what do we get", 2_000_000),  # the date is no sum
        ("190원 기준으로 1,000만 위안이면 원화로 얼마", 10_000_000),  # 190원 is the rate used
    ],
)
def test_dates_and_rates_are_not_amounts(matcher: IntentMatcher, text: str, amount: int) -> None:
    money = matcher.match(text).query.money
    assert money is not None and money.amount == amount


@pytest.mark.parametrize(
    ("text", "ptype"),
    [
        ("무석 쑤안리취엔 아직 있나?", "compute_voucher"),  # 算力券 in Hangul
        ("상해 위랴오취엔 관계사한테 산것도 돼요?", "corpus_voucher"),
        ("珠海免申即享是啥 不用申请吗", "compute_voucher"),  # no kind named: the place's compute voucher
        ("Zhuhai: is it automatic, no application needed?", "compute_voucher"),
        ("北京经开区硬件补贴在哪申请", "hardware_subsidy"),  # a kind named is never replaced by the default
        ("Wuhan major S&T project support, cap per project?", "rd_subsidy"),
        (
            "Tom's Hardware says Shanghai pays 80% of AI rental fees. Is that in the policy?",
            "compute_voucher",
        ),  # a publication, no kind
        ("天津算力券找财政局还是数据局？", "compute_voucher"),  # a bureau, not a data voucher
        ("上海2023年大模型措施的租用补贴最高10%还有效吗", "compute_voucher"),  # rent is paid for compute
        ("양저우 쿠폰은 운하도시 플랫폼 꼭 써야 돼?", "compute_voucher"),  # where the voucher is spent
    ],
)
def test_a_program_question_naming_no_kind_asks_the_main_one(matcher: IntentMatcher, text: str, ptype: str) -> None:
    query = matcher.match(text).query
    assert query.intent == "program_info" and {p.value for p in query.ptypes} == {ptype}


def test_a_comparison_of_sizes_compares_the_pools(matcher: IntentMatcher) -> None:
    query = matcher.match("칭양이랑 무석, 산력권 지원금 규모로 보면 어느 쪽이 큽니까").query
    assert query.intent == "compare" and query.aspect == "budget"


@pytest.mark.parametrize(
    "text", ["1인 기업이면 우한에서 뭐 받을 수 있어?", "one-person company here, anything for us in Wuhan?"]
)
def test_a_firm_asking_what_it_can_get_gets_the_overview_with_its_programs_first(
    matcher: IntentMatcher, responder: Responder, text: str
) -> None:
    assert matcher.match(text).query.intent == "city_overview"
    reply = responder.answer_now(IncomingMessage(text, chat_id="opc-overview"))
    first = reply.headline[1]
    assert reply.intent == "city_overview" and ("OPC" in first or "one-person" in first.lower()), first


@pytest.mark.parametrize(
    ("text", "traits"),
    [
        ("우리 상장사 자회사인데 그래도 중소기업 50% 받을수있음?", {"listed"}),  # the SME tier asked of, not the firm
        ("저희 SW 회사고 한국 투자법인인데 베이징시 算力券 대상 맞나요?", {"foreign"}),
        ("남경 천억 파라미터 넘는 자체 모델이면 R&D 20%에 최대 오천만 위안?", {"model_developer"}),
    ],
)
def test_the_firm_is_told_from_the_tier_it_asks_about(matcher: IntentMatcher, text: str, traits: set[str]) -> None:
    assert set(matcher.match(text).query.traits) == traits


@pytest.mark.parametrize(
    "text", ["When did the public comment period on the Wuhan draft close?", "무한 초안 의견수렴 언제까지였음"]
)
def test_a_comment_period_asked_of_a_place_is_about_its_programs(matcher: IntentMatcher, text: str) -> None:
    query = matcher.match(text).query
    assert query.intent == "program_info" and query.place is not None and query.place.place == "wuhan"


def test_a_figure_checked_first_leads_and_the_next_question_is_a_part(matcher: IntentMatcher) -> None:
    query = matcher.match("청두 산력권 기업당 500만 맞죠? 신청 기간도 알려주세요").query
    assert query.aspect == "amount" and "window" in query.parts


def test_a_center_named_as_a_vouchers_condition_is_a_voucher_question(matcher: IntentMatcher) -> None:
    query = matcher.match("河南算力券的供应方要100P以上的智算中心才行？").query
    assert query.intent == "program_info" and query.place is not None and query.place.place == "henan"


@pytest.mark.parametrize(
    ("text", "intent", "place"),
    [
        ("Ningbo minimum spend?", "program_info", "ningbo"),  # only a program has a threshold: its main one
        ("청두는 보조 비율 몇 %?", "program_info", "chengdu"),
        ("중국 부가세율 13% 맞나?", "unknown", "china"),  # of China as a whole, a rate is as often a tax's
    ],
)
def test_a_rate_or_threshold_asked_of_a_place_of_ours_is_a_program_question(
    matcher: IntentMatcher, text: str, intent: str, place: str
) -> None:
    query = matcher.match(text).query
    assert query.intent == intent and query.place is not None and query.place.place == place
    assert intent != "program_info" or {p.value for p in query.ptypes} == {"compute_voucher"}


@pytest.mark.parametrize("text", ["any tips for changing money at the airport?", "qingming holiday, office closed?"])
def test_english_and_pinyin_words_near_a_name_are_no_place(matcher: IntentMatcher, text: str) -> None:
    query = matcher.match(text).query
    assert query.place is None and query.intent == "unknown"


@pytest.mark.parametrize(
    ("text", "trait"),
    [
        ("Shanghai compute voucher for a firm doing LLM pretraining?", "model_developer"),
        ("무한 산력권, 우리는 모델 훈련에 GPU 많이 써요", "model_developer"),
        ("Ningbo voucher, our client operates a data center there", "compute_provider"),
        ("항저우 산력권 받을 수 있나? 우리가 데이터센터를 운영해요", "compute_provider"),
    ],
)
def test_what_the_firm_does_is_heard_in_plain_words(matcher: IntentMatcher, text: str, trait: str) -> None:
    assert trait in matcher.match(text).query.traits


def test_a_provider_asking_of_a_voucher_asks_the_voucher_not_the_center(matcher: IntentMatcher) -> None:
    query = matcher.match("선전 산력권 얼마예요? 저희가 데이터센터 돌리는 회사라서요").query
    assert query.intent == "program_info" and query.place is not None and query.place.place == "shenzhen"


@pytest.mark.parametrize("text", ["他们都有什么数据？", "补到60%以上的算力券有吗"])
def test_common_han_pairs_one_slip_from_a_name_are_no_place(matcher: IntentMatcher, text: str) -> None:
    assert matcher.match(text).query.place is None


@pytest.mark.parametrize(
    "text", ["Shenzhen voucher for a team training a 13B model?", "우리 모델은 7B 파라미터인데 남경 연구개발 지원 돼?"]
)
def test_a_model_size_is_no_amount_of_money(matcher: IntentMatcher, text: str) -> None:
    query = matcher.match(text).query
    assert query.money is None and query.intent == "program_info"


@pytest.mark.parametrize(("text", "currency"), [("만 위안이면 한국 돈 얼마?", "CNY"), ("만원은 몇 위안이야", "KRW")])
def test_a_bare_man_of_a_currency_is_ten_thousand(matcher: IntentMatcher, text: str, currency: str) -> None:
    query = matcher.match(text).query
    assert query.intent == "fx" and query.money is not None
    assert query.money.amount == 10000 and query.money.currency.value == currency


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("An overview of Wuhan's AI support, i.e. vouchers, construction support and district schemes?", "wuhan"),
        ("广州天河区人工智能支持措施概况", "guangzhou"),
    ],
)
def test_an_overview_asked_of_a_place_is_its_overview(matcher: IntentMatcher, text: str, place: str) -> None:
    query = matcher.match(text).query
    assert query.intent == "city_overview" and query.place is not None and query.place.place == place


@pytest.mark.parametrize("text", ["항저우는 목표 말고 기업 지원 쿠폰 금액은?", "嘉兴除了目标，企业补贴有多少？"])
def test_a_target_set_aside_is_not_asked(matcher: IntentMatcher, text: str) -> None:
    assert matcher.match(text).query.intent == "program_info"


def test_the_city_level_set_aside_before_a_district_asks_the_district(matcher: IntentMatcher) -> None:
    query = matcher.match("회사가 베이징에 있는데 시 말고 징카이구 자체 지원은 뭐 있어요?").query
    assert query.intent != "compare" and query.place is not None and query.place.district == "etown"


@pytest.mark.parametrize(
    "text",
    [
        "we have a DC in Tianjin, can our tenants use the Tianjin voucher?",
        "충칭 산력권 플랫폼에 저희 노드 올릴 수 있어요?",
        "贵州算力券，机房运营商能申请吗",
    ],
)
def test_a_firm_running_compute_says_so_in_its_own_words(matcher: IntentMatcher, text: str) -> None:
    assert "compute_provider" in matcher.match(text).query.traits


def test_getting_listed_on_a_platform_is_no_listed_company(matcher: IntentMatcher) -> None:
    traits = matcher.match("Yangzhou compute voucher: how does a provider get listed on the platform?").query.traits
    assert "listed" not in traits


@pytest.mark.parametrize("text", ["无锡到2026年智算要超过多少P？", "杭州智算要超过几P？"])
def test_how_many_pflops_asks_a_compute_figure(matcher: IntentMatcher, text: str) -> None:
    assert matcher.match(text).query.intent == "compute_target"


def test_only_targets_asks_what_else_a_place_has(matcher: IntentMatcher) -> None:
    assert matcher.match("항저우는 타깃만 있고 기업 지원은 없어?").query.intent != "compute_target"


def test_who_is_issuing_asks_the_issuer(matcher: IntentMatcher) -> None:
    assert matcher.match("Ningbo compute vouchers, who's issuing them?").query.aspect == "apply"


def test_a_one_person_startup_is_a_one_person_company(matcher: IntentMatcher) -> None:
    assert matcher.match("any free compute for one-person startups in Hangzhou?").query.traits == frozenset({"opc"})


@pytest.mark.parametrize(
    "text", ["Ningbo compute voucher, word for word?", "Wuhu data voucher — which article of the policy?"]
)
def test_word_for_word_asks_the_clause(matcher: IntentMatcher, text: str) -> None:
    assert matcher.match(text).query.aspect == "clause"


def test_the_full_picture_of_a_place_is_its_overview(matcher: IntentMatcher) -> None:
    assert matcher.match("give me the full picture for Ningbo").query.intent == "city_overview"


@pytest.mark.parametrize(
    "text",
    ["Is there a Zhengzhou-specific compute voucher apart from Henan's?", "合肥本级有没有算力券？安徽省的看过了"],
)
def test_a_city_we_do_not_cover_asked_apart_from_its_province(matcher: IntentMatcher, text: str) -> None:
    query = matcher.match(text).query
    assert query.outside and not query.places


def test_a_city_we_do_not_cover_where_a_firm_is_leaves_its_province_asked(matcher: IntentMatcher) -> None:
    query = matcher.match("合肥的工厂能用安徽省的算力补助吗").query
    assert _slugs(query.places) == ["anhui"]


@pytest.mark.parametrize(
    "text",
    ["Does Kunming run a model voucher like Shanghai's?", "长沙有没有类似成都的算力券", "시안도 청두처럼 산력권 있어?"],
)
def test_a_place_named_as_a_yardstick_leaves_the_uncovered_one_asked(matcher: IntentMatcher, text: str) -> None:
    query = matcher.match(text).query
    assert query.outside and not query.places and query.intent == "program_info"


@pytest.mark.parametrize(
    "text",
    [
        "우시 산력권 심사 후에 지급돼?",
        "Wuhan scenario funing cap?",
        "听说深圳模型券能补八成，真的吗",
        "칭양 산력권 정산은 언제?",
    ],
)
def test_ordinary_words_one_slip_from_a_place_name_no_second_place(matcher: IntentMatcher, text: str) -> None:
    query = matcher.match(text).query
    assert len(query.places) == 1 and not query.outside and query.intent == "program_info"


def test_a_place_we_do_not_cover_corrected_to_one_of_ours(matcher: IntentMatcher) -> None:
    query = matcher.match("심양 산력권은? 아 아니 심천").query
    assert _slugs(query.places) == ["shenzhen"] and not query.outside and query.intent == "program_info"


@pytest.mark.parametrize(
    ("text", "aspect"),
    [
        ("Ningbo compute vouchers valid through 2027?", "window"),
        ("重庆算力券政策什么时候发布的", "window"),
        ("남경 산력권 받으려면?", "conditions"),
        ("상해 모델쿠폰은 상해 등록 회사만?", "conditions"),
        ("武汉算力券资金来源是哪里", "budget"),
        ("Wuxi voucher: what's the min purchase?", "minimum"),
        ("선전 모델쿠폰 받으려면 어디로 가야 돼요?", "apply"),
    ],
)
def test_more_ways_to_ask_an_aspect(matcher: IntentMatcher, text: str, aspect: str) -> None:
    assert matcher.match(text).query.aspect == aspect


def test_a_grandchild_is_no_suzhou(matcher: IntentMatcher) -> None:
    assert _slugs(matcher.match("손주가 그러는데 심천 모델쿠폰 얼마야?").query.places) == ["shenzhen"]


@pytest.mark.parametrize(
    ("text", "aspect"),
    [
        ("Can a Wuxi compute voucher be transferred to another firm?", "conditions"),
        ("Which years does the Wuhan compute voucher cover?", "window"),
        ("Is the Hangzhou intelligence voucher still a trial?", "status"),
        ("주하이 산력권 신청 안 해도 준다고?", "apply"),
        ("남경 산력권 요즘도 신청 받아?", "window"),
    ],
)
def test_still_more_ways_to_ask_an_aspect(matcher: IntentMatcher, text: str, aspect: str) -> None:
    assert matcher.match(text).query.aspect == aspect


def test_a_compute_target_set_aside_asks_no_target(matcher: IntentMatcher) -> None:
    assert matcher.match("Does Wuxi have real subsidies, or just a compute target?").query.intent != "compute_target"


def test_a_train_between_two_cities_is_off_topic(matcher: IntentMatcher) -> None:
    assert matcher.match("Is the Shanghai-Hangzhou high-speed train on time?").query.intent == "unknown"


def test_a_figure_of_a_voucher_where_none_is_held_asks_the_compute_voucher(matcher: IntentMatcher) -> None:
    query = matcher.match("Fuzhou voucher amounts published yet?").query
    assert {p.value for p in query.ptypes} == {"compute_voucher"}
    assert not matcher.match("Fuzhou: any vouchers at all?").query.ptypes


@pytest.mark.parametrize(
    "text",
    [
        "Nanjing: anything beyond the 100M compute voucher pool?",
        "除了算力券，宁波还有别的支持吗",
        "besides the voucher fund, what else does Wuxi have?",
    ],
)
def test_what_else_beside_a_program_asks_the_place(matcher: IntentMatcher, text: str) -> None:
    assert matcher.match(text).query.intent == "city_overview"


def test_another_use_beside_one_named_asks_the_program(matcher: IntentMatcher) -> None:
    assert matcher.match("칭양 쿠폰 음성인식 말고 다른 용도도 돼?").query.intent == "program_info"


def test_a_cap_after_a_purchase_word_is_no_spend(matcher: IntentMatcher) -> None:
    query = matcher.match("漳州模型券按模型购买费用30%、最高200万，我们采购了600万元的模型，能补多少？").query
    assert query.money is not None and query.money.amount == Decimal(6_000_000) and query.amount_role == "spend"


@pytest.mark.parametrize(
    "text",
    ["We are a Korean startup, can we get the Wuxi voucher?", "한국 스타트업인데 우시 쿠폰 돼?"],
)
def test_a_korean_firm_is_foreign_invested(matcher: IntentMatcher, text: str) -> None:
    query = matcher.match(text).query
    assert "foreign" in query.traits and not query.outside and _slugs(query.places) == ["wuxi"]


def test_a_private_cloud_is_a_compute_provider(matcher: IntentMatcher) -> None:
    assert "compute_provider" in matcher.match("저희 같은 민간 클라우드도 청두 산력권 돼요?").query.traits


@pytest.mark.parametrize(
    ("text", "aspect"),
    [
        ("宁波算力券最高100万，是每年还是总共？", "amount"),
        ("Yangzhou voucher cap: per year or in total?", "amount"),
        ("芜湖算力补贴1亿资金是每年还是总额", "budget"),
    ],
)
def test_the_span_of_a_cap_asks_the_cap_and_of_a_pool_the_pool(matcher: IntentMatcher, text: str, aspect: str) -> None:
    assert matcher.match(text).query.aspect == aspect


@pytest.mark.parametrize(
    ("text", "aspect"),
    [
        ("Wuxi compute voucher: who reviews it?", "apply"),
        ("중산 산력권 받는 플랫폼이 뭐예요?", "apply"),
        ("what's Ningbo's compute voucher worth", "amount"),
        ("Datong: what is the bonus for a national case?", "amount"),
        ("厦门算力券是哪年的文件", "status"),
    ],
)
def test_yet_more_ways_to_ask_an_aspect(matcher: IntentMatcher, text: str, aspect: str) -> None:
    assert matcher.match(text).query.aspect == aspect


@pytest.mark.parametrize(
    "text",
    [
        "허난성 산력권 성이랑 시가 1:1로 낸다는 거죠?",
        "Wuxi voucher only works if you buy from the local center?",
        "廊坊算力券是不是先付钱后申领",
        "北京算力券同一合同可以申领两次吗？",
        "Datong dataset reward: who decides?",
        "성도 녹색 데이터센터 지원은 우리랑 상관없겠지?",
    ],
)
def test_yet_more_ways_to_ask_the_conditions(matcher: IntentMatcher, text: str) -> None:
    assert matcher.match(text).query.aspect == "conditions"


def test_a_figure_heard_then_its_status_asked_is_checked(matcher: IntentMatcher) -> None:
    query = matcher.match("우시 산력권 연 5000만 위안이라던데 공식 문서로 확인된 거예요?").query
    assert query.amount_role == "check" and query.aspect == "status"


def test_a_figure_said_to_be_the_cap_is_checked(matcher: IntentMatcher) -> None:
    query = matcher.match("난닝 산력권 연 200만이 캡임?").query
    assert query.intent == "program_info" and query.amount_role == "check"


@pytest.mark.parametrize("text", ["无锡算力券30%，用阿里云的算不算", "칭양 30% 계산할 때 부가세 포함이에요?"])
def test_an_everyday_word_beside_a_rate_of_ours_is_no_other_topic(matcher: IntentMatcher, text: str) -> None:
    query = matcher.match(text).query
    assert query.intent == "program_info" and not query.outside


@pytest.mark.parametrize("text", ["Does the UAE have compute vouchers?", "US CHIPS act subsidy how much can we get"])
def test_a_country_in_capitals_is_a_place_abroad(matcher: IntentMatcher, text: str) -> None:
    query = matcher.match(text).query
    assert query.outside and query.outside[0].abroad and not query.places


@pytest.mark.parametrize(
    "text", ["let us know the Wuxi cap", "Our US finance team asks: Wuxi voucher cap?", "Wuxi cap in US$?"]
)
def test_us_as_a_word_or_an_adjective_is_no_place(matcher: IntentMatcher, text: str) -> None:
    query = matcher.match(text).query
    assert not query.outside and _slugs(query.places) == ["wuxi"]


def test_optics_valley_is_wuhan(matcher: IntentMatcher) -> None:
    assert _slugs(matcher.match("光谷有算力券吗").query.places) == ["wuhan"]


@pytest.mark.parametrize(
    "text",
    ["EU AI grants?", "유럽에도 이런 쿠폰 있어?", "硅谷有算力券吗", "동남아 AI 지원 있어요?"],
)
def test_an_area_abroad_is_not_covered(matcher: IntentMatcher, text: str) -> None:
    query = matcher.match(text).query
    assert query.outside and query.outside[0].abroad and not query.places


@pytest.mark.parametrize(
    "text",
    [
        "산력권 커버하는 도시 리스트 한번만 더",
        "이거 어느 도시들 정보가 들어있어요? 산동 안휘도 돼요?",
        "How many cities are in your dataset?",
    ],
)
def test_the_list_of_places_asked_is_the_list(matcher: IntentMatcher, text: str) -> None:
    query = matcher.match(text).query
    assert query.intent == "list_cities" and not query.places


@pytest.mark.parametrize(
    "text",
    [
        "우시는 2025년까지 산력을 얼마로 잡았지?",
        "How much compute does Ningbo want by the end of 2026?",
        "南京到2027年算力要做到多大",
    ],
)
def test_more_ways_to_ask_a_compute_target(matcher: IntentMatcher, text: str) -> None:
    assert matcher.match(text).query.intent == "compute_target"


def test_a_center_a_voucher_must_be_spent_at_asks_the_voucher(matcher: IntentMatcher) -> None:
    query = matcher.match("칭양 쿠폰은 칭양 데이터센터 클러스터 꼭 써야 돼?").query
    assert query.intent == "program_info" and query.aspect == "conditions"


@pytest.mark.parametrize(
    "text",
    [
        "청두에서 컴퓨팅 쿠폰 1억 위안 신청하면 얼마 받을 수 있어?",
        "우한 시나리오 프로젝트 투자 총액 300만 위안 잡으면 지원 얼마?",
        "주해서 산력비 500만 위안 썼습니다. 얼마 받아요?",
    ],
)
def test_a_sum_of_ours_and_what_we_get_is_a_calculation(matcher: IntentMatcher, text: str) -> None:
    query = matcher.match(text).query
    assert query.intent == "subsidy_calc" and query.amount_role == "spend"


def test_our_own_sum_on_a_spend_to_check_is_a_calculation(matcher: IntentMatcher) -> None:
    text = "난닝에서 계약 600만 위안 하면 30%니까 180만인데, 상한 200만 안 넘으니 180만 받는 거 맞죠?"
    query = matcher.match(text).query
    assert query.intent == "subsidy_calc" and query.money is not None and query.money.amount == Decimal(6_000_000)


@pytest.mark.parametrize(
    ("text", "spend"),
    [
        ("Nanning voucher is 30% up to 2M. Our contract is 5 million, so it just gets capped?", 5_000_000),
        ("Wuhan scenario funding is 30% capped at 1M. How much for a 2.5M yuan project?", 2_500_000),
        ("장저우 산력권 50%에 200만 한도면, 저희 계약 300만 위안이면 얼마예요?", 3_000_000),
    ],
)
def test_our_sum_after_a_cap_is_what_is_spent(matcher: IntentMatcher, text: str, spend: int) -> None:
    query = matcher.match(text).query
    assert query.intent == "subsidy_calc" and query.money is not None and query.money.amount == Decimal(spend)


def test_places_compared_on_no_kind_are_compared_on_the_compute_voucher(matcher: IntentMatcher) -> None:
    query = matcher.match("1000만 위안 쓰면 청두 항주 선전 중 어디가 제일 많이 줘?").query
    assert query.intent == "compare" and {p.value for p in query.ptypes} == {"compute_voucher"}


def test_corpora_bought_where_only_a_data_voucher_is_held_ask_it(matcher: IntentMatcher) -> None:
    assert {p.value for p in matcher.match("苏州买语料补贴比例多少").query.ptypes} == {"data_voucher"}
    assert {p.value for p in matcher.match("Does Suzhou have a corpus voucher?").query.ptypes} == {"corpus_voucher"}


def test_the_national_ai_voucher_asked_is_the_compute_voucher(matcher: IntentMatcher) -> None:
    query = matcher.match("Is there a national AI voucher? NDRC said something in September").query
    assert query.intent == "program_info" and {p.value for p in query.ptypes} == {"compute_voucher"}
    assert matcher.match("국가 차원 AI 쿠폰 정책 뭐가 있어?").query.intent == "city_overview"


def test_a_spend_and_may_we_apply_where_there_is_a_floor_asks_the_minimum(matcher: IntentMatcher) -> None:
    query = matcher.match("厦门一年算力支出4万能申请吗").query
    assert query.intent == "program_info" and query.aspect == "minimum"


@pytest.mark.parametrize(
    "text",
    [
        "Chengdu's neighbour Mianyang, any compute vouchers?",
        "德阳有没有算力券，离成都近",
        "江苏省层面有没有算力券？别跟我说苏州南京",
    ],
)
def test_a_place_we_do_not_cover_placed_by_one_of_ours_is_asked(matcher: IntentMatcher, text: str) -> None:
    query = matcher.match(text).query
    assert query.outside and not query.places and query.intent == "program_info"


@pytest.mark.parametrize("text", ["Is there a labelling subsidy in Bangalore?", "울란차부 데이터센터 규모는?"])
def test_names_people_use_for_places_we_do_not_cover(matcher: IntentMatcher, text: str) -> None:
    query = matcher.match(text).query
    assert query.outside and not query.places


def test_where_a_team_moves_from_is_not_asked(matcher: IntentMatcher) -> None:
    query = matcher.match("Shanghai AI support overall? we're moving our team from Bangalore").query
    assert _slugs(query.places) == ["shanghai"] and query.intent == "city_overview"


@pytest.mark.parametrize(
    "text",
    [
        "상하이 2025년말 30EFlops 목표, 이거 확인된 숫자예요?",
        "漳州模型券最高200万元，此信息是否经过官方核实？",
        "우시 금액 믿어도 돼?",
    ],
)
def test_whether_a_figure_is_verified_asks_the_status(matcher: IntentMatcher, text: str) -> None:
    assert matcher.match(text).query.aspect == "status"


def test_a_place_named_as_a_yardstick_beside_one_of_ours_is_not_compared(matcher: IntentMatcher) -> None:
    query = matcher.match("Guizhou voucher per-firm cap? someone said 2M like Qingyang").query
    assert _slugs(query.places) == ["guizhou"] and query.amount_role == "check"


def test_vouchers_or_just_the_center_asks_the_vouchers(matcher: IntentMatcher) -> None:
    query = matcher.match("Karamay: any compute vouchers there, or just the China Mobile centre?").query
    assert query.intent == "program_info"


def test_a_kind_of_firm_asked_after_a_program_is_a_follow_up(matcher: IntentMatcher) -> None:
    query = _after(matcher, "주하이 산력권 얼마야?", "소거인 기업이면요?")
    assert query.intent == "program_info" and _slugs(query.places) == ["zhuhai"]


@pytest.mark.parametrize(
    "text",
    [
        "Zhangzhou model vouchers: 30% of the purchase, capped at 2M. Is there an official source?",
        "Wuhu subsidy: 25% capped at 20M a year. Our firm spends about 6M a year there, what comes back?",
    ],
)
def test_capped_at_names_the_cap_and_what_we_spend_is_computed(matcher: IntentMatcher, text: str) -> None:
    query = matcher.match(text).query
    assert query.money is not None and query.money.amount in (Decimal(2_000_000), Decimal(6_000_000))
    assert (query.intent == "subsidy_calc") == (query.money.amount == Decimal(6_000_000))
