"""Bar charts as PNG (matplotlib, Agg backend) in the reader's language, with a bundled CJK font.

Replies carry only a ChartSpec (data); adapters call ``render_png`` when they send, so answering stays
fast and matplotlib is imported only by a process that draws.
"""
