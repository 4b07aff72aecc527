"""HTTP mode: /slack/events (events, commands, interactivity) and /healthz as a Starlette app.

Nothing parses a request before it is known to be Slack's: the body is read up to 1 MB, the signature and
timestamp are checked on the raw bytes (401), then the body is parsed defensively (400), the workspace is
checked (403), and a signed command or button press seen before is acknowledged without acting on it again.
Only then does Bolt see the request; its own verification is off because this one comes first.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
import time
from collections.abc import Callable, Iterable
from typing import Any

from slack_bolt.adapter.starlette.async_handler import to_starlette_response
from slack_bolt.async_app import AsyncApp
from slack_bolt.request.async_request import AsyncBoltRequest
from slack_sdk.web.async_client import AsyncWebClient
from starlette.applications import Starlette
from starlette.requests import ClientDisconnect, Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from bot.adapters.slack.signature import WINDOW_S, signature_problem
from bot.adapters.slack.teams import KnownTeams
from bot.http_guard import TooLarge, read_limited, refuse
from bot.storage.replay import Deliveries, MemoryDeliveries

log = logging.getLogger(__name__)

EVENTS_PATH = "/slack/events"
MAX_BODY = 1_000_000
# A signed request is accepted while its timestamp is within 5 minutes of ours, either way: 10 minutes at most.
REQUEST_TTL = dt.timedelta(seconds=2 * WINDOW_S)


def own_team(client: AsyncWebClient) -> Callable[[], Any]:
    """auth.test: the workspace the bot token belongs to."""

    async def lookup() -> str | None:
        answer = await client.auth_test()
        team = answer.get("team_id")
        return str(team) if team else None

    return lookup


def bolt_request(raw: bytes, request: Request) -> AsyncBoltRequest | None:
    """The request as Bolt reads it, or None when the body is not a Slack payload (any parse error at all)."""
    try:
        parsed = AsyncBoltRequest(
            body=raw.decode("utf-8"),
            query=request.query_params,  # type: ignore[arg-type]
            headers=request.headers,  # type: ignore[arg-type]
        )
    except Exception:  # invalid UTF-8, not JSON, too deep, a list or a string, fields of the wrong type...
        return None
    body = parsed.body
    if not isinstance(body, dict) or not well_formed(body):
        return None
    if not (isinstance(body.get("type"), str) or isinstance(body.get("command"), str) or "ssl_check" in body):
        return None
    return parsed


# The fields Bolt reads to route a request, with the types Slack sends: anything else would fail inside Bolt.
_SHAPES: dict[str, tuple[type, ...]] = {
    "type": (str,), "command": (str,), "event_id": (str,), "team_id": (str,), "user_id": (str,),
    "channel_id": (str,), "callback_id": (str,), "event": (dict,), "actions": (list,), "view": (dict,),
    "authorizations": (list,), "container": (dict,), "message": (dict,), "team": (dict, str, type(None)),
    "user": (dict, str), "channel": (dict, str), "enterprise": (dict, str, type(None)),
}  # fmt: skip


def well_formed(body: dict[str, Any]) -> bool:
    if any(key in body and not isinstance(body[key], kinds) for key, kinds in _SHAPES.items()):
        return False
    if "event" in body and not isinstance(body["event"].get("type"), str):
        return False
    for action in body.get("actions") or []:
        if not isinstance(action, dict) or not all(
            isinstance(action.get(k, ""), str) for k in ("action_id", "block_id")
        ):
            return False
    return all(isinstance(a, dict) for a in body.get("authorizations") or [])


def slack_routes(
    app: AsyncApp,
    signing_secret: str,
    deliveries: Deliveries | None = None,
    teams: Iterable[str] | None = None,
    clock: Callable[[], float] = time.time,
) -> list[Route]:
    """``teams``: the workspace ids answered; by default the bot's own, from auth.test (anyone until known)."""
    seen = deliveries if deliveries is not None else MemoryDeliveries()
    known = KnownTeams(teams, lookup=own_team(app.client))

    async def events(request: Request) -> Response:
        scope = request.scope
        try:
            raw = await read_limited(request, MAX_BODY)
        except TooLarge as error:
            return refuse(scope, 413, str(error), log)
        except ClientDisconnect:
            return Response(status_code=400)
        timestamp = request.headers.get("x-slack-request-timestamp")
        signature = request.headers.get("x-slack-signature")
        problem = signature_problem(signing_secret, timestamp, signature, raw, clock())
        if problem is not None:
            return refuse(scope, 401, problem, log)
        parsed = bolt_request(raw, request)
        if parsed is None:
            return refuse(scope, 400, "signed, but not a Slack payload", log)
        kind = parsed.body.get("type")
        app_level = kind == "url_verification" or "ssl_check" in parsed.body  # Slack's checks carry no team
        if not app_level and not await known.admits(parsed.context.team_id):
            return refuse(scope, 403, "unknown team", log)
        if not app_level and kind != "event_callback":  # commands and interactivity: Slack never retries them
            key = f"slack-request:{timestamp}:{signature}"
            if not await asyncio.to_thread(seen.first_delivery, key, REQUEST_TTL):
                log.info("slack: a replayed signed request was acknowledged and not acted on")
                return Response(status_code=200)
        return to_starlette_response(await app.async_dispatch(parsed))

    return [Route(EVENTS_PATH, events, methods=["POST"])]


def slack_web_app(
    app: AsyncApp, signing_secret: str, deliveries: Deliveries | None = None, teams: Iterable[str] | None = None
) -> Starlette:
    async def healthz(request: Request) -> Response:
        return JSONResponse({"status": "ok"})

    routes = slack_routes(app, signing_secret, deliveries, teams)
    return Starlette(routes=[*routes, Route("/healthz", healthz, methods=["GET"])])
