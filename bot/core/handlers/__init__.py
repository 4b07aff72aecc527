"""One module per intent; each ``handle(services, args, lang)`` returns a Reply and never sends."""
