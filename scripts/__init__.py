"""Generator for the campaign microsite, one package per stage of the pipeline:

    store.py  the build's one store of nodes, its one way of writing a file, the environment stamp
    content/  read content/ once (the snapshot) and validate it (YAML and Markdown with positions, the model,
              rules, messages)
    i18n/     one language: fallbacks, CLDR plurals, dates and numbers; translation status
    render/   typed pages rendered to docs/<lang>/*.md (routes, templates, charts, cards, feeds, open data)
    site/     MkDocs per language into site/<lang>/ (configuration, runs, finishing, theme, publishing)
    preview/  the live preview

Beside the line: importer/ (articles from other sites) and dev/ (benchmark, audit, local server).
Imports run one way down the line (tests/test_architecture.py).
"""
