"""Interface text in the site's language: plural forms picked by number."""

from __future__ import annotations

import pytest

from leerpad.strings import counted, format_minutes, strings_for

NL = strings_for("nl")


@pytest.mark.parametrize(
    ("count", "expected"), [(0, "0 modules"), (1, "1 module"), (2, "2 modules")]
)
def test_module_count_takes_the_singular_for_one(count: int, expected: str) -> None:
    assert counted(NL["module_count"], count=count) == expected


@pytest.mark.parametrize(
    ("minutes", "expected"),
    [
        (1, "1 minuut"),
        (45, "45 minuten"),
        (60, "1 uur"),
        (61, "1 uur 1 minuut"),
        (150, "2 uur 30 minuten"),
    ],
)
def test_durations_read_as_people_say_them(minutes: int, expected: str) -> None:
    assert format_minutes(minutes, NL) == expected


def test_plain_placeholders_still_fill_in() -> None:
    assert counted("{a} en {n:# ding|# dingen}", a="x", n=3) == "x en 3 dingen"
