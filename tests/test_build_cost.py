"""What keeps leerpad cheap on pages without widgets, and proof that it changes no output.

Material's navigation template looks up four more fields (icon, subtitle, encrypted,
status) of every navigation entry whose ``page.meta`` is not empty, on every page: filling
the meta of every page made a 300-page site build 10-15% slower (bench/peer.py). leerpad
therefore keeps each page's description to itself and writes the head tag on its own, in
ASCII, and finds what a page needs (stylesheets, the on-demand tag) with as few passes
over the page as give the same result.
"""

from __future__ import annotations

import filecmp
import re
import shutil
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup
from mkdocs.utils import get_relative_url

from leerpad.blog.marketing import with_description
from leerpad.site.assets import (
    ASSET_DIR,
    ATTRIBUTE_PREFIX,
    MARKER_WORD,
    OnDemandTags,
    needed_stylesheets,
    page_stylesheets,
    published_assets,
)

from conftest import REPO, Build, run_build

# A page's head up to "</head>", as Material writes it.
HEAD = (
    '<html><head>\n      <meta charset="utf-8">\n'
    '      <meta name="viewport" content="width=device-width,initial-scale=1">\n'
    "{description}      <title>T</title>\n"
)

# A hook that fills page.meta["description"] the way leerpad did before, after leerpad.
OLD_WAY_HOOK = """
from mkdocs.plugins import event_priority

@event_priority(-100)
def on_page_content(html, page, config, files):
    page.meta["description"] = config.plugins["leerpad"].descriptions[page.file.src_uri]
"""


def description_of(html: str) -> list[str]:
    """The content of every description tag in the head."""
    head = BeautifulSoup(html, "html.parser")
    return [tag["content"] for tag in head.select('meta[name="description"]')]


def test_description_replaces_materials_tag_or_is_added_where_material_puts_it() -> None:
    site_wide = '      <meta name="description" content="De site in het kort.">\n'
    replaced = with_description(HEAD.format(description=site_wide), "Over de pagina.")
    assert description_of(replaced) == ["Over de pagina."]
    added = with_description(HEAD.format(description=""), "Over de pagina.")
    assert added == HEAD.format(
        description='      <meta name="description" content="Over de pagina.">\n'
    )
    # Quotes and angle brackets in the text stay inside the attribute.
    tricky = with_description(HEAD.format(description=""), 'Zeg "nee" & <meen> het')
    assert description_of(tricky) == ['Zeg "nee" & <meen> het']
    # No text and no site description: no empty tag.
    assert with_description(HEAD.format(description=""), "") == HEAD.format(description="")


def test_what_leerpad_adds_to_the_head_keeps_an_ascii_page_ascii(tmp_path: Path) -> None:
    # Python stores a text as narrow as its widest character allows: one "…" in the head
    # made a page of plain ASCII twice as large in memory, and every later copy and its
    # encoding as it was written many times slower. The reader sees the same text.
    head = with_description(HEAD.format(description=""), "Eén vraag – en een café…")
    assert head.isascii() and description_of(head) == ["Eén vraag – en een café…"]
    project = tmp_path / "site"
    (project / "docs").mkdir(parents=True)
    paragraph = " ".join(["Een lange eerste alinea over klantcontact"] * 10)
    (project / "docs" / "index.md").write_text(f"# Start\n\n{paragraph}.\n", encoding="ascii")
    (project / "mkdocs.yml").write_text(
        "site_name: Proef\nsite_url: https://proef.example/\ntheme:\n  name: material\n"
        "plugins:\n  - leerpad\n"
    )
    build = run_build(project)
    assert build.returncode == 0, build.log
    page = build.page("")
    assert page.isascii()
    soup = BeautifulSoup(page, "html.parser")
    preview = soup.select_one('meta[property="og:description"]')["content"]
    assert description_of(page) == [preview] and preview.endswith(" over…")


def test_pages_without_front_matter_keep_an_empty_meta(tmp_path: Path) -> None:
    project = tmp_path / "site"
    (project / "docs").mkdir(parents=True)
    (project / "docs" / "index.md").write_text("# Start\n\nEerste alinea van de startpagina.\n")
    (project / "mkdocs.yml").write_text(
        "site_name: Proef\nsite_url: https://proef.example/\ntheme:\n  name: material\n"
        "plugins:\n  - leerpad\nhooks:\n  - meta_hook.py\n"
    )
    (project / "meta_hook.py").write_text(
        "def on_post_page(output, page, config):\n"
        "    assert not page.meta, page.meta\n"
        "    return output\n"
    )
    build = run_build(project)
    assert build.returncode == 0, build.log
    assert description_of(build.page("")) == ["Eerste alinea van de startpagina."]


def test_the_real_site_is_byte_identical_to_a_build_that_fills_page_meta(
    repository_build: Build, tmp_path: Path
) -> None:
    project = tmp_path / "echt-contact"
    project.mkdir()
    for name in ("docs", "courses", "blog"):
        shutil.copytree(REPO / name, project / name)
    config = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    (project / "mkdocs.yml").write_text(config + "\nhooks:\n  - old_way.py\n", encoding="utf-8")
    (project / "old_way.py").write_text(OLD_WAY_HOOK)
    old_way = run_build(project)
    assert old_way.returncode == 0, old_way.log
    assert repository_build.returncode == 0, repository_build.log

    def files(root: Path) -> set[str]:
        # Feeds and the gzipped sitemap carry the time of the build.
        return {
            str(path.relative_to(root))
            for path in root.rglob("*")
            if path.is_file() and not path.name.startswith("feed_") and path.suffix != ".gz"
        }

    names = files(repository_build.site)
    assert names == files(old_way.site)
    assert len([n for n in names if n.endswith(".html")]) > 30
    _match, mismatch, errors = filecmp.cmpfiles(
        repository_build.site, old_way.site, sorted(names), shallow=False
    )
    assert mismatch == [] and errors == []


def test_a_site_without_courses_gets_no_empty_catalogue(tmp_path: Path) -> None:
    # An empty "Cursussen" page would be one more page to build and one more entry in
    # the navigation of every page; the not-found page must then not link to it either.
    project = tmp_path / "site"
    (project / "docs").mkdir(parents=True)
    (project / "docs" / "index.md").write_text("# Start\n\nAlleen een quiz, geen cursus.\n")
    (project / "mkdocs.yml").write_text(
        "site_name: Proef\nsite_url: https://proef.example/\n"
        "theme:\n  name: material\n  language: nl\nplugins:\n  - leerpad\n"
    )
    build = run_build(project)
    assert build.returncode == 0, build.log
    assert not (build.site / "cursussen").exists()
    assert "cursussen/" not in build.page("")
    not_found = BeautifulSoup(build.page("404.html"), "html.parser")
    links = [a.get_text(strip=True) for a in not_found.select("article a")]
    assert links == ["Naar de startpagina"]

    course = project / "courses" / "proef"
    course.mkdir(parents=True)
    (course / "index.md").write_text(
        "---\ntitle: Proefcursus\nsummary: Kort.\naudience: Iedereen.\nduration: 10\n"
        "---\n\nIntro.\n"
    )
    (course / "01-begin.md").write_text(
        "---\ntitle: Begin\nduration: 10\nobjectives:\n  - Je begint.\n---\n\nTekst.\n"
    )
    build = run_build(project)
    assert build.returncode == 0, build.log
    assert (build.site / "cursussen" / "index.html").is_file()
    not_found = BeautifulSoup(build.page("404.html"), "html.parser")
    hrefs = {a.get_text(strip=True): a["href"] for a in not_found.select("article a")}
    assert hrefs["Naar alle cursussen"] == "https://proef.example/cursussen/"


def test_every_stylesheet_marker_holds_the_word_looked_for_first() -> None:
    # needed_stylesheets passes over a page without "leerpad-" in its content: a marker
    # without it would leave its widget unstyled.
    markers = [marker for names in page_stylesheets().values() for marker in names]
    assert len(markers) > 8
    assert [marker for marker in markers if MARKER_WORD not in marker] == []
    # A marker naming an attribute is found among the page's data-leerpad-… names: it
    # must be such a name (letters, digits, hyphens), with or without its "=".
    attributes = [marker for marker in markers if marker.startswith(ATTRIBUTE_PREFIX)]
    assert len(attributes) > 6
    assert [m for m in attributes if not re.fullmatch(r"data-leerpad-[a-z0-9-]+=?", m)] == []
    # ... and leerpad's own script, at the end of every page, does not hold it.
    assert MARKER_WORD not in published_assets()["leerpad.js"][0]


def test_the_on_demand_tag_made_once_per_depth_is_each_pages_own() -> None:
    # Made once per folder depth, the tag must still be what the page's own way to the
    # assets gives: also for a page under assets/, whose way is shorter.
    assets = published_assets()
    urls = ["", "./", "index.html", "a/", "a/b.html", "a/b/", "a/./b/", "a/b/c/", "404.html"]
    urls += ["assets/", "a/../b/c/"]
    urls += ["assets/x/", "assets/leerpad/y/", "x/assets/", "blog/2024/01/post/"]
    tags = OnDemandTags(assets)
    for url in urls + urls[::-1]:
        folder = get_relative_url(f"{ASSET_DIR}/", url).removeprefix("./")
        script = assets["leerpad-quiz.js"][0].removeprefix(f"{ASSET_DIR}/")
        assert f"&quot;quiz&quot;: &quot;{folder}{script}&quot;" in tags.for_page(url), url


def test_stylesheets_are_found_as_looking_for_each_marker_would() -> None:
    def one_search_per_marker(html: str) -> list[str]:
        return [
            name
            for name, markers in page_stylesheets().items()
            if any(marker in html for marker in markers)
        ]

    pages = [
        '<div data-leerpad-quiz="a" data-leerpad-kind="single">',
        '<ol data-leerpad-quiz-ordering="">',  # the part only, not the kind
        '<ol data-leerpad-quiz-ordering=""><div data-leerpad-quiz="b">',
        '<div data-leerpad-progress-list="x">',  # a marker without "=" is a prefix
        '<div data-leerpad-quiz ="c">',  # no marker: the "=" does not follow
        "<p>data-leerpad-xdata-leerpad-reflection=</p>",  # one name inside another
        '<div class="leerpad-related"><span class="leerpad-unpublished">',
        '<div data-leerpad-teamscan="t"><div data-leerpad-course-progress="p">',
        "<p>leerpad-nothing at all</p>",
    ]
    for page in pages:
        assert needed_stylesheets(page) == one_search_per_marker(page), page
    assert needed_stylesheets(pages[1]) == ["leerpad-ordering.css"]


def test_every_course_file_is_read_and_its_front_matter_parsed_once_a_build(
    small_site: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The catalogue reads every course and module for the course structure; the page
    # is then published from that same text and front matter, not read and parsed again.
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    import leerpad.plugin
    import leerpad.site.courses

    reads: Counter[str] = Counter()
    parses: Counter[str] = Counter()
    for module in (leerpad.plugin, leerpad.site.courses):
        original_read, original_parse = module.read_source, module.read_front_matter

        def read(path: str, *args: Any, _read: Any = original_read) -> str:
            reads["/".join(Path(path).parts[-3:])] += 1
            return _read(path, *args)

        def parse(text: str, path: str, *args: Any, _parse: Any = original_parse) -> Any:
            parses["/".join(Path(path).parts[-3:])] += 1
            return _parse(text, path, *args)

        monkeypatch.setattr(module, "read_source", read)
        monkeypatch.setattr(module, "read_front_matter", parse)
    config = load_config(str(small_site / "mkdocs.yml"), site_dir=str(tmp_path / "site"))
    config.plugins.on_startup(command="build", dirty=False)
    build(config)
    names = ["index.md", "01-eerste-stappen.md", "2-het-gesprek.md", "10-afronding.md"]
    course = [f"courses/proefcursus/{name}" for name in names]
    assert {name: reads[name] for name in course} == dict.fromkeys(course, 1)
    assert {name: parses[name] for name in course} == dict.fromkeys(course, 1)
    assert (
        tmp_path / "site" / "cursussen" / "proefcursus" / "het-gesprek" / "index.html"
    ).is_file()
