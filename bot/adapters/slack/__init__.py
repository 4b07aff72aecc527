"""The Slack adapter (slack-bolt AsyncApp): /subsidy, mentions in threads, DMs, Block Kit, HTTP and Socket Mode."""
