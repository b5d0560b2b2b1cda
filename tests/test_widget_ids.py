"""Widget ids: unique on a page and across pages, and unchanged where they were unique.

A widget's id is the key of the learner's stored answers: an id that changes loses
their work, an id shared by two widgets mixes their answers.
"""

from __future__ import annotations

import re

import pytest

from conftest import Build

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
