"""Generator for the campaign microsite, one package per stage of the pipeline:

    content/  read and validate content/ (YAML and Markdown with positions, the model, rules, messages)
    i18n/     one language: fallbacks, CLDR plurals, dates and numbers; translation status
    render/   typed pages rendered to docs/<lang>/*.md (routes, templates, charts, cards, feeds, open data)
    site/     MkDocs per language into site/<lang>/ (configuration, builds, hooks, theme, publishing)
    preview/  the live preview

Beside the line: importer/ (articles from other sites) and dev/ (benchmark, audit, local server).
Imports run one way down the line (tests/test_architecture.py).
"""
