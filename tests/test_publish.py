"""Publishing: the GitHub workflows are valid and hard to tamper with, and stale facts reach an issue."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
import sys
from pathlib import Path

import yaml

from scripts.content.freshness import report, stale_facts
from scripts.content.load import load
from tests.conftest import FIXTURES, REPO

WORKFLOWS = sorted((REPO / ".github/workflows").glob("*.yml"))


def test_workflows_pass_the_github_workflow_schema() -> None:
    assert [p.name for p in WORKFLOWS] == ["freshness.yml", "pages.yml", "test.yml"]
    done = subprocess.run([sys.executable, "-m", "check_jsonschema", "--builtin-schema", "vendor.github-workflows",
                           *map(str, WORKFLOWS)], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr


def test_zizmor_finds_nothing_in_the_workflows_offline() -> None:
    zizmor = Path(sys.executable).with_name("zizmor")
    done = subprocess.run([str(zizmor), "--offline", "--format", "plain", str(REPO / ".github")],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "No findings to report" in done.stdout + done.stderr


def test_every_action_is_pinned_to_a_full_commit_with_its_version_in_a_comment() -> None:
    for workflow in WORKFLOWS:
        for line in workflow.read_text(encoding="utf-8").splitlines():
            if "uses:" in line:
                assert re.search(r"uses: [\w.-]+/[\w.-]+@[0-9a-f]{40}\s+# v\d+\.\d+\.\d+$", line), line


def test_every_job_asks_for_least_permissions_and_keeps_no_credentials() -> None:
    for workflow in WORKFLOWS:
        data = yaml.safe_load(workflow.read_text(encoding="utf-8"))
        assert data["permissions"] == {}, workflow.name
        for name, job in data["jobs"].items():
            assert "permissions" in job, (workflow.name, name)
            assert job["permissions"].get("contents", "read") == "read", (workflow.name, name)
            for step in job["steps"]:
                if str(step.get("uses", "")).startswith("actions/checkout@"):
                    assert step["with"]["persist-credentials"] is False, (workflow.name, name)
    assert (REPO / ".github/dependabot.yml").is_file()


def test_pull_requests_run_the_readme_test_command_and_main_deploys_the_site() -> None:
    """main publishes the site with its fact sheets, printed by the runner's Chrome in DejaVu Sans."""
    test = (REPO / ".github/workflows/test.yml").read_text()
    assert "pull_request" in test and "run: make test" in test
    pages = (REPO / ".github/workflows/pages.yml").read_text()
    for step in ["run: make factsheets", "CHROMIUM: /usr/bin/google-chrome", "fonts-dejavu-core",
                 "actions/upload-pages-artifact", "actions/deploy-pages"]:
        assert step in pages, step


def test_the_weekly_freshness_issue_lists_exactly_the_stale_facts() -> None:
    workflow = yaml.safe_load((REPO / ".github/workflows/freshness.yml").read_text(encoding="utf-8"))
    assert workflow[True]["schedule"]  # 'on' reads as true in YAML 1.1
    steps = "\n".join(str(step.get("run", "")) for step in workflow["jobs"]["stale-facts"]["steps"])
    assert "python -m scripts freshness --markdown > freshness.md" in steps and "gh issue" in steps
    content = load(FIXTURES / "minimal")
    body = report(content, dt.date(2026, 11, 29), markdown=True)
    assert "| `content/facts/series/prisoners.yml` | 2023-12-31 | 1064 | 90 |" in body
    assert "| `content/facts/crossings/gamma.yml` | 2025-11-17 | 377 | 90 |" in body
    assert report(content, dt.date(2024, 1, 1), markdown=True) == ""  # nothing stale: the issue is closed
    assert [s.ident for s in stale_facts(content, dt.date(2026, 2, 15))] == ["prisoners"]
