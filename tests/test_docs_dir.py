"""A site whose mkdocs.yml names its own ``docs_dir``: leerpad looks for files there.

An ``image:`` is written from the site root, so it is a file under the site's docs_dir,
whatever that folder is called. Build and ``leerpad check`` must both find it there (no
false problem, a right preview and feed enclosure) and, when it is missing, name the
folder the site really uses.
"""

from __future__ import annotations

import re
from pathlib import Path

import feedparser
import pytest

from conftest import copy_site, run_build, run_leerpad

MODULE = "courses/proefcursus/2-het-gesprek.md"
POST = "blog/posts/tweede-bericht.md"


@pytest.fixture
def inhoud_site(tmp_path: Path) -> Path:
    """The small site with its docs/ folder renamed ``inhoud`` (and mkdocs.yml saying so)."""
    site = copy_site("small", tmp_path)
    (site / "docs").rename(site / "inhoud")
    config = site / "mkdocs.yml"
    config.write_text("docs_dir: inhoud\n" + config.read_text(encoding="utf-8"), encoding="utf-8")
    return site


def _with_image(site: Path, uri: str, image: str) -> int:
    """Give the page at ``uri`` the front matter line ``image: <image>``; its line number."""
    path = site / uri
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("---\n", f"---\nimage: {image}\n", 1), encoding="utf-8")
    return 2


def _preview_image(html: str) -> str:
    found = re.search(r'<meta property="og:image" content="([^"]*)"', html)
    assert found, html[:2000]
    return found.group(1)


def test_an_image_under_the_sites_own_docs_dir_is_found(inhoud_site: Path) -> None:
    _with_image(inhoud_site, MODULE, "assets/kaart.png")
    _with_image(inhoud_site, POST, "/assets/kaart.png")
    build = run_build(inhoud_site)
    assert build.returncode == 0, build.log
    assert "bestaat niet" not in build.log
    image = build.site / "assets/kaart.png"
    assert image.is_file()
    module = build.page("cursussen/proefcursus/het-gesprek/")
    assert _preview_image(module) == "https://proef.example/assets/kaart.png"
    feed = feedparser.parse((build.site / "feed_rss_created.xml").read_bytes())
    entry = next(e for e in feed.entries if e.title == "Een tweede bericht over de kassa")
    assert [(e.href, e.type, e.length) for e in entry.enclosures] == [
        ("https://proef.example/assets/kaart.png", "image/png", str(image.stat().st_size))
    ]
    checked = run_leerpad(inhoud_site, "check")
    assert "bestaat niet" not in checked.stdout + checked.stderr
    assert checked.returncode == 0, checked.stdout + checked.stderr


def test_a_missing_image_names_the_sites_own_docs_dir(inhoud_site: Path) -> None:
    module_line = _with_image(inhoud_site, MODULE, "assets/weg.png")
    post_line = _with_image(inhoud_site, POST, "assets/weg.png")
    # An image beside docs_dir, in the old docs/ place: not published, so missing too.
    (inhoud_site / "docs/assets").mkdir(parents=True)
    (inhoud_site / "docs/assets/weg.png").write_bytes(
        (inhoud_site / "inhoud/assets/kaart.png").read_bytes()
    )
    expected = [
        f"{MODULE}:{module_line}: afbeelding 'assets/weg.png' bestaat niet onder inhoud/; "
        "schrijf het pad vanaf de hoofdmap van de site",
        f"{POST}:{post_line}: afbeelding 'assets/weg.png' bestaat niet onder inhoud/; "
        "schrijf het pad vanaf de hoofdmap van de site",
    ]
    build = run_build(inhoud_site)
    checked = run_leerpad(inhoud_site, "check")
    assert build.returncode == 1
    assert checked.returncode == 1
    for message in expected:
        assert message in build.log, build.log
        assert message in checked.stdout, checked.stdout
    assert "docs/" not in build.log + checked.stdout
    assert "Traceback" not in build.log + checked.stdout + checked.stderr


def test_an_image_given_as_a_url_tells_to_save_it_under_the_sites_docs_dir(
    inhoud_site: Path,
) -> None:
    line = _with_image(inhoud_site, POST, "https://kaarten.echtcontact.example/wachtrij.png")
    build = run_build(inhoud_site)
    assert build.returncode == 0, build.log
    assert (
        f"{POST}:{line}: afbeelding 'https://kaarten.echtcontact.example/wachtrij.png' is geen "
        "bestand van de site, dus de feed krijgt bij dit bericht geen afbeelding: een build "
        "downloadt nooit iets; bewaar de afbeelding onder inhoud/ en schrijf het pad"
    ) in build.log, build.log


def _front_matter_image(site: Path, uri: str, image: str) -> int:
    """Give the page at ``uri`` (without front matter) ``image: <image>``; its line."""
    path = site / uri
    path.write_text(f"---\nimage: {image}\n---\n" + path.read_text(encoding="utf-8"))
    return 2


def test_a_docs_page_with_a_missing_image_is_told_by_build_and_check(inhoud_site: Path) -> None:
    # A page of docs_dir gets its link preview from `image:` too: a wrong path would
    # give every share of the page a broken picture, without a word.
    line = _front_matter_image(inhoud_site, "inhoud/teamscan.md", "assets/team.png")
    expected = f"inhoud/teamscan.md:{line}: afbeelding 'assets/team.png' bestaat niet onder inhoud/"
    build = run_build(inhoud_site)
    checked = run_leerpad(inhoud_site, "check")
    assert build.returncode == 1 and expected in build.log, build.log
    assert checked.returncode == 1 and expected in checked.stdout, checked.stdout
    # Right, the page is published with the image as its preview.
    page = inhoud_site / "inhoud/teamscan.md"
    page.write_text(page.read_text().replace("assets/team.png", "/assets/kaart.png"))
    build = run_build(inhoud_site)
    assert build.returncode == 0, build.log
    assert _preview_image(build.page("teamscan/")) == "https://proef.example/assets/kaart.png"
