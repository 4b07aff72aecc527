"""``/profile``: start the dialogue or show the profile; ``edit [field]``, ``delete``, ``cancel``; free text.

Company facts are never asked for or shown in a group: there the answer is one line saying the bot went on
in a direct message, and the real reply is handed to the adapter as ``Reply.private`` for the sender alone.
"""

from __future__ import annotations

import re
from dataclasses import replace

from bot.core.i18n import t
from bot.core.profile import dialogue, words
from bot.core.profile.answer import answer as matching_answer
from bot.core.profile.dialogue import Step
from bot.core.profile.match import match
from bot.core.profile.model import Profile, from_json, to_json
from bot.core.profile.parse import parse
from bot.core.reply import Button, Reply, Section
from bot.core.request import Request
from bot.domain.errors import UserFacingError

INTENT = "profile"
VERBS = {
    **dict.fromkeys(("show", "보기", "조회", "查看", "显示"), "show"),
    **dict.fromkeys(("match", "answer", "결과", "계산", "结果", "匹配"), "match"),
    **dict.fromkeys(("edit", "change", "수정", "편집", "변경", "编辑", "修改"), "edit"),
    **dict.fromkeys(("delete", "remove", "erase", "삭제", "删除"), "delete"),
    **dict.fromkeys(("cancel", "stop", "취소", "그만", "取消"), "cancel"),
    "set": "set",
}
FIELDS = {
    **dict.fromkeys(("city", "place", "도시", "지역", "城市", "地点"), "city"),
    **dict.fromkeys(("kinds", "kind", "type", "유형", "종류", "类型"), "kinds"),
    **dict.fromkeys(("founded", "year", "설립", "설립연도", "成立", "成立年份"), "founded"),
    **dict.fromkeys(("filed", "filing", "등록", "备案"), "filed"),
    **dict.fromkeys(("compute", "컴퓨팅", "算力"), "compute"),
    **dict.fromkeys(("model", "모델", "模型"), "model"),
    **dict.fromkeys(("data", "corpus", "데이터", "코퍼스", "数据", "语料"), "data"),
    **dict.fromkeys(("scenario", "시나리오", "场景"), "scenario"),
    **dict.fromkeys(("revenue", "매출", "营收"), "revenue"),
    **dict.fromkeys(("headcount", "employees", "직원", "인원", "人数", "员工"), "headcount"),
    **dict.fromkeys(("spend", "spends", "지출", "支出"), "spend"),
}
YES = ("yes", "예", "네", "确认", "是")
WRITTEN = re.compile(r"[\uac00-\ud7a3\u4e00-\u9fff]")  # Hangul or Han: the message's own language decides


def _reply(lang: str, *lines: str, buttons: tuple[Button, ...] = (), error: bool = False) -> Reply:
    return Reply(intent=INTENT, lang=lang, sections=(Section(None, lines),), buttons=buttons, error=error)


class Session:
    """One user's profile and dialogue, read once per message and saved as it changes."""

    def __init__(self, request: Request) -> None:
        self.request = request
        self.services = request.services
        self.user = request.message.user_key
        stored = self.services.profiles.get(self.user)
        written = WRITTEN.search(request.query.text)  # a button or "/profile" alone keeps the dialogue's language
        self.lang = request.lang if written or stored is None else stored.lang or request.lang
        self.existed = stored is not None
        self.profile = from_json(stored.data) if stored is not None else Profile()
        self.step = dialogue.decode(stored.step) if stored is not None else None

    def save(self, profile: Profile, step: Step | None) -> None:
        self.profile, self.step = profile, step
        self.services.profiles.put(self.user, to_json(profile), step.encode() if step else None, self.lang)

    def ask(self, step: Step, note: str | None = None) -> Reply:
        self.save(self.profile, step)
        return dialogue.question(self.services, step, self.profile, self.lang, note)

    def results(self) -> Reply:
        self.save(self.profile, None)
        matching = match(self.services.dataset, self.profile, self.services.clock())
        return matching_answer(self.services, matching, self.lang)

    def show(self) -> Reply:
        """The profile; a new one starts the dialogue, and an open dialogue asks its question again."""
        if not self.existed:
            return self.start()
        if self.step is not None:
            return self.ask(self.step)
        lines = (t(self.lang, "profile.title"), *words.summary(self.services, self.profile, self.lang),
                 t(self.lang, "profile.stored"))  # fmt: skip
        buttons = (
            Button(t(self.lang, "profile.button.match"), "p|match"),
            Button(t(self.lang, "profile.button.edit"), "p|edit"),
            Button(t(self.lang, "profile.button.delete"), "p|delete"),
        )
        return _reply(self.lang, *lines, buttons=buttons)

    def start(self, note: str | None = None) -> Reply:
        step = dialogue.next_step(self.profile)
        if step is None:
            return self.results()
        intro = note or t(self.lang, "profile.intro")
        return self.ask(step, intro)

    def after(self, profile: Profile, mode: str) -> Reply:
        """An answer was taken: the next question of the walk, or the recomputed answer."""
        self.profile = profile
        following = dialogue.next_step(profile) if mode == "ask" else None
        return self.ask(following) if following is not None else self.results()

    def answer_step(self, name: str, text: str, mode: str) -> Reply:
        if name == "spend":
            field = FIELDS.get(text.strip().lower())
            if field in {k for k in dialogue.ORDER if k not in ("city", "kinds", "founded", "filed")}:
                return self.ask(Step("edit", field))
            return self.ask(Step("edit", "spend"), t(self.lang, "profile.not_understood"))
        updated = dialogue.apply(self.services, self.profile, name, text)
        if updated is None:
            return self.ask(Step(mode, name), t(self.lang, "profile.not_understood"))
        return self.after(updated, mode)

    def edit(self, name: str | None) -> Reply:
        if name is None:
            buttons = tuple(
                Button(t(self.lang, f"profile.field_name.{n}"), f"p|edit|{n}") for n in ("city", "kinds", "filed")
            )
            spend = Button(t(self.lang, "profile.button.spend"), "p|edit|spend")
            return _reply(self.lang, t(self.lang, "profile.edit_which"), buttons=(*buttons, spend))
        return self.ask(Step("edit", name))

    def delete(self, confirmed: bool) -> Reply:
        if not confirmed:
            buttons = (Button(t(self.lang, "profile.button.delete_yes"), "p|delete|yes"),
                       Button(t(self.lang, "profile.button.cancel"), "p|cancel"))  # fmt: skip
            return _reply(self.lang, t(self.lang, "profile.delete_confirm"), buttons=buttons)
        erased = self.services.profiles.delete(self.user)
        message = self.request.message
        for chat in {message.chat_key, f"{message.platform}:{message.user_id}"}:
            self.services.recent.forget(chat, INTENT)
        return _reply(self.lang, t(self.lang, "profile.deleted" if erased else "profile.nothing_to_delete"))

    def free_text(self, text: str) -> Reply:
        parsed = parse(self.services.dataset, self.services.fx, text)
        if parsed.profile.empty and parsed.problems:
            raise UserFacingError.of(parsed.problems[0])
        profile = self.profile.merged(parsed.profile)
        if self.step is not None and parsed.profile.empty:
            return self.ask(self.step, t(self.lang, "profile.not_understood"))
        if parsed.profile.empty:  # "우리 회사 뭐 받을 수 있어?": the stored profile's answer, or the first question
            return self.results() if self.profile.spends else self.start()
        self.profile = profile
        if not profile.spends:
            return self.start(t(self.lang, "profile.understood", facts=" · ".join(words.summary(
                self.services, profile, self.lang)[:2])))  # fmt: skip
        return self.results()


def _private(request: Request) -> Reply:
    session = Session(request)
    args = request.query.args.split()
    verb = VERBS.get(args[0].lower()) if args else "show"
    rest = args[1:]
    if verb == "show":
        return session.show()
    if verb == "match":
        return session.results() if session.existed else session.start()
    if verb == "edit":
        return session.edit(FIELDS.get(rest[0].lower()) if rest else None)
    if verb == "delete":
        return session.delete(bool(rest) and rest[0].lower() in YES)
    if verb == "cancel":
        session.save(session.profile, None)
        return _reply(request.lang, t(request.lang, "profile.cancelled"))
    if verb == "set" and len(rest) >= 2 and rest[0] in (*dialogue.EDITABLE, "spend"):
        step = session.step
        mode = step.mode if step is not None and step.field == rest[0] else "edit"
        if step is not None and step.mode == "ask":
            mode = "ask"
        return session.answer_step(rest[0], " ".join(rest[1:]), mode)
    text = request.query.args
    step = session.step
    if step is not None:
        reply = session.answer_step(step.field, text, step.mode)
        if reply.sections and session.step == step and parse_fits(request, text):
            return session.free_text(text)
        return reply
    return session.free_text(text)


def parse_fits(request: Request, text: str) -> bool:
    """A typed message that did not answer the waiting question but describes the company itself."""
    return not parse(request.services.dataset, request.services.fx, text).profile.empty


def handle(request: Request) -> Reply:
    reply = _private(request)
    if request.message.chat_kind == "private":
        return reply
    notice = _reply(request.lang, t(request.lang, "profile.in_dm"))
    return replace(notice, private=reply)
