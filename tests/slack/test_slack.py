"""The real Bolt app over HTTP with Slack-signed requests, against the fake Web API: what goes over the wire."""

from __future__ import annotations

import json
import logging
import time
from pathlib import Path
from typing import Any

import pytest

from tests.slack.conftest import SlackRun, slack_run
from tests.slack.fake_slack_api import BOT_ID, BOT_USER, action_body, command_body, event_body, signed_headers


def _blocks_text(params: dict[str, object]) -> str:
    blocks: Any = params.get("blocks") or []
    if isinstance(blocks, str):
        blocks = json.loads(blocks)
    texts = []
    for block in blocks:
        if block.get("text"):
            texts.append(block["text"]["text"])
        for element in block.get("elements", []):
            texts.append(str(element.get("text", "")))
    return "\n".join(texts)


def _quiet(seconds: float = 0.5) -> None:
    time.sleep(seconds)


def test_slash_command_acks_then_answers_in_channel(slack: SlackRun) -> None:
    """/subsidy wuhan 2000000: 200 at once, then the 600,000 answer posted to response_url, in the channel."""
    started = time.monotonic()
    response = slack.form(command_body("wuhan 2000000", slack.fake.response_url()))
    assert response.status_code == 200 and time.monotonic() - started < 3
    posted = slack.fake.wait_for("r1")[0].params
    assert posted["response_type"] == "in_channel"
    assert "CNY 600,000" in _blocks_text(posted) and "CNY 600,000" in posted["text"]


def test_slash_help_and_questions(slack: SlackRun) -> None:
    """/subsidy help and /subsidy <question in Korean> both answer."""
    slack.form(command_body("help", slack.fake.response_url("h")))
    assert "/subsidy" in _blocks_text(slack.fake.wait_for("h")[0].params)
    slack.form(command_body("우한 컴퓨팅 쿠폰 얼마야?", slack.fake.response_url("q")))
    assert "컴퓨팅" in _blocks_text(slack.fake.wait_for("q")[0].params)


def test_errors_are_ephemeral(slack: SlackRun) -> None:
    """A bad amount is answered only to the asker."""
    slack.form(command_body("wuhan -5", slack.fake.response_url("e")))
    posted = slack.fake.wait_for("e")[0].params
    assert posted["response_type"] == "ephemeral"


def test_mention_is_answered_in_its_thread(slack: SlackRun) -> None:
    """app_mention in a channel: chat.postMessage into the thread of the mention, without the mention text."""
    text = f"<@{BOT_USER}> What does Shenzhen give for model vouchers?"
    event = {"type": "app_mention", "user": "U0001", "text": text, "ts": "1700000000.000100", "channel": "C0002",
             "event_ts": "1700000000.000100"}  # fmt: skip
    assert slack.json(event_body(event)).status_code == 200
    post = slack.fake.wait_for("chat.postMessage")[0].params
    assert post["channel"] == "C0002" and post["thread_ts"] == "1700000000.000100"
    assert "Model vouchers" in _blocks_text(post)


def test_direct_message_is_answered(slack: SlackRun) -> None:
    """A DM (message.im) gets an answer in the DM."""
    event = {"type": "message", "channel_type": "im", "user": "U0001", "text": "武汉算力券多少?",
             "ts": "1700000000.000200", "channel": "D0001"}  # fmt: skip
    slack.json(event_body(event))
    post = slack.fake.wait_for("chat.postMessage")[0].params
    assert post["channel"] == "D0001" and "算力" in _blocks_text(post)


def test_bot_messages_edits_and_channel_chatter_are_ignored(slack: SlackRun) -> None:
    """Our own posts, edits and plain channel messages produce nothing."""
    own = {"type": "message", "channel_type": "im", "bot_id": BOT_ID, "text": "answer", "ts": "1.1", "channel": "D1"}
    edit = {"type": "message", "channel_type": "im", "subtype": "message_changed", "ts": "1.2", "channel": "D1"}
    chatter = {
        "type": "message",
        "channel_type": "channel",
        "user": "U1",
        "text": "우한?",
        "ts": "1.3",
        "channel": "C1",
    }
    for event in (own, edit, chatter):
        assert slack.json(event_body(event)).status_code == 200
    _quiet()
    assert slack.fake.sent("chat.postMessage") == []


def test_repeated_event_ids_are_dropped_but_unhandled_retries_answered(slack: SlackRun) -> None:
    """Dedupe by event_id: a redelivery of an event already handled is acknowledged and not answered again;
    a retry (X-Slack-Retry-Num) of an event we never handled (its first delivery was lost) is answered."""
    event = {"type": "message", "channel_type": "im", "user": "U0001", "text": "/cities", "ts": "1.4", "channel": "D2"}
    body = event_body(event, event_id="EvSAME")
    slack.json(body)
    slack.fake.wait_for("chat.postMessage")
    retry = {"X-Slack-Retry-Num": "1", "X-Slack-Retry-Reason": "http_timeout"}
    assert slack.json(body, **retry).status_code == 200
    _quiet()
    assert len(slack.fake.sent("chat.postMessage")) == 1
    assert slack.json(event_body(event, event_id="EvLOST"), **retry).status_code == 200
    slack.fake.wait_for("chat.postMessage", 2)
    _quiet()
    assert len(slack.fake.sent("chat.postMessage")) == 2


def test_button_action_posts_the_follow_up(slack: SlackRun) -> None:
    """A block_actions payload with our action value answers in the channel."""
    response = slack.form(action_body("t|wuhan|-|compute_voucher", channel="C0003"))
    assert response.status_code == 200
    post = slack.fake.wait_for("chat.postMessage")[0].params
    assert post["channel"] == "C0003" and "Wuhan" in _blocks_text(post)


def test_bad_signature_and_stale_timestamp_are_refused(slack: SlackRun) -> None:
    """A wrong signature, or one made 6 minutes ago, gets 401 and no answer."""
    body = command_body("wuhan 2000000", slack.fake.response_url("x"))
    forged = {**signed_headers(body, secret="not-the-secret"), "Content-Type": "application/x-www-form-urlencoded"}
    assert slack.client.post("/slack/events", content=body, headers=forged).status_code == 401
    stale = {
        **signed_headers(body, timestamp=int(time.time()) - 360),
        "Content-Type": "application/x-www-form-urlencoded",
    }
    assert slack.client.post("/slack/events", content=body, headers=stale).status_code == 401
    _quiet()
    assert slack.fake.sent("x") == []


def test_url_verification_echoes_the_challenge(slack: SlackRun) -> None:
    """Slack's URL check gets its challenge back."""
    body = json.dumps({"token": "legacy", "challenge": "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P",
                       "type": "url_verification"})  # fmt: skip
    response = slack.json(body)
    assert response.status_code == 200 and "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P" in response.text


def test_rate_limit_is_honoured(slack: SlackRun) -> None:
    """A 429 with Retry-After: 1 is waited out and the post is sent again."""
    slack.fake.rate_limit("chat.postMessage", seconds=1)
    event = {"type": "message", "channel_type": "im", "user": "U0001", "text": "/help", "ts": "1.5", "channel": "D3"}
    slack.json(event_body(event))
    calls = slack.fake.wait_for("chat.postMessage", 2, timeout=15)
    assert calls[1].at - calls[0].at >= 0.9


def test_channel_gone_is_not_retried(slack: SlackRun, caplog: pytest.LogCaptureFixture) -> None:
    """channel_not_found is Gone: one post, logged as gone instead of failing loudly."""
    slack.fake.api_error("chat.postMessage", "channel_not_found", channel="C0404")
    event = {"type": "app_mention", "user": "U1", "text": f"<@{BOT_USER}> /cities", "ts": "1.6", "channel": "C0404"}
    with caplog.at_level(logging.INFO, logger="bot.adapters.slack.app"):
        slack.json(event_body(event))
        slack.fake.wait_for("chat.postMessage")
        deadline = time.monotonic() + 5
        while not caplog.records and time.monotonic() < deadline:
            time.sleep(0.01)
        _quiet(0.3)
    assert len(slack.fake.sent("chat.postMessage")) == 1
    assert [r.getMessage() for r in caplog.records] == ["slack channel C0404 is gone (channel_not_found)"]


def test_hostile_text_is_escaped_for_mrkdwn(slack: SlackRun) -> None:
    """<!channel> and <@U…> in the question never reach Slack as live mentions."""
    slack.form(command_body("<!channel> <@U999> 부산 정책", slack.fake.response_url("m")))
    text = _blocks_text(slack.fake.wait_for("m")[0].params)
    assert "<!channel>" not in text and "<@U999>" not in text


def test_token_and_signing_secret_never_logged(slack: SlackRun) -> None:
    """At DEBUG, with a forged request and a failed post, neither the bot token nor the signing secret is logged."""
    import io
    import logging

    from bot.logging_setup import RedactingFilter
    from tests.slack.fake_slack_api import BOT_TOKEN, SIGNING_SECRET

    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.addFilter(RedactingFilter((BOT_TOKEN, SIGNING_SECRET)))
    root = logging.getLogger()
    old = root.level
    root.addHandler(handler)
    root.setLevel(logging.DEBUG)
    try:
        slack.fake.api_error("chat.postMessage", "invalid_auth")
        event = {"type": "message", "channel_type": "im", "user": "U1", "text": "/help", "ts": "1.7", "channel": "D9"}
        slack.json(event_body(event))
        slack.fake.wait_for("chat.postMessage")
        body = command_body("wuhan 2000000", slack.fake.response_url("z"))
        slack.client.post("/slack/events", content=body, headers={**signed_headers(body, secret="forged")})
        _quiet(0.3)
    finally:
        root.removeHandler(handler)
        root.setLevel(old)
    output = stream.getvalue()
    assert output and BOT_TOKEN not in output and SIGNING_SECRET not in output


def test_subscribe_needs_a_listed_or_workspace_admin(slack: SlackRun) -> None:
    """/subsidy subscribe in a channel: refused for an ordinary member, accepted for a workspace admin
    (users.info) and for a user listed in BOT_ADMINS."""
    slack.form(command_body("subscribe", slack.fake.response_url("s1"), channel="C7", user="UMEMBER"))
    assert "only admins" in slack.fake.wait_for("s1")[0].params["text"]
    slack.form(command_body("subscribe wuhan", slack.fake.response_url("s2"), channel="C7", user="UADMIN"))
    assert "subscribed" in slack.fake.wait_for("s2")[0].params["text"]
    slack.form(command_body("subscribe", slack.fake.response_url("s3"), channel="C8", user="ULISTED"))
    assert "subscribed" in slack.fake.wait_for("s3")[0].params["text"]


def _mention(text: str, user: str, channel: str, ts: str) -> str:
    event = {"type": "app_mention", "user": user, "text": f"<@{BOT_USER}> {text}", "ts": ts, "channel": channel,
             "event_ts": ts}  # fmt: skip
    return event_body(event)


def test_free_text_subscription_checks_the_workspace_admin(slack: SlackRun) -> None:
    """'이 방 업데이트 구독할래' as a mention: a member is refused, a workspace admin (users.info) subscribes."""
    slack.json(_mention("이 방 업데이트 구독할래", "UMEMBER", "C71", "1700000001.000100"))
    assert "관리자" in _blocks_text(slack.fake.wait_for("chat.postMessage")[0].params)
    slack.json(_mention("이 방 업데이트 구독할래", "UADMIN", "C71", "1700000001.000200"))
    assert "구독했습니다" in _blocks_text(slack.fake.wait_for("chat.postMessage", 2)[1].params)


def test_admin_free_text_announcement_is_queued(slack: SlackRun) -> None:
    """A DM '공지 내일 서버 점검' from a BOT_ADMINS user queues the notice for every subscriber."""
    store = slack.bot.responder.services.store
    assert store is not None
    store.subscribe("slack", "C72", "group", "all", "", "test")
    event = {"type": "message", "channel_type": "im", "user": "ULISTED", "text": "공지 내일 서버 점검",
             "ts": "1700000002.000100", "channel": "D0072"}  # fmt: skip
    slack.json(event_body(event))
    slack.fake.wait_for("chat.postMessage")
    assert [item.text for item in store.claim(10)] == ["내일 서버 점검"]


def test_a_headline_first_and_the_details_on_a_button(slack: SlackRun) -> None:
    """The headline in the first post; the Details button posts the whole answer."""
    event = {"type": "message", "channel_type": "im", "user": "U0001", "text": "Shenzhen model voucher conditions?",
             "ts": "1700000003.000100", "channel": "D0021"}  # fmt: skip
    slack.json(event_body(event))
    first = slack.fake.wait_for("chat.postMessage")[0].params
    blocks = json.loads(first["blocks"]) if isinstance(first["blocks"], str) else first["blocks"]
    assert "conditions" in _blocks_text(first) and "深工信规" not in _blocks_text(first)
    actions = next(b for b in blocks if b["type"] == "actions")["elements"]
    details = next(a for a in actions if a["text"]["text"] == "Details")
    slack.form(action_body(details["value"], channel="D0021"))
    second = slack.fake.wait_for("chat.postMessage", 2)[1].params
    assert "深工信规〔2024〕13号" in _blocks_text(second)


def test_a_budget_comparison_lists_places_with_their_pools(slack: SlackRun) -> None:
    slack.form(command_body("compare compute", slack.fake.response_url("cmp"), channel="C90", user="U90"))
    reply = slack.fake.wait_for("cmp")[0].params
    assert "1. Shanghai CNY 600,000,000" in _blocks_text(reply)


def test_lang_survives_a_restart(tmp_path: Path) -> None:
    """/subsidy lang zh, then a new app and store on the same database: the channel still gets Chinese."""
    with slack_run(tmp_path) as first:
        first.form(command_body("lang zh", first.fake.response_url("lang")))
        assert "中文" in _blocks_text(first.fake.wait_for("lang")[0].params)
    with slack_run(tmp_path) as second:
        second.form(command_body("cities", second.fake.response_url("cities")))
        assert "已收录地区" in _blocks_text(second.fake.wait_for("cities")[0].params)
        second.form(command_body("cities", second.fake.response_url("other"), channel="C0009"))
        assert "已收录地区" not in _blocks_text(second.fake.wait_for("other")[0].params)  # another channel
