"""The Telegram adapter (python-telegram-bot 22): etiquette, HTML rendering, sending, polling and webhook."""
