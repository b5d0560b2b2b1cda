"""`mkdocs serve` rebuilds when a trainer edits courses/ or blog/, which live outside docs/.

Each test starts a real ``mkdocs serve`` on its own copy of the small site, edits a
source file the way a trainer would, and waits (bounded) until the served site shows it.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

# Generous bounds for slow CI machines; a rebuild of the small site takes well under 2 s.
WAIT_SECONDS = 30.0
POLL_SECONDS = 0.2
REQUEST_TIMEOUT = 5.0

MODULE_PAGE = "cursussen/proefcursus/eerste-stappen/"
BROKEN_MODULE_PAGE = "cursussen/proefcursus/het-gesprek/"
BLOG_INDEX = "blog/"


@dataclass
class Served:
    """A running ``mkdocs serve``: the project it serves, its URL and its output."""

    project: Path
    url: str
    process: subprocess.Popen[bytes]
    log_path: Path

    def output(self) -> str:
        """Everything the server has printed so far (stdout and stderr)."""
        return self.log_path.read_text(encoding="utf-8", errors="replace")

    def get(self, path: str) -> tuple[int, str]:
        """Status and body of ``path``; status 0 when the server does not answer."""
        try:
            with urllib.request.urlopen(self.url + path, timeout=REQUEST_TIMEOUT) as response:
                return response.status, response.read().decode("utf-8", errors="replace")
        except urllib.error.HTTPError as error:
            return error.code, ""
        except (urllib.error.URLError, OSError):
            return 0, ""

    def wait_until(self, condition: Callable[[], bool], what: str) -> None:
        """Poll ``condition`` for at most WAIT_SECONDS; fail with the server output if never."""
        deadline = time.monotonic() + WAIT_SECONDS
        while time.monotonic() < deadline:
            if condition():
                return
            if self.process.poll() is not None:
                pytest.fail(
                    f"mkdocs serve exited with {self.process.returncode} while waiting for "
                    f"{what}; its output:\n{self.output()}"
                )
            time.sleep(POLL_SECONDS)
        pytest.fail(f"no {what} within {WAIT_SECONDS:.0f} s; mkdocs serve output:\n{self.output()}")

    def wait_for_text(self, path: str, text: str) -> None:
        """Wait until the page at ``path`` answers 200 and contains ``text``."""

        def shows_text() -> bool:
            status, body = self.get(path)
            return status == 200 and text in body

        self.wait_until(shows_text, f"{text!r} on /{path}")


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def stop(process: subprocess.Popen[bytes]) -> None:
    """Stop the server: Ctrl+C first so it removes its temporary site, then harder."""
    if process.poll() is not None:
        return
    for send in (lambda: process.send_signal(signal.SIGINT), process.terminate, process.kill):
        send()
        try:
            process.wait(timeout=10)
            return
        except subprocess.TimeoutExpired:
            continue


@pytest.fixture
def served(small_site: Path, tmp_path: Path) -> Iterator[Served]:
    """``mkdocs serve`` on a fresh copy of the small site, up and serving its first module."""
    port = free_port()
    command = [sys.executable, "-m", "mkdocs", "serve", "-f", str(small_site / "mkdocs.yml")]
    # No --no-livereload: MkDocs 1.6 skips the watchers and on_serve entirely without it.
    command += ["-a", f"127.0.0.1:{port}"]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    log_path = tmp_path / "serve.log"
    with log_path.open("wb") as log:
        process = subprocess.Popen(
            command, cwd=small_site, env=env, stdout=log, stderr=subprocess.STDOUT
        )
    try:
        server = Served(small_site, f"http://127.0.0.1:{port}/", process, log_path)
        server.wait_until(lambda: server.get(MODULE_PAGE)[0] == 200, f"answer on /{MODULE_PAGE}")
        yield server
    finally:
        stop(process)


def edit(path: Path, change: Callable[[str], str]) -> str:
    """Rewrite the file at ``path`` with ``change`` applied; return its old text."""
    old = path.read_text(encoding="utf-8")
    new = change(old)
    assert new != old, f"the edit did not change {path}"
    path.write_text(new, encoding="utf-8")
    return old


def test_a_sentence_added_to_a_module_appears_on_the_served_page(served: Served) -> None:
    sentence = "Deze zin is net toegevoegd door de trainer."
    assert sentence not in served.get(MODULE_PAGE)[1]

    module = served.project / "courses/proefcursus/01-eerste-stappen.md"
    edit(module, lambda text: f"{text}\n{sentence}\n")

    served.wait_for_text(MODULE_PAGE, sentence)


def test_a_new_post_title_appears_on_the_served_blog_index(served: Served) -> None:
    old_title = "Een eerste bericht over wachtrijen"
    new_title = "Wachtrijen, opnieuw bekeken door de trainer"
    status, index = served.get(BLOG_INDEX)
    assert status == 200
    assert old_title in index
    assert new_title not in index

    post = served.project / "blog/posts/eerste-bericht.md"
    edit(post, lambda text: text.replace(f"title: {old_title}\n", f"title: {new_title}\n"))

    served.wait_for_text(BLOG_INDEX, new_title)


def test_broken_front_matter_is_reported_and_the_server_keeps_serving(served: Served) -> None:
    module = served.project / "courses/proefcursus/2-het-gesprek.md"
    message = "courses/proefcursus/2-het-gesprek.md:2:"
    intro = "Een goed gesprek begint met een vraag die uitnodigt."
    assert intro in served.get(BROKEN_MODULE_PAGE)[1]
    seen = len(served.output())

    original = edit(module, lambda _: "---\ntitle: [kapot\n---\n\nTekst.\n")

    served.wait_until(lambda: message in served.output()[seen:], f"{message!r} in the output")
    status, _ = served.get("")
    assert status == 200, f"home page answered {status}; output:\n{served.output()}"
    assert served.process.poll() is None, served.output()
    assert intro not in served.get(BROKEN_MODULE_PAGE)[1]

    module.write_text(original, encoding="utf-8")

    served.wait_for_text(BROKEN_MODULE_PAGE, intro)
    assert served.get("")[0] == 200
