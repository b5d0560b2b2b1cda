"""Conversation simulations in Markdown: the gamebook HTML, and every mistake at its line.

An author writes steps with choices as links and ends with an outcome; a learner without
JavaScript gets sections that link to each other. Each mistake gets one message at the
line to fix, in the site's language, and the rest of the page still renders.
"""

from __future__ import annotations

import re
import textwrap

import markdown
import pytest
from bs4 import BeautifulSoup

from leerpad.markdown import LeerpadExtension
from leerpad.widgets.scenario import ScenarioBlock
from leerpad.widgets.scenario.text import EN_MESSAGES, NL_MESSAGES

from conftest import REPO

SCENARIO = """\
# Les

/// scenario | De derde keer bellen
    id: derde-keer

Je werkt aan de telefoon.

//// step | start
**Klant:** "Dit is de *derde* keer dat ik bel!"

- [Wat is er de vorige keren gebeurd?](#luisteren)
- [Ik verbind u door.](#doorverbonden)
    > Doorverbinden zonder te luisteren voelt als afschuiven.
////

//// step | luisteren
De klant wordt rustiger.

- [Ik zoek het voor u uit.](#opgelost)
- [Kunt u het nog eens vertellen?](#start)
////

//// end | doorverbonden | slecht
De klant hangt op.
////

//// end | opgelost | good
De klant bedankt je.
////
///

Tekst na het blok.
"""


def convert(source: str, language: str = "nl") -> tuple[BeautifulSoup, list[str]]:
    """Render ``source`` as page ``les.md``; the page and its problems."""
    extension = LeerpadExtension(language=language, path="les.md")
    md = markdown.Markdown(extensions=[extension, "admonition", "pymdownx.superfences"])
    html = md.convert(textwrap.dedent(source))
    return BeautifulSoup(html, "html.parser"), [str(p) for p in md.leerpad_problems]


def test_every_step_is_a_section_whose_choices_link_to_the_next() -> None:
    page, problems = convert(SCENARIO)
    assert problems == []
    root = page.select_one("[data-leerpad-scenario]")
    assert root["id"] == "derde-keer"
    assert root.select_one(".leerpad-scenario__title").get_text() == "De derde keer bellen"
    assert root.select_one(".leerpad-scenario__intro").get_text() == "Je werkt aan de telefoon."
    steps = root.select(".leerpad-scenario__step")
    assert [step["id"] for step in steps] == [
        "derde-keer-start",
        "derde-keer-luisteren",
        "derde-keer-doorverbonden",
        "derde-keer-opgelost",
    ]
    # Every link in the gamebook leads to a section of it, or to a reaction inside one.
    ids = {element["id"] for element in root.select(".leerpad-scenario__book [id]")}
    links = [link["href"] for link in root.select("a")]
    assert links and all(href[1:] in ids for href in links)
    start = steps[0]
    assert start.select_one(".leerpad-scenario__step-label").get_text() == "Stap 1"
    assert start.select_one("strong").get_text() == "Klant:"  # any Markdown in a step
    assert start.select_one("em").get_text() == "derde"
    choices = start.select(".leerpad-scenario__choice a")
    assert [c.get_text() for c in choices] == [
        "Wat is er de vorige keren gebeurd?",
        "Ik verbind u door.",
    ]
    # On paper the number of the next step says where to read on.
    gotos = [goto.get_text() for goto in start.select(".leerpad-scenario__goto")]
    assert gotos == ["(naar stap 2)", "(naar stap 3)"]
    # No reaction next to the choices: the one to "Ik verbind u door." opens the step it
    # leads to, and the choice links there.
    assert "afschuiven" not in start.get_text()
    poor, good = steps[2], steps[3]
    reaction = poor.select_one(".leerpad-scenario__reaction")
    assert choices[1]["href"] == "#" + reaction["id"]
    assert reaction.select_one(".leerpad-scenario__chosen").get_text() == (
        "Je koos: Ik verbind u door."
    )
    assert "afschuiven" in reaction.select_one(".leerpad-scenario__reply").get_text()
    assert reaction["data-name"] == "Reactie op deze keuze"
    assert choices[0]["href"] == "#derde-keer-luisteren"  # no reaction: straight on
    # Ends say their outcome in the site's language, whichever language the author used.
    assert poor["data-outcome"] == "poor" and good["data-outcome"] == "good"
    assert good.select_one(".leerpad-scenario__step-label").get_text() == "Stap 4"
    assert good.select_one(".leerpad-scenario__end-label").get_text() == "Einde · afloop: goed"
    assert good.select_one(".leerpad-scenario__again-link")["href"] == "#derde-keer-start"
    assert "Tekst na het blok." in page.get_text()


def test_the_interface_follows_the_site_language() -> None:
    page, problems = convert(SCENARIO, "en")
    assert problems == []
    assert page.select_one(".leerpad-scenario__step-label").get_text() == "Step 1"
    end = page.select(".leerpad-scenario__step--end")[0]
    assert end.select_one(".leerpad-scenario__end-label").get_text() == "End · outcome: poor"
    assert end.select_one(".leerpad-scenario__chosen").get_text() == "You chose: Ik verbind u door."
    assert page.select_one(".leerpad-scenario__goto").get_text() == "(to step 2)"


WRITTEN_OUT_OF_ORDER = """\
/// scenario | Een klacht
    id: klacht

//// step | start
"Het werkt weer niet."

- [Wat gebeurt er precies?](#vragen)
- [Probeer het morgen nog eens.](#weg)
    > Zo blijft de klant met zijn probleem zitten.
////

//// end | opgelost | goed
De klant bedankt je.
////

//// end | weg | slecht
De klant zoekt een andere leverancier.
////

//// step | vragen
"Het scherm blijft zwart."

- [Ik kom vanmiddag langs.](#opgelost)
    > Een belofte met een tijdstip geeft houvast.
- [Kunt u het nog eens vertellen?](#start)
////
///
"""


def test_steps_are_numbered_and_ordered_as_a_reader_meets_them() -> None:
    # Written: start, two ends, then the step the first choice leads to.
    page, problems = convert(WRITTEN_OUT_OF_ORDER)
    assert problems == []
    steps = page.select(".leerpad-scenario__step")
    # Breadth first from the start: the start, where its choices lead, then theirs.
    assert [step["data-step"] for step in steps] == ["start", "vragen", "weg", "opgelost"]
    labels = [step.select_one(".leerpad-scenario__step-label").get_text() for step in steps]
    assert labels == ["Stap 1", "Stap 2", "Stap 3", "Stap 4"]
    gotos = [goto.get_text() for goto in page.select(".leerpad-scenario__goto")]
    assert gotos == ["(naar stap 2)", "(naar stap 3)", "(naar stap 4)", "(naar stap 1)"]
    # Each reaction sits in the step its choice leads to, and only there.
    where = {
        reaction["data-choice"]: reaction.find_parent(class_="leerpad-scenario__step")["data-step"]
        for reaction in page.select(".leerpad-scenario__reaction")
    }
    assert where == {"start.2": "weg", "vragen.1": "opgelost"}


def test_two_scenarios_on_a_page_keep_their_sections_apart() -> None:
    second = SCENARIO.replace("id: derde-keer", "id: vierde-keer").replace("# Les\n", "")
    page, problems = convert(SCENARIO + "\n" + second)
    assert problems == []
    ids = [element["id"] for element in page.select("[id]")]
    assert len(ids) == len(set(ids)) == 12  # 2 × (widget, 4 steps, 1 reaction)


def broken(replace: str, by: str) -> str:
    """The sound scenario with one mistake put in."""
    assert replace in SCENARIO
    return SCENARIO.replace(replace, by, 1)


MISTAKES = {
    "choice to no step": (
        broken("(#opgelost)", "(#opgelos)"),
        [
            "les.md:19: geen stap of einde heet 'opgelos'; bedoel je '#opgelost'?",
            "les.md:27: geen keuze leidt naar 'opgelost'; verwijs ernaar met '- "
            "[tekst](#opgelost)' of haal het weg",
        ],
        [
            "les.md:19: no step or end is called 'opgelos'; did you mean '#opgelost'?",
            "les.md:27: no choice leads to 'opgelost'; link to it with '- [text](#opgelost)' or "
            "remove it",
        ],
    ),
    "two lists of choices in one step": (
        broken("- [Ik verbind u door.]", "\n- [Ik verbind u door.]"),
        [
            "les.md:13: twee lijsten met keuzes in stap 'start': na de lege regel begint een "
            "tweede lijst; horen ze bij deze stap, haal dan de lege regel weg; horen ze bij een "
            "volgende stap, sluit deze dan met '////' en open die met '//// step | naam'",
        ],
        [
            "les.md:13: two lists of choices in step 'start': a second list starts after the "
            "empty line; if they belong to this step, remove the empty line; if they belong to a "
            "next step, close this one with '////' and open that one with '//// step | name'",
        ],
    ),
    "text between two lists of choices": (
        broken("- [Ik verbind u door.]", "\nNog iets.\n\n- [Ik verbind u door.]"),
        [
            "les.md:13: tekst na de keuzes ziet de deelnemer pas na het kiezen; zet de tekst "
            "van de stap boven de keuzes",
        ],
        [
            "les.md:13: text after the choices is only seen after choosing; put the step's "
            "text above its choices",
        ],
    ),
    "choice to a name far from any": (
        broken("(#opgelost)", "(#klaar)"),
        [
            "les.md:19: geen stap of einde heet 'klaar'; de namen zijn: start, luisteren, "
            "doorverbonden, opgelost",
            "les.md:27: geen keuze leidt naar 'opgelost'; verwijs ernaar met '- "
            "[tekst](#opgelost)' of haal het weg",
        ],
        [
            "les.md:19: no step or end is called 'klaar'; the names are: start, luisteren, "
            "doorverbonden, opgelost",
            "les.md:27: no choice leads to 'opgelost'; link to it with '- [text](#opgelost)' or "
            "remove it",
        ],
    ),
    "unreachable step": (
        broken("(#luisteren)", "(#opgelost)"),
        [
            "les.md:16: geen keuze leidt naar 'luisteren'; verwijs ernaar met '- "
            "[tekst](#luisteren)' of haal het weg",
        ],
        [
            "les.md:16: no choice leads to 'luisteren'; link to it with '- [text](#luisteren)' or"
            " remove it",
        ],
    ),
    "step with no reachable end": (
        broken("- [Ik zoek het voor u uit.](#opgelost)", "- [Ik zoek het voor u uit.](#start)")
        .replace("- [Ik verbind u door.](#doorverbonden)", "- [Ik verbind u door.](#luisteren)")
        .replace("    > Doorverbinden zonder te luisteren voelt als afschuiven.\n", ""),
        [
            "les.md:8: vanuit stap 'start' leidt geen pad naar een einde, dus het gesprek blijft "
            "rondgaan; laat minstens één keuze naar een einde leiden",
            "les.md:15: vanuit stap 'luisteren' leidt geen pad naar een einde, dus het gesprek "
            "blijft rondgaan; laat minstens één keuze naar een einde leiden",
            "les.md:22: geen keuze leidt naar 'doorverbonden'; verwijs ernaar met '- "
            "[tekst](#doorverbonden)' of haal het weg",
            "les.md:26: geen keuze leidt naar 'opgelost'; verwijs ernaar met '- "
            "[tekst](#opgelost)' of haal het weg",
        ],
        [
            "les.md:8: from step 'start' no path leads to an end, so the conversation goes round "
            "for ever; let at least one choice lead to an end",
            "les.md:15: from step 'luisteren' no path leads to an end, so the conversation goes "
            "round for ever; let at least one choice lead to an end",
            "les.md:22: no choice leads to 'doorverbonden'; link to it with '- "
            "[text](#doorverbonden)' or remove it",
            "les.md:26: no choice leads to 'opgelost'; link to it with '- [text](#opgelost)' or "
            "remove it",
        ],
    ),
    "step without choices": (
        broken(
            "- [Ik zoek het voor u uit.](#opgelost)\n- [Kunt u het nog eens vertellen?](#start)\n",
            "",
        ).replace("(#doorverbonden)", "(#opgelost)"),
        [
            "les.md:16: stap 'luisteren' heeft geen keuzes; voeg regels toe als '- "
            "[antwoord](#volgende-stap)', of maak er een einde van",
            "les.md:21: geen keuze leidt naar 'doorverbonden'; verwijs ernaar met '- "
            "[tekst](#doorverbonden)' of haal het weg",
        ],
        [
            "les.md:16: step 'luisteren' has no choices; add lines like '- [answer](#next-step)',"
            " or make it an end",
            "les.md:21: no choice leads to 'doorverbonden'; link to it with '- "
            "[text](#doorverbonden)' or remove it",
        ],
    ),
    "the same choice twice": (
        broken(
            "- [Kunt u het nog eens vertellen?](#start)", "- [Ik zoek het  voor u uit.](#start)"
        ),
        [
            "les.md:20: deze keuze staat al op regel 19; de deelnemer kan de twee niet uit "
            "elkaar houden: schrijf ze anders of haal er een weg",
        ],
        [
            "les.md:20: this choice is already listed on line 19; learners cannot tell the two "
            "apart: word it differently or remove one",
        ],
    ),
    "duplicate step names": (
        broken("//// end | opgelost | good", "//// end | luisteren | good"),
        [
            "les.md:19: geen stap of einde heet 'opgelost'; de namen zijn: start, luisteren, "
            "doorverbonden",
            "les.md:27: de naam 'luisteren' staat al op regel 16; geef elke stap en elk einde een"
            " eigen naam",
        ],
        [
            "les.md:19: no step or end is called 'opgelost'; the names are: start, luisteren, "
            "doorverbonden",
            "les.md:27: the name 'luisteren' is already used on line 16; give each step and end "
            "its own name",
        ],
    ),
    "scenario without ends": (
        "/// scenario | Rondjes\n//// step | start\n- [Nog eens](#start)\n////\n///\n",
        [
            "les.md:1: het gesprek heeft geen einde; voeg minstens één blok '//// end | naam | "
            "goed' toe",
        ],
        [
            "les.md:1: the conversation never ends; add at least one '//// end | name | good' "
            "block",
        ],
    ),
    "scenario without steps": (
        "/// scenario | Leeg\nAlleen een inleiding.\n///\n",
        [
            "les.md:1: de gesprekssimulatie heeft geen stappen; voeg blokken '//// step | start' "
            "… '////' toe",
        ],
        [
            "les.md:1: the conversation simulation has no steps; add '//// step | start' … '////'"
            " blocks",
        ],
    ),
    "no title": (
        broken("/// scenario | De derde keer bellen", "/// scenario"),
        [
            "les.md:3: de gesprekssimulatie heeft geen titel; schrijf die achter de streep: '/// "
            "scenario | De derde keer bellen'",
        ],
        [
            "les.md:3: the conversation simulation has no title; write it after the bar: '/// "
            "scenario | The third call'",
        ],
    ),
    "end without a known outcome": (
        broken("//// end | opgelost | good", "//// end | opgelost | super"),
        [
            "les.md:27: einde 'opgelost' heeft een afloop nodig na een tweede streep: goed, matig"
            " of slecht (nu: 'super')",
        ],
        [
            "les.md:27: end 'opgelost' needs an outcome after a second bar: good, fair or poor "
            "(found 'super')",
        ],
    ),
    "step with an outcome": (
        broken("//// step | luisteren", "//// step | luisteren | goed"),
        [
            "les.md:16: stap 'luisteren' heeft een afloop; een einde schrijf je als '//// end | "
            "luisteren | goed'",
        ],
        [
            "les.md:16: step 'luisteren' has an outcome; an end is written '//// end | luisteren "
            "| goed'",
        ],
    ),
    "end with a choice": (
        broken("De klant hangt op.\n", "De klant hangt op.\n- [Bel terug](#start)\n"),
        [
            "les.md:25: einde 'doorverbonden' heeft een keuze; een einde sluit het gesprek af, "
            "maak er een stap van: '//// step | doorverbonden'",
        ],
        [
            "les.md:25: end 'doorverbonden' has a choice; an end closes the conversation, so make"
            " it a step: '//// step | doorverbonden'",
        ],
    ),
    "misspelt block": (
        broken("//// step | luisteren", "//// stpe | luisteren"),
        [
            "les.md:16: onbekend blok 'stpe' in een gesprekssimulatie; bedoel je '//// step'?",
        ],
        [
            "les.md:16: unknown block 'stpe' in a conversation simulation; did you mean '//// "
            "step'?",
        ],
    ),
    "another block": (
        broken("//// step | luisteren", "//// band | luisteren"),
        [
            "les.md:16: in een gesprekssimulatie staan alleen blokken '//// step | naam' en '////"
            " end | naam | goed', niet 'band'",
        ],
        [
            "les.md:16: only '//// step | name' and '//// end | name | good' blocks can stand "
            "inside a conversation simulation, not 'band'",
        ],
    ),
    "no name": (
        broken("//// end | doorverbonden | slecht", "//// end"),
        [
            "les.md:23: dit blok heeft geen naam; schrijf die achter de streep: '//// end | "
            "luisteren'",
        ],
        [
            "les.md:23: this block has no name; write it after the bar: '//// end | listen'",
        ],
    ),
    "bad name": (
        broken("//// step | luisteren", "//// step | Luisteren goed"),
        [
            "les.md:16: de naam 'Luisteren goed' mag alleen kleine letters, cijfers en streepjes "
            "hebben, bijvoorbeeld 'derde-keer'",
        ],
        [
            "les.md:16: the name 'Luisteren goed' may hold only lowercase letters, digits and "
            "hyphens, e.g. 'third-call'",
        ],
    ),
    "text between steps": (
        broken("////\n\n//// step | luisteren", "////\nVerdwaald.\n//// step | luisteren"),
        [
            "les.md:15: tekst tussen de stappen hoort in een stap ('//// step | naam' … '////') "
            "of vóór de eerste stap",
        ],
        [
            "les.md:15: text between the steps belongs inside a step ('//// step | name' … "
            "'////') or before the first step",
        ],
    ),
    "text after the choices": (
        broken("    > Doorverbinden", "Nog iets.\n    > Doorverbinden"),
        [
            "les.md:13: tekst na de keuzes ziet de deelnemer pas na het kiezen; zet de tekst van "
            "de stap boven de keuzes",
            "les.md:14: feedback (een ingesprongen regel met '>') staat direct onder de keuze "
            "waar ze bij hoort",
        ],
        [
            "les.md:13: text after the choices is only seen after choosing; put the step's text "
            "above its choices",
            "les.md:14: feedback (an indented '>' line) must stand directly under its choice",
        ],
    ),
    "starts with an end": (
        "/// scenario | Kort\n//// end | klaar | goed\nKlaar.\n////\n"
        "//// step | start\n- [x](#klaar)\n////\n///\n",
        [
            "les.md:2: het gesprek begint met einde 'klaar'; de eerste stap is het begin, zet dus"
            " een stap bovenaan",
        ],
        [
            "les.md:2: the conversation starts with end 'klaar'; the first step is where it "
            "starts, so put a step first",
        ],
    ),
    "step never closed": (
        broken("- [Kunt u het nog eens vertellen?](#start)\n////\n", "- [Kunt u](#start)\n"),
        [
            "les.md:16: stap 'luisteren' wordt nergens gesloten; zet een regel met alleen '////' "
            "vóór regel 22",
        ],
        [
            "les.md:16: this step 'luisteren' is never closed; add a line with only '////' before"
            " line 22",
        ],
    ),
    "scenario never closed": (
        SCENARIO.replace("////\n///\n", "////\n"),
        [
            "les.md:3: deze gesprekssimulatie wordt nergens gesloten; zet een regel met alleen "
            "'///' na de laatste regel",
        ],
        [
            "les.md:3: this conversation simulation is never closed; add a line with only '///' "
            "after its last line",
        ],
    ),
}


@pytest.mark.parametrize("case", MISTAKES)
@pytest.mark.parametrize("language", ["nl", "en"])
def test_each_mistake_is_reported_at_its_line(case: str, language: str) -> None:
    source, dutch, english = MISTAKES[case]
    page, problems = convert(source, language)
    assert problems == (dutch if language == "nl" else english)
    # The page shows the same messages in a box; the scenario's source is not shown as text
    # and what follows the block still renders.
    boxes = " ".join(box.get_text() for box in page.select(".leerpad-error"))
    for problem in problems:
        assert problem.split(": ", 1)[1] in boxes
    if case != "scenario never closed":  # then the page after it is the block's text
        assert "////" not in page.get_text().replace(boxes, "")


def test_every_message_is_tested_in_both_languages() -> None:
    reported = " ".join(" ".join(dutch) for _, dutch, _ in MISTAKES.values())
    for key, message in NL_MESSAGES.items():
        longest = max(re.split(r"\{[a-z]+\}", message), key=len)
        assert longest in reported, key
    assert set(NL_MESSAGES) == set(EN_MESSAGES)


def test_the_trainers_guide_explains_every_dutch_message() -> None:
    guide = (REPO / "docs/voor-trainers.md").read_text(encoding="utf-8")
    explained = "\n".join(line for line in guide.splitlines() if line.startswith("`"))
    for key, message in NL_MESSAGES.items():
        longest = max(re.split(r"\{[a-z]+\}", message), key=len)
        # Parts of other messages ('deze gesprekssimulatie') are named in the explanations.
        fragment = key in {"what_scenario", "scenario_what_step"}
        assert longest in (guide if fragment else explained), (key, longest)


def test_the_editor_snippet_is_a_sound_scenario() -> None:
    body = "\n".join(ScenarioBlock.SNIPPETS["scenario"]["body"])
    # As the editor fills it in when the author accepts every placeholder as it is.
    filled = re.sub(r"\$\{\d+:([^}]*)\}", r"\1", body)
    page, problems = convert(filled)
    assert problems == []
    assert len(page.select(".leerpad-scenario__step--end")) == 2
