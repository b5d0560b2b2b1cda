"""A new widget kind is its own files plus one registry line: nothing else changes.

The kind here, a "note" the learner marks as read, lives in a throw-away package in
``tmp_path``; it registers itself the way a package of its own would, with an entry
point in the ``leerpad.widgets`` group. No file of leerpad is edited, yet the kind
renders, loads its script on demand, counts on the progress page and is checked by
``leerpad check``.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from conftest import REPO, Build, copy_site, run_build, serve, set_site_url

NOTE_MODULE = '''
"""A note: a short text the learner marks as read."""

from dataclasses import dataclass
from typing import Any

from leerpad.markdown.blocks import WidgetBlock
from leerpad.markdown.header import read_options, text
from leerpad.markdown.ids import derive_id
from leerpad.markdown.spec import WidgetSpec, closing_problems, content_version, options_and_body

OPTIONS = {"id": (None, text), "tone": ("rustig", text)}


@dataclass
class NoteSpec(WidgetSpec):
    title: str = ""
    tone: str = "rustig"

    def default_id(self, page_key, ordinal):
        return derive_id(page_key, self.title, "notitie")


def parse_note(region, report):
    problems = closing_problems(region, report, "note")
    header, _ = options_and_body(region, OPTIONS, report, problems)
    options = read_options(report, header, OPTIONS, problems)
    return NoteSpec(
        line=region.line, options_set=options, version=content_version(region),
        problems=problems, title=region.argument, tone=options.get("tone", "rustig"),
    )


class NoteBlock(WidgetBlock):
    NAME = "note"
    PARSER = parse_note
    SOURCE_OPTIONS = OPTIONS
    ASSETS = ("leerpad-note.js", "leerpad-note.css")
    ASSET_PACKAGE = "leerpad_note"
    STORED = {"fields": {"read": "flag"}, "required": ["read"]}
    PROGRESS = "notes"
    SUMMARY = {"count": "read"}
    TEXT = {
        "nl": {"note_progress": "{done} van {total} notities gelezen"},
        "en": {"note_progress": "{done} of {total} notes read"},
    }
    MESSAGES = {"nl": {"what_note": "deze notitie"}, "en": {"what_note": "this note"}}
    SNIPPETS = {"note": {"body": ["/// note | ${1:Tekst}", "///"], "description": "A note"}}

    def render(self, parent, widget_id, spec):
        import xml.etree.ElementTree as etree
        root = etree.SubElement(parent, "aside", {
            "class": "leerpad-note", "id": widget_id, "data-leerpad-note": widget_id,
            "data-tone": spec.tone,
        })
        root.text = spec.title
        return root
'''

NOTE_SCRIPT = (
    'window.leerpad.define("note", function (root) { root.classList.add("is-read"); '
    'window.leerpad.storage.set(root.id, "note", "1", { read: true }); });\n'
)

ENTRY_POINTS = "[leerpad.widgets]\nnote = leerpad_note:NoteBlock\n"

NOTE_PAGE = "\n/// note | Lees dit even rustig door.\n    tone: warm\n///\n"


@pytest.fixture
def note_package(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The note kind as an installed package would bring it, on PYTHONPATH."""
    root = tmp_path / "pakket"
    assets = root / "leerpad_note" / "assets"
    assets.mkdir(parents=True)
    (root / "leerpad_note" / "__init__.py").write_text(NOTE_MODULE)
    (assets / "leerpad-note.js").write_text(NOTE_SCRIPT)
    (assets / "leerpad-note.css").write_text(".leerpad-note { border-left: 4px solid; }\n")
    info = root / "leerpad_note-0.1.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: leerpad-note\nVersion: 0.1\n")
    (info / "entry_points.txt").write_text(ENTRY_POINTS)
    path = os.pathsep.join(filter(None, [str(root), os.environ.get("PYTHONPATH")]))
    monkeypatch.setenv("PYTHONPATH", path)
    return root


def test_a_new_kind_renders_loads_its_script_counts_and_is_checked(
    note_package: Path, tmp_path: Path, page: Page
) -> None:
    project = copy_site("small", tmp_path)
    module = project / "courses" / "proefcursus" / "10-afronding.md"
    module.write_text(module.read_text(encoding="utf-8") + NOTE_PAGE, encoding="utf-8")

    # leerpad check reads the new kind: an unclosed note is reported at its line.
    broken = project / "docs" / "kapot.md"
    broken.write_text("# Kapot\n\n/// note | Nooit gesloten\n", encoding="utf-8")
    checked = subprocess.run(
        [sys.executable, "-m", "leerpad", "check"],
        cwd=project,
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    assert checked.returncode == 1, checked.stdout + checked.stderr
    assert "docs/kapot.md:3: " in checked.stdout and "gesloten" in checked.stdout
    broken.unlink()

    # Its editor snippet is among those `leerpad snippets` writes for the project.
    written = subprocess.run(
        [sys.executable, "-m", "leerpad", "snippets"],
        cwd=project,
        check=False,
        text=True,
        capture_output=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    assert written.returncode == 0, written.stderr
    snippets = json.loads((project / ".vscode" / "leerpad.code-snippets").read_text("utf-8"))
    assert snippets["leerpad note"]["body"][0].startswith("/// note |")

    with serve(project / "site") as url:
        set_site_url(project, url)
        build = run_build(project)
        assert build.returncode == 0, build.log
        html = build.page("cursussen/proefcursus/afronding/")
        # It renders, and its stylesheet is linked where it appears (only there).
        assert 'data-leerpad-note="' in html and 'data-tone="warm"' in html
        note_sheet = re.compile(r'<link rel="stylesheet" href="[^"]*leerpad-note\.\w+\.css">')
        assert note_sheet.search(html.split("</head>")[0])
        assert not note_sheet.search(build.page("").split("</head>")[0])

        # Its script loads on demand and runs; the progress page counts the note.
        page.goto(url + "cursussen/proefcursus/afronding/")
        expect(page.locator(".leerpad-note")).to_have_class("leerpad-note is-read")
        page.goto(url + "voortgang/")
        modules = page.locator(".leerpad-progress__modules > li")
        expect(modules.nth(2)).to_contain_text("1 van 1 notities gelezen")


def test_adding_a_kind_changes_no_page_of_the_real_site_but_what_loads_it(
    note_package: Path, repository_build: Build, tmp_path: Path
) -> None:
    # The real site again, with the note kind installed but used nowhere: every page is
    # the same but for what may load (the note's files join the list; leerpad.js and
    # leerpad-progress.js carry one more kind and get new names) and the empty places for
    # notes in the progress page's structure and in a module's completion data.
    with_note = run_build(REPO, site_dir=tmp_path / "site")
    assert with_note.returncode == 0, with_note.log
    assert repository_build.returncode == 0, repository_build.log
    pages = sorted(path.relative_to(with_note.site) for path in with_note.site.rglob("*.html"))
    assert len(pages) > 30
    assert pages == sorted(
        p.relative_to(repository_build.site) for p in repository_build.site.rglob("*.html")
    )
    # leerpad.js and leerpad-progress.js carry the tables of kinds: new content, new name.
    tables = re.compile(r"leerpad(-progress)?\.[0-9a-f]{8}\.js")
    note = re.compile(r", &quot;note(\.css)?&quot;: &quot;[^&]*leerpad-note\.\w{8}\.(js|css)&quot;")
    site = repository_build.site
    for page in pages:
        before = tables.sub("leerpad.js", (site / page).read_text(encoding="utf-8"))
        after = (with_note.site / page).read_text(encoding="utf-8")
        if 'name="leerpad-scripts"' in before:
            assert len(note.findall(after)) == 2, f"{page}: the note's files are not offered"
        # The progress page's structure and a module's completion data have room for
        # notes (none yet).
        after = note.sub("", after).replace(", &#34;notes&#34;: []", "")
        after = after.replace(",&#34;notes&#34;:[]", "")
        assert tables.sub("leerpad.js", after) == before, page


FOLLOW_UP_MODULE = '''
"""A follow-up: points the learner back to a reflection, named by its id."""

from dataclasses import dataclass

from leerpad.markdown.blocks import WidgetBlock
from leerpad.markdown.ids import derive_id
from leerpad.markdown.spec import Reference, WidgetSpec, content_version


@dataclass
class FollowUpSpec(WidgetSpec):
    reflection: str = ""

    def default_id(self, page_key, ordinal):
        return derive_id(page_key, self.reflection, "vervolg")


def parse_follow_up(region, report):
    return FollowUpSpec(
        line=region.line, options_set={}, version=content_version(region),
        reflection=region.argument,
    )


class FollowUpBlock(WidgetBlock):
    NAME = "vervolg"
    PARSER = parse_follow_up
    REFERS_TO = Reference(
        kind="reflection", field="reflection", unknown="vervolg_unknown",
        did_you_mean="vervolg_did_you_mean", broken="vervolg_broken",
    )
    MESSAGES = {
        "nl": {
            "what_vervolg": "dit vervolg",
            "vervolg_unknown": "geen reflectie heet '{id}' (wel: {known})",
            "vervolg_did_you_mean": "geen reflectie heet '{id}'; bedoel je '{suggestion}'?",
            "vervolg_broken": "reflectie '{id}' heeft zelf fouten",
        },
    }

    def render(self, parent, widget_id, spec):
        import xml.etree.ElementTree as etree
        root = etree.SubElement(parent, "aside", {"class": "vervolg", "id": widget_id})
        root.text = spec.reflection
        return root
'''


def test_a_kind_of_another_package_declares_what_it_refers_to(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Like the team scan naming its self-assessment, but no file of leerpad names it:
    # the kind's REFERS_TO is checked by leerpad check and the build, and the page of the
    # widget referred to learns the address of the page referring to it.
    package = tmp_path / "vervolgpakket"
    (package / "leerpad_vervolg").mkdir(parents=True)
    (package / "leerpad_vervolg" / "__init__.py").write_text(FOLLOW_UP_MODULE)
    info = package / "leerpad_vervolg-0.1.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: leerpad-vervolg\nVersion: 0.1\n")
    (info / "entry_points.txt").write_text(
        "[leerpad.widgets]\nvervolg = leerpad_vervolg:FollowUpBlock\n"
    )
    monkeypatch.setenv("PYTHONPATH", str(package))
    project = copy_site("small", tmp_path)
    module = project / "courses/proefcursus/2-het-gesprek.md"
    text = module.read_text(encoding="utf-8")
    question = "/// reflection | Welke vraag stel jij het liefst aan een klant, en *waarom*?\n"
    assert question in text
    module.write_text(text.replace(question, question + "    id: liefste-vraag\n"), "utf-8")
    follow_up = project / "docs" / "terugblik.md"
    follow_up.write_text("# Terugblik\n\n/// vervolg | liefste-vraagg\n///\n", encoding="utf-8")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "leerpad", "check"]
    checked = subprocess.run(command, cwd=project, capture_output=True, text=True, env=env)
    message = (
        "docs/terugblik.md:3: geen reflectie heet 'liefste-vraagg'; bedoel je 'liefste-vraag'?"
    )
    assert message in checked.stdout.splitlines(), checked.stdout
    build = run_build(project, strict=False)
    assert f"ERROR   -  leerpad: {message}" in build.log, build.log

    follow_up.write_text("# Terugblik\n\n/// vervolg | liefste-vraag\n///\n", encoding="utf-8")
    build = run_build(project)
    assert build.returncode == 0, build.log
    reflection = build.page("cursussen/proefcursus/het-gesprek/")
    assert 'data-leerpad-reflection="liefste-vraag" data-leerpad-vervolg-url="' in reflection
