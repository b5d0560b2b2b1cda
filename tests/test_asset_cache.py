"""Minified scripts and stylesheets are kept between builds and can never change a build.

A second build of an unchanged site finds every minified asset in ``.cache/plugin/leerpad``
and does not load the minifier at all (its Go runtime costs every build a few percent);
a damaged entry, or a cache folder that cannot be written, gives the same site as no cache.
"""

from __future__ import annotations

from pathlib import Path

from conftest import Build, run_build

# Writes, at the end of the build, whether the minifier was loaded.
MINIFIER_HOOK = """
import sys
from pathlib import Path

def on_post_build(config):
    loaded = "yes" if "minify" in sys.modules else "no"
    Path(config.config_file_path).with_name("minifier-loaded.txt").write_text(loaded)
"""

CACHE = Path(".cache/plugin/leerpad/assets")


def make_site(root: Path, options: str = "") -> Path:
    """A one-page leerpad site with a quiz, and the hook above."""
    project = root / "site"
    (project / "docs").mkdir(parents=True)
    (project / "docs" / "index.md").write_text(
        "# Start\n\n/// quiz | Welke kleur heeft de lucht?\n\n- [x] Blauw\n- [ ] Groen\n///\n",
        encoding="utf-8",
    )
    plugin = f"  - leerpad:\n{options}" if options else "  - leerpad\n"
    (project / "mkdocs.yml").write_text(
        "site_name: Proef\ntheme:\n  name: material\n  language: nl\n"
        f"plugins:\n{plugin}hooks:\n  - minifier_hook.py\n",
        encoding="utf-8",
    )
    (project / "minifier_hook.py").write_text(MINIFIER_HOOK, encoding="utf-8")
    return project


def build(project: Path, name: str) -> Build:
    done = run_build(project, site_dir=project / name)
    assert done.returncode == 0, done.log
    return done


def minifier_loaded(project: Path) -> bool:
    return (project / "minifier-loaded.txt").read_text() == "yes"


def assets(done: Build) -> dict[str, bytes]:
    """Every published leerpad asset by name (the name carries its content's hash)."""
    folder = done.site / "assets" / "leerpad"
    return {path.name: path.read_bytes() for path in sorted(folder.iterdir())}


def test_a_second_build_reuses_the_minified_assets_without_loading_the_minifier(
    tmp_path: Path,
) -> None:
    project = make_site(tmp_path)
    first = build(project, "first")
    assert minifier_loaded(project)
    entries = sorted((project / CACHE).iterdir())
    assert len(entries) == len(assets(first)) > 10
    assert not [entry for entry in entries if not entry.name.endswith(".min")]

    second = build(project, "second")
    assert not minifier_loaded(project)
    assert assets(second) == assets(first)
    assert second.page("") == first.page("")


def test_damaged_entries_are_minified_again_and_repaired(tmp_path: Path) -> None:
    project = make_site(tmp_path)
    first = build(project, "first")
    entries = sorted((project / CACHE).iterdir())
    entries[0].write_text("kapot", encoding="utf-8")  # no checksum line at all
    kept = entries[1].read_text(encoding="utf-8")
    entries[1].write_text(kept[: len(kept) // 2], encoding="utf-8")  # cut short
    checksum, _, text = entries[2].read_text(encoding="utf-8").partition("\n")
    entries[2].write_text(f"{checksum}\nalert('niet van ons');{text}", encoding="utf-8")
    entries[3].write_bytes(b"\xff\xfe\x00 geen tekst")

    second = build(project, "second")
    assert minifier_loaded(project)
    assert assets(second) == assets(first)
    third = build(project, "third")
    assert not minifier_loaded(project)  # the damaged entries were written anew
    assert assets(third) == assets(first)


def test_a_cache_folder_that_cannot_be_written_changes_nothing(tmp_path: Path) -> None:
    plain = make_site(tmp_path / "plain", "      cache: false\n")
    without_cache = build(plain, "site")
    assert not (plain / ".cache").exists()

    # A file where the folder should be: nothing can be created in it, even by root.
    project = make_site(tmp_path / "blocked", "      cache_dir: in-de-weg\n")
    (project / "in-de-weg").write_text("een bestand, geen map", encoding="utf-8")
    for name in ("first", "second"):
        blocked = build(project, name)
        assert minifier_loaded(project)
        assert assets(blocked) == assets(without_cache)
