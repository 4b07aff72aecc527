"""The registry is the one home of every feature: walk it, and add a feature through it alone."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.corpus import SPLITS, load
from bot.app import build_services, fixed_clock
from bot.core.access import Access
from bot.core.dispatch import Responder
from bot.core.i18n import CATALOGS
from bot.core.message import IncomingMessage
from bot.core.registry import REGISTRY, Feature, Registry
from bot.core.reply import Reply, Section
from bot.core.request import Request
from bot.core.services import Services
from bot.settings import Settings
from bot.storage.store import Store
from tests.conftest import TODAY


def _corpus_intents() -> set[str]:
    return {str(row["intent"]) for split in SPLITS for row in load(split)}


@pytest.mark.parametrize("feature", REGISTRY.features, ids=lambda f: f.intent)
def test_every_feature_is_complete(feature: Feature) -> None:
    """A handler; every catalog key in ko/en/zh; corpus rows when it is matched from free text; a way in."""
    assert callable(feature.handler)
    for lang, catalog in CATALOGS.items():
        missing = [key for key in feature.catalog_keys() if key not in catalog]
        assert not missing, (lang, missing)
    if feature.examples:
        assert feature.intent in _corpus_intents(), f"{feature.intent} has no corpus rows"
    assert feature.commands or feature.examples, f"{feature.intent} cannot be reached"


def test_menus_help_and_commands_derive_from_the_registry() -> None:
    """Every menu command routes back to its feature; every command word is unique."""
    menu = REGISTRY.menu()
    assert [name for name, _ in menu][:3] == ["subsidy", "city", "cities"]
    for name, feature in menu:
        assert REGISTRY.command(name) is feature
    assert REGISTRY.command("도움말") is REGISTRY.feature("help")
    assert REGISTRY.command("calc") is REGISTRY.feature("subsidy_calc")


def test_a_word_declared_twice_is_refused() -> None:
    with pytest.raises(ValueError, match="twice"):
        REGISTRY.with_feature(Feature("copy", REGISTRY.features[0].handler, commands=("subsidy",)))


def test_access_rules_are_declared_on_the_features() -> None:
    rules = {f.intent: f.access for f in REGISTRY.features}
    assert rules["subscribe"] is rules["unsubscribe"] is Access.CHAT_ADMIN
    assert rules["announce"] is Access.BOT_ADMIN
    assert rules["subsidy_calc"] is Access.ANYONE


def _fortune(request: Request) -> Reply:
    return Reply(intent="fortune", lang=request.lang, sections=(Section(None, ("행운을 빕니다",)),))


def test_a_throw_away_intent_added_through_the_registry_alone_is_answered(services: Services) -> None:
    """One Feature: its command works, free text like its examples reaches it, and access applies."""
    feature = Feature("fortune", _fortune, commands=("fortune",), examples=("오늘 운세 봐줘", "read my fortune"))
    responder = Responder(services, REGISTRY.with_feature(feature))
    assert responder.answer_now(IncomingMessage("/fortune")).intent == "fortune"
    assert responder.answer_now(IncomingMessage("read my fortune")).intent == "fortune"
    assert responder.answer_now(IncomingMessage("오늘 운세 봐줘")).intent == "fortune"
    guarded = Registry([Feature("fortune", _fortune, commands=("fortune",), access=Access.BOT_ADMIN)])
    refused = Responder(services, guarded).answer_now(IncomingMessage("/fortune"))
    assert refused.error and "BOT_ADMINS" in refused.sections[0].lines[0]


def test_access_is_checked_after_the_intent_whatever_the_wording(services: Services) -> None:
    """A group member is refused for /subscribe and for '구독할래' alike; the admin check is asked lazily."""
    asked: list[str] = []

    async def not_admin() -> bool:
        asked.append("checked")
        return False

    responder = Responder(services)
    for text in ("/subscribe", "이 방 업데이트 구독할래"):
        message = IncomingMessage(text, platform="telegram", chat_id="-1", user_id="5", chat_kind="group",
                                  chat_admin=not_admin)  # fmt: skip
        assert responder.answer_now(message).error
    assert asked == ["checked", "checked"]
    question = IncomingMessage("우한 컴퓨팅 쿠폰 얼마야?", chat_kind="group", chat_admin=not_admin)
    assert not responder.answer_now(question).error and len(asked) == 2  # no rule, no platform call


def test_one_subscribe_names_several_places(tmp_path: Path) -> None:
    """'/subscribe 항저우 닝보 둘다' and '/subscribe wuhan, wuxi' subscribe the chat to each place; an unknown name in
    the list refuses the whole request, as a single unknown name does."""
    store = Store(f"sqlite:///{tmp_path / 'subs.sqlite3'}")
    responder = Responder(build_services(Settings.from_env({}), clock=fixed_clock(TODAY), store=store))
    reply = responder.answer_now(IncomingMessage("/subscribe 항저우 닝보 둘다", chat_id="multi"))
    assert not reply.error and "항저우" in reply.sections[0].lines[0] and "닝보" in reply.sections[0].lines[0]
    assert {(s.scope, s.value) for s in store.subscriptions_of("console", "multi")} == {
        ("city", "hangzhou"),
        ("city", "ningbo"),
    }
    assert not responder.answer_now(IncomingMessage("/subscribe wuhan, wuxi", chat_id="multi")).error
    assert {s.value for s in store.subscriptions_of("console", "multi")} == {"hangzhou", "ningbo", "wuhan", "wuxi"}
    assert responder.answer_now(IncomingMessage("/subscribe 항저우 베를린", chat_id="other")).error
    assert not store.subscriptions_of("console", "other")
