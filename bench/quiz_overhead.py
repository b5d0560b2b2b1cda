"""Measure what leerpad's quiz widgets add to a site build, and to the reader's download.

Usage (from the repository root, with the project's virtual environment)::

    .venv/bin/python bench/quiz_overhead.py                         # 3 rounds, 300 pages
    .venv/bin/python bench/quiz_overhead.py --rounds 1 --pages 30   # quick check
    .venv/bin/python bench/quiz_overhead.py --rounds 5 --pages 300 --quizzes 3

In a temporary directory the script writes two MkDocs sites with identical text: module
pages spread over (at most) 10 courses, each with ~400 words of Dutch-like prose and
``--quizzes`` quizzes. Site A ("met widgets") writes the quizzes as leerpad ``/// quiz``
blocks; site B ("zonder widgets") writes the same questions, options, feedback and
explanations as plain Markdown. It builds A, B, A, B, ... with ``mkdocs build`` in a
subprocess, and prints the median wall time per site, pages per second and the ratio A/B.
It then prints the raw and gzipped size of leerpad's front-end assets against their budget.

The script only prints figures; it never asserts timings. It exits non-zero when a build
fails or when site A does not contain the rendered quizzes, so it cannot silently measure
nothing. Standard library only.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

# bench/ on the path, whether run as a script or as ``python -m bench.quiz_overhead``.
sys.path.insert(0, str(Path(__file__).resolve().parent))
from kit.builds import Timing, build, write
from kit.cli import positive, require_packages
from kit.config import MARKDOWN_EXTENSIONS, SEARCH_PLUGIN, THEME
from kit.quizzes import Quiz, make_quiz, quiz_block, quiz_plain
from kit.text import paragraph, prose, sentence, slugify, words_of

REPO = Path(__file__).resolve().parent.parent
RATIO_TARGET = 1.10
COURSES = 10
WORDS_PER_PAGE = 400
SEED = 20250520
QUIZ_MARKER = 'class="leerpad-quiz"'
SITES = {"A": "met widgets", "B": "zonder widgets"}


@dataclass
class Module:
    """One module page: front matter fields, prose sections and the quizzes between them."""

    number: int
    slug: str
    title: str
    duration: int
    objectives: list[str]
    sections: list[tuple[str, list[str]]]
    quizzes: list[Quiz]


@dataclass
class Course:
    """One course: its front matter fields, introduction and modules."""

    slug: str
    title: str
    summary: str
    audience: str
    intro: str
    modules: list[Module] = field(default_factory=list)

    @property
    def duration(self) -> int:
        """Minutes of the whole course: the sum of its modules."""
        return sum(module.duration for module in self.modules)


# --- The site model -------------------------------------------------------------------------


def make_module(rng: random.Random, number: int, page: int, quizzes: int) -> Module:
    """A module with ~400 words in ``quizzes + 1`` sections and a quiz after all but the last."""
    title = words_of(rng, 3)
    per_section = WORDS_PER_PAGE // (quizzes + 1)
    return Module(
        number=number,
        slug=f"{slugify(title)}-{number}",
        title=title,
        duration=rng.randint(20, 60),
        objectives=[f"Je {sentence(rng).lower()}" for _ in range(3)],
        sections=[(words_of(rng, 3), prose(rng, per_section)) for _ in range(quizzes + 1)],
        quizzes=[make_quiz(rng, page, n) for n in range(1, quizzes + 1)],
    )


def module_counts(pages: int) -> list[int]:
    """Modules per course: ``pages`` spread as evenly as possible over at most 10 courses."""
    courses = min(COURSES, pages)
    base, extra = divmod(pages, courses)
    return [base + (1 if index < extra else 0) for index in range(courses)]


def make_courses(pages: int, quizzes: int, seed: int = SEED) -> list[Course]:
    """The whole synthetic catalogue, the same for the same arguments."""
    rng = random.Random(seed)
    courses: list[Course] = []
    page = 0
    for index, count in enumerate(module_counts(pages), start=1):
        title = f"Cursus {index:02d} {words_of(rng, 3).lower()}"
        course = Course(
            slug=slugify(title),
            title=title,
            summary=sentence(rng),
            audience=sentence(rng),
            intro=paragraph(rng),
        )
        for number in range(1, count + 1):
            page += 1
            course.modules.append(make_module(rng, number, page, quizzes))
        courses.append(course)
    return courses


# --- Markdown for both sites ----------------------------------------------------------------


def course_markdown(course: Course) -> str:
    """``index.md`` of a course: its front matter and introduction."""
    return (
        f'---\ntitle: "{course.title}"\nsummary: "{course.summary}"\n'
        f'audience: "{course.audience}"\nduration: {course.duration}\n---\n\n{course.intro}\n'
    )


def module_markdown(module: Module, widgets: bool) -> str:
    """A module file; ``widgets`` chooses leerpad quiz blocks or plain Markdown."""
    objectives = "".join(f'  - "{objective}"\n' for objective in module.objectives)
    parts = [
        f'---\ntitle: "{module.title}"\nduration: {module.duration}\nobjectives:\n{objectives}---'
    ]
    for index, (heading, paragraphs) in enumerate(module.sections):
        parts += [f"## {heading}", *paragraphs]
        if index < len(module.quizzes):
            quiz = module.quizzes[index]
            parts.append(quiz_block(quiz) if widgets else quiz_plain(quiz))
    return "\n\n".join(parts) + "\n"


MKDOCS_YML = (
    "site_name: Leerpad benchmark\nsite_url: https://bench.example/\n"
    + THEME
    + "nav:\n  - Start: index.md\n  - Cursussen: cursussen/index.md\n"
    + "plugins:\n  - leerpad\n"
    + SEARCH_PLUGIN
    + MARKDOWN_EXTENSIONS
)


def write_site(root: Path, courses: list[Course], widgets: bool) -> Path:
    """Write one site under ``root``; return its mkdocs.yml."""
    write(root / "mkdocs.yml", MKDOCS_YML)
    write(root / "docs" / "index.md", "# Start\n\nEen benchmark van leerpad.\n")
    write(root / "docs" / "cursussen" / "index.md", "# Cursussen\n\nAlle cursussen.\n")
    for course in courses:
        folder = root / "courses" / course.slug
        write(folder / "index.md", course_markdown(course))
        width = max(2, len(str(len(course.modules))))
        for module in course.modules:
            name = f"{module.number:0{width}d}-{module.slug}.md"
            write(folder / name, module_markdown(module, widgets))
    return root / "mkdocs.yml"


# --- Building and checking ------------------------------------------------------------------


def module_pages(site_dir: Path, courses: list[Course]) -> list[Path]:
    """The built HTML file of every module, where leerpad publishes it."""
    return [
        site_dir / "cursussen" / course.slug / module.slug / "index.html"
        for course in courses
        for module in course.modules
    ]


def quiz_problems(site_dir: Path, courses: list[Course], expected: int) -> list[str]:
    """Module pages that are missing or do not hold ``expected`` rendered quizzes."""
    problems = []
    for page in module_pages(site_dir, courses):
        if not page.is_file():
            problems.append(f"{page}: not built")
            continue
        found = page.read_text(encoding="utf-8").count(QUIZ_MARKER)
        if found != expected:
            problems.append(f"{page}: {found} × {QUIZ_MARKER}, expected {expected}")
    return problems


def check_sites(site_dirs: dict[str, Path], courses: list[Course], quizzes: int) -> None:
    """Exit unless every page of A holds its quizzes and B holds none."""
    problems = quiz_problems(site_dirs["A"], courses, quizzes)
    problems += quiz_problems(site_dirs["B"], courses, 0)
    if problems:
        shown = "\n  ".join(problems[:5])
        sys.exit(
            f"error: the sites do not hold the expected quizzes ({len(problems)} pages); "
            f"the benchmark would measure nothing:\n  {shown}"
        )
    pages = len(module_pages(site_dirs["A"], courses))
    print(f"check: all {pages} module pages of A hold {quizzes} rendered quizzes; B holds none")


def run_rounds(
    configs: dict[str, Path], site_dirs: dict[str, Path], rounds: int, check: Callable[[], None]
) -> dict[str, list[Timing]]:
    """Build A, B, A, B, ...; call ``check`` after the first round; return the times per site."""
    times: dict[str, list[Timing]] = {key: [] for key in configs}
    for number in range(1, rounds + 1):
        for key in configs:
            times[key].append(build(configs[key], site_dirs[key]))
        line = " | ".join(
            f"{SITES[key]} {times[key][-1].wall:6.2f} s (cpu {times[key][-1].cpu:5.2f} s)"
            for key in configs
        )
        print(f"round {number}: {line}", flush=True)
        if number == 1:
            check()
    return times


def report_times(times: dict[str, list[Timing]], pages: int) -> None:
    """Median build time and pages per second per site, and the ratio A/B.

    Wall time is what an author waits; CPU time (user + system) is less disturbed by
    other load on the machine, so both ratios are printed.
    """
    walls = {key: statistics.median(t.wall for t in values) for key, values in times.items()}
    cpus = {key: statistics.median(t.cpu for t in values) for key, values in times.items()}
    for key, wall in walls.items():
        label = f"{key} ({SITES[key]})"
        print(
            f"{label:<20} median {wall:6.2f} s   {pages / wall:6.1f} pages/s   "
            f"cpu {cpus[key]:6.2f} s"
        )
    ratio = walls["A"] / walls["B"]
    print(f"overhead ratio (met/zonder widgets): {ratio:.2f}  (target <= {RATIO_TARGET:.2f})")
    print(f"  the same by CPU time:              {cpus['A'] / cpus['B']:.2f}")


# --- Front-end assets -----------------------------------------------------------------------


def report_assets() -> None:
    """Published (minified) size of every asset, gzipped, and each kind of page's total."""
    from leerpad.site.weight import gzipped_sizes, page_weights

    budget = json.loads((REPO / "bench/budget.json").read_text())
    print("leerpad assets as published (minified), gzipped:")
    for name, size in sorted(gzipped_sizes().items()):
        print(f"  {name:<24} {size:6d} B")
    weights = page_weights()
    width = max(len(kind) for kind in weights) + 1
    for kind, weight in weights.items():
        print(
            f"leerpad on {kind + ':':<{width}} {weight / 1024:4.1f} KB of "
            f"{budget[kind] / 1024:.1f} KB budget"
        )


# --- Command line ---------------------------------------------------------------------------


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    """The command line options."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=positive, default=3, help="builds per site (3)")
    parser.add_argument("--pages", type=positive, default=300, help="module pages (300)")
    parser.add_argument("--quizzes", type=positive, default=3, help="quizzes per page (3)")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    """Write both sites, build them in turns, check A, and print the figures."""
    args = parse_args(argv)
    require_packages(__file__)
    courses = make_courses(args.pages, args.quizzes)
    total_pages = args.pages + len(courses) + 2  # modules, course pages, home, catalogue
    print(
        f"leerpad quiz overhead: {args.pages} module pages in {len(courses)} courses "
        f"({total_pages} pages in all), {args.quizzes} quizzes and ~{WORDS_PER_PAGE} words "
        f"per module, {args.rounds} round(s) of A, B"
    )
    with tempfile.TemporaryDirectory(prefix="leerpad-bench-") as tmp:
        base = Path(tmp)
        configs = {key: write_site(base / key, courses, key == "A") for key in SITES}
        site_dirs = {key: base / key / "site" for key in SITES}
        check = partial(check_sites, site_dirs, courses, args.quizzes)
        times = run_rounds(configs, site_dirs, args.rounds, check)
    report_times(times, total_pages)
    print()
    report_assets()
    return 0


if __name__ == "__main__":
    sys.exit(main())
