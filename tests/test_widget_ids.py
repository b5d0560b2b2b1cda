"""Widget ids: unique on a page and across pages, and unchanged where they were unique.

A widget's id is the key of the learner's stored answers: an id that changes loses
their work, an id shared by two widgets mixes their answers.
"""

from __future__ import annotations

import re

import markdown
import pytest
from bs4 import BeautifulSoup

from conftest import REPO, Build

# Ids the real course had before ids were made unique; learners' stored work hangs on them.
PINNED_IDS = {
    "klantvriendelijk-van-binnenuit/het-team-als-veilige-haven": [
        "in-het-klantcontactcentrum-komen-klachten-binnen-5110c6",
        "veilige-haven",
        "reflectie-1-f915d0",
    ],
    "klantvriendelijk-van-binnenuit/luisteren-om-te-begrijpen": [
        "een-vrouw-aan-het-loket-vraagt-ad6881",
        "als-je-in-je-eigen-woorden-c207b9",
        "reflectie-1-f60442",
    ],
    "teamleiders-bouwen-aan-een-servicecultuur/de-teamscan-in-de-praktijk": [
        "wout-wil-de-resultaatcodes-van-zijn-0c6670",
        "reflectie-1-becb59",
    ],
}


@pytest.mark.parametrize("page", PINNED_IDS)
def test_ids_of_the_real_course_stay_as_they_were(repository_build: Build, page: str) -> None:
    html = (repository_build.site / "cursussen" / page / "index.html").read_text()
    ids = re.findall(r'data-leerpad-(?:quiz|reflection|assessment)="([^"]+)"', html)
    for widget_id in PINNED_IDS[page]:
        assert widget_id in ids, (widget_id, ids)


def element_ids(html: str) -> list[str]:
    """Every element id on a rendered page, in order."""
    return [element["id"] for element in BeautifulSoup(html, "html.parser").select("[id]")]


def test_same_question_twice_on_a_page_gets_two_ids() -> None:
    quiz = "/// quiz | Wat doe je eerst?\n- [x] Luisteren\n- [ ] Wachten\n///\n\n"
    alone = BeautifulSoup(markdown.markdown(quiz, extensions=["leerpad"]), "html.parser")
    html = markdown.markdown(quiz + quiz.replace("Luisteren", "Troosten"), extensions=["leerpad"])
    page = BeautifulSoup(html, "html.parser")
    ids = [quiz["data-leerpad-quiz"] for quiz in page.select("[data-leerpad-quiz]")]
    # The first keeps the id it always had; the second gets its own.
    assert ids == [alone.select_one("[data-leerpad-quiz]")["id"], f"{ids[0]}-2"]
    radio_groups = {element["name"] for element in page.select("input[name]")}
    assert radio_groups == set(ids)
    assert len(set(element_ids(html))) == len(element_ids(html))


def test_plain_markdown_gives_two_real_modules_different_ids() -> None:
    # As a tool without MkDocs renders them: one page at a time, no page key, no path.
    modules = sorted((REPO / "courses/klantvriendelijk-van-binnenuit").glob("0[1-3]-*.md"))
    seen: dict[str, str] = {}
    for module in modules:
        html = markdown.markdown(module.read_text(encoding="utf-8"), extensions=["leerpad"])
        assert 'class="leerpad-reflection"' in html
        ids = element_ids(html)
        assert len(set(ids)) == len(ids), module.name
        for element_id in ids:
            assert element_id not in seen, (element_id, seen.get(element_id), module.name)
            seen[element_id] = module.name
    assert len(seen) > 20
