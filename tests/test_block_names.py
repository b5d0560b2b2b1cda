"""A widget whose name is misspelt is reported at its line and never shows its source.

Before, ``/// quizz``, ``/// Quiz`` or ``/// reflectie`` stayed plain text: the build and
``leerpad check`` said nothing, and learners read the question with its answer key.
"""

from __future__ import annotations

from pathlib import Path

from conftest import run_build, run_check

MODULE = "courses/proefcursus/01-eerste-stappen.md"
MISSPELT = """
/// quizz | Wat doe je als de rij lang wordt?
- [ ] Je zucht hoorbaar.
- [x] Geheimantwoord: je kijkt op en knikt.
///

/// Reflectie | Wat neem je mee uit deze week?
///

/// zelftest | Hoe rustig blijf jij?
    scale: [Nooit, Soms, Vaak]
    dimensions: {rust: Rust}

- [rust] Ik adem eerst.
///

Tekst na de blokken blijft staan.
"""


def test_a_misspelt_widget_name_is_reported_and_its_source_never_shown(small_site: Path) -> None:
    module = small_site / MODULE
    before = module.read_text(encoding="utf-8")
    module.write_text(before + MISSPELT, encoding="utf-8")
    lines = module.read_text(encoding="utf-8").splitlines()

    def line_of(opening: str) -> int:
        return 1 + next(n for n, text in enumerate(lines) if text.startswith(opening))

    expected = {
        f"{MODULE}:{line_of('/// quizz')}: onbekend bloktype 'quizz'; bedoel je '/// quiz'?",
        f"{MODULE}:{line_of('/// Reflectie')}: onbekend bloktype 'Reflectie'; "
        "bedoel je '/// reflection'?",
        f"{MODULE}:{line_of('/// zelftest')}: onbekend bloktype 'zelftest'; "
        "bedoel je '/// assessment'?",
    }
    build = run_build(small_site)
    checked = run_check(small_site)
    assert build.returncode != 0
    for output in (build.log, checked.stdout):
        for message in expected:
            assert message in output, output
    build = run_build(small_site, strict=False)
    page = build.page("cursussen/proefcursus/eerste-stappen/")
    assert "Geheimantwoord" not in page  # the answer key is not shown as text
    assert page.count("onbekend bloktype") == 3  # each in its red box, in place
    assert "Tekst na de blokken blijft staan." in page
