"""A SCORM package of the real course reads like the site: axe-core finds nothing on any
kind of its pages, light or dark, and links and buttons keep their contrast on hover and
focus. The package is exported from this repository, with its palette and stylesheet, by
``leerpad export scorm`` as an author runs it, and served over http as an LMS serves it.

A package keeps its site's look: a site in Material's default palette (the small fixture
site) gives a package with Material's default header and footer contrast, as its own
pages have. What leerpad itself puts on a page passes axe-core in that palette too.
"""

from __future__ import annotations

import zipfile

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, expect

from page_checks import problems_by_page, violations

from conftest import REPO, copy_site, run_leerpad, serve
from link_states import state_contrast_problems

pytestmark = pytest.mark.browser

COURSE = "klantvriendelijk-van-binnenuit"
PAGES = {
    "course start page": f"cursussen/{COURSE}.html",
    "course catalogue": "cursussen/index.html",
    "module with quizzes and a self-assessment": (
        f"cursussen/{COURSE}/het-team-als-veilige-haven.html"
    ),
    "module with an ordering question and a scenario": (
        f"cursussen/{COURSE}/luisteren-om-te-begrijpen.html"
    ),
    "module with quizzes and a reflection": (
        f"cursussen/{COURSE}/servicecultuur-en-leiderschap.html"
    ),
}


@pytest.fixture(scope="module")
def package_url(tmp_path_factory: pytest.TempPathFactory):
    """The course's SCORM 2004 package, unzipped and served; yields its base URL."""
    folder = tmp_path_factory.mktemp("package")
    done = run_leerpad(REPO, "export", "scorm", COURSE, "-o", str(folder / "course.zip"))
    assert done.returncode == 0, done.stdout + done.stderr
    with zipfile.ZipFile(folder / "course.zip") as archive:
        archive.extractall(folder / "pkg")
    with serve(folder / "pkg") as url:
        yield url


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_every_kind_of_package_page_has_no_violations(
    browser: Browser, package_url: str, scheme: str
) -> None:
    context = browser.new_context(color_scheme=scheme)
    page = context.new_page()
    found = {}
    for kind, path in PAGES.items():
        page.goto(package_url + path)
        page.wait_for_load_state("networkidle")
        # The site's own stylesheet and palette are there: its teal header, not Material's.
        header = page.locator(".md-header")
        expect(header).to_have_css("background-color", "rgb(0, 105, 92)")
        if problems := violations(page):
            found[kind] = problems
    # The launch page, the course in its frame.
    page.goto(package_url + "index.html")
    expect(page.frame_locator(".leerpad-scorm__frame").locator("h1")).to_be_visible()
    if problems := violations(page):
        found["launch page"] = problems
    context.close()
    assert found == {}


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_package_links_and_buttons_keep_their_contrast_on_hover_and_focus(
    browser: Browser, package_url: str, scheme: str
) -> None:
    context = browser.new_context(color_scheme=scheme, bypass_csp=True)
    page = context.new_page()
    kinds = ("course start page", "module with quizzes and a self-assessment")
    pages = [(kind, package_url + PAGES[kind]) for kind in kinds]
    found = problems_by_page(page, pages, state_contrast_problems)
    context.close()
    assert found == {}


def test_leerpad_parts_pass_axe_in_materials_default_palette(
    browser: Browser, tmp_path_factory: pytest.TempPathFactory
) -> None:
    project = copy_site("small", tmp_path_factory.mktemp("plain"))
    done = run_leerpad(project, "export", "scorm", "proefcursus", "-o", str(project / "p.zip"))
    assert done.returncode == 0, done.stdout + done.stderr
    with zipfile.ZipFile(project / "p.zip") as archive:
        archive.extractall(project / "pkg")
    found = {}
    with serve(project / "pkg") as url:
        for scheme in ("light", "dark"):
            context = browser.new_context(color_scheme=scheme)
            page = context.new_page()
            for name in ("proefcursus", "proefcursus/eerste-stappen", "proefcursus/afronding"):
                page.goto(f"{url}cursussen/{name}.html")
                page.wait_for_load_state("networkidle")
                # leerpad's elements only: Material's header and footer are the site's palette.
                results = Axe().run(page, context='[class*="leerpad-"]')
                if problems := [v["id"] for v in results.response["violations"]]:
                    found[f"{scheme} {name}"] = problems
            context.close()
    assert found == {}
