"""Cue phrases per intent in three languages, matched in the compact (space-free) text."""

from __future__ import annotations

import re

from bot.nlu.forms import FormIndex, contains_any, forms_of, has_any
from bot.nlu.normalize import Normalized, normalize

CUES: dict[str, tuple[str, ...]] = {
    "announce": forms_of(
        "postanote postanotice postthisnote 공지보내 공지해 공지로뿌려 공지로보내 공지로올려 공지하나 채널에공지 공지올려 공지띄워 공지남겨 공지사항보내 전체공지 announce broadcast 发公告 发布公告 群发 发通知 공지한번보내 공지한번 공지보내주 전체회원님들께 发个通知 频道里发 群里发个 "
        "通知所有 공지쏴 posttothechannel posttochannel postinthechannel postittothechannel postthistothe 发个公告 帮手发 帮我发个公告 공지때려 공지좀 공지돌려 공지좀돌려 공지좀보내 posttoall sendtoall messageall 发给大家 转发给大家 发给所有 推给所有 모두에게보내 모든방에보내 전체방에보내 구독자전체에"
    ),
    "unsubscribe": forms_of(
        "구독해제 해제 구독해지 끊어줘 좀끊어 구독좀끊 stopthesenotif stopthesealerts stopthesemessages 알림해제 구독취 구독해지 구독끊 구독중지 구독그만 구독안 구독빼 구독삭제 알림끄 알림해제 그만받 그만보내 알림그만 "
        "unsub 알림끌 알림끄고 업데이트끊 알림끊 알람꺼 알람끄 알림꺼 알림이제꺼 꺼주세요 꺼줄래 꺼주라 알림이제끄 알림다꺼 알림좀꺼 업데이트안받 알림안받 그만받을 stoptheupdates turnoffnotif turnoffupdates unsubscribe stopupdates stopsending mute optout outofalert 取消订阅 退订 取消本群 取消群订阅 本群取消 不要再发 "
        "关闭推送 取消推送 nomoreupdates nomoreupates nomorealerts 别再推送 别给我推送 别推送了 不要给我推送 不要推送 停止推送 알림해지 알림해제 stopnotif stopnotifications 关掉通知 关闭通知 群的通知关 关掉这个群 别推了 수신해지 알림수신해지 stopposting"
    ),
    "subscribe": forms_of(
        "채널로알려 여기로알려 이방으로알려 올라오면알려 올라오면여기 소식올라오면 有消息通知 有更新通知 有更新告诉 알림보내 여기로알림 소식자동 자동으로올려 소식올려 소식을올려 소식뜨면 이채널로 채널로바로 채널로보내 여기알려 구독 알림받 알림설정 알림신청 업데이트받 업데이트알림 방에알려 나오면알려 subscribe signup notify alertme "
        "keepmeposted sendupdates sendusupdates sendusupdaes sendusupdaets turnonnotifications alerts pushnew 알림좀 알림줘 뜨면알려 알림오게 알림와 알림오도록 업데이트오게 업데이트와 소식오게 뜨면바로 뜨면이방에 订阅 关注更新 接收更新 推送 通知我 有新政策 구독하기 구독할래 구독해 updateshere signthisgroup signusup getnotified benotified notifyus notifyme 推送给我 订阅一下 알림켜 알림켜줘 소식만받 소식받고싶 소식받을 알림on 수신신청 알림수신 업데이트수신 subthis subscribethis sendpolicyupdates updatestothisgroup updatestothischat sendupdatesto"
    ),
    "help": forms_of(
        "whatcommands commandsarethere listofcommands 명령어 무슨명령 有哪些指令 有什么命令 whatformat whatformatdoitype 데이터언제업데이트 언제업데이트된 언제업데이트됐 数据什么时候更新 datalastupdated howcurrentisyourdata 도움말 사용법 뭐할줄알 할줄아는 caniaskyou whatexactlycani 어떻게써 뭐까지해주 뭐까지해줘 뭐까지돼 봇뭐해 어떻게사용 어떻게쓰 명령어 뭘할수있 뭐할수있 뭐물어 뭐하는봇 help howdoiuse howtouse "
        "howdoesthisbot howdoesthiswork commands whatcanyoudo whatallyoucando whatallcanyoudo whatkindsofquestions whatkindofquestions canyoudothecalculations whatcanyouactuallydo youactuallydo whatcanthisthingdo whatcanido 帮助 怎么用 使用方法 如何使用 命令 你能做什么 会做什么 会做些什么 能做些什么 你会做啥 "
        "能做什么 你能干啥 你能干什么 能干啥 使用说明 能干嘛 干什么用 물어보면 사용방법 이용방법 사용안내 examplequestions examples 咋用 有啥功能 功能 어케쓰 어케써 어케사용 뭘물어 뭐물어봐 能问啥 能问些啥 问些啥 举个例子 举例 能问什么 问什么 whatcaniask howtouseit askthebot howdoiask howtoask 봇한테 봇에게 이름만치면 뭐라고치면 어떻게치면 机器人怎么用 机器人怎么使用 这个机器人 有没有指令 什么指令 哪些指令 어떠케쓰 어떻케쓰 어떡케쓰 기능설명 봇어디까지 whatcanthisbotdo canthisbot thisbotdo whatdoesthisbotdo 어케씀 어떻게씀"
    ),
    "list_cities": forms_of(
        "inyourdataset inthedataset yourdataset 包边几个 包边啲 你哋包 provincesarein citiesarein placesyouhave listtheplaces placesyoucover placesdoyou citiesyouhave 어떤도시 어느도시들 好多个城市 多少个城市 几个城市 收了多少 列出来 도시목록 어느도시정보 어느도시까지 도시정보까지 도시리스트 지원도시 어떤지역 어디어디 무슨도시 도시들 지역목록 커버지역 지역리스트 커버되는지역 도시리스트좀 어느지역들 지역들데이터 데이터들어가 들어가있는지역 데이터있 "
        "커버하는도시 커버하는지역 도시몇개 도시가몇개 도시는몇개 등록된도시 지역이몇개 "
        "도시전부 모든도시 전체도시 몇개도시 몇개지역 whichcities whatcities citiesdoyou listcities listofprovinces provincescities provincesorcities listofcities "
        "whichplaces whatplaces placesdoyou citiescovered coveredcities listall allplaces allcities whatregions "
        "whichregions regionsare coverage listplaces 哪些城市 哪些地方 城市列表 支持哪些 有哪些城市 哪些地区 지원지역 지원되는지역 등록된지역 어떤성 어느성 성단위 어떤곳들 어떤곳이 지역몇개 몇개지역 listprovinces whichprovinces supportedprovinces supportedcities provincestoo haveprovinces listofplaces placespls yourdatabase inyourdatabase whichones 哪些省 支持的地区 覆盖哪些 "
        "어느도시돼 어느도시되 어느도시지원 커버해 커버함 커버돼 커버되 어느도시까지 커버하는 coveredregions citiessupported cittiessupported 데이터가있 有数据的城市 有数据的地方"
    ),
    "computing_center": forms_of(
        "컴퓨팅센터 데이터센터 智算센터 算力센터 스마트컴퓨팅센터 지능컴퓨팅센터 산력센터 智算中心 算力中心 数据中心 计算中心 超算中心 "
        "computingcenter 지능계산센터 지산센터 cluster 集群 클러스터 computingcentre datacenter datacentre supercomputingcenter 쎈터 컴퓨팅쎈터 센텨 컴퓨팅센텨"
    ),
    "center_weak": forms_of("센터 center centre 中心"),
    "compute_target": forms_of(
        "얼마로잡았 얼마로잡은 얼마로늘리 얼마까지늘리 wantbytheendof 要做到多大 要做到多少 묙표 총몇p 总算力多少 算力总规模 总算力有 howmanypflops howmanyeflops 목표 타깃 타겟 要建好多 建好多算力 要建多少 target goal 目标 eflops pflops 多少p了 p까지왔 算力要到 要建到 aimstoreach aimsto 要建成多少 要建成 要多少p 规模要多少 要到多少 要达到 확보하겠 확보목표 aiming aimfor aimsfor 구축하겠 얼마나구축 达到多少 목표치 목표량 要搞到 算力规划 多少eflops"
    ),
    "fx": forms_of(
        "위안-원 원-위안 위안/원 원/위안 =krw =cny =원 =위안 =韩元 =人民币 usd/cny usdcny cny/krw cnykrw krw/cny usd/krw usdkrw 환율 환전 환산 원화로 억원으로 억원단위 원화 한화로 한화 한국돈 몇원 위안으로 위안화 exchange 원기준으로 환율기준 wonperyuan wonayuan wontotheyuan 韩元兑 inwon inkrw howmanywon tocny incny →cny ->cny →krw ->krw →위안 ->위안 →원화 ->원화 →원 ->원 →元 ->元 →人民币 →韩元 ->韩元 →yuan ->yuan →won ->won →rmb ->rmb 몇위안 toyuan inyuan 折合 towon "
        "tokrw inrmb indollars todollars indollar todollar toyuan inyuan tormb tocny incny convert 汇率 兑韩元 换算 韩元多少 多少韩元 多少亿韩元 多少万韩元 亿韩元 万韩元 换成韩元 换韩元 换韩币 兑换韩元 换成韩币 韩币 换人民币 换成人民币 "
        "兑人民币 몇위안 몇억원 몇만원 多少人民币 howmanyyuan 인민폐 인민폐로 合人民币 折合人民币 合多少 howmuchyuan yuanisthat howmuchinwon koreanwon krw/cny krwrate wonrate ratefor1cny cnyrate cny/krw 折合韩元 折合 yuanwon yuan/won cnykrw rmbkrw rmbtokrw krwcny krw/cny 위안원 원cny 원rmb 위안krw 元krw 원위안 人民币韩元 환률 환울 황율 한율 insgd inusd tosgd tousd 换美元 换成美元 多少美元 달러로 usd/cny cny/usd usdcny howmanydollars howmanyusd 인민币 인민币로 人民币로 위안화로바꾸 원화로바꾸"
    ),
    "compare_strong": forms_of(
        "비교 어디가 어느도시 어느곳 어느쪽 어느지역 중어디 중에어디 순위 랭킹 compare comparison versus whichcity "
        "whichplace wherecan whereshould rank top3 top5 top10 topcit 상위 어디로가 이득 vs 比较 对比 哪个城市 哪个地方 哪里 "
        "哪儿 acrosscities acrossplaces 排名 排行榜 排行 ranking 많이주는데 많이주는곳 높은도시 도시순위 주는데가 젤만이 젤많이 제일만이 주는대 whopays paysthemost 哪几个地方 哪个给得多 给得多 bestdeal whosgot 比哪个 哪个好 相比 排个名 排一下 排个序 排序 哪个更 更划算 哪个划算 whichisbetter whichonesbetter whichone"
    ),
    # The subset that asks for places by itself ("어느 도시가 제일 많이 줘?"); the rest needs a type or an amount.
    "compare_where": forms_of(
        "제일좋은도시 가장좋은도시 좋은도시어디 bestcity 最适合哪个城市 哪个城市最好 어디가 어느도시 어느곳 어느쪽 어느지역 중어디 중에어디 어디로가 whichcity whichplace wherecan whereshould topcit "
        "哪个城市 哪个地方 哪里 哪儿 많이주는데 많이주는곳 높은도시 주는데가 주는곳 주는대 어디에여 whopays 哪几个地方"
    ),
    "compare_weak": forms_of("제일 가장 최고 최대 most best highest biggest largest 最多 最高 最大 更多"),
    "calc": forms_of(
        "받 나와 나오 계산 투자하면 쓰면 구매하면 사면 지출 이면 라면 면얼마 하면 howmuchwould wouldiget wouldweget "
        "canweget caniget williget getback covered calculate spend spending invest ifwe ifi "
        "能拿 能补 补多少 拿多少 计算 投资 花了 花 买 能得 的话"
    ),
    "topic": forms_of(
        "의견수렴 의견수렴안 征求意见 意见征求 征求意见稿 commentperiod publiccomment 市区1:1 시구1:1 focuson focusingon whichindustries 중점분야 중점산업 重点领域 重点方向 docnumber documentnumber 文号 发文日期 pressconference 发布会 实施意见 指导意见 行动意见 人工智能意见 人工智能+意见 ai+意见 aiplan aiindustryplan measures summarise summarize 뭐없 정책 지원 보조금 혜택 쿠폰 바우처 인센티브 정보 뭐있 뭐가있 뭐해줘 뭐해주 요약 ai기업 policy policies support "
        "subsid incentive voucher offer program scheme available summary perks benefit aicompan forai 政策 补贴 扶持 支持 "
        "优惠 券 有什么 행동방안 行动方案 actionplan 补助 奖补 资助 有哪些 ai企业 뭐해줌 뭐해주냐 뭐있음 뭐주냐 뭐줘 whatcaniget whatcanweget 뭐뭐 다알려 전체보여 쭉알려 everythingabout 概况 지원내용 programmesavailable programsavailable listtheprogram listprograms whatprogrammes isthereanythingfor tellmeeverything 全部 everythinghas everythingthey everythingit everythingin 全部政策 전부알려 다알려줘 anythingin whatsin 都有啥 啥政策 那边有啥 那里有啥 有啥政策 有啥补贴 有啥支持 overview 기사에서 내용정리 정리해줘 정리좀 기사에나온 기사내용 얘기는 뭐한다고 文章里 文章说 那篇文章 总结一下 thearticlesaid articlesaid whatdidthearticle thearticlesay 뭐주는 주는거있 뭐줌 措施 政策措施 若干措施 whatcananai whatsgoingon goingonin whatcanastartupget whatcanansmeget whatcanafirmget whatcanacompanyget aicompany aifirm 혜택뭐 현황 개요 조치 뭐받 뭐받을 뭐받음 能拿啥 拿啥 有啥 whatdotheyhave whatdoesithave 说说 介绍下 介绍一下 whatsthere rundown 종합현황 都有啥政策"
    ),
    # "둘 다 알려줘", "两个都讲下", "both please": the places of the comparison just asked, each answered
    "both": forms_of(
        "둘다 두개다 두곳다 두도시다 둘모두 both bothof bothplease 两个都 两个一起 两边都 两家都 两个城市都 兩個都"
    ),
    "followup": forms_of(
        "그럼 그러면 그건 는요 은요 는? 은? 기업이면요 기업이면 기업이라면 회사면요 회사라면요 만약 이었으면 였으면 whatabout howabout andfor samequestion samefor doitfor "
        "nowfor whatif 那 呢 那么 그센터 이센터 해당센터 thatcenter thiscenter 那个中心 这个中心 该中心"
    ),
    "add": forms_of("추가 넣어 끼워 포함 add include also too 加上 再加 还有"),
}

# Single words the typo pass may correct towards (phrases above are matched as written).
TYPO_WORDS = forms_of(
    "company companies firms 있나 있다 있던데 어떻게 해줘 해줄래 해주세요 해봐 해요 해주라 기관 부서 기업 주관 등록 보상금 신청 방법 취소 해지 환율 명령어 정책 센터 도시 지역 목록 비교 목표 구독 공지 알림 도움말 사용법 환산 위안화 컴퓨팅 쿠폰 "
    "바우처 모델 코퍼스 라벨링 연구개발 플랫폼 exchange rate supported support offer voucher vouchers compute model send "
    "corpus policy policies subsidy subsidies target center compare filing reward labeling regions cities places "
    "unsubscribe subscribe announce announcement help commands scenario updates sending duoshao zuigao 끝내면 끝내고 shenqing tiaojian jiezhi  zenme butie suanli moxing yuliao"
)
ANNOUNCE_PREFIXES = (
    "공지",
    "단체공지",
    "단체 공지",
    "전체 공지",
    "announcement",
    "announce",
    "公告",
    "通知",
    "群发",
    "发公告",
    "发布公告",
)
_SHORT_LATIN = {
    "fx": re.compile(r"(?<![a-z])fx(?![a-z])"),
    "compare_strong": re.compile(r"(?<![a-z])vs(?![a-z])"),
    # a capacity figure ("12만P", "5.4万P", "4500P", "30 EFlops"): a compute size, a place's goal or a center's
    "compute_figure": re.compile(r"(?:\d(?:\s?[만万])?|多少|几|몇)\s?(?:p|pflops|eflops)(?![a-z])"),  # and "多少P？"
    # a document number ("深工信规〔2024〕13号", its brackets dropped: "深工信规 2024 13号"): a policy named
    "topic": re.compile(r"[〔\[\s]20\d\d[〕\]\s]\s?\d{1,3}\s?号"),
}


# Longer words that hold a cue without meaning it: 项目标杆 is no 目标, "we operate a data center" asks about no
# center. A group's cue counts only outside these.
FALSE_FRIENDS: dict[str, tuple[str, ...]] = {
    "compute_target": forms_of(
        "项目标 题目标 dotheytarget whatusesdo targetgroup maintargetgroup targetcustomers 목표말고 목표는말고 목표빼고 목표아니고 목표말구 targets말고 target말고 nottargets notthetargets nottarget 不是目标 除了目标 不要目标 不看目标 justtargets onlytargets 타깃만있고 목표만있고 只有目标 除了算力目标 算力目标之外 justacomputetarget orjustatarget orjusttargets"
    ),
    "help": forms_of("helpful helped"),  # "thanks, very helpful" asks for no help
    "subscribe": forms_of("구독자 구독자들 구독자분 subscribers 订阅者"),  # a channel's audience, not a subscription
    "list_cities": forms_of("支持哪些领域 支持哪些方向 支持哪些行业 支持哪些企业"),  # what is supported, not where
    "announce": forms_of(
        "didannounce hasannounced justannounced announced announcefor wereannounced wasannounced whenannounced theyannounced 发布了什么 公告了什么"
    ),
    "fx": forms_of(
        "위안으로하면 위안으로해 위안으로계산 元的话"
    ),  # "80만 위안으로 하면?": with that amount, no conversion
    "computing_center": forms_of(
        "operateadatacenter runadatacenter datacenteroperator 데이터센터운영 데이터센터를운영 数据中心运营 运营数据中心"
    ),
}


_CUE_INDEX = FormIndex(CUES)


def cues(text: Normalized) -> frozenset[str]:
    """The cue groups present in the text."""
    candidates = _CUE_INDEX.names_in(text.compact)  # masking only removes text: a group absent here is absent
    found = {name for name in candidates if _has_cue(text, name, CUES[name])}
    found |= {name for name, pattern in _SHORT_LATIN.items() if pattern.search(text.spaced)}
    return frozenset(found)


def _has_cue(text: Normalized, group: str, phrases: tuple[str, ...]) -> bool:
    """Han and Hangul cues anywhere; Latin ones where a word starts ("ifi" is not in "ai firms")."""
    compact = _unmasked(text.compact, group)
    if not contains_any(compact, phrases):
        return False
    return compact is not text.compact or has_any(text, phrases)


def _unmasked(compact: str, group: str) -> str:
    masks = FALSE_FRIENDS.get(group)
    if not masks or not contains_any(compact, masks):
        return compact
    for mask in masks:
        compact = compact.replace(mask, " ")
    return compact


_ANNOUNCE_LEAD = re.compile(
    r"^\s*(?:단체\s?|전체\s?)?(?:공지(?:사항)?|announcement|announce|broadcast|发布公告|发公告|公告|群发公告|群发通知|群发|通知所有|通知)"
    r"(?:\s?(?:보내줘|보내|해줘|해|올려줘|올려|띄워줘|띄워|남겨줘|남겨|to all(?: groups)?|一下))?\s*[:：,，\-—)\]】]?\s*",
    re.I,
)
# "모든 방에 공지 보내줘: …", "please broadcast to all groups: …": a short request, then a separator
_ANNOUNCE_REQUEST = re.compile(r"^(?P<lead>.{0,40}?)\s*[:：\-—]\s*(?P<body>\S.*)$", re.S)


def announce_requested(text: str) -> bool:
    """A request to post what follows its colon ("帮我群发一下：下周三线上分享…", "채널에 공지 좀: …")."""
    request = _ANNOUNCE_REQUEST.match(text.strip())
    return bool(request and contains_any(normalize(request["lead"]).compact, CUES["announce"]))


def announcement_body(text: str) -> str:
    """The notice in a free-text announcement: "공지 내일 서버 점검" -> "내일 서버 점검"."""
    match = _ANNOUNCE_LEAD.match(text)
    if match and match.end() > 0 and text[match.end() :].strip():
        return text[match.end() :].strip()
    request = _ANNOUNCE_REQUEST.match(text.strip())
    if request and announce_requested(text):
        return request["body"].strip()
    return ""
