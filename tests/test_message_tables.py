"""Every message to authors exists in Dutch and English, and follows the site's language.

leerpad's parts register their tables in ``leerpad.problems.MESSAGE_TABLES``; a key in one
language only would leave a trainer with an English sentence on a Dutch site (or a
KeyError), so the tables are compared here, and the trainers' guide must explain every
Dutch message.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
import string
from pathlib import Path

import pytest

from conftest import REPO, run_build, run_leerpad


def _all_tables() -> dict[str, object]:
    """Import every leerpad module, so that each registers its tables; then list them."""
    import leerpad
    from leerpad.problems import MESSAGE_TABLES

    for module in pkgutil.walk_packages(leerpad.__path__, "leerpad."):
        if not module.name.endswith("__main__"):
            importlib.import_module(module.name)
    return dict(MESSAGE_TABLES)


TABLES = _all_tables()


def test_the_tables_of_every_part_are_registered() -> None:
    for part in ("widgets", "front_matter", "yaml", "courses", "posts", "house_rules"):
        assert part in TABLES
    for part in ("feed", "check", "cli", "scaffold"):
        assert part in TABLES


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


@pytest.mark.parametrize("name", sorted(TABLES))
def test_each_language_has_every_key_with_the_same_placeholders(name: str) -> None:
    tables = TABLES[name].tables  # type: ignore[attr-defined]
    assert set(tables) == {"en", "nl"}
    assert set(tables["en"]) == set(tables["nl"]), set(tables["en"]) ^ set(tables["nl"])
    for key in tables["en"]:
        english = {field.split(":")[0] for field in _fields(tables["en"][key])}
        dutch = {field.split(":")[0] for field in _fields(tables["nl"][key])}
        assert english == dutch, (name, key)


def test_a_key_in_one_language_only_is_caught() -> None:
    from leerpad.problems import MessageTable

    lopsided = MessageTable("proef", {"en": {"a": "A", "b": "B"}, "nl": {"a": "A"}})
    assert set(lopsided.tables["en"]) != set(lopsided.tables["nl"])
    with pytest.raises(KeyError):
        lopsided.text("nl", "b")


def test_the_site_language_picks_the_table_and_english_is_the_default() -> None:
    from leerpad.source.house_rules import MESSAGES

    values = {"count": 1, "low": 3, "high": 4}
    assert MESSAGES.text("nl", "objectives", **values).startswith("de module heeft 1 leerdoel;")
    assert MESSAGES.text("nl-BE", "objectives", **values).startswith("de module heeft 1 leerdoel;")
    assert MESSAGES.text(None, "objectives", **values).startswith("the module has 1 objective;")
    assert MESSAGES.text("fr", "objectives", **{**values, "count": 2}).startswith(
        "the module has 2 objectives;"
    )


# Parts of other messages (what belongs in a field, where names come from): the guide
# names them in the explanations, not as messages of their own.
_FRAGMENT = re.compile(
    r"^(what_|where_|fix_|rule_|word_|more_help$|rules_and$|bands_all$|bands_of$|none$"
    r"|no_courses$)"
)
_PLACEHOLDER = re.compile(r"\{\{|\}\}|\{[^{}]*\}")


@pytest.mark.parametrize("name", sorted(TABLES))
def test_the_trainers_guide_explains_every_dutch_message(name: str) -> None:
    guide = (REPO / "docs/voor-trainers.md").read_text(encoding="utf-8")
    explained = "\n".join(line for line in guide.splitlines() if line.startswith("`"))
    missing = []
    for key, message in TABLES[name].tables["nl"].items():  # type: ignore[attr-defined]
        pieces = _PLACEHOLDER.split(message)
        longest = max(pieces, key=len)
        if longest not in (guide if _FRAGMENT.match(key) else explained):
            missing.append((key, longest))
    assert not missing


HOUSE_RULES = """  - leerpad:
      default_image: assets/kaart.png
      house_rules:
        objectives: [1, 4]
        words: [10, 1500]
        quizzes: 1
        reflection_last: true
"""


def _with_house_rules(site: Path) -> None:
    config = site / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(
        text.replace("  - leerpad:\n      default_image: assets/kaart.png\n", HOUSE_RULES),
        encoding="utf-8",
    )


def test_a_dutch_site_tells_everything_in_dutch(small_site: Path) -> None:
    _with_house_rules(small_site)
    module = small_site / "courses/proefcursus/2-het-gesprek.md"
    text = module.read_text(encoding="utf-8")
    module.write_text(text.replace("duration: 25", "duration: 2026-02-30"), encoding="utf-8")
    post = small_site / "blog/posts/eerste-bericht.md"
    post.write_text(
        post.read_text(encoding="utf-8").replace("authors: [ria]", "authors: [piet]"),
        encoding="utf-8",
    )
    checked = run_leerpad(small_site, "check")
    assert checked.returncode == 1
    lines = checked.stdout.splitlines()
    assert (
        "courses/proefcursus/2-het-gesprek.md:3: '2026-02-30' is geen datum die bestaat "
        "(zoveel dagen heeft die maand niet); schrijf ze als JJJJ-MM-DD"
    ) in lines
    assert any(
        line.startswith("blog/posts/eerste-bericht.md:") and "'piet' staat niet in" in line
        for line in lines
    ), lines
    assert re.fullmatch(
        r"\d+ fouten in \d+ bestanden \(\d+ bestanden en \d+ blokken gecontroleerd in [\d.]+ s\)",
        lines[-1],
    ), lines[-1]
    for english in ("front matter has no", "must be", "did you mean", "problem", "house rules"):
        assert english not in checked.stdout


def test_one_problem_in_one_file_is_said_in_the_singular(small_site: Path) -> None:
    post = small_site / "blog/posts/eerste-bericht.md"
    post.write_text(
        post.read_text(encoding="utf-8").replace("authors: [ria]", "authors: [piet]"),
        encoding="utf-8",
    )
    summary = run_leerpad(small_site, "check").stdout.splitlines()[-1]
    assert summary.startswith("1 fout in 1 bestand (")


def test_an_english_site_tells_front_matter_and_house_rules_in_english(small_site: Path) -> None:
    config = small_site / "mkdocs.yml"
    config.write_text(config.read_text().replace("language: nl", "language: en"))
    _with_house_rules(small_site)
    module = small_site / "courses/proefcursus/2-het-gesprek.md"
    module.write_text(module.read_text().replace("title: Het gesprek\n", ""), encoding="utf-8")
    checked = run_leerpad(small_site, "check")
    assert "courses/proefcursus/2-het-gesprek.md:1: front matter has no 'title'" in checked.stdout
    assert "the module has 9 words of text (widgets not counted)" in checked.stdout
    assert re.fullmatch(
        r"\d+ problems in \d+ files \(\d+ files, \d+ widgets checked in [\d.]+ s\)",
        checked.stdout.splitlines()[-1],
    )


def test_a_tab_in_the_front_matter_is_named_in_the_site_language(small_site: Path) -> None:
    module = small_site / "courses/proefcursus/2-het-gesprek.md"
    text = module.read_text(encoding="utf-8")
    module.write_text(text.replace("  - Je vat samen", "\t- Je vat samen"), encoding="utf-8")
    checked = run_leerpad(small_site, "check").stdout
    assert (
        "courses/proefcursus/2-het-gesprek.md:5: de front matter is geen geldige YAML: deze "
        "regel springt in met een tab" in checked
    ), checked


def test_a_broken_front_matter_does_not_hide_the_widget_problems_in_the_build(
    small_site: Path,
) -> None:
    module = small_site / "courses/proefcursus/2-het-gesprek.md"
    text = module.read_text(encoding="utf-8")
    broken = (
        text.replace("duration: 25", "duration: een halfuur")
        .replace("- [x] Wat is er precies gebeurd?", "- [ ] Wat is er precies gebeurd?")
        .replace("- [x] Waar heeft u", "- [ ] Waar heeft u")
    )
    module.write_text(broken, encoding="utf-8")
    checked = set(run_leerpad(small_site, "check").stdout.splitlines()[:-1])
    build = run_build(small_site, strict=False)
    logged = {
        line.split("leerpad: ", 1)[1] for line in build.log.splitlines() if "leerpad: " in line
    }
    assert checked == logged
    assert any(":3: 'duration' is een geheel aantal minuten" in line for line in logged)
    assert any(":11: geen antwoord is als juist aangeduid" in line for line in logged), logged
    page = build.page("cursussen/proefcursus/het-gesprek/")
    assert "geen antwoord is als juist aangeduid" in page


def test_a_second_colon_in_a_title_is_shown_fixed_on_the_authors_own_line(
    small_site: Path,
) -> None:
    module = small_site / "courses/proefcursus/2-het-gesprek.md"
    text = module.read_text(encoding="utf-8")
    module.write_text(text.replace("title: Het gesprek", "title: Het gesprek: de basis"))
    checked = run_leerpad(small_site, "check").stdout
    assert (
        "courses/proefcursus/2-het-gesprek.md:2: de front matter is geen geldige YAML: een "
        "tweede dubbele punt in de waarde; zet de hele waarde tussen dubbele aanhalingstekens: "
        'title: "Het gesprek: de basis"\n'
    ) in checked


def test_a_tab_indented_option_is_read_by_the_check_as_by_the_build(small_site: Path) -> None:
    module = small_site / "courses/proefcursus/01-eerste-stappen.md"
    text = module.read_text(encoding="utf-8")
    old = '    hint: "Wat zou jij willen als je zelf stond te wachten?"'
    assert old in text
    module.write_text(text.replace(old, "\thnt: Denk aan jezelf"), encoding="utf-8")
    line = 1 + module.read_text().splitlines().index("\thnt: Denk aan jezelf")
    expected = f"courses/proefcursus/01-eerste-stappen.md:{line}: onbekende optie 'hnt'"
    checked = run_leerpad(small_site, "check").stdout
    assert expected in checked, checked
    build = run_build(small_site)
    assert expected in build.log, build.log


@pytest.mark.parametrize("guide", ["voor-trainers.md", "voor-marketing.md"])
def test_the_guides_quote_no_english_message_on_a_dutch_site(guide: str) -> None:
    text = (REPO / "docs" / guide).read_text(encoding="utf-8")
    quoted = "\n".join(line for line in text.splitlines() if line.startswith("`"))
    stale = []
    for name, table in TABLES.items():
        for key, message in table.tables["en"].items():  # type: ignore[attr-defined]
            longest = max(_PLACEHOLDER.split(message), key=len)
            if len(longest) > 12 and longest != table.tables["nl"][key] and longest in quoted:  # type: ignore[attr-defined]
                stale.append((name, key, longest))
    assert not stale


def test_a_key_written_twice_is_reported_not_silently_dropped(small_site: Path) -> None:
    # YAML keeps the last of two equal keys: 'tags' written twice lost the first list,
    # 'hint' written twice the first hint, and check and build said nothing.
    post = small_site / "blog/posts/tweede-bericht.md"
    text = post.read_text(encoding="utf-8")
    post.write_text(text.replace("tags: [", "tags: [extra]\ntags: [", 1), encoding="utf-8")
    module = small_site / "courses/proefcursus/01-eerste-stappen.md"
    text = module.read_text(encoding="utf-8")
    old = '    hint: "Wat zou jij willen als je zelf stond te wachten?"'
    module.write_text(text.replace(old, old + '\n    hint: "Een tweede hint."'), encoding="utf-8")
    post_lines = post.read_text(encoding="utf-8").splitlines()
    post_line = 2 + post_lines.index("tags: [extra]")  # the second 'tags:', just below
    hint_line = 1 + module.read_text(encoding="utf-8").splitlines().index(
        '    hint: "Een tweede hint."'
    )
    twice = (
        "'{}' staat er twee keer; YAML houdt alleen de laatste en laat de eerste stilletjes vallen"
    )
    expected = [
        f"blog/posts/tweede-bericht.md:{post_line}: de front matter is geen geldige YAML: "
        + twice.format("tags"),
        f"courses/proefcursus/01-eerste-stappen.md:{hint_line}: de opties zijn geen geldige "
        "YAML (" + twice.format("hint"),
    ]
    checked = run_leerpad(small_site, "check").stdout
    build = run_build(small_site)
    assert build.returncode == 1
    for message in expected:
        assert message in checked, checked
        assert message in build.log, build.log


def test_a_misspelt_field_of_a_module_or_course_is_reported(small_site: Path) -> None:
    # Nobody reads 'descripton:': the page lost its description without a word.
    course = small_site / "courses/proefcursus"
    for name in ("index.md", "2-het-gesprek.md"):
        path = course / name
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace("title:", "descripton: Kort.\ntitle:", 1), encoding="utf-8")
    expected = [
        f"courses/proefcursus/{name}:2: 'descripton': bedoel je 'description'?"
        for name in ("index.md", "2-het-gesprek.md")
    ]
    checked = run_leerpad(small_site, "check").stdout
    build = run_build(small_site)
    assert build.returncode == 1
    for message in expected:
        assert message in checked, checked
        assert message in build.log, build.log


def test_a_module_or_course_image_that_does_not_exist_is_reported(small_site: Path) -> None:
    # A post's 'image:' was checked; a module's or a course's gave link previews an
    # og:image address that leads nowhere, without a word.
    course = small_site / "courses/proefcursus"
    for name in ("index.md", "2-het-gesprek.md"):
        path = course / name
        text = path.read_text(encoding="utf-8")
        path.write_text(
            text.replace("title:", "image: kaarten/weg.png\ntitle:", 1), encoding="utf-8"
        )
    expected = [
        f"courses/proefcursus/{name}:2: afbeelding 'kaarten/weg.png' bestaat niet onder docs/"
        for name in ("index.md", "2-het-gesprek.md")
    ]
    checked = run_leerpad(small_site, "check").stdout
    build = run_build(small_site)
    assert build.returncode == 1
    for message in expected:
        assert message in checked, checked
        assert message in build.log, build.log
