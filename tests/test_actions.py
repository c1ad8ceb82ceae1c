"""Actions: letters to decision-makers that cite today's facts. Exact letters on the minimal fixture;
on the real site, what stays true after any edit: the letter shown, published and mailed is one text."""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from scripts.render.letters import MAILTO_LIMIT
from tests.conftest import FIXTURES, make_project, run_cli
from tests.sample import sample

LETTER = """\
I am writing to you about the political prisoners of Belarus.

Political prisoners held in Belarus today: 1,452 people (A counting body, December 31, 2023) [1].

Among those who profit from the regime: Anna Alpha — EU: Lifted (January 2023) [2].

At the border: Gamma – Hamma: Restricted since November 17, 2025 [3].

Please keep the sanctions in place until every political prisoner is free.

[Your name], [Your town]

Sources:
[1] https://example.org/five
[2] https://example.org/one
[3] https://example.org/three
"""


def shown(page: str) -> str:
    """The letter as the page shows it (and the copy button copies it): its paragraphs' text."""
    block = page.split('<div class="letter" id="letter-text">', 1)[1].split("</div>", 1)[0]
    paragraphs = re.findall(r"<p>(.*?)</p>", block, re.S)
    return "\n\n".join(unescape(re.sub(r"<[^>]+>", "", p.replace("<br>", "\n"))) for p in paragraphs) + "\n"


def mailtos(page: str) -> dict[str, tuple[str, str]]:
    """Each mail link of the letter: address -> (subject, body), decoded as a mail app decodes it."""
    out = {}
    for href in re.findall(r'<a class="md-button md-button--primary" href="(mailto:[^"]+)"', page):
        link = unescape(href)
        assert len(link) <= MAILTO_LIMIT and " " not in link and "+" not in link
        parts = urlsplit(link)
        query = dict(item.split("=", 1) for item in parts.query.split("&"))
        out[unquote(parts.path)] = (unquote(query["subject"]), unquote(query["body"]).replace("\r\n", "\n"))
    return out


@pytest.mark.site
def test_the_letter_cites_todays_facts_and_every_way_of_sending_it_is_the_same_text(built_minimal: Path) -> None:
    site = built_minimal / "site/en/act/keep-sanctions"
    page = (site / "index.html").read_text(encoding="utf-8")
    assert (site / "letter.txt").read_text(encoding="utf-8") == LETTER
    assert shown(page) == LETTER
    assert mailtos(page) == {"minister@example.org": ("Keep the sanctions until every political prisoner is free",
                                                      LETTER.rstrip("\n"))}
    assert "Contact last checked on October 1, 2026: it may have changed since." in page  # 30 days allowed
    assert page.count('class="stale-note"') == 1
    assert "Do not send this letter from inside Belarus." in page


@pytest.mark.site
def test_a_new_count_changes_the_letter_and_a_long_letter_is_only_copied_or_printed(tmp_path: Path) -> None:
    root = make_project(tmp_path, FIXTURES / "minimal" / "content")
    series = root / "content/facts/series/prisoners.yml"
    series.write_text(series.read_text().replace("\nsources:\n", "\n  - date: 2024-06-30\n    value: 1421\n"
                                                 "    counted_by: counter\n    source: four\nsources:\n"))
    action = root / "content/actions/keep-sanctions.yml"
    action.write_text(action.read_text().replace("    Please keep the sanctions", "    " + "Please. " * 300 +
                                                 "Please keep the sanctions"))
    assert run_cli(root, "build").code == 0
    page = (root / "site/en/act/keep-sanctions/index.html").read_text(encoding="utf-8")
    letter = (root / "site/en/act/keep-sanctions/letter.txt").read_text(encoding="utf-8")
    assert "today: 1,421 people (A counting body, June 30, 2024) [1]." in letter and shown(page) == letter
    assert mailtos(page) == {}  # too long for a mail link: copy, download or print it
    assert "This letter is too long to open in a mail app from a link: copy it or print it." in page
    assert 'data-clipboard-target="#letter-text"' in page and 'href="letter.txt"' in page
    checked = run_cli(root, "check")
    assert checked.code == 0
    assert "warning: content/actions/keep-sanctions.yml: the letter in 'en' makes a mail link of " in checked.out


@pytest.mark.site
def test_an_unsafe_action_is_not_promoted_in_a_language_read_inside_belarus(tmp_path: Path) -> None:
    root = make_project(tmp_path, FIXTURES / "minimal" / "content")
    site = root / "content/site.yml"
    site.write_text(site.read_text().replace("    default: true\n", "    default: true\n  - code: be\n"
                                             "    name: Беларуская\n    inside_belarus: true\n"))
    assert run_cli(root, "build", "--no-cards").code == 0
    assert 'href="act/keep-sanctions/"' in (root / "site/en/index.html").read_text(encoding="utf-8")
    assert 'href="act/keep-sanctions/"' not in (root / "site/be/index.html").read_text(encoding="utf-8")
    assert (root / "site/be/act/keep-sanctions/index.html").is_file()  # the page itself is there, with its warning
    action = root / "content/actions/keep-sanctions.yml"
    action.write_text(action.read_text().replace("safe_in_belarus: false\n", "safe_in_belarus: false\n"
                                                 "promote_in_belarus: true\n"))
    assert run_cli(root, "build", "--no-cards").code == 0
    assert 'href="act/keep-sanctions/"' in (root / "site/be/index.html").read_text(encoding="utf-8")


def test_freshness_lists_a_contact_past_its_check(tmp_path: Path) -> None:
    root = make_project(tmp_path, FIXTURES / "minimal" / "content")
    result = run_cli(root, "freshness")
    assert ("content/actions/keep-sanctions.yml: the contact of Ann Official was last checked on 2026-10-01"
            in result.out)


@pytest.mark.site
def test_every_letter_of_the_real_site_is_one_text_wherever_it_is_read(built_real: Path) -> None:
    content = sample().content
    if not content.actions:
        pytest.skip("the content has no action yet")
    for slug, action in content.actions.items():
        for lang in content.site.codes:
            site = built_real / "site" / lang / "act" / slug
            page = (site / "index.html").read_text(encoding="utf-8")
            letter = (site / "letter.txt").read_text(encoding="utf-8")
            assert shown(page) == letter, (lang, slug)
            for _, body in mailtos(page).values():
                assert body == letter.rstrip("\n")
            assert "{" not in letter and "[1]" in letter  # every placeholder filled in, facts cited
            for url in re.findall(r"^\[\d+\] (\S+)$", letter, re.M):
                assert f'href="{url}"' in page
            emails = [r.email for r in action.recipients if r.email]
            too_long = "This letter is too long" in page or lang != "en"
            assert set(mailtos(page)) == set(emails) or too_long
    promoted = [slug for slug, a in content.actions.items() if a.safe_in_belarus or a.promote_in_belarus
                or not any(language.inside_belarus for language in content.site.languages if language.default)]
    home = (built_real / f"site/{content.site.default_language}/index.html").read_text(encoding="utf-8")
    assert all(f'href="act/{slug}/"' in home for slug in promoted)



def test_an_action_page_works_without_javascript(browser, served_real: str) -> None:  # type: ignore[no-untyped-def]
    """With scripts off the letter is on the page to read and select, and its text and mail links work."""
    from tests.browser import new_page

    content = sample().content
    if not content.actions:
        pytest.skip("the content has no action yet")
    slug = sample().action
    page, watch = new_page(browser, served_real, javascript=False)
    for lang in content.site.codes:
        page.goto(served_real + f"{lang}/act/{slug}/")
        letter = page.locator("#letter-text")
        assert letter.is_visible() and "[1]" in letter.inner_text()
        with page.expect_response(lambda r: r.url.endswith("/letter.txt")) as answer:
            page.goto(served_real + f"{lang}/act/{slug}/letter.txt")
        assert answer.value.status == 200
    assert watch.failures == [] and watch.foreign == []
