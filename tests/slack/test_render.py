"""Block Kit rendering within Slack's limits, with user text escaped."""

from __future__ import annotations

from bot.adapters.slack.render import MAX_BLOCKS, MAX_SECTION, blocks, escape, fallback_text, pages
from bot.core.reply import Button, Citation, Reply, Section


def test_huge_reply_is_split_into_messages_within_the_limits_and_nothing_is_cut() -> None:
    """Sections are packed into blocks of at most 3,000 characters, and the blocks into messages of at most 50;
    every line of every section arrives."""
    sections = tuple(Section(f"S{i}", tuple(f"{i}-{j} " + "가" * 400 for j in range(20))) for i in range(30))
    reply = Reply(intent="help", lang="ko", sections=sections)
    messages = pages(reply)
    assert len(messages) > 1 and all(len(page) <= MAX_BLOCKS for page in messages)
    texts = [b["text"]["text"] for page in messages for b in page if b["type"] == "section"]
    assert all(len(text) <= MAX_SECTION for text in texts)
    joined = "\n".join(texts)
    assert all(f"{i}-{j} " in joined for i in range(30) for j in range(20))


def test_sources_go_to_context_with_links_and_buttons_to_actions() -> None:
    """Citations become a context line with the date and a link; buttons carry the action as value."""
    citation = Citation(1, "s", "Title", "Publisher", "https://example.gov.cn/a", None, "official")
    reply = Reply(intent="program_info", lang="en", sections=(Section("T", ("x",)),), sources=(citation,),
                  buttons=(Button("Original text", "o|wuhan|-|compute_voucher"),))  # fmt: skip
    out = blocks(reply)
    context = next(b for b in out if b["type"] == "context")
    assert "<https://example.gov.cn/a|↗>" in context["elements"][1]["text"]
    actions = next(b for b in out if b["type"] == "actions")
    assert actions["elements"][0]["value"] == "o|wuhan|-|compute_voucher"


def test_escape_disarms_mentions_and_links() -> None:
    """<!channel>, <@U1> and <http://x|y> in user text are shown as text."""
    assert (
        escape("<!channel> <@U1> <http://x|y> & more") == "&lt;!channel&gt; &lt;@U1&gt; &lt;http://x|y&gt; &amp; more"
    )
    assert "<!channel>" not in fallback_text(
        Reply(intent="unknown", lang="en", sections=(Section(None, ("<!channel>",)),))
    )
