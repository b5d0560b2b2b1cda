"""Every widget kind in the registry is complete: nothing a kind needs fails silently.

A kind that lacks one of its parts today shows as plain text, never loads its script,
counts as something else on the progress page or slips past ``leerpad check``. This
test walks the registry, so a new kind is held to the same bar by its registry line.
"""

from __future__ import annotations

import inspect
import json
import re
import string
from importlib.resources import files as package_files
from pathlib import Path

import markdown
import pytest

from leerpad.cli.check import check_repository
from leerpad.markdown.blocks import WidgetBlock
from leerpad.site.assets import asset_sources, front_end_kinds, on_demand, page_stylesheets
from leerpad.site.courses import COMPLETION_RULES
from leerpad.strings import STRINGS
from leerpad.widgets.registry import kinds

KINDS = sorted(kinds())
ASSETS = package_files("leerpad").joinpath("assets")


def asset_text(block: type[WidgetBlock], name: str) -> str:
    """An asset the kind lists, from wherever it lives (its own package or another kind's)."""
    return asset_sources()[name].read_text("utf-8")


def script_text_keys(script: str) -> dict[str, set[str]]:
    """The keys per language of a script's ``/* leerpad:text */`` table (none: {})."""
    marker = script.find("/* leerpad:text */")
    if marker < 0:
        return {}
    start = script.index("{", marker)
    table, _ = json.JSONDecoder().raw_decode(script, start)
    return {language: set(texts) for language, texts in table.items()}


def storage_checks() -> set[str]:
    """The names of the checks leerpad-storage.js offers a kind's stored fields."""
    source = ASSETS.joinpath("leerpad-storage.js").read_text("utf-8")
    body = source[source.index("var CHECKS = {") : source.index("};", source.index("var CHECKS"))]
    return set(re.findall(r"(\w+):", body))


def test_the_registry_holds_leerpads_own_kinds() -> None:
    assert {"quiz", "reflection", "assessment", "teamscan"} <= set(KINDS)


@pytest.mark.parametrize("name", KINDS)
def test_every_kind_parses_and_renders(name: str) -> None:
    block = kinds()[name]
    assert issubclass(block, WidgetBlock) and name == block.NAME
    assert inspect.isfunction(block.PARSER), f"{name}: no PARSER"
    assert block.render is not WidgetBlock.render, f"{name}: no render()"
    for option, (_, validator) in block.SOURCE_OPTIONS.items():
        assert callable(validator), f"{name}: option {option} has no validator"


@pytest.mark.parametrize("name", KINDS)
def test_every_kind_has_a_script_loaded_on_demand_and_a_stylesheet(name: str) -> None:
    block = kinds()[name]
    scripts = [asset for asset in block.ASSETS if asset.endswith(".js")]
    assert scripts, f"{name}: no script"
    assert set(block.ASSETS) <= set(on_demand())
    for asset in block.ASSETS:
        assert asset_text(block, asset).strip(), f"{name}: {asset} is missing or empty"
    # Its look: its own stylesheet, linked where it appears, or leerpad.css.
    sheets = [asset for asset in block.ASSETS if asset.endswith(".css")]
    for sheet in sheets:
        assert f"data-leerpad-{name}=" in page_stylesheets()[sheet]
    styles = [asset_text(block, sheet) for sheet in sheets]
    styles.append(ASSETS.joinpath("leerpad.css").read_text("utf-8"))
    assert any(f".leerpad-{name}" in style for style in styles), f"{name}: no stylesheet"
    # The script the loader runs for it registers the kind under its name.
    last = asset_text(block, scripts[-1])
    assert re.search(rf"define\(\s*\"{name}\"", last), f"{name}: {scripts[-1]} defines no {name}"
    assert front_end_kinds()[name]["files"][-1] == scripts[-1].removeprefix("leerpad-")[:-3]


PARTS = sorted((name, part) for name in KINDS for part in kinds()[name].PARTS)


@pytest.mark.parametrize(("name", "part"), PARTS)
def test_every_part_loads_before_its_kind_only_where_it_is_marked(name: str, part: str) -> None:
    block = kinds()[name]
    files = block.PARTS[part]
    assert set(files) <= set(on_demand())
    for asset in files:
        assert asset_text(block, asset).strip(), f"{name}-{part}: {asset} is missing or empty"
        if asset.endswith(".css"):
            assert page_stylesheets()[asset] == (f"data-leerpad-{name}-{part}=",)
    scripts = [asset for asset in files if asset.endswith(".js")]
    last = asset_text(block, scripts[-1])
    assert re.search(rf"define\(\s*\"{name}-{part}\"", last), f"{scripts[-1]} defines no part"
    table = list(front_end_kinds())
    assert table.index(f"{name}-{part}") < table.index(name), "a part loads after its kind"
    assert front_end_kinds()[f"{name}-{part}"] == {
        "files": sorted(
            (f.removeprefix("leerpad-").removesuffix(".js") for f in files),
            key=lambda key: not key.endswith(".css"),
        )
    }


@pytest.mark.parametrize("name", KINDS)
def test_every_kind_speaks_every_language(name: str) -> None:
    block = kinds()[name]
    languages = set(STRINGS)
    # A kind's text lives with the kind, not in the site's shared table.
    assert not [key for key in STRINGS["en"] if key.startswith(f"{name}_")], name
    if block.TEXT:
        assert set(block.TEXT) >= languages, f"{name}: TEXT lacks a language"
        assert len({frozenset(texts) for texts in block.TEXT.values()}) == 1
        assert all(
            key.startswith(f"{name}_") or key == f"what_{name}"
            for texts in block.TEXT.values()
            for key in texts
        )
    parts = [asset for files in block.PARTS.values() for asset in files]
    for script in (asset for asset in [*block.ASSETS, *parts] if asset.endswith(".js")):
        keys = script_text_keys(asset_text(block, script))
        if keys:
            assert set(keys) >= languages, f"{script}: text lacks a language"
            assert len({frozenset(k) for k in keys.values()}) == 1, f"{script}: keys differ"


@pytest.mark.parametrize("name", KINDS)
def test_every_kind_tells_authors_in_every_language(name: str) -> None:
    messages = kinds()[name].MESSAGES
    assert set(messages) >= set(STRINGS), f"{name}: MESSAGES lacks a language"
    assert len({frozenset(texts) for texts in messages.values()}) == 1, f"{name}: keys differ"
    assert f"what_{name}" in messages["en"], f"{name}: no what_{name} for 'this … is never closed'"
    fields = string.Formatter()
    for key, english in messages["en"].items():
        wanted = {field for _, field, _, _ in fields.parse(english) if field}
        for language, texts in messages.items():
            found = {field for _, field, _, _ in fields.parse(texts[key]) if field}
            assert found == wanted, (name, language, key)


@pytest.mark.parametrize("name", KINDS)
def test_every_kind_that_keeps_state_says_how_it_counts_for_progress(name: str) -> None:
    block = kinds()[name]
    if block.STORED is None:
        assert block.PROGRESS is None and block.SUMMARY is None
        return
    assert set(block.STORED["fields"].values()) <= storage_checks() | {
        check for check in block.STORED["fields"].values() if re.fullmatch(r"text:\d+", check)
    }
    assert set(block.STORED["required"]) <= set(block.STORED["fields"])
    assert set(block.STORED.get("sticky", [])) <= set(block.STORED["fields"])
    assert set(block.STORED.get("kept", [])) <= set(block.STORED["fields"])
    assert block.PROGRESS, f"{name} keeps state but counts nowhere on the progress page"
    assert block.SUMMARY, f"{name} keeps state but does not say how it sums up"
    how = set(block.SUMMARY) & {"count", "score", "writing", "outcome"}
    assert len(how) == 1, f"{name}: SUMMARY must be one of count, score, writing, outcome"
    field = block.SUMMARY[how.pop()]
    assert field in block.STORED["fields"], f"{name}: sums up a field it never stores"
    for language in STRINGS:
        # An import says how many entries of the kind it changed, in the kind's own words.
        assert "{count:" in block.TEXT[language][f"{name}_count"], (name, language)
    if "writing" not in block.SUMMARY:
        for language in STRINGS:
            assert f"{name}_progress" in (block.TEXT.get(language) or {}), (name, language)


@pytest.mark.parametrize("name", KINDS)
def test_a_kind_that_holds_up_a_module_says_when_one_is_done_and_what_is_left(name: str) -> None:
    block = kinds()[name]
    if not block.COMPLETES_UNDER:
        assert block.DONE is None, f"{name}: DONE without COMPLETES_UNDER counts nowhere"
        return
    assert set(block.COMPLETES_UNDER) <= set(COMPLETION_RULES) - {"manual"}
    assert block.STORED and block.DONE in block.STORED["fields"], f"{name}: DONE is not stored"
    assert block.PROGRESS, f"{name}: a module cannot list its widgets without PROGRESS"
    others = [other for other in kinds().values() if other is not block and other.COMPLETES_UNDER]
    assert block.PROGRESS not in {other.PROGRESS for other in others}, "one group per kind"
    for language in STRINGS:
        assert "{count:" in block.TEXT[language][f"{name}_open"], (name, language)


_PLACEHOLDER = re.compile(r"\$\{\d+:([^}]*)\}|\$\{?\d+\}?")


@pytest.mark.parametrize("name", KINDS)
def test_every_kind_has_an_editor_snippet_that_makes_a_sound_widget(name: str) -> None:
    block = kinds()[name]
    assert block.SNIPPETS, f"{name}: no editor snippet"
    for prefix, snippet in block.SNIPPETS.items():
        assert snippet["body"][0].startswith(f"/// {name} |"), (name, prefix)
        assert snippet["description"], (name, prefix)
        # Accepted as the editor fills it in (each placeholder's default), the widget has
        # no problem but, for a team scan, the self-assessment it names not existing.
        text = _PLACEHOLDER.sub(lambda found: found[1] or "", "\n".join(snippet["body"]))
        md = markdown.Markdown(extensions=["leerpad.markdown"])
        md.convert(text)
        problems = [p.message for p in md.leerpad_problems]  # type: ignore[attr-defined]
        assert all("self-assessment" in message for message in problems), (prefix, problems)


@pytest.mark.parametrize("name", KINDS)
def test_leerpad_check_reads_every_kind(name: str, tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "mkdocs.yml").write_text("site_name: Proef\ntheme:\n  language: nl\n")
    (tmp_path / "docs" / "index.md").write_text(f"# Proef\n\n/// {name} | iets\n")
    problems = check_repository(str(tmp_path)).problems
    unclosed = [p for p in problems if p.line == 3 and "nergens gesloten" in p.message]
    assert [p.path for p in unclosed] == ["docs/index.md"], problems
