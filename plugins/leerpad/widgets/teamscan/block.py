"""The team scan block: combine anonymous result codes of one self-assessment.

Everything happens in the team leader's browser: codes are pasted (or arrive in the
URL fragment, which browsers never send to a server) and the script shows the team's
average, lowest and highest score per dimension, where the team is most divided, and
the band texts for the average.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree
from typing import Any, ClassVar

from markdown.util import AtomicString

from ...markdown.blocks import WidgetBlock, markdown_into, text_element, unsearched
from ...markdown.spec import Reference
from ..assessment.block import AssessmentBlock, render_bands, scoring_data
from ..assessment.source import AssessmentSpec
from .source import TeamScanSpec, parse_teamscan


class TeamScanBlock(WidgetBlock):
    """``/// teamscan | assessment-id``."""

    NAME = "teamscan"
    PARSER = parse_teamscan
    # It builds on the self-assessment's script and looks.
    ASSETS = ("leerpad-assessment.css", "leerpad-assessment.js", "leerpad-teamscan.js")
    ASSET_PACKAGE = "leerpad.widgets.teamscan"
    # It combines the results of the self-assessment it names; its page is the share link.
    REFERS_TO = Reference(
        kind="assessment",
        field="assessment",
        unknown="teamscan_unknown",
        did_you_mean="teamscan_unknown_did_you_mean",
        broken="teamscan_broken",
    )
    TEXT: ClassVar[dict[str, dict[str, str]]] = {
        "nl": {
            "teamscan_title": "Teamscan: {title}",
            "teamscan_nojs": "De teamscan rekent in je eigen browser en heeft daarvoor JavaScript "
            "nodig. Zet JavaScript aan om uitslagcodes samen te voegen.",
            "teamscan_paste": "Plak hier de uitslagcodes van je teamleden, één per regel.",
            "teamscan_combine": "Bekijk de teamuitslag",
        },
        "en": {
            "teamscan_title": "Team scan: {title}",
            "teamscan_nojs": "The team scan calculates in your own browser and needs JavaScript "
            "for that. Turn JavaScript on to combine result codes.",
            "teamscan_paste": "Paste your team members' result codes here, one per line.",
            "teamscan_combine": "Show the team result",
        },
    }
    MESSAGES: ClassVar[dict[str, dict[str, str]]] = {
        "nl": {
            "what_teamscan": "deze teamscan",
            "teamscan_no_assessment": "noem de zelftest die je samenvoegt: '/// teamscan | "
            "veilige-haven'",
            "teamscan_unknown": "geen zelftest heeft de id '{id}'; bestaande ids: {known}",
            "teamscan_unknown_did_you_mean": "geen zelftest heeft de id '{id}'; bedoel je "
            "'{suggestion}'?",
            "teamscan_broken": "de zelftest '{id}' heeft fouten; herstel die eerst",
        },
        "en": {
            "what_teamscan": "team scan",
            "teamscan_no_assessment": "name the self-assessment to combine: '/// teamscan | "
            "veilige-haven'",
            "teamscan_unknown": "no self-assessment has the id '{id}'; known ids: {known}",
            "teamscan_unknown_did_you_mean": "no self-assessment has the id '{id}'; did you mean "
            "'{suggestion}'?",
            "teamscan_broken": "the self-assessment '{id}' has problems; fix those first",
        },
    }
    SNIPPETS: ClassVar[dict[str, dict[str, Any]]] = {
        "teamscan": {
            "body": [
                "/// teamscan | ${1:id-van-de-zelftest}",
                "${2:Uitleg voor wie de teamscan leidt (mag weg).}",
                "///",
            ],
            "description": "A team scan: combines the team's result codes of a self-assessment",
        }
    }

    def strings(self) -> dict[str, str]:
        """Its own text and the self-assessment's: it shows that kind's bands and scale."""
        language = self.document.setting("language")
        borrowed = AssessmentBlock.TEXT.get(language) or AssessmentBlock.TEXT["en"]
        return {**borrowed, **super().strings()}

    def render(self, parent: etree.Element, widget_id: str, spec: Any) -> etree.Element:
        """Intro, the paste form, and hidden room for the report and the result."""
        assert isinstance(spec, TeamScanSpec)
        assessment = self.document.referred("assessment", spec.assessment)
        assert isinstance(assessment, AssessmentSpec)  # checked when the source was read
        t = self.strings()
        root = etree.SubElement(
            parent,
            "section",
            {
                "class": "leerpad-teamscan",
                "id": widget_id,
                "aria-labelledby": f"{widget_id}-title",
                "data-leerpad-teamscan": spec.assessment,
                **scoring_data(assessment),
                "data-leerpad-overall": t["assessment_overall"],
            },
        )
        title = etree.SubElement(
            root, "p", {"class": "leerpad-teamscan__title", "id": f"{widget_id}-title"}
        )
        title.text = AtomicString(t["teamscan_title"].format(title=assessment.title))
        if any(line.strip() for line in spec.intro):
            intro = etree.SubElement(root, "div", {"class": "leerpad-teamscan__intro"})
            markdown_into(self.md, intro, "\n".join(spec.intro))
        text_element(root, "p", "leerpad-teamscan__nojs", t["teamscan_nojs"])
        form = unsearched(
            root, "div", {"class": "leerpad-teamscan__form", "hidden": "hidden"}, self.document
        )
        text_element(
            form,
            "label",
            "leerpad-teamscan__label",
            t["teamscan_paste"],
            **{"for": f"{widget_id}-codes"},
        )
        etree.SubElement(
            form,
            "textarea",
            {
                "id": f"{widget_id}-codes",
                "class": "leerpad-teamscan__codes",
                "rows": "6",
                "spellcheck": "false",
                "autocomplete": "off",
            },
        ).text = AtomicString("")
        text_element(
            form,
            "button",
            "leerpad-button leerpad-button--primary",
            t["teamscan_combine"],
            type="button",
            **{"data-leerpad-combine": ""},
        )
        report = unsearched(
            root, "div", {"class": "leerpad-teamscan__report", "role": "status"}, self.document
        )
        report.text = AtomicString("")
        unsearched(
            root,
            "div",
            {"class": "leerpad-teamscan__result", "hidden": "hidden", "tabindex": "-1"},
            self.document,
        )
        bands = etree.SubElement(
            root, "div", {"class": "leerpad-teamscan__bands", "hidden": "hidden"}
        )
        render_bands(self.md, bands, assessment, t)
        return root
