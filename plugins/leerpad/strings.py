"""Interface text of leerpad's pages and widgets, in the site's language."""

from __future__ import annotations

import datetime as dt
import re

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
        "module_count": "{count:# module|# modules}",
        "minutes": "{n:# minuut|# minuten}",
        "hours": "{n} uur",
        "start_course": "Begin met de cursus",
        "error_title": "Hier moet een auteur iets herstellen",
        "mark_done": "Markeer deze module als afgerond",
        "post_draft": "Concept: dit bericht staat niet op de gepubliceerde site.",
        "post_scheduled": "Gepland: dit bericht verschijnt op {date}.",
        "months": "januari februari maart april mei juni juli augustus september oktober "
        "november december",
        "cta_label": "Verder leren",
        "cta_title": "Verder leren?",
        "cta_text": "In de module ‘{module}’ van de cursus ‘{course}’ ga je hier dieper op in, "
        "met vragen waarmee je jezelf kunt toetsen.",
        "cta_button": "Naar de module",
        "related_title": "Lees ook",
        "congrats": "Gefeliciteerd! Je hebt alle modules van deze cursus afgerond.",
        "certificate_name": "Je naam op het certificaat",
        "certificate_print": "Druk je certificaat af",
        "certificate_title": "Certificaat",
        "certificate_intro": "Hierbij bevestigen we dat",
        "certificate_course": "de online cursus",
        "certificate_done": "heeft afgerond op",
        "progress_nojs": "Je voortgang wordt in je eigen browser bijgehouden. Zonder JavaScript "
        "kan deze pagina hem niet tonen.",
        "progress_courses": "Je cursussen",
        "progress_reflections": "Je reflecties",
        "progress_download_reflections": "Download je reflecties (Markdown)",
        "progress_print": "Druk dit overzicht af",
        "progress_keep": "Bewaren en meenemen",
        "progress_keep_help": "Je voortgang staat alleen in deze browser. Download hem als "
        "bestand om hem te bewaren of op een ander toestel in te lezen.",
        "progress_export": "Download je voortgang",
        "progress_import_file": "Bestand met voortgang",
        "progress_merge": "Samenvoegen met wat hier al staat",
        "progress_replace": "Vervangen: wat hier staat, verdwijnt",
        "progress_import": "Lees het bestand in",
        "progress_reset_title": "Opnieuw beginnen",
        "progress_reset": "Wis al je voortgang",
        "not_found_title": "Deze pagina bestaat niet",
        "not_found_text": "Misschien is ze verhuisd, of zit er een tikfout in het adres.",
        "not_found_home": "Naar de startpagina",
        "not_found_courses": "Naar alle cursussen",
        "not_found_search": "Of zoek wat je nodig hebt met het zoekveld bovenaan.",
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
        "module_count": "{count:# module|# modules}",
        "minutes": "{n} min",
        "hours": "{n} h",
        "start_course": "Start the course",
        "error_title": "An author needs to fix something here",
        "mark_done": "Mark this module as done",
        "post_draft": "Draft: this post is not on the published site.",
        "post_scheduled": "Scheduled: this post appears on {date}.",
        "months": "January February March April May June July August September October "
        "November December",
        "cta_label": "Learn more",
        "cta_title": "Want to learn more?",
        "cta_text": "The module ‘{module}’ of the course ‘{course}’ goes deeper into this, "
        "with questions to test yourself.",
        "cta_button": "Go to the module",
        "related_title": "Read also",
        "congrats": "Congratulations! You have completed every module of this course.",
        "certificate_name": "Your name on the certificate",
        "certificate_print": "Print your certificate",
        "certificate_title": "Certificate",
        "certificate_intro": "This confirms that",
        "certificate_course": "has completed the online course",
        "certificate_done": "on",
        "progress_nojs": "Your progress is kept in your own browser. Without JavaScript this "
        "page cannot show it.",
        "progress_courses": "Your courses",
        "progress_reflections": "Your reflections",
        "progress_download_reflections": "Download your reflections (Markdown)",
        "progress_print": "Print this overview",
        "progress_keep": "Keep and take along",
        "progress_keep_help": "Your progress lives only in this browser. Download it as a file "
        "to keep it or to load it on another device.",
        "progress_export": "Download your progress",
        "progress_import_file": "File with progress",
        "progress_merge": "Merge with what is here",
        "progress_replace": "Replace: what is here disappears",
        "progress_import": "Load the file",
        "progress_reset_title": "Start again",
        "progress_reset": "Clear all your progress",
        "not_found_title": "This page does not exist",
        "not_found_text": "It may have moved, or the address may have a typo.",
        "not_found_home": "Go to the home page",
        "not_found_courses": "See all courses",
        "not_found_search": "Or search for what you need with the search box at the top.",
    },
}


def strings_for(language: str | None) -> dict[str, str]:
    """The strings for ``language`` (e.g. ``nl`` or ``en-GB``), English when unknown."""
    code = (language or "en").split("-")[0].lower()
    return STRINGS.get(code, STRINGS["en"])


# Not inside doubled braces: "{{steun: Steun}}" is a literal brace pair, not a plural.
# Forms hold a '|': "{byte:02x}" is a format spec, not a plural.
_PLURAL = re.compile(r"(?<!\{)\{(?P<name>\w+):(?P<forms>[^{}|]*\|[^{}]*)\}(?!\})")


def counted(template: str, **values: object) -> str:
    """``template`` filled in, with plural forms picked by number.

    A placeholder may list forms, one|other, with ``#`` for the number, the same way the
    scripts' text tables do: ``counted("{count:# module|# modules}", count=1)`` gives
    ``1 module``. Both languages here use the singular for exactly one.
    """

    def pick(match: re.Match[str]) -> str:
        number = values[match["name"]]
        forms = match["forms"].split("|")
        return (forms[0] if number == 1 else forms[-1]).replace("#", str(number))

    return _PLURAL.sub(pick, template).format(**values)


def format_minutes(minutes: int, strings: dict[str, str]) -> str:
    """A duration as people say it: ``45 minuten``, ``1 uur 30 minuten``."""
    hours, rest = divmod(minutes, 60)
    parts = []
    if hours:
        parts.append(counted(strings["hours"], n=hours))
    if rest or not hours:
        parts.append(counted(strings["minutes"], n=rest))
    return " ".join(parts)


def format_date(date: dt.date, strings: dict[str, str]) -> str:
    """A date as people write it: ``14 december 2026``."""
    month = strings["months"].split()[date.month - 1]
    return f"{date.day} {month} {date.year}"
