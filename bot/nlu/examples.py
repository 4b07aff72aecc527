"""Example phrasings per intent, with slots replaced by placeholders, for the similarity fallback.

Written from the intent definitions, not from the test corpus: the corpus's hold-out file
measures how well these generalise.
"""

from __future__ import annotations

EXAMPLES: dict[str, tuple[str, ...]] = {
    "city_overview": (
        "{place} 지원 정책 알려줘",
        "{place} 어떤 혜택 있어",
        "{place}은 뭐 지원해줘",
        "{place} 쪽 상황 어때",
        "what does {place} offer",
        "tell me about {place}",
        "{place} incentives for ai startups",
        "{place}有什么政策",
        "介绍一下{place}",
    ),
    "program_info": (
        "{place} {ptype} 얼마야",
        "{place} {ptype} 조건이 뭐야",
        "{place} {ptype} 신청 자격",
        "{place} {ptype} 비율이랑 상한",
        "how much is the {ptype} in {place}",
        "{place} {ptype} details",
        "what are the rules for {place} {ptype}",
        "{place}{ptype}多少",
        "{place}{ptype}条件",
    ),
    "subsidy_calc": (
        "{place}에서 {amount} 쓰면 얼마 받아",
        "{amount} 투자하면 {place}에서 얼마 나와",
        "{place} {amount} 계산해줘",
        "if we spend {amount} in {place} how much do we get",
        "{place} {amount} how much back",
        "在{place}花{amount}能补多少",
        "{place}{amount}能拿多少",
    ),
    "compare": (
        "{place} {place} 중 어디가 더 많이 줘",
        "어디가 {ptype} 제일 많아",
        "{ptype} 비교해줘",
        "which city gives the most for {ptype}",
        "compare {place} and {place}",
        "{place}和{place}哪个好",
    ),
    "compute_target": ("{place} 컴퓨팅 파워 목표", "{place} 목표 규모", "{place} compute target", "{place}算力目标"),
    "computing_center": ("{place} 스마트 컴퓨팅 센터", "computing center in {place}", "{place}智算中心"),
    "fx": (
        "환율 얼마야",
        "위안 원 환율",
        "{amount}은 원화로 얼마",
        "exchange rate",
        "how many won is {amount}",
        "汇率多少",
    ),
    "list_cities": ("어떤 도시 있어", "지원하는 도시 목록", "which cities do you cover", "支持哪些城市"),
    "help": ("도움말", "어떻게 써", "사용법 알려줘", "help", "how do i use this", "what can you do", "怎么用", "帮助"),
    "subscribe": ("구독할래", "업데이트 알림 받고 싶어", "subscribe this chat", "订阅更新"),
    "unsubscribe": ("구독 취소", "알림 그만", "unsubscribe", "取消订阅"),
    "announce": ("공지 보내줘", "전체 공지", "announce to all groups", "发公告"),
}
