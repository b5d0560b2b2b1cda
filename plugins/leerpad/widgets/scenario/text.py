"""The conversation simulation's own words: interface text and messages to authors.

``TEXT`` is what learners read (the block's ``TEXT``), ``MESSAGES`` what authors read
(the block's ``MESSAGES``); leerpad's shared tables stay free of both.
"""

from __future__ import annotations

NL: dict[str, str] = {
    "scenario_label": "Gesprekssimulatie",
    "scenario_how": (
        "Lees elke stap en kies wat jij zou zeggen: elke keuze is een link naar wat er "
        "daarna gebeurt."
    ),
    "scenario_step": "Stap {number}",
    "scenario_end": "Einde · afloop: {outcome}",
    "scenario_feedback": "Reactie op deze keuze",
    "scenario_you_chose": "Je koos: ",
    "scenario_goto": "(naar stap {number})",
    "scenario_again": "Opnieuw beginnen",
    "scenario_outcome_good": "goed",
    "scenario_outcome_fair": "matig",
    "scenario_outcome_poor": "slecht",
    "scenario_progress": "{title}{colon}beste afloop {outcome}; laatste keer: {trail}",
    "scenario_open": "{count:# gesprekssimulatie|# gesprekssimulaties} tot een einde spelen",
    "scenario_count": "{count:# gesprekssimulatie|# gesprekssimulaties}",
}

NL_MESSAGES: dict[str, str] = {
    "what_scenario": "deze gesprekssimulatie",
    "scenario_what_step": "stap '{name}'",
    "scenario_no_title": (
        "de gesprekssimulatie heeft geen titel; schrijf die achter de streep: "
        "'/// scenario | De derde keer bellen'"
    ),
    "scenario_stray_text": (
        "tekst tussen de stappen hoort in een stap ('//// step | naam' … '////') "
        "of vóór de eerste stap"
    ),
    "scenario_block_unknown": (
        "in een gesprekssimulatie staan alleen blokken '//// step | naam' en "
        "'//// end | naam | goed', niet '{found}'"
    ),
    "scenario_block_did_you_mean": (
        "onbekend blok '{found}' in een gesprekssimulatie; bedoel je '//// {kind}'?"
    ),
    "scenario_no_name": (
        "dit blok heeft geen naam; schrijf die achter de streep: '//// {kind} | luisteren'"
    ),
    "scenario_name_invalid": (
        "de naam '{name}' mag alleen kleine letters, cijfers en streepjes hebben, "
        "bijvoorbeeld 'derde-keer'"
    ),
    "scenario_step_with_outcome": (
        "stap '{name}' heeft een afloop; een einde schrijf je als '//// end | {name} | {outcome}'"
    ),
    "scenario_end_outcome": (
        "einde '{name}' heeft een afloop nodig na een tweede streep: goed, matig of "
        "slecht (nu: '{found}')"
    ),
    "scenario_feedback_misplaced": (
        "feedback (een ingesprongen regel met '>') staat direct onder de keuze waar ze bij hoort"
    ),
    "scenario_text_after_choices": (
        "tekst na de keuzes ziet de deelnemer pas na het kiezen; zet de tekst van "
        "de stap boven de keuzes"
    ),
    "scenario_two_lists": (
        "twee lijsten met keuzes in stap '{name}': na de lege regel begint een tweede lijst; "
        "horen ze bij deze stap, haal dan de lege regel weg; horen ze bij een volgende stap, "
        "sluit deze dan met '////' en open die met '//// step | naam'"
    ),
    "scenario_end_with_choice": (
        "einde '{name}' heeft een keuze; een einde sluit het gesprek af, maak er "
        "een stap van: '//// step | {name}'"
    ),
    "scenario_choice_twice": (
        "deze keuze staat al op regel {first}; de deelnemer kan de twee niet uit elkaar "
        "houden: schrijf ze anders of haal er een weg"
    ),
    "scenario_name_twice": (
        "de naam '{name}' staat al op regel {first}; geef elke stap en elk einde een eigen naam"
    ),
    "scenario_no_steps": (
        "de gesprekssimulatie heeft geen stappen; voeg blokken '//// step | start' … '////' toe"
    ),
    "scenario_no_ends": (
        "het gesprek heeft geen einde; voeg minstens één blok '//// end | naam | goed' toe"
    ),
    "scenario_target_unknown": "geen stap of einde heet '{name}'; de namen zijn: {known}",
    "scenario_target_did_you_mean": (
        "geen stap of einde heet '{name}'; bedoel je '#{suggestion}'?"
    ),
    "scenario_starts_with_end": (
        "het gesprek begint met einde '{name}'; de eerste stap is het begin, "
        "zet dus een stap bovenaan"
    ),
    "scenario_unreachable": (
        "geen keuze leidt naar '{name}'; verwijs ernaar met '- [tekst](#{name})' of haal het weg"
    ),
    "scenario_step_no_choices": (
        "stap '{name}' heeft geen keuzes; voeg regels toe als "
        "'- [antwoord](#volgende-stap)', of maak er een einde van"
    ),
    "scenario_no_way_out": (
        "vanuit stap '{name}' leidt geen pad naar een einde, dus het gesprek blijft "
        "rondgaan; laat minstens één keuze naar een einde leiden"
    ),
}

EN: dict[str, str] = {
    "scenario_label": "Conversation simulation",
    "scenario_how": (
        "Read each step and choose what you would say: each choice links to what happens next."
    ),
    "scenario_step": "Step {number}",
    "scenario_end": "End · outcome: {outcome}",
    "scenario_feedback": "Response to this choice",
    "scenario_you_chose": "You chose: ",
    "scenario_goto": "(to step {number})",
    "scenario_again": "Start again",
    "scenario_outcome_good": "good",
    "scenario_outcome_fair": "fair",
    "scenario_outcome_poor": "poor",
    "scenario_progress": "{title}{colon}best outcome {outcome}; last time: {trail}",
    "scenario_open": (
        "{count:# conversation simulation|# conversation simulations} to play to an end"
    ),
    "scenario_count": "{count:# conversation simulation|# conversation simulations}",
}

EN_MESSAGES: dict[str, str] = {
    "what_scenario": "conversation simulation",
    "scenario_what_step": "step '{name}'",
    "scenario_no_title": (
        "the conversation simulation has no title; write it after the bar: "
        "'/// scenario | The third call'"
    ),
    "scenario_stray_text": (
        "text between the steps belongs inside a step ('//// step | name' … '////') "
        "or before the first step"
    ),
    "scenario_block_unknown": (
        "only '//// step | name' and '//// end | name | good' blocks can stand inside a "
        "conversation simulation, not '{found}'"
    ),
    "scenario_block_did_you_mean": (
        "unknown block '{found}' in a conversation simulation; did you mean '//// {kind}'?"
    ),
    "scenario_no_name": ("this block has no name; write it after the bar: '//// {kind} | listen'"),
    "scenario_name_invalid": (
        "the name '{name}' may hold only lowercase letters, digits and hyphens, e.g. 'third-call'"
    ),
    "scenario_step_with_outcome": (
        "step '{name}' has an outcome; an end is written '//// end | {name} | {outcome}'"
    ),
    "scenario_end_outcome": (
        "end '{name}' needs an outcome after a second bar: good, fair or poor (found '{found}')"
    ),
    "scenario_feedback_misplaced": (
        "feedback (an indented '>' line) must stand directly under its choice"
    ),
    "scenario_text_after_choices": (
        "text after the choices is only seen after choosing; put the step's text above its choices"
    ),
    "scenario_two_lists": (
        "two lists of choices in step '{name}': a second list starts after the empty line; "
        "if they belong to this step, remove the empty line; if they belong to a next step, "
        "close this one with '////' and open that one with '//// step | name'"
    ),
    "scenario_end_with_choice": (
        "end '{name}' has a choice; an end closes the conversation, so make it a step: "
        "'//// step | {name}'"
    ),
    "scenario_choice_twice": (
        "this choice is already listed on line {first}; learners cannot tell the two apart: "
        "word it differently or remove one"
    ),
    "scenario_name_twice": (
        "the name '{name}' is already used on line {first}; give each step and end its own name"
    ),
    "scenario_no_steps": (
        "the conversation simulation has no steps; add '//// step | start' … '////' blocks"
    ),
    "scenario_no_ends": (
        "the conversation never ends; add at least one '//// end | name | good' block"
    ),
    "scenario_target_unknown": "no step or end is called '{name}'; the names are: {known}",
    "scenario_target_did_you_mean": (
        "no step or end is called '{name}'; did you mean '#{suggestion}'?"
    ),
    "scenario_starts_with_end": (
        "the conversation starts with end '{name}'; the first step is where it starts, "
        "so put a step first"
    ),
    "scenario_unreachable": (
        "no choice leads to '{name}'; link to it with '- [text](#{name})' or remove it"
    ),
    "scenario_step_no_choices": (
        "step '{name}' has no choices; add lines like '- [answer](#next-step)', or make it an end"
    ),
    "scenario_no_way_out": (
        "from step '{name}' no path leads to an end, so the conversation goes round "
        "for ever; let at least one choice lead to an end"
    ),
}

TEXT: dict[str, dict[str, str]] = {"nl": NL, "en": EN}
"""The block's ``TEXT``: per language, what learners read."""

MESSAGES: dict[str, dict[str, str]] = {"nl": NL_MESSAGES, "en": EN_MESSAGES}
"""The block's ``MESSAGES``: per language, what authors read."""
