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
        "quiz_label": "Vraag",
        "quiz_single": "Kies één antwoord.",
        "quiz_multiple": "Kies alle juiste antwoorden.",
        "quiz_gap": "Vul in wat ontbreekt.",
        "quiz_gap_field": "Invulveld {n}",
        "quiz_hint": "Hint",
        "quiz_check": "Controleer",
        "quiz_retry": "Probeer opnieuw",
        "quiz_reveal": "Toon het antwoord",
        "quiz_answer": "Toon het antwoord en de uitleg",
        "quiz_right": "Juist",
        "quiz_wrong": "Onjuist",
        "quiz_gap_answer": "Invulveld {n}: {answers}",
        "quiz_or": " of ",
        "assessment_label": "Zelftest",
        "assessment_instruction": "Kies bij elke uitspraak wat het best bij jou past. "
        "Er zijn geen goede of foute antwoorden.",
        "assessment_result": "Toon mijn uitslag",
        "assessment_reset": "Begin opnieuw",
        "assessment_scoring": "Op papier invullen? Zo bereken je je uitslag",
        "assessment_points": "Geef elk antwoord punten: {points}.",
        "assessment_reverse": "Bij uitspraak {numbers} tel je andersom: {points}.",
        "assessment_dimension": "{label}: uitspraak {numbers}, hoogstens {max} punten.",
        "assessment_percent": "Deel per thema je punten door het maximum en vermenigvuldig "
        "met 100: dat is je percentage. Je totaal: alle punten samen, gedeeld door {max}.",
        "assessment_bands": "Wat je uitslag zegt",
        "assessment_overall": "Totaal",
        "assessment_range": "{low}–{high}%",
        "assessment_and": " en ",
        "reflection_label": "Reflectie",
        "teamscan_title": "Teamscan: {title}",
        "teamscan_nojs": "De teamscan rekent in je eigen browser en heeft daarvoor JavaScript "
        "nodig. Zet JavaScript aan om uitslagcodes samen te voegen.",
        "teamscan_paste": "Plak hier de uitslagcodes van je teamleden, één per regel.",
        "teamscan_combine": "Bekijk de teamuitslag",
        "reflection_not_kept": "Wat je hier schrijft, wordt alleen bewaard als JavaScript aan "
        "staat. Het blijft dan in je eigen browser.",
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
        "quiz_label": "Question",
        "quiz_single": "Choose one answer.",
        "quiz_multiple": "Choose all correct answers.",
        "quiz_gap": "Fill in what is missing.",
        "quiz_gap_field": "Blank {n}",
        "quiz_hint": "Hint",
        "quiz_check": "Check",
        "quiz_retry": "Try again",
        "quiz_reveal": "Show the answer",
        "quiz_answer": "Show the answer and explanation",
        "quiz_right": "Correct",
        "quiz_wrong": "Incorrect",
        "quiz_gap_answer": "Blank {n}: {answers}",
        "quiz_or": " or ",
        "assessment_label": "Self-assessment",
        "assessment_instruction": "For each statement, choose what fits you best. "
        "There are no right or wrong answers.",
        "assessment_result": "Show my result",
        "assessment_reset": "Start again",
        "assessment_scoring": "Filling it in on paper? This is how you score it",
        "assessment_points": "Give each answer points: {points}.",
        "assessment_reverse": "For statement {numbers}, count the other way round: {points}.",
        "assessment_dimension": "{label}: statement {numbers}, at most {max} points.",
        "assessment_percent": "For each theme, divide your points by the maximum and multiply "
        "by 100: that is your percentage. Your total: all points together, divided by {max}.",
        "assessment_bands": "What your result says",
        "assessment_overall": "Overall",
        "assessment_range": "{low}–{high}%",
        "assessment_and": " and ",
        "reflection_label": "Reflection",
        "teamscan_title": "Team scan: {title}",
        "teamscan_nojs": "The team scan calculates in your own browser and needs JavaScript "
        "for that. Turn JavaScript on to combine result codes.",
        "teamscan_paste": "Paste your team members' result codes here, one per line.",
        "teamscan_combine": "Show the team result",
        "reflection_not_kept": "What you write here is kept only when JavaScript is on. "
        "It then stays in your own browser.",
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
