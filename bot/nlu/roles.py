"""Roles in a question: which places are asked about and which are ruled out; what an amount stands for.

- Places: "A 말고 B", "A 아니고 B", "not A, B", "不是A，是B": A is excluded, B is asked about.
- Amounts: a figure heard and to be checked ("…라던데 맞아?", "is it true…", "听说…"); the award or cap
  the question is about ("100만 위안 지원금 조건?", "2M-cap voucher"); otherwise money to compute on.
"""

from __future__ import annotations

from bot.nlu.concepts import (
    BASE_AFTER,
    BASE_BEFORE,
    CHECK_MARKERS,
    NEGATION_AFTER,
    NEGATION_BEFORE,
    PROGRAM_NOUNS,
    SPEND_MARKERS,
    SUBJECT_NOUNS,
    WEAK_CHECK_MARKERS,
)
from bot.nlu.forms import forms_of, has_any
from bot.nlu.normalize import Normalized
from bot.nlu.places import PlaceMention

SPEND = "spend"
CHECK = "check"
SUBJECT = "subject"
_PARTICLE_GAP = ("", "은", "는", "이", "가", "도", "요")
_NEGATED_AFTER = tuple(gap + word for gap in _PARTICLE_GAP for word in NEGATION_AFTER)  # "청두는 말고"
PROPOSED_AFTER = forms_of(
    "상한 상한이 상한은 한도 한도가 최대 최고 예산 예산이 총액 풀 풀이 풀은 총 규모 규모가 총규모 "
    "capis cap capof upto isit itis pool poolwas poolis budgetis budget fund "
    "上限 上限是 最高 最多 最多补 封顶 预算 总额 是 资金池 总额是"
)
# Right after the figure: it is put forward to be confirmed ("2백만 상한인거지?", "5천만 풀이에요?", "500만까지임?").
PROPOSED_BEFORE = forms_of(
    "상한인 상한이죠 상한이지 상한이야 상한맞 한도인 한도맞 풀이 풀맞 풀인 풀임 규모 "
    "까지임 까지야 까지인 까지예 까지에요 까지죠 까지맞 까지됨 까지돼 까지나옴 까지나와 이죠 인거지 맞 "
    "이총예산 가총예산 吗 吧 是吧 对吧 是不是"
)


def excluded_mentions(compact: str, mentions: tuple[PlaceMention, ...]) -> tuple[PlaceMention, ...]:
    """The mentions a negation rules out."""
    out = []
    for mention in mentions:
        end = mention.position + mention.length
        after = compact[end : end + 6]
        before = compact[max(0, mention.position - 12) : mention.position]
        negated_after = after.startswith(_NEGATED_AFTER)
        if negated_after or before.endswith(NEGATION_BEFORE):
            out.append(mention)
    return tuple(out)


def background_mentions(compact: str, mentions: tuple[PlaceMention, ...]) -> tuple[PlaceMention, ...]:
    """Places that say where the asker is, not what is asked ("상하이에 사무실을 둔 스타트업인데 …", "based in
    Shanghai, …"): when the message names another place, that one is asked about."""
    out = []
    for mention in mentions:
        after = compact[mention.position + mention.length : mention.position + mention.length + 12]
        before = compact[max(0, mention.position - 14) : mention.position]
        if after.startswith(BASE_AFTER) or before.endswith(BASE_BEFORE):
            out.append(mention)
    return tuple(out)


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
    if has_any(text, CHECK_MARKERS):
        return CHECK
    following = text.spaced[span[1] : span[1] + 32].replace(" ", "")
    preceding = text.spaced[max(0, span[0] - 12) : span[0]].replace(" ", "")
    if following.startswith(PROPOSED_BEFORE):
        return CHECK
    if has_any(text, SPEND_MARKERS):
        return SPEND
    if following.startswith(SUBJECT_NOUNS):
        return SUBJECT
    if aspect not in (None, "amount") and (
        any(noun in following[:26] for noun in PROGRAM_NOUNS) or preceding.endswith(PROGRAM_NOUNS)
    ):
        return SUBJECT  # "100만 위안 지원금 조건?", "一次性资助100万 啥条件": the award is what is asked about
    if preceding.endswith(PROPOSED_AFTER):
        return CHECK
    if spend_cue:
        return SPEND
    if has_any(text, WEAK_CHECK_MARKERS):
        return CHECK
    return SPEND
