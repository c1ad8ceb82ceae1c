"""Stage 4: one MkDocs build per language into a staging folder, then published into docs/ and site/
at once (a failed build changes nothing). Material is used as it ships; the theme folder extends it."""
