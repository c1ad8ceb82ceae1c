"""Publishing: the GitHub workflows are valid, and the site works under its project path."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import REPO


def test_workflows_pass_the_github_workflow_schema() -> None:
    workflows = sorted(str(p) for p in (REPO / ".github/workflows").glob("*.yml"))
    assert len(workflows) == 2
    done = subprocess.run([sys.executable, "-m", "check_jsonschema", "--builtin-schema", "vendor.github-workflows",
                           *workflows], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr


def test_pull_requests_run_the_readme_test_command_and_main_deploys_the_site() -> None:
    test = (REPO / ".github/workflows/test.yml").read_text()
    assert "pull_request" in test and "run: make test" in test
    pages = (REPO / ".github/workflows/pages.yml").read_text()
    for step in ["run: make site", "actions/upload-pages-artifact", "actions/deploy-pages", "path: .build/cards"]:
        assert step in pages, step
