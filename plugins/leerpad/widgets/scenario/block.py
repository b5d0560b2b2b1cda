"""The conversation simulation block: a gamebook in HTML, a chat with JavaScript.

Without JavaScript (and in print) every step is a section with its text and its choices
as links to the sections they lead to; an end says its outcome and links back to the
start. The scenario script builds the chat from these same elements (it clones them,
never HTML from strings): one step at a time, the transcript above, choices as buttons.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree
from typing import Any, ClassVar

from markdown.util import AtomicString

from ...markdown.blocks import WidgetBlock, markdown_into, text_element, unsearched
from ...markdown.spec import WidgetSpec
from .source import OPTIONS, ScenarioSpec, Step, parse_scenario
from .text import MESSAGES, TEXT


class ScenarioBlock(WidgetBlock):
    """``/// scenario | title``, with ``//// step`` and ``//// end`` blocks inside."""

    NAME = "scenario"
    PARSER = parse_scenario
    SOURCE_OPTIONS = OPTIONS
    ASSETS = ("leerpad-scenario.css", "leerpad-scenario.js")
    ASSET_PACKAGE = "leerpad.widgets.scenario"
    STORED: ClassVar[dict[str, Any] | None] = {
        "fields": {
            "path": "answers",
            "ended": "flag",
            "best": "text:10",
            "bestLabel": "text:100",
            "lastRun": "answers",
        },
        "required": ["path"],
        "sticky": ["ended"],
        "kept": ["best", "bestLabel", "lastRun"],
    }
    """``path``: the choices of the run on screen (``<step>.<n>``, n from 1), replayed on
    load; ``ended``: an end was ever reached; ``best``: the best outcome reached
    (``good``, ``fair``, ``poor``) and ``bestLabel`` its word on the site; ``lastRun``:
    the texts of the choices of the last run that reached an end."""
    PROGRESS = "scenarios"
    SUMMARY: ClassVar[dict[str, str] | None] = {
        "outcome": "bestLabel",
        "trail": "lastRun",
        "when": "ended",
    }
    DONE = "ended"
    COMPLETES_UNDER = ("quizzes", "quizzes-and-reflection")
    TEXT: ClassVar[dict[str, dict[str, str]]] = TEXT
    MESSAGES: ClassVar[dict[str, dict[str, str]]] = MESSAGES
    SNIPPETS: ClassVar[dict[str, dict[str, Any]]] = {
        "scenario": {
            "body": [
                "/// scenario | ${1:De derde keer bellen}",
                "    id: ${2:derde-keer-bellen}",
                "",
                "//// step | start",
                '${3:**Klant:** "Dit is al de derde keer dat ik bel!"}',
                "",
                "- [${4:Ik hoor dat u het zat bent. Wat is er gebeurd?}](#${5:luisteren})",
                "- [${6:Ik verbind u door met de boekhouding.}](#${7:doorverbinden})",
                "    > ${8:Doorverbinden zonder te luisteren voelt als afschuiven.}",
                "////",
                "",
                "//// end | ${5:luisteren} | goed",
                "${9:De klant vertelt rustig wat er misging.}",
                "////",
                "",
                "//// end | ${7:doorverbinden} | slecht",
                "${10:De klant hangt boos op.}",
                "////",
                "///",
            ],
            "description": "A conversation simulation: steps with choices as links, ends with "
            "an outcome",
        }
    }

    @classmethod
    def progress_entry(cls, widget_id: str, spec: WidgetSpec) -> dict[str, str]:
        """Listed with its title: the progress page names it with its best outcome."""
        assert isinstance(spec, ScenarioSpec)
        return {"id": widget_id, "title": spec.title}

    def render(self, parent: etree.Element, widget_id: str, spec: Any) -> etree.Element:
        """Title, intro, and the steps as a gamebook."""
        assert isinstance(spec, ScenarioSpec)
        t = self.strings()
        root = etree.SubElement(
            parent,
            "div",
            {
                "class": "leerpad-scenario",
                "id": widget_id,
                "data-leerpad-scenario": widget_id,
                "data-leerpad-version": spec.version,
            },
        )
        # "Gesprekssimulatie" above the title comes from the stylesheet.
        label = {"class": "leerpad-scenario__title", "data-leerpad-label": t["scenario_label"]}
        title = etree.SubElement(root, "p", label)
        title.text = spec.title  # inline Markdown in the title is welcome
        if any(line.strip() for line in spec.intro):
            intro = etree.SubElement(root, "div", {"class": "leerpad-scenario__intro"})
            markdown_into(self.md, intro, "\n".join(spec.intro))
        book = etree.SubElement(root, "div", {"class": "leerpad-scenario__book"})
        how = unsearched(book, "p", {"class": "leerpad-scenario__how"}, self.document)
        how.text = AtomicString(t["scenario_how"])
        start = f"#{widget_id}-{spec.steps[0].name}"
        number = 0
        for step in spec.steps:
            number += not step.is_end
            self._step(book, widget_id, step, number, start, t)
        return root

    def _step(
        self,
        book: etree.Element,
        widget_id: str,
        step: Step,
        number: int,
        start: str,
        t: dict[str, str],
    ) -> None:
        """One step (or end) as a section of the gamebook."""
        section = etree.SubElement(
            book,
            "div",
            {
                "class": "leerpad-scenario__step",
                "id": f"{widget_id}-{step.name}",
                "data-step": step.name,
            },
        )
        if step.is_end:
            assert step.outcome
            word = t[f"scenario_outcome_{step.outcome}"]
            section.set("class", "leerpad-scenario__step leerpad-scenario__step--end")
            section.set("data-outcome", step.outcome)
            section.set("data-outcome-label", word)
            label = t["scenario_end"].format(outcome=word)
        else:
            label = t["scenario_step"].format(number=number)
        text_element(section, "p", "leerpad-scenario__step-label", label)
        if any(line.strip() for line in step.text):
            text = etree.SubElement(section, "div", {"class": "leerpad-scenario__text"})
            markdown_into(self.md, text, "\n".join(step.text))
        if step.is_end:
            again = etree.SubElement(section, "p", {"class": "leerpad-scenario__again"})
            link = text_element(again, "a", "leerpad-scenario__again-link", t["scenario_again"])
            link.set("href", start)
            return
        choices = etree.SubElement(section, "ul", {"class": "leerpad-scenario__choices"})
        for index, choice in enumerate(step.choices, start=1):
            item = etree.SubElement(
                choices,
                "li",
                {
                    "class": "leerpad-scenario__choice",
                    "data-choice": f"{step.name}.{index}",
                    "data-target": choice.target,
                },
            )
            link = etree.SubElement(item, "a", {"href": f"#{widget_id}-{choice.target}"})
            link.text = choice.text
            if any(line.strip() for line in choice.feedback):
                details = etree.SubElement(item, "details", {"class": "leerpad-scenario__feedback"})
                summary = etree.SubElement(details, "summary")
                summary.text = AtomicString(t["scenario_feedback"])
                reply = etree.SubElement(details, "div", {"class": "leerpad-scenario__reply"})
                markdown_into(self.md, reply, "\n".join(choice.feedback))
