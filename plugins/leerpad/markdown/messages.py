"""What the widgets tell authors about their mistakes: one table per language.

These tables hold what every kind shares (blocks left open, options, ids); a widget kind's
own messages are in its ``MESSAGES`` (``all_messages`` gives both).

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
    # An empty list, in messages that list what exists
    "none": "none",
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
    # Een lege lijst, in meldingen die opsommen wat er is
    "none": "geen",
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

        Keys these tables lack are a widget kind's own, in its ``MESSAGES`` (every kind
        names itself there: ``what_quiz``).
        """
        table = table_for(self.language)
        template = table[key] if key in table else _kind_message(key, self.language)
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


def kind_messages(language: str | None) -> dict[str, str]:
    """Every widget kind's own messages (``WidgetBlock.MESSAGES``) in ``language``, else English."""
    from ..widgets.registry import kinds  # the kinds' modules import this one

    found: dict[str, str] = {}
    for block in kinds().values():
        found.update(block.MESSAGES.get(language_code(language)) or block.MESSAGES.get("en") or {})
    return found


def all_messages(language: str | None) -> dict[str, str]:
    """Every message an author may see from the widgets in ``language``: shared and kinds'."""
    return {**table_for(language), **kind_messages(language)}


def _kind_message(key: str, language: str) -> str:
    """``key`` among the kinds' own messages (KeyError if no kind has it)."""
    return kind_messages(language)[key]
