"""hanscope data layer: read, clean, extract, index and query Korean news. Never imports textual."""
