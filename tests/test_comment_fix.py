"""The ' #' message shows the author's own line, fixed, not a fixed example."""

from __future__ import annotations

from pathlib import Path

from leerpad.source.yaml_lines import quoted_fix

from conftest import run_build


def test_the_fix_quotes_the_value_of_the_line_as_written() -> None:
    assert quoted_fix("title: Klantregel #2 blijft staan") == 'title: "Klantregel #2 blijft staan"'
    assert quoted_fix("  - Je laat een stilte vallen #oefenen") == (
        '- "Je laat een stilte vallen #oefenen"'
    )
    assert quoted_fix('hint: Zeg "nee" #2') == 'hint: "Zeg \\"nee\\" #2"'
    long = quoted_fix("summary: " + "woord " * 30 + "#1")
    assert long.startswith('summary: "woord') and long.endswith('…"') and len(long) < 70


def test_build_suggests_the_authors_own_line(small_site: Path) -> None:
    post = small_site / "blog/posts/eerste-bericht.md"
    post.write_text(
        post.read_text(encoding="utf-8").replace(
            "title: Een eerste bericht over wachtrijen", "title: Klantregel #2 blijft staan"
        ),
        encoding="utf-8",
    )
    module = small_site / "courses/proefcursus/01-eerste-stappen.md"
    module.write_text(
        module.read_text(encoding="utf-8").replace(
            '    hint: "Wat zou jij willen als je zelf stond te wachten?"',
            "    hint: Denk aan stap #2",
        ),
        encoding="utf-8",
    )
    build = run_build(small_site)
    assert build.returncode != 0
    assert 'dubbele aanhalingstekens: hint: "Denk aan stap #2"' in build.log
    assert 'dubbele aanhalingstekens: title: "Klantregel #2 blijft staan"' in build.log


def test_a_comment_after_a_number_or_date_is_left_alone() -> None:
    from leerpad.source.front_matter import read_front_matter

    meta = read_front_matter(
        "---\ntitle: Het team\nduration: 50   # minutes\ndate: 2025-05-02  # gepland\n"
        "draft: true  # nog niet af\nsummary: Stap #2 telt\n---\ntekst\n",
        "les.md",
    )
    assert meta.data["duration"] == 50
    assert [problem.line for problem in meta.warnings] == [6]  # only the text value
