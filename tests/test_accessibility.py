"""Accessibility and validity: axe-core finds no WCAG 2.1 A/AA violation on each page kind in every
language; the Nu HTML Checker finds no error anywhere in the site."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from playwright.sync_api import Browser

from tests.conftest import REPO
from tests.sample import sample

AXE = REPO / "node_modules/axe-core/axe.min.js"
VNU = REPO / "node_modules/vnu-jar/build/dist/vnu.jar"
PAGES = sample().pages()


@pytest.mark.parametrize("lang", ["en", "be", "ru", "pl"])
def test_axe_finds_no_wcag_violation(browser: Browser, served_real: str, lang: str) -> None:
    context = browser.new_context(bypass_csp=True)  # axe is injected by the test, not part of the site
    page = context.new_page()
    problems = []
    for rel in PAGES:
        page.goto(served_real + f"{lang}/{rel}")
        page.add_script_tag(path=str(AXE))
        result = page.evaluate("""async () => {
            const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
            const r = await axe.run(document, {runOnly: {type: 'tag', values: tags}});
            return r.violations.map(v => ({id: v.id, nodes: v.nodes.slice(0, 3).map(n => n.target.join(' '))}));
        }""")
        problems += [f"{lang}/{rel}: {v['id']} at {v['nodes']}" for v in result]
    context.close()
    assert problems == [], "\n".join(problems)


def test_nu_html_checker_finds_no_error_in_the_whole_site(built_real: Path) -> None:
    done = subprocess.run(["java", "-jar", str(VNU), "--skip-non-html", "--errors-only", "--format", "json",
                           str(built_real / "site")], capture_output=True, text=True, timeout=600)
    messages = json.loads(done.stderr or done.stdout or '{"messages": []}')["messages"]
    assert [f"{m.get('url', '').split('/site/')[-1]}:{m.get('lastLine')}: {m['message']}" for m in messages] == []
    assert done.returncode == 0
