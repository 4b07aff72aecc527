"""Company profiles through the real Bolt app: a DM, the slash command in a channel, a button."""

from __future__ import annotations

import json
from typing import Any

from tests.slack.conftest import SlackRun
from tests.slack.fake_slack_api import action_body, command_body, event_body


def _text(params: dict[str, Any]) -> str:
    blocks: Any = params.get("blocks") or []
    blocks = json.loads(blocks) if isinstance(blocks, str) else blocks
    return json.dumps(blocks, ensure_ascii=False)


def test_a_profile_in_a_direct_message(slack: SlackRun) -> None:
    event = {"type": "message", "channel_type": "im", "user": "U0001", "ts": "1.9", "channel": "D0009",
             "text": "We are an SME in Shanghai; we spend 5M a year on GPU rental and 1M on model APIs"}  # fmt: skip
    slack.json(event_body(event))
    post = slack.fake.wait_for("chat.postMessage")[0].params
    assert post["channel"] == "D0009" and "Chengdu" in _text(post) and "p|edit|city" in _text(post)


def test_the_slash_command_in_a_channel_continues_in_a_direct_message(slack: SlackRun) -> None:
    slack.form(command_body("profile", slack.fake.response_url("p"), channel="C0001", user="U0001"))
    opened = slack.fake.wait_for("conversations.open")[0].params
    assert opened["users"] == "U0001"
    question = slack.fake.wait_for("chat.postMessage")[0].params
    assert question["channel"] == "DU0001" and "p|set|city|shenzhen" in _text(question)
    notice = slack.fake.wait_for("p")[0].params
    assert notice["response_type"] == "ephemeral" and "Shanghai" not in _text(notice)
    slack.form(action_body("p|set|city|shenzhen", channel="DU0001"))
    following = slack.fake.wait_for("chat.postMessage", 2)[1].params
    assert following["channel"] == "DU0001" and "p|set|kinds|sme" in _text(following)
