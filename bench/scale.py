"""Measure how the site build scales: pages per second, peak memory and search index size.

Usage (from the repository root, with the project's virtual environment)::

    .venv/bin/python bench/scale.py                         # 500, 2000 and 5000 pages
    .venv/bin/python bench/scale.py --sizes 200,400         # quick check
    .venv/bin/python bench/scale.py --no-overhead --rounds 3

For every size the script writes a synthetic site (seeded, so the same size always gives
the same text) in a temporary directory, modelled on the real ``mkdocs.yml``: courses of
20 modules, each module with ~400 words of Dutch-like prose, 2 quizzes, 1 reflection and,
in every 5th module, a small self-assessment; plus blog posts (about 10% of the pages) of
~400 words. It builds the site with ``mkdocs build`` in a subprocess and prints the wall
time, the pages built (``index.html`` files), pages per second, the peak memory of the
build and the size of the search index. At the end it prints how pages per second at the
largest size compare with the smallest (target >= 0.70: the build should scale linearly).

With ``--overhead`` (the default) the smallest site is also built with every widget block
written as plain Markdown: with and without widgets in turns, ``--overhead-rounds`` (3)
times each, and the script prints the ratio of the median build times (target <= 1.10).
Besides wall time it prints CPU time (user + system), which other load on the machine
disturbs less. For the largest site it times the first search in headless Chromium when
``/usr/bin/chromium`` and Playwright are installed.

The script only prints figures; it never asserts timings. It exits non-zero when a build
fails, reports errors, or does not hold the widgets it should, so it cannot silently
measure nothing. Standard library only, plus Playwright (optional) for the search timing.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.util
import math
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

# bench/ on the path, whether run as a script or as ``python -m bench.scale``.
sys.path.insert(0, str(Path(__file__).resolve().parent))
from kit.builds import Timing, build, write
from kit.cli import positive, require_packages
from kit.config import MARKDOWN_EXTENSIONS, SEARCH_PLUGIN, THEME
from kit.quizzes import Quiz, make_quiz, quiz_block, quiz_plain
from kit.serving import CHROMIUM, CHROMIUM_ARGS, serve
from kit.text import paragraph_of, prose, sentence, slugify, words_of
from quiz_overhead import Course, course_markdown

REPO = Path(__file__).resolve().parent.parent
SEED = 20250520
DEFAULT_SIZES = "500,2000,5000"
MODULES_PER_COURSE = 20
POST_SHARE = 0.10
PER_PAGE = 8  # the blog's pagination_per_page, as on the real site
WORDS_PER_PAGE = 400
ASSESSMENT_EVERY = 5
LINEARITY_TARGET = 0.70
OVERHEAD_TARGET = 1.10
OVERHEAD_ROUNDS = 3
PLAIN_ROUNDS = 3
WARM_UP_PAGES = 40
SEARCH_WORD = "glimlach"
MARKERS = {
    "quizzes": 'class="leerpad-quiz"',
    "reflections": 'class="leerpad-reflection"',
    "assessments": 'class="leerpad-assessment"',
    "errors": 'class="leerpad-error"',
}
AUTHORS = {
    "anouk": "Anouk De Smet",
    "noor": "Noor Verhaegen",
    "jeroen": "Jeroen Hoekstra",
}
CATEGORIES = ["Klantcontact", "Teams", "Leiderschap", "Persoonlijke groei"]
TAGS = [
    "vertrouwen",
    "veilige haven",
    "echte glimlach",
    "grenzen",
    "servicecultuur",
    "feedback",
    "werkdruk",
    "luisteren",
    "teamleider",
    "werkplezier",
]
SCALE = ["Nooit", "Soms", "Vaak"]
DIMENSIONS = {"rust": "Rust", "steun": "Steun"}

MKDOCS_YML = (
    """\
site_name: Leerpad schaalbenchmark
# Any address will do: the search timing serves the site on 127.0.0.1, and only Material's
# instant navigation (which follows the links the sitemap lists for site_url) would care.
site_url: https://bench.example/
"""
    + THEME
    + """\
nav:
  - Start: index.md
  - Cursussen: cursussen/index.md
  - Blog:
      - blog/index.md
plugins:
  - leerpad:
      default_image: assets/kaart.png
"""
    + SEARCH_PLUGIN
    + """\
  - blog:
      blog_dir: blog
      blog_toc: true
      authors_file: ../blog/.authors.yml
      post_date_format: long
      post_url_format: "{date}/{slug}"
      post_readtime_words_per_minute: 220
      draft_if_future_date: true
      categories_allowed:
        - Klantcontact
        - Teams
        - Leiderschap
        - Persoonlijke groei
      authors_profiles: true
      authors_profiles_name: Auteurs
      archive_name: Archief
      categories_name: Categorieën
      pagination_per_page: 8
  - tags
extra_css:
  - assets/bench.css
"""
    + MARKDOWN_EXTENSIONS
)

AVATAR = (
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32">'
    '<circle cx="16" cy="16" r="16" fill="#2e7d6b"/></svg>\n'
)


# --- The corpus -------------------------------------------------------------------------------


@dataclass
class Assessment:
    """A small self-assessment: title, statements (dimension, reversed?, text), band texts."""

    title: str
    items: list[tuple[str, bool, str]]
    bands: list[tuple[str, str]]


@dataclass
class Module:
    """One module: front matter, three prose sections, 2 quizzes, a reflection, maybe a test."""

    number: int
    slug: str
    title: str
    duration: int
    objectives: list[str]
    sections: list[tuple[str, list[str]]]
    quizzes: list[Quiz]
    reflection: tuple[str, str]
    assessment: Assessment | None


@dataclass
class Post:
    """One blog post: front matter fields, an excerpt and the rest of the text."""

    title: str
    description: str
    date: dt.date
    author: str
    category: str
    tags: list[str]
    excerpt: str
    sections: list[tuple[str, list[str]]]


@dataclass
class Corpus:
    """The courses and posts of one synthetic site."""

    courses: list[Course] = field(default_factory=list)
    posts: list[Post] = field(default_factory=list)

    @property
    def modules(self) -> list[Module]:
        """Every module of every course."""
        return [module for course in self.courses for module in course.modules]


def make_assessment(rng: random.Random, page: int) -> Assessment:
    """Four statements over two dimensions, one reversed, and bands 0-49 and 50-100."""
    items = [
        ("rust", False, sentence(rng)),
        ("rust", True, sentence(rng)),
        ("steun", False, sentence(rng)),
        ("steun", False, sentence(rng)),
    ]
    bands = [("0-49", paragraph_of(rng, 2)), ("50-100", paragraph_of(rng, 2))]
    return Assessment(f"Zelftest van pagina {page}", items, bands)


def make_module(rng: random.Random, number: int, page: int) -> Module:
    """A module of ~400 words in three sections, with its widgets."""
    title = words_of(rng, 3)
    per_section = WORDS_PER_PAGE // 3
    return Module(
        number=number,
        slug=f"{slugify(title)}-{number}",
        title=title,
        duration=rng.randint(20, 60),
        objectives=[f"Je {sentence(rng).lower()}" for _ in range(3)],
        sections=[(words_of(rng, 3), prose(rng, per_section)) for _ in range(3)],
        quizzes=[make_quiz(rng, page, n) for n in (1, 2)],
        reflection=(f"Pagina {page}: {sentence(rng).rstrip('.')}?", sentence(rng)),
        assessment=make_assessment(rng, page) if page % ASSESSMENT_EVERY == 0 else None,
    )


def make_post(rng: random.Random, index: int, newest: dt.date) -> Post:
    """A post of ~400 words, one every other day back from ``newest``."""
    description = sentence(rng)
    if len(description) > 150:
        description = description[:150].rsplit(" ", 1)[0] + "."
    return Post(
        title=f"{words_of(rng, 4)} {index}",
        description=description,
        date=newest - dt.timedelta(days=2 * index),
        author=rng.choice(sorted(AUTHORS)),
        category=rng.choice(CATEGORIES),
        tags=rng.sample(TAGS, 2),
        excerpt=paragraph_of(rng, 3),
        sections=[(words_of(rng, 3), prose(rng, (WORDS_PER_PAGE - 40) // 2)) for _ in range(2)],
    )


def listing_pages(posts: list[Post]) -> int:
    """Pages the blog plugin generates: index, archive years, categories, authors (paginated)."""
    groups = [
        Counter(post.date.year for post in posts),
        Counter(post.category for post in posts),
        Counter(post.author for post in posts),
    ]
    pages = math.ceil(len(posts) / PER_PAGE) if posts else 1
    return pages + sum(math.ceil(n / PER_PAGE) for group in groups for n in group.values())


def make_corpus(size: int, seed: int = SEED) -> Corpus:
    """A site of about ``size`` built pages; the same for the same arguments."""
    rng = random.Random(seed)
    newest = min(dt.date(2025, 6, 30), dt.date.today() - dt.timedelta(days=1))
    corpus = Corpus(posts=[make_post(rng, i, newest) for i in range(round(size * POST_SHARE))])
    # What is left after the posts, the blog's listings, the home page and the catalogue
    # goes to courses: one course page per MODULES_PER_COURSE modules.
    left = max(2, size - len(corpus.posts) - listing_pages(corpus.posts) - 2)
    count = math.ceil(left / (MODULES_PER_COURSE + 1))
    base, extra = divmod(left - count, count)
    page = 0
    for index in range(1, count + 1):
        title = f"Cursus {index:03d} {words_of(rng, 3).lower()}"
        course = Course(slugify(title), title, sentence(rng), sentence(rng), paragraph_of(rng, 4))
        for number in range(1, base + (1 if index <= extra else 0) + 1):
            page += 1
            course.modules.append(make_module(rng, number, page))
        corpus.courses.append(course)
    return corpus


# --- Markdown ---------------------------------------------------------------------------------


def reflection_markdown(prompt: str, guide: str, widgets: bool) -> str:
    """A reflection block, or its prompt in bold and the guide as a paragraph."""
    if widgets:
        return f"/// reflection | {prompt}\n{guide}\n///"
    return f"**{prompt}**\n\n{guide}"


def assessment_markdown(test: Assessment, widgets: bool) -> str:
    """A self-assessment block, or its title in bold, statements as a list and band texts."""
    statements = [f"- {text}" for _dimension, _reverse, text in test.items]
    if not widgets:
        return "\n\n".join(
            [f"**{test.title}**", "\n".join(statements), *(b for _, b in test.bands)]
        )
    dimensions = ", ".join(f"{key}: {label}" for key, label in DIMENSIONS.items())
    lines = [
        f"/// assessment | {test.title}",
        f"    scale: [{', '.join(SCALE)}]",
        f"    dimensions: {{{dimensions}}}",
        "",
    ]
    for dimension, reverse, text in test.items:
        lines.append(f"- [{dimension}{', omgekeerd' if reverse else ''}] {text}")
    lines.append("")
    for span, text in test.bands:
        lines += [f"//// band | {span}", text, "////"]
    lines.append("///")
    return "\n".join(lines)


def module_markdown(module: Module, widgets: bool) -> str:
    """A module file; ``widgets`` chooses leerpad blocks or the same text as plain Markdown."""
    objectives = "".join(f'  - "{objective}"\n' for objective in module.objectives)
    parts = [
        f'---\ntitle: "{module.title}"\nduration: {module.duration}\nobjectives:\n{objectives}---'
    ]
    for index, (heading, paragraphs) in enumerate(module.sections):
        parts += [f"## {heading}", *paragraphs]
        if index < len(module.quizzes):
            quiz = module.quizzes[index]
            parts.append(quiz_block(quiz) if widgets else quiz_plain(quiz))
    if module.assessment is not None:
        parts.append(assessment_markdown(module.assessment, widgets))
    parts.append(reflection_markdown(*module.reflection, widgets))
    return "\n\n".join(parts) + "\n"


def post_markdown(post: Post) -> str:
    """A blog post: front matter, the excerpt, the ``more`` marker and the rest."""
    front = (
        f'---\ntitle: "{post.title}"\ndescription: "{post.description}"\n'
        f"date: {post.date.isoformat()}\nauthors: [{post.author}]\n"
        f"categories: [{post.category}]\ntags: [{', '.join(post.tags)}]\n---"
    )
    parts = [front, post.excerpt, "<!-- more -->"]
    for heading, paragraphs in post.sections:
        parts += [f"## {heading}", *paragraphs]
    return "\n\n".join(parts) + "\n"


def authors_yml() -> str:
    """``blog/.authors.yml`` with every author."""
    lines = ["authors:"]
    for key, name in AUTHORS.items():
        lines += [
            f"  {key}:",
            f"    name: {name}",
            "    description: Auteur bij de schaalbenchmark",
            f"    avatar: assets/auteurs/{key}.svg",
        ]
    return "\n".join(lines) + "\n"


LEERPAD_PLUGIN = "  - leerpad:\n      default_image: assets/kaart.png\n"
PLAIN_COURSES_ENTRY = "  - Cursussen: cursussen/index.md\n"
NAV_MAX_COURSES = 25
"""leerpad's default: with more courses the navigation lists only the catalogue."""


def plain_courses_nav(corpus: Corpus) -> str:
    """The navigation leerpad makes of the courses, written out for a plain Material site.

    So that both sites render the same navigation on every page: its size, more than
    anything, sets the time a page takes.
    """
    lines = ["  - Cursussen:", "      - cursussen/index.md"]
    for course in corpus.courses if len(corpus.courses) <= NAV_MAX_COURSES else []:
        lines += [f'      - "{course.title}":', f"          - cursussen/{course.slug}/index.md"]
        folder = f"cursussen/{course.slug}"
        lines += [
            f'          - "{module.title}": {folder}/{module.number:02d}-{module.slug}.md'
            for module in course.modules
        ]
    return "\n".join(lines) + "\n"


def write_site(root: Path, corpus: Corpus, widgets: bool, plain: bool = False) -> Path:
    """Write one site under ``root``; return its mkdocs.yml.

    ``plain``: the same corpus as a Material site without leerpad: courses and posts in
    docs/ (where leerpad would mount them), every widget as plain Markdown.
    """
    config = MKDOCS_YML
    if plain:
        config = config.replace(LEERPAD_PLUGIN, "")
        config = config.replace("../blog/.authors.yml", "blog/.authors.yml")
        config = config.replace(PLAIN_COURSES_ENTRY, plain_courses_nav(corpus))
    write(root / "mkdocs.yml", config)
    docs = root / "docs"
    blog = docs / "blog" if plain else root / "blog"
    courses = docs / "cursussen" if plain else root / "courses"
    write(docs / "index.md", "# Start\n\nEen schaalbenchmark van leerpad.\n")
    write(docs / "cursussen" / "index.md", "# Cursussen\n\nAlle cursussen.\n")
    write(docs / "blog" / "index.md", "# Blog\n\nVerhalen van de werkvloer.\n")
    write(docs / "assets" / "bench.css", ":root { --md-primary-fg-color: #2e7d6b; }\n")
    shutil.copyfile(REPO / "docs" / "assets" / "echt-contact-kaart.png", docs / "assets/kaart.png")
    for key in AUTHORS:
        write(docs / "assets" / "auteurs" / f"{key}.svg", AVATAR)
    write(blog / ".authors.yml", authors_yml())
    for post in corpus.posts:
        name = f"{post.date.isoformat()}-{slugify(post.title)}.md"
        write(blog / "posts" / name, post_markdown(post))
    for course in corpus.courses:
        folder = courses / course.slug
        write(folder / "index.md", course_markdown(course))
        for module in course.modules:
            name = f"{module.number:02d}-{module.slug}.md"
            write(folder / name, module_markdown(module, widgets and not plain))
    return root / "mkdocs.yml"


# --- Building and checking --------------------------------------------------------------------


@dataclass
class Build:
    """What the builds of one site took (medians, highest memory) and what they made."""

    wall: float
    cpu: float
    peak_mb: float
    pages: int
    index_bytes: int

    @property
    def rate(self) -> float:
        """Pages built per second of wall time."""
        return self.pages / self.wall

    @property
    def cpu_rate(self) -> float:
        """Pages built per second of CPU time: less sensitive to other load on the machine."""
        return self.pages / self.cpu


def built_pages(site_dir: Path) -> list[Path]:
    """Every built page: the ``index.html`` files."""
    return list(site_dir.rglob("index.html"))


def check_widgets(pages: list[Path], corpus: Corpus, widgets: bool) -> None:
    """Exit unless the site holds every widget (``widgets``) or none, and no error boxes."""
    modules = corpus.modules
    expected = {
        "quizzes": 2 * len(modules),
        "reflections": len(modules),
        "assessments": sum(module.assessment is not None for module in modules),
        "errors": 0,
    }
    if not widgets:
        expected = dict.fromkeys(expected, 0)
    found = Counter[str]()
    for page in pages:
        html = page.read_text(encoding="utf-8")
        for key, marker in MARKERS.items():
            found[key] += html.count(marker)
    wrong = {key: (found[key], value) for key, value in expected.items() if found[key] != value}
    if wrong:
        shown = ", ".join(f"{key}: {got} (expected {want})" for key, (got, want) in wrong.items())
        sys.exit(f"error: the site does not hold the expected widgets: {shown}")


def summarize(timings: list[Timing], site_dir: Path, corpus: Corpus, widgets: bool) -> Build:
    """Check the built site; return the median times, the highest peak memory, the sizes."""
    pages = built_pages(site_dir)
    check_widgets(pages, corpus, widgets)
    index = site_dir / "search" / "search_index.json"
    return Build(
        wall=statistics.median(t.wall for t in timings),
        cpu=statistics.median(t.cpu for t in timings),
        peak_mb=max(t.peak_mb for t in timings),
        pages=len(pages),
        index_bytes=index.stat().st_size if index.is_file() else 0,
    )


def measure(config: Path, corpus: Corpus, rounds: int) -> Build:
    """Build the site (with widgets) ``rounds`` times; check it; return the figures."""
    site_dir = config.parent / "site"
    timings = [build(config, site_dir) for _ in range(rounds)]
    return summarize(timings, site_dir, corpus, widgets=True)


def measure_against_plain(base: Path, corpus: Corpus, rounds: int) -> tuple[Build, Build]:
    """The site with leerpad and as plain Material, built in turns; leerpad's first."""
    configs = {
        plain: write_site(base / f"plain-{plain}", corpus, widgets=True, plain=plain)
        for plain in (False, True)
    }
    timings: dict[bool, list[Timing]] = {False: [], True: []}
    for _ in range(rounds):
        for plain, config in configs.items():
            timings[plain].append(build(config, config.parent / "site"))
    leerpad, plain_site = (
        summarize(timings[plain], configs[plain].parent / "site", corpus, widgets=not plain)
        for plain in (False, True)
    )
    for config in configs.values():
        shutil.rmtree(config.parent)
    return leerpad, plain_site


def measure_overhead(base: Path, corpus: Corpus, rounds: int) -> tuple[Build, Build]:
    """Build the site with and without widgets in turns; return both, with widgets first."""
    configs = {flag: write_site(base / f"widgets-{flag}", corpus, flag) for flag in (True, False)}
    timings: dict[bool, list[Timing]] = {True: [], False: []}
    for _ in range(rounds):
        for flag, config in configs.items():
            timings[flag].append(build(config, config.parent / "site"))
    with_widgets, without = (
        summarize(timings[flag], configs[flag].parent / "site", corpus, flag)
        for flag in (True, False)
    )
    for config in configs.values():
        shutil.rmtree(config.parent)
    return with_widgets, without


# --- The first search in a browser ------------------------------------------------------------


def time_first_search(site_dir: Path, word: str) -> None:
    """Print how long the first search for ``word`` takes in headless Chromium, if available."""
    if not CHROMIUM.is_file():
        print(f"first search: skipped ({CHROMIUM} not found)")
        return
    if importlib.util.find_spec("playwright") is None:
        print("first search: skipped (playwright is not installed)")
        return
    from playwright.sync_api import sync_playwright

    with serve(site_dir) as home, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            page = browser.new_page()
            start = time.perf_counter()
            page.goto(home, wait_until="networkidle", timeout=120_000)
            loaded = time.perf_counter() - start
            start = time.perf_counter()
            page.keyboard.press("/")
            page.keyboard.type(word)
            page.wait_for_selector(".md-search-result__item", timeout=120_000)
            searched = time.perf_counter() - start
            meta = page.text_content(".md-search-result__meta") or ""
        finally:
            browser.close()
    print(f"first search for '{word}': {searched * 1000:.0f} ms from pressing '/' to the first")
    print(f"  result ({meta.strip()}); home page reached network idle in {loaded:.2f} s")


# --- Reporting --------------------------------------------------------------------------------


def print_header() -> None:
    """The column heads of the per-size table."""
    print(
        f"{'size':>7} {'pages':>6} {'wall s':>7} {'pages/s':>8} {'cpu s':>7} "
        f"{'pages/cpu-s':>11} {'peak MB':>8} {'search index':>13} {'KB/1000 pages':>14}"
    )


def print_row(label: str, result: Build) -> None:
    """One site's figures."""
    per_thousand = result.index_bytes / 1024 / result.pages * 1000
    print(
        f"{label:>7} {result.pages:>6} {result.wall:>7.2f} {result.rate:>8.1f} "
        f"{result.cpu:>7.2f} {result.cpu_rate:>11.1f} {result.peak_mb:>8.0f} "
        f"{result.index_bytes / 1024:>10.0f} KB {per_thousand:>14.0f}",
        flush=True,
    )


def print_summary(results: dict[int, Build], overhead: tuple[Build, Build] | None) -> None:
    """Linearity and widget overhead against their targets."""
    small, large = min(results), max(results)
    ratio = results[large].rate / results[small].rate
    print(
        f"linearity: pages/s at {large} is {ratio:.2f}x of pages/s at {small} "
        f"(target >= {LINEARITY_TARGET:.2f})"
    )
    cpu_ratio = results[large].cpu_rate / results[small].cpu_rate
    print(f"  the same by CPU time (pages per CPU-second): {cpu_ratio:.2f}x")
    if overhead is not None:
        with_widgets, without = overhead
        ratio = with_widgets.wall / without.wall
        print(
            f"widget overhead at {small}: {with_widgets.wall:.2f} s with widgets, "
            f"{without.wall:.2f} s without: ratio {ratio:.2f} (target <= {OVERHEAD_TARGET:.2f})"
        )
        cpu_ratio = with_widgets.cpu / without.cpu
        print(
            f"  the same by CPU time: {with_widgets.cpu:.2f} s with, {without.cpu:.2f} s "
            f"without: ratio {cpu_ratio:.2f}"
        )


def print_against_plain(against: dict[int, tuple[Build, Build]]) -> None:
    """The whole site with leerpad against the same corpus as plain Material."""
    for size, (leerpad, plain) in against.items():
        print(
            f"leerpad vs plain Material at {size}: {leerpad.cpu / plain.cpu:.2f} by CPU time, "
            f"{leerpad.wall / plain.wall:.2f} by wall time "
            f"({leerpad.pages} / {plain.pages} pages, medians of {PLAIN_ROUNDS} in turns)"
        )


# --- Command line -----------------------------------------------------------------------------


def sizes(text: str) -> list[int]:
    """An argparse type: comma-separated page counts of at least 50, e.g. ``500,2000``."""
    try:
        values = sorted({int(part) for part in text.split(",") if part.strip()})
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a list of whole numbers: {text!r}") from None
    if not values or values[0] < 50:
        raise argparse.ArgumentTypeError(f"give one or more sizes of at least 50, not {text!r}")
    return values


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    """The command line options."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--sizes", type=sizes, default=sizes(DEFAULT_SIZES), help=f"pages ({DEFAULT_SIZES})"
    )
    parser.add_argument(
        "--overhead",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="also build the smallest site without widgets (on)",
    )
    parser.add_argument(
        "--plain",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="also build the smallest and largest site as plain Material, in turns (on)",
    )
    parser.add_argument("--rounds", type=positive, default=1, help="builds per size (1)")
    parser.add_argument(
        "--overhead-rounds",
        type=positive,
        default=OVERHEAD_ROUNDS,
        help=f"builds with and without widgets, in turns ({OVERHEAD_ROUNDS})",
    )
    parser.add_argument("--seed", type=int, default=SEED, help=f"corpus seed ({SEED})")
    parser.add_argument("--word", default=SEARCH_WORD, help=f"search word ({SEARCH_WORD})")
    return parser.parse_args(argv)


def describe(size: int, corpus: Corpus) -> str:
    """One line about what a corpus holds."""
    modules = corpus.modules
    tests = sum(module.assessment is not None for module in modules)
    return (
        f"  size {size}: {len(corpus.courses)} courses, {len(modules)} modules "
        f"({tests} with a self-assessment), {len(corpus.posts)} posts"
    )


def main(argv: list[str] | None = None) -> int:
    """Build the corpus at every size and print the figures."""
    args = parse_args(argv)
    require_packages(__file__)
    print(
        f"leerpad build at scale: sizes {', '.join(map(str, args.sizes))} pages, "
        f"{args.rounds} build(s) per size, seed {args.seed}, {os.cpu_count()} CPUs",
        flush=True,
    )
    results: dict[int, Build] = {}
    overhead: tuple[Build, Build] | None = None
    against: dict[int, tuple[Build, Build]] = {}
    with tempfile.TemporaryDirectory(prefix="leerpad-scale-") as tmp:
        base = Path(tmp)
        # An unmeasured build first, so the smallest size does not pay for cold disk caches.
        warm = make_corpus(WARM_UP_PAGES, args.seed)
        build(write_site(base / "warm-up", warm, widgets=True), base / "warm-up" / "site")
        shutil.rmtree(base / "warm-up")
        for size in args.sizes:
            corpus = make_corpus(size, args.seed)
            print(describe(size, corpus), flush=True)
            config = write_site(base / str(size), corpus, widgets=True)
            result = results[size] = measure(config, corpus, args.rounds)
            print(f"    built {result.pages} pages in {result.wall:.1f} s", flush=True)
            if args.overhead and size == args.sizes[0]:
                overhead = measure_overhead(base / "overhead", corpus, args.overhead_rounds)
                print(
                    f"    {args.overhead_rounds} x with/without widgets, medians: "
                    f"{overhead[0].wall:.1f} s / {overhead[1].wall:.1f} s",
                    flush=True,
                )
            if args.plain and size in (args.sizes[0], args.sizes[-1]):
                against[size] = measure_against_plain(base / f"plain-{size}", corpus, PLAIN_ROUNDS)
                print(
                    f"    {PLAIN_ROUNDS} x with leerpad / plain Material, medians: "
                    f"{against[size][0].wall:.1f} s / {against[size][1].wall:.1f} s",
                    flush=True,
                )
            if size != args.sizes[-1]:
                shutil.rmtree(config.parent)
        print()
        print_header()
        for size, result in results.items():
            print_row(str(size), result)
        if overhead is not None:
            print_row(f"{args.sizes[0]}+w", overhead[0])
            print_row(f"{args.sizes[0]}-w", overhead[1])
            print(
                f"({args.sizes[0]}+w / -w: the smallest site with widgets and with every widget "
                f"as plain Markdown, built in turns, medians of {args.overhead_rounds})"
            )
        print()
        print_summary(results, overhead)
        print_against_plain(against)
        time_first_search(base / str(args.sizes[-1]) / "site", args.word)
    return 0


if __name__ == "__main__":
    sys.exit(main())
