"""The guides for trainers and marketing: reachable from the footer, not in learners' way."""

from __future__ import annotations

import json
from urllib.parse import urljoin

import pytest
from bs4 import BeautifulSoup
from playwright.sync_api import Browser, expect

from conftest import Build, serve

GUIDES = {"voor-trainers/": "Voor trainers", "voor-marketing/": "Voor marketing"}
PAGES = ["", "cursussen/klantvriendelijk-van-binnenuit/het-team-als-veilige-haven/"]


def test_guides_are_left_out_of_the_search_index(repository_build: Build) -> None:
    index = json.loads((repository_build.site / "search/search_index.json").read_text())
    locations = [doc["location"] for doc in index["docs"]]
    assert any(location.startswith("cursussen/") for location in locations)
    assert [loc for loc in locations if loc.startswith(tuple(GUIDES))] == []
    # Still built: reachable by link.
    for guide in GUIDES:
        assert (repository_build.site / guide / "index.html").is_file()


@pytest.mark.parametrize("url", PAGES)
def test_guides_sit_in_the_footer_not_in_the_menu(repository_build: Build, url: str) -> None:
    page = BeautifulSoup(repository_build.page(url), "html.parser")
    menus = page.select(".md-tabs, .md-nav--primary")
    assert menus
    menu_links = {a.get_text(strip=True) for menu in menus for a in menu.select("a")}
    assert not menu_links & set(GUIDES.values()), menu_links
    footer = page.select_one(".md-footer .leerpad-footer-links")
    assert footer is not None
    links = {a.get_text(strip=True): a["href"] for a in footer.select("a")}
    assert set(links) == set(GUIDES.values())
    for guide, title in GUIDES.items():
        target = urljoin("https://echtcontact.example/" + url, links[title])
        assert target == "https://echtcontact.example/" + guide


@pytest.mark.browser
@pytest.mark.parametrize("width", [390, 1280])
def test_footer_link_opens_the_guide(browser: Browser, repository_build: Build, width: int):
    context = browser.new_context(viewport={"width": width, "height": 844})
    page = context.new_page()
    with serve(repository_build.site) as base:
        page.goto(base + PAGES[1])
        page.locator(".md-footer").get_by_role("link", name="Voor trainers").click()
        expect(page).to_have_url(base + "voor-trainers/")
        expect(page.locator("h1")).to_contain_text("Voor trainers")
    context.close()
