"""Which workspaces are answered: given, learnt from auth.test once, or (until known) any."""

from __future__ import annotations

import asyncio

from bot.adapters.slack.teams import RETRY_S, KnownTeams


def test_given_teams_are_fixed_and_auth_test_is_not_asked() -> None:
    asked: list[int] = []

    async def lookup() -> str | None:
        asked.append(1)
        return "T0001"

    teams = KnownTeams(["T1", "T2"], lookup=lookup)
    assert asyncio.run(teams.admits("T2")) and not asyncio.run(teams.admits("T0001"))
    assert not asyncio.run(teams.admits(None)) and asked == []


def test_the_bot_team_is_learnt_once() -> None:
    asked: list[int] = []

    async def lookup() -> str | None:
        asked.append(1)
        return "T0001"

    async def check() -> list[bool]:
        teams = KnownTeams(lookup=lookup)
        return [await teams.admits(t) for t in ("T0001", "T9999", "T0001")]

    assert asyncio.run(check()) == [True, False, True] and asked == [1]


def test_while_auth_test_fails_every_team_is_accepted_and_asked_again_later() -> None:
    now = [0.0]
    answers: list[str | None] = [None, "T0001"]

    async def lookup() -> str | None:
        answer = answers.pop(0)
        if answer is None:
            raise ConnectionError("down")
        return answer

    async def check() -> list[bool]:
        teams = KnownTeams(lookup=lookup, clock=lambda: now[0])
        first = await teams.admits("T9999")
        now[0] = RETRY_S / 2
        meanwhile = await teams.admits("T9999")  # not asked again yet
        now[0] = RETRY_S + 1
        later = await teams.admits("T9999")
        return [first, meanwhile, later]

    assert asyncio.run(check()) == [True, True, False] and answers == []
