"""Printing a certificate and a self-assessment's result: Chromium's own PDF, page by page."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Browser, Page, expect

pytestmark = pytest.mark.browser

COURSE = "cursussen/proefcursus/"
MODULES = ["eerste-stappen/", "het-gesprek/", "afronding/"]
SIZES = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1280, "height": 900}}
# The browser's print dialog cannot be driven; counting calls stands in for it, and
# page.pdf() then lays the page out for print exactly as the dialog would.
COUNT_PRINTS = "window.print = () => { window.__prints = (window.__prints || 0) + 1; };"


def pdf_pages(pdf: bytes) -> int:
    """Pages in a PDF that Chromium wrote: the /Count of its page tree."""
    tree = re.search(rb"/Type\s*/Pages\b[^>]*?/Count\s+(\d+)", pdf)
    assert tree, "no page tree in the PDF"
    assert int(tree.group(1)) == len(re.findall(rb"/Type\s*/Page\b(?!s)", pdf))
    return int(tree.group(1))


@pytest.fixture(params=list(SIZES))
def printing_page(request, browser: Browser):
    context = browser.new_context(viewport=SIZES[request.param])
    context.add_init_script(COUNT_PRINTS)
    yield context.new_page()
    context.close()


def prints(page: Page) -> int:
    return page.evaluate("window.__prints || 0")


def finish_course(page: Page, base: str) -> None:
    for module in MODULES:
        page.goto(base + COURSE + module)
        page.get_by_role("button", name="Markeer deze module als afgerond").click()
        expect(page.locator(".leerpad-complete__status")).not_to_be_empty()
    page.goto(base + COURSE)


def test_certificate_asks_for_a_name_then_prints_on_one_a4_page(
    printing_page: Page, small_url: str
) -> None:
    page = printing_page
    finish_course(page, small_url)
    name = page.get_by_label("Je naam op het certificaat")
    page.get_by_role("button", name="Druk je certificaat af").click()
    expect(page.get_by_role("alert")).to_have_text(
        "Vul eerst je naam in: die komt op het certificaat."
    )
    expect(name).to_be_focused()
    expect(name).to_have_attribute("aria-invalid", "true")
    assert prints(page) == 0
    name.fill("Anna de Vries")
    expect(page.locator(".leerpad-finished__ask")).to_be_hidden()
    page.get_by_role("button", name="Druk je certificaat af").click()
    assert prints(page) == 1
    page.emulate_media(media="print")
    certificate = page.locator(".leerpad-certificate")
    expect(certificate).to_be_visible()
    expect(certificate).to_contain_text("Anna de Vries")
    expect(page.locator(".leerpad-modules")).to_be_hidden()
    # Last: Chromium ends a PDF with "afterprint", after which the page is itself again.
    assert pdf_pages(page.pdf(format="A4")) == 1


def test_assessment_result_prints_without_blank_pages_and_a_readable_chart(
    printing_page: Page, small_url: str
) -> None:
    page = printing_page
    page.goto(small_url + COURSE + "afronding/")
    for number, label in enumerate(["Altijd", "Soms", "Nooit", "Zelden"]):
        page.locator(".leerpad-assessment__item").nth(number).get_by_label(
            label, exact=True
        ).check()
    page.get_by_role("button", name="Druk je uitslag af").click()
    assert prints(page) == 1
    page.emulate_media(media="print")
    page.set_viewport_size({"width": 794, "height": 1123})  # A4 at 96 dpi
    chart = page.locator(".leerpad-assessment .leerpad-chart")
    expect(chart).to_be_visible()
    sizes = chart.evaluate(
        """chart => Array.from(chart.querySelectorAll('text')).map(
             t => parseFloat(getComputedStyle(t).fontSize) * t.getScreenCTM().a)"""
    )
    assert min(sizes) >= 12, sizes
    assert chart.bounding_box()["width"] >= 300
    expect(page.locator(".leerpad-module-header__place")).to_be_hidden()
    assert pdf_pages(page.pdf(format="A4")) == 1
