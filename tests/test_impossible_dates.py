"""A date that does not exist (month 13, 30 February, hour 25) is a message at its line.

YAML reads ``2026-13-45`` as a date and Python then refuses to make one: before, that
ValueError ended the build, ``leerpad check`` and ``mkdocs serve`` in a traceback.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import run_build, run_check

POST = "blog/posts/eerste-bericht.md"
MODULE = "courses/proefcursus/01-eerste-stappen.md"


def replace(site: Path, path: str, old: str, new: str) -> int:
    """Replace ``old`` by ``new`` in ``path``; return the 1-based line of ``new``."""
    file = site / path
    text = file.read_text(encoding="utf-8")
    assert old in text
    text = text.replace(old, new, 1)
    file.write_text(text, encoding="utf-8")
    return 1 + text.splitlines().index(new)


@pytest.mark.parametrize(
    ("path", "old", "new", "reason"),
    [
        # The small site is Dutch, and so is the reason.
        (POST, "date: 2025-05-02", "date: 2026-13-45", "de maand loopt van 1 tot 12"),
        (POST, "date: 2025-05-02", "date: 2026-02-30", "zoveel dagen heeft die maand niet"),
        (POST, "date: 2025-05-02", "date: 2026-11-28 25:00:00", "het uur loopt van 0 tot 23"),
        (
            MODULE,
            '    hint: "Wat zou jij willen als je zelf stond te wachten?"',
            "    hint: 2026-13-01",
            None,  # the options' message wraps the reason in the site's language
        ),
    ],
    ids=["month 13", "30 February", "hour 25", "in a widget's options"],
)
def test_a_date_that_does_not_exist_is_reported_at_its_line(
    small_site: Path, path: str, old: str, new: str, reason: str | None
) -> None:
    line = replace(small_site, path, old, new)
    value = new.split(": ", 1)[1]
    expected = f"{path}:{line}:"
    build = run_build(small_site)
    checked = run_check(small_site)
    for output in (build.log, checked.stdout + checked.stderr):
        assert "Traceback" not in output
        said = [row for row in output.splitlines() if expected in row]
        assert said, output
        assert any(f"'{value}'" in row for row in said), said
        if reason:
            assert any(reason in row for row in said), said
    assert build.returncode != 0 and checked.returncode != 0
