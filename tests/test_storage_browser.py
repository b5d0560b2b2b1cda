"""Learners never lose work: bad stored data, two tabs, imports and today's v1 data.

Each test sets up what a learner's browser could hold, uses the site as a learner
would and then looks at what the page shows and what storage holds afterwards.
"""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from conftest import REPO

pytestmark = pytest.mark.browser

COURSE = "cursussen/proefcursus/"
MODULE_1 = COURSE + "eerste-stappen/"
MODULE_2 = COURSE + "het-gesprek/"
MODULE_3 = COURSE + "afronding/"
PROGRESS = "voortgang/"
QUIZ_1 = "een-klant-staat-al-even-te-95ce80"
REFLECTION = "reflectie-1-b9191a"
V1_STATE = json.loads((REPO / "tests/fixtures/storage/v1-small-site.json").read_text())


def ago(**delta: float) -> str:
    """An ISO time that long ago, as the scripts write it."""
    moment = datetime.now(UTC) - timedelta(**delta)
    return moment.isoformat(timespec="milliseconds").replace("+00:00", "Z")


def leerpad_errors(page: Page) -> list[str]:
    """Collects uncaught errors from leerpad's scripts (Material's own are not ours)."""
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(f"{error}\n{error.stack}"))
    return errors


def store(page: Page, base: str, key: str, value: object) -> None:
    """Put ``value`` (JSON, or a raw string) under ``key`` before the learner comes."""
    page.goto(base + "blog/")
    raw = value if isinstance(value, str) else json.dumps(value)
    page.evaluate("([key, raw]) => localStorage.setItem(key, raw)", [key, raw])


def stored(page: Page) -> dict:
    return json.loads(page.evaluate("localStorage.getItem('leerpad:v2')") or "null")


def v2(widgets: dict, learner: dict | None = None) -> dict:
    return {"version": 2, "widgets": widgets, "learner": learner or {}, "aside": {}}


def entry(kind: str, version: str, state: dict, time: str | None = None) -> dict:
    return {"k": kind, "v": version, "s": state, "t": time or ago(days=2)}


def module_done(time: str) -> dict:
    return entry("module", "module", {"started": time, "done": time, "reopened": False}, time)


def answer_all(page: Page, labels: list[str]) -> None:
    for number, label in enumerate(labels):
        page.locator(".leerpad-assessment__item").nth(number).get_by_label(
            label, exact=True
        ).check()


# ---- One bad entry, bad values ------------------------------------------------------


def test_a_null_entry_is_set_aside_and_the_rest_keeps_working(page: Page, small_url: str) -> None:
    errors = leerpad_errors(page)
    data = json.loads(json.dumps(V1_STATE))
    data["widgets"] = {
        "module:x": None,
        "module:proefcursus/afronding": V1_STATE["widgets"]["module:proefcursus/afronding"],
    }
    store(page, small_url, "leerpad:v1", data)
    page.goto(small_url + MODULE_1)
    expect(page.locator(".md-nav--primary .md-nav__link.is-done")).to_have_count(1)
    expect(page.locator(".leerpad-notice")).to_contain_text("Een deel van je bewaarde voortgang")
    page.goto(small_url + COURSE)
    expect(page.locator(".leerpad-course-progress")).to_have_text("1 van 3 modules afgerond")
    expect(page.locator(".leerpad-notice")).to_have_count(0)  # told once
    assert errors == []
    kept = stored(page)
    assert kept["aside"] == {"module:x": None}
    assert kept["widgets"]["module:proefcursus/afronding"]["s"]["done"]
    assert page.evaluate("localStorage.getItem('leerpad:v1')") is None


def test_values_off_the_scale_or_not_dates_are_never_shown(page: Page, small_url: str) -> None:
    errors = leerpad_errors(page)
    page.goto(small_url + MODULE_3)
    version = page.locator("[data-leerpad-assessment]").get_attribute("data-leerpad-version")
    assert version
    huge = entry("assessment", version, {"answers": {"1": 1000000, "2": 2, "3": 0, "4": 1}})
    store(page, small_url, "leerpad:v2", v2({"teamcheck": huge}))
    page.goto(small_url + MODULE_3)
    expect(page.locator(".leerpad-assessment__progress")).to_have_text(
        "Nog 4 van de 4 uitspraken te gaan."
    )
    assert "8333367" not in page.content()
    # A 9 is a digit a code can hold, but not a point on this five-point scale.
    nine = entry("assessment", version, {"answers": {"1": 9, "2": 2, "3": 0, "4": 1}})
    store(page, small_url, "leerpad:v2", v2({"teamcheck": nine}))
    page.goto(small_url + MODULE_3)
    expect(page.locator(".leerpad-assessment__progress")).to_have_text(
        "Nog 1 van de 4 uitspraken te gaan."
    )
    # The certificate: a done that is no date does not count; a name that is no text
    # is set aside.
    modules = {
        f"module:proefcursus/{name}": module_done(ago(days=3))
        for name in ("eerste-stappen", "het-gesprek", "afronding")
    }
    store(page, small_url, "leerpad:v2", v2(modules, {"name": {"first": "A"}}))
    page.goto(small_url + COURSE)
    finished = page.locator("[data-leerpad-finished]")
    expect(finished).to_be_visible()
    expect(page.locator(".leerpad-finished__name")).to_have_value("")
    date = page.locator("[data-leerpad-certificate-date]").text_content() or ""
    assert re.fullmatch(r"\d{1,2} [a-z]+ 20\d\d", date), date
    assert "[object Object]" not in (finished.text_content() or "")
    modules["module:proefcursus/afronding"]["s"]["done"] = "zzz"
    store(page, small_url, "leerpad:v2", v2(modules))
    page.goto(small_url + COURSE)
    expect(page.locator(".leerpad-course-progress")).to_have_text("2 van 3 modules afgerond")
    expect(finished).to_be_hidden()
    assert errors == []


# ---- Unreadable storage --------------------------------------------------------------

TRUNCATED = (
    '{"version": 1, "widgets": {"reflectie-1-b9191a": {"v": "tekst", "s": {"text": "Mijn eerste ged'
)


def test_unreadable_storage_is_told_once_and_offered_as_a_download(
    page: Page, small_url: str, tmp_path: Path
) -> None:
    store(page, small_url, "leerpad:v1", TRUNCATED)
    page.goto(small_url + MODULE_2)
    notice = page.locator(".leerpad-notice")
    expect(notice).to_have_count(1)
    expect(notice).to_contain_text("beschadigd en kon niet gelezen worden")
    page.reload()
    expect(page.locator(".leerpad-reflection textarea")).to_be_visible()
    expect(notice).to_have_count(0)  # told once
    page.goto(small_url + PROGRESS)
    aside = page.locator(".leerpad-progress__aside")
    expect(aside).to_contain_text("Het is niet weg")
    with page.expect_download() as info:
        aside.get_by_role("button", name="Download wat apart staat").click()
    path = tmp_path / "apart.json"
    info.value.save_as(path)
    copies = json.loads(path.read_text(encoding="utf-8"))["setAside"]
    assert list(copies.values()) == [TRUNCATED]
    assert re.fullmatch(r"leerpad:v1:onleesbaar:\d+", next(iter(copies)))
    # The progress file carries it too.
    with page.expect_download() as info:
        page.get_by_role("button", name="Download je voortgang").click()
    info.value.save_as(path)
    assert list(json.loads(path.read_text(encoding="utf-8"))["setAside"].values()) == [TRUNCATED]


FULL_AFTER_FLAG = """
const realSetItem = Storage.prototype.setItem;
Storage.prototype.setItem = function (key, value) {
  if (key !== '__vol' && this.getItem('__vol') === '1') {
    throw new DOMException('full', 'QuotaExceededError');
  }
  return realSetItem.call(this, key, value);
};
"""


def test_with_no_room_to_set_it_aside_the_original_stays_and_work_goes_on_in_memory(
    browser: Browser, small_url: str
) -> None:
    context = browser.new_context()
    context.add_init_script(FULL_AFTER_FLAG)
    page = context.new_page()
    errors = leerpad_errors(page)
    store(page, small_url, "leerpad:v2", TRUNCATED)
    page.evaluate("localStorage.setItem('__vol', '1')")
    page.goto(small_url + MODULE_2)
    expect(page.locator(".leerpad-notice")).to_contain_text("geen ruimte om hem apart te zetten")
    area = page.locator(".leerpad-reflection textarea")
    area.fill("Nu even in het geheugen.")
    area.blur()
    expect(page.locator(".leerpad-reflection__saved")).to_contain_text("alleen in dit venster")
    assert page.evaluate("localStorage.getItem('leerpad:v2')") == TRUNCATED
    page.goto(small_url + PROGRESS)
    expect(page.locator(".leerpad-progress__aside")).to_be_visible()
    assert errors == []
    context.close()


# ---- Two tabs --------------------------------------------------------------------------

SAVE_AT = """([at, words]) => setTimeout(() => {
  const area = document.querySelector('.leerpad-reflection textarea');
  area.value = words;
  area.dispatchEvent(new Event('input'));
  document.dispatchEvent(new Event('visibilitychange'));
}, at - Date.now())"""

CLICK_AT = """(at) => setTimeout(() => {
  document.querySelector('[data-leerpad-mark-done]').click();
}, at - Date.now())"""

BOTH_KEPT = """([words, done]) => {
  const data = JSON.parse(localStorage.getItem('leerpad:v2') || 'null');
  const reflection = data && data.widgets['reflectie-1-b9191a'];
  const module = data && data.widgets['module:proefcursus/afronding'];
  return Boolean(reflection && reflection.s.text === words && module &&
    Boolean(module.s.done) === done);
}"""


def test_two_tabs_saving_at_the_same_instant_lose_nothing(browser: Browser, small_url: str) -> None:
    context = browser.new_context()
    one, two = context.new_page(), context.new_page()
    one.goto(small_url + MODULE_2)
    two.goto(small_url + MODULE_3)
    expect(one.locator(".leerpad-reflection textarea")).to_be_visible()
    expect(two.locator("[data-leerpad-mark-done]")).to_be_visible()
    losses = []
    for trial in range(50):
        words = f"Poging {trial}: wat ik vandaag leerde."
        at = one.evaluate("Date.now()") + 120
        one.evaluate(SAVE_AT, [at, words])
        two.evaluate(CLICK_AT, at)
        done = trial % 2 == 0  # the click toggles the module's completion
        try:
            one.wait_for_function(BOTH_KEPT, arg=[words, done], timeout=3000)
        except Exception:
            losses.append(trial)
    assert losses == []
    context.close()


STOP_FOLLOWING = "window.addEventListener('storage', e => e.stopImmediatePropagation(), true)"


def test_a_tab_follows_another_and_a_stale_tab_never_undoes_newer_work(
    browser: Browser, small_url: str
) -> None:
    context = browser.new_context()
    a, b = context.new_page(), context.new_page()
    a.goto(small_url + MODULE_2)
    b.goto(small_url + MODULE_2)
    area_a = a.locator(".leerpad-reflection textarea")
    area_b = b.locator(".leerpad-reflection textarea")
    area_a.fill("lange tekst uit tab A")
    area_a.blur()
    expect(area_b).to_have_value("lange tekst uit tab A")
    expect(b.locator(".leerpad-reflection__saved")).to_have_text(
        "Bijgewerkt met wat je in een ander tabblad schreef."
    )
    area_b.fill("lange tekst uit tab A, en B")
    area_b.blur()
    a.reload()
    expect(area_a).to_have_value("lange tekst uit tab A, en B")
    # A tab that missed the news (no storage event) answers a solved quiz wrong.
    a.goto(small_url + MODULE_1)
    b.goto(small_url + MODULE_1)
    b.evaluate(STOP_FOLLOWING)
    a.locator(".leerpad-quiz").first.get_by_label("Je kijkt op en groet haar.").check()
    a.locator(".leerpad-quiz").first.get_by_role("button", name="Controleer").click()
    expect(a.locator(".leerpad-quiz__status").first).to_have_text("Goed!")
    b.locator(".leerpad-quiz").first.get_by_label("Je werkt eerst je mail af.").check()
    b.locator(".leerpad-quiz").first.get_by_role("button", name="Controleer").click()
    assert stored(b)["widgets"][QUIZ_1]["s"]["solved"] is True
    a.goto(small_url + PROGRESS)
    expect(a.locator(".leerpad-progress__modules > li").first).to_contain_text(
        "1 van 2 vragen goed"
    )
    context.close()


# ---- Imports ---------------------------------------------------------------------------


def progress_file(widgets: dict) -> dict:
    return {
        "format": "leerpad-voortgang",
        "version": 1,
        "site": "Proefsite",
        "exported": ago(hours=1),
        "data": {"version": 2, "widgets": widgets, "learner": {}},
    }


def import_file(page: Page, path: Path, mode: str = "Samenvoegen") -> None:
    page.get_by_label("Bestand met voortgang").set_input_files(str(path))
    page.get_by_label(re.compile(mode)).check()
    page.get_by_role("button", name="Lees het bestand in").click()


def old_reflection(time: str) -> dict:
    return {"k": "reflection", "v": "tekst", "s": {"text": "oude tekst uit bestand"}, "t": time}


@pytest.mark.parametrize(
    ("what", "widgets"),
    [
        ("a time in the future", {REFLECTION: old_reflection("9999-12-31T23:59:59.000Z")}),
        ("a time that is no date", {REFLECTION: old_reflection("zzz")}),
        (
            "an answer off the scale",
            {
                "teamcheck": entry(
                    "assessment", "6074c9b6", {"answers": {"1": 1000000}, "complete": False}
                )
            },
        ),
    ],
)
def test_an_import_with_bad_values_is_refused_and_changes_nothing(
    page: Page, small_url: str, tmp_path: Path, what: str, widgets: dict
) -> None:
    page.goto(small_url + MODULE_2)
    area = page.locator(".leerpad-reflection textarea")
    area.fill("wat ik vandaag schreef")
    area.blur()
    before = stored(page)
    path = tmp_path / "voortgang.json"
    path.write_text(json.dumps(progress_file(widgets)))
    page.goto(small_url + PROGRESS)
    import_file(page, path)
    expect(page.locator(".leerpad-progress__import-status")).to_contain_text(
        "Er is niets veranderd."
    )
    assert stored(page) == before, what
    page.goto(small_url + MODULE_2)
    expect(area).to_have_value("wat ik vandaag schreef")


def test_a_merge_keeps_what_was_achieved_and_says_what_changed(
    page: Page, small_url: str, tmp_path: Path
) -> None:
    page.goto(small_url + MODULE_1)
    version = page.locator(f'[data-leerpad-quiz="{QUIZ_1}"]').get_attribute("data-leerpad-version")
    assert version
    solved = {"answer": ["2"], "checked": True, "correct": True, "solved": True}
    wrong = {"answer": ["1"], "checked": True, "correct": False, "solved": False}
    store(
        page,
        small_url,
        "leerpad:v2",
        v2(
            {
                QUIZ_1: entry("quiz", version, solved, ago(days=2)),
                "module:proefcursus/afronding": module_done(ago(days=2)),
            }
        ),
    )
    later = ago(days=1)
    viewed = entry("module", "module", {"started": later, "reopened": False}, later)
    path = tmp_path / "apparaat-b.json"
    path.write_text(
        json.dumps(
            progress_file(
                {
                    QUIZ_1: entry("quiz", version, wrong, later),
                    "module:proefcursus/afronding": viewed,
                    REFLECTION: old_reflection(later),
                }
            )
        )
    )
    page.goto(small_url + PROGRESS)
    import_file(page, path)
    expect(page.locator(".leerpad-progress__import-status")).to_have_text(
        "Ingelezen (samengevoegd). Veranderd: 1 vraag en 1 reflectie."
    )
    modules = page.locator(".leerpad-progress__modules > li")
    expect(modules.nth(0)).to_contain_text("1 van 2 vragen goed")
    expect(modules.nth(2)).to_contain_text("Afronding · afgerond")
    widgets = stored(page)["widgets"]
    assert widgets[QUIZ_1]["s"]["solved"] is True
    assert widgets[QUIZ_1]["s"]["answer"] == ["1"]  # the newer answer, still "solved once"


# ---- Today's data (format 1) ---------------------------------------------------------


def test_a_v1_state_of_today_is_upgraded_in_place_and_nothing_is_lost(
    page: Page, small_url: str
) -> None:
    errors = leerpad_errors(page)
    store(page, small_url, "leerpad:v1", V1_STATE)
    page.goto(small_url + MODULE_1)
    quizzes = page.locator(".leerpad-quiz")
    expect(quizzes.nth(0).locator(".leerpad-quiz__status")).to_have_text("Goed!")
    expect(quizzes.nth(0).get_by_label("Je kijkt op en groet haar.")).to_be_checked()
    expect(quizzes.nth(1).get_by_label("Invulveld 1")).to_have_value("ergens anders")
    expect(page.locator(".leerpad-complete__status")).to_have_text("Je hebt deze module afgerond.")
    page.goto(small_url + MODULE_2)
    expect(page.locator(".leerpad-reflection textarea")).to_have_value(
        "Ik vraag 'wat is er gebeurd?'\nAltijd, met <b>nadruk</b>."
    )
    page.goto(small_url + MODULE_3)
    expect(page.locator(".leerpad-assessment__table")).to_contain_text("44%")
    page.goto(small_url + COURSE)
    expect(page.locator(".leerpad-course-progress")).to_have_text("3 van 3 modules afgerond")
    expect(page.locator(".leerpad-finished__name")).to_have_value("Noor Vermeulen")
    page.goto(small_url + PROGRESS)
    expect(page.locator(".leerpad-progress__reflections blockquote")).to_have_text(
        "Ik vraag 'wat is er gebeurd?'\nAltijd, met <b>nadruk</b>."
    )
    expect(page.locator(".leerpad-progress__aside")).to_have_count(0)
    upgraded = stored(page)
    assert page.evaluate("localStorage.getItem('leerpad:v1')") is None
    assert upgraded["version"] == 2 and upgraded["aside"] == {}
    assert upgraded["learner"]["name"] == V1_STATE["learner"]["name"]
    for key, old in V1_STATE["widgets"].items():
        assert upgraded["widgets"][key]["s"] == old["s"], key
    assert {key: e["k"] for key, e in upgraded["widgets"].items()} == {
        "module:proefcursus/eerste-stappen": "module",
        "module:proefcursus/het-gesprek": "module",
        "module:proefcursus/afronding": "module",
        QUIZ_1: "quiz",
        "een-team-is-een-voor-wie-63f996": "quiz",
        REFLECTION: "reflection",
        "teamcheck": "assessment",
    }
    assert errors == []


# ---- Fault injection: every widget, each storage fault in turn -------------------------

BLOCKED = """
Object.defineProperty(window, 'localStorage', {
  configurable: true,
  get() { throw new DOMException('blocked', 'SecurityError'); }
});
"""

WIDGET_IDS = [
    "module:proefcursus/eerste-stappen",
    QUIZ_1,
    REFLECTION,
    "teamcheck",
]


def wrong_shapes() -> dict:
    return {
        "version": 2,
        "widgets": {
            "module:proefcursus/eerste-stappen": {"k": "module", "v": "module", "s": [], "t": 5},
            QUIZ_1: {"k": "quiz", "v": "x", "s": "Goed!", "t": ago(days=1)},
            REFLECTION: {"k": "reflection", "v": "tekst", "s": {"text": ["a"]}, "t": ago(days=1)},
            "teamcheck": {"k": "assessment", "v": "x", "s": {"answers": [4, 4]}, "t": ago(days=1)},
            "onbekend": {"k": "<img src=x onerror=alert(1)>", "v": "1", "s": {}, "t": ago(days=1)},
        },
        "learner": {"name": 5, "seed": {"x": 1}},
        "aside": "geen object",
    }


def huge_values() -> dict:
    time = ago(days=1)
    return {
        "version": 2,
        "widgets": {
            REFLECTION: entry("reflection", "tekst", {"text": "x" * 300_000}, time),
            QUIZ_1: entry("quiz", "x", {"answer": ["1"] * 20_000}, time),
            "teamcheck": entry(
                "assessment", "x", {"answers": {str(n): 1 for n in range(1, 2000)}}, time
            ),
            "module:proefcursus/afronding": entry(
                "module", "module", {"title": "<script>alert(1)</script>" * 5000}, time
            ),
        },
        "learner": {"name": "n" * 100_000},
    }


FAULTS = {
    "storage throws": (BLOCKED, None),
    "storage full": (FULL_AFTER_FLAG, V1_STATE),
    "corrupt value": (None, '{"version": 2, "widgets": {"a'),
    "null entries": (None, {"version": 1, "widgets": dict.fromkeys(WIDGET_IDS), "learner": None}),
    "wrong shapes": (None, wrong_shapes()),
    "huge values": (None, huge_values()),
}


def use_every_widget(page: Page, base: str) -> None:
    """A learner's round past every kind of widget; each must respond."""
    page.goto(base + MODULE_1)
    first = page.locator(".leerpad-quiz").first
    first.get_by_label("Je kijkt op en groet haar.").check()
    # Solved in what storage held, the button already reads as done.
    first.get_by_role("button", name=re.compile("Controleer|Goed beantwoord")).click()
    expect(first.locator(".leerpad-quiz__status")).to_have_text("Goed!")
    page.goto(base + MODULE_2)
    area = page.locator(".leerpad-reflection textarea")
    area.fill("Wat ik meeneem uit dit gesprek.")
    area.blur()
    expect(page.locator(".leerpad-reflection__saved")).to_have_text(
        re.compile("Bewaard in je browser|alleen in dit venster")
    )
    page.goto(base + MODULE_3)
    answer_all(page, ["Altijd", "Soms", "Nooit", "Zelden"])
    expect(page.locator(".leerpad-assessment__table")).to_contain_text("44%")
    code = page.locator(".leerpad-share__code").input_value()
    done = page.locator("[data-leerpad-mark-done]")
    expect(done).to_be_visible()
    if done.inner_text() == "Toch nog niet afgerond":  # done in what storage held
        done.click()
        expect(page.locator(".leerpad-complete__status")).to_have_text("")
    done.click()
    expect(page.locator(".leerpad-complete__status")).to_have_text("Je hebt deze module afgerond.")
    page.goto(base + COURSE)
    expect(page.locator(".leerpad-course-progress")).to_contain_text("van 3 modules afgerond")
    page.goto(base + PROGRESS)
    expect(page.locator(".leerpad-progress__summary")).to_contain_text("van 3 modules afgerond")
    page.goto(base + "teamscan/")
    page.get_by_label("Plak hier de uitslagcodes").fill(code)
    page.get_by_role("button", name="Bekijk de teamuitslag").click()
    expect(page.locator(".leerpad-teamscan__report > p")).to_have_text("1 van de 1 code telt mee.")


@pytest.mark.parametrize("fault", FAULTS)
def test_every_widget_works_whatever_storage_holds_or_does(
    browser: Browser, small_url: str, fault: str
) -> None:
    script, value = FAULTS[fault]
    context = browser.new_context()
    if script:
        context.add_init_script(script)
    page = context.new_page()
    errors = leerpad_errors(page)
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    if value is not None:
        store(page, small_url, "leerpad:v2", value)
    before = None
    if fault == "storage full":
        page.evaluate("localStorage.setItem('__vol', '1')")
        before = page.evaluate("localStorage.getItem('leerpad:v2')")
    use_every_widget(page, small_url)
    assert [error for error in errors if "leerpad" in error] == []
    assert dialogs == []  # no script from stored data ran
    if fault == "storage full":
        assert page.evaluate("localStorage.getItem('leerpad:v2')") == before
    elif fault != "storage throws":
        kept = stored(page)
        assert kept["widgets"][QUIZ_1]["s"]["solved"] is True
        assert kept["widgets"][REFLECTION]["s"]["text"] == "Wat ik meeneem uit dit gesprek."
    context.close()


def test_the_progress_page_follows_work_done_in_another_tab(
    browser: Browser, small_url: str
) -> None:
    context = browser.new_context()
    progress, module = context.new_page(), context.new_page()
    progress.goto(small_url + PROGRESS)
    summary = progress.locator(".leerpad-progress__summary")
    expect(summary).to_have_text("0 van 3 modules afgerond")
    module.goto(small_url + MODULE_3)
    module.get_by_role("button", name="Markeer deze module als afgerond").click()
    expect(summary).to_have_text("1 van 3 modules afgerond")
    context.close()


def test_a_quiz_a_self_assessment_and_completion_open_in_two_tabs_show_the_newer_state(
    browser: Browser, small_url: str
) -> None:
    context = browser.new_context()
    a, b = context.new_page(), context.new_page()
    a.goto(small_url + MODULE_1)
    b.goto(small_url + MODULE_1)
    expect(b.locator(".leerpad-quiz__actions").first).to_be_visible()
    a.locator(".leerpad-quiz").first.get_by_label("Je kijkt op en groet haar.").check()
    a.locator(".leerpad-quiz").first.get_by_role("button", name="Controleer").click()
    expect(b.locator(".leerpad-quiz__status").first).to_have_text("Goed!")
    expect(
        b.locator(".leerpad-quiz").first.get_by_label("Je kijkt op en groet haar.")
    ).to_be_checked()
    a.goto(small_url + MODULE_3)
    b.goto(small_url + MODULE_3)
    expect(b.locator("[data-leerpad-mark-done]")).to_be_visible()
    answer_all(a, ["Altijd", "Soms", "Nooit", "Zelden"])
    a.get_by_role("button", name="Markeer deze module als afgerond").click()
    expect(b.locator(".leerpad-assessment__table")).to_contain_text("44%")
    expect(b.locator(".leerpad-complete__status")).to_have_text("Je hebt deze module afgerond.")
    context.close()
