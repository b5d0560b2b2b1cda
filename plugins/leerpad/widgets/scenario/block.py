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
from .source import OPTIONS, Choice, ScenarioSpec, Step, parse_scenario
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
        """Title, intro, and the steps as a gamebook in reading order."""
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
        order = reading_order(spec.steps)
        gamebook = _Gamebook(self, widget_id, order, t)
        for step in order:
            gamebook.section(book, step)
        return root


def reading_order(steps: list[Step]) -> list[Step]:
    """``steps`` in the order a reader meets them: breadth first from the start.

    A reader of the gamebook (on screen without JavaScript, or on paper) goes from the
    start to the steps its choices lead to, then to theirs: numbered in that order, the
    next steps are near, and an end never comes before the steps that lead to it. Steps
    no choice reaches (the author was told) follow in the order written.
    """
    named: dict[str, Step] = {}
    for step in steps:
        named.setdefault(step.name, step)
    order: list[Step] = []
    seen: set[int] = set()
    todo = steps[:1]
    while todo:
        step = todo.pop(0)
        if id(step) in seen:
            continue
        seen.add(id(step))
        order.append(step)
        todo += [named[c.target] for c in step.choices if c.target in named]
    return order + [step for step in steps if id(step) not in seen]


class _Gamebook:
    """Writes the steps of one scenario as sections that link to each other.

    A choice with a reaction links to that reaction, which stands at the top of the step
    it leads to and shows only when it is the link's target (on paper, every reaction
    shows, led by the choice it answers): the reader sees the reaction to the choice
    they made, not one to every choice before choosing.
    """

    def __init__(
        self, block: ScenarioBlock, widget_id: str, order: list[Step], t: dict[str, str]
    ) -> None:
        self.md = block.md
        self.widget_id = widget_id
        self.t = t
        self.number = {step.name: index for index, step in enumerate(order, start=1)}
        self.start = f"#{widget_id}-{order[0].name}"
        self.incoming: dict[str, list[tuple[str, Choice]]] = {}
        for step in order:
            for index, choice in enumerate(step.choices, start=1):
                if _has_reaction(choice):
                    key = f"{step.name}.{index}"
                    self.incoming.setdefault(choice.target, []).append((key, choice))

    def reaction_id(self, key: str) -> str:
        """The id of a choice's reaction: ``<widget>-<step>.<n>``; names hold no dots."""
        return f"{self.widget_id}-{key}"

    def section(self, book: etree.Element, step: Step) -> None:
        """One step (or end) as a section of the gamebook."""
        t = self.t
        section = etree.SubElement(
            book,
            "div",
            {
                "class": "leerpad-scenario__step",
                "id": f"{self.widget_id}-{step.name}",
                "data-step": step.name,
            },
        )
        label = t["scenario_step"].format(number=self.number[step.name])
        text_element(section, "p", "leerpad-scenario__step-label", label)
        for key, choice in self.incoming.get(step.name, []):
            self.reaction(section, key, choice)
        if step.is_end:
            assert step.outcome
            word = t[f"scenario_outcome_{step.outcome}"]
            section.set("class", "leerpad-scenario__step leerpad-scenario__step--end")
            section.set("data-outcome", step.outcome)
            section.set("data-outcome-label", word)
            ending = t["scenario_end"].format(outcome=word)
            text_element(section, "p", "leerpad-scenario__end-label", ending)
        if any(line.strip() for line in step.text):
            text = etree.SubElement(section, "div", {"class": "leerpad-scenario__text"})
            markdown_into(self.md, text, "\n".join(step.text))
        if step.is_end:
            again = etree.SubElement(section, "p", {"class": "leerpad-scenario__again"})
            link = text_element(again, "a", "leerpad-scenario__again-link", t["scenario_again"])
            link.set("href", self.start)
            return
        self.choices(section, step)

    def reaction(self, section: etree.Element, key: str, choice: Choice) -> None:
        """The reaction to the choice ``key``, led by what the reader chose."""
        box = etree.SubElement(
            section,
            "div",
            {
                "class": "leerpad-scenario__reaction",
                "id": self.reaction_id(key),
                "data-choice": key,
                "data-name": self.t["scenario_feedback"],
            },
        )
        said = etree.SubElement(box, "p", {"class": "leerpad-scenario__chosen"})
        who = text_element(said, "span", "leerpad-scenario__who", self.t["scenario_you_chose"])
        who.tail = choice.text  # inline Markdown, as in the choice itself
        reply = etree.SubElement(box, "div", {"class": "leerpad-scenario__reply"})
        markdown_into(self.md, reply, "\n".join(choice.feedback))

    def choices(self, section: etree.Element, step: Step) -> None:
        """The choices of a step: links to their reaction or their next step."""
        choices = etree.SubElement(section, "ul", {"class": "leerpad-scenario__choices"})
        for index, choice in enumerate(step.choices, start=1):
            key = f"{step.name}.{index}"
            item = etree.SubElement(
                choices,
                "li",
                {
                    "class": "leerpad-scenario__choice",
                    "data-choice": key,
                    "data-target": choice.target,
                },
            )
            target = f"{self.widget_id}-{choice.target}"
            if _has_reaction(choice):
                target = self.reaction_id(key)
            link = etree.SubElement(item, "a", {"href": f"#{target}"})
            link.text = choice.text
            number = self.number.get(choice.target)
            if number is not None:
                # On paper the link is gone: the step's number says where to read on.
                link.tail = " "
                goto = self.t["scenario_goto"].format(number=number)
                text_element(item, "span", "leerpad-scenario__goto", goto)


def _has_reaction(choice: Choice) -> bool:
    """Whether the author wrote a reaction (feedback) under ``choice``."""
    return any(line.strip() for line in choice.feedback)
