"""Slack: a chart is uploaded with files_upload_v2 to the channel that asked."""

from __future__ import annotations

import json

from tests.slack.conftest import SlackRun
from tests.slack.fake_slack_api import command_body

PNG = b"\x89PNG\r\n\x1a\n"


def test_slack_uploads_the_chart_to_the_channel(slack: SlackRun) -> None:
    """files_upload_v2: an upload URL is asked for, the PNG is uploaded, the file is shared to the channel."""
    slack.form(command_body("compare compute 2M wuhan shenzhen", slack.fake.response_url("c"), channel="C9"))
    slack.fake.wait_for("c")
    uploaded = slack.fake.wait_for("F0001")[0].params["_body"]
    assert uploaded.startswith(PNG)
    complete = slack.fake.wait_for("files.completeUploadExternal")[0].params
    assert complete["channel_id"] == "C9"
    files = json.loads(complete["files"]) if isinstance(complete["files"], str) else complete["files"]
    assert files[0]["id"] == "F0001"
