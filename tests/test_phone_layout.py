"""The self-assessment and the team scan on a phone and a desktop: scale, targets, chart."""

from __future__ import annotations

import itertools

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page, expect

pytestmark = pytest.mark.browser

ASSESSMENT = "cursussen/proefcursus/afronding/"
WIDTHS = [320, 390, 768, 1280]
SIZES = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1280, "height": 900}}

# Each label's box and each chart text's size as drawn: font size times the SVG's scale.
LABEL_BOXES = """root => Array.from(root.querySelectorAll('label')).map(label => {
  const box = label.getBoundingClientRect();
  return {x: Math.round(box.x), y: Math.round(box.y), width: box.width, height: box.height};
})"""
CHART_TEXT_PX = """chart => Array.from(chart.querySelectorAll('text')).map(
  t => parseFloat(getComputedStyle(t).fontSize) * t.getScreenCTM().a)"""


def open_page(browser: Browser, url: str, width: int, scheme: str = "light") -> Page:
    context = browser.new_context(
        viewport={"width": width, "height": 844}, color_scheme=scheme, has_touch=width < 800
    )
    page = context.new_page()
    page.goto(url)
    return page


def complete(page: Page) -> None:
    for number, label in enumerate(["Altijd", "Soms", "Nooit", "Zelden"]):
        item = page.locator(".leerpad-assessment__item").nth(number)
        item.get_by_label(label, exact=True).check()
    expect(page.locator(".leerpad-chart")).to_be_visible()


@pytest.mark.parametrize("size", SIZES)
def test_scale_is_one_row_with_targets_of_24_px(browser: Browser, small_url: str, size: str):
    page = open_page(browser, small_url + ASSESSMENT, SIZES[size]["width"])
    scales = page.locator(".leerpad-assessment__scale")
    expect(scales.first).to_be_visible()
    for index in range(scales.count()):
        boxes = scales.nth(index).evaluate(LABEL_BOXES)
        assert len({box["y"] for box in boxes}) == 1, boxes  # "Altijd" not under "Nooit"
        assert all(box["width"] >= 24 and box["height"] >= 24 for box in boxes), boxes
        # Points in order, left to right, none overlapping the next.
        assert all(a["x"] + a["width"] <= b["x"] for a, b in itertools.pairwise(boxes)), boxes
    page.context.close()


def test_a_long_scale_on_a_phone_is_one_column(browser: Browser, small_url: str):
    page = open_page(browser, small_url + ASSESSMENT, 390)
    scale = page.locator(".leerpad-assessment__scale").first
    expect(scale).to_be_visible()
    # Seven points instead of five: a 7-point Likert scale as some trainers use.
    scale.evaluate(
        """scale => { for (const word of ['Meestal', 'Bijna altijd']) {
             const label = scale.lastElementChild.cloneNode(true);
             label.lastChild.textContent = word; scale.appendChild(label); } }"""
    )
    boxes = scale.evaluate(LABEL_BOXES)
    assert len(boxes) == 7
    assert len({box["x"] for box in boxes}) == 1, boxes
    assert all(box["width"] >= 24 and box["height"] >= 24 for box in boxes), boxes
    page.context.close()


@pytest.mark.parametrize("width", WIDTHS)
def test_chart_labels_are_at_least_12_px(browser: Browser, small_url: str, width: int):
    page = open_page(browser, small_url + ASSESSMENT, width)
    complete(page)
    sizes = page.locator(".leerpad-assessment .leerpad-chart").evaluate(CHART_TEXT_PX)
    assert len(sizes) == 6
    assert min(sizes) >= 12, sizes
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0
    page.context.close()


@pytest.mark.parametrize("width", [320, 390, 1280])
def test_team_scan_chart_labels_are_at_least_12_px(browser: Browser, small_url: str, width: int):
    page = open_page(browser, small_url + ASSESSMENT, width)
    complete(page)
    code = page.locator(".leerpad-share__code").input_value()
    page.goto(small_url + "teamscan/")
    page.get_by_label("Plak hier de uitslagcodes").fill(code)
    page.get_by_role("button", name="Bekijk de teamuitslag").click()
    chart = page.locator(".leerpad-teamscan .leerpad-chart")
    expect(chart).to_be_visible()
    sizes = chart.evaluate(CHART_TEXT_PX)
    assert sizes and min(sizes) >= 12, sizes
    page.context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_answered_assessment_on_a_phone_has_no_axe_violations(
    browser: Browser, small_url: str, scheme: str
):
    page = open_page(browser, small_url + ASSESSMENT, 390, scheme)
    complete(page)
    results = Axe().run(page, context={"include": [[".leerpad-assessment"]]})
    found = [(v["id"], n["html"][:100]) for v in results.response["violations"] for n in v["nodes"]]
    assert found == []
    page.context.close()


# How far each text of a box sits inside the box's border, left and right, in CSS px.
INSETS = """([outer, selector]) => {
  const box = document.querySelector(outer).getBoundingClientRect();
  return Array.from(document.querySelectorAll(selector)).filter(e => e.offsetParent).map(e => {
    const r = e.getBoundingClientRect();
    return [Math.round(r.left - box.left), Math.round(box.right - r.right)];
  });
}"""


@pytest.mark.parametrize("width", [320, 360, 390])
def test_the_team_scan_result_keeps_its_text_off_the_edges_on_a_phone(
    browser: Browser, small_url: str, width: int
):
    page = open_page(browser, small_url + ASSESSMENT, width)
    complete(page)
    code = page.locator(".leerpad-share__code").input_value()
    shared = page.evaluate(INSETS, [".leerpad-share", ".leerpad-share > *"])
    page.goto(small_url + "teamscan/")
    page.get_by_label("Plak hier de uitslagcodes").fill(f"{code}\nNoor 10:32")
    page.get_by_role("button", name="Bekijk de teamuitslag").click()
    expect(page.locator(".leerpad-teamscan__result table")).to_be_visible()
    texts = ".leerpad-teamscan__report p, .leerpad-teamscan__result > p"
    texts += ", .leerpad-teamscan__result table"
    inside = page.evaluate(INSETS, [".leerpad-teamscan", texts])
    assert inside and shared
    for left, right in inside + shared:
        assert left >= 12 and right >= 12, (inside, shared)
    page.context.close()
