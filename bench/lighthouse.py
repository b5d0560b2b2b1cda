"""Lighthouse scores of a module page and a post page, served gzipped on localhost.

Prints the four category scores (performance, accessibility, best practices, SEO) and
the main timings for each page; it asserts nothing.

Setup, once: ``npm install --prefix .ci/node lighthouse`` (Lighthouse drives Debian's
Chromium at /usr/bin/chromium; it never downloads a browser).

    .venv/bin/python bench/lighthouse.py
    .venv/bin/python bench/lighthouse.py --site /tmp/site   # an existing build
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import json
import os
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
LIGHTHOUSE = Path(os.environ.get("LIGHTHOUSE", REPO / ".ci/node/node_modules/.bin/lighthouse"))
PAGES = {
    "module": "cursussen/klantvriendelijk-van-binnenuit/het-team-als-veilige-haven/",
    "post": "blog/2025/03/04/een-training-klantvriendelijkheid-heeft-geen-zin/",
}
CHROME_FLAGS = (
    "--headless=new --no-sandbox --disable-gpu --disable-background-networking "
    "--disable-component-update --disable-sync"
)
COMPRESSED = (".html", ".css", ".js", ".json", ".xml", ".svg")


class GzipHandler(http.server.SimpleHTTPRequestHandler):
    """Serves text files gzipped, as any real static host does."""

    def send_head(self):  # type: ignore[no-untyped-def]
        """Answer with the gzipped file when the client accepts it."""
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        accepts = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (accepts and path.suffix in COMPRESSED and path.is_file()):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), 9)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return _Body(body)

    def log_message(self, format, *args):  # type: ignore[no-untyped-def]
        """Stay quiet."""


class _Body:
    """The minimal file-like object ``SimpleHTTPRequestHandler`` copies from."""

    def __init__(self, data: bytes) -> None:
        self.data = data

    def read(self, size: int = -1) -> bytes:
        """Everything at once."""
        data, self.data = self.data, b""
        return data

    def close(self) -> None:
        """Nothing to close."""


def build(site: Path) -> None:
    """Build the Echt Contact site into ``site``."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(REPO / "mkdocs.yml")]
    subprocess.run([*command, "-d", str(site)], check=True, env=env)


def audit(url: str, report: Path) -> dict[str, object]:
    """Run Lighthouse on ``url``; return its JSON report."""
    subprocess.run(
        [
            str(LIGHTHOUSE),
            url,
            "--quiet",
            "--output=json",
            f"--output-path={report}",
            f"--chrome-flags={CHROME_FLAGS}",
            "--only-categories=performance,accessibility,best-practices,seo",
        ],
        check=True,
        env={**os.environ, "CHROME_PATH": "/usr/bin/chromium"},
    )
    result: dict[str, object] = json.loads(report.read_text())
    return result


def summary(name: str, result: dict[str, object]) -> str:
    """One block of text per page: scores, then timings."""
    categories = result["categories"]  # type: ignore[index]
    audits = result["audits"]  # type: ignore[index]
    scores = "  ".join(
        f"{key} {round(value['score'] * 100)}"
        for key, value in categories.items()  # type: ignore[union-attr]
    )
    timings = "  ".join(
        f"{key} {audits[key]['displayValue']}"  # type: ignore[index]
        for key in ("first-contentful-paint", "largest-contentful-paint", "total-blocking-time")
    )
    return f"{name:7} {scores}\n{'':7} {timings}"


def main() -> int:
    """Build (or take) the site, serve it, audit the pages, print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--site", type=Path, help="an existing build to audit")
    args = parser.parse_args()
    if not LIGHTHOUSE.exists():
        print(
            f"Lighthouse is not installed ({LIGHTHOUSE}); run: npm install --prefix .ci/node "
            "lighthouse",
            file=sys.stderr,
        )
        return 2
    with tempfile.TemporaryDirectory() as temp:
        site = args.site or Path(temp) / "site"
        if args.site is None:
            build(site)
        handler = functools.partial(GzipHandler, directory=str(site))
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        base = f"http://127.0.0.1:{server.server_address[1]}/"
        print("Lighthouse (simulated mobile, slow 4G), served gzipped from localhost")
        try:
            for name, path in PAGES.items():
                print(summary(name, audit(base + path, Path(temp) / f"{name}.json")))
        finally:
            server.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
