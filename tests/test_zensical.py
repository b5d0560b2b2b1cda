"""leerpad's Markdown extension under Zensical, the Material team's successor to MkDocs.

Zensical runs Python-Markdown extensions listed under ``markdown_extensions`` but knows
nothing of leerpad's MkDocs plugin: no page key reaches the extension, so widget ids
must come out unique from the extension alone.

Zensical 0.1.x needs ``zensical-ui``, which the package index this project installs
from does not offer; the test then skips and says so.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import serve

PAGES = {
    "een.md": "# Module een\n\n/// quiz | Wat doe je eerst?\n- [x] Luisteren\n- [ ] Wachten\n"
    "///\n\n/// reflection | Wat neem je mee?\n///\n",
    "twee.md": "# Module twee\n\n/// quiz | Wat doe je eerst?\n- [ ] Wachten\n- [x] Troosten\n"
    "///\n\n/// reflection | Wat neem je mee?\n///\n",
}


def zensical() -> str:
    """The zensical command, or skip with the reason it is missing."""
    command = shutil.which("zensical")
    if command is None:
        pytest.skip(
            "zensical is not installed: its dependency zensical-ui is not available from "
            "the package index here (pip install zensical fails), so it is not a test extra"
        )
    return command


@pytest.mark.browser
def test_a_zensical_site_runs_a_quiz_and_a_reflection(tmp_path: Path, browser) -> None:
    command = zensical()
    docs = tmp_path / "docs"
    docs.mkdir()
    for name, text in PAGES.items():
        (docs / name).write_text(text, encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: Proef\nmarkdown_extensions:\n  - leerpad\n", encoding="utf-8"
    )
    done = subprocess.run(
        [command, "build"], cwd=tmp_path, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stdout + done.stderr
    with serve(tmp_path / "site") as base:
        page = browser.new_page()
        ids: list[str] = []
        for name in PAGES:
            page.goto(f"{base}{name.removesuffix('.md')}/")
            quiz = page.locator(".leerpad-quiz")
            quiz.locator("label").nth(1).click()
            assert quiz.locator("input").nth(1).is_checked()
            area = page.locator(".leerpad-reflection textarea")
            area.fill("Rustig blijven.")
            assert area.input_value() == "Rustig blijven."
            ids += page.eval_on_selector_all("[id]", "elements => elements.map(e => e.id)")
        page.close()
    widget_ids = [i for i in ids if i.startswith(("wat-", "reflectie-"))]
    assert len(widget_ids) > 4 and len(set(widget_ids)) == len(widget_ids)
