"""The leerpad command: check finds every problem with its line; new makes sound files."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import pytest

from leerpad.widgets.registry import kinds

from conftest import REPO, run_build
from conftest import run_leerpad as leerpad

BROKEN = {
    "courses/proefcursus/2-het-gesprek.md": (
        "---\ntitle: Het gesprek\nduration: 25\n---\n\nZie [de afronding](10-slot.md).\n\n"
        "![Schema](schema.png)\n"
    ),
    "courses/proefcursus/10-afronding.md": (
        "---\ntitle: Afronding\nobjectives: [Je blikt terug.]\n---\n\n"
        "/// quiz | Wat doe je?\n    id: dubbel\n- [ ] Dit\n- [ ] Dat\n///\n\n"
        "/// assessment | Team\n    scale: [Nooit, Soms, Vaak]\n    dimensions: {steun: Steun}\n\n"
        "- [rust] Ik rust uit.\n\n//// band | 0-100\nTekst.\n////\n///\n\n"
        "/// reflection | Wat neem je mee?\nNooit gesloten.\n"
    ),
    "courses/zonder-index/01-begin.md": (
        "---\ntitle: Begin\nduration: 5\nobjectives: [Je begint.]\n---\n"
    ),
    "blog/posts/eerste-bericht.md": (
        "---\ntitle: Wachtrijen\ndate: gisteren\nauthors: [ria]\n---\n\nTekst.\n"
    ),
    "docs/teamscan.md": (
        "# Teamscan\n\n/// teamscan | onbekend\n///\n\n"
        "/// quiz | Nog een?\n    id: dubbel\n- [x] Ja\n- [ ] Nee\n///\n"
    ),
}

EXPECTED = [
    # The site's language is Dutch: so are all the messages.
    "blog/posts/eerste-bericht.md:3: 'date' is geen datum: schrijf jaar-maand-dag, "
    "bijvoorbeeld 'date: 2025-03-12' (nu: 'gisteren')",
    "courses/proefcursus/10-afronding.md:1: de front matter heeft geen 'duration'; voeg de duur "
    "in minuten toe, bijvoorbeeld 'duration: 45'",
    "courses/proefcursus/10-afronding.md:8: geen antwoord is als juist aangeduid; zet [x] bij "
    "het juiste antwoord: '- [x] …'",
    "courses/proefcursus/10-afronding.md:12: thema 'steun' heeft geen uitspraken",
    "courses/proefcursus/10-afronding.md:16: onbekend thema 'rust'; de thema's zijn: steun",
    "courses/proefcursus/10-afronding.md:23: deze reflectie wordt nergens gesloten",
    "courses/proefcursus/2-het-gesprek.md:1: de front matter heeft geen 'objectives'",
    "courses/proefcursus/2-het-gesprek.md:6: link naar '10-slot.md', dat niet bestaat",
    "courses/proefcursus/2-het-gesprek.md:8: afbeelding 'schema.png', die niet bestaat",
    "courses/zonder-index: de cursusmap heeft geen index.md",
    "docs/teamscan.md:3: geen zelftest heeft de id 'onbekend'",
    "docs/teamscan.md:6: id 'dubbel' staat ook in courses/proefcursus/10-afronding.md:6",
]


def test_check_finds_every_problem_with_its_line(small_site: Path) -> None:
    for path, text in BROKEN.items():
        target = small_site / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    done = leerpad(small_site, "check")
    assert done.returncode == 1
    lines = done.stdout.splitlines()
    problems, summary = lines[:-1], lines[-1]
    assert len(problems) == len(EXPECTED), done.stdout
    for line, expected in zip(problems, EXPECTED, strict=True):
        assert line.startswith(expected), (line, expected)
    assert summary.startswith(f"{len(EXPECTED)} fouten in 5 bestanden (")
    only = leerpad(small_site, "check", str(small_site / "docs"))
    assert [line.split(":")[0] for line in only.stdout.splitlines()[:-1]] == [
        "docs/teamscan.md"
    ] * 2


def test_check_and_build_report_the_same_messages(small_site: Path) -> None:
    (small_site / "blog/posts/eerste-bericht.md").write_text(
        BROKEN["blog/posts/eerste-bericht.md"], encoding="utf-8"
    )
    module = BROKEN["courses/proefcursus/10-afronding.md"].replace(
        "---\n\n", "duration: 9\n---\n\n"
    )
    (small_site / "courses/proefcursus/10-afronding.md").write_text(module, encoding="utf-8")
    checked = set(leerpad(small_site, "check").stdout.splitlines()[:-1])
    built = run_build(small_site, strict=False).log
    messages = {line.split("leerpad: ", 1)[1] for line in built.splitlines() if "leerpad: " in line}
    assert len(checked) == 6  # five in these files, and the team scan now missing its assessment
    assert checked == messages


def test_the_real_repository_is_clean() -> None:
    done = leerpad(REPO, "check")
    assert done.returncode == 0, done.stdout
    assert done.stdout.startswith("Geen fouten:")


def test_new_files_pass_the_check_and_the_strict_build(small_site: Path) -> None:
    assert leerpad(small_site, "new", "course", "Luisteren aan de balie").returncode == 0
    course = small_site / "courses/luisteren-aan-de-balie/index.md"
    assert course.is_file()
    made = leerpad(small_site, "new", "module", "luisteren-aan-de-balie", "Eerste indruk")
    assert made.stdout.strip() == "Aangemaakt: courses/luisteren-aan-de-balie/01-eerste-indruk.md"
    second = leerpad(small_site, "new", "module", "proefcursus", "Nog één: vragen stellen")
    assert second.stdout.strip() == "Aangemaakt: courses/proefcursus/11-nog-een-vragen-stellen.md"
    post = leerpad(small_site, "new", "post", "Wat een wachtrij vertelt")
    today = dt.date.today().isoformat()
    path = small_site / f"blog/posts/{today}-wat-een-wachtrij-vertelt.md"
    assert post.returncode == 0 and path.is_file()
    assert "draft: true" in path.read_text() and "authors: [ria]" in path.read_text()
    assert leerpad(small_site, "check").returncode == 0
    # New modules are work in progress: the strict build stops them from going live,
    # and only them (one warning each); once their marker is gone it passes.
    unfinished = run_build(small_site)
    assert unfinished.returncode == 1
    warnings = [line for line in unfinished.log.splitlines() if line.startswith("WARNING")]
    assert [line.split(":")[1].strip() for line in warnings] == [
        "courses/luisteren-aan-de-balie/01-eerste-indruk.md",
        "courses/proefcursus/11-nog-een-vragen-stellen.md",
    ], unfinished.log
    for new_module in small_site.glob("courses/*/*.md"):
        text = new_module.read_text(encoding="utf-8")
        new_module.write_text(text.replace("<!-- leerpad: nog invullen -->\n", ""), "utf-8")
    build = run_build(small_site)
    assert build.returncode == 0, build.log
    assert (build.site / "cursussen/proefcursus/nog-een-vragen-stellen/index.html").is_file()


def test_new_never_overwrites(small_site: Path) -> None:
    leerpad(small_site, "new", "post", "Twee keer")
    again = leerpad(small_site, "new", "post", "Twee keer")
    assert again.returncode == 1
    assert "bestaat al; er is niets veranderd" in again.stderr
    assert leerpad(small_site, "new", "module", "bestaat-niet", "X").returncode == 1


def test_a_new_module_may_not_take_the_address_of_an_existing_one(small_site: Path) -> None:
    # 01-eerste-stappen.md exists: 11-eerste-stappen.md would land on the same address.
    same = leerpad(small_site, "new", "module", "proefcursus", "Eerste stappen")
    assert same.returncode == 1
    assert "courses/proefcursus/01-eerste-stappen.md bestaat al; er is niets veranderd" in (
        same.stderr
    )
    assert not list((small_site / "courses/proefcursus").glob("11-*"))


@pytest.mark.parametrize("args", [("--help",), ("check", "--help")])
def test_help_is_there(args: tuple[str, ...]) -> None:
    assert leerpad(REPO, *args).returncode == 0


def test_help_names_every_command_and_no_markup() -> None:
    usage = leerpad(REPO, "--help").stdout
    assert "usage: leerpad [-h] [--root ROOT] check|new|snippets|export ..." in usage
    assert "start a course, module or post, write snippets, export." in " ".join(usage.split())
    assert "``" not in usage


def test_snippets_are_written_for_every_kind_into_the_project(small_site: Path) -> None:
    done = leerpad(small_site, "snippets")
    assert done.returncode == 0, done.stderr
    path = small_site / ".vscode" / "leerpad.code-snippets"
    assert ".vscode/leerpad.code-snippets" in done.stdout
    snippets = json.loads(path.read_text(encoding="utf-8"))
    openings = {snippet["body"][0].split("|")[0].strip() for snippet in snippets.values()}
    assert openings == {f"/// {name}" for name in kinds()}
    assert all(snippet["scope"] == "markdown" for snippet in snippets.values())
    # Written again, it replaces its own file rather than adding to it.
    assert leerpad(small_site, "snippets").returncode == 0
    assert json.loads(path.read_text(encoding="utf-8")) == snippets


def test_a_path_that_is_not_there_is_said_not_checked_as_fine(small_site: Path) -> None:
    missing = leerpad(small_site, "check", str(small_site / "courses/proefcursis"))
    assert missing.returncode == 2
    assert missing.stdout == ""
    assert "courses/proefcursis bestaat niet; geef een bestand of map van de site" in missing.stderr
    outside = leerpad(small_site, "check", str(small_site.parent))
    assert outside.returncode == 2
    assert "ligt niet in de site" in outside.stderr and "Traceback" not in outside.stderr


def test_a_mistake_on_the_command_line_is_told_in_the_site_language(small_site: Path) -> None:
    words = leerpad(small_site, "new", "module", "proefcursus", "Omgaan", "met", "stilte")
    assert words.returncode == 2
    assert "niet begrepen: met stilte; zet een titel met spaties tussen aanhalingstekens" in (
        words.stderr
    )
    missing = leerpad(small_site, "new", "module")
    assert missing.returncode == 2
    assert "usage: leerpad new module [-h] cursus titel" in missing.stderr
    assert "er ontbreekt nog: cursus, titel" in missing.stderr
    typo = leerpad(small_site, "nieuw")
    assert "'nieuw' is hier geen opdracht; kies uit 'check', 'new'" in typo.stderr
    assert "Traceback" not in words.stderr + missing.stderr + typo.stderr


def test_a_broken_mkdocs_yml_is_told_at_its_line_not_a_traceback(small_site: Path) -> None:
    config = small_site / "mkdocs.yml"
    config.write_text(config.read_text().replace("site_name: Proefsite", "site_name: [Proef"))
    for args in (("check",), ("new", "post", "Iets"), ("export", "scorm", "proefcursus")):
        done = leerpad(small_site, *args)
        assert done.returncode == 1
        said = done.stdout + done.stderr
        assert "mkdocs.yml:1: mkdocs.yml is geen geldige YAML" in said, said
        assert "Traceback" not in said


TAB_IN_THEME = "  name: material\n\tfont: false\n"


@pytest.mark.parametrize(
    ("language_line", "told"),
    [
        ("  language: nl\n", "nl"),
        ("  language: 'en'  # the site's language\n", "en"),
        ("", "nl"),  # none to be found: the project's own language
    ],
)
def test_a_broken_mkdocs_yml_is_told_in_the_language_it_names(
    small_site: Path, language_line: str, told: str
) -> None:
    config = small_site / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "  name: material\n  language: nl\n  font: false\n" in text
    config.write_text(
        text.replace(
            "  name: material\n  language: nl\n  font: false\n",
            "  name: material\n" + language_line + "\tfont: false\n",
        ),
        encoding="utf-8",
    )
    line = text.splitlines().index("  font: false") + (1 if language_line else 0)
    expected = {
        "nl": (
            f"mkdocs.yml:{line}: mkdocs.yml is geen geldige YAML: deze regel springt in met een "
            "tab",
            "1 fout in 1 bestand",
        ),
        "en": (f"mkdocs.yml:{line}: mkdocs.yml is not valid YAML: ", "1 problem in 1 file"),
    }[told]
    checked = leerpad(small_site, "check")
    assert checked.returncode == 1
    assert checked.stdout.splitlines()[0].startswith(expected[0]), checked.stdout
    assert checked.stdout.splitlines()[-1].startswith(expected[1]), checked.stdout
    new = leerpad(small_site, "new", "post", "Iets")
    assert new.stderr.startswith(f"leerpad: {expected[0]}"), new.stderr
    # The command line's own complaints follow the same language.
    typo = leerpad(small_site, "nieuw")
    assert ("is hier geen opdracht" in typo.stderr) == (told == "nl"), typo.stderr


def test_every_message_names_files_from_the_site_wherever_it_is_run(
    small_site: Path, tmp_path: Path
) -> None:
    elsewhere = tmp_path / "elders"
    elsewhere.mkdir()

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        command = [sys.executable, "-m", "leerpad", "--root", str(small_site), *args]
        return subprocess.run(command, cwd=elsewhere, capture_output=True, text=True, check=False)

    today = dt.date.today().isoformat()
    told = {
        "course": run("new", "course", "Rustig blijven"),
        "course again": run("new", "course", "Rustig blijven"),
        "module": run("new", "module", "rustig-blijven", "Ademhalen"),
        "module again": run("new", "module", "rustig-blijven", "Ademhalen"),
        "post": run("new", "post", "Twee keer"),
        "post again": run("new", "post", "Twee keer"),
        "snippets": run("snippets"),
        "outside": run("check", str(tmp_path)),
    }
    said = {case: (done.stdout + done.stderr).strip() for case, done in told.items()}
    assert said["course"] == "Aangemaakt: courses/rustig-blijven/index.md"
    assert said["course again"] == (
        "leerpad: courses/rustig-blijven/index.md bestaat al; er is niets veranderd"
    )
    assert said["module"] == "Aangemaakt: courses/rustig-blijven/01-ademhalen.md"
    assert said["module again"] == (
        "leerpad: courses/rustig-blijven/01-ademhalen.md bestaat al; er is niets veranderd"
    )
    assert said["post"] == f"Aangemaakt: blog/posts/{today}-twee-keer.md"
    assert said["post again"] == (
        f"leerpad: blog/posts/{today}-twee-keer.md bestaat al; er is niets veranderd"
    )
    assert said["snippets"].startswith("Geschreven: .vscode/leerpad.code-snippets (")
    assert said["outside"].startswith(f"leerpad: {tmp_path} ligt niet in de site (../small)")
    for case, text in said.items():
        if case != "outside":  # the path the author typed, said back as typed
            assert str(tmp_path) not in text, (case, text)
