"""Which free messages belong to the profile feature, before the matcher reads them.

Two kinds: an answer to the question a profile dialogue waits on (in a private chat), and a message that
describes the company as a whole ("우리는 상하이 중소기업이고 GPU 임대에 500만, 모델 API에 100만 써요",
"우리 회사 뭐 받을 수 있어?"). One spend in one place stays the calculator's question.
"""

from __future__ import annotations

from bot.core.message import IncomingMessage
from bot.core.profile.parse import is_profile_message, parse, speaks_for_company
from bot.core.services import Services
from bot.nlu import intents as I
from bot.nlu.query import Query


def waiting(services: Services, message: IncomingMessage) -> bool:
    """A dialogue in this private chat waits for an answer."""
    if message.chat_kind != "private":
        return False
    stored = services.profiles.get(message.user_key)
    return stored is not None and stored.step is not None


def profile_query(services: Services, text: str, message: IncomingMessage) -> Query | None:
    if waiting(services, message) or (
        speaks_for_company(text) and is_profile_message(parse(services.dataset, services.fx, text))
    ):
        return Query(I.PROFILE, text=text, args=text)
    return None
