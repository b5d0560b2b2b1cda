"""Trainers' tools: ``leerpad new module`` finds a course by its title, and the
pre-commit hook runs the same check."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import yaml

from conftest import REPO, run_build
from conftest import run_leerpad as leerpad


def test_new_module_accepts_the_course_title(small_site: Path) -> None:
    title = yaml.safe_load(
        (small_site / "courses/proefcursus/index.md").read_text(encoding="utf-8").split("---")[1]
    )["title"]
    made = leerpad(small_site, "new", "module", f"  {title.upper()} ", "Vragen stellen")
    assert made.returncode == 0, made.stderr
    assert made.stdout.strip() == "Aangemaakt: courses/proefcursus/11-vragen-stellen.md"


def test_new_module_lists_the_courses_when_it_cannot_find_one(small_site: Path) -> None:
    missing = leerpad(small_site, "new", "module", "Bestaat niet", "X")
    assert missing.returncode == 1
    assert "er is geen cursus 'Bestaat niet'" in missing.stderr
    assert "Dit zijn de cursussen: proefcursus (" in missing.stderr
    assert not list((small_site / "courses").glob("*/*-x.md"))


def test_the_pre_commit_hook_runs_leerpad_check() -> None:
    hooks = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    hook = next(hook for hook in hooks if hook["id"] == "leerpad-check")
    assert hook["language"] == "python"
    # The entry is a command this package installs, and it checks a real site.
    command = hook["entry"].split()
    assert command[0] in _console_scripts()
    done = subprocess.run(
        [sys.executable, "-m", "leerpad", *command[1:]],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0 and done.stdout.startswith("Geen fouten"), done.stdout


def _console_scripts() -> set[str]:
    text = (REPO / "pyproject.toml").read_text(encoding="utf-8")
    section = text.split("[project.scripts]", 1)[1].split("[", 1)[0]
    return {line.split("=")[0].strip() for line in section.splitlines() if "=" in line}


HOUSE_RULES = """  - leerpad:
      default_image: assets/kaart.png
      house_rules:
        objectives: [2, 4]
        words: [10, 1500]
        quizzes: 1
        reflection_last: true
"""


def test_check_enforces_the_house_rules_mkdocs_yml_sets(small_site: Path) -> None:
    assert leerpad(small_site, "check").returncode == 0  # off by default
    config = small_site / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    rules = text.replace("  - leerpad:\n      default_image: assets/kaart.png\n", HOUSE_RULES)
    assert rules != text
    config.write_text(rules, encoding="utf-8")

    checked = leerpad(small_site, "check").stdout.splitlines()
    rule = "(huisregels in mkdocs.yml)"
    assert [line.split(": de module")[0] for line in checked if rule in line] == [
        "courses/proefcursus/01-eerste-stappen.md:25",  # last widget is a quiz
        "courses/proefcursus/10-afronding.md:4",  # one objective
        "courses/proefcursus/10-afronding.md:7",  # no quiz
        "courses/proefcursus/10-afronding.md:7",  # 9 words
        "courses/proefcursus/10-afronding.md:10",  # ends with an assessment
        "courses/proefcursus/2-het-gesprek.md:4",  # one objective
        "courses/proefcursus/2-het-gesprek.md:7",  # 9 words
    ]
    # Counted things in the site's language, one and more told apart.
    afronding = [line for line in checked if line.startswith("courses/proefcursus/10-afronding")]
    assert any("de module heeft 1 leerdoel; deze site vraagt er 2 tot 4" in x for x in afronding)
    assert any(
        "de module heeft 0 quizvragen; deze site vraagt er minstens 1" in x for x in afronding
    )
    assert any("de module heeft 9 woorden tekst (blokken niet meegeteld)" in x for x in afronding)


def test_this_site_checks_the_rules_its_content_tests_use() -> None:
    config = yaml.load((REPO / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Lenient)
    leerpad_options = next(p["leerpad"] for p in config["plugins"] if "leerpad" in p)
    assert leerpad_options["house_rules"] == {
        "objectives": [3, 4],
        "words": [800, 1500],
        "quizzes": 3,
        "reflection_last": True,
    }  # tests/test_content.py: test_module_meets_the_standard


class _Lenient(yaml.SafeLoader):
    """Reads mkdocs.yml's !ENV and !!python tags as plain data."""


_Lenient.add_multi_constructor("", lambda loader, suffix, node: None)


REAL_RULES = """  - leerpad:
      default_image: assets/kaart.png
      house_rules:
        objectives: [3, 4]
        words: [800, 1500]
        quizzes: 3
        reflection_last: true
"""


def test_a_new_module_passes_the_house_rules_until_its_marker_is_removed(
    small_site: Path,
) -> None:
    config = small_site / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(
        text.replace("  - leerpad:\n      default_image: assets/kaart.png\n", REAL_RULES),
        encoding="utf-8",
    )
    made = leerpad(small_site, "new", "module", "proefcursus", "Stilte laten vallen")
    assert made.returncode == 0, made.stderr
    module = "courses/proefcursus/11-stilte-laten-vallen.md"
    checked = leerpad(small_site, "check", str(small_site / module))
    assert checked.returncode == 0, checked.stdout
    marker_line = 1 + (small_site / module).read_text().splitlines().index(
        "<!-- leerpad: nog invullen -->"
    )
    assert checked.stdout.splitlines()[0] == (
        f"{module}:{marker_line}: vul dit nog in: 3 tot 4 leerdoelen, 800 tot 1500 woorden "
        "tekst, minstens 3 quizvragen en een reflectievraag als laatste blok (huisregels in "
        "mkdocs.yml); haal daarna de regel '<!-- leerpad: nog invullen -->' weg"
    )
    assert checked.stdout.splitlines()[-1].startswith("1 module is nog niet af;")
    # Once the trainer says it is done, the rules apply, each at its line.
    path = small_site / module
    path.write_text(path.read_text().replace("<!-- leerpad: nog invullen -->\n", ""))
    done = leerpad(small_site, "check", str(path))
    assert done.returncode == 1
    assert "de module heeft 2 leerdoelen; deze site vraagt er 3 tot 4" in done.stdout
    assert "de module heeft 1 quizvraag; deze site vraagt er minstens 3" in done.stdout


def test_the_build_warns_about_a_module_still_marked_unfinished(small_site: Path) -> None:
    made = leerpad(small_site, "new", "module", "proefcursus", "Stilte laten vallen")
    assert made.returncode == 0, made.stderr
    module = "courses/proefcursus/11-stilte-laten-vallen.md"
    lines = (small_site / module).read_text(encoding="utf-8").splitlines()
    marker_line = 1 + lines.index("<!-- leerpad: nog invullen -->")
    warning = (
        f"{module}:{marker_line}: deze pagina is nog niet af en wordt toch gepubliceerd: de "
        "regel '<!-- leerpad: nog invullen -->' staat er nog; maak haar af ('leerpad check' "
        "zegt wat de huisregels vragen) en haal daarna die regel weg"
    )
    # Work in progress passes the check; publishing it stops a strict build, once.
    assert leerpad(small_site, "check").returncode == 0
    built = run_build(small_site)
    assert built.returncode != 0
    assert built.log.count(warning) == 1, built.log
    assert f"WARNING -  leerpad: {warning}" in built.log
    # Once the trainer removes the line, the strict build passes again.
    (small_site / module).write_text(
        "\n".join(line for line in lines if "nog invullen" not in line) + "\n", encoding="utf-8"
    )
    done = run_build(small_site)
    assert done.returncode == 0, done.log
    assert "nog niet af" not in done.log


def test_the_build_writes_that_warning_in_the_sites_language(small_site: Path) -> None:
    config = small_site / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace("language: nl", "language: en"),
        encoding="utf-8",
    )
    page = small_site / "courses/proefcursus/2-het-gesprek.md"
    text = page.read_text(encoding="utf-8")
    front_end = text.index("\n---\n", 4) + len("\n---\n")
    page.write_text(text[:front_end] + "<!-- leerpad: nog invullen -->\n" + text[front_end:])
    line = text[:front_end].count("\n") + 1
    built = run_build(small_site, strict=False)
    assert built.returncode == 0, built.log
    assert (
        f"WARNING -  leerpad: courses/proefcursus/2-het-gesprek.md:{line}: this page is not "
        "finished yet and is published all the same"
    ) in built.log, built.log
