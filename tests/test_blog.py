"""The blog for marketing: feed, link previews, structured data, topics, next steps."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import feedparser
import pytest
from bs4 import BeautifulSoup
from playwright.sync_api import Page

from conftest import Build, run_build

FIRST = "blog/2025/05/02/een-eerste-bericht-over-wachtrijen/"
SECOND = "blog/2025/07/10/een-tweede-bericht-over-de-kassa/"


def soup(build: Build, url: str) -> BeautifulSoup:
    return BeautifulSoup(build.page(url), "html.parser")


@pytest.fixture(scope="module")
def blog_build(tmp_path_factory: pytest.TempPathFactory) -> Build:
    from conftest import copy_site

    project = copy_site("small", tmp_path_factory.mktemp("blog"))
    future = dt.date.today() + dt.timedelta(days=30)
    (project / "blog/posts/gepland.md").write_text(
        f"---\ntitle: Een gepland bericht\ndate: {future.isoformat()}\nauthors: [ria]\n"
        "categories: [Teams]\n---\n\nKomt later.\n\n<!-- more -->\n\nMeer.\n",
        encoding="utf-8",
    )
    build = run_build(project)
    assert build.returncode == 0, build.log
    return build


def test_feed_lists_published_posts_with_their_details(blog_build: Build) -> None:
    feed = feedparser.parse((blog_build.site / "feed_rss_created.xml").read_text())
    assert not feed.bozo
    titles = [entry.title for entry in feed.entries]
    assert titles == [
        "Een tweede bericht over de kassa",
        "Een eerste bericht over wachtrijen",
        "Een bericht over teamoverleg",
    ]  # no draft, nothing scheduled for later
    entry = feed.entries[0]
    assert entry.link == "https://proef.example/" + SECOND
    assert entry.published_parsed[:3] == (2025, 7, 10)
    assert {tag.term for tag in entry.tags} == {"Klantcontact", "wachtrij", "glimlach"}
    # The excerpt is the post's description (or its first paragraph), never the full text.
    assert entry.summary.startswith("Waarom een echte glimlach aan de kassa")
    assert "Lees verder" not in feed.entries[1].summary
    assert entry.author == "Ria Proef"
    head = soup(blog_build, "")
    feeds = head.select('link[rel=alternate][type="application/rss+xml"]')
    assert any(link["href"].endswith("feed_rss_created.xml") for link in feeds)


def test_every_page_has_a_description_and_absolute_link_preview(blog_build: Build) -> None:
    for url in (SECOND, "cursussen/proefcursus/eerste-stappen/", ""):
        page = soup(blog_build, url)
        meta = {
            tag.get("property") or tag.get("name"): tag["content"]
            for tag in page.select("meta[content]")
        }
        assert meta["description"], url
        assert meta["og:url"] == "https://proef.example/" + url
        assert meta["og:image"] == "https://proef.example/assets/kaart.png"
        assert meta["og:title"] and meta["twitter:card"] == "summary_large_image"
        assert page.select_one("link[rel=canonical]")["href"] == "https://proef.example/" + url
    post = soup(blog_build, SECOND)
    assert post.select_one('meta[name="description"]')["content"].startswith(
        "Waarom een echte glimlach"
    )
    module = soup(blog_build, "cursussen/proefcursus/eerste-stappen/")
    # No description in front matter: the first paragraph stands in.
    assert module.select_one('meta[name="description"]')["content"].startswith(
        "De klant aan het loket"
    )


def test_posts_carry_blogposting_structured_data(blog_build: Build) -> None:
    script = soup(blog_build, SECOND).select_one('script[type="application/ld+json"]')
    data = json.loads(script.string)
    assert data["@type"] == "BlogPosting"
    assert data["headline"] == "Een tweede bericht over de kassa"
    assert data["datePublished"] == "2025-07-10"
    assert data["author"] == [{"@type": "Person", "name": "Ria Proef"}]
    assert data["url"] == "https://proef.example/" + SECOND
    assert data["inLanguage"] == "nl"


def test_post_ends_with_a_step_into_the_course_and_related_posts(blog_build: Build) -> None:
    page = soup(blog_build, SECOND)
    cta = page.select_one(".leerpad-cta")
    assert "Het gesprek" in cta.get_text() and "Proefcursus" in cta.get_text()
    assert cta.select_one("a")["href"] == "../../../../../cursussen/proefcursus/het-gesprek/"
    related = [a.get_text() for a in page.select(".leerpad-related a")]
    assert related == ["Een eerste bericht over wachtrijen"]  # shares the tag 'wachtrij'


def test_author_category_and_topic_pages(blog_build: Build) -> None:
    author = soup(blog_build, "blog/author/ria/")
    assert "Een tweede bericht over de kassa" in author.get_text()
    assert (blog_build.site / "blog/category/teams/index.html").is_file()


def test_sitemap_lists_posts_modules_and_courses_but_no_drafts(blog_build: Build) -> None:
    sitemap = (blog_build.site / "sitemap.xml").read_text()
    for url in (SECOND, FIRST, "cursussen/proefcursus/", "cursussen/proefcursus/afronding/"):
        assert f"<loc>https://proef.example/{url}</loc>" in sitemap
    assert "concept" not in sitemap and "gepland" not in sitemap


# The small site is Dutch: so are its messages.
POST_ERRORS = {
    "unknown author": (
        "authors: [ria]",
        "authors: [piet]",
        ":5: 'piet' staat niet in blog/.authors.yml; kies uit: ria",
    ),
    "category not allowed": (
        "categories: [Klantcontact]",
        "categories: [Sport]",
        ":6: 'Sport' staat niet in de toegestane categorieën van de blog",
    ),
    "description too long": (
        "description: Waarom",
        "description: " + "x" * 170 + " Waarom",
        ":3: 'description' heeft 248 tekens; hou het bij 160",
    ),
    "missing image": (
        "tags: [wachtrij, glimlach]",
        "tags: [wachtrij]\nimage: kaarten/weg.png",
        ":8: afbeelding 'kaarten/weg.png' bestaat niet onder docs/",
    ),
    "misspelt field name": (
        "description: Waarom",
        "descripton: Waarom",
        ":3: 'descripton': bedoel je 'description'?",
    ),
    "singular field name": (
        "categories: [Klantcontact]",
        "category: [Klantcontact]",
        ":6: 'category': bedoel je 'categories'?",
    ),
    "image outside docs/": (
        "tags: [wachtrij, glimlach]",
        "tags: [wachtrij]\nimage: ../mkdocs.yml",
        ":8: afbeelding '../mkdocs.yml' bestaat niet onder docs/",
    ),
}


@pytest.mark.parametrize("case", POST_ERRORS, ids=list(POST_ERRORS))
def test_post_front_matter_errors_name_the_line(small_site: Path, case: str) -> None:
    old, new, message = POST_ERRORS[case]
    post = small_site / "blog/posts/tweede-bericht.md"
    text = post.read_text()
    assert old in text
    post.write_text(text.replace(old, new, 1))
    build = run_build(small_site)
    assert build.returncode == 1
    assert f"blog/posts/tweede-bericht.md{message}" in build.log, build.log
    assert "Traceback" not in build.log


@pytest.mark.browser
def test_a_post_page_has_no_console_errors(page: Page, small_url: str) -> None:
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(small_url + SECOND)
    page.wait_for_load_state("networkidle")
    assert errors == []


@pytest.mark.browser
def test_post_footer_is_accessible(page: Page, small_url: str) -> None:
    from axe_playwright_python.sync_playwright import Axe

    page.goto(small_url + SECOND)
    results = Axe().run(page)
    ours = [
        (v["id"], n["html"][:80])
        for v in results.response["violations"]
        for n in v["nodes"]
        if "leerpad" in n["html"]
    ]
    assert ours == []


def test_a_preview_marks_drafts_and_scheduled_posts(small_site: Path) -> None:
    config = small_site / "mkdocs.yml"
    # What 'mkdocs serve' does: the blog plugin includes drafts and scheduled posts.
    config.write_text(
        config.read_text().replace(
            "      draft_if_future_date: true",
            "      draft_if_future_date: true\n      draft: true",
        )
    )
    (small_site / "blog/posts/gepland.md").write_text(
        "---\ntitle: Een gepland bericht\ndate: 2999-12-14\nauthors: [ria]\n"
        "categories: [Teams]\n---\n\nKomt later.\n",
        encoding="utf-8",
    )
    build = run_build(small_site)
    assert build.returncode == 0, build.log
    draft = soup(build, "blog/2025/06/01/een-concept-dat-nog-niet-af-is/")
    assert draft.select_one(".leerpad-unpublished").get_text() == (
        "Concept: dit bericht staat niet op de gepubliceerde site."
    )
    planned = soup(build, "blog/2999/12/14/een-gepland-bericht/")
    assert planned.select_one(".leerpad-unpublished").get_text() == (
        "Gepland: dit bericht verschijnt op 14 december 2999."
    )
    assert soup(build, SECOND).select_one(".leerpad-unpublished") is None


def test_home_page_lists_the_newest_published_posts(blog_build: Build) -> None:
    home = soup(blog_build, "")
    links = [(a.get_text(), a["href"]) for a in home.select(".leerpad-latest-posts a")]
    assert links == [
        ("Een tweede bericht over de kassa", SECOND),
        ("Een eerste bericht over wachtrijen", FIRST),
        ("Een bericht over teamoverleg", "blog/2024/11/02/een-bericht-over-teamoverleg/"),
    ]  # newest first; the scheduled and draft posts are not there


def test_a_post_without_authors_still_builds(small_site: Path) -> None:
    post = small_site / "blog/posts/tweede-bericht.md"
    post.write_text(post.read_text().replace("authors: [ria]\n", ""))
    build = run_build(small_site)
    assert build.returncode == 0, build.log
    data = json.loads(soup(build, SECOND).select_one('script[type="application/ld+json"]').string)
    assert data["author"] == []


QUIZ_IN_EXCERPT = """

/// quiz | Bij welke kassa sluit jij aan?
- [x] Waar iemand opkijkt.
    > Juist: oogcontact trekt.
- [ ] Bij de langste rij.
    > Die gaat zelden sneller.
///
"""


def test_a_quiz_in_a_post_excerpt_keeps_its_answer_key_in_the_listing(small_site: Path) -> None:
    post = small_site / "blog/posts/eerste-bericht.md"
    text = post.read_text(encoding="utf-8")
    post.write_text(text.replace("<!-- more -->", QUIZ_IN_EXCERPT + "\n<!-- more -->"), "utf-8")
    build = run_build(small_site)
    assert build.returncode == 0, build.log
    for url in ("blog/", "blog/2025/05/02/een-eerste-bericht-over-wachtrijen/"):
        html = build.page(url)
        assert "Juist: oogcontact trekt." in html, url  # the key, for readers without JS
        assert "leerpad:" not in html, url  # no search-skip marker or placeholder is left


def test_a_post_with_broken_front_matter_is_told_at_its_own_address(small_site: Path) -> None:
    post = small_site / "blog/posts/tweede-bericht.md"
    text = post.read_text(encoding="utf-8")
    post.write_text(text.replace("description: Waarom", "description: [Waarom", 1))
    build = run_build(small_site, strict=False)
    message = "blog/posts/tweede-bericht.md:3: de front matter is geen geldige YAML"
    assert f"ERROR   -  leerpad: {message}" in build.log, build.log
    # Where readers and links knew the post, they find the problem, not "not found";
    # the title and date lines still tell that address.
    assert message in soup(build, SECOND).select_one(".leerpad-error").get_text()
    assert not (build.site / "blog/tweede-bericht").exists()
    # Nothing else vanishes: the other posts, their category and the blog's listing.
    listed = [a.get_text(strip=True) for a in soup(build, "blog/").select("article h2 a")]
    assert listed == [
        "Een eerste bericht over wachtrijen",
        "Een bericht over teamoverleg",
    ]
    assert (build.site / FIRST / "index.html").is_file()
    assert soup(build, "blog/category/teams/").select("article h2 a")
