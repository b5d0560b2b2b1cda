"""Whatever a site's Markdown files hold, build and check answer with ``path:line: message``.

The fixtures in ``overlays/`` are laid over the small site: hostile YAML (alias bombs in
known and unknown keys, in modules, widget headers, docs pages and posts) and values that
YAML cuts at a ``#``.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from conftest import run_build
from conftest import run_check as check

OVERLAYS = Path(__file__).resolve().parent / "overlays"

# The small site is Dutch: every message is written in Dutch, the YAML reasons too.
REFUSED_ALIASES = "de verwijzingen (*naam) tot hier worden meer dan 10000 waarden"
CUT_BY_COMMENT = "YAML leest ' #' en alles erna als commentaar"
CUT_BY_COMMENT_NL = CUT_BY_COMMENT  # in a widget's options
NOT_UTF8 = "geen tekstbestand in UTF-8"


def overlay(site: Path, name: str) -> Path:
    shutil.copytree(OVERLAYS / name, site, dirs_exist_ok=True)
    return site


def problem_lines(log: str) -> list[str]:
    """``path:line: message`` lines, without the log level prefix MkDocs adds."""
    lines = [line.split("leerpad: ", 1)[-1] for line in log.splitlines()]
    return [line for line in lines if re.match(r"^[\w./-]+(:\d+)?: ", line)]


def assert_reported(log: str, expected: dict[str, str]) -> None:
    lines = problem_lines(log)
    for where, message in expected.items():
        assert any(line.startswith(f"{where}: {message}") for line in lines), (where, log)


HOSTILE = {
    "courses/proefcursus/06-bom-titel.md:6": f"front matter geweigerd: {REFUSED_ALIASES}",
    # The reason reads the same inside a widget's message as in the front matter's.
    "courses/proefcursus/07-bom-quiz.md:13": f"de opties worden geweigerd: {REFUSED_ALIASES}",
    "docs/bom-onbekend.md:7": f"front matter geweigerd: {REFUSED_ALIASES}",
    "blog/posts/bom.md:9": f"front matter geweigerd: {REFUSED_ALIASES}",
    "docs/lus.md:3": "front matter geweigerd: een verwijzing (*naam) hier verwijst naar zichzelf",
}


def test_yaml_alias_bombs_are_refused_at_their_line(small_site: Path) -> None:
    site = overlay(small_site, "hostile-yaml")

    strict = run_build(site)
    assert strict.returncode == 1
    assert "Traceback" not in strict.log and "MemoryError" not in strict.log
    assert_reported(strict.log, HOSTILE)

    checked = check(site)
    assert checked.returncode == 1
    assert "Traceback" not in checked.stderr
    assert_reported(checked.stdout, HOSTILE)

    lenient = run_build(site, strict=False)
    assert lenient.returncode == 0, lenient.log
    # The refused module is published as its problem, and nothing expanded the aliases.
    refused = lenient.page("cursussen/proefcursus/bom-titel/")
    assert REFUSED_ALIASES in refused
    assert refused.count("lol") < 20
    assert (lenient.site / "bom-onbekend/index.html").stat().st_size < 200_000
    # The refused post: at its own address (its date and title lines still read), its
    # problem instead of the post; the aliases were never expanded there either.
    bomb = lenient.page("blog/2025/05/03/bommetje/")
    assert REFUSED_ALIASES in bomb
    assert bomb.count("lol") < 20


CUT = {
    "courses/proefcursus/06-stap-twee.md:2": CUT_BY_COMMENT,
    "courses/proefcursus/06-stap-twee.md:5": CUT_BY_COMMENT,
    "blog/posts/regel-een.md:2": CUT_BY_COMMENT,
    "docs/regels.md:3": CUT_BY_COMMENT,
    "docs/kaart.md:4": CUT_BY_COMMENT_NL,
}


def test_a_value_cut_by_a_yaml_comment_is_reported_at_its_line(small_site: Path) -> None:
    site = overlay(small_site, "hash-comment")

    strict = run_build(site)
    assert strict.returncode == 1
    assert_reported(strict.log, CUT)
    checked = check(site)
    assert_reported(checked.stdout, CUT)
    # Quoted values keep their '#' and are not reported.
    for log in (strict.log, checked.stdout):
        assert not [line for line in problem_lines(log) if line.startswith("docs/regels.md:2")]
        assert not [line for line in problem_lines(log) if line.startswith("docs/kaart.md:10")]
    assert len(problem_lines(checked.stdout)) == len(CUT), checked.stdout


def test_a_quoted_hash_keeps_the_whole_title(small_site: Path) -> None:
    post = small_site / "blog/posts/eerste-bericht.md"
    post.write_text(
        post.read_text(encoding="utf-8").replace(
            "title: Een eerste bericht over wachtrijen",
            'title: "Waarom klantregel #1 altijd telt"',
        ),
        encoding="utf-8",
    )
    build = run_build(small_site)
    assert build.returncode == 0, build.log
    feed = (build.site / "feed_rss_created.xml").read_text(encoding="utf-8")
    assert "Waarom klantregel #1 altijd telt" in feed


BYTES = {
    # A PNG header saved as a module.
    "courses/proefcursus/05-plaatje.md": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
    # A post saved in Windows-1252: the first bad byte is on line 6.
    "blog/posts/windows.md": (
        "---\ntitle: Koffie\ndate: 2025-05-04\n---\n\nEen kop caf\xe9.\n".encode("cp1252")
    ),
    # A docs page saved as UTF-16 (with its byte order mark).
    "docs/utf16.md": "# Zestien\n\nTekst.\n".encode("utf-16"),
    # UTF-16 without a byte order mark decodes as UTF-8 full of NUL bytes.
    "docs/nul.md": "# Nul\n\nTekst.\n".encode("utf-16-le"),
    # An empty module, a page of only front matter, a 5 MB title.
    "courses/proefcursus/03-leeg.md": b"",
    "docs/alleen-kop.md": b"---\ntitle: Alleen een kop\n---\n",
    "courses/proefcursus/04-lang.md": (
        b"---\ntitle: " + b"x" * 5_000_000 + b"\nduration: 5\nobjectives: [Je leest.]\n---\n"
    ),
}

BYTES_REPORTED = {
    "courses/proefcursus/05-plaatje.md:1": f"{NOT_UTF8} (byte 0x89 is niet te lezen)",
    "blog/posts/windows.md:6": f"{NOT_UTF8} (byte 0xe9 is niet te lezen: in Windows-tekst "
    "is dat 'é'); bewaar het in je editor als UTF-8-tekst",
    "docs/utf16.md:1": "geen tekstbestand (er staan NUL-bytes in, bijvoorbeeld bewaard als UTF-16)",
    "docs/nul.md:1": "geen tekstbestand (er staan NUL-bytes in",
    "courses/proefcursus/03-leeg.md:1": "de front matter heeft geen 'title'",
    "courses/proefcursus/04-lang.md:2": "'title' heeft 5000000 tekens; hou het bij 400",
}


def test_any_bytes_in_any_markdown_file_give_a_message(small_site: Path) -> None:
    for path, data in BYTES.items():
        (small_site / path).write_bytes(data)

    strict = run_build(small_site)
    assert strict.returncode == 1
    assert "Traceback" not in strict.log
    assert_reported(strict.log, BYTES_REPORTED)
    # Never a whole value in a message.
    assert max(len(line) for line in strict.log.splitlines()) < 1000

    checked = check(small_site)
    assert "Traceback" not in checked.stderr
    assert_reported(checked.stdout, BYTES_REPORTED)
    assert not [line for line in problem_lines(checked.stdout) if "alleen-kop" in line]

    lenient = run_build(small_site, strict=False)
    assert lenient.returncode == 0, lenient.log
    assert "bewaard als UTF-16" in lenient.page("utf16/")
    assert "Alleen een kop" in lenient.page("alleen-kop/")
    assert (lenient.site / "cursussen/proefcursus/eerste-stappen/index.html").is_file()


@pytest.mark.parametrize(
    ("bad", "line"),
    [("\x89", 1), ("titel: ok\n\x00", 2)],
    ids=["first-byte", "nul-on-line-2"],
)
def test_the_reader_names_the_line_of_the_first_bad_byte(
    tmp_path: Path, bad: str, line: int
) -> None:
    from leerpad.problems import ProblemError
    from leerpad.source.front_matter import read_source

    path = tmp_path / "x.md"
    path.write_bytes(bad.encode("latin-1"))
    with pytest.raises(ProblemError) as raised:
        read_source(str(path), "docs/x.md")
    assert raised.value.problem.path == "docs/x.md"
    assert raised.value.problem.line == line


SAME_ADDRESS = {
    "blog/posts/2025-08-02-weekoverzicht-b.md:2": (
        "komt op /blog/2025/08/02/weekoverzicht/, net als "
        "blog/posts/2025-08-02-weekoverzicht-a.md:2"
    ),
    "courses/proefcursus/03-het-gesprek.md:1": (
        "komt op hetzelfde adres als courses/proefcursus/2-het-gesprek.md"
    ),
}


def test_two_sources_for_one_address_are_an_error_naming_both(small_site: Path) -> None:
    site = overlay(small_site, "same-address")

    strict = run_build(site)
    assert strict.returncode == 1
    page_over_module = {
        "docs/cursussen/proefcursus/eerste-stappen.md:1": (
            "komt op /cursussen/proefcursus/eerste-stappen/, net als "
            "courses/proefcursus/01-eerste-stappen.md"
        )
    }
    assert_reported(strict.log, {**SAME_ADDRESS, **page_over_module})
    # leerpad check finds the same, with the same words: "Geen fouten" would be a lie.
    assert_reported(check(site).stdout, {**SAME_ADDRESS, **page_over_module})

    # The module that came first keeps its address and its place in the course.
    lenient = run_build(site, strict=False)
    assert lenient.returncode == 0, lenient.log
    assert "Een tweede gesprek met dezelfde naam" not in lenient.page(
        "cursussen/proefcursus/het-gesprek/"
    )
    assert "Nog een gesprek" not in lenient.page("cursussen/proefcursus/")


def test_a_post_outside_the_posts_folder_is_reported_and_never_published(
    small_site: Path,
) -> None:
    site = overlay(small_site, "unpublished")
    post_here = "dit is een bericht (het heeft 'date'), maar berichten horen in"
    misplaced = {"blog/vijf-vragen.md:4": post_here, "docs/blog/zes-vragen.md:3": post_here}

    strict = run_build(site)
    assert strict.returncode == 1
    assert_reported(strict.log, misplaced)
    assert_reported(check(site).stdout, misplaced)

    # Nothing misplaced, dated in the future or marked draft is anywhere in the site:
    # pages, lists, related posts, tags, search, feed, sitemap.
    lenient = run_build(site, strict=False)
    assert lenient.returncode == 0, lenient.log
    words = (
        "Verkeerdemapwoord",
        "Vijf vragen",
        "Docsmapwoord",
        "Zes vragen",
        "Toekomstwoord",
        "voor later",
        "Kladwoord",
    )
    found = {
        f"{path.relative_to(lenient.site)}: {word}"
        for path in lenient.site.rglob("*")
        if path.is_file() and path.suffix in {".html", ".xml", ".json", ".txt"}
        for word in words
        if word in path.read_text(encoding="utf-8", errors="replace")
    }
    assert not found


def test_bom_and_windows_line_ends_keep_the_line_numbers(small_site: Path) -> None:
    module = small_site / "courses/proefcursus/2-het-gesprek.md"
    text = "---\ntitle: Het gesprek\nduration: een halfuur\nobjectives: [Je vat samen.]\n---\n"
    module.write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8"))
    checked = check(small_site)
    assert_reported(
        checked.stdout,
        {"courses/proefcursus/2-het-gesprek.md:3": "'duration' is een geheel aantal minuten"},
    )


NEAR_MISSES = {
    "blog/posts/bijna-goed.md:4": "'Ria': bedoel je 'ria'?",
    "blog/posts/bijna-goed.md:5": "'teams': bedoel je 'Teams'?",
    "blog/posts/bijna-goed.md:11": "'<!-- More -->': bedoel je '<!-- more -->'?",
    "blog/posts/andere-tag.md:6": "'Wachtrij': bedoel je 'wachtrij'?",
}


def test_near_misses_in_posts_get_a_did_you_mean_at_their_line(small_site: Path) -> None:
    site = overlay(small_site, "near-miss")
    assert_reported(check(site).stdout, NEAR_MISSES)
    strict = run_build(site)
    assert strict.returncode == 1
    assert_reported(strict.log, NEAR_MISSES)


def test_an_alias_bomb_in_the_authors_file_is_refused_at_its_line(small_site: Path) -> None:
    anchors = (OVERLAYS / "hostile-yaml/blog/posts/bom.md").read_text(encoding="utf-8")
    lol = [line for line in anchors.splitlines() if line.startswith("lol")]
    authors = "\n".join(lol) + "\nauthors:\n  ria:\n    name: *a8\n"
    (small_site / "blog/.authors.yml").write_text(authors, encoding="utf-8")
    checked = check(small_site)
    assert "Traceback" not in checked.stderr
    assert_reported(
        checked.stdout, {"blog/.authors.yml:5": f"geen bruikbare YAML: {REFUSED_ALIASES}"}
    )
    strict = run_build(small_site)
    assert strict.returncode == 1
    assert "Traceback" not in strict.log and "MemoryError" not in strict.log


def test_a_folder_named_like_a_module_is_no_module(small_site: Path) -> None:
    # A folder '07-oud.md' (a renamed copy, an editor's backup) made the build end in a
    # traceback (IsADirectoryError) after the message "kan niet gelezen worden".
    folder = small_site / "courses/proefcursus/07-oud.md"
    folder.mkdir()
    (folder / "notities.txt").write_text("oud\n", encoding="utf-8")
    strict = run_build(small_site)
    assert "Traceback" not in strict.log
    assert strict.returncode == 0, strict.log
    checked = check(small_site)
    assert checked.returncode == 0, checked.stdout
    assert not (strict.site / "cursussen/proefcursus/oud").exists()


def test_utf16_without_a_byte_order_mark_is_named_as_utf16(tmp_path: Path) -> None:
    # Saved as UTF-16 (little-endian, no BOM) with an accented letter: the reader named
    # 'é' in Windows text on line 9, not the NUL bytes that say UTF-16 from line 1.
    from leerpad.problems import ProblemError
    from leerpad.source.front_matter import read_source

    path = tmp_path / "x.md"
    text = "---\ntitle: Een bericht\n---\n\nTekst over één klant.\n"
    path.write_bytes(text.encode("utf-16-le"))
    with pytest.raises(ProblemError) as raised:
        read_source(str(path), "blog/posts/x.md", "nl")
    assert str(raised.value.problem) == (
        "blog/posts/x.md:1: geen tekstbestand (er staan NUL-bytes in, bijvoorbeeld bewaard "
        "als UTF-16); bewaar het als UTF-8-tekst"
    )


def test_an_unreadable_authors_file_is_named_at_its_line_by_the_build(small_site: Path) -> None:
    # Material's blog reads .authors.yml first and said, in English and without a line,
    # "Error reading authors file ... 'utf-8' codec can't decode byte 0xe9".
    (small_site / "blog/.authors.yml").write_bytes(
        "authors:\n  ria:\n    name: Ria Peeters\n    description: Caf\xe9-eigenaar\n".encode(
            "latin-1"
        )
    )
    expected = "blog/.authors.yml:4: geen tekstbestand in UTF-8"
    checked = check(small_site)
    assert expected in checked.stdout, checked.stdout
    strict = run_build(small_site)
    assert strict.returncode == 1
    assert "Traceback" not in strict.log
    assert expected in strict.log, strict.log


def test_a_post_both_in_the_blog_and_in_docs_is_reported_by_check_as_by_the_build(
    small_site: Path,
) -> None:
    copy = small_site / "docs/blog/posts/eerste-bericht.md"
    copy.parent.mkdir(parents=True)
    shutil.copy(small_site / "blog/posts/eerste-bericht.md", copy)
    both = "blog/posts/eerste-bericht.md staat zowel in blog/ als in docs/; hou er maar één"

    assert both in run_build(small_site).log
    assert f"blog/posts/eerste-bericht.md: {both}" in check(small_site).stdout


def test_a_course_folder_with_capitals_or_spaces_is_told_what_to_rename_it_to(
    small_site: Path,
) -> None:
    (small_site / "courses/proefcursus").rename(small_site / "courses/Mijn Cursus")
    told = (
        "courses/Mijn Cursus: de naam van een cursusmap wordt het webadres van de cursus: "
        "kleine letters met streepjes, zonder spaties of accenten; hernoem de map naar "
        "'mijn-cursus'"
    )

    assert told in check(small_site).stdout.splitlines()
    strict = run_build(small_site)
    assert strict.returncode == 1
    assert told in strict.log

    (small_site / "courses/Mijn Cursus").rename(small_site / "courses/mijn-cursus")
    assert "cursusmap" not in check(small_site).stdout


def test_a_duration_of_more_than_a_hundred_hours_is_a_mistake_not_a_page_of_digits(
    small_site: Path,
) -> None:
    module = small_site / "courses/proefcursus/2-het-gesprek.md"
    text = module.read_text(encoding="utf-8")
    module.write_text(text.replace("duration: 25", "duration: 99999999999999999999999"))
    first = small_site / "courses/proefcursus/01-eerste-stappen.md"
    text = first.read_text(encoding="utf-8")
    first.write_text(re.sub(r"duration: \d+", "duration: " + "9" * 5000, text))
    expected = {
        "courses/proefcursus/2-het-gesprek.md:3": (
            "'duration' is 99999999999999999999999 minuten, meer dan 6000 (100 uur): dat is "
            "vast een vergissing"
        ),
        # Python itself refuses to read a number this long: no traceback, its line.
        "courses/proefcursus/01-eerste-stappen.md:3": (
            "de front matter is geen geldige YAML: een getal van meer dan 100 cijfers"
        ),
    }

    assert_reported(check(small_site).stdout, expected)
    lenient = run_build(small_site, strict=False)
    assert "Traceback" not in lenient.log
    assert_reported(lenient.log, expected)
    assert "1666666666666666666666" not in lenient.page("cursussen/proefcursus/")


def test_a_module_marked_draft_is_reported_and_its_text_not_published(small_site: Path) -> None:
    module = small_site / "courses/proefcursus/2-het-gesprek.md"
    text = module.read_text(encoding="utf-8")
    module.write_text(text.replace("duration: 25\n", "duration: 25\ndraft: true\n"))
    told = {
        "courses/proefcursus/2-het-gesprek.md:4": (
            "'draft: true' houdt alleen een blogbericht tegen; een module zou toch "
            "gepubliceerd worden"
        )
    }

    assert_reported(check(small_site).stdout, told)
    assert run_build(small_site).returncode == 1
    lenient = run_build(small_site, strict=False)
    assert_reported(lenient.log, told)
    page = lenient.page("cursussen/proefcursus/het-gesprek/")
    assert "houdt alleen een blogbericht tegen" in page
    assert "Welke vragen nodigen uit tot een gesprek?" not in page


def test_check_reads_the_folders_and_address_mkdocs_yml_sets_as_the_build_does(
    small_site: Path,
) -> None:
    config = small_site / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8")
        .replace(
            "  - leerpad:\n", "  - leerpad:\n      courses_dir: lessen\n      courses_url: leren\n"
        )
        .replace("cursussen/index.md", "leren/index.md"),
        encoding="utf-8",
    )
    (small_site / "courses").rename(small_site / "lessen")
    page = small_site / "docs/leren/proefcursus/eerste-stappen.md"
    page.parent.mkdir(parents=True)
    page.write_text("# Eerste stappen, nog eens\n", encoding="utf-8")
    module = small_site / "lessen/proefcursus/2-het-gesprek.md"
    text = module.read_text(encoding="utf-8")
    module.write_text(text.replace("duration: 25", "duration: 60000"), encoding="utf-8")
    expected = {
        # MkDocs knows the docs page as leren/…, which sorts before lessen/…: the module
        # comes second, and is the one reported.
        "lessen/proefcursus/01-eerste-stappen.md:1": (
            "komt op /leren/proefcursus/eerste-stappen/, net als "
            "docs/leren/proefcursus/eerste-stappen.md"
        ),
        "lessen/proefcursus/2-het-gesprek.md:3": "'duration' is 60000 minuten",
    }

    assert_reported(run_build(small_site, strict=False).log, expected)
    assert_reported(check(small_site).stdout, expected)
