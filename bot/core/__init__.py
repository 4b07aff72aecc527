"""Text in, :class:`~bot.core.reply.Reply` out. Imports the domain, never a chat platform library."""
