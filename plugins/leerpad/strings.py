"""Interface text of leerpad's pages and widgets, in the site's language."""

from __future__ import annotations

STRINGS: dict[str, dict[str, str]] = {
    "nl": {
        "courses": "Cursussen",
        "modules": "Modules",
        "module_of": "module {position} van {total}",
        "duration": "Duur",
        "audience": "Voor wie",
        "objectives": "Leerdoelen",
        "previous_module": "Vorige module",
        "next_module": "Volgende module",
        "course_overview": "Cursusoverzicht",
        "course_nav": "Modules van deze cursus",
        "module_count": "{count} modules",
        "minutes": "{n} minuten",
        "hours": "{n} uur",
        "start_course": "Begin met de cursus",
        "error_title": "Hier moet een auteur iets herstellen",
    },
    "en": {
        "courses": "Courses",
        "modules": "Modules",
        "module_of": "module {position} of {total}",
        "duration": "Duration",
        "audience": "Audience",
        "objectives": "Learning objectives",
        "previous_module": "Previous module",
        "next_module": "Next module",
        "course_overview": "Course overview",
        "course_nav": "Modules of this course",
        "module_count": "{count} modules",
        "minutes": "{n} min",
        "hours": "{n} h",
        "start_course": "Start the course",
        "error_title": "An author needs to fix something here",
    },
}


def strings_for(language: str | None) -> dict[str, str]:
    """The strings for ``language`` (e.g. ``nl`` or ``en-GB``), English when unknown."""
    code = (language or "en").split("-")[0].lower()
    return STRINGS.get(code, STRINGS["en"])


def format_minutes(minutes: int, strings: dict[str, str]) -> str:
    """A duration as people say it: ``45 minuten``, ``1 uur 30 minuten``."""
    hours, rest = divmod(minutes, 60)
    parts = []
    if hours:
        parts.append(strings["hours"].format(n=hours))
    if rest or not hours:
        parts.append(strings["minutes"].format(n=rest))
    return " ".join(parts)
