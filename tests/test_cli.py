"""The ``subsidybot`` command as users and scripts run it, in a real subprocess."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
STATE_DIR = tempfile.mkdtemp(prefix="subsidybot-test-state-")  # never the tester's home, never the checkout


def run(*args: str, stdin: str = "", env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    base = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "SLACK_", "FX_"))}
    base.update({"SUBSIDYBOT_TODAY": "2026-11-23", "SUBSIDYBOT_STATE_DIR": STATE_DIR, "METRICS_PORT": "0",
                 "SUBSIDYBOT_STARTUP_RETRIES": "0"})  # fmt: skip
    base.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=base,
        timeout=60,
    )


def test_ask_json_has_the_promised_fields() -> None:
    """One JSON object with intent, city, lang, text, calculation and sources."""
    result = run("ask", "--json", "/subsidy wuhan 2000000")
    assert result.returncode == 0, result.stderr
    payload = json.loads(result.stdout)
    assert set(payload) >= {"intent", "city", "lang", "text", "calculation", "sources", "headline", "frame"}
    assert payload["total_cny"] is not None and payload["headline"][0].startswith("Wuhan, CNY 2,000,000")
    assert payload["intent"] == "subsidy_calc" and payload["city"] == "wuhan"
    row = next(r for r in payload["calculation"] if r["program"] == "wuhan-2024-draft-scenario-funding")
    assert row["subsidy_cny"] == 600000 and row["eligible"] is None and row["reason"] == "draft"
    assert any(s["id"] == "shanghaibang-2024-04-16" for s in payload["sources"])


def test_ask_json_of_a_place_not_covered_has_its_frame_and_headline() -> None:
    """The answer says the place is not covered; the frame says what was understood (not null)."""
    payload = json.loads(run("ask", "--json", "郑州算力券多少钱").stdout)
    assert payload["intent"] == "program_info" and payload["city"] is None
    assert payload["headline"][0].startswith("郑州暂未收录") and payload["headline"][0] in payload["text"]
    zhengzhou = {"name": "郑州", "kind": "prefecture", "role": "not_covered", "near": "henan"}
    assert payload["frame"]["places"] == [zhengzhou]
    assert payload["frame"]["types"] == ["compute_voucher"]


def test_ask_reads_stdin_one_answer_per_line_including_empty_lines() -> None:
    """Outputs line up with inputs, so scripts can zip them."""
    result = run("ask", "--json", "--lang", "ko", stdin="/subsidy wuhan 200만\n\n/cities\n")
    lines = result.stdout.splitlines()
    assert len(lines) == 3
    intents = [json.loads(line)["intent"] for line in lines]
    assert intents == ["subsidy_calc", "unknown", "list_cities"]
    assert all(json.loads(line)["lang"] == "ko" for line in lines)


def test_run_answers_piped_lines() -> None:
    """``echo '/subsidy wuhan 2000000' | subsidybot run`` prints the 600,000 answer with its source."""
    result = run("run", stdin="/subsidy wuhan 2000000\nmore\n")
    assert result.returncode == 0, result.stderr
    brief, full = result.stdout.split("Chart:", 1)
    assert brief.startswith("Wuhan, CNY 2,000,000 → CNY 600,000") and "상하이방 2024-04-16" in brief
    assert "shanghaibang.com" not in brief and "shanghaibang.com" in full


def test_plain_subsidybot_is_run() -> None:
    """With no subcommand, subsidybot runs the console chat."""
    result = run(stdin="/help\n/quit\n")
    assert result.returncode == 0 and "/subsidy" in result.stdout


def test_data_check_prints_a_summary() -> None:
    """``subsidybot data check`` validates data/ and counts places, programs, drafts and expired."""
    result = run("data", "check")
    assert result.returncode == 0, result.stderr
    for word in ("places:", "programs:", "draft", "expired", "sources:"):
        assert word in result.stdout


def test_data_check_fails_cleanly_on_broken_data(tmp_path: Path) -> None:
    """A broken data directory exits non-zero with the file named, not a traceback."""
    (tmp_path / "places").mkdir()
    (tmp_path / "sources.yaml").write_text("sources: [", encoding="utf-8")
    result = run("data", "check", env={"SUBSIDYBOT_DATA_DIR": str(tmp_path)})
    assert result.returncode == 2  # a data error: systemd does not restart on it
    assert "sources.yaml" in result.stderr and "Traceback" not in result.stderr


def test_fx_override_is_used_and_named() -> None:
    """FX_KRW_PER_CNY=200@2026-11-20 changes the won figures and says who set the rate."""
    result = run("ask", "--full", "/subsidy wuhan 2000000", env={"FX_KRW_PER_CNY": "200@2026-11-20"})
    assert "about KRW 120,000,000" in result.stdout
    assert "2026-11-20" in result.stdout and "FX_KRW_PER_CNY" in result.stdout
    brief = run("ask", "/subsidy wuhan 2000000", env={"FX_KRW_PER_CNY": "200@2026-11-20"}).stdout
    assert "≈ KRW 120,000,000 (FX_KRW_PER_CNY, 2026-11-20)" in brief


@pytest.mark.parametrize("value", ["abc", "-5", "0", "190@yesterday"])
def test_bad_fx_override_is_a_clear_config_error(value: str) -> None:
    """A malformed rate stops the bot with one clear line, exit code 2."""
    result = run("ask", "/help", env={"FX_KRW_PER_CNY": value})
    assert result.returncode == 2 and "FX_KRW_PER_CNY" in result.stderr and "Traceback" not in result.stderr


def test_unreachable_telegram_fails_cleanly_without_the_token() -> None:
    """A Bot API that cannot be reached ends the process with one line, and the token is never printed."""
    token = "123456789:TEST_fake_token_for_tests_only_abcdefghijk"
    env = {"TELEGRAM_BOT_TOKEN": token, "TELEGRAM_API_BASE_URL": "http://127.0.0.1:9/bot", "LOG_LEVEL": "DEBUG"}
    result = run("run", env=env)
    assert result.returncode == 1  # passing: systemd restarts it
    assert token not in result.stdout + result.stderr  # redacted even in DEBUG logs and tracebacks
    last = result.stderr.strip().splitlines()[-1]
    assert last.startswith("subsidybot: start-up failed: telegram: the Bot API cannot be reached"), last


def test_slack_token_without_app_token_or_signing_secret_is_a_config_error() -> None:
    """SLACK_BOT_TOKEN alone cannot receive anything: a clear message names what is missing, exit 2."""
    result = run("run", env={"SLACK_BOT_TOKEN": "xoxb-1-2-FakeTokenForTests"})
    assert result.returncode == 2
    assert "SLACK_APP_TOKEN" in result.stderr and "SLACK_SIGNING_SECRET" in result.stderr
    assert "xoxb-1-2-FakeTokenForTests" not in result.stderr


def test_slack_manifest_declares_what_the_bot_uses() -> None:
    """The manifest has the /subsidy command, the events and scopes the adapter relies on, and interactivity."""
    import yaml

    manifest = yaml.safe_load((ROOT / "deploy" / "slack-manifest.yml").read_text(encoding="utf-8"))
    assert manifest["features"]["slash_commands"][0]["command"] == "/subsidy"
    assert {"app_mention", "message.im"} <= set(manifest["settings"]["event_subscriptions"]["bot_events"])
    assert {"chat:write", "commands", "app_mentions:read", "im:history", "files:write", "users:read"} <= set(
        manifest["oauth_config"]["scopes"]["bot"]
    )
    assert manifest["settings"]["interactivity"]["is_enabled"] is True


def test_ask_lines_are_separate_chats_unless_conversation() -> None:
    """A file of unrelated questions is not one conversation; --conversation keeps one chat."""
    questions = "우한 컴퓨팅 쿠폰 얼마야?\n그럼 베이징은?\n"
    apart = [json.loads(line) for line in run("ask", "--json", stdin=questions).stdout.splitlines()]
    together = [
        json.loads(line) for line in run("ask", "--json", "--conversation", stdin=questions).stdout.splitlines()
    ]
    assert [a["intent"] for a in apart] == ["program_info", "city_overview"]
    assert [a["intent"] for a in together] == ["program_info", "program_info"]
    assert together[1]["city"] == "beijing"


ASKED = (
    "우한 컴퓨팅 쿠폰 얼마야?\n/subsidy wuhan 200만\nWhat does Shenzhen give for model vouchers?\n"
    "武汉算力券多少?\n\nhi\n"
) * 4


@pytest.mark.parametrize("mode", [["--json"], [], ["--full"]])
def test_ask_on_several_workers_answers_exactly_as_one_process(mode: list[str]) -> None:
    """Piped lines are answered by forked workers (by default one per core); the output is the same, in order."""
    one = run("ask", *mode, "--workers", "1", stdin=ASKED)
    three = run("ask", *mode, "--workers", "3", stdin=ASKED)
    default = run("ask", *mode, stdin=ASKED)
    assert one.returncode == three.returncode == default.returncode == 0
    assert one.stdout == three.stdout == default.stdout and one.stdout.count("CNY") >= 4
    assert not three.stderr and not default.stderr


def test_ask_stopped_by_a_closed_pipe_exits_quietly() -> None:
    """``subsidybot ask --json < many | head -1``: the reader leaves; the command and its workers stop, no trace."""
    base = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "SLACK_", "FX_"))}
    base.update({"SUBSIDYBOT_TODAY": "2026-11-23", "SUBSIDYBOT_STATE_DIR": STATE_DIR})
    process = subprocess.Popen(
        [sys.executable, "-m", "bot", "ask", "--json", "--workers", "2"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=ROOT,
        env=base,
    )
    assert process.stdin is not None and process.stdout is not None and process.stderr is not None
    process.stdin.write(("우한 산력권?\n" * 3000).encode())
    process.stdin.close()
    assert json.loads(process.stdout.readline())["city"] == "wuhan"
    process.stdout.close()
    assert process.wait(timeout=60) == 0
    assert process.stderr.read() == b""
