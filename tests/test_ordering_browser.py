"""The ordering question in a real browser: shuffled, moved by keyboard and mouse, kept.

The small site gets one ordering question in its second module, under the quiz there.
"""

from __future__ import annotations

import json
import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Locator, Page, expect

from conftest import copy_site, served_build

pytestmark = pytest.mark.browser

MODULE = "cursussen/proefcursus/het-gesprek/"
OTHER_MODULE = "cursussen/proefcursus/eerste-stappen/"
STEPS = [
    "Je laat de klant uitpraten.",
    "Je vat samen wat je hoorde.",
    "Je vraagt wat de klant nu nodig heeft.",
    "Je spreekt af wat er gebeurt, en wanneer.",
]
ORDERING = (
    "\n/// quiz | In welke volgorde handel je een klacht af?\n"
    "    id: klacht-volgorde\n\n"
    + "".join(f"{n}. {step}\n" for n, step in enumerate(STEPS, start=1))
    + "\nWie eerst luistert, hoeft daarna minder uit te leggen.\n///\n"
)


@pytest.fixture(scope="module")
def site_url(tmp_path_factory: pytest.TempPathFactory):
    project = copy_site("small", tmp_path_factory.mktemp("ordering"))
    module = project / "courses/proefcursus/2-het-gesprek.md"
    module.write_text(module.read_text(encoding="utf-8") + ORDERING, encoding="utf-8")
    with served_build(project) as (_, url):
        yield url


def ordering(page: Page) -> Locator:
    return page.locator('.leerpad-quiz[data-leerpad-kind="ordering"]')


def open_question(page: Page, url: str) -> Locator:
    page.goto(url + MODULE)
    question = ordering(page)
    expect(question.locator(".leerpad-quiz__move").first).to_be_visible()  # script ran
    return question


def shown_order(question: Locator) -> list[str]:
    """The items' texts as the learner sees them, top to bottom."""
    return [text.strip() for text in question.locator(".leerpad-quiz__item-text").all_inner_texts()]


def status(question: Locator) -> Locator:
    return question.locator(".leerpad-quiz__status")


def stored_entry(page: Page) -> dict:
    data = json.loads(page.evaluate("localStorage.getItem('leerpad:v2')") or "{}")
    return data.get("widgets", {}).get("klacht-volgorde", {}).get("s", {})


def right_places(order: list[str]) -> int:
    return sum(shown == step for shown, step in zip(order, STEPS, strict=True))


def tab_to(page: Page, target: Locator) -> None:
    """Press Tab until ``target`` has the focus, as a keyboard user would."""
    for _ in range(60):
        if target.evaluate("node => node === document.activeElement"):
            return
        page.keyboard.press("Tab")
    raise AssertionError("Tab never reached the button")


def test_it_starts_shuffled_never_right_and_says_how_many_are_in_place(
    page: Page, site_url: str
) -> None:
    question = open_question(page, site_url)
    start = shown_order(question)
    assert sorted(start) == sorted(STEPS) and start != STEPS
    expect(question.locator(".leerpad-quiz__answer")).to_be_hidden()
    question.get_by_role("button", name="Controleer").click()
    expect(status(question)).to_have_text(
        f"Nog niet goed: {right_places(start)} van 4 op de goede plek."
    )
    expect(question.locator(".leerpad-quiz__fieldset .leerpad-quiz__explanation")).to_be_hidden()
    assert stored_entry(page)["solved"] is False, "partly right counts for nothing"
    # The stylesheet and script of the ordering question come only where one is.
    html = page.content()
    assert re.search(r"leerpad-ordering\.[0-9a-f]{8}\.css", html)
    page.goto(site_url + OTHER_MODULE)
    expect(page.locator(".leerpad-quiz__actions").first).to_be_visible()
    scripts = page.evaluate("performance.getEntriesByType('resource').map(e => e.name)")
    assert not any("leerpad-ordering" in name for name in scripts), scripts


def test_keyboard_alone_puts_it_right_with_focus_and_announcements(
    page: Page, site_url: str
) -> None:
    question = open_question(page, site_url)
    page.locator("h1").click()  # start from the top, as a keyboard user reading the page
    for place, step in enumerate(STEPS, start=1):
        item = question.locator(".leerpad-quiz__item", has_text=step)
        distance = shown_order(question).index(step) - (place - 1)
        if distance == 0:
            continue
        up = item.get_by_role("button", name=f"Hoger: {step}")
        tab_to(page, up)
        for moved in range(1, distance + 1):
            page.keyboard.press("Enter")
            now = shown_order(question).index(step) + 1
            # Focus stays with the moved item, on its own button (or its other one at the top).
            focused = page.evaluate("document.activeElement.getAttribute('aria-label')")
            assert focused in (f"Hoger: {step}", f"Lager: {step}"), focused
            expect(status(question)).to_have_text(f"{step}: nu plek {now} van 4.")
            assert now == place + distance - moved
    assert shown_order(question) == STEPS
    expect(status(question)).to_have_attribute("aria-live", "polite")
    expect(
        question.locator(".leerpad-quiz__item").first.get_by_role("button").first
    ).to_be_disabled()
    tab_to(page, question.get_by_role("button", name="Controleer"))
    page.keyboard.press("Enter")
    expect(status(question)).to_have_text("Goed!")
    expect(question.locator(".leerpad-quiz__fieldset .leerpad-quiz__explanation")).to_be_visible()
    assert stored_entry(page)["solved"] is True
    # Solved counts like a right quiz answer: on the page's score and on the progress page.
    expect(page.locator(".leerpad-score")).to_have_text("Op deze pagina: 1 van 2 vragen goed")
    page.goto(site_url + "voortgang/")
    modules = page.locator(".leerpad-progress__modules > li")
    expect(modules.nth(1)).to_contain_text("1 van 2 vragen goed")


def test_a_mouse_drags_an_item_and_the_order_survives_a_reload(page: Page, site_url: str) -> None:
    question = open_question(page, site_url)
    before = shown_order(question)
    question.locator(".leerpad-quiz__order").scroll_into_view_if_needed()
    last = question.locator(".leerpad-quiz__item").nth(3).locator(".leerpad-quiz__item-text")
    first = question.locator(".leerpad-quiz__item").nth(0).bounding_box()
    box = last.bounding_box()
    assert first is not None and box is not None
    page.mouse.move(box["x"] + 10, box["y"] + box["height"] / 2)
    page.mouse.down()
    page.mouse.move(first["x"] + 10, first["y"] + 2, steps=12)
    page.mouse.up()
    after = shown_order(question)
    assert after == [before[3], *before[:3]], after
    expect(status(question)).to_have_text(f"{before[3]}: nu plek 1 van 4.")
    page.reload()
    question = open_question(page, site_url)
    assert shown_order(question) == after
    assert stored_entry(page)["answer"] == [str(STEPS.index(step) + 1) for step in after]


def test_a_finger_drags_an_item_by_its_grip(browser, site_url: str) -> None:
    context = browser.new_context(
        has_touch=True, is_mobile=True, viewport={"width": 390, "height": 800}
    )
    page = context.new_page()
    question = open_question(page, site_url)
    before = shown_order(question)
    question.locator(".leerpad-quiz__order").scroll_into_view_if_needed()
    grip = (
        question.locator(".leerpad-quiz__item").nth(0).locator(".leerpad-quiz__grip").bounding_box()
    )
    third = question.locator(".leerpad-quiz__item").nth(2).bounding_box()
    assert grip is not None and third is not None
    x, y = grip["x"] + grip["width"] / 2, grip["y"] + grip["height"] / 2
    target = third["y"] + third["height"] * 0.8
    session = context.new_cdp_session(page)

    def touch(kind: str, at: float) -> None:
        points = [] if kind == "touchEnd" else [{"x": x, "y": at}]
        session.send("Input.dispatchTouchEvent", {"type": kind, "touchPoints": points})

    touch("touchStart", y)
    for step in range(1, 13):
        touch("touchMove", y + (target - y) * step / 12)
    touch("touchEnd", target)
    expect(question.locator(".leerpad-quiz__item-text")).to_have_text(
        [before[1], before[2], before[0], before[3]]
    )
    context.close()


def test_a_second_tab_follows_the_moves(browser, site_url: str) -> None:
    context = browser.new_context()
    first, second = context.new_page(), context.new_page()
    question = open_question(first, site_url)
    other = open_question(second, site_url)
    question.locator(".leerpad-quiz__item").nth(2).get_by_role(
        "button", name=re.compile("^Hoger")
    ).click()
    moved = shown_order(question)
    expect(other.locator(".leerpad-quiz__item-text")).to_have_text(moved)
    context.close()


def test_a_changed_question_starts_again(page: Page, site_url: str) -> None:
    question = open_question(page, site_url)
    start = shown_order(question)
    question.locator(".leerpad-quiz__item").nth(1).get_by_role(
        "button", name=re.compile("^Hoger")
    ).click()
    assert shown_order(question) != start
    # What was kept for another version of the question is not used, nor an order that
    # does not hold each of its steps once.
    for change in ("entry.v = 'abcdef12'", "entry.s.answer = ['9', '1', '2']"):
        page.evaluate(
            f"""() => {{
            const data = JSON.parse(localStorage.getItem('leerpad:v2'));
            const entry = data.widgets['klacht-volgorde'];
            {change};
            localStorage.setItem('leerpad:v2', JSON.stringify(data));
        }}"""
        )
        page.reload()
        assert shown_order(open_question(page, site_url)) == start, change


def test_without_javascript_the_answer_key_shows_the_right_order(browser, site_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + MODULE)
    question = ordering(page)
    worksheet = [t.strip() for t in question.locator(".leerpad-quiz__item").all_inner_texts()]
    assert sorted(worksheet) == sorted(STEPS) and worksheet != STEPS
    expect(question.locator(".leerpad-quiz__move")).to_have_count(0)
    question.locator(".leerpad-quiz__answer summary").click()
    key = question.locator(".leerpad-quiz__key > li")
    expect(key).to_have_text(STEPS)
    expect(question.locator(".leerpad-quiz__explanation")).to_be_visible()
    context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_accessibility_violations(browser, site_url: str, scheme: str) -> None:
    context = browser.new_context(color_scheme=scheme)
    page = context.new_page()
    question = open_question(page, site_url)
    question.locator(".leerpad-quiz__item").nth(2).get_by_role(
        "button", name=re.compile("^Lager")
    ).click()
    question.get_by_role("button", name="Controleer").click()
    question.get_by_role("button", name="Toon het antwoord").click()
    results = Axe().run(page)
    ours = [
        (violation["id"], node["html"][:120])
        for violation in results.response["violations"]
        for node in violation["nodes"]
        if "leerpad" in node["html"]
    ]
    context.close()
    assert ours == []
