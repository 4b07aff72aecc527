"""``subsidybot``: run the bot, ask one question, or check the data. Parses arguments, then calls app."""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import json
import logging
import sys
from collections.abc import Sequence
from decimal import Decimal
from typing import Any, TextIO

from bot.app import build_responder, build_services, open_store
from bot.core.dispatch import Responder
from bot.core.language import LANGS
from bot.core.message import IncomingMessage
from bot.core.render_plain import render_brief, render_plain
from bot.core.reply import Reply
from bot.domain.dataset import Dataset, DatasetError, load_dataset
from bot.domain.fx import FxConfigError
from bot.logging_setup import configure_logging, redact
from bot.nlu.query import Query
from bot.settings import ConfigError, Settings

EXIT_CONFIG = 2


def frame_json(query: Query | None) -> dict[str, Any] | None:
    """What was understood: the act, places with their roles, types, aspect, amount and role, traits, parts."""
    if query is None:
        return None
    places = [
        *({"place": r.place, "district": r.district, "role": "asked"} for r in query.places),
        *({"place": r.place, "district": r.district, "role": "excluded"} for r in query.excluded),
        *({"name": o.name, "kind": o.kind, "role": "not_covered", "near": o.near.place if o.near else None}
          for o in query.outside),
    ]  # fmt: skip
    money = query.money
    amount = None
    if money is not None:
        amount = {"value": _number(money.amount), "currency": money.currency.value, "role": query.amount_role}
    return {
        "act": query.intent,
        "places": places,
        "types": sorted(p.value for p in query.ptypes),
        "aspect": query.aspect,
        "amount": amount,
        "traits": sorted(query.traits),
        "parts": list(query.parts),
    }


def _number(value: Decimal) -> int | float:
    return int(value) if value == value.to_integral_value() else float(value)


def reply_json(reply: Reply) -> str:
    """One answer as one JSON line: intent, city, lang, text, calculation, sources; headline and frame."""
    payload = {
        "intent": reply.intent,
        "city": reply.city,
        "lang": reply.lang,
        "text": render_plain(reply),
        "headline": list(reply.headline),
        "frame": frame_json(reply.query),
        "calculation": list(reply.calculation),
        "sources": [
            {
                "n": c.number,
                "id": c.source_id,
                "title": c.title,
                "publisher": c.publisher,
                "url": c.url,
                "date": c.date.isoformat() if c.date else None,
                "reliability": c.reliability,
            }
            for c in reply.sources
        ],
    }
    return json.dumps(payload, ensure_ascii=False)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="subsidybot", description="Chinese local-government AI subsidy bot")
    sub = parser.add_subparsers(dest="command")
    sub.add_parser("run", help="start the bot (Telegram/Slack when tokens are set, else the console chat)")
    ask = sub.add_parser("ask", help="answer one question, or one per stdin line")
    ask.add_argument("--json", action="store_true", help="one JSON object per answer")
    ask.add_argument("--lang", choices=LANGS, help="answer in this language")
    ask.add_argument("--conversation", action="store_true", help="stdin lines are one chat: follow-ups continue")
    ask.add_argument("--full", action="store_true", help="whole answers: math, conditions, other programs, sources")
    ask.add_argument("text", nargs="*", help="the question; none: read stdin")
    data = sub.add_parser("data", help="dataset tools")
    data_sub = data.add_subparsers(dest="data_command", required=True)
    data_sub.add_parser("check", help="validate data/ and print a summary")
    data_sub.add_parser("reload", help="validate data/ and queue announcements of what changed since the last run")
    sub.add_parser("config", help="print the effective configuration (secrets masked) and check it")
    sub.add_parser("health", help="exit 0 when the running bot (or, without HTTP, the data) is healthy")
    announce = sub.add_parser("announce", help="queue an announcement to every subscribed chat")
    announce.add_argument("text", help="the announcement")
    announce.add_argument("--city", help="only subscribers of this city (and of everything)")
    announce.add_argument("--dry-run", action="store_true", help="count the recipients, queue nothing")
    return parser


async def _ask(
    responder: Responder,
    texts: Sequence[str] | TextIO,
    as_json: bool,
    lang: str | None,
    out: TextIO,
    conversation: bool = False,
    full: bool = False,
) -> None:
    """Each line is its own chat (a file of unrelated questions is not one conversation), unless
    ``conversation``: then follow-ups ("그럼 베이징은?") continue the line before."""
    for number, raw in enumerate(texts):
        text = raw.rstrip("\n")
        chat = "ask" if conversation else f"ask-{number}"
        reply = await responder.answer(IncomingMessage(text=text, lang=lang, chat_id=chat))
        out.write((reply_json(reply) if as_json else render_plain(reply) if full else render_brief(reply)) + "\n")
        if not as_json:
            out.write("\n")
        out.flush()


def _load(settings: Settings, failure: str) -> Dataset | None:
    """The validated dataset, or None after saying on stderr why it was refused."""
    try:
        return load_dataset(settings.data_dir)
    except DatasetError as error:
        print(f"{failure}: {error}", file=sys.stderr)
        return None


def _config(settings: Settings, out: TextIO) -> int:
    from bot.serve import check
    from bot.settings import describe

    for name, value in describe(settings):
        out.write(f"{name.upper():24} {value}\n")
    check(settings)  # raises ConfigError, reported by main()
    mode = " and ".join(settings.platforms) or "console"
    out.write(f"configuration: OK ({mode})\n")
    return 0


def _health(settings: Settings) -> int:
    """For container health checks: the HTTP server's /healthz when one runs, else the data must load."""
    import urllib.request

    http_mode = settings.telegram_webhook_url or (settings.slack_bot_token and not settings.slack_app_token)
    if http_mode:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{settings.port}/healthz", timeout=3) as response:
                return 0 if response.status == 200 else 1
        except OSError:
            return 1
    return 0 if _load(settings, "unhealthy") is not None else 1


def _data_check(settings: Settings, out: TextIO) -> int:
    from bot.domain.summary import summarize

    dataset = _load(settings, "data check failed")
    if dataset is None:
        return 1
    out.write(summarize(dataset, settings.today) + "\n")
    return 0


def _data_reload(settings: Settings, out: TextIO) -> int:
    """Validate first: a broken data directory changes nothing and says why."""
    from bot.announce import announce_data_changes

    dataset = _load(settings, "data reload refused, the data is unchanged")
    if dataset is None:
        return 1
    store = open_store(settings)
    today = settings.today or dt.date.today()
    queued = announce_data_changes(store, dataset, today, settings.reminder_days)
    out.write(f"data reload: OK, {len(dataset.programs)} programs; {queued} change announcements queued\n")
    return 0


def _announce(settings: Settings, text: str, city: str | None, dry_run: bool, out: TextIO) -> int:
    from bot.domain.gazetteer import Gazetteer

    slug = None
    if city:
        ref = Gazetteer(load_dataset(settings.data_dir)).resolve(city)
        if ref is None:
            print(f"subsidybot: unknown city {city!r}", file=sys.stderr)
            return EXIT_CONFIG
        slug = ref.place
    store = open_store(settings)
    if dry_run:
        out.write(f"dry run: {store.recipients(slug)} chats would receive it\n")
        return 0
    announcement_id, count = store.announce("admin", text, slug, "cli")
    out.write(f"announcement #{announcement_id} queued for {count} chats; the running bot delivers it\n")
    return 0


def _run(settings: Settings) -> int:
    if settings.platforms:
        from bot.serve import check, serve

        check(settings)
        try:
            services = build_services(settings, store=open_store(settings))
            asyncio.run(serve(settings, Responder(services), services))
        except Exception as error:  # startup failures end the process with one clear line, secrets redacted
            what = " and ".join(settings.platforms)
            print(f"subsidybot: {what} failed: {redact(str(error), settings.secrets)}", file=sys.stderr)
            return 1
        return 0
    from bot.adapters.console.chat import run_console

    run_console(build_responder(settings))
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        settings = Settings.from_env()
        configure_logging(settings.log_level, settings.secrets, settings.log_format)
        if args.command == "data" and args.data_command == "reload":
            return _data_reload(settings, sys.stdout)
        if args.command == "data":
            return _data_check(settings, sys.stdout)
        if args.command == "config":
            return _config(settings, sys.stdout)
        if args.command == "health":
            return _health(settings)
        if args.command == "announce":
            return _announce(settings, args.text, args.city, args.dry_run, sys.stdout)
        if args.command == "ask":
            responder = build_responder(settings)
            texts: Sequence[str] | TextIO = [" ".join(args.text)] if args.text else sys.stdin
            asyncio.run(_ask(responder, texts, args.json, args.lang, sys.stdout, args.conversation, args.full))
            return 0
        return _run(settings)
    except (ConfigError, FxConfigError, DatasetError) as error:
        print(f"subsidybot: {error}", file=sys.stderr)
        return EXIT_CONFIG
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0


def entry() -> None:
    """Console-script entry point."""
    logging.captureWarnings(True)
    sys.exit(main())
