"""Shared fixtures: build real sites in tmp_path and look at what came out."""

from __future__ import annotations

import contextlib
import http.server
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

import pytest

REPO = Path(__file__).resolve().parent.parent
SITES = Path(__file__).resolve().parent / "sites"


@dataclass
class Build:
    """The outcome of one ``mkdocs build``."""

    returncode: int
    log: str
    site: Path

    def page(self, url_path: str) -> str:
        """HTML of the page published at ``url_path`` (e.g. ``cursussen/x/``)."""
        path = self.site / url_path
        if url_path.endswith("/") or not url_path:
            path = path / "index.html"
        return path.read_text(encoding="utf-8")


def run_build(project: Path, *, strict: bool = True, site_dir: Path | None = None) -> Build:
    """Run ``mkdocs build`` on ``project`` in a subprocess, as an author would."""
    site = site_dir or project / "site"
    command = [sys.executable, "-m", "mkdocs", "build", "-f", str(project / "mkdocs.yml")]
    command += ["--site-dir", str(site)]
    if strict:
        command.append("--strict")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    done = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
    return Build(done.returncode, done.stdout + done.stderr, site)


def run_leerpad(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """Run the ``leerpad`` command on ``project`` in a subprocess, as an author would."""
    return subprocess.run(
        [sys.executable, "-m", "leerpad", "--root", str(project), *args],
        capture_output=True,
        text=True,
        check=False,
    )


def run_check(project: Path) -> subprocess.CompletedProcess[str]:
    """Run ``leerpad check`` on ``project``."""
    return run_leerpad(project, "check")


def copy_site(name: str, destination: Path) -> Path:
    """Copy the fixture site ``tests/sites/<name>`` to ``destination`` and return it."""
    target = destination / name
    shutil.copytree(SITES / name, target)
    return target


@pytest.fixture
def small_site(tmp_path: Path) -> Path:
    """A fresh copy of the small fixture site: one course of three modules, a blog."""
    return copy_site("small", tmp_path)


# --- Browser -------------------------------------------------------------------------

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium driven by Playwright; CI must have it, elsewhere tests skip."""
    if not os.path.exists(CHROMIUM):
        if os.environ.get("CI"):
            pytest.fail(f"{CHROMIUM} is missing; .ci/run installs Debian's chromium package")
        pytest.skip(f"{CHROMIUM} not installed (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    """A fresh browser context and page (empty storage) for one test."""
    context = browser.new_context()
    tab = context.new_page()
    yield tab
    context.close()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    extra_headers: ClassVar[dict[str, str]] = {}

    def end_headers(self):
        # Tests rebuild sites while serving them, often within the second that
        # If-Modified-Since can tell apart: never let the browser reuse a page.
        self.send_header("Cache-Control", "no-store")
        for name, value in self.extra_headers.items():
            self.send_header(name, value)
        super().end_headers()

    def log_message(self, format, *args):
        pass


@contextlib.contextmanager
def serve(directory: Path, headers: dict[str, str] | None = None):
    """Serve ``directory`` on a free localhost port; yields the base URL."""
    import functools
    import threading

    handler_class = type("Handler", (_QuietHandler,), {"extra_headers": headers or {}})
    handler = functools.partial(handler_class, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def set_site_url(project: Path, url: str) -> None:
    """Point ``site_url`` at where the site is served.

    Material's instant navigation only follows links that its sitemap lists, and it
    matches them by host and port: a test server on a random port needs its own URL.
    """
    config = project / "mkdocs.yml"
    lines = [line for line in config.read_text().splitlines() if not line.startswith("site_url:")]
    config.write_text("\n".join([f"site_url: {url}", *lines]) + "\n")


@contextlib.contextmanager
def served_build(project: Path):
    """Serve ``project``'s site on localhost, built for that address; yields (build, url)."""
    site = project / "site"
    site.mkdir(exist_ok=True)
    with serve(site) as base:
        set_site_url(project, base)
        build = run_build(project)
        assert build.returncode == 0, build.log
        yield build, base


@contextlib.contextmanager
def answered_assessment(browser, url: str, answers: list[str]):
    """One learner in a browser of their own answers the self-assessment at ``url``.

    ``answers`` are the scale labels, statement by statement; yields the page.
    """
    context = browser.new_context()
    page = context.new_page()
    try:
        page.goto(url)
        for number, label in enumerate(answers):
            page.locator(".leerpad-assessment__item").nth(number).get_by_label(
                label, exact=True
            ).check()
        yield page
    finally:
        context.close()


@pytest.fixture(scope="module")
def small_served(tmp_path_factory: pytest.TempPathFactory):
    """The small site, built once per test module and served on localhost."""
    project = copy_site("small", tmp_path_factory.mktemp("served"))
    with served_build(project) as served:
        yield served


@pytest.fixture(scope="module")
def small_build(small_served) -> Build:
    """The build behind ``small_served``."""
    return small_served[0]


@pytest.fixture(scope="module")
def small_url(small_served) -> str:
    """Base URL of the served small site."""
    return small_served[1]


@pytest.fixture(scope="session")
def repository_build(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """One strict build of the Echt Contact site itself."""
    return run_build(REPO, site_dir=tmp_path_factory.mktemp("echt-contact") / "site")
