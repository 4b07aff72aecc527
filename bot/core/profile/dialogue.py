"""The profile dialogue: one question at a time, buttons for the common answers, every step answerable in text.

A step is a field of the profile. ``ask:<field>`` walks the fields the profile lacks, in ``ORDER``;
``edit:<field>`` changes one field and then recomputes. Button actions are ``p|set|<field>|<value>``; a
typed answer is read by the same step. Only what the matching needs is asked: the founding year only of
a startup; revenue and headcount only through ``/profile edit`` (no threshold in the data is measured on
them with a figure).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from decimal import Decimal

from bot.core import numbers
from bot.core.i18n import t
from bot.core.profile.model import KINDS, Filed, Profile, SpendKind
from bot.core.profile.parse import amount_of, place_finder
from bot.core.reply import Button, Reply, Section
from bot.core.services import Services
from bot.nlu.aspects import find_traits
from bot.nlu.forms import forms_of, has_any
from bot.nlu.normalize import normalize
from bot.nlu.slots import find_year

INTENT = "profile"
ORDER = ("city", "kinds", "founded", "filed", *(kind.value for kind in SpendKind))
EDITABLE = (*ORDER, "revenue", "headcount")
COMMON_CITIES = ("shanghai", "shenzhen", "beijing", "hangzhou")
COMMON_KINDS = ("sme", "startup", "model_developer", "opc")
COMMON_SPENDS = (Decimal(1_000_000), Decimal(5_000_000), Decimal(10_000_000))
NONE = "-"
NONE_FORMS = forms_of(
    "없음 없어요 없어 없습니다 해당없음 미정 안써 안씀 아니요 skip none nothing no nope n/a na undecided notyet "
    "没有 无 不用 未定 跳过 都不是"
)
YES_FORMS = forms_of("예 네 응 완료 했어 했습니다 됐어 yes yep filed done 是 有 已 完成 备案了")
NO_FORMS = forms_of("아니 아직 안했 미등록 no not 没有 未 否 还没")
UNSURE_FORMS = forms_of("모름 모르 몰라 unsure unknown notsure dontknow 不知道 不确定 不清楚")


@dataclass(frozen=True)
class Step:
    mode: str  # ask: walk the missing fields; edit: change one field, then show the answer
    field: str

    def encode(self) -> str:
        return f"{self.mode}:{self.field}"


def decode(value: str | None) -> Step | None:
    if not value or ":" not in value:
        return None
    mode, name = value.split(":", 1)
    return Step(mode, name) if mode in ("ask", "edit") and name in (*EDITABLE, "spend") else None


def needed(profile: Profile, name: str) -> bool:
    """Whether the walk asks for ``name`` (not asked yet, and relevant)."""
    if name in profile.asked:
        return False
    if name == "city":
        return profile.city is None
    if name == "kinds":
        return not profile.kinds
    if name == "founded":
        return "startup" in profile.kinds and profile.founded is None
    if name == "filed":
        return profile.filed is Filed.UNKNOWN
    return profile.spend(SpendKind(name)) is None if name in {k.value for k in SpendKind} else False


def next_step(profile: Profile) -> Step | None:
    return next((Step("ask", name) for name in ORDER if needed(profile, name)), None)


def _button(lang: str, key: str, name: str, value: str, **params: object) -> Button:
    return Button(t(lang, key, **params), f"p|set|{name}|{value}")


def _buttons(services: Services, name: str, lang: str) -> tuple[Button, ...]:
    if name == "city":
        places = services.dataset.places
        cities = [_button(lang, "profile.answer.place", name, s, place=places[s].names.get(lang))
                  for s in COMMON_CITIES if s in places]  # fmt: skip
        return (*cities, _button(lang, "profile.answer.undecided", name, NONE))
    if name == "kinds":
        kinds = [_button(lang, f"trait.{k}", name, k) for k in COMMON_KINDS]
        return (*kinds, _button(lang, "profile.answer.none_of_these", name, NONE))
    if name == "founded":
        year = services.clock().year
        years = [_button(lang, "profile.answer.year", name, str(y), year=y) for y in range(year, year - 4, -1)]
        return (*years, _button(lang, "profile.answer.skip", name, NONE))
    if name == "filed":
        return tuple(_button(lang, f"filed.{f.value}", name, f.value) for f in Filed)
    if name in {k.value for k in SpendKind} or name == "revenue":
        amounts = [_button(lang, "profile.answer.amount", name, str(int(a)), amount=numbers.cny(a, lang))
                   for a in COMMON_SPENDS]  # fmt: skip
        return (_button(lang, "profile.answer.none", name, "0"), *amounts)
    if name == "spend":
        return tuple(Button(t(lang, f"spend.{k.value}"), f"p|edit|{k.value}") for k in SpendKind)
    return (_button(lang, "profile.answer.skip", name, NONE),)


def question(services: Services, step: Step, profile: Profile, lang: str, note: str | None = None) -> Reply:
    """The question of ``step``, with buttons for its common answers (and any note on the last answer)."""
    lines = [note] if note else []
    if step.mode == "ask":
        position = [n for n in ORDER if needed(profile, n) or n == step.field]
        done = len([n for n in ORDER if n in profile.asked])
        lines.append(t(lang, "profile.progress", step=done + 1, total=done + len(position)))
    lines.append(t(lang, f"profile.q.{step.field}"))
    lines.append(t(lang, "profile.q.hint"))
    return Reply(intent=INTENT, lang=lang, sections=(Section(None, tuple(lines)),),
                 buttons=_buttons(services, step.field, lang))  # fmt: skip


def _place(services: Services, text: str) -> tuple[str, str | None] | None:
    ref = services.gazetteer.resolve(text)
    if ref is None:
        mentions = place_finder(services.dataset).find(normalize(text)).mentions
        ref = mentions[0].ref if mentions else None
    return (ref.place, ref.district) if ref is not None else None


def _filed(text: str) -> Filed | None:
    norm = normalize(text)
    if text in {f.value for f in Filed}:
        return Filed(text)
    if has_any(norm, UNSURE_FORMS):
        return Filed.UNKNOWN
    if has_any(norm, NO_FORMS):
        return Filed.NO
    return Filed.YES if has_any(norm, YES_FORMS) else None


def _none(text: str) -> bool:
    return text.strip() in (NONE, "0") or has_any(normalize(text), NONE_FORMS)


def apply(services: Services, profile: Profile, name: str, text: str) -> Profile | None:
    """The profile with the answer to ``name`` (a button value or typed text); None when it does not read."""
    asked = replace(profile, asked=profile.asked | {name})
    if name == "city":
        if _none(text):
            return replace(asked, city=None, district=None)
        found = _place(services, text)
        return replace(asked, city=found[0], district=found[1]) if found else None
    if name == "kinds":
        kinds = frozenset({text}) if text in KINDS else find_traits(normalize(text))
        if kinds:
            return replace(asked, kinds=kinds)
        return replace(asked, kinds=frozenset()) if _none(text) else None
    if name == "founded":
        if _none(text):
            return asked
        year = int(text) if text.isdigit() and len(text) == 4 else find_year(normalize(text))
        return replace(asked, founded=year) if year is not None else None
    if name == "filed":
        filed = _filed(text)
        return replace(asked, filed=filed) if filed is not None else None
    if name == "headcount":
        digits = "".join(ch for ch in text if ch.isdigit())
        return replace(asked, headcount=int(digits)) if digits and len(digits) <= 7 else None
    amount = Decimal(text) if text.isdigit() else amount_of(services.fx, text)
    if amount is None and not _none(text):
        return None
    if name == "revenue":
        return replace(asked, revenue=amount if amount else None)
    return asked.with_spend(SpendKind(name), amount) if name in {k.value for k in SpendKind} else None
