"""What the widgets tell authors about their mistakes: one table per language.

The build, ``leerpad check`` and the red box on the page all show these texts, after
``path:line:``. The site's ``theme.language`` picks the table; English is the default.
Placeholders in braces are filled in by the code that finds the mistake.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..problems import Problem, language_code, message_table

EN: dict[str, str] = {
    # Opening and closing
    "unclosed_before": (
        "this {what} is never closed; add a line with only '{fence}' before line {next}"
    ),
    "unclosed_at_end": (
        "this {what} is never closed; add a line with only '{fence}' after its last line"
    ),
    "code_unclosed": (
        "this code block is never closed; add a line with only '{fence}' before line {next}"
    ),
    "code_unclosed_at_end": (
        "this code block is never closed; add a line with only '{fence}' after the code"
    ),
    "what_quiz": "quiz",
    "what_reflection": "reflection",
    "what_assessment": "assessment",
    "what_teamscan": "team scan",
    "what_band": "band",
    # Options
    "options_dedented": ("options under the header are indented 4 spaces: write '    {line}'"),
    "block_did_you_mean": "unknown block '{name}'; did you mean '/// {kind}'?",
    "options_refused": "the options are refused: {problem}",
    "options_comment": (
        "YAML reads ' #' and what follows as a comment, so it is dropped from the value; "
        "put the whole value in double quotes: {fix}"
    ),
    "options_yaml": (
        "the options are not valid YAML ({problem}); write one 'name: value' per line, "
        "indented 4 spaces"
    ),
    "options_not_pairs": (
        "options must be 'name: value' lines, indented 4 spaces under the opening line"
    ),
    "option_unknown": "unknown option '{name}'; known options: {known}",
    "option_did_you_mean": "unknown option '{name}'; did you mean '{suggestion}'?",
    "option_invalid": "option '{name}': {reason}",
    "value_boolean": "write true or false (found {found})",
    "value_text": "write some text (found {found})",
    "value_typos": "write typos: 1 to accept one wrong letter per gap, or 0 (found {found})",
    "value_id": (
        "an id uses lowercase letters, digits and hyphens and starts with a letter, "
        "e.g. 'id: veilige-haven' (found {found})"
    ),
    "value_scale_list": ("write the answer labels as a list, e.g. [Nooit, Soms, Vaak, Altijd]"),
    "value_scale_size": "a scale has 3 to 7 labels, not {count}",
    "value_dimensions": "write the dimensions as key: label pairs, e.g. {{steun: Steun}}",
    "value_dimension_label": "dimension '{key}' needs a label, e.g. '{key}: Steun'",
    # Ids
    "id_twice_on_page": (
        "id '{id}' is already used by the widget on line {line}; give each widget its own id"
    ),
    "id_on_two_pages": "id '{id}' is also used in {where}; give each widget its own id",
    # Quiz
    "quiz_no_question": (
        "the quiz has no question; write it after the bar: '/// quiz | Wat doe je eerst?'"
    ),
    "quiz_typos_without_gaps": "typos: only applies to gaps ([[...]]); remove it here",
    "quiz_options_and_gaps": (
        "a quiz has either options or gaps in the question, not both; split it into two quizzes"
    ),
    "quiz_no_options": (
        "the quiz has no options; add lines like '- [ ] answer' and '- [x] right answer', "
        "or gaps like [[answer]] in the question"
    ),
    "quiz_no_right_option": (
        "no option is marked right; mark the right answer with [x], e.g. '- [x] …'"
    ),
    "quiz_one_option": "a question needs at least two options",
    "quiz_gap_empty": (
        "gap '{gap}' has an empty answer; write the answer inside, "
        "e.g. [[veilige haven|veilige plek]]"
    ),
    "quiz_option_after_explanation": (
        "this option comes after the explanation; keep all options together, before the explanation"
    ),
    "quiz_marker": "an option starts with '- [ ]' (wrong) or '- [x]' (right), not '[{found}]'",
    "quiz_marker_did_you_mean": (
        "an option starts with '- [ ]' (wrong) or '- [x]' (right); did you mean '{suggestion}'?"
    ),
    "quiz_gap_in_option": "gaps [[…]] belong in the question line, not in an option",
    "quiz_option_no_text": "this option has no text",
    "quiz_feedback_misplaced": (
        "feedback (a '>' line) must stand directly under its option, indented 4 spaces"
    ),
    "quiz_feedback_not_indented": (
        "feedback under an option must be indented 4 spaces: '    > Your feedback'"
    ),
    "quiz_feedback_after_blank": (
        "feedback must follow its option directly, without a blank line in between"
    ),
    # Reflection
    "reflection_no_prompt": (
        "the reflection has no prompt; write it after the bar: '/// reflection | Wat …?'"
    ),
    # Team scan
    "teamscan_no_assessment": (
        "name the self-assessment to combine: '/// teamscan | veilige-haven'"
    ),
    "teamscan_unknown": "no self-assessment has the id '{id}'; known ids: {known}",
    "teamscan_unknown_did_you_mean": (
        "no self-assessment has the id '{id}'; did you mean '{suggestion}'?"
    ),
    "teamscan_broken": "the self-assessment '{id}' has problems; fix those first",
    "none": "none",
    # Assessment
    "assessment_no_title": "the assessment has no title: '/// assessment | Titel'",
    "assessment_needs_option": "the assessment needs the option '{name}', indented 4 spaces",
    "assessment_no_statements": (
        "the assessment has no statements; add lines like '- [dimension] statement'"
    ),
    "assessment_statement": "a statement looks like '- [dimension] text'",
    "assessment_dimension_unknown": "unknown dimension '{name}'; the dimensions are: {known}",
    "assessment_dimension_did_you_mean": (
        "unknown dimension '{name}'; did you mean '{suggestion}'?"
    ),
    "assessment_marker_unknown": (
        "unknown marker '{name}'; the only marker is 'omgekeerd' (or 'reverse')"
    ),
    "assessment_marker_did_you_mean": "unknown marker '{name}'; did you mean '{suggestion}'?",
    "assessment_dimension_unused": (
        "dimension '{name}' has no statements; add one like '- [{name}] …' or remove it"
    ),
    "assessment_stray_text": (
        "text between or after the statements belongs in a band or before the first statement"
    ),
    "band_not_band": (
        "only '//// band | 0-49' blocks can stand inside an assessment, not '{found}'"
    ),
    "band_did_you_mean": (
        "only '//// band | 0-49' blocks can stand inside an assessment; did you mean '//// band'?"
    ),
    "band_no_bar": "write a bar before the range: '//// band | {found}'",
    "band_not_range": (
        "'{found}' is not a range; write it as '0-49' or, for one dimension, 'openheid 0-49'"
    ),
    "band_outside": "band {low}-{high} must lie within 0-100, the lower number first",
    "band_team_twice": (
        "this band already has a team text (line {first}); write one '**Team:**' paragraph per band"
    ),
    "band_team_empty": (
        "'**Team:**' has no text after it; write what this score means for a team, "
        "or remove the line"
    ),
    "band_team_did_you_mean": (
        "a team text starts with '**Team:**' (the colon inside the stars); "
        "did you mean '**Team:**' instead of '{found}'?"
    ),
    "band_unknown_dimension": "band for unknown dimension '{name}'",
    "bands_all": "the bands",
    "bands_of": "the bands for '{name}'",
    "bands_gap": "{bands} leave {low}-{high} uncovered; every percentage needs a band",
    "bands_overlap": "{bands} overlap: {low}-{high} starts inside the band before it",
    "bands_stop": "{bands} stop at {high}; the last band must end at 100",
}

NL: dict[str, str] = {
    # Openen en sluiten
    "unclosed_before": (
        "{what} wordt nergens gesloten; zet een regel met alleen '{fence}' vóór regel {next}"
    ),
    "unclosed_at_end": (
        "{what} wordt nergens gesloten; zet een regel met alleen '{fence}' na de laatste regel"
    ),
    "code_unclosed": (
        "dit codeblok wordt nergens gesloten; zet een regel met alleen '{fence}' vóór regel {next}"
    ),
    "code_unclosed_at_end": (
        "dit codeblok wordt nergens gesloten; zet een regel met alleen '{fence}' na de code"
    ),
    "what_quiz": "deze vraag",
    "what_reflection": "deze reflectie",
    "what_assessment": "deze zelftest",
    "what_teamscan": "deze teamscan",
    "what_band": "deze uitslagtekst",
    # Opties
    "options_dedented": "opties onder de eerste regel springen 4 spaties in: schrijf '    {line}'",
    "block_did_you_mean": "onbekend bloktype '{name}'; bedoel je '/// {kind}'?",
    "options_refused": "de opties worden geweigerd: {problem}",
    "options_comment": (
        "YAML leest ' #' en alles erna als commentaar, dus dat valt weg uit de waarde; "
        "zet de hele waarde tussen dubbele aanhalingstekens: {fix}"
    ),
    "options_yaml": (
        "de opties zijn geen geldige YAML ({problem}); schrijf één 'naam: waarde' per regel, "
        "4 spaties ingesprongen"
    ),
    "options_not_pairs": (
        "opties zijn regels 'naam: waarde', 4 spaties ingesprongen onder de eerste regel"
    ),
    "option_unknown": "onbekende optie '{name}'; bestaande opties: {known}",
    "option_did_you_mean": "onbekende optie '{name}'; bedoel je '{suggestion}'?",
    "option_invalid": "optie '{name}': {reason}",
    "value_boolean": "schrijf true of false (nu: {found})",
    "value_text": "schrijf er tekst achter (nu: {found})",
    "value_typos": (
        "schrijf typos: 1 om één verkeerde letter per veld toe te laten, of 0 (nu: {found})"
    ),
    "value_id": (
        "een id bestaat uit kleine letters, cijfers en streepjes en begint met een letter, "
        "bijvoorbeeld 'id: veilige-haven' (nu: {found})"
    ),
    "value_scale_list": (
        "schrijf de antwoorden als lijst, bijvoorbeeld [Nooit, Soms, Vaak, Altijd]"
    ),
    "value_scale_size": "een schaal heeft 3 tot 7 antwoorden, niet {count}",
    "value_dimensions": (
        "schrijf de thema's als paren sleutel: naam, bijvoorbeeld {{steun: Steun}}"
    ),
    "value_dimension_label": "thema '{key}' heeft een naam nodig, bijvoorbeeld '{key}: Steun'",
    # Ids
    "id_twice_on_page": (
        "id '{id}' staat al bij het blok op regel {line}; geef elk blok een eigen id"
    ),
    "id_on_two_pages": "id '{id}' staat ook in {where}; geef elk blok een eigen id",
    # Vraag
    "quiz_no_question": (
        "de vraag ontbreekt; schrijf ze achter de streep: '/// quiz | Wat doe je eerst?'"
    ),
    "quiz_typos_without_gaps": "typos: geldt alleen voor velden ([[...]]); haal het hier weg",
    "quiz_options_and_gaps": (
        "een vraag heeft antwoorden of invulvelden in de vraag, niet allebei; "
        "maak er twee vragen van"
    ),
    "quiz_no_options": (
        "de vraag heeft geen antwoorden; voeg regels toe als '- [ ] antwoord' en "
        "'- [x] juist antwoord', of invulvelden als [[antwoord]] in de vraag"
    ),
    "quiz_no_right_option": (
        "geen antwoord is als juist aangeduid; zet [x] bij het juiste antwoord: '- [x] …'"
    ),
    "quiz_one_option": "een vraag heeft minstens twee antwoorden nodig",
    "quiz_gap_empty": (
        "invulveld '{gap}' heeft een leeg antwoord; schrijf het antwoord ertussen, "
        "bijvoorbeeld [[veilige haven|veilige plek]]"
    ),
    "quiz_option_after_explanation": (
        "dit antwoord staat na de uitleg; zet alle antwoorden bij elkaar, vóór de uitleg"
    ),
    "quiz_marker": (
        "een antwoord begint met '- [ ]' (fout) of '- [x]' (juist), niet met '[{found}]'"
    ),
    "quiz_marker_did_you_mean": (
        "een antwoord begint met '- [ ]' (fout) of '- [x]' (juist); bedoel je '{suggestion}'?"
    ),
    "quiz_gap_in_option": "invulvelden [[…]] horen in de vraag, niet in een antwoord",
    "quiz_option_no_text": "dit antwoord heeft geen tekst",
    "quiz_feedback_misplaced": (
        "feedback (een regel met '>') staat direct onder het antwoord, 4 spaties ingesprongen"
    ),
    "quiz_feedback_not_indented": (
        "feedback onder een antwoord springt 4 spaties in: '    > Je feedback'"
    ),
    "quiz_feedback_after_blank": (
        "feedback volgt direct op het antwoord, zonder lege regel ertussen"
    ),
    # Reflectie
    "reflection_no_prompt": (
        "de reflectievraag ontbreekt; schrijf ze achter de streep: '/// reflection | Wat …?'"
    ),
    # Teamscan
    "teamscan_no_assessment": (
        "noem de zelftest die je samenvoegt: '/// teamscan | veilige-haven'"
    ),
    "teamscan_unknown": "geen zelftest heeft de id '{id}'; bestaande ids: {known}",
    "teamscan_unknown_did_you_mean": (
        "geen zelftest heeft de id '{id}'; bedoel je '{suggestion}'?"
    ),
    "teamscan_broken": "de zelftest '{id}' heeft fouten; herstel die eerst",
    "none": "geen",
    # Zelftest
    "assessment_no_title": "de zelftest heeft geen titel: '/// assessment | Titel'",
    "assessment_needs_option": "de zelftest heeft de optie '{name}' nodig, 4 spaties ingesprongen",
    "assessment_no_statements": (
        "de zelftest heeft geen uitspraken; voeg regels toe als '- [thema] uitspraak'"
    ),
    "assessment_statement": "een uitspraak ziet eruit als '- [thema] tekst'",
    "assessment_dimension_unknown": "onbekend thema '{name}'; de thema's zijn: {known}",
    "assessment_dimension_did_you_mean": "onbekend thema '{name}'; bedoel je '{suggestion}'?",
    "assessment_marker_unknown": (
        "onbekende aanduiding '{name}'; de enige aanduiding is 'omgekeerd' (of 'reverse')"
    ),
    "assessment_marker_did_you_mean": "onbekende aanduiding '{name}'; bedoel je '{suggestion}'?",
    "assessment_dimension_unused": (
        "thema '{name}' heeft geen uitspraken; voeg er een toe als '- [{name}] …' of haal het weg"
    ),
    "assessment_stray_text": (
        "tekst tussen of na de uitspraken hoort in een uitslagtekst of vóór de eerste uitspraak"
    ),
    "band_not_band": ("in een zelftest staan alleen blokken '//// band | 0-49', niet '{found}'"),
    "band_did_you_mean": (
        "in een zelftest staan alleen blokken '//// band | 0-49'; bedoel je '//// band'?"
    ),
    "band_no_bar": "zet een streep voor het bereik: '//// band | {found}'",
    "band_not_range": (
        "'{found}' is geen bereik; schrijf '0-49' of, voor één thema, 'openheid 0-49'"
    ),
    "band_outside": "bereik {low}-{high} ligt tussen 0 en 100, het laagste getal eerst",
    "band_team_twice": (
        "deze uitslagtekst heeft al een teamtekst (regel {first}); schrijf één alinea "
        "'**Team:**' per uitslagtekst"
    ),
    "band_team_empty": (
        "na '**Team:**' staat geen tekst; schrijf wat deze score voor een team betekent, "
        "of haal de regel weg"
    ),
    "band_team_did_you_mean": (
        "een teamtekst begint met '**Team:**' (de dubbele punt binnen de sterretjes); "
        "bedoel je '**Team:**' in plaats van '{found}'?"
    ),
    "band_unknown_dimension": "uitslagtekst voor onbekend thema '{name}'",
    "bands_all": "de uitslagteksten",
    "bands_of": "de uitslagteksten voor '{name}'",
    "bands_gap": "{bands} laten {low}-{high} open; elk percentage heeft een uitslagtekst nodig",
    "bands_overlap": "{bands} overlappen: {low}-{high} begint binnen het bereik ervoor",
    "bands_stop": "{bands} stoppen bij {high}; de laatste moet tot 100 lopen",
}

WIDGETS = message_table("widgets", en=EN, nl=NL)
TABLES: dict[str, dict[str, str]] = WIDGETS.tables


def table_for(language: str | None) -> dict[str, str]:
    """The message table of ``language`` (``nl``, ``nl-BE``, …); English otherwise."""
    return TABLES.get(language_code(language), EN)


@dataclass(frozen=True)
class Reporter:
    """Writes problems of one source file in one language.

    ``reporter.problem(12, "quiz_one_option")`` is the Problem ``path:12: <message>``;
    keyword arguments fill the message's placeholders.
    """

    path: str
    language: str = "en"

    def text(self, key: str, /, **values: Any) -> str:
        """The message ``key`` in this reporter's language, filled in.

        A key leerpad's tables lack may come from a widget kind's own ``TEXT`` (a kind
        from another package names itself: ``what_note``).
        """
        table = table_for(self.language)
        template = table[key] if key in table else _kind_text(key, self.language)
        return template.format(**values)

    def problem(self, line: int, key: str, /, **values: Any) -> Problem:
        """A Problem at ``line`` of this reporter's file."""
        return Problem(self.path, line, self.text(key, **values))


class Invalid(ValueError):
    """An option value that cannot be used: message key and placeholder values."""

    def __init__(self, key: str, /, **values: Any) -> None:
        super().__init__(key)
        self.key = key
        self.values = values


def _kind_text(key: str, language: str) -> str:
    """``key`` in a widget kind's own text (KeyError if no kind has it)."""
    from ..widgets.registry import kinds  # the kinds' modules import this one

    for block in kinds().values():
        texts = block.TEXT.get(language) or block.TEXT.get("en") or {}
        if key in texts:
            return texts[key]
    raise KeyError(key)
