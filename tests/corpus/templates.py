"""The words and templates tests/corpus/generate.py crosses with data/places: edit here, then regenerate.

Templates are written per intent, aspect and language, each with the labels it stands for; the generator fills
their slots: {P} place, {T} program type, {A} amount, {X} the place the user rules out, {P1}.. compared places,
{M} a notice; {E:stem} is a Korean ending in the row's register and {P:이면} a slot with the particle its
Korean reading takes. Write them from how people talk in chat groups, not from any matcher's word lists.
"""

from __future__ import annotations

# --------------------------------------------------------------------------------------------------------------
# Korean endings: one row per stem, four registers separated by "|": plain | terse | polite | formal
# --------------------------------------------------------------------------------------------------------------

_ENDING_TABLE = {
    "얼마": "얼마야,얼마냐,얼마니,얼마누,얼마여|얼마임,얼마?|얼마예요,얼마에요,얼마인가요,얼마일까요|얼마입니까",
    "뭐": "뭐야,뭐냐,뭐니,뭐누|뭐임,뭐?|뭐예요,뭐에요,뭔가요,뭘까요|무엇입니까",
    "어디": "어디야,어디냐,어디니|어디임,어디?|어디예요,어디에요,어디인가요,어딜까요|어디입니까",
    "언제": "언제야,언제냐,언제니|언제임,언제?|언제예요,언제인가요,언제일까요|언제입니까",
    "언제까지": "언제까지야,언제까지냐|언제까지임,언제까지?|언제까지예요,언제까지인가요|언제까지입니까",
    "받": "받아,받냐,받니,받을 수 있어|받음,받을 수 있음|받나요,받아요,받을까요,받을 수 있나요|받습니까,받을 수 있습니까",
    "되": "돼,되냐,되니|됨,됨?|되나요,돼요,될까요|됩니까",
    "주": "줘,주냐,주니|줌|주나요,줘요,줄까요|줍니까",
    "나오": "나와,나오냐,나오니|나옴|나오나요,나와요,나올까요|나옵니까",
    "있": "있어,있냐,있니|있음|있나요,있어요,있을까요|있습니까",
    "하": "해,하냐,하니,해야 돼|함,해야 됨|하나요,해요,할까요,해야 하나요|합니까,해야 합니까",
    "가능하": "가능해,가능하냐,가능하니|가능함|가능한가요,가능해요,가능할까요|가능합니까",
    "끝나": "끝났어,끝났냐,끝났니|끝났음|끝났나요,끝났어요,끝났을까요|끝났습니까",
    "맞": "맞아,맞냐,맞니,맞지|맞음|맞나요,맞아요,맞을까요|맞습니까",
    "진짜": "진짜야,진짜냐|진짜임|진짜예요,진짜인가요|사실입니까",
    "알려주": "알려줘,알려줄래,알려주라|알려주셈,ㄱㄱ|알려주세요,알려줘요,알려주실 수 있나요|알려주시겠습니까,알려주십시오",
    "보여주": "보여줘,보여줄래|보여주셈|보여주세요,보여줘요|보여주시겠습니까,보여주십시오",
    "해주": "해줘,해줄래,해주라|해주셈|해주세요,해줘요,해주실 수 있나요|해주시겠습니까,해주십시오",
    "좋": "좋아,좋냐,좋니|좋음|좋나요,좋아요,좋을까요|좋습니까",
    "많": "많아,많냐,많니|많음|많나요,많아요,많을까요|많습니까",
    "확정됐": "확정됐어,확정됐냐,확정됐니|확정됨|확정됐나요,확정됐어요,확정됐을까요|확정됐습니까",
    "필요하": "필요해,필요하냐|필요함|필요한가요,필요해요,필요할까요|필요합니까",
    "유리하": "유리해,유리하냐|유리함|유리한가요,유리해요,유리할까요|유리합니까",
    "돌려받": "돌려받아,돌려받냐,돌려받니|돌려받음|돌려받나요,돌려받을까요,돌려받아요|돌려받습니까",
    "몇 퍼": "몇 퍼야,몇 퍼냐,몇 프로야|몇 퍼임,몇 프로임|몇 퍼센트예요,몇 퍼센트인가요,몇 프로예요|몇 퍼센트입니까",
    "지원되": "지원돼,지원되냐,지원되니|지원됨|지원되나요,지원돼요,지원될까요|지원됩니까",
    "누구": "누구야,누구냐|누구임|누구예요,누구인가요|누구입니까",
    "단계": "단계야,단계냐|단계임|단계예요,단계인가요|단계입니까",
    "나왔": "나왔어,나왔냐,나왔니|나왔음|나왔나요,나왔어요|나왔습니까",
    "어때": "어때,어떠냐|어떰|어때요,어떤가요|어떻습니까",
    "잡": "잡았어,잡았냐|잡았음|잡았나요,잡았어요|잡았습니까",
    "사실": "사실이야,사실이냐|사실임|사실인가요,사실이에요|사실입니까",
    "켜주": "켜줘,켜주라|켜주셈|켜주세요,켜줘요|켜주십시오",
    "꺼주": "꺼줘,꺼주라|꺼주셈|꺼주세요,꺼줘요|꺼주십시오",
}
ENDINGS: dict[str, tuple[tuple[str, ...], ...]] = {
    stem: tuple(tuple(form.split(",")) for form in row.split("|")) for stem, row in _ENDING_TABLE.items()
}
REGISTERS = ("plain", "terse", "polite", "formal")
REGISTER_WEIGHTS = (0.40, 0.20, 0.30, 0.10)

# --------------------------------------------------------------------------------------------------------------
# Program types, traits, aspects: the words people use, per language
# --------------------------------------------------------------------------------------------------------------

TYPE_WORDS: dict[str, dict[str, tuple[str, ...]]] = {
    "compute_voucher": {
        "ko": ("컴퓨팅 쿠폰", "컴퓨팅쿠폰", "산력권", "산력 쿠폰", "컴퓨팅 파워 쿠폰", "컴퓨팅 바우처", "GPU 바우처",
               "연산력 바우처", "컴퓨팅 파워 바우처", "GPU 쿠폰"),
        "en": ("compute voucher", "compute vouchers", "computing power voucher", "GPU voucher", "compute coupon",
               "suanli voucher"),
        "zh": ("算力券", "算力服务券", "算力补贴", "算力券补贴", "算力补助"),
    },
    "model_voucher": {
        "ko": ("모델 쿠폰", "모델쿠폰", "모델 바우처", "대모델 쿠폰", "모형권", "모델 사용 쿠폰"),
        "en": ("model voucher", "model vouchers", "LLM voucher", "model usage voucher", "model coupon"),
        "zh": ("模型券", "大模型券", "模型服务券", "模型券补贴"),
    },
    "corpus_voucher": {
        "ko": ("말뭉치 쿠폰", "코퍼스 쿠폰", "코퍼스쿠폰", "말뭉치 바우처", "어료권", "학습 말뭉치 쿠폰"),
        "en": ("corpus voucher", "corpus vouchers", "training corpus voucher", "corpus coupon"),
        "zh": ("语料券", "语料补贴", "训练语料券"),
    },
    "data_voucher": {
        "ko": ("데이터 쿠폰", "데이터 바우처", "데이터쿠폰", "데이터권", "데이터 이용 쿠폰"),
        "en": ("data voucher", "data vouchers", "data coupon"),
        "zh": ("数据券", "数据服务券", "数据券补贴"),
    },
    "labeling_voucher": {
        "ko": ("라벨링 쿠폰", "데이터 라벨링 바우처", "어노테이션 쿠폰", "라벨링 바우처", "표주권"),
        "en": ("labeling voucher", "data annotation voucher", "labelling voucher", "annotation vouchers"),
        "zh": ("标注券", "数据标注券", "标注补贴"),
    },
    "one_time_award": {
        "ko": ("일회성 보상", "일회성 장려금", "일시 보상금", "일회성 지원금"),
        "en": ("one-time award", "one-off reward", "one-time bonus", "lump-sum award"),
        "zh": ("一次性奖励", "一次性补助", "一次性奖金"),
    },
    "annual_award": {
        "ko": ("연간 장려금", "해마다 주는 장려금"),
        "en": ("annual award", "yearly award"),
        "zh": ("年度奖励", "每年奖励"),
    },
    "scenario_funding": {
        "ko": ("시나리오 지원", "응용 시나리오 자금", "시범 응용 시나리오 지원", "시나리오 프로젝트 지원금"),
        "en": ("scenario funding", "pilot scenario funding", "application scenario support", "scenario grant"),
        "zh": ("场景项目支持", "应用场景补贴", "示范场景资金", "场景补贴"),
    },
    "matching_reward": {
        "ko": ("매칭 보상", "매칭 지원금", "일대일 매칭 보상"),
        "en": ("matching reward", "matching funds", "one-to-one matching reward"),
        "zh": ("配套奖励", "配套资金", "一比一配套"),
    },
    "construction_subsidy": {
        "ko": ("건설 보조금", "데이터센터 건설 보조금", "센터 건설 지원금", "인프라 건설 보조"),
        "en": ("construction subsidy", "data center construction subsidy", "build-out subsidy"),
        "zh": ("建设补贴", "智算中心建设补贴", "建设资金支持"),
    },
    "hardware_subsidy": {
        "ko": ("하드웨어 보조금", "서버 구매 보조금", "장비 구매 지원", "칩 서버 구매 지원"),
        "en": ("hardware subsidy", "server purchase subsidy", "equipment subsidy"),
        "zh": ("硬件补贴", "设备购置补贴", "服务器采购补贴"),
    },
    "rd_subsidy": {
        "ko": ("R&D 보조금", "연구개발 지원금", "기술개발 보조금", "R&D 지원"),
        "en": ("R&D subsidy", "R&D grant", "research and development subsidy"),
        "zh": ("研发补贴", "研发资助", "研发费用补助"),
    },
    "platform_subsidy": {
        "ko": ("플랫폼 보조금", "공공 플랫폼 지원금", "플랫폼 구축 지원"),
        "en": ("platform subsidy", "public platform funding", "platform grant"),
        "zh": ("平台补贴", "公共平台建设补助", "平台资助"),
    },
    "filing_reward": {
        "ko": ("备案 보상", "备案 장려금", "알고리즘 등록 보상금", "대모델 备案 보상", "비안 보상금"),
        "en": ("filing reward", "model filing bonus", "algorithm registration reward", "beian reward"),
        "zh": ("备案奖励", "大模型备案奖励", "算法备案奖励"),
    },
    "relocation_award": {
        "ko": ("이전 보상", "본사 이전 장려금", "입주 보상금", "이전 정착 지원금"),
        "en": ("relocation award", "HQ relocation bonus", "relocation incentive"),
        "zh": ("落户奖励", "迁入奖励", "落地奖励"),
    },
    "free_compute": {
        "ko": ("무료 컴퓨팅 파워", "무료 산력", "공짜 GPU", "무상 컴퓨팅 자원"),
        "en": ("free compute", "free GPU hours", "free computing power"),
        "zh": ("免费算力", "免费算力资源", "算力免费使用"),
    },
    "research_funding": {
        "ko": ("연구 과제 자금", "기초연구 지원", "연구 프로젝트 자금"),
        "en": ("research funding", "research grants", "basic research funding"),
        "zh": ("科研经费", "科研项目资助", "基础研究资助"),
    },
}  # fmt: skip
COMMON_TYPES = ("compute_voucher", "model_voucher", "corpus_voucher", "data_voucher")
# Type words that read as the same thing in a sentence of another language (code-switching).
SWITCH_TYPE_WORDS: dict[str, dict[str, tuple[str, ...]]] = {
    "ko": {"compute_voucher": ("算力券", "GPU voucher", "compute voucher"), "model_voucher": ("模型券", "model voucher"),
           "corpus_voucher": ("语料券", "corpus voucher"), "data_voucher": ("数据券", "data voucher")},
    "en": {"compute_voucher": ("算力券",), "model_voucher": ("模型券",), "corpus_voucher": ("语料券",)},
    "zh": {"compute_voucher": ("compute voucher", "GPU voucher"), "model_voucher": ("model voucher",)},
}  # fmt: skip

# trait -> (the applicant as a Korean noun, an English noun phrase with its article, a Chinese noun)
TRAIT_WORDS: dict[str, dict[str, tuple[str, ...]]] = {
    "sme": {"ko": ("중소기업", "중소 규모 기업", "중기"), "en": ("an SME", "a small and medium enterprise", "an SME (small business)"),
            "zh": ("中小企业", "中小型企业")},
    "startup": {"ko": ("스타트업", "초기 스타트업", "창업 3년 차 스타트업"), "en": ("a startup", "an early-stage startup", "a young startup"),
                "zh": ("初创企业", "初创公司", "创业公司")},
    "opc": {"ko": ("1인 기업", "1인 기업(OPC)", "OPC", "1인 창업 회사"), "en": ("a one-person company", "an OPC", "a one-person company (OPC)"),
            "zh": ("一人公司", "OPC", "一人企业")},
    "model_developer": {"ko": ("대모델 개발사", "LLM 개발 회사", "거대 언어모델 개발 업체"),
                        "en": ("a large-model developer", "an LLM developer", "a foundation-model company"),
                        "zh": ("大模型企业", "大模型研发企业", "做大模型的公司")},
    "listed": {"ko": ("상장사", "상장 기업", "코스닥 상장사"), "en": ("a listed company", "a publicly listed firm"),
               "zh": ("上市公司", "上市企业")},
    "compute_provider": {"ko": ("컴퓨팅 파워 공급업체", "IDC 사업자", "산력 서비스 업체"),
                         "en": ("a compute provider", "an IDC operator", "a compute service provider"),
                         "zh": ("算力服务商", "算力供应商", "IDC企业")},
    "foreign": {"ko": ("외자 기업", "외국인 투자 기업", "한국계 외자기업", "외상투자기업"),
                "en": ("a foreign-invested company", "a foreign-owned WFOE", "a Korean-owned foreign-invested firm"),
                "zh": ("外资企业", "外商投资企业", "韩资企业")},
}  # fmt: skip

# How a stated trait opens a sentence; {t} is a word above.
TRAIT_FRAMES: dict[str, tuple[str, ...]] = {
    "ko": ("{t}인데", "저희 {t}인데", "우리 회사 {t}인데", "저희 회사는 {t}인데요", "{t} 기준으로", "{t:이면}"),
    "en": ("we're {t},", "as {t},", "we are {t} -", "our company is {t};", "I run {t},"),
    "zh": ("我们是{t}，", "作为{t}，", "我们公司是{t}，", "{t}的话，"),
}


# Sino-Korean readings people write bare; the others get 시 (청도시) so that they read as a place.
BARE_SINO = {"무한", "상해", "북경", "심천", "항주", "남경", "소주", "성도", "중경", "천진", "청도", "광주", "하문",
             "무석", "영파", "복주", "가흥", "남녕", "무호"}  # fmt: skip
# Misspellings seen in chat groups (Korean) and in English mail.
PLACE_TYPOS = {
    "wuhan": ("우항", "Wuhna"), "shenzhen": ("션전", "쉔젼", "Shenzen", "Shenzhn"), "shanghai": ("샹하이", "Shangai"),
    "qingdao": ("칭따오", "Qingdoa"), "chengdu": ("청뚜", "Chengdo"), "hangzhou": ("항조우", "Hangzou"),
    "guangzhou": ("광조우", "Guangzou"), "beijing": ("베이찡", "Beijng"), "tianjin": ("텐진", "Tianjing"),
    "chongqing": ("총칭", "Chongquing"), "suzhou": ("쑤조우", "Suzou"), "xiamen": ("샤멘", "Xiamn"),
    "nanjing": ("난찡", "Nanjng"), "zhuhai": ("쭈하이", "Zhuhia"), "zhangzhou": ("짱저우", "Zhangzou"),
    "guizhou": ("구이조우", "Guizou"), "zhongshan": ("쭝산", "Zhongshna"),
}  # fmt: skip

BARE_SINO = {"무한", "상해", "북경", "심천", "항주", "남경", "소주", "성도", "중경", "천진", "청도", "광주", "하문",
             "무석", "영파", "복주", "가흥", "남녕", "무호"}  # fmt: skip
# Misspellings seen in chat groups (Korean) and in English mail.
PLACE_TYPOS = {
    "wuhan": ("우항", "Wuhna"), "shenzhen": ("션전", "쉔젼", "Shenzen", "Shenzhn"), "shanghai": ("샹하이", "Shangai"),
    "qingdao": ("칭따오", "Qingdoa"), "chengdu": ("청뚜", "Chengdo"), "hangzhou": ("항조우", "Hangzou"),
    "guangzhou": ("광조우", "Guangzou"), "beijing": ("베이찡", "Beijng"), "tianjin": ("텐진", "Tianjing"),
    "chongqing": ("총칭", "Chongquing"), "suzhou": ("쑤조우", "Suzou"), "xiamen": ("샤멘", "Xiamn"),
    "nanjing": ("난찡", "Nanjng"), "zhuhai": ("쭈하이", "Zhuhia"), "zhangzhou": ("짱저우", "Zhangzou"),
    "guizhou": ("구이조우", "Guizou"), "zhongshan": ("쭝산", "Zhongshna"),
}  # fmt: skip

# Misspellings seen in chat groups (Korean) and in English mail.
PLACE_TYPOS = {
    "wuhan": ("우항", "Wuhna"), "shenzhen": ("션전", "쉔젼", "Shenzen", "Shenzhn"), "shanghai": ("샹하이", "Shangai"),
    "qingdao": ("칭따오", "Qingdoa"), "chengdu": ("청뚜", "Chengdo"), "hangzhou": ("항조우", "Hangzou"),
    "guangzhou": ("광조우", "Guangzou"), "beijing": ("베이찡", "Beijng"), "tianjin": ("텐진", "Tianjing"),
    "chongqing": ("총칭", "Chongquing"), "suzhou": ("쑤조우", "Suzou"), "xiamen": ("샤멘", "Xiamn"),
    "nanjing": ("난찡", "Nanjng"), "zhuhai": ("쭈하이", "Zhuhia"), "zhangzhou": ("짱저우", "Zhangzou"),
    "guizhou": ("구이조우", "Guizou"), "zhongshan": ("쭝산", "Zhongshna"),
}  # fmt: skip

PLACE_TYPOS = {
    "wuhan": ("우항", "Wuhna"), "shenzhen": ("션전", "쉔젼", "Shenzen", "Shenzhn"), "shanghai": ("샹하이", "Shangai"),
    "qingdao": ("칭따오", "Qingdoa"), "chengdu": ("청뚜", "Chengdo"), "hangzhou": ("항조우", "Hangzou"),
    "guangzhou": ("광조우", "Guangzou"), "beijing": ("베이찡", "Beijng"), "tianjin": ("텐진", "Tianjing"),
    "chongqing": ("총칭", "Chongquing"), "suzhou": ("쑤조우", "Suzou"), "xiamen": ("샤멘", "Xiamn"),
    "nanjing": ("난찡", "Nanjng"), "zhuhai": ("쭈하이", "Zhuhia"), "zhangzhou": ("짱저우", "Zhangzou"),
    "guizhou": ("구이조우", "Guizou"), "zhongshan": ("쭝산", "Zhongshna"),
}  # fmt: skip

# (Korean forms, English forms, Chinese forms)

UNCOVERED_CN = (
    (("시안", "서안", "시안시"), ("Xi'an", "Xian"), ("西安", "西安市")),
    (("정저우", "정주시", "정저우시"), ("Zhengzhou",), ("郑州", "郑州市")),
    (("허페이", "합비", "허페이시"), ("Hefei",), ("合肥", "合肥市")),
    (("창사", "장사시", "창사시"), ("Changsha",), ("长沙", "长沙市")),
    (("쿤밍", "곤명"), ("Kunming",), ("昆明",)),
    (("난창", "남창시"), ("Nanchang",), ("南昌",)),
    (("하얼빈",), ("Harbin",), ("哈尔滨",)),
    (("선양", "심양"), ("Shenyang",), ("沈阳",)),
    (("다롄", "대련"), ("Dalian",), ("大连",)),
    (("란저우", "난주시"), ("Lanzhou",), ("兰州",)),
    (("타이위안", "태원시"), ("Taiyuan",), ("太原",)),
    (("스자좡", "석가장"), ("Shijiazhuang",), ("石家庄",)),
    (("장쑤성", "강소성"), ("Jiangsu", "Jiangsu Province"), ("江苏", "江苏省")),
    (("저장성", "절강성"), ("Zhejiang",), ("浙江", "浙江省")),
    (("광둥성", "광동성"), ("Guangdong",), ("广东", "广东省")),
    (("후베이성", "호북성"), ("Hubei",), ("湖北", "湖北省")),
    (("쓰촨성", "사천성"), ("Sichuan",), ("四川", "四川省")),
    (("둥관",), ("Dongguan",), ("东莞",)),
    (("포산", "불산"), ("Foshan",), ("佛山",)),
    (("옌타이", "연태"), ("Yantai",), ("烟台",)),
    (("원저우", "온주"), ("Wenzhou",), ("温州",)),
    (("허베이성", "하북성"), ("Hebei",), ("河北", "河北省")),
)  # fmt: skip

UNCOVERED_FOREIGN = (
    (("하노이",), ("Hanoi",), ("河内",)),
    (("베트남",), ("Vietnam",), ("越南",)),
    (("태국",), ("Thailand",), ("泰国",)),
    (("베를린",), ("Berlin",), ("柏林",)),
    (("싱가포르",), ("Singapore",), ("新加坡",)),
    (("일본", "도쿄"), ("Japan", "Tokyo"), ("日本", "东京")),
    (("미국", "실리콘밸리"), ("the US", "Silicon Valley"), ("美国", "硅谷")),
    (("인도",), ("India",), ("印度",)),
    (("말레이시아",), ("Malaysia",), ("马来西亚",)),
)  # fmt: skip

# --------------------------------------------------------------------------------------------------------------
# The templates. {P} place, {T} program type, {A} amount, {X} the place the user rules out, {P1}.. compared
# places, {KA} an amount in won, {M} a notice; {E:stem} a Korean ending, {P:이면} a slot with its particle.
# --------------------------------------------------------------------------------------------------------------

# program_info, per aspect ("" = a general question that names no aspect)
INFO: dict[str, dict[str, tuple[str, ...]]] = {
    "ko": {
        "amount": ("{P} {T} {E:얼마}", "{P} {T} 상한 {E:얼마}", "{P} {T} 한도가 어떻게 {E:되}", "{P} {T} 최대 얼마까지 {E:나오}",
                   "{P}에서 {T} 최대 얼마까지 {E:받}", "{T} {P} {E:얼마}", "{P} {T} 지원 한도 {E:알려주}", "{P} {T:은} 최고 {E:얼마}",
                   "{P} {T} 얼마까지 {E:되}", "{P}의 {T} 상한액이 {E:얼마}", "{T} 얼마? {P}", "{P} {T} 최대 금액 {E:알려주}",
                   "{P} {T} 한도 {E:얼마}", "{P} {T} 얼마나 {E:주}"),
        "rate": ("{P} {T} 비율 {E:몇 퍼}", "{P} {T} {E:몇 퍼}", "{P} {T} 몇 프로까지 {E:지원되}", "{P} {T} 지원 비율이 어떻게 {E:되}",
                 "{P} {T} 보조율 {E:알려주}", "{P} {T:은} 비용의 몇 %를 {E:주}", "{P} {T} 지원율 {E:얼마}", "{T} 비율 {P} {E:몇 퍼}"),
        "budget": ("{P} {T} 예산 {E:얼마}", "{P} {T} 총액 규모가 어떻게 {E:되}", "{P} {T} 전체 예산 {E:알려주}", "{P} {T} 자금 풀 {E:얼마}",
                   "{P} {T} 연간 총액 {E:얼마}", "{P} {T} 총 예산 규모 {E:알려주}", "{P:은} {T}에 예산을 얼마나 {E:잡}"),
        "conditions": ("{P} {T} 조건 {E:뭐}", "{P} {T} 신청 자격이 어떻게 {E:되}", "{P} {T} 누가 받을 수 {E:있}",
                       "{P} {T} 받으려면 뭐가 {E:필요하}", "{P} {T} 자격 요건 {E:알려주}", "{P}에서 {T} 받을 수 있는 조건이 {E:뭐}",
                       "{P} {T} 신청 조건", "{P} {T} 지원 대상이 {E:누구}", "{T} 조건 {P} {E:뭐}", "{P} {T} 요건 {E:뭐}"),
        "apply": ("{P} {T} 어떻게 신청{E:하}", "{P} {T} 어디서 신청{E:하}", "{P} {T} 담당 기관이 {E:어디}", "{P} {T} 신청 방법 {E:알려주}",
                  "{P} {T} 신청은 어느 센터에서 {E:하}", "{P} {T} 주관 부처가 {E:어디}", "{P} {T} 신청 절차 {E:알려주}",
                  "{P} {T} 접수처 {E:어디}", "{P} {T} 어디에 신청{E:하}", "{P} {T} 발급 기관 {E:어디}"),
        "window": ("{P} {T} 마감 {E:언제}", "{P} {T} 신청 기한 {E:언제까지}", "{P} {T} 아직 {E:되}", "{P} {T} 지금도 신청 {E:가능하}",
                   "{P} {T} 벌써 {E:끝나}", "{P} {T} 접수 기간 {E:알려주}", "{P} {T} 아직 받을 수 {E:있}", "{P} {T} 언제까지 신청 {E:가능하}",
                   "{P} {T} 신청 기간이 {E:언제}", "{P} {T} 마감일 {E:알려주}"),
        "status": ("{P} {T} 초안이야 확정이야", "{P} {T} 정식으로 {E:확정됐}", "{P} {T} 아직 초안 {E:단계}", "{P} {T} 확정본 {E:나왔}",
                   "{P} {T} 의견수렴안이야 최종안이야", "{P} {T} 아직 의견수렴 {E:단계}", "{P} {T} 최종 확정된 거 {E:맞}"),
        "minimum": ("{P} {T} 최소 얼마부터 {E:되}", "{P} {T} 최소 사용 금액이 {E:얼마}", "{P} {T} 최저 신청 금액 {E:얼마}",
                    "{P} {T} 최소 금액 기준 {E:있}", "{P} {T} 최소 얼마 써야 {E:받}", "{P} {T} 하한선 {E:얼마}"),
        "clause": ("{P} {T} 원문 {E:보여주}", "{P} {T} 중국어 원문 {E:있}", "{P} {T} 조항 원문 좀", "{P} {T} 원래 조문 {E:알려주}",
                   "{P} {T} 정책 원문 그대로 {E:보여주}", "{P} {T} 원문 조항 {E:보여주}"),
        "": ("{P} {T} {E:알려주}", "{P} {T} 정보 좀", "{P} {T}", "{T} {P}", "{P}에 {T} {E:있}", "{P} {T} {E:어때}",
             "{P} {T} 관련해서 {E:알려주}", "{P} {T} 설명{E:해주}", "{P} {T} 좀 {E:알려주}", "{P} {T} 궁금한데 {E:알려주}"),
    },
    "en": {
        "amount": ("how much is the {P} {T}", "{P} {T} cap", "what's the max {T} in {P}", "{T} in {P}: how much can we get",
                   "{P} {T} max amount pls", "What is the maximum {T} amount in {P}", "upper limit of the {P} {T}",
                   "how much does {P} give with its {T}", "{P} {T} how much", "what's the cap on {T} in {P}"),
        "rate": ("what % does the {P} {T} cover", "{P} {T} rate", "what's the subsidy rate of the {T} in {P}",
                 "how many percent does {P} reimburse with the {T}", "{P} {T} percentage", "what share of costs does the {P} {T} cover"),
        "budget": ("total budget for the {P} {T}", "how big is the {T} pool in {P}", "{P} {T} fund size",
                   "how much money has {P} set aside for the {T} in total", "{P} {T} total pool", "overall budget of {P}'s {T}"),
        "conditions": ("who is eligible for the {P} {T}", "{P} {T} requirements", "eligibility for the {T} in {P}",
                       "what do we need to qualify for {P}'s {T}", "{P} {T} conditions", "who can apply for the {T} in {P}",
                       "Could you explain the eligibility criteria for the {P} {T}"),
        "apply": ("how do I apply for the {P} {T}", "where to apply for the {T} in {P}", "which office issues the {P} {T}",
                  "{P} {T} application process", "who runs the {T} in {P}", "where do we submit the {P} {T} application",
                  "which agency handles {P}'s {T}"),
        "window": ("deadline for the {P} {T}", "is the {P} {T} still open", "can we still apply for the {T} in {P}",
                   "when does the {P} {T} application close", "{P} {T} still running", "is {P}'s {T} still available",
                   "application window for the {P} {T}"),
        "status": ("is the {P} {T} final or still a draft", "{P} {T} draft or final", "has {P}'s draft {T} been finalized",
                   "is the {T} in {P} official yet", "is the {P} {T} just a draft for comment"),
        "minimum": ("minimum spend for the {P} {T}", "what's the smallest spend that qualifies for the {T} in {P}",
                    "is there a minimum for {P}'s {T}", "{P} {T} minimum amount", "lowest spend that counts for the {P} {T}"),
        "clause": ("show me the original Chinese text of the {P} {T}", "{P} {T} original clause",
                   "what does the {P} {T} policy say verbatim", "quote the {T} clause for {P} in Chinese",
                   "{P} {T} source text in Chinese"),
        "": ("tell me about the {P} {T}", "{P} {T}", "info on the {T} in {P}", "does {P} have a {T}",
             "what's the deal with {P}'s {T}", "{T} {P}", "anything on {P} {T}", "details on the {P} {T} please"),
    },
    "zh": {
        "amount": ("{P}{T}多少", "{P}{T}最高补多少", "{P}的{T}上限是多少", "{P}{T}能补多少钱", "{P}{T}额度多少", "{P}{T}最多给多少",
                   "{T}{P}能拿多少", "{P}{T}封顶多少"),
        "rate": ("{P}{T}比例多少", "{P}{T}补几成", "{P}{T}按百分之多少补", "{P}{T}的补贴比例是多少", "{P}的{T}按多少比例给"),
        "budget": ("{P}{T}总盘子多大", "{P}{T}资金总额多少", "{P}{T}预算多少", "{P}{T}一共有多少钱", "{P}{T}资金池规模"),
        "conditions": ("{P}{T}申请条件", "{P}{T}什么企业能申请", "{P}{T}有什么要求", "{P}{T}申报条件是什么", "{P}的{T}谁能申请",
                       "{P}{T}门槛条件"),
        "apply": ("{P}{T}咋申请", "{P}{T}在哪申请", "{P}{T}找哪个部门", "{P}{T}怎么申报", "{P}{T}申请流程", "{P}{T}是哪个部门发的"),
        "window": ("{P}{T}还能申请吗", "{P}{T}截止时间", "{P}{T}什么时候截止", "{P}{T}现在还有吗", "{P}{T}申报时间",
                   "{P}{T}过期了没"),
        "status": ("{P}{T}是征求意见稿还是正式的", "{P}{T}正式出台了吗", "{P}{T}定稿了没", "{P}{T}还是草案吗"),
        "minimum": ("{P}{T}最低要花多少", "{P}{T}起步金额多少", "{P}{T}有没有门槛金额", "{P}{T}最少花多少才能申请"),
        "clause": ("{P}{T}原文", "{P}{T}政策原文发我", "{P}{T}条款原文是什么", "{P}{T}原文怎么写的"),
        "": ("{P}{T}", "{P}{T}介绍一下", "{P}有{T}吗", "说说{P}的{T}", "{P}{T}怎么样", "{T}{P}", "{P}的{T}政策"),
    },
}  # fmt: skip

CALC: dict[str, tuple[str, ...]] = {
    "ko": ("{P}에서 {T:으로} {A} 쓰면 얼마 {E:받}", "{P} {T} {A:을} 쓰면 얼마 {E:돌려받}", "{A} 쓰면 {P} {T} 얼마 {E:나오}",
           "{P}에서 {T} {A} 신청하면 얼마 {E:받}", "{P} {T} {A} 기준으로 지원금 계산{E:해주}", "{P}에서 {A} 투자하면 {T} 얼마나 {E:되}",
           "{A}어치 쓰면 {P} {T} 얼마 {E:지원되}", "{P} {T} {A:이면} 얼마 {E:받}", "{P}에서 {A} 쓰면 {T:으로} 얼마 {E:돌려받}",
           "{A} 지출 예정인데 {P} {T:으로} 얼마 {E:받}", "{P} {T} {A} 쓰면 얼마", "{P}에서 {A} 집행하면 {T} 얼마 {E:나오}"),
    "en": ("if we spend {A} on the {T} in {P}, how much do we get back", "if we spend {A} in {P}, how much {T} do we get",
           "{P} {T}: spend {A}, how much back", "how much would {A} of spend get from the {P} {T}", "calc the {P} {T} for {A}",
           "we plan to spend {A} in {P} - what would the {T} pay", "what's the {T} subsidy on a {A} spend in {P}",
           "{A} spend in {P} with the {T}, how much do we get", "how much back on {A} with the {P} {T}"),
    "zh": ("在{P}花{A}用{T}能补多少", "{P}{T}，花{A}能拿多少", "{A}的投入在{P}{T}能补多少钱", "我们在{P}要花{A}，{T}能返多少",
           "{P}{T}按{A}算能补多少", "{P}投{A}，{T}能申请到多少", "在{P}花了{A}，{T}补多少"),
}  # fmt: skip

CHECK: dict[str, dict[str, tuple[str, ...]]] = {
    "ko": {"amount": ("{P} {T} 상한이 {A:이라던데} {E:맞}", "{P} {T} 최대 {A:이라는데} {E:진짜}", "{P} {T} 한도 {A} {E:맞}",
                      "{P} {T} 최고 {A}까지 준다던데 {E:맞}", "{P} {T} 상한 {A:이라던데} {E:사실}"),
           "budget": ("{P} {T} 예산이 {A:이라던데} {E:맞}", "{P} {T} 총액 {A:이라는데} {E:진짜}", "{P} {T} 전체 예산 {A} {E:맞}"),
           "minimum": ("{P} {T} 최소 {A} 이상 써야 한다던데 {E:맞}", "{P} {T} 최소 사용액이 {A:이라던데} {E:맞}")},
    "en": {"amount": ("is it true the {P} {T} cap is {A}", "heard the {P} {T} maxes out at {A}, right",
                      "{P} {T} limit is {A}, correct", "someone told me {P} gives up to {A} with the {T}, true",
                      "can you confirm the {P} {T} cap of {A}"),
           "budget": ("is it true {P} set aside {A} for the {T}", "heard the {P} {T} pool is {A}, is that right",
                      "{P} {T} total budget {A}, correct"),
           "minimum": ("is it true the {P} {T} needs a minimum spend of {A}", "heard the {P} {T} only counts spend above {A}, right")},
    "zh": {"amount": ("听说{P}{T}最高{A}，是真的吗", "{P}{T}上限是{A}吗", "{P}{T}最多补{A}，对吧", "有人说{P}{T}封顶{A}，靠谱吗"),
           "budget": ("听说{P}{T}总额有{A}，真的假的", "{P}{T}资金池是{A}吗", "听说{P}{T}一共{A}，对吗"),
           "minimum": ("听说{P}{T}最低要花{A}，对吗", "{P}{T}起步金额是{A}吗")},
}  # fmt: skip

# A percentage quoted to check ({R}): the aspect is the rate; a percentage is not an amount.
CHECK_RATE: dict[str, tuple[str, ...]] = {
    "ko": ("{P} {T} 지원 비율이 {R:이라던데} {E:맞}", "{P} {T} {R}까지 지원해준다던데 {E:진짜}", "{P} {T} 보조율 {R} {E:맞}"),
    "en": ("is it true the {P} {T} covers {R}", "heard the {P} {T} pays {R} of the cost, right", "{P} {T} rate is {R}, correct"),
    "zh": ("听说{P}{T}补{R}，是真的吗", "{P}{T}补贴比例是{R}吗", "{P}{T}能补{R}，对吧"),
}  # fmt: skip

SUBJECT: dict[str, dict[str, tuple[str, ...]]] = {
    "ko": {"conditions": ("{P} {A} {T} 조건이 {E:뭐}", "{P} 최대 {A}짜리 {T} 받으려면 조건이 {E:뭐}", "{P} {A} 지원 {T} 자격 요건",
                          "{P} {A} 지원금 조건 {E:뭐}"),
           "window": ("{P} 최대 {A}짜리 {T} 아직 {E:되}", "{P} {A} 한도 {T} 신청 {E:언제까지}"),
           "apply": ("{P} {A} {T} 어디서 신청{E:하}", "{P} 최대 {A} 주는 {T} 신청 방법 {E:알려주}"),
           "status": ("{P} 최대 {A} {T} 정식으로 {E:확정됐}",)},
    "en": {"conditions": ("conditions for the {A} {T} in {P}", "who qualifies for {P}'s {A}-cap {T}", "conditions for {P}'s {A} grant"),
           "window": ("{P}'s {A}-cap {T}, still running", "is the {A} {T} in {P} still open"),
           "apply": ("how do I apply for {P}'s {A} {T}",),
           "status": ("is {P}'s {A} {T} final or a draft",)},
    "zh": {"conditions": ("{P}{A}的{T}申请条件", "{P}最高{A}的{T}要什么条件", "{P}{A}补贴的申请条件"),
           "window": ("{P}最高{A}的{T}还能申请吗", "{P}{A}{T}截止了没"),
           "apply": ("{P}那个{A}的{T}怎么申请",),
           "status": ("{P}{A}{T}是正式的吗",)},
}  # fmt: skip

OVERVIEW: dict[str, tuple[str, ...]] = {
    "ko": ("{P} AI 지원정책 {E:알려주}", "{P} 인공지능 보조금 뭐 {E:있}", "{P}에는 어떤 지원이 {E:있}", "{P} 정책 정리{E:해주}",
           "{P} 쪽 혜택 뭐뭐 {E:있}", "{P} AI 기업 지원 {E:뭐}", "{P} 보조금 전체 {E:보여주}", "{P} AI 정책", "{P}에서 받을 수 있는 지원 {E:뭐}"),
    "en": ("what does {P} offer AI companies", "{P} AI subsidies overview", "AI policies in {P}", "what support is there in {P}",
           "give me everything {P} has for AI firms", "{P} incentives for AI", "what can an AI company get in {P}"),
    "zh": ("{P}有哪些AI补贴", "{P}人工智能扶持政策", "{P}有什么支持政策", "介绍下{P}的AI政策", "{P}对AI企业都有啥补贴",
           "{P}的AI政策汇总", "{P}能拿哪些补贴"),
}  # fmt: skip

TARGET: dict[str, tuple[str, ...]] = {
    "ko": ("{P} 컴퓨팅 파워 목표 {E:알려주}", "{P} 산력 목표가 어떻게 {E:되}", "{P} 연산력 목표치 {E:뭐}", "{P} EFLOPS 목표",
           "{P} 컴퓨팅 파워 규모 목표 {E:있}", "{P} 산력 규모 목표"),
    "en": ("{P} compute target", "what is {P}'s computing power goal", "how many EFLOPS is {P} aiming for",
           "{P} computing capacity targets", "does {P} have a compute target"),
    "zh": ("{P}算力目标", "{P}算力规模目标是多少", "{P}要建多少EFLOPS", "{P}算力发展目标", "{P}的算力规划目标"),
}  # fmt: skip

CENTER: dict[str, tuple[str, ...]] = {
    "ko": ("{P} 스마트 컴퓨팅 센터 {E:있}", "{P} 지능형 컴퓨팅 센터 {E:어디}", "{P} 智算中心 {E:알려주}", "{P} 인공지능 컴퓨팅 센터 현황",
           "{P}에 있는 스마트 컴퓨팅 센터 규모 {E:알려주}", "{P} 지능형 컴퓨팅 센터"),
    "en": ("smart computing centers in {P}", "does {P} have an intelligent computing center", "{P} AI computing center capacity",
           "which computing centers are in {P}", "{P} smart computing center"),
    "zh": ("{P}智算中心", "{P}有哪些智算中心", "{P}的智能计算中心规模", "{P}智算中心在哪", "{P}智算中心有多大"),
}  # fmt: skip

FX_AMOUNT: dict[str, tuple[str, ...]] = {
    "ko": ("{A} 원화로 {E:얼마}", "{A:은} 한국 돈으로 {E:얼마}", "{A} 환전하면 원화 {E:얼마}", "{A} 원화 환산", "{A:은} 원화로 얼마쯤"),
    "en": ("{A} in KRW", "convert {A} to won", "how much is {A} in won pls", "{A} to KRW", "what is {A} in Korean won"),
    "zh": ("{A}是多少韩元", "{A}换成韩元多少", "{A}折合韩元", "{A}等于多少韩币"),
}  # fmt: skip
FX_WON: dict[str, tuple[str, ...]] = {
    "ko": ("{A} 위안으로 {E:얼마}", "{A:은} 위안화로 {E:얼마}", "{A} 인민폐로 환산"),
    "en": ("{A} in yuan", "what's {A} in CNY", "convert {A} to RMB"),
    "zh": ("{A}换成人民币多少", "{A}等于多少人民币", "{A}是多少元人民币"),
}  # fmt: skip
FX_RATE: dict[str, tuple[str, ...]] = {
    "ko": ("위안 환율 {E:얼마}", "원위안 환율 {E:알려주}", "오늘 위안화 환율", "위안화 환율 {E:어때}", "환율 {E:얼마}"),
    "en": ("CNY to KRW rate", "yuan won exchange rate", "what's the rate for RMB to KRW", "current KRW/CNY rate"),
    "zh": ("人民币兑韩元汇率多少", "今天韩元汇率", "韩元人民币汇率", "现在汇率多少"),
}  # fmt: skip

FIXED: dict[str, dict[str, tuple[str, ...]]] = {
    "list_cities": {
        "ko": ("어떤 도시 {E:있}", "지원하는 도시 목록 {E:알려주}", "커버하는 지역이 {E:어디}", "도시 리스트", "어느 지역 데이터가 {E:있}",
               "데이터 있는 도시 전부 {E:보여주}", "무슨 도시 {E:되}"),
        "en": ("which cities do you cover", "list of cities", "what places do you have data for", "cities supported",
               "show all covered regions", "which regions are in your data"),
        "zh": ("都有哪些城市", "支持哪些城市", "城市列表", "你们覆盖哪些地区", "有数据的城市有哪些"),
    },
    "help": {
        "ko": ("도움말", "사용법 {E:알려주}", "이 봇 어떻게 사용{E:하}", "뭐 물어볼 수 {E:있}", "명령어 목록 {E:보여주}", "봇 사용 방법"),
        "en": ("help", "how do I use this bot", "what can you do", "commands", "how does this work", "help me use this bot"),
        "zh": ("帮助", "怎么用", "你能干什么", "使用说明", "有哪些命令", "这个机器人怎么用"),
    },
    "subscribe": {
        "ko": ("구독", "업데이트 알림 받을래", "이 방 구독{E:해주}", "새 소식 알림 {E:켜주}", "구독 신청", "이 채팅방 구독 등록{E:해주}"),
        "en": ("subscribe", "subscribe this chat to updates", "send us updates", "sign this group up for policy updates",
               "turn on notifications"),
        "zh": ("订阅", "订阅更新", "有更新通知我们", "这个群订阅政策更新", "开启推送"),
    },
    "unsubscribe": {
        "ko": ("구독 취소", "알림 {E:꺼주}", "구독 해지{E:해주}", "이제 알림 그만", "업데이트 안 받을래", "구독 끊어줘"),
        "en": ("unsubscribe", "stop the updates", "turn off notifications", "unsubscribe this chat", "no more updates please"),
        "zh": ("取消订阅", "别再推送了", "退订", "关闭推送", "不要再发更新了"),
    },
    "unknown": {
        "ko": ("오늘 날씨 {E:어때}", "점심 뭐 먹지", "ㅋㅋㅋ 고마워", "비자 연장 어떻게 {E:하}", "주식 추천 좀", "요즘 환절기라 감기 조심",
               "주말에 뭐 {E:하}", "회의 몇 시야", "좋은 아침", "번역기 추천 좀"),
        "en": ("what's the weather like", "tell me a joke", "who won the game last night", "how do I renew my visa",
               "any good restaurants nearby", "thanks!", "lol", "good morning everyone"),
        "zh": ("今天天气怎么样", "讲个笑话", "中午吃什么", "签证怎么续", "推荐只股票", "谢谢", "早上好"),
    },
}  # fmt: skip

ANNOUNCE: dict[str, tuple[str, ...]] = {
    "ko": ("공지 {M}", "공지: {M}", "전체 공지 {M}", "공지사항: {M}"),
    "en": ("announce: {M}", "announcement: {M}", "broadcast: {M}", "announce {M}"),
    "zh": ("公告：{M}", "发公告 {M}", "群发公告：{M}"),
}
NOTICES: dict[str, tuple[str, ...]] = {
    "ko": ("내일 서버 점검", "오늘 밤 서버 점검 예정입니다", "데이터 업데이트 완료", "새 정책 데이터가 들어왔습니다",
           "봇 점검으로 잠시 응답이 늦어요", "주말 동안 서비스 중단", "환율 정보 갱신됨", "새 기능이 추가됐어요"),
    "en": ("new data is in", "maintenance tonight", "the bot will be down for a while", "policy database updated",
           "new vouchers added to the data", "service restored"),
    "zh": ("今晚系统维护", "数据已更新", "新增政策数据", "暂停服务", "机器人恢复正常", "汇率已更新"),
}  # fmt: skip

COMPARE_SPEND: dict[str, tuple[str, ...]] = {
    "ko": ("{A:이면} {P1}, {P2}, {P3} 중 어디가 제일 많이 {E:주}", "{A} 쓸 건데 {T}, {P1:이랑} {P2} 중 어디가 더 {E:유리하}",
           "{P1} vs {P2} {T} {A} 기준 비교{E:해주}", "{A} 기준 {P1} {P2} {T} 비교", "{A} 쓰면 {P1:이랑} {P2} 중 어디가 더 {E:많}"),
    "en": ("{A} spend: {P1} or {P2}, which gives more {T}", "compare {P1}, {P2} and {P3} for a {A} spend",
           "for {A}, is {P1} or {P2} better on the {T}", "{P1} vs {P2} {T} at {A}"),
    "zh": ("{A}的话{P1}和{P2}哪个补得多", "{P1}、{P2}、{P3}{T}对比，按{A}算", "花{A}，{P1}跟{P2}哪边{T}更划算"),
}  # fmt: skip
COMPARE_PLAIN: dict[str, tuple[str, ...]] = {
    "ko": ("{P1:이랑} {P2} {T} 비교{E:해주}", "{T}, {P1:과} {P2} 중 어디가 더 {E:좋}", "{P1} {P2} {P3} {T} 비교", "{P1} vs {P2} {T}"),
    "en": ("compare the {T} in {P1} and {P2}", "{P1} vs {P2} {T}", "{P1} or {P2}: which {T} is better", "compare {P1}, {P2}, {P3} {T}"),
    "zh": ("{P1}和{P2}的{T}比一比", "{P1}跟{P2}{T}哪个好", "{P1}、{P2}、{P3}{T}对比", "{P1}和{P2}哪个{T}更好"),
}  # fmt: skip
COMPARE_BUDGET_NAMED: dict[str, tuple[str, ...]] = {
    "ko": ("{T} 예산 {P1:이랑} {P2} 중 어디가 더 {E:많}", "{P1} {P2} {T} 예산 비교{E:해주}"),
    "en": ("{P1} or {P2}: whose {T} pool is bigger", "compare the {T} budgets of {P1} and {P2}"),
    "zh": ("{P1}和{P2}谁的{T}总额大", "{P1}跟{P2}的{T}预算比一下"),
}  # fmt: skip
COMPARE_BUDGET_ALL: dict[str, tuple[str, ...]] = {
    "ko": ("{T} 예산 제일 큰 곳 {E:어디}", "{T} 예산 순위 {E:보여주}", "{T} 총액 기준으로 도시 순위"),
    "en": ("which city has the biggest {T} budget", "rank places by {T} budget", "largest {T} fund"),
    "zh": ("哪个城市{T}预算最多", "{T}资金池排名", "{T}总盘子哪里最大"),
}  # fmt: skip
COMPARE_ALL: dict[str, tuple[str, ...]] = {
    "ko": ("{T} 제일 많이 주는 곳 {E:어디}", "{T} 순위 {E:보여주}", "{T} 어디가 제일 {E:좋}", "{T} 도시별 비교", "{A:이면} {T} 어디가 제일 많이 {E:주}"),
    "en": ("which city gives the most {T}", "best place for a {T}", "rank cities by {T}", "where is the {T} most generous",
           "with {A} of spend, where's the best {T}"),
    "zh": ("哪里的{T}最多", "{T}哪个城市给得最多", "{T}各城市排名", "{T}哪家最大方", "{A}的话哪个城市{T}补得最多"),
}  # fmt: skip

NEGATION: dict[str, dict[str, tuple[str, ...]]] = {
    "ko": {"amount": ("{X} 말고 {P} {T} {E:얼마}", "{X} 아니고 {P} {T} 상한 {E:얼마}"),
           "conditions": ("{X} 아니고 {P} {T} 조건 {E:뭐}", "{X} 말고 {P} {T} 자격 요건 {E:알려주}"),
           "": ("{X} 말고요 {P} {T} {E:알려주}", "{X} 말고 {P} {T}"),
           "apply": ("아, {X} 아니라 {P}, {T} 어디서 신청{E:하}",),
           "window": ("{X} 말고 {P} {T} 아직 {E:되}",)},
    "en": {"amount": ("not {X}, {P}: how much is the {T}", "the {T} in {P}, not {X} - what's the cap"),
           "conditions": ("I meant {P}, not {X}. {T} conditions", "{P} not {X}: who is eligible for the {T}"),
           "": ("not {X}, {P} {T}",),
           "apply": ("sorry, {P} not {X}: how do we apply for the {T}",),
           "window": ("not {X} but {P} - is the {T} still open",)},
    "zh": {"amount": ("不是{X}，是{P}，{T}多少", "不是{X}的，{P}{T}最高多少"),
           "conditions": ("{P}的{T}，不是{X}的，条件是什么",),
           "": ("不是{X}，是{P}的{T}",),
           "apply": ("说错了，不是{X}是{P}，{T}怎么申请",),
           "window": ("不是{X}，我问的是{P}{T}还能申请吗",)},
}  # fmt: skip
NEGATION_CALC: dict[str, tuple[str, ...]] = {
    "ko": ("{X} 말고 {P}에서 {T:으로} {A} 쓰면 얼마 {E:받}", "{X} 아니고 {P}, {A} 쓰면 {T} 얼마 {E:나오}"),
    "en": ("not {X}, {P}: if we spend {A} on the {T}, how much back", "{P} instead of {X}, {A} spend on the {T}, how much"),
    "zh": ("不是{X}，是{P}，花{A}{T}能补多少", "不是{X}，{P}投{A}，{T}能补多少"),
}  # fmt: skip
NEGATION_OVERVIEW: dict[str, tuple[str, ...]] = {
    "ko": ("{X} 말고 {P} AI 지원정책 {E:알려주}", "{X} 아니고 {P} 보조금 뭐 {E:있}"),
    "en": ("{P}, not {X}: what AI support is there", "not {X} - {P}, what does it offer AI firms"),
    "zh": ("不是{X}，是{P}，有哪些AI补贴", "不是{X}，{P}有什么支持政策"),
}  # fmt: skip

PARTS: dict[str, dict[str, tuple[str, ...]]] = {
    "fx": {"ko": ("원화로는?", "원화로 얼마야?", "한국 돈으로는요?", "원화로도 알려줘"), "en": ("and in won?", "in KRW pls", "how much is that in won?", "also in KRW"),
           "zh": ("折合韩元多少", "换成韩元是多少", "韩元是多少")},
    "window": {"ko": ("마감은?", "그리고 마감 언제야?", "신청 기한도요", "마감일도 알려줘"), "en": ("and the deadline?", "also when does it close?", "deadline too?"),
               "zh": ("截止时间是什么时候", "什么时候截止", "还有截止日期")},
    "conditions": {"ko": ("조건도", "조건도 알려줘", "자격 요건은요?", "신청 조건도 같이"), "en": ("and the conditions?", "plus eligibility?", "who qualifies too?"),
                   "zh": ("申请条件也说下", "有什么条件", "条件也讲讲")},
}  # fmt: skip
PART_JOINERS: dict[str, tuple[str, ...]] = {"ko": (" ", ", ", "? "), "en": (", ", " - ", "? "), "zh": ("，", "？")}

FOLLOW_PLACE: dict[str, tuple[str, ...]] = {
    "ko": ("그럼 {P:은}", "{P:은}요", "{P:은} {E:어때}", "그러면 {P:은}", "{P:은}", "{P:은} 어떤데"),
    "en": ("what about {P}", "and {P}", "how about {P}", "same for {P}", "{P} then"),
    "zh": ("那{P}呢", "{P}呢", "换成{P}呢", "那{P}的呢"),
}  # fmt: skip
FOLLOW_TYPE: dict[str, tuple[str, ...]] = {
    "ko": ("{T:은}", "그럼 {T:은}", "{T:은} {E:어때}", "그러면 {T:은}"),
    "en": ("and the {T}", "what about the {T}", "how about {T}"),
    "zh": ("那{T}呢", "{T}呢", "{T}的呢"),
}  # fmt: skip
FOLLOW_AMOUNT: dict[str, tuple[str, ...]] = {
    "ko": ("{A:이면}", "그럼 {A:이면}", "{A:으로} 하면", "만약 {A:이면}", "{A:이면} 얼마"),
    "en": ("what if it's {A}", "and for {A}", "what about {A}", "{A} then"),
    "zh": ("那{A}呢", "{A}的话呢", "如果是{A}呢"),
}  # fmt: skip
FOLLOW_ASPECT: dict[str, dict[str, tuple[str, ...]]] = {
    "ko": {"conditions": ("조건은", "그럼 조건은", "자격은"), "window": ("마감은", "그럼 마감 {E:언제}", "아직 {E:되}"),
           "apply": ("신청은 어디서 {E:하}", "어떻게 신청{E:하}"), "rate": ("비율은", "그럼 {E:몇 퍼}"), "budget": ("예산은", "총액은")},
    "en": {"conditions": ("and the conditions", "who's eligible"), "window": ("deadline", "still open"),
           "apply": ("how do we apply", "where to apply"), "rate": ("what's the rate", "and the percentage"),
           "budget": ("and the total budget",)},
    "zh": {"conditions": ("条件呢", "要什么条件"), "window": ("截止时间呢", "还能申请吗"), "apply": ("怎么申请", "在哪申请"),
           "rate": ("比例呢", "补几成"), "budget": ("总额呢", "预算多少")},
}  # fmt: skip


COMBO_TRAITS: tuple[tuple[tuple[str, ...], dict[str, tuple[str, ...]]], ...] = (
    (("foreign", "sme"), {"ko": ("외자 중소기업",), "en": ("a foreign-invested SME",), "zh": ("外资中小企业",)}),
    (("model_developer", "startup"), {"ko": ("대모델 개발 스타트업",), "en": ("a large-model startup",), "zh": ("大模型初创企业",)}),
    (("sme", "startup"), {"ko": ("중소 스타트업",), "en": ("a small startup (SME)",), "zh": ("中小型初创企业",)}),
)  # fmt: skip
