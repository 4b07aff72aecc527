"""The fact a question asks for (its aspect), any second part, and the asker's traits.

Several aspect words may be present. A part word (조건, 마감, deadline …) that comes after another
aspect word is a second question ("상한이랑 조건도"); of the rest, the first in ``ASPECT_PRIORITY``
leads, so a status word beats "아직" and a cap word beats the bare "얼마". A quoted percentage
("60% 맞음?") asks about the rate, and "2026년까지?" about the window.
"""

from __future__ import annotations

import re
from functools import lru_cache

from bot.nlu.concepts import (
    ASPECT_PRIORITY,
    ASPECTS,
    ELIGIBILITY,
    FX_PART_FORMS,
    PART_FORMS,
    PER_FIRM,
    SET_ASIDE,
    STILL,
    TRAITS,
)
from bot.nlu.forms import FormIndex, contains_any, first_form, form_at, forms_of, has_any, word_starts
from bot.nlu.normalize import Normalized, normalize

_PERCENT = re.compile(r"\d\s?(?:%|퍼센트|퍼|프로|percent|pct)|百分之|[\d一二三四五六七八九]成")
_PERCENT_ASKED = re.compile(r"(?<![\d.%])%(?!\d)")  # a percent sign with no number: what percentage?
_BY_WHEN = ("까지", "안에", "이내에", "以内", "之前")
_YEAR_SPAN = re.compile(  # a span of years said to be the term: "2025到2026两年的？", "2025~2026 두 해만"
    r"20\d\d\s?(?:年)?\s?(?:~|-|–|到|至|부터)\s?(?:20)?\d\d(?!\d)\s?(?:년|年)?\s?(?:두\s?해|2\s?년|两年|만|only|까지|为止|的?[吗嗦])"
)
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*"
_MONTH_RANGE = re.compile(rf"\b{_MONTH}\s?(?:-|~|to|through|till|until)\s?{_MONTH}\b")  # "fees incurred Mar-Dec"
_DATE_RANGE = re.compile(r"(?:\d{1,2}(?:월|月)(?:\d{1,2}(?:일|号|日)?)?|\d{1,2}/\d{1,2})(?:~|-|到|至|부터)\d")
_UNTIL_YEAR = re.compile(r"20\d\d\s?(?:년|年)?\s?(?:까지|말까지|이후|until|까진|为止|底)")


_ASPECT_INDEX = FormIndex(ASPECTS)
_PART_INDEX = FormIndex(PART_FORMS)
_TRAIT_INDEX = FormIndex(TRAITS)


@lru_cache(maxsize=1024)
def _positions(text: Normalized) -> dict[str, int]:
    compact = text.compact
    found = _ASPECT_INDEX.first_forms(text)
    ends = {name: pos + len(form_at(compact, ASPECTS[name], pos)) for name, pos in found.items()}
    inside = [name for name, pos in found.items() if any(found[o] == pos and ends[o] > ends[name] for o in found)]
    for name in inside:  # "발표일이 확인돼요": of two words at one place, the longer is the one written
        del found[name]
    if "rate" not in found and (match := _PERCENT.search(compact)):
        found["rate"] = match.start()
    if "rate" not in found and (match := _PERCENT_ASKED.search(compact)):
        found["rate"] = match.start()  # "langfang compute vouchr %", "shenzhen training voucher %?"
    if "window" not in found and (match := _UNTIL_YEAR.search(compact) or _DATE_RANGE.search(compact)):
        found["window"] = match.start()  # "2026년까지?", "申报是1月4号到23号吗"
    if "window" not in found and (match := _MONTH_RANGE.search(text.spaced)):
        found["window"] = len(text.spaced[: match.start()].replace(" ", ""))
    if "window" not in found and (match := _WHEN_IT_ENDS.search(text.spaced)):
        found["window"] = len(text.spaced[: match.start()].replace(" ", ""))  # "when does the … voucher end?"
    if not found and (match := _for_whom(text)):  # "does it cover API calls too?", "can a listed firm claim it"
        found["conditions"] = len(text.spaced[: match.start()].replace(" ", ""))
    if not found and (match := _ONLY_ENDS.search(text.spaced)):
        found["conditions"] = len(text.spaced[: match.start()].replace(" ", ""))  # "…, CAC-filed models only?"
    if "window" not in found and (match := _DATE_RANGE.search(text.original)):
        found["window"] = len(normalize(text.original[: match.start()]).compact)  # "4/17~5/15": its marks are gone
    only_until = "conditions" in found and compact.startswith("만", found["conditions"])
    if only_until and compact[: found["conditions"]].endswith("까지"):
        del found["conditions"]  # "2025년 말까지만 되는 거야?": only until then, the window
    if "conditions" in found and "window" in found and compact[: found["conditions"]].endswith(_BY_WHEN):
        del found["conditions"]  # "언제까지 써야 돼요?", "몇 달 안에 써야 돼?": by when it must be used, the window
    if not found and (match := _YEAR_SPAN.search(text.original)):
        found["window"] = len(normalize(text.original[: match.start()]).compact)  # "2025到2026两年的？"
    fund = form_at(compact, ASPECTS["budget"], found["budget"]) if "budget" in found else ""
    named_by_fund = fund in _FUND_NAMES and not compact.startswith("size", found["budget"] + len(fund))
    if named_by_fund and set(found) - {"budget", "amount"}:
        del found["budget"]  # "Wuxi compute voucher fund - where do we apply?": the fund names the program
    if "budget" in found and _inside_investment_total(compact, found["budget"]):
        del found["budget"]  # "투자 총액 5백만이면": the project's investment, not the program's budget
    # 申报条件, 门槛条件, 申报时间: "apply" or "minimum" right before conditions or a time only says which ones
    minimum_figure = "minimum" in found and "conditions" in found and ends["minimum"] == found["conditions"]
    if minimum_figure and compact[ends["conditions"] :].startswith(("多少", "얼마", "howmuch", "是多少")):
        del found["conditions"]  # "最低要求多少": the minimum's figure, not which conditions
    heads = {found[name] for name in ("conditions", "window") if name in found}
    return {name: pos for name, pos in found.items() if not (name in ("apply", "minimum") and ends[name] in heads)}


# "When does the Beijing municipal voucher end?", "when will it open": the window, its words apart.
_WHEN_IT_ENDS = re.compile(
    r"\bwhen\s(?:does|do|did|will|is|are)\b.{0,60}?\b(?:end|ends|expire|expires|close|closes|open|opens|start|starts)\b"
)
# "Does the Chengdu voucher cover API calls too?", "can a listed company claim it": what or who it is for.
_COVERS = re.compile(
    r"\b(?:does|do|will|would|is|are)\b.{0,60}?\b(?:cover|covers|include|includes|offset|offsets|subsidi[sz]e|pay\sfor"
    r"|count|counts|open\sto|apply\sto|disqualify|disqualifies|exclude|excludes)\b"
)
_WH_WORD = re.compile(r"\b(?:what|which|how|where|who|whom|when|you)\b")
_MAY_CLAIM = re.compile(
    r"\b(?:can|could|may)\s(?:a|an|the|our|my|their|they|it|foreign|korean|listed|one)\b.{0,50}?\b(?:claim|get|use|receive"
    r"|qualify|apply)\b"
)


def _for_whom(text: Normalized) -> re.Match[str] | None:
    match = _COVERS.search(text.spaced) or _MAY_CLAIM.search(text.spaced)
    return None if match is None or _WH_WORD.search(text.spaced[: match.end()]) else match  # not "what would it cover"


_ONLY_ENDS = re.compile(r"\bonly\s?$")  # "…, CAC-filed models only?": whom or what it is for


_MUST_MEET = (
    "需要满足哪些",
    "需要满足什么",
    "要满足哪些",
    "要满足什么",
    "满足哪些",
    "满足什么",
    "需要哪些",
    "要哪些",
    "需要满足",
    "要满足",
)
_FUND_NAMES = frozenset(("fund", "voucherfund", "vouchersfund"))
_INVESTMENT_TOTALS = ("투자총액", "총투자", "投资总额", "总投资", "totalinvestment", "projectinvestment")


def _inside_investment_total(compact: str, position: int) -> bool:
    return any(
        0 <= position - at < len(total)
        for total in _INVESTMENT_TOTALS
        if (at := compact.find(total, max(0, position - len(total)))) >= 0
    )


def _rate_asked(text: Normalized) -> bool:
    """The amount word leads into the percentage ("up to 80%", "能补50%吗"): the rate is what is asked."""
    compact = text.compact
    match = _PERCENT.search(compact)
    if match is None:
        return False
    before = compact[: match.start()].rstrip("0123456789.")  # the match starts at the number's last digit
    return before.endswith(_INTO_RATE) or compact[match.end() :].startswith("까지")  # "60%까지 돼?"


def _cap_asked_after_the_rate(text: Normalized) -> bool:
    """A cap word after the percentage ("最高10%，有没有封顶？", "pays 10% …, what's the max per project?"): the
    percentage describes the program, its cap is asked."""
    at = text.spaced.find("%")
    after = text.spaced[at + 1 :].lstrip()
    if after.startswith("까지"):  # "60%까지 돼?": the rate's own ending
        after = after.partition(" ")[2]
    return at >= 0 and first_form(normalize(after), ASPECTS["amount"]) >= 0


def _percent_ends(text: Normalized) -> bool:
    """The percentage ends the message ("…最多补到60%？", "…up to 50%?")."""
    match = _PERCENT.search(text.compact)
    return match is not None and not text.compact[match.end() :].strip("?？吗吧嘛呢.!~ ")


_INTO_RATE = (
    "upto",
    "能补",
    "补到",
    "最高抵",
    "能抵",
    "抵",
    "能补到",
    "최대",
    "最高",
    "最高补",
    "最多",
    "까지",
    "pays",
    "paysupto",
    "covers",
    "covering",
)


def _status_describes(text: Normalized, leading: dict[str, int]) -> bool:
    """A status word before another aspect says which text ("최종본 … 상한", "draft … cap"); right before a time
    word it names the phase whose time is asked ("의견수렴 기간 언제"); a later "还有吗" asks the status still."""
    start, end = leading["status"], _end(text, "status", leading)

    def describes(name: str, pos: int) -> bool:
        if name != "window":
            return pos > start
        still = form_at(text.compact, ASPECTS["window"], pos).startswith(("还", "still", "아직", "여전히"))
        return 0 <= pos - end <= 2 and not still

    return any(describes(name, pos) for name, pos in leading.items() if name != "status")


_OUT_YET = ("나왔어", "나왔나", "나왔냐", "나왔음", "나왔어요")


def _out_yet(text: Normalized, leading: dict[str, int]) -> bool:
    """The status word only asks whether another aspect, named before it, has been published."""
    start = leading["status"]
    return text.compact.startswith(_OUT_YET, start) and any(p < start for n, p in leading.items() if n != "status")


_UNTIL = (
    *("언제까지", "언제부터", "until", "untilwhen", "tillwhen", "since"),
    *("到什么时候", "到哪年", "到哪一年", "从什么时候"),
)


def _until_in_force(text: Normalized, leading: dict[str, int]) -> bool:
    window, end = leading["window"], _end(text, "window", leading)
    return text.compact.startswith(_UNTIL, window) and 0 <= leading["status"] - end <= 1


def _asked_last(text: Normalized, found: dict[str, int]) -> bool:
    """One aspect only, ending the message with nothing but a topic marker ("그럼 선전 모델쿠폰 조건은?")."""
    earlier = text.original.rstrip("?？ ")
    if len(found) != 1 or has_any(text, _ASKED_BEFORE) or "?" in earlier or "？" in earlier:
        return False  # "…알려줘요, 마감은?", "…진짜? 조건은?": a second question after a first
    (name,) = found
    rest = text.compact[_end(text, name, found) :]
    if rest in ("은", "는", "은요", "는요", "呢", ""):
        return True
    # "…시행 기한은 언제까지입니까": the same aspect asked again in other words, then only an ending
    at = len(text.compact) - len(rest) + (1 if rest[:1] in ("은", "는") else 0)
    again = form_at(text.compact, ASPECTS[name], at)
    return bool(again) and _ENDING_ONLY.fullmatch(text.compact[at + len(again) :]) is not None


_ENDING_ONLY = re.compile(r"(?:입니까|인가요|인가|이에요|예요|에요|이야|야|임|요|나요|죠|지|인지요|)")


_ASKED_BEFORE = forms_of("알려 설명 어때 어떠 details detail info tellme please pls 介绍 说说 讲讲 andthe also")


def _end(text: Normalized, name: str, leading: dict[str, int]) -> int:
    return leading[name] + len(form_at(text.compact, ASPECTS[name], leading[name]))


def _conditions_of_the_rate(text: Normalized, found: dict[str, int]) -> bool:
    """The rate word leads straight into the conditions ("比例要什么条件", "비율 받는 조건"), not as a first question
    joined to a second ("비율이랑 조건도", "比例多少，要啥条件")."""
    rate = form_at(text.compact, ASPECTS["rate"], found["rate"])
    gap = text.compact[found["rate"] + len(rate) : found["conditions"]]
    asked = rate.endswith(("多少", "몇")) or text.compact.startswith("多少", found["rate"] + len(rate))
    return not asked and gap.startswith(("要", "需要", "받는", "받을", "받으려면", "적용")) and len(gap) <= 4


def _budget_is_the_base(text: Normalized, leading: dict[str, int]) -> bool:
    """The budget word right before the rate word names what the rate is a share of ("총액의 몇 %")."""
    end, rate = _end(text, "budget", leading), leading["rate"]
    return rate >= end and text.compact[end:rate] in ("", "의", "的") and not text.compact.startswith("一比", rate)


def _denied(text: Normalized, name: str, pos: int) -> bool:
    """ "조건 말고 금액", "not the rate, the cap": an aspect the asker sets aside (not 不是, which asks on:
    "还有吗 不是…结束了吗")."""
    after = text.compact[pos + len(form_at(text.compact, ASPECTS[name], pos)) :]
    return after.startswith(SET_ASIDE) or text.compact[:pos].endswith(("not", "notthe"))


_CAN_STILL = forms_of("canwestill canistill canthey still 还能拿 还能领 还可以拿 还能申请吗")


def _without(found: dict[str, int], name: str) -> dict[str, int]:
    """The aspect words found but one: a bare "50%" before "조건" does not make 조건 a second question."""
    return {other: pos for other, pos in found.items() if other != name}


# A time asked ("언제", "哪天") beside a phase's name only (初稿, draft, 의견수렴): not whether it is final.
_WHEN = forms_of("언제 when 什么时候 啥时候 哪天 几号 几月 到哪天")
_WHO = forms_of("누가 어디서 어느기관 어디 who which whichbody 谁 哪个部门 哪个单位 哪里")
_STATUS_ASKED = forms_of(
    "확정 최종 정식 final finalised finalized official 正式 定稿 最终 出台 落地 还是 아니면 status 나왔 superseded"
)
# "正式发文还是新闻报道", "officially issued or only news": a status word in a choice of two is the question.
_NOW = forms_of("지금 현재 now currently rightnow 现在 目前")
_EITHER = forms_of("还是 아니면 or 或是 或者")
# Ending a message that says what the firm is: may it get the program?
_MAY_WE = ("됨", "돼", "되나", "되냐", "받나", "받냐", "ok", "okay", "可以吗", "行吗", "能申请吗", "能拿吗", "能用吗")
_APPLY_LAST = ("신청", "신청은", "신청요", "申请", "申报", "apply")
LEAD_IN = 7  # characters before a part word that still make it the start of the message ("andthe")
# Fillers before that start ("ok and the deadline?", "好的 那截止呢"): they do not count.
_FILLERS = ("okay", "ok", "alright", "cool", "thanks", "thx", "gotit", "오케이", "ㅇㅋ", "ㅇㅇ", "好的", "好", "嗯")
# Part words that are a second question only after another aspect ("상한이랑 신청기간"), not when "은" ends them
# ("…모델 쿠폰 신청 기간은?" asks the window).
_ONLY_AFTER_ANOTHER = frozenset(("신청기간", "접수기간", "申请时间", "申报时间"))
_ADDED_AFTER = ("도", "은", "는", "too", "呢", "也")  # not "also", which leads the next one
_ADDED_BEFORE = ("and", "andthe", "also", "plus", "+", "及", "和", "以及", "还有", "랑", "이랑")


# Words that join a second question to the first ("…, and is it still open?", "…얼마, 그리고 몇 년까지?").
_CLAUSE_JOINERS = frozenset(("and", "also", "plus", "그리고", "그리고요", "또", "아울러", "另外", "以及", "并且"))
_CLAUSE_JOINERS_CJK = ("另外", "以及", "并且", "그리고")


def _joined_after(text: Normalized, found: dict[str, int], name: str) -> bool:
    """Another aspect is asked, then a joiner, then this one: this one is a second question."""
    joins = [
        start
        for start, word in zip(sorted(word_starts(text.spaced)), text.spaced.split(" "), strict=False)
        if word in _CLAUSE_JOINERS
    ]
    joins += [at for joiner in _CLAUSE_JOINERS_CJK if (at := text.compact.find(joiner)) > 0]
    pos = found[name]
    return any(other != name and start < join < pos for other, start in found.items() for join in joins)


def _trailing_parts(text: Normalized, found: dict[str, int]) -> set[str]:
    """Part words that follow another aspect word, or that are marked as one more question after something else
    ("…알려줘요, 마감은?", "…, and the deadline?", "deadline too?"): a second question, not the one that leads."""
    parts = set()
    compact = text.compact
    for name, pos in _PART_INDEX.first_forms(text).items():
        forms = PART_FORMS[name]
        form = form_at(compact, forms, pos)
        added = compact[pos + len(form) :].startswith(_ADDED_AFTER) and form not in _ONLY_AFTER_ANOTHER
        marked = pos > 0 and (added or compact[:pos].endswith(_ADDED_BEFORE))
        # "still running, and until when?": the same question asked twice, not a second one
        alone = set(found) == {name}
        asked_before = alone and found[name] + len(form_at(compact, ASPECTS[name], found[name])) <= pos
        if not asked_before and (any(other != name and start < pos for other, start in found.items()) or marked):
            parts.add(name)
    for name in PART_FORMS:
        if name in found and name not in parts and _joined_after(text, found, name):
            parts.add(name)  # "how much, and for how long?": any word of the aspect, after a joiner
        elif name in found and name not in parts and _also_asked(text, found, name):
            parts.add(name)  # "양도 되나요? 유효기간도 궁금", "条件也说下": any word of it, with "too"
    return parts


_MATERIALS = forms_of("材料 서류 제출서류 구비서류 documents paperwork 发票 营业执照 证明材料 申报材料 申请材料")
_ALSO_AFTER = ("도", "也")


def _also_asked(text: Normalized, found: dict[str, int], name: str) -> bool:
    """The aspect's word, after another aspect's, takes "too" (도, 也), with a noun between at most ("유효기간도")."""
    at = found[name]
    if not any(other != name and start < at for other, start in found.items()):
        return False
    end = at + len(form_at(text.compact, ASPECTS[name], at))
    rest = text.compact[end:]
    return rest.startswith(_ALSO_AFTER) or (rest[2:3] in _ALSO_AFTER and rest[:2] in ("기간", "时间", "日期"))


def find_aspect(text: Normalized, ignore: tuple[str, ...] = ()) -> str | None:
    """``ignore``: aspects whose words describe the program rather than ask ("한도 500만 그거 조건이 뭐였죠")."""
    found = {name: pos for name, pos in _positions(text).items() if name not in ignore and not _denied(text, name, pos)}
    if "rate" in found and "conditions" in found and _conditions_of_the_rate(text, found):
        del found["rate"]  # "50%的比例要什么条件", "그 비율 받는 조건": the conditions of that rate
    asked_of_phase = "status" in found and (
        ("window" in found and has_any(text, _WHEN)) or ("apply" in found and has_any(text, _WHO))
    )
    if asked_of_phase and not has_any(text, _STATUS_ASKED):
        del found["status"]  # "意见征求稿 意见截止到哪天", "which body issued the Wuhan draft": the phase named
    phase_named = "status" in found and not has_any(text, _STATUS_ASKED) and not has_any(text, _EITHER)
    if phase_named and any(pos > found["status"] for name, pos in found.items() if name != "status"):
        del found["status"]  # "석경산구 초안 컴퓨팅 지원 조건 뭐예요": the draft named, its conditions asked
    must_meet = "conditions" in found and (
        text.compact[: found["conditions"]].endswith(_MUST_MEET)
        or text.compact.startswith(_MUST_MEET, found["conditions"])
    )
    if must_meet:
        found = {"conditions": found["conditions"]}  # "申报…奖励，需要满足哪些条件": the conditions are the question
    worded = found if "rate" not in found or first_form(text, ASPECTS["rate"]) >= 0 else _without(found, "rate")
    leading = {name: pos for name, pos in found.items() if name not in _trailing_parts(text, worded)}
    filler = next((len(f) for f in _FILLERS if text.compact.startswith(f)), 0)
    if not leading and found and (min(found.values()) - filler <= LEAD_IN or _asked_last(text, found)):
        leading = found  # "and the deadline?", "그럼 조건은?": a second question with no first is the question
    bare_rate = "rate" in leading and first_form(text, ASPECTS["rate"]) < 0  # a "60%" and no rate word
    put_last = bare_rate and _rate_asked(text) and _percent_ends(text)  # "…叠加算力券 最多补到60%？": that rate asked
    if (
        bare_rate
        and not put_last
        and (
            set(leading) - {"rate", "amount"}
            or ("amount" in leading and (not _rate_asked(text) or _cap_asked_after_the_rate(text)))
        )
    ):
        del leading["rate"]  # a bare "60%" beside "조건" or "상한" is part of what is described, not what is asked
    if "budget" in leading and "rate" in leading and _budget_is_the_base(text, leading):
        del leading["budget"]  # "투자 총액의 몇 퍼센트", "投资总额的百分之多少": the total is what the rate is of
    if "status" in leading and "window" in leading and _until_in_force(text, leading):
        del leading["status"]  # "언제까지 시행돼요?": until when it applies, the window
    if "status" in leading and _out_yet(text, leading):
        del leading["status"]  # "비율 나왔어?", "구체적인 금액 나왔어?": whether that figure is out, so that figure
    if "status" in leading and _status_describes(text, leading) and not has_any(text, _EITHER):
        del leading["status"]  # "최종본 산력권 상한이 …?", "draft compute support - cap?": which text, not asked
    aspect = next((name for name in ASPECT_PRIORITY if name in leading), None)
    if aspect == "clause" and text_in_doubt(text):
        return "status"  # "중경 산력권 공식 원문 있어요 아님 기사뿐?": whether an official text exists, not its words
    if aspect == "window" and "amount" in found and has_any(text, _NOT_OUT_YET):
        return "amount"  # "중경은 산력권 금액이 아직 공개 안 된 거죠?": whether its figure is out, not its window
    if aspect == "rate" and first_form(text, ASPECTS["rate"]) < 0 and _who_after_the_percent(text):
        return "conditions"  # "이좡 국산칩 서버 사면 10% 준다던데 클라우드 회사만?": the rate known, who gets it asked
    if "rate" in found and aspect in (None, "amount", "conditions") and has_any(text, _RATE_BASIS):
        return "rate"  # "15%는 뭘 기준으로 계산해요?", "按什么基数算": what the rate is taken of
    if aspect in (None, "window") and _two_dates_set_against(text):
        return "status"  # "3월28일 발표라던데 실제 문건은 11월 거라며? 뭐가 맞아": which text stands
    if aspect == "conditions" and _stacked_rate(text, found["conditions"]):
        return "rate"  # "杭州智能券叠加算力券 最多补到60%？", "합쳐서 110%?": the rate they add up to
    if aspect is None and has_any(text, ELIGIBILITY):
        return "window" if has_any(text, _NOW) else "conditions"  # "우리 1인기업인데 받을 수 있음?", "现在能申请吗"
    if aspect is None and text.compact.endswith(_MAY_WE) and find_traits(text):
        return "conditions"  # "스타트업인데 심천 훈련권 됨?", "startup here shenzhen model voucher ok?"
    if aspect is None and text.compact.endswith(_APPLY_LAST):
        return "apply"  # "광저우 개발구 산력권 신청": the program, then the word for applying
    # "우리 상장사인데 신청 가능?", "Korean-owned WFOE, can we apply …", "100% 외자 법인인데 받을수있음?": whether the
    # firm qualifies, not whether it is open (unless "still"), how to apply, or a "100%" that says who owns it
    if aspect == "conditions" and has_any(text, _MATERIALS):
        return "apply"  # "신청할 때 材料 뭐 필요해요?", "发票 둘 다 필요한가요": what to hand in, how to apply
    if aspect == "budget" and _PER_YEAR_OR_TOTAL.search(text.spaced) and not _POOL_SIZED.search(text.spaced):
        return "amount"  # "상한 100만이 연간임 총액임?", "是每年还是总共": what a firm's cap is counted over
    qualifies = aspect in ("window", "apply", "rate") and has_any(text, ELIGIBILITY) and bool(find_traits(text))
    still_open = has_any(text, STILL) and not has_any(text, _CAN_STILL)  # "can we still get it?" asks if we may
    if qualifies and (aspect != "window" or not still_open) and (aspect != "rate" or bare_rate):
        return "conditions"
    return aspect


# Which span a cap is counted over, the year or the whole ("연간임 총액임?", "是每年还是总共", "per year or per
# project"): the cap asked, not the pool.
_PER_YEAR_OR_TOTAL = re.compile(
    r"(?:연간|1년|매년)\S{0,3}\s?(?:임|이야|인지|이에요|인가요)?\s?(?:아니면\s?)?(?:총액|전체|누적)\S{0,3}\s?(?:임|이야|인지|이에요|인가요)"
    r"|(?:每年|一年|年度)\S{0,4}还是\s?(?:总共|总额|累计|一共)|(?:总共|累计)\S{0,4}还是\s?(?:每年|一年)"
    r"|per\s?year\s?or\s?(?:per\s?project|in\s?total|total|overall)|per\s?project\s?or\s?(?:in\s?total|per\s?year)"
)

# A figure of a pool's size (20 million and up): then the span asked is the pool's ("1억 위안 풀은 연간임 총액임?").
_POOL_SIZED = re.compile(
    r"\d\s?억|\d\s?亿|[一二两三四五六七八九十]亿|[2-9]\d{3}\s?만|\d{5,}\s?만|[2-9]\d{3}\s?万|\d{5,}\s?万|[二两三四五六七八九]千万"
    r"|\b[2-9]\d{7}\b|\b\d{9,}\b|\b(?:[2-9]\d|\d{3,})\s?(?:m|mn|million)\b"
)


_TEXT_IN_DOUBT = forms_of(
    "기사뿐 보도뿐 기사만 보도만 영문보도 영문기사 못찾 找不到 没找到 只有报道 还是报道 核实 靠谱 "
    "확인된 확인됐 확인되 존재 가짜 진짜존재 있긴 orjust justthe justan onlythe actuallyexist realpolicy fake 实际存在"
)


def text_in_doubt(text: Normalized) -> bool:
    """Whether an official text exists is doubted ("원문 있어요 아님 기사뿐?", "is it just the article?")."""
    return has_any(text, _TEXT_IN_DOUBT)


_NOT_OUT_YET = forms_of(
    "안나왔 안나온 안나옴 안나오 공개안 공개되지 모르는상태 못찾 "
    "出来没 还没出 没公布 未公布 notoutyet notpublished nonumbers"
)
_WHO_FOR = forms_of(
    "누구한테 forwho whoexactly whichones 哪些 谁 해당 제외 除外 不算 算不算 只限 只有 경유 거쳐 "
    "outsidethe extendto applicable opento 要怎么证明 어떤산력 공업기업용 기업용 회사만 기업만 업체만 만되 만가능"
)


def _who_after_the_percent(text: Normalized) -> bool:
    """After the last percentage, a word asking who or what it is for ("…10% 준다던데 클라우드 회사만?")."""
    at = text.original.rfind("%")
    rest = normalize(text.original[at + 1 :]) if at >= 0 else text
    return has_any(rest, _WHO_FOR)


# What a rate is taken of, asked ("…기준이에요?", "按什么算", "based on the purchase cost?", "含税吗").
_RATE_BASIS = forms_of(
    "뭘기준 무슨기준 어떤기준 뭐기준 뭐가기준 금액기준 비용기준 투자액기준 매출기준 "
    "基数 按什么算 按啥算 basedon basisof calculatedon 含税 세금포함"
)
_MONTH_NAMED = re.compile(rf"(?<!\d)(1[0-2]|0?[1-9])\s?(?:월|月)|\b({_MONTH})\b")
_WHICH_STANDS = forms_of(
    "뭐가맞 어느게맞 어느쪽이맞 어느것이맞 뭐가진짜 哪个对 是一回事 一回事吗 따로있 따로 还是 到底 whichone superseded "
    "날짜가틀 날짜가달 日期不一样 日期不同 datesdiffer differentdates"
)


def _two_dates_set_against(text: Normalized) -> bool:
    """Two months named, and a word asking which one stands."""
    if not has_any(text, _WHICH_STANDS):
        return False
    return len({m.group(1) or m.group(2)[:3] for m in _MONTH_NAMED.finditer(text.original.lower())}) >= 2


_STATEMENT_END = re.compile(r"(?<!\d)[.。!！](?!\d)\s*")


def asked_aspect(text: Normalized) -> str | None:
    """The aspect asked: of the last sentence when the ones before it only state ("Chengdu voucher offsets up to
    60 percent. Is there any condition …?", "…1.5 million per corpus. Kindly share the application procedure.")."""
    whole = find_aspect(text)
    sentences = [part for part in _STATEMENT_END.split(text.original.strip()) if part.strip()]
    if whole is None or len(sentences) < 2 or any(mark in part for part in sentences[:-1] for mark in "?？"):
        return whole
    stated = find_aspect(normalize(" ".join(sentences[:-1])))
    last = find_aspect(normalize(sentences[-1]))
    # only a question that names what it asks: "How much higher?", "언제 나왔습니까?" ask on about what was stated
    return last if stated == whole and last in _NAMED_IN_A_QUESTION else whole


_NAMED_IN_A_QUESTION = frozenset({"conditions", "apply"})

_STACKING = frozenset({"중복", "能叠加", "叠加", "stack", "stacking", "stackwith", "combine"})
_STACKED_TO = re.compile(
    r"(?:到|upto|合计|총|합쳐서?|together|total|intotal|altogether)?\d+(?:\.\d+)?(?:%|퍼센트|percent)"
)


def _stacked_rate(text: Normalized, at: int) -> bool:
    """The conditions word is a stacking word and a percentage follows it (or two percentages stand before it), with
    no other word of the conditions: the combined rate is asked, not whether one may stack ("Chengdu's 60% voucher,
    does it stack with the model subsidy?")."""
    form = form_at(text.compact, ASPECTS["conditions"], at)
    if form not in _STACKING and not text.compact.startswith("합쳐", at):
        return False
    others = [f for f in ASPECTS["conditions"] if f not in _STACKING and f in text.compact]
    if others:
        return False
    after = _STACKED_TO.search(text.compact, at) is not None  # "叠加到60%", "stacks up to 60%"
    return after or len(_STACKED_TO.findall(text.compact[:at])) >= 2  # "60%和50%能叠加吗": the two added up


def share_after_pool(text: Normalized) -> bool:
    """One firm's share asked after the pool ("中山算力券总盘子5个亿？单家企业能拿多少", "Tianjin only has a 20M/yr
    pool? no per firm cap?"): not a choice of the two ("the total budget or per company?", "총액인지 기업당
    한도인지"), nor both asked, nor the pool asked after it."""
    budget = _positions(text).get("budget")
    share = first_form(text, PER_FIRM)
    if budget is None or share < budget or has_any(text, _EITHER) or text.compact.count("인지") >= 2:
        return False
    between = text.compact[budget:share]
    if any(joiner in between for joiner in _BOTH_ASKED):
        return False  # "what is the pool, and what is the ceiling per firm?": both asked, the pool first
    return not contains_any(text.compact[share:], ASPECTS["budget"])


_BOTH_ASKED = ("and", "그리고", "또", "以及", "还有", "另外")


_QUESTION_END = re.compile(r"[?？]+")


def find_parts(text: Normalized, aspect: str | None, asks_fx: bool) -> tuple[str, ...]:
    """Second questions in the same message: a deadline or the conditions after another aspect, or won."""
    found = _positions(text)
    parts = [name for name in PART_FORMS if name != aspect and name in _trailing_parts(text, found)]
    questions = [q for q in _QUESTION_END.split(text.original) if q.strip()]
    if aspect is not None and len(questions) > 1:  # "…即领即用吗？比例多少": each question asks its own aspect
        asked = {find_aspect(normalize(q)) for q in questions}
        parts += [name for name in PART_FORMS if name != aspect and name in asked and name not in parts]
    if asks_fx and has_any(text, FX_PART_FORMS):
        parts.append("fx")
    return tuple(parts)


@lru_cache(maxsize=1024)  # the matcher, the aspect and the profile route each ask it of one message
def find_traits(text: Normalized) -> frozenset[str]:
    """The asker's traits; not one they deny ("1인 기업은 아니고", "상장사 아니고 스타트업", "not an SME")."""
    compact = text.compact
    out = set()
    for name, position in _TRAIT_INDEX.first_forms(text).items():
        while position >= 0:  # any saying of it that is not denied ("중소기업 위주라던데 … 저희 같은 중소 제조사도")
            form = form_at(compact, TRAITS[name], position)
            end = position + len(form)
            put_on_a_list = name == "listed" and compact[:position].endswith(_ONTO_A_LIST)  # "can we get listed?"
            if not (
                _TRAIT_DENIED.match(compact, end) or _TRAIT_DENIED_BEFORE.search(compact[:position]) or put_on_a_list
            ):
                out.add(name)
                break
            position = min((at for f in TRAITS[name] if (at := compact.find(f, end)) >= 0), default=-1) if form else -1
    if "opc" in out and _SOLO_STARTUP.search(compact):
        out.discard("startup")  # "one-person startups", "1인 스타트업": a one-person company, the OPC programs' firm
    if "listed" in out:
        out.discard("sme")  # "우리 상장사 자회사인데 중소기업 50% 받을수있음?": the SME tier is asked of, not the firm
    return frozenset(out)


# Right after a trait: the asker says it is not that ("…은 아니고", "…가 아니어도", "…不是").
_TRAIT_DENIED = re.compile(
    r"(?:은|는|이|가|도)?(?:아니고|아니구|아니라|아니어도|아니지만|아닌데|아님|아니에요|아니예요|아닙니다|아니야)"
    r"|(?:쿠폰|바우처|券|voucher)?(?:말고|빼고|말구)"  # "1인 기업 쿠폰 말고 일반 쿠폰": that program set aside
    r"|만(?:되|돼|받|가능|해당)|(?:이|가)?아니면"  # "중소기업만 돼?", "중소기업 아니면 못받음?": asked of, not stated
    # whom the program is for, or its name: "중소기업 위주라던데", "중소기업 전용", "OPC 정책 목록"
    r"|위주|우선|为主|优先|전용|专用|专属|정책|政策|policy|목록|清单"
)
_SOLO_STARTUP = re.compile(r"(?:one-?person|solo|1인|一人)(?:startup|스타트업|창업|初创)")
_ONTO_A_LIST = ("get", "gets", "getting", "got", "be", "being", "been")  # a platform's list, not a stock exchange
_TRAIT_DENIED_BEFORE = re.compile(r"(?:not(?:an?)?|不是|并非|并不是)$")  # "we're not an SME", "我们不是中小企业"
