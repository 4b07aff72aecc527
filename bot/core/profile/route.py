"""Which free messages belong to the profile features, before the matcher reads them.

Three kinds: asking for (or stopping) alerts about the profile ("내 프로필에 맞는 새 프로그램 알려줘", "notify me
when something matches my profile", "有适合我们的新政策通知我"); an answer to the question a profile dialogue waits
on (in a private chat); and a message that describes the company as a whole ("우리는 상하이 중소기업이고 GPU 임대에
500만, 모델 API에 100만 써요", "우리 회사 뭐 받을 수 있어?"). One spend in one place stays the calculator's question.
"""

from __future__ import annotations

import asyncio
import logging

from bot.core.message import IncomingMessage
from bot.core.profile.parse import is_profile_message, parse, speaks_for_company
from bot.core.profile.subscription import SUBSCRIBE, UNSUBSCRIBE
from bot.core.services import Services
from bot.nlu import intents as I
from bot.nlu.forms import forms_of, has_any
from bot.nlu.normalize import normalize
from bot.nlu.query import Query

log = logging.getLogger(__name__)

# The company's own profile, or what fits it.
PROFILE_FORMS = forms_of(
    "프로필 우리회사에맞 우리에게맞 우리한테맞 저희에게맞 저희한테맞 저희회사에맞 나한테맞 나에게맞 내게맞 "
    "profile fitsus fitus matchesus matchus fitsourcompany matchesourcompany "
    "适合我们 适合我司 适合本公司 适合我的 符合我们 企业档案 档案"
)
ALERT_FORMS = forms_of("알림 구독 알려줄래 notify notification alert alerts subscribe pingme 通知 提醒 订阅 推送")
TELL_FORMS = forms_of("알려 말해 tellme letmeknow 告诉我")  # "tell me" alone asks now; with NEW_FORMS it is alerts
NEW_FORMS = forms_of("새 새로 나오면 생기면 바뀌면 뜨면 올라오면 when whenever new 新 出来 出台")
STOP_FORMS = forms_of("그만 끄기 꺼줘 끊어 해지 중지 stop unsubscribe turnoff nomore 取消 停止 关闭 不要再 退订")


def subscription_intent(text: str) -> str | None:
    """``profile_subscribe`` or ``profile_unsubscribe`` for a message asking for or stopping profile alerts."""
    norm = normalize(text)
    if not has_any(norm, PROFILE_FORMS):
        return None
    alerts = has_any(norm, ALERT_FORMS)
    told = alerts or has_any(norm, TELL_FORMS)
    if has_any(norm, STOP_FORMS):
        return UNSUBSCRIBE if told else None
    return SUBSCRIBE if alerts or (told and has_any(norm, NEW_FORMS)) else None


LOOKUP_TIMEOUT_S = 3.0


async def waiting(services: Services, message: IncomingMessage) -> bool:
    """A dialogue in this private chat waits for an answer (read off the event loop; a slow or failing database
    means no dialogue is waiting, and the message is answered as a question)."""
    if message.chat_kind != "private":
        return False
    try:
        if services.store is None or services.store.local:  # in memory, or a local file with a short lock wait
            stored = services.profiles.get(message.user_key)
        else:
            lookup = asyncio.to_thread(services.profiles.get, message.user_key)
            stored = await asyncio.wait_for(lookup, LOOKUP_TIMEOUT_S)
    except Exception:
        log.warning("profile dialogue: the database is unavailable; the message is answered as a question")
        return False
    return stored is not None and stored.step is not None


async def profile_query(services: Services, text: str, message: IncomingMessage) -> Query | None:
    intent = subscription_intent(text)
    if intent is not None:
        return Query(intent, text=text, args=text)
    if await waiting(services, message) or (
        speaks_for_company(text) and is_profile_message(parse(services.dataset, services.fx, text))
    ):
        return Query(I.PROFILE, text=text, args=text)
    return None
