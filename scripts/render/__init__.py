"""Stage 3: the model rendered, per language, into MkDocs input (Markdown pages with front matter),
social cards, charts, the feed and the open data files. Every address is in ``routes``."""
