"""Files to documents to articles: find and read files, decode them, clean pages into articles."""
