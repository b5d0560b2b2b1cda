"""The RSS feed as feed readers see it: valid, every date right, images with their size.

The build runs with networking blocked: a build must never fetch anything, not even
the size of an image given as a URL.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

import feedparser
import pytest

from conftest import Build

OVERLAY = Path(__file__).resolve().parent / "overlays" / "feed"

NO_NETWORK = """
import os, socket

def _refuse(*args, **kwargs):
    with open(os.environ["NETWORK_ATTEMPTS"], "a", encoding="utf-8") as log:
        log.write(f"{args}\\n")
    raise OSError("networking is blocked in this test")

socket.getaddrinfo = _refuse
socket.socket.connect = _refuse
socket.socket.connect_ex = _refuse
"""


@pytest.fixture(scope="module")
def offline_build(tmp_path_factory: pytest.TempPathFactory) -> tuple[Build, Path]:
    """The small site with the feed fixtures, built with every network call refused."""
    root = tmp_path_factory.mktemp("feed")
    site = root / "small"
    shutil.copytree(Path(__file__).resolve().parent / "sites" / "small", site)
    shutil.copytree(OVERLAY, site, dirs_exist_ok=True)
    config = site / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    timed = text.replace(
        "        as_creation: date\n", '        as_creation: date\n        default_time: "09:00"\n'
    )
    assert timed != text
    config.write_text(timed, encoding="utf-8")
    blocker = root / "blocker"
    blocker.mkdir()
    (blocker / "sitecustomize.py").write_text(NO_NETWORK, encoding="utf-8")
    attempts = root / "network-attempts.txt"
    env = {
        **os.environ,
        "NO_MKDOCS_2_WARNING": "1",
        "PYTHONPATH": str(blocker),
        "NETWORK_ATTEMPTS": str(attempts),
    }
    command = [sys.executable, "-m", "mkdocs", "build", "-f", str(site / "mkdocs.yml")]
    done = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
    return Build(done.returncode, done.stdout + done.stderr, site / "site"), attempts


def feed_of(build: Build) -> feedparser.FeedParserDict:
    return feedparser.parse((build.site / "feed_rss_created.xml").read_bytes())


def test_no_build_fetches_anything_and_an_external_image_is_named(
    offline_build: tuple[Build, Path],
) -> None:
    build, attempts = offline_build
    assert build.returncode == 0, build.log
    assert not attempts.exists(), attempts.read_text(encoding="utf-8")
    assert (
        "blog/posts/kaartje-elders.md:7: afbeelding 'https://kaarten.echtcontact.example/"
        "wachtrij.png' is geen bestand van de site, dus de feed krijgt bij dit bericht geen "
        "afbeelding" in build.log
    )
    # Allowed (the guide says so; the link preview uses it): told, but no warning that
    # would stop a strict build.
    assert "WARNING" not in build.log
    entry = next(e for e in feed_of(build).entries if e.title == "Een kaartje van elders")
    assert not entry.get("enclosures")


def test_a_post_image_under_docs_is_an_enclosure_with_its_size(
    offline_build: tuple[Build, Path],
) -> None:
    build, _ = offline_build
    image = build.site / "assets/kaart.png"
    for name in ("feed_rss_created.xml", "feed_rss_updated.xml"):
        feed = feedparser.parse((build.site / name).read_bytes())
        entry = next(e for e in feed.entries if e.title == "Een bericht met een eigen kaartje")
        assert [(e.href, e.type, e.length) for e in entry.enclosures] == [
            ("https://proef.example/assets/kaart.png", "image/png", str(image.stat().st_size))
        ]


def test_created_and_updated_dates_give_the_created_date(
    offline_build: tuple[Build, Path],
) -> None:
    build, _ = offline_build
    entries = feed_of(build).entries
    entry = next(e for e in entries if e.title == "Een bericht met een eigen kaartje")
    # The same time of day as a post with a plain date: the feed's default_time.
    assert entry.published_parsed[:4] == (2025, 7, 2, 9)
    plain = next(e for e in entries if e.title == "Een kaartje van elders")
    assert plain.published_parsed[:4] == (2025, 7, 3, 9)
    dates = [e.published_parsed for e in entries]
    assert dates == sorted(dates, reverse=True)


def test_the_feed_is_valid_and_every_link_leads_to_a_built_page(
    offline_build: tuple[Build, Path],
) -> None:
    build, _ = offline_build
    for name in ("feed_rss_created.xml", "feed_rss_updated.xml"):
        feed = feedparser.parse((build.site / name).read_bytes())
        assert not feed.bozo, feed.bozo_exception
        assert feed.version == "rss20"
        links = [entry.link for entry in feed.entries]
        assert links and len(links) == len(set(links))
        for link in links:
            path = urlsplit(link).path.removeprefix("/")
            assert (build.site / path / "index.html").is_file(), link


def test_a_tag_with_an_ampersand_keeps_the_feed_readable(
    offline_build: tuple[Build, Path],
) -> None:
    # One tag 'klant & team' made the RSS plugin write a bare '&' in <category>: every
    # feed reader then rejects the whole feed, every post in it.
    build, _ = offline_build
    for name in ("feed_rss_created.xml", "feed_rss_updated.xml"):
        feed = feedparser.parse((build.site / name).read_bytes())
        assert not feed.bozo, feed.bozo_exception
        entry = next(e for e in feed.entries if e.title == "Klant & team, <samen>")
        assert {"klant & team", "<balie>"} <= {tag.term for tag in entry.tags}
