"""A conversation simulation in a real browser: as a chat, as a gamebook, on paper.

The small site gets a scenario in its second module; the learner plays it with the
keyboard only, reloads mid-way, goes back and starts again, and finds the best outcome and
the last run on Mijn voortgang. Without JavaScript the same steps are linked sections.
"""

from __future__ import annotations

import json
import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page, expect

from conftest import Build, copy_site, served_build

pytestmark = pytest.mark.browser

MODULE = "cursussen/proefcursus/het-gesprek/"
PROGRESS = "voortgang/"

SCENARIO = """

/// scenario | Een klant aan de balie
    id: aan-de-balie

Je staat aan de balie van de bibliotheek.

//// step | start
**Klant:** "Mijn boek is kwijt en nu moet ik twintig euro betalen?"

- [Vervelend. Wanneer had u het voor het laatst?](#zoeken)
    > Je vraagt naar zijn verhaal.
- [Zo zijn de regels.](#boos)
    > Regels zonder uitleg klinken als een muur.
////

//// step | zoeken
**Klant:** "Gisteren, hier aan de leestafel."

- [Ik kijk even bij de gevonden voorwerpen.](#gevonden)
- [Dan kan ik niets doen.](#half)
- [Kunt u het nog eens vertellen?](#start)
////

//// end | gevonden | goed
Het boek ligt bij de gevonden voorwerpen. De klant lacht opgelucht.
////

//// end | half | matig
De klant betaalt, maar vertrekt met een zucht.
////

//// end | boos | slecht
De klant loopt boos weg.
////
///
"""

GOOD = ["Vervelend.", "Ik kijk even"]
FAIR = ["Vervelend.", "Dan kan ik"]
POOR = ["Zo zijn de regels."]


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory):
    """The small site with the scenario in its second module, built and served."""
    project = copy_site("small", tmp_path_factory.mktemp("scenario"))
    module = project / "courses" / "proefcursus" / "2-het-gesprek.md"
    module.write_text(module.read_text(encoding="utf-8") + SCENARIO, encoding="utf-8")
    with served_build(project) as served:
        yield served


@pytest.fixture
def url(site: tuple[Build, str]) -> str:
    return site[1]


def scenario(page: Page):
    return page.locator(".leerpad-scenario")


def turns(page: Page):
    return page.locator(".leerpad-scenario__turn")


def choose_by_keyboard(page: Page, starts_with: str) -> None:
    """From the newest turn (or the first choice), Tab to the choice and press Enter."""
    for _ in range(8):
        focused = page.evaluate("document.activeElement.textContent")
        if page.evaluate("document.activeElement.tagName") == "BUTTON" and focused.startswith(
            starts_with
        ):
            page.keyboard.press("Enter")
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"no choice {starts_with!r} reached with Tab")


def play(page: Page, choices: list[str]) -> None:
    """Play ``choices`` with the keyboard, starting from the first choice of the step."""
    page.locator(".leerpad-scenario__option").first.focus()  # where a learner tabs to
    for choice in choices:
        before = turns(page).count()
        choose_by_keyboard(page, choice)
        expect(turns(page)).to_have_count(before + 1)
        # Focus moves to the new turn: a screen reader reads it from there, once.
        newest = turns(page).last
        expect(newest).to_be_focused()
        assert_not_live(newest)
        expect(newest.locator(".leerpad-scenario__said")).to_contain_text(choice)


LIVE = "[aria-live], [role=log], [role=status], [role=alert], [role=marquee], [role=timer]"


def assert_not_live(turn) -> None:
    """No live region holds ``turn``: focus is its only announcement, so it is read once."""
    assert turn.evaluate(f"turn => turn.closest({LIVE!r})") is None


def stored(page: Page) -> dict:
    """The scenario's entry in storage."""
    data = json.loads(page.evaluate("localStorage.getItem('leerpad:v2')") or "{}")
    return data.get("widgets", {}).get("aan-de-balie", {}).get("s", {})


@pytest.mark.parametrize(
    ("choices", "outcome", "text"),
    [
        (GOOD, "good", "Het boek ligt bij de gevonden voorwerpen."),
        (FAIR, "fair", "De klant betaalt"),
        (POOR, "poor", "De klant loopt boos weg."),
    ],
)
def test_a_path_to_each_end_with_the_keyboard_only(
    page: Page, url: str, choices: list[str], outcome: str, text: str
) -> None:
    page.goto(url + MODULE)
    # The chat has no live region: turns are announced by moving focus to them.
    expect(page.locator(f".leerpad-scenario :is({LIVE})")).to_have_count(0)
    # One step at a time: the start, its choices as buttons; the gamebook is out of sight.
    expect(turns(page)).to_have_count(1)
    expect(page.locator(".leerpad-scenario__book")).to_be_hidden()
    expect(page.locator(".leerpad-scenario__option")).to_have_count(2)
    expect(page.locator(".leerpad-scenario__intro")).to_be_visible()
    play(page, choices)
    end = turns(page).last
    expect(end).to_have_attribute("data-outcome", outcome)
    expect(end).to_contain_text(text)
    word = {"good": "goed", "fair": "matig", "poor": "slecht"}[outcome]
    expect(end.locator(".leerpad-scenario__outcome")).to_have_text(f"Einde · afloop: {word}")
    # The feedback of a choice follows it in the transcript.
    if choices == POOR:
        expect(turns(page).last).to_contain_text("Regels zonder uitleg")
        # Set apart by italics on screen, and by its name for a screen reader.
        response = turns(page).last.locator(".leerpad-scenario__response")
        expect(response).to_have_text(re.compile(r"^Reactie op deze keuze: Regels zonder"))
        expect(response.locator(".leerpad-visually-hidden")).to_have_css("position", "absolute")
    # At an end there is nothing to choose, only going back or starting again.
    expect(page.locator(".leerpad-scenario__option")).to_have_count(0)
    expect(page.get_by_role("button", name="Opnieuw")).to_be_visible()
    state = stored(page)
    assert state["ended"] is True and state["best"] == outcome and state["bestLabel"] == word
    assert len(state["lastRun"]) == len(choices)


def test_reload_mid_way_keeps_the_transcript_and_back_and_again_undo(page: Page, url: str) -> None:
    page.goto(url + MODULE)
    play(page, ["Vervelend.", "Kunt u het nog eens", "Vervelend."])  # round the cycle
    transcript = page.locator(".leerpad-scenario__transcript").inner_text()
    page.reload()
    expect(turns(page)).to_have_count(4)
    assert page.locator(".leerpad-scenario__transcript").inner_text() == transcript
    expect(page.locator(".leerpad-scenario__option")).to_have_count(3)
    assert "ended" not in stored(page) or stored(page)["ended"] is False

    # "Terug" undoes one choice: the step before is current again, focus on it.
    page.get_by_role("button", name="Terug").focus()
    page.keyboard.press("Enter")
    expect(turns(page)).to_have_count(3)
    expect(turns(page).last).to_be_focused()
    expect(page.locator(".leerpad-scenario__option")).to_have_count(2)
    assert stored(page)["path"] == ["start.1", "zoeken.3"]

    # "Opnieuw" starts again from the first step; there is nothing to undo then.
    page.get_by_role("button", name="Opnieuw").click()
    expect(turns(page)).to_have_count(1)
    expect(turns(page).first).to_be_focused()
    expect(page.get_by_role("button", name="Terug")).to_be_hidden()
    page.reload()
    expect(turns(page)).to_have_count(1)


def test_progress_shows_the_best_outcome_and_the_last_run(page: Page, url: str) -> None:
    page.goto(url + MODULE)
    play(page, GOOD)
    page.get_by_role("button", name="Opnieuw").click()
    play(page, FAIR)  # a worse outcome later does not lower the best
    page.goto(url + PROGRESS)
    modules = page.locator(".leerpad-progress__modules > li")
    expect(modules.nth(1)).to_contain_text(
        "Een klant aan de balie: beste afloop goed; laatste keer: "
        "Vervelend. Wanneer had u het voor het laatst? → Dan kan ik niets doen."
    )


def test_a_second_tab_follows_the_conversation(browser: Browser, url: str) -> None:
    context = browser.new_context()
    first, second = context.new_page(), context.new_page()
    first.goto(url + MODULE)
    second.goto(url + MODULE)
    play(first, ["Vervelend."])
    expect(turns(second)).to_have_count(2)
    expect(turns(second).last).to_contain_text("Gisteren, hier aan de leestafel.")
    # Shown, not announced: the other tab neither takes focus nor speaks.
    assert_not_live(turns(second).last)
    assert second.evaluate("document.activeElement === document.body")
    context.close()


def in_view(page: Page, locator) -> bool:
    """Whether ``locator`` lies wholly inside the viewport."""
    box = locator.bounding_box()
    height = page.evaluate("window.innerHeight")
    return box is not None and box["y"] >= 0 and box["y"] + box["height"] <= height


def test_without_javascript_the_steps_are_a_gamebook_with_working_links(
    browser: Browser, url: str
) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(url + MODULE)
    steps = page.locator(".leerpad-scenario__step")
    expect(steps).to_have_count(5)
    for index in range(5):
        expect(steps.nth(index)).to_be_visible()
    # Numbered as a reader meets them, breadth first from the start; the author wrote
    # the bad end ("boos") last, but the start's second choice leads there.
    assert [steps.nth(i).get_attribute("data-step") for i in range(5)] == [
        "start",
        "zoeken",
        "boos",
        "gevonden",
        "half",
    ]
    labels = page.locator(".leerpad-scenario__step-label")
    expect(labels).to_have_text([f"Stap {n}" for n in range(1, 6)])
    expect(page.locator(".leerpad-scenario__choice").nth(1)).to_have_text(
        "Zo zijn de regels. (naar stap 3)"
    )
    # Before choosing, no reaction gives a choice away.
    expect(page.get_by_text("Regels zonder uitleg")).to_be_hidden()
    expect(page.get_by_text("Je vraagt naar zijn verhaal.")).to_be_hidden()

    page.get_by_role("link", name="Zo zijn de regels.").click()
    assert page.url.endswith("#aan-de-balie-start.2")
    # The reader lands on the step the choice leads to, its reaction on top, in view.
    landed = page.locator(".leerpad-scenario__step:has(> :target)")
    expect(landed).to_have_attribute("data-step", "boos")
    reaction = landed.locator(".leerpad-scenario__reaction")
    expect(reaction).to_be_visible()
    expect(reaction).to_have_text(re.compile(r"^\s*Je koos: Zo zijn de regels\.\s*Regels zonder"))
    assert in_view(page, reaction)
    assert in_view(page, landed.locator(".leerpad-scenario__step-label"))
    expect(landed).to_contain_text("De klant loopt boos weg.")
    expect(page.get_by_text("Je vraagt naar zijn verhaal.")).to_be_hidden()

    landed.get_by_role("link", name="Opnieuw beginnen").click()
    assert page.url.endswith("#aan-de-balie-start")
    expect(page.get_by_text("Regels zonder uitleg")).to_be_hidden()
    page.get_by_role("link", name="Vervelend. Wanneer had u het voor het laatst?").click()
    expect(page.locator(":target")).to_have_text(
        re.compile(r"^\s*Je koos: Vervelend\. .*Je vraagt naar zijn verhaal\.\s*$", re.DOTALL)
    )
    expect(page.locator(".leerpad-scenario__step:has(> :target)")).to_contain_text("leestafel")
    # A choice without a reaction leads straight to its step.
    page.get_by_role("link", name="Ik kijk even bij de gevonden voorwerpen.").click()
    assert page.url.endswith("#aan-de-balie-gevonden")
    target = page.locator(".leerpad-scenario__step:target")
    expect(target).to_contain_text("Einde · afloop: goed")
    expect(page.get_by_text("Je vraagt naar zijn verhaal.")).to_be_hidden()
    context.close()


def test_the_gamebook_with_a_reaction_shown_has_no_accessibility_violations(
    page: Page, url: str
) -> None:
    # axe-core needs JavaScript; without the scenario's own script (blocked, as when it
    # fails to load) the page shows the gamebook a reader without JavaScript gets.
    page.route(re.compile(r".*leerpad-scenario\.[0-9a-f]{8}\.js$"), lambda route: route.abort())
    # Where the link "Zo zijn de regels." leads (instant navigation may take over a click).
    page.goto(url + MODULE + "#aan-de-balie-start.2")
    expect(page.locator(".leerpad-scenario__book")).to_be_visible()
    expect(page.locator(".leerpad-scenario__reaction:target")).to_be_visible()
    results = Axe().run(page, context=".leerpad-scenario")
    found = [
        (v["id"], [(n["target"], n["failureSummary"]) for n in v["nodes"]])
        for v in results.response["violations"]
    ]
    assert found == []


def test_on_paper_every_reaction_shows_with_the_choice_it_answers(
    browser: Browser, url: str
) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(url + MODULE)
    page.emulate_media(media="print")
    reactions = page.locator(".leerpad-scenario__reaction")
    expect(reactions).to_have_count(2)
    expect(reactions.nth(0)).to_be_visible()
    expect(reactions.nth(0)).to_have_text(
        re.compile(r"^\s*Je koos: Vervelend\. .*Je vraagt naar zijn verhaal\.\s*$", re.DOTALL)
    )
    expect(reactions.nth(1)).to_be_visible()
    expect(reactions.nth(1)).to_have_text(re.compile(r"^\s*Je koos: Zo zijn de regels\."))
    # Links do not work on paper: each choice names the step to read on.
    expect(page.locator(".leerpad-scenario__goto").first).to_be_visible()
    expect(page.locator(".leerpad-scenario__goto")).to_have_text(
        ["(naar stap 2)", "(naar stap 3)", "(naar stap 4)", "(naar stap 5)", "(naar stap 1)"]
    )
    context.close()


def test_print_shows_every_step_and_not_the_chat(page: Page, url: str) -> None:
    page.goto(url + MODULE)
    play(page, ["Vervelend."])
    page.emulate_media(media="print")
    expect(page.locator(".leerpad-scenario__chat")).to_be_hidden()
    steps = page.locator(".leerpad-scenario__step")
    for index in range(5):
        expect(steps.nth(index)).to_be_visible()
    expect(page.locator(".leerpad-scenario__reaction").first).to_be_visible()
    page.emulate_media(media="screen")
    expect(page.locator(".leerpad-scenario__chat")).to_be_visible()


def test_the_scenario_script_loads_only_where_a_scenario_is(page: Page, url: str) -> None:
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(url + "cursussen/proefcursus/eerste-stappen/")
    page.wait_for_load_state("networkidle")
    assert not [address for address in requested if "leerpad-scenario" in address]
    page.goto(url + MODULE)
    expect(turns(page)).to_have_count(1)
    assert [address for address in requested if "leerpad-scenario." in address]


def test_the_stylesheet_is_linked_only_where_a_scenario_is(site: tuple[Build, str]) -> None:
    build = site[0]
    sheet = re.compile(r'<link rel="stylesheet" href="[^"]*leerpad-scenario\.\w{8}\.css">')
    assert sheet.search(build.page(MODULE).split("</head>")[0])
    assert not sheet.search(build.page("cursussen/proefcursus/eerste-stappen/"))


def test_a_played_scenario_has_no_accessibility_violations(page: Page, url: str) -> None:
    page.goto(url + MODULE)
    play(page, ["Vervelend."])
    results = Axe().run(page, context=".leerpad-scenario")
    assert results.response["violations"] == []
    play(page, ["Dan kan ik"])
    results = Axe().run(page, context=".leerpad-scenario")
    assert results.response["violations"] == []


def test_broken_storage_entry_is_set_aside_not_replayed(page: Page, url: str) -> None:
    page.goto(url + MODULE)
    # A path that is not a list of choices, as an old or tampered copy might hold.
    broken = {"k": "scenario", "v": "pad", "s": {"path": "start.1"}, "t": "2026-01-05T10:00:00Z"}
    data = {"version": 2, "widgets": {"aan-de-balie": broken}, "learner": {}, "aside": {}}
    page.evaluate("data => localStorage.setItem('leerpad:v2', JSON.stringify(data))", data)
    page.reload()
    expect(turns(page)).to_have_count(1)
    expect(page.locator(".leerpad-scenario__option")).to_have_count(2)
