"""Real builds of a small site: courses and blog mounted into one Material site."""

from __future__ import annotations

import json
import re
from pathlib import Path

from bs4 import BeautifulSoup

from conftest import Build, run_build

MODULE_URLS = [
    "cursussen/proefcursus/eerste-stappen/",
    "cursussen/proefcursus/het-gesprek/",
    "cursussen/proefcursus/afronding/",
]


def soup(build: Build, url: str) -> BeautifulSoup:
    return BeautifulSoup(build.page(url), "html.parser")


def built(site: Path) -> Build:
    build = run_build(site)
    assert build.returncode == 0, build.log
    return build


def test_strict_build_passes_without_warnings(small_site: Path) -> None:
    build = built(small_site)
    assert "WARNING" not in build.log
    assert "ERROR" not in build.log


def test_modules_are_published_at_clean_slugs_without_number(small_site: Path) -> None:
    build = built(small_site)
    for url in ["cursussen/", "cursussen/proefcursus/", *MODULE_URLS]:
        assert (build.site / url / "index.html").is_file(), url
    assert not list(build.site.rglob("01-*"))
    assert not (build.site / "courses").exists()


def test_course_page_lists_modules_in_numeric_order_with_duration(small_site: Path) -> None:
    page = soup(built(small_site), "cursussen/proefcursus/")
    items = page.select(".leerpad-modules > li")
    titles = [item.select_one(".leerpad-modules__title").get_text(strip=True) for item in items]
    # 2-het-gesprek sorts before 10-afronding by number, not alphabetically.
    assert titles == ["Eerste stappen", "Het gesprek", "Afronding"]
    metas = [item.select_one(".leerpad-modules__meta").get_text(" ", strip=True) for item in items]
    assert metas[0] == "module 1 van 3 · 20 minuten"
    assert "30 minuten" in metas[2]
    assert "Je vat samen wat je hoort." in items[1].get_text()
    facts = page.select_one(".leerpad-facts").get_text(" ", strip=True)
    assert "1 uur 15 minuten" in facts
    assert "Iedereen die klanten helpt." in facts
    links = [a["href"] for a in page.select(".leerpad-modules__title a")]
    assert links == ["eerste-stappen/", "het-gesprek/", "afronding/"]


def test_module_page_shows_place_and_links_to_neighbours(small_site: Path) -> None:
    build = built(small_site)
    middle = soup(build, MODULE_URLS[1])
    place = middle.select_one(".leerpad-module-header__place").get_text(" ", strip=True)
    assert place == "Proefcursus · module 2 van 3 · 25 minuten"
    assert middle.select_one("a[rel=prev]")["href"] == "../eerste-stappen/"
    assert middle.select_one("a[rel=next]")["href"] == "../afronding/"
    first = soup(build, MODULE_URLS[0])
    assert first.select_one("a[rel=prev]") is None
    assert "Cursusoverzicht" in first.select_one(".leerpad-module-nav").get_text()
    last = soup(build, MODULE_URLS[2])
    assert last.select_one("a[rel=next]") is None
    assert last.select_one("a[rel=prev]")["href"] == "../het-gesprek/"
    objectives = [li.get_text() for li in first.select(".leerpad-objectives li")]
    assert objectives == ["Je weet hoe een module eruitziet.", "Je vindt de volgende module."]


def test_links_written_as_real_file_paths_resolve(small_site: Path) -> None:
    build = built(small_site)
    home = soup(build, "")
    assert home.find("a", string="cursus")["href"] == "cursussen/proefcursus/"
    module = soup(build, MODULE_URLS[0])
    assert module.find("a", string="tweede module")["href"] == "../het-gesprek/"


def test_navigation_holds_courses_and_modules_in_order(small_site: Path) -> None:
    page = soup(built(small_site), MODULE_URLS[0])
    nav = page.select_one("nav.md-nav--primary")
    labels = [a.get_text(" ", strip=True) for a in nav.select("a.md-nav__link")]
    order = [labels.index(t) for t in ("Eerste stappen", "Het gesprek", "Afronding")]
    assert order == sorted(order)
    tabs = [a.get_text(strip=True) for a in page.select(".md-tabs__link")]
    assert tabs == ["Start", "Cursussen", "Blog", "Teamscan", "Mijn voortgang"]


def test_blog_lists_published_post_and_hides_draft(small_site: Path) -> None:
    build = built(small_site)
    index = soup(build, "blog/")
    titles = [h.get_text(strip=True) for h in index.select("article h2")]
    assert titles == [
        "Een tweede bericht over de kassa",
        "Een eerste bericht over wachtrijen",
        "Een bericht over teamoverleg",
    ]
    assert "Waarom mensen aansluiten" in index.get_text()
    assert "Meer tekst over de kassamedewerker" not in index.get_text()  # excerpt only
    post = soup(build, "blog/2025/05/02/een-eerste-bericht-over-wachtrijen/")
    assert "Ria Proef" in post.get_text()
    assert re.search(r"\d+ min leestijd", post.get_text())
    assert "Een concept dat nog niet af is" not in json.dumps(search_index(build))
    assert not list(build.site.rglob("*concept*"))
    assert (build.site / "blog/category/klantcontact/index.html").is_file()
    assert (build.site / "blog/archive/2025/index.html").is_file()


def search_index(build: Build) -> dict:
    return json.loads((build.site / "search/search_index.json").read_text(encoding="utf-8"))


def test_search_index_holds_module_and_post_text_with_dutch_stemmer(small_site: Path) -> None:
    index = search_index(built(small_site))
    assert index["config"]["lang"] == ["nl"]
    assert index["config"]["pipeline"] == ["stemmer", "stopWordFilter", "trimmer"]
    texts = {doc["location"]: doc["text"] for doc in index["docs"]}
    assert "loket wacht al even" in texts["cursussen/proefcursus/eerste-stappen/"]
    post = "blog/2025/05/02/een-eerste-bericht-over-wachtrijen/"
    assert "kassamedewerker" in texts[post]


def test_search_reads_the_quiz_but_not_its_answer_key(small_site: Path) -> None:
    build = built(small_site)
    texts = {doc["location"]: doc["text"] for doc in search_index(build)["docs"]}
    module = " ".join(text for where, text in texts.items() if "eerste-stappen" in where)
    assert "Wat doe je eerst?" in module and "Je kijkt op en groet haar." in module
    assert "Gezien worden is het begin" in module  # the explanation
    assert "Onjuist" not in module and "oogcontact" not in module  # the key and feedback
    page = build.page("cursussen/proefcursus/eerste-stappen/")
    assert "leerpad:" not in page  # neither markers nor placeholders are left
    key = soup(build, "cursussen/proefcursus/eerste-stappen/").select_one(".leerpad-quiz__key")
    assert "oogcontact" in key.get_text()


def test_edit_link_points_at_the_real_module_file(small_site: Path) -> None:
    config = small_site / "mkdocs.yml"
    text = config.read_text().replace("navigation.prune]", "navigation.prune, content.action.edit]")
    config.write_text(text + "repo_url: https://git.example/echt/site\nedit_uri: edit/main/docs/\n")
    page = soup(built(small_site), MODULE_URLS[0])
    edit = page.select_one("a[title][href*='edit/main']")["href"]
    assert (
        edit == "https://git.example/echt/site/edit/main/courses/proefcursus/01-eerste-stappen.md"
    )


def test_a_site_with_many_courses_keeps_its_navigation_small(small_site: Path) -> None:
    config = small_site / "mkdocs.yml"
    config.write_text(
        config.read_text().replace("  - leerpad:\n", "  - leerpad:\n      nav_max_courses: 0\n")
    )
    build = built(small_site)
    page = soup(build, MODULE_URLS[0])
    nav = page.select_one("nav.md-nav--primary").get_text(" ", strip=True)
    assert "Eerste stappen" not in nav and "Het gesprek" not in nav
    # Still reachable: the catalogue lists the course, the course lists its modules.
    assert soup(build, "cursussen/").select_one(".leerpad-catalogue a")["href"] == "proefcursus/"
    assert page.select_one("a[rel=next]")["href"] == "../het-gesprek/"
