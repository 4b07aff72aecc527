"""One home per feature: every intent and command, declared once.

Each :class:`Feature` names its intent, its slash commands and words (ko/en/zh), its handler, who
may use it, whether menus show it, its help and usage keys, and example phrasings for the free-text
matcher. Routing, command parsing, the Telegram menus (per language), the Slack ``/subsidy``
sub-commands, ``/help``, the matcher's examples and the catalog tests all read :data:`REGISTRY`.

Adding an intent: one :class:`Feature` below, one handler, its catalog keys (``help.<x>``,
``suggest.<intent>``, ``menu.<command>`` for a menu command) and corpus rows. Nothing else.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field

from bot.core import subscribing
from bot.core.access import Access
from bot.core.handlers import centers, cities, city, compare, details, fx, help, program_info, subsidy, targets
from bot.core.handlers import lang as lang_handler
from bot.core.profile import handler as profile
from bot.core.profile import subscription as profile_subscription
from bot.core.reply import Reply
from bot.core.request import Handler, Request
from bot.core.services import Services
from bot.domain.dataset import Dataset
from bot.nlu import intents as I
from bot.nlu.matcher import IntentMatcher
from bot.nlu.query import Query

Parser = Callable[[Services, str], Query]
Answer = Callable[[Services, Query, str], Reply]


def plain(answer: Answer) -> Handler:
    """A handler that needs only the services, the query and the language."""
    return lambda request: answer(request.services, request.query, request.lang)


@dataclass(frozen=True)
class Feature:
    intent: str
    handler: Handler
    commands: tuple[str, ...] = ()  # slash commands (ASCII); the first is the one menus show
    words: Mapping[str, tuple[str, ...]] = field(default_factory=dict)  # lang -> words that invoke it first
    parse: Parser | None = None  # strict argument parser; None: the args are understood like a question
    access: Access = Access.ANYONE
    in_menu: bool = False
    help_key: str | None = None  # defaults to help.<intent>
    usage_key: str | None = None
    examples: tuple[str, ...] = ()  # phrasings for the matcher's similarity fallback ({place}, {ptype}, {amount})
    remembered: bool = False  # a follow-up may continue it ("그럼 베이징은?")
    takes_amount: bool = False  # a badly written amount is this feature's error, not "did you mean"
    stored: bool = False  # its handler reads or writes the database: served off the event loop, within a time limit

    @property
    def help(self) -> str:
        return self.help_key or f"help.{self.intent}"

    @property
    def suggestion(self) -> str:
        return f"suggest.{self.intent}"

    @property
    def menu_command(self) -> str | None:
        """The command menus show (the first one), if the feature is in menus."""
        return self.commands[0] if self.in_menu and self.commands else None

    def menu_keys(self) -> tuple[str, ...]:
        return (f"menu.{self.menu_command}",) if self.menu_command else ()

    def catalog_keys(self) -> tuple[str, ...]:
        """Every catalog key this feature relies on."""
        usage = (self.usage_key,) if self.usage_key else ()
        return (self.help, self.suggestion, *usage, *self.menu_keys())


class Registry:
    def __init__(self, features: Iterable[Feature]) -> None:
        self.features: tuple[Feature, ...] = tuple(features)
        self._by_intent = {f.intent: f for f in self.features}
        self._by_command: dict[str, Feature] = {}
        for feature in self.features:
            for word in (*feature.commands, *(w for ws in feature.words.values() for w in ws)):
                if word in self._by_command:
                    raise ValueError(f"command word {word!r} is declared twice")
                self._by_command[word] = feature
        if len(self._by_intent) != len(self.features):
            raise ValueError("an intent is declared twice")

    def feature(self, intent: str) -> Feature | None:
        return self._by_intent.get(intent)

    def command(self, word: str) -> Feature | None:
        """The feature a slash command or a command word (``help``, ``도움말``, ``帮助``) invokes."""
        return self._by_command.get(word.lower())

    def sub_command(self, name: str, args: str) -> tuple[Feature, str] | None:
        """``/subscribe profile`` (or ``/subscribe 프로필``): the feature declared as ``subscribe_profile``, when
        the first argument is a word of the feature whose command is ``profile``; with the arguments after it."""
        first, _, rest = args.strip().partition(" ")
        other = self.command(first) if first else None
        if other is None or not other.commands:
            return None
        feature = self._by_command.get(f"{name.lower()}_{other.commands[0]}")
        return (feature, rest) if feature is not None else None

    def word(self, text: str) -> Feature | None:
        """The feature a message consisting of one command word invokes ("도움말", "자세히", "help")."""
        word = text.strip().lower()
        return self._by_command.get(word) if word and " " not in word else None

    def command_words(self) -> frozenset[str]:
        return frozenset(self._by_command)

    def menu(self) -> tuple[tuple[str, Feature], ...]:
        """(command, feature) in menu order: the first command of each feature shown in menus."""
        return tuple((f.menu_command, f) for f in self.features if f.menu_command)

    def examples(self) -> dict[str, tuple[str, ...]]:
        return {f.intent: f.examples for f in self.features if f.examples}

    def remembered(self) -> frozenset[str]:
        return frozenset(f.intent for f in self.features if f.remembered)

    def with_feature(self, feature: Feature) -> Registry:
        """A registry with one more feature (tests add throw-away intents this way)."""
        return Registry((*self.features, feature))

    def matcher(self, dataset: Dataset) -> IntentMatcher:
        """The free-text matcher, knowing every intent that declares example phrasings."""
        return IntentMatcher(dataset, self.examples())


def _help(request: Request) -> Reply:
    return help.answer(request, REGISTRY)


FEATURES: tuple[Feature, ...] = (
    Feature(
        I.SUBSIDY_CALC,
        plain(subsidy.answer),
        commands=("subsidy", "calc"),
        parse=subsidy.parse,
        in_menu=True,
        help_key="help.subsidy",
        usage_key="subsidy.usage",
        remembered=True,
        takes_amount=True,
        examples=(
            "{place}에서 {amount} 쓰면 얼마 받아",
            "{amount} 투자하면 {place}에서 얼마 나와",
            "{place} {amount} 계산해줘",
            "if we spend {amount} in {place} how much do we get",
            "{place} {amount} how much back",
            "在{place}花{amount}能补多少",
            "{place}{amount}能拿多少",
        ),
    ),
    Feature(
        I.CITY_OVERVIEW,
        plain(city.answer),
        commands=("city",),
        parse=city.parse,
        in_menu=True,
        help_key="help.city",
        usage_key="city.usage",
        remembered=True,
        examples=(
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
    ),
    Feature(
        I.LIST_CITIES,
        plain(cities.answer),
        commands=("cities", "list"),
        in_menu=True,
        help_key="help.cities",
        examples=("어떤 도시 있어", "지원하는 도시 목록", "which cities do you cover", "支持哪些城市"),
    ),
    Feature(
        I.COMPARE,
        plain(compare.answer),
        commands=("compare",),
        in_menu=True,
        remembered=True,
        takes_amount=True,
        examples=(
            "{place} {place} 중 어디가 더 많이 줘",
            "어디가 {ptype} 제일 많아",
            "{ptype} 비교해줘",
            "which city gives the most for {ptype}",
            "compare {place} and {place}",
            "{place}和{place}哪个好",
        ),
    ),
    Feature(
        I.FX,
        plain(fx.answer),
        commands=("fx",),
        parse=fx.parse,
        in_menu=True,
        remembered=True,
        takes_amount=True,
        examples=(
            "환율 얼마야",
            "위안 원 환율",
            "{amount}은 원화로 얼마",
            "exchange rate",
            "how many won is {amount}",
            "汇率多少",
        ),
    ),
    Feature(
        I.PROGRAM_INFO,
        plain(program_info.answer),
        remembered=True,
        examples=(
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
    ),
    Feature(
        I.COMPUTE_TARGET,
        plain(targets.answer),
        remembered=True,
        examples=("{place} 컴퓨팅 파워 목표", "{place} 목표 규모", "{place} compute target", "{place}算力目标"),
    ),
    Feature(
        I.COMPUTING_CENTER,
        plain(centers.answer),
        remembered=True,
        examples=("{place} 스마트 컴퓨팅 센터", "computing center in {place}", "{place}智算中心"),
    ),
    Feature(
        I.SUBSCRIBE,
        subscribing.subscribe,
        stored=True,
        commands=("subscribe",),
        parse=subscribing.parse_scope,
        access=Access.CHAT_ADMIN,
        in_menu=True,
        examples=("구독할래", "업데이트 알림 받고 싶어", "subscribe this chat", "订阅更新"),
    ),
    Feature(
        I.UNSUBSCRIBE,
        subscribing.unsubscribe,
        stored=True,
        commands=("unsubscribe",),
        access=Access.CHAT_ADMIN,
        in_menu=True,
        examples=("구독 취소", "알림 그만", "unsubscribe", "取消订阅"),
    ),
    Feature(I.SUBSCRIPTIONS, subscribing.subscriptions, commands=("subscriptions",), in_menu=True, stored=True),
    Feature(
        I.ANNOUNCE,
        subscribing.announce,
        stored=True,
        commands=("announce",),
        access=Access.BOT_ADMIN,
        in_menu=True,
        usage_key="announce.usage",
        examples=("공지 보내줘", "전체 공지", "announce to all groups", "发公告"),
    ),
    Feature(
        I.DETAILS,
        details.answer,
        commands=("more", "details"),
        words={"ko": ("자세히", "더보기"), "en": ("--full", "full"), "zh": ("详细", "更多")},
    ),
    Feature(
        I.PROFILE,
        profile.handle,
        stored=True,
        commands=("profile",),
        words={"ko": ("프로필",), "zh": ("企业档案",)},
        in_menu=True,
        usage_key="profile.usage",
    ),  # free messages reach it through bot/core/profile/route.py (no examples: the matcher is not retuned)
    Feature(  # /subscribe profile, and free messages through bot/core/profile/route.py
        profile_subscription.SUBSCRIBE,
        profile_subscription.subscribe,
        stored=True,
        commands=("subscribe_profile",),  # also the Telegram deep link /start subscribe_profile
    ),
    Feature(
        profile_subscription.UNSUBSCRIBE,
        profile_subscription.unsubscribe,
        commands=("unsubscribe_profile",),
        stored=True,
    ),
    Feature(I.LANG, lang_handler.answer, commands=("lang",), in_menu=True, usage_key="lang.usage"),
    Feature(
        I.HELP,
        _help,
        commands=("help", "start"),
        words={"ko": ("도움말",), "zh": ("帮助",)},
        in_menu=True,
        examples=(
            "도움말",
            "어떻게 써",
            "사용법 알려줘",
            "help",
            "how do i use this",
            "what can you do",
            "怎么用",
            "帮助",
        ),
    ),
)

REGISTRY = Registry(FEATURES)
