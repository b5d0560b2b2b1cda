"""axe-core finds nothing on any kind of page of the real site, light or dark.

That includes what Material's own templates would otherwise cause (contrast of the
header, tabs, footer and code; names for the search dialog and navigation landmarks).
axe-core does not hover or focus: the colours links and buttons take on then are
measured in Chromium (link_states.py). Packages: test_package_accessibility.py.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, expect

from page_checks import problems_by_page, violations

from conftest import Build, serve
from link_states import state_contrast_problems

pytestmark = pytest.mark.browser

PAGES = {
    "home": "",
    "course catalogue": "cursussen/",
    "course": "cursussen/klantvriendelijk-van-binnenuit/",
    "module with an ordering question": (
        "cursussen/klantvriendelijk-van-binnenuit/luisteren-om-te-begrijpen/"
    ),
    "module with quizzes and a self-assessment": (
        "cursussen/klantvriendelijk-van-binnenuit/het-team-als-veilige-haven/"
    ),
    "module with a conversation simulation": (
        "cursussen/klantvriendelijk-van-binnenuit/luisteren-om-te-begrijpen/"
    ),
    "blog index": "blog/",
    "post": "blog/2025/03/04/een-training-klantvriendelijkheid-heeft-geen-zin/",
    "author": "blog/author/noor/",
    "topics": "blog/onderwerpen/",
    "my progress": "voortgang/",
    "team scan": "teamscan/",
    "guide with live examples": "voor-trainers/",
}


@pytest.fixture(scope="module")
def site_url(repository_build: Build):
    with serve(repository_build.site) as base:
        yield base


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_every_kind_of_page_has_no_violations(browser: Browser, site_url: str, scheme: str) -> None:
    context = browser.new_context(color_scheme=scheme)
    page = context.new_page()
    pages = [(kind, site_url + url) for kind, url in PAGES.items()]
    found = problems_by_page(page, pages, violations)
    context.close()
    assert found == {}


def test_widgets_in_their_answered_states_have_no_violations(
    browser: Browser, site_url: str
) -> None:
    context = browser.new_context()
    page = context.new_page()
    page.goto(site_url + PAGES["module with quizzes and a self-assessment"])
    quiz = page.locator(".leerpad-quiz").first
    quiz.locator("input").first.check()
    quiz.get_by_role("button", name="Controleer").click()
    quiz.get_by_role("button", name="Toon het antwoord").click()
    for item in page.locator(".leerpad-assessment__item").all():
        item.locator("input").nth(2).check()
    expect(page.locator(".leerpad-assessment__result")).to_be_visible()
    page.locator(".leerpad-reflection textarea").fill("Wat ik meeneem.")
    # The course's rule completes modules: what is still open is said at the end.
    expect(page.locator(".leerpad-complete__status")).to_contain_text("nog")
    assert violations(page) == []
    context.close()


# Pages with every kind of link and button: the header, tabs, navigation and footer,
# running text, Material's buttons (blog), leerpad's widgets and progress page.
STATE_PAGES = ["home", "module with quizzes and a self-assessment", "blog index", "my progress"]


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_links_and_buttons_keep_their_contrast_on_hover_and_focus(
    browser: Browser, site_url: str, scheme: str
) -> None:
    context = browser.new_context(color_scheme=scheme, bypass_csp=True)
    page = context.new_page()
    pages = [(kind, site_url + PAGES[kind]) for kind in STATE_PAGES]
    found = problems_by_page(page, pages, state_contrast_problems)
    context.close()
    assert found == {}
