"""``subsidybot``: run the bot, ask one question, or check the data. Parses arguments, then calls app."""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import json
import logging
import os
import signal
import stat
import sys
from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any, TextIO

from bot import ask_workers
from bot.app import build_responder, build_services, database_url, open_store, responder_for, settle
from bot.core.dispatch import Responder
from bot.core.language import LANGS
from bot.core.message import IncomingMessage
from bot.core.render_plain import render_brief, render_plain
from bot.core.reply import Reply
from bot.domain.dataset import Dataset, DatasetError, load_dataset
from bot.domain.fx import FxConfigError
from bot.logging_setup import configure_logging, redact
from bot.nlu.query import Query
from bot.retry import StartupError
from bot.settings import ConfigError, Settings

EXIT_CONFIG = 2  # a setting or the data is wrong: systemd does not restart (RestartPreventExitStatus=2)
EXIT_FAILURE = 1  # start-up failed for a passing reason (unreachable API or database): restart later


def version() -> str:
    from importlib.metadata import PackageNotFoundError
    from importlib.metadata import version as installed

    try:
        return installed("subsidybot")
    except PackageNotFoundError:
        return "unknown (not installed)"


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
        "program": query.program,  # named by its title, if one was
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
        "total_cny": next((row.get("total_cny") for row in reply.calculation), None),
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
    parser.add_argument("--version", action="version", version=f"subsidybot {version()}")
    sub = parser.add_subparsers(dest="command")
    sub.add_parser("run", help="start the bot (Telegram/Slack when tokens are set, else the console chat)")
    ask = sub.add_parser("ask", help="answer one question, or one per stdin line")
    ask.add_argument("--json", action="store_true", help="one JSON object per answer")
    ask.add_argument("--lang", choices=LANGS, help="answer in this language")
    ask.add_argument("--conversation", action="store_true", help="stdin lines are one chat: follow-ups continue")
    ask.add_argument("--full", action="store_true", help="whole answers: math, conditions, other programs, sources")
    ask.add_argument(
        "--workers",
        type=int,
        default=0,
        metavar="N",
        help="processes answering piped stdin (default: one per core; 1: this process only)",
    )
    ask.add_argument("text", nargs="*", help="the question; none: read stdin")
    data = sub.add_parser("data", help="dataset tools")
    data_sub = data.add_subparsers(dest="data_command", required=True)
    data_sub.add_parser("check", help="validate data/ and print a summary")
    data_sub.add_parser("reload", help="validate data/, then make the running bot reload it (SIGHUP via its pid file)")
    sub.add_parser("config", help="print the effective configuration (secrets masked, with sources) and check it")
    sub.add_parser("health", help="exit 0 when the running bot's /healthz says ok (without a server: the data loads)")
    db = sub.add_parser("db", help="database tools")
    db_sub = db.add_subparsers(dest="db_command", required=True)
    backup = db_sub.add_parser("backup", help="copy the SQLite database to PATH (VACUUM INTO); PostgreSQL: pg_dump")
    backup.add_argument("path", help="the backup file to create (it must not exist)")
    announce = sub.add_parser("announce", help="queue an announcement to every subscribed chat")
    announce.add_argument("text", help="the announcement")
    announce.add_argument("--city", help="only subscribers of this city (and of everything)")
    announce.add_argument("--dry-run", action="store_true", help="count the recipients, queue nothing")
    return parser


def _rendered(reply: Reply, as_json: bool, full: bool) -> str:
    """One answer as ``ask`` prints it: a JSON line, or the text and a blank line."""
    if as_json:
        return reply_json(reply) + "\n"
    return (render_plain(reply) if full else render_brief(reply)) + "\n\n"


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
        out.write(_rendered(reply, as_json, full))
        out.flush()


def _ask_in_workers(responder: Responder, as_json: bool, lang: str | None, full: bool, workers: int) -> None:
    """``_ask`` over stdin in ``workers`` forked processes, the answers in the lines' order."""
    loop: asyncio.AbstractEventLoop | None = None

    def answer(number: int, text: str) -> str:
        nonlocal loop
        loop = loop or asyncio.new_event_loop()  # one per worker, made after the fork
        message = IncomingMessage(text=text, lang=lang, chat_id=f"ask-{number}")
        return _rendered(loop.run_until_complete(responder.answer(message)), as_json, full)

    sys.stdout.flush()
    ask_workers.answer_lines(answer, sys.stdin.buffer, sys.stdout.buffer, workers)


MAX_ASK_WORKERS = 8  # past this, the parent's reading and writing, not answering, is what limits the rate


def _piped(stream: TextIO) -> bool:
    """Standard input is a real pipe or file (not a terminal, not a test's in-memory text)."""
    try:
        return not stream.isatty() and stream.fileno() >= 0 and hasattr(stream, "buffer")
    except (OSError, ValueError, AttributeError):
        return False


def _workers(requested: int, conversation: bool, piped: bool) -> int:
    """How many processes answer: one for a conversation (its lines depend on each other), for a terminal or a
    single question, and where the system cannot fork; else as asked, by default one per core."""
    if conversation or not piped or not ask_workers.available():
        return 1
    return requested if requested > 0 else min(os.cpu_count() or 1, MAX_ASK_WORKERS)


def _load(settings: Settings, failure: str) -> Dataset | None:
    """The validated dataset, or None after saying on stderr why it was refused."""
    try:
        return load_dataset(settings.data_dir)
    except DatasetError as error:
        print(f"{failure}: {error}", file=sys.stderr)
        return None


def _config(settings: Settings, out: TextIO) -> int:
    from bot.settings import describe

    for name, value, origin in describe(settings):
        out.write(f"{name:30} {value:44} {origin}\n")
    dataset = _load(settings, "configuration: the data does not load")
    if dataset is None:
        return EXIT_CONFIG
    out.write(f"configuration: OK ({_mode(settings)}); data: {len(dataset.programs)} programs\n")
    return 0


def _mode(settings: Settings) -> str:
    """What `run` will do with these settings, in words."""
    parts = []
    if settings.telegram_bot_token:
        parts.append("telegram " + ("webhook" if settings.telegram_webhook_url else "polling"))
    if settings.slack_bot_token:
        parts.append("slack " + ("socket mode" if settings.slack_app_token else "http"))
    return " and ".join(parts) or "console"


def _local(host: str) -> str:
    return {"0.0.0.0": "127.0.0.1", "::": "::1", "": "127.0.0.1"}.get(host, host)


def _health(settings: Settings, out: TextIO) -> int:
    """For container health checks: the running bot's /healthz (metrics server, else the public one); with
    neither configured, the data must load."""
    import urllib.error
    import urllib.request

    if settings.metrics_port:
        url = f"http://{_local(settings.metrics_host)}:{settings.metrics_port}/healthz"
    elif settings.http_needed:
        url = f"http://{_local(settings.host)}:{settings.port}/healthz"
    else:
        return 0 if _load(settings, "unhealthy") is not None else 1
    try:
        with urllib.request.urlopen(url, timeout=3) as response:
            out.write(response.read().decode("utf-8", "replace") + "\n")
            return 0 if response.status == 200 else 1
    except urllib.error.HTTPError as error:
        out.write(error.read().decode("utf-8", "replace") + "\n")
        return 1
    except OSError as error:
        print(f"unhealthy: {url}: {getattr(error, 'reason', error)}", file=sys.stderr)
        return 1


def _data_check(settings: Settings, out: TextIO) -> int:
    from bot.domain.summary import summarize

    dataset = _load(settings, "data check failed")
    if dataset is None:
        return EXIT_CONFIG
    out.write(summarize(dataset, settings.today) + "\n")
    return 0


def _data_reload(settings: Settings, out: TextIO) -> int:
    """Validate first: a broken data directory changes nothing and says why. Then SIGHUP the running bot
    (its pid file in the state directory), which reloads and announces what changed; with no bot running,
    queue the announcements here for the next start."""
    from bot import pidfile
    from bot.announce import announce_data_changes

    dataset = _load(settings, "data reload refused, the data is unchanged")
    if dataset is None:
        return EXIT_CONFIG
    pid = pidfile.running_pid(settings.effective_state_dir)
    if pid is not None:
        os.kill(pid, signal.SIGHUP)
        out.write(f"data reload: OK, {len(dataset.programs)} programs; the running bot (pid {pid}) was told to "
                  "reload and announces what changed\n")  # fmt: skip
        return 0
    store = open_store(settings)
    today = settings.today or dt.date.today()
    queued = announce_data_changes(store, dataset, today, settings.reminder_days)
    out.write(f"data reload: OK, {len(dataset.programs)} programs; {queued} change announcements queued; "
              "no running bot found, it uses the new data when it starts\n")  # fmt: skip
    return 0


def _db_backup(settings: Settings, target: str, out: TextIO) -> int:
    """SQLite: VACUUM INTO a new file (a consistent copy while the bot runs). PostgreSQL: say how (pg_dump)."""
    import sqlite3
    from urllib.parse import unquote

    url = database_url(settings)
    if not url.startswith("sqlite:///"):
        print("subsidybot: db backup copies SQLite only; for PostgreSQL use pg_dump, e.g. "
              "pg_dump --format=custom --file=PATH \"$DATABASE_URL\" (with the +psycopg removed from the URL)",
              file=sys.stderr)  # fmt: skip
        return EXIT_CONFIG
    source = Path(unquote(url.removeprefix("sqlite:///").split("?")[0]))
    path = Path(target)
    if not source.is_file():
        print(f"subsidybot: no database at {source}", file=sys.stderr)
        return EXIT_CONFIG
    if path.exists():
        print(f"subsidybot: {path} exists; a backup never overwrites a file", file=sys.stderr)
        return EXIT_CONFIG
    connection = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    try:
        connection.execute("VACUUM INTO ?", (str(path),))
    except sqlite3.Error as error:
        print(f"subsidybot: backup failed: {error}", file=sys.stderr)
        return EXIT_FAILURE
    finally:
        connection.close()
    out.write(f"backup: {path} ({path.stat().st_size} bytes) from {source}\n")
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


def _stdin_can_chat() -> bool:
    """A terminal, a pipe or a file: the console has something to read. /dev/null or closed (compose, systemd):
    it has not, and a bot that read nothing and exited 0 would be restarted in a silent loop."""
    try:
        mode = os.fstat(sys.stdin.fileno()).st_mode
    except (OSError, ValueError, AttributeError):
        return False
    return sys.stdin.isatty() or stat.S_ISFIFO(mode) or stat.S_ISREG(mode) or stat.S_ISSOCK(mode)


NOTHING_TO_SERVE = ("no TELEGRAM_BOT_TOKEN or SLACK_BOT_TOKEN is set and standard input is not a terminal: "
                    "nothing to serve (set a token, see deploy/.env.example; or run it in a terminal for the "
                    "console chat)")  # fmt: skip


def _run(settings: Settings) -> int:
    log = logging.getLogger("bot.cli")
    if not settings.platforms:
        if not _stdin_can_chat():
            print(f"subsidybot: {NOTHING_TO_SERVE}", file=sys.stderr)
            return EXIT_CONFIG
        from bot.adapters.console.chat import run_console

        responder = build_responder(settings)
        settle()
        run_console(responder)
        return 0
    from bot.serve import serve

    log.info("subsidybot %s starting: %s; database %s", version(), _mode(settings),
             "PostgreSQL" if database_url(settings).startswith("postgresql") else database_url(settings))  # fmt: skip
    try:
        services = build_services(settings, store=open_store(settings, retry=True))
        responder = responder_for(services)
        settle()
        asyncio.run(serve(settings, responder, services))
    except (ConfigError, DatasetError):
        raise  # exit 2, reported by main()
    except StartupError as error:
        print(f"subsidybot: start-up failed: {redact(str(error), settings.secrets)}", file=sys.stderr)
        return EXIT_FAILURE
    except Exception as error:  # anything else ends the process with one clear line, secrets redacted
        log.debug("start-up failed", exc_info=error)
        print(f"subsidybot: failed: {type(error).__name__}: {redact(str(error), settings.secrets)}", file=sys.stderr)
        return EXIT_FAILURE
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
            return _health(settings, sys.stdout)
        if args.command == "db":
            return _db_backup(settings, args.path, sys.stdout)
        if args.command == "announce":
            return _announce(settings, args.text, args.city, args.dry_run, sys.stdout)
        if args.command == "ask":
            responder = build_responder(settings)
            settle()
            texts: Sequence[str] | TextIO = [" ".join(args.text)] if args.text else sys.stdin
            workers = _workers(args.workers, args.conversation, not args.text and _piped(sys.stdin))
            if workers > 1:
                _ask_in_workers(responder, args.json, args.lang, args.full, workers)
            else:
                asyncio.run(_ask(responder, texts, args.json, args.lang, sys.stdout, args.conversation, args.full))
            return 0
        return _run(settings)
    except ConfigError as error:
        for line in error.lines:
            print(f"subsidybot: {line}", file=sys.stderr)
        return EXIT_CONFIG
    except (FxConfigError, DatasetError) as error:
        print(f"subsidybot: {error}", file=sys.stderr)
        return EXIT_CONFIG
    except StartupError as error:
        print(f"subsidybot: {error}", file=sys.stderr)
        return EXIT_FAILURE
    except KeyboardInterrupt:
        return 130
    except ask_workers.WorkerLost as error:
        print(f"subsidybot: {error}", file=sys.stderr)
        return EXIT_FAILURE
    except BrokenPipeError:
        return 0


def entry() -> None:
    """Console-script entry point."""
    logging.captureWarnings(True)
    sys.exit(main())
