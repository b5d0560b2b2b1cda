"""What adding leerpad costs a Material site, side by side with plain Material and mkdocs-quiz.

Usage (from the repository root; mkdocs-quiz comes with the bench extra)::

    .venv/bin/pip install -e '.[bench]'
    .venv/bin/python bench/peer.py                        # 300 pages, 5 rounds
    .venv/bin/python bench/peer.py --pages 40 --rounds 1  # quick check

In a temporary directory the script writes one corpus as four MkDocs sites: ``--pages``
pages flat in ``docs/`` (no explicit nav, so Material lists every page in the navigation),
each with ~400 words of Dutch-like prose and ``--quizzes`` single-choice questions; search
on (Dutch, stemmer), ``navigation.prune``, the same Markdown extensions everywhere:

- ``plain``: Material only, the questions as plain Markdown (the baseline);
- ``leerpad, geen widgets``: + the leerpad plugin, the same plain Markdown;
- ``leerpad``: + the leerpad plugin, the questions as ``/// quiz`` blocks;
- ``mkdocs-quiz``: + mkdocs-quiz, the questions in its ``<quiz>`` syntax.

It builds them in turns (plain, leerpad without widgets, leerpad, mkdocs-quiz; the next
round starting with the next site) with ``mkdocs build`` in a subprocess, and prints per
site the median wall and CPU time and their ratios to plain Material, then the gzipped
bytes a reader downloads for one quiz page: its HTML (mkdocs-quiz inlines its CSS and JS
there) and the stylesheets and scripts it loads (for leerpad including the widget script
that leerpad.js loads on demand).

leerpad keeps its minified scripts and stylesheets in ``.cache/plugin/leerpad`` between
builds, so the measured builds (after an unmeasured one per site) find them there, as an
author's second build does; ``--cold-cache`` empties that cache before each build, as
after installing or upgrading leerpad.

On a shared machine the time a build takes moves with other work: the script also prints,
per site, the spread of its CPU-time ratio to the plain build of the same round. Writing
the sites to a memory file system (``TMPDIR=/dev/shm``) keeps disk writes out of the
figures.

With ``--instructions`` it also counts the instructions of one build of each site under
valgrind (slow: about 50 times a build), a figure that other load on a shared machine
hardly moves; ``--pages 100`` keeps that to minutes.

It prints figures and asserts nothing about them. It exits non-zero when a build fails or
when a site does not hold exactly the rendered quizzes it should, so it cannot silently
measure nothing.
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import re
import shutil
import statistics
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from html import unescape
from pathlib import Path
from urllib.parse import urljoin, urlparse

# bench/ on the path, whether run as a script or as ``python -m bench.peer``.
sys.path.insert(0, str(Path(__file__).resolve().parent))
from kit.builds import Timing, build, count_instructions, medians, write
from kit.cli import positive, require_packages
from kit.config import MARKDOWN_EXTENSIONS, SEARCH_PLUGIN, THEME
from kit.quizzes import Quiz, make_quiz, quiz_block, quiz_mkdocs_quiz, quiz_plain
from kit.text import prose, words_of

SEED = 20251130
WORDS_PER_PAGE = 400


@dataclass(frozen=True)
class Site:
    """One way to build the corpus: its plugins, how it writes a quiz, and what marks one."""

    key: str
    label: str
    plugins: str
    write_quiz: Callable[[Quiz], str]
    marker: str | None
    """A string each rendered quiz puts in the page once; None: the site renders none."""


LEERPAD_MARKER = 'class="leerpad-quiz"'
MKDOCS_QUIZ_MARKER = '<div class="quiz" '
SITES = [
    Site("plain", "plain Material", "", quiz_plain, None),
    Site("leerpad-0", "leerpad, geen widgets", "  - leerpad\n", quiz_plain, None),
    Site("leerpad", "leerpad", "  - leerpad\n", quiz_block, LEERPAD_MARKER),
    Site(
        "mkdocs-quiz", "mkdocs-quiz 1.7", "  - mkdocs_quiz\n", quiz_mkdocs_quiz, MKDOCS_QUIZ_MARKER
    ),
]

MKDOCS_YML = (
    "site_name: Peer benchmark\nsite_url: https://bench.example/\n"
    + THEME
    + "plugins:\n{plugins}"
    + SEARCH_PLUGIN
    + MARKDOWN_EXTENSIONS
)


@dataclass
class Page:
    """One page of the corpus: a title, prose sections and the quizzes between them."""

    number: int
    title: str
    sections: list[tuple[str, list[str]]]
    quizzes: list[Quiz]

    @property
    def name(self) -> str:
        """File name in docs/."""
        return f"pagina-{self.number:04d}.md"

    def markdown(self, write_quiz: Callable[[Quiz], str]) -> str:
        """The page, its quizzes written by ``write_quiz``."""
        parts = [f"# {self.title}"]
        for index, (heading, paragraphs) in enumerate(self.sections):
            parts += [f"## {heading}", *paragraphs]
            if index < len(self.quizzes):
                parts.append(write_quiz(self.quizzes[index]))
        return "\n\n".join(parts) + "\n"


def make_pages(count: int, quizzes: int, seed: int = SEED) -> list[Page]:
    """The corpus: ``count`` pages of ~400 words with ``quizzes`` quizzes each."""
    rng = random.Random(seed)
    per_section = WORDS_PER_PAGE // (quizzes + 1)
    return [
        Page(
            number=number,
            title=f"{words_of(rng, 3)} {number}",
            sections=[(words_of(rng, 3), prose(rng, per_section)) for _ in range(quizzes + 1)],
            quizzes=[make_quiz(rng, number, n) for n in range(1, quizzes + 1)],
        )
        for number in range(1, count + 1)
    ]


def write_site(root: Path, site: Site, pages: list[Page]) -> Path:
    """Write ``site``'s version of the corpus under ``root``; return its mkdocs.yml."""
    write(root / "mkdocs.yml", MKDOCS_YML.format(plugins=site.plugins))
    write(root / "docs" / "index.md", "# Start\n\nEen vergelijking van quizplugins.\n")
    for page in pages:
        write(root / "docs" / page.name, page.markdown(site.write_quiz))
    return root / "mkdocs.yml"


def built_page(site_dir: Path, page: Page) -> Path:
    """Where MkDocs publishes ``page`` (directory URLs)."""
    return site_dir / page.name.removesuffix(".md") / "index.html"


def check(site: Site, site_dir: Path, pages: list[Page], quizzes: int) -> None:
    """Exit unless every page holds ``quizzes`` rendered quizzes of this site, or none."""
    markers = [LEERPAD_MARKER, MKDOCS_QUIZ_MARKER]
    wrong = []
    for page in pages:
        path = built_page(site_dir, page)
        html = path.read_text(encoding="utf-8") if path.is_file() else ""
        for marker in markers:
            want = quizzes if marker == site.marker else 0
            if html.count(marker) != want:
                wrong.append(f"{path}: {html.count(marker)} x {marker!r}, expected {want}")
    if wrong:
        shown = "\n  ".join(wrong[:5])
        sys.exit(f"error: {site.label} did not render what it should ({len(wrong)}):\n  {shown}")


# --- What a reader downloads ------------------------------------------------------------------


def gz(data: bytes) -> int:
    """Gzipped size in bytes (level 9, as a static host would precompress)."""
    return len(gzip.compress(data, 9, mtime=0))


ASSET_PATTERN = re.compile(
    r'<(?:script[^>]*\ssrc|link[^>]*rel="stylesheet"[^>]*\shref)="([^"]+)"', re.IGNORECASE
)


def on_demand_scripts(html: str) -> list[str]:
    """The widget scripts that leerpad.js loads for this page after it starts."""
    found = re.search(r'<meta name="leerpad-scripts" content="([^"]+)"', html)
    if not found or LEERPAD_MARKER not in html:
        return []
    urls: dict[str, str] = json.loads(unescape(found.group(1)))
    return [url for name, url in urls.items() if name == "quiz"]


def page_bytes(site_dir: Path, page: Page) -> tuple[int, int]:
    """Gzipped bytes of the page's HTML, and of the local CSS and JS it loads."""
    path = built_page(site_dir, page)
    html = path.read_text(encoding="utf-8")
    base = "http://x/" + str(path.parent.relative_to(site_dir)) + "/"
    assets = 0
    for url in ASSET_PATTERN.findall(html) + on_demand_scripts(html):
        target = urlparse(urljoin(base, unescape(url)))
        if target.netloc != "x":
            continue
        assets += gz((site_dir / target.path.lstrip("/")).read_bytes())
    return gz(path.read_bytes()), assets


# --- Report ------------------------------------------------------------------------------------


def report(times: dict[str, list[Timing]], bytes_: dict[str, tuple[int, int]], pages: int) -> None:
    """Medians, ratios to plain Material, and the bytes of one quiz page per site."""
    median = {key: medians(values) for key, values in times.items()}
    plain = median["plain"]
    print()
    print(
        f"{'site':<24}{'wall s':>8}{'ratio':>7}{'cpu s':>8}{'ratio':>7}{'pages/s':>9}"
        f"{'html gz':>9}{'css+js gz':>11}{'total':>8}"
    )
    for site in SITES:
        m = median[site.key]
        html, assets = bytes_[site.key]
        print(
            f"{site.label:<24}{m.wall:>8.2f}{m.wall / plain.wall:>7.2f}{m.cpu:>8.2f}"
            f"{m.cpu / plain.cpu:>7.2f}{pages / m.wall:>9.1f}{html / 1024:>7.1f}KB"
            f"{assets / 1024:>9.1f}KB{(html + assets) / 1024:>6.1f}KB"
        )
    zero = median["leerpad-0"]
    print()
    print(
        f"leerpad on pages without widgets: {100 * (zero.cpu / plain.cpu - 1):+.1f}% CPU, "
        f"{100 * (zero.wall / plain.wall - 1):+.1f}% wall (target <= 3%)"
    )
    whole = median["leerpad"]
    print(
        f"whole of leerpad vs plain Material: {whole.cpu / plain.cpu:.2f} CPU, "
        f"{whole.wall / plain.wall:.2f} wall (target <= 1.10 by CPU)"
    )
    if len(times["plain"]) > 1:
        print("CPU ratio per round (each build against the plain build of its round):")
        for key in ("leerpad-0", "leerpad", "mkdocs-quiz"):
            ratios = sorted(t.cpu / p.cpu for t, p in zip(times[key], times["plain"], strict=True))
            print(
                f"  {key:<12} median {statistics.median(ratios):.3f}, "
                f"from {ratios[0]:.3f} to {ratios[-1]:.3f}"
            )


def report_instructions(counts: dict[str, int | None]) -> None:
    """Instructions per build and their ratios to plain Material, when they were counted."""
    if not counts:
        return
    if None in counts.values():
        print("instructions: not counted (valgrind is not installed)")
        return
    plain = counts["plain"] or 1
    print()
    for site in SITES:
        count = counts[site.key] or 0
        print(f"{site.label:<24}{count / 1e9:8.2f} G instructions{count / plain:7.3f}")


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    """The command line options."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=positive, default=300, help="pages (300)")
    parser.add_argument("--quizzes", type=positive, default=3, help="quizzes per page (3)")
    parser.add_argument("--rounds", type=positive, default=5, help="builds per site (5)")
    parser.add_argument(
        "--cold-cache",
        action="store_true",
        help="empty leerpad's cache of minified assets before each of its builds",
    )
    parser.add_argument(
        "--instructions",
        action="store_true",
        help="also count each build's instructions with valgrind (slow)",
    )
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    """Write the four sites, build them in turns, check them, print the figures."""
    args = parse_args(argv)
    require_packages(__file__, ("mkdocs", "material", "leerpad", "mkdocs_quiz"))
    pages = make_pages(args.pages, args.quizzes)
    total = args.pages + 1
    print(
        f"peer benchmark: {total} pages flat in docs/, {args.quizzes} single-choice quizzes "
        f"and ~{WORDS_PER_PAGE} words each, {args.rounds} round(s) of {len(SITES)} sites"
    )
    times: dict[str, list[Timing]] = {site.key: [] for site in SITES}
    with tempfile.TemporaryDirectory(prefix="leerpad-peer-") as tmp:
        base = Path(tmp)
        configs = {site.key: write_site(base / site.key, site, pages) for site in SITES}
        for site in SITES:  # unmeasured: compiles modules, warms caches, checks the output
            site_dir = configs[site.key].parent / "site"
            build(configs[site.key], site_dir)
            check(site, site_dir, pages, args.quizzes)
        for number in range(1, args.rounds + 1):
            # Each round starts with the next site: none always follows the same other.
            start = (number - 1) % len(SITES)
            for site in SITES[start:] + SITES[:start]:
                if args.cold_cache:  # as the first build after installing or upgrading
                    shutil.rmtree(configs[site.key].parent / ".cache", ignore_errors=True)
                times[site.key].append(build(configs[site.key], configs[site.key].parent / "site"))
            line = " | ".join(f"{key} {values[-1].wall:.2f} s" for key, values in times.items())
            print(f"round {number}: {line}", flush=True)
        bytes_ = {
            site.key: page_bytes(configs[site.key].parent / "site", pages[0]) for site in SITES
        }
        counts = {}
        if args.instructions:
            for site in SITES:
                counts[site.key] = count_instructions(
                    configs[site.key], configs[site.key].parent / "site"
                )
                print(f"instructions: {site.key} {counts[site.key]}", flush=True)
    report(times, bytes_, total)
    report_instructions(counts)
    return 0


if __name__ == "__main__":
    sys.exit(main())
