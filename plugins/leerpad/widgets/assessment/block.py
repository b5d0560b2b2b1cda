"""The self-assessment block: a questionnaire that also works on paper.

Every statement is a radio group over the scale. Without JavaScript, a details element
explains how to score it by hand and lists every band's text. leerpad.js scores it
(the only place the scoring rules live), draws the chart and picks the bands.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as etree
from typing import Any, ClassVar

from markdown import Markdown
from markdown.util import AtomicString

from ...markdown.blocks import WidgetBlock, markdown_into, text_element, unsearched
from ...markdown.spec import WidgetSpec
from .band_team import split_team
from .source import OPTIONS, AssessmentSpec, parse_assessment


class AssessmentBlock(WidgetBlock):
    """``/// assessment | title``."""

    NAME = "assessment"
    PARSER = parse_assessment
    SOURCE_OPTIONS = OPTIONS
    ASSETS = ("leerpad-assessment.js", "leerpad-assessment.css")
    ASSET_PACKAGE = "leerpad.widgets.assessment"
    STORED: ClassVar[dict[str, Any] | None] = {
        "fields": {"answers": "scaleAnswers", "complete": "flag", "overall": "percentage"},
        "required": ["answers"],
    }
    PROGRESS = "assessments"
    SUMMARY: ClassVar[dict[str, str] | None] = {"score": "overall", "when": "complete"}
    TEXT: ClassVar[dict[str, dict[str, str]]] = {
        "nl": {
            "assessment_label": "Zelftest",
            "assessment_instruction": "Kies bij elke uitspraak wat het best bij jou past. Er zijn "
            "geen goede of foute antwoorden.",
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
            "assessment_progress": "{title}{colon}{score}% in totaal",
            "assessment_open": "{count:de zelftest|# zelftests} invullen",
            "assessment_count": "{count:# zelftest|# zelftests}",
        },
        "en": {
            "assessment_label": "Self-assessment",
            "assessment_instruction": "For each statement, choose what fits you best. There are "
            "no right or wrong answers.",
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
            "assessment_progress": "{title}{colon}{score}% overall",
            "assessment_open": "{count:the self-assessment|# self-assessments} to fill in",
            "assessment_count": "{count:# self-assessment|# self-assessments}",
        },
    }
    DONE = "complete"
    COMPLETES_UNDER = ("quizzes", "quizzes-and-reflection")
    MESSAGES: ClassVar[dict[str, dict[str, str]]] = {
        "nl": {
            "what_assessment": "deze zelftest",
            "what_band": "deze uitslagtekst",
            "assessment_no_title": "de zelftest heeft geen titel: '/// assessment | Titel'",
            "assessment_needs_option": "de zelftest heeft de optie '{name}' nodig, 4 spaties "
            "ingesprongen",
            "assessment_no_statements": "de zelftest heeft geen uitspraken; voeg regels toe als "
            "'- [thema] uitspraak'",
            "assessment_statement": "een uitspraak ziet eruit als '- [thema] tekst'",
            "assessment_dimension_unknown": "onbekend thema '{name}'; de thema's zijn: {known}",
            "assessment_dimension_did_you_mean": "onbekend thema '{name}'; bedoel je "
            "'{suggestion}'?",
            "assessment_marker_unknown": "onbekende aanduiding '{name}'; de enige aanduiding is "
            "'omgekeerd' (of 'reverse')",
            "assessment_marker_did_you_mean": "onbekende aanduiding '{name}'; bedoel je "
            "'{suggestion}'?",
            "assessment_dimension_unused": "thema '{name}' heeft geen uitspraken; voeg er een toe "
            "als '- [{name}] …' of haal het weg",
            "assessment_stray_text": "tekst tussen of na de uitspraken hoort in een uitslagtekst "
            "of vóór de eerste uitspraak",
            "band_not_band": "in een zelftest staan alleen blokken '//// band | 0-49', niet "
            "'{found}'",
            "band_did_you_mean": "in een zelftest staan alleen blokken '//// band | 0-49'; bedoel "
            "je '//// band'?",
            "band_no_bar": "zet een streep voor het bereik: '//// band | {found}'",
            "band_not_range": "'{found}' is geen bereik; schrijf '0-49' of, voor één thema, "
            "'openheid 0-49'",
            "band_outside": "bereik {low}-{high} ligt tussen 0 en 100, het laagste getal eerst",
            "band_team_twice": "deze uitslagtekst heeft al een teamtekst (regel {first}); schrijf "
            "één alinea '**Team:**' per uitslagtekst",
            "band_team_empty": "na '**Team:**' staat geen tekst; schrijf wat deze score voor een "
            "team betekent, of haal de regel weg",
            "band_team_did_you_mean": "een teamtekst begint met '**Team:**' (de dubbele punt "
            "binnen de sterretjes); bedoel je '**Team:**' in plaats van '{found}'?",
            "band_unknown_dimension": "uitslagtekst voor onbekend thema '{name}'",
            "bands_all": "de uitslagteksten",
            "bands_of": "de uitslagteksten voor '{name}'",
            "bands_gap": "{bands} laten {low}-{high} open; elk percentage heeft een uitslagtekst "
            "nodig",
            "bands_overlap": "{bands} overlappen: {low}-{high} begint binnen het bereik ervoor",
            "bands_stop": "{bands} stoppen bij {high}; de laatste moet tot 100 lopen",
        },
        "en": {
            "what_assessment": "assessment",
            "what_band": "band",
            "assessment_no_title": "the assessment has no title: '/// assessment | Titel'",
            "assessment_needs_option": "the assessment needs the option '{name}', indented 4 "
            "spaces",
            "assessment_no_statements": "the assessment has no statements; add lines like '- "
            "[dimension] statement'",
            "assessment_statement": "a statement looks like '- [dimension] text'",
            "assessment_dimension_unknown": "unknown dimension '{name}'; the dimensions are: "
            "{known}",
            "assessment_dimension_did_you_mean": "unknown dimension '{name}'; did you mean "
            "'{suggestion}'?",
            "assessment_marker_unknown": "unknown marker '{name}'; the only marker is 'omgekeerd' "
            "(or 'reverse')",
            "assessment_marker_did_you_mean": "unknown marker '{name}'; did you mean "
            "'{suggestion}'?",
            "assessment_dimension_unused": "dimension '{name}' has no statements; add one like '- "
            "[{name}] …' or remove it",
            "assessment_stray_text": "text between or after the statements belongs in a band or "
            "before the first statement",
            "band_not_band": "only '//// band | 0-49' blocks can stand inside an assessment, not "
            "'{found}'",
            "band_did_you_mean": "only '//// band | 0-49' blocks can stand inside an assessment; "
            "did you mean '//// band'?",
            "band_no_bar": "write a bar before the range: '//// band | {found}'",
            "band_not_range": "'{found}' is not a range; write it as '0-49' or, for one "
            "dimension, 'openheid 0-49'",
            "band_outside": "band {low}-{high} must lie within 0-100, the lower number first",
            "band_team_twice": "this band already has a team text (line {first}); write one "
            "'**Team:**' paragraph per band",
            "band_team_empty": "'**Team:**' has no text after it; write what this score means for "
            "a team, or remove the line",
            "band_team_did_you_mean": "a team text starts with '**Team:**' (the colon inside the "
            "stars); did you mean '**Team:**' instead of '{found}'?",
            "band_unknown_dimension": "band for unknown dimension '{name}'",
            "bands_all": "the bands",
            "bands_of": "the bands for '{name}'",
            "bands_gap": "{bands} leave {low}-{high} uncovered; every percentage needs a band",
            "bands_overlap": "{bands} overlap: {low}-{high} starts inside the band before it",
            "bands_stop": "{bands} stop at {high}; the last band must end at 100",
        },
    }
    SNIPPETS: ClassVar[dict[str, dict[str, Any]]] = {
        "assessment": {
            "body": [
                "/// assessment | ${1:Titel van de zelftest}",
                "    scale: [Nooit, Zelden, Soms, Vaak, Altijd]",
                "    dimensions: {${2:steun}: ${3:Steun}}",
                "",
                "- [${2:steun}] ${4:Een uitspraak.}",
                "- [${2:steun}, omgekeerd] ${5:Een uitspraak die omgekeerd telt.}",
                "",
                "//// band | 0-49",
                "${6:Tekst bij een lage score.}",
                "////",
                "//// band | 50-100",
                "${7:Tekst bij een hoge score.}",
                "////",
                "///",
            ],
            "description": "A self-assessment scored per dimension",
        }
    }

    @classmethod
    def progress_entry(cls, widget_id: str, spec: WidgetSpec) -> dict[str, str]:
        """Listed with its title, which the progress page shows with the learner's score."""
        assert isinstance(spec, AssessmentSpec)
        return {"id": widget_id, "title": spec.title}

    def render(self, parent: etree.Element, widget_id: str, spec: Any) -> etree.Element:
        """The questionnaire, its (hidden) result area and the paper scoring key."""
        assert isinstance(spec, AssessmentSpec)
        return _Renderer(self, widget_id, spec).render(parent)


class _Renderer:
    def __init__(self, block: AssessmentBlock, widget_id: str, spec: AssessmentSpec) -> None:
        self.md = block.md
        self.document = block.document
        self.t = block.strings()
        self.id = widget_id
        self.spec = spec

    def render(self, parent: etree.Element) -> etree.Element:
        """The whole assessment under ``parent``."""
        spec = self.spec
        root = etree.SubElement(
            parent,
            "section",
            {
                "class": "leerpad-assessment",
                "id": self.id,
                "aria-labelledby": f"{self.id}-title",
                "data-leerpad-assessment": self.id,
                "data-leerpad-version": spec.version,
                "data-leerpad-dimensions": json.dumps(spec.dimensions, ensure_ascii=False),
                "data-leerpad-overall": self.t["assessment_overall"],
            },
        )
        # "Zelftest" above the title comes from the stylesheet (data-leerpad-label).
        title = etree.SubElement(
            root,
            "p",
            {
                "class": "leerpad-assessment__title",
                "id": f"{self.id}-title",
                "data-leerpad-label": self.t["assessment_label"],
            },
        )
        title.text = spec.title
        if any(line.strip() for line in spec.intro):
            intro = etree.SubElement(root, "div", {"class": "leerpad-assessment__intro"})
            markdown_into(self.md, intro, "\n".join(spec.intro))
        instruction = unsearched(
            root, "p", {"class": "leerpad-assessment__instruction"}, self.document
        )
        instruction.text = AtomicString(self.t["assessment_instruction"])
        self._items(root)
        actions = unsearched(
            root, "div", {"class": "leerpad-assessment__actions", "hidden": "hidden"}, self.document
        )
        text_element(actions, "p", "leerpad-assessment__progress", "", role="status")
        text_element(
            actions,
            "button",
            "leerpad-button leerpad-button--primary",
            self.t["assessment_result"],
            type="button",
            **{"data-leerpad-result": ""},
        )
        text_element(
            actions,
            "button",
            "leerpad-button",
            self.t["assessment_reset"],
            type="button",
            **{"data-leerpad-reset": ""},
        )
        unsearched(
            root,
            "div",
            {"class": "leerpad-assessment__result", "hidden": "hidden", "tabindex": "-1"},
            self.document,
        )
        self._scoring(root)
        return root

    def _items(self, root: etree.Element) -> None:
        """One fieldset per statement, a radio button per scale label."""
        items = etree.SubElement(root, "ol", {"class": "leerpad-assessment__items"})
        for number, item in enumerate(self.spec.items, start=1):
            entry = etree.SubElement(
                items,
                "li",
                {
                    "class": "leerpad-assessment__item",
                    "data-dimension": item.dimension,
                    **({"data-reverse": ""} if item.reverse else {}),
                },
            )
            fieldset = etree.SubElement(entry, "fieldset")
            legend = etree.SubElement(fieldset, "legend")
            legend.text = f"{number}. {item.text}"
            scale = unsearched(
                fieldset, "div", {"class": "leerpad-assessment__scale"}, self.document
            )
            for value, label in enumerate(self.spec.scale):
                option = etree.SubElement(scale, "label")
                answer = etree.SubElement(
                    option,
                    "input",
                    {
                        "type": "radio",
                        "name": f"{self.id}-{number}",
                        "value": str(value),
                    },
                )
                answer.tail = AtomicString(label)

    def _scoring(self, root: etree.Element) -> None:
        """How to score by hand, and every band's text (the script picks from these)."""
        t, spec = self.t, self.spec
        details = etree.SubElement(root, "details", {"class": "leerpad-assessment__scoring"})
        text_element(details, "summary", "", t["assessment_scoring"])
        top = len(spec.scale) - 1
        points = ", ".join(f"{label} = {value}" for value, label in enumerate(spec.scale))
        text_element(details, "p", "", t["assessment_points"].format(points=points))
        reverse = [n for n, item in enumerate(spec.items, start=1) if item.reverse]
        if reverse:
            reversed_points = ", ".join(
                f"{label} = {top - value}" for value, label in enumerate(spec.scale)
            )
            text_element(
                details,
                "p",
                "",
                t["assessment_reverse"].format(
                    numbers=self._numbers(reverse), points=reversed_points
                ),
            )
        dimensions = etree.SubElement(details, "ul")
        for key, label in spec.dimensions.items():
            numbers = [n for n, item in enumerate(spec.items, start=1) if item.dimension == key]
            text_element(
                dimensions,
                "li",
                "",
                t["assessment_dimension"].format(
                    label=label, numbers=self._numbers(numbers), max=len(numbers) * top
                ),
            )
        text_element(details, "p", "", t["assessment_percent"].format(max=len(spec.items) * top))
        text_element(details, "p", "leerpad-assessment__bands-title", t["assessment_bands"])
        render_bands(self.md, details, spec, self.t)

    def _numbers(self, numbers: list[int]) -> str:
        """``1, 4 en 7``."""
        words = [str(n) for n in numbers]
        if len(words) < 2:
            return "".join(words)
        return ", ".join(words[:-1]) + self.t["assessment_and"] + words[-1]


def render_bands(
    md: Markdown, parent: etree.Element, spec: AssessmentSpec, strings: dict[str, str]
) -> None:
    """Every band: its range (and dimension) as a label, then its Markdown text.

    The script picks the matching ones from these for a result, so they are rendered
    once, by the build, and never assembled from strings in the browser.
    """
    for band in sorted(spec.bands, key=lambda b: (b.dimension or "", b.low)):
        element = etree.SubElement(
            parent,
            "div",
            {
                "class": "leerpad-assessment__band",
                "data-dimension": band.dimension or "",
                "data-low": str(band.low),
                "data-high": str(band.high),
            },
        )
        name = spec.dimensions.get(band.dimension or "", strings["assessment_overall"])
        scope = strings["assessment_range"].format(low=band.low, high=band.high)
        label = etree.SubElement(element, "p", {"class": "leerpad-assessment__band-range"})
        label.text = AtomicString(f"{name}, {scope}")
        learner, team = split_team(band.body)
        body = etree.SubElement(element, "div", {"class": "leerpad-assessment__band-text"})
        markdown_into(md, body, "\n".join(learner))
        if team is not None:  # shown by the team scan only (leerpad-teamscan.js)
            attributes = {"class": "leerpad-assessment__band-team", "hidden": "hidden"}
            markdown_into(md, etree.SubElement(element, "div", attributes), "\n".join(team))


def scoring_data(spec: AssessmentSpec) -> dict[str, str]:
    """What the script needs to score answers to ``spec``, as data- attributes."""
    return {
        "data-leerpad-version": spec.version,
        "data-leerpad-dimensions": json.dumps(spec.dimensions, ensure_ascii=False),
        "data-leerpad-items": json.dumps(
            [[item.dimension, int(item.reverse)] for item in spec.items], ensure_ascii=False
        ),
        "data-leerpad-top": str(len(spec.scale) - 1),
    }
