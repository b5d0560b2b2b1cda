"""The quiz block: accessible HTML that works without JavaScript.

Without JavaScript the question and options read as a worksheet and a ``details``
element reveals the answer, the feedback per option and the explanation. leerpad.js
turns the same markup into an interactive quiz: it moves each feedback next to its
option and shows it after the learner checks.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as etree
from typing import Any

from markdown import Markdown
from markdown.util import AtomicString

from .blocks import WidgetBlock
from .quiz_source import _GAP, QuizSpec

# Material's search skips these: interface text and the answer key (which repeats the
# options) would only add noise to the index and time to the build.
_NOT_SEARCHED = {"data-search-exclude": ""}


class QuizBlock(WidgetBlock):
    """``/// quiz | question``."""

    NAME = "quiz"

    def render(self, parent: etree.Element, widget_id: str, spec: Any) -> etree.Element:
        """The quiz under ``parent``."""
        strings = self.strings()
        return QuizRenderer(self.md, spec, widget_id, strings, self.document.copies).render(parent)


class QuizRenderer:
    """Turns one checked quiz into elements."""

    def __init__(
        self,
        md: Markdown,
        spec: QuizSpec,
        quiz_id: str,
        strings: dict[str, str],
        copies: list[tuple[etree.Element, etree.Element]],
    ):
        self.md = md
        self.copies = copies
        self.labels: list[etree.Element] = []
        self.spec = spec
        self.id = quiz_id
        self.t = strings

    def render(self, parent: etree.Element) -> etree.Element:
        """The whole quiz under ``parent``."""
        spec = self.spec
        root = etree.SubElement(
            parent,
            "div",
            {
                "class": "leerpad-quiz",
                "id": self.id,
                "data-leerpad-quiz": self.id,
                "data-leerpad-version": spec.version,
                "data-leerpad-kind": spec.kind,
            },
        )
        if spec.options_set["shuffle"]:
            root.set("data-leerpad-shuffle", "")
        fieldset = etree.SubElement(root, "fieldset", {"class": "leerpad-quiz__fieldset"})
        self._question(fieldset)
        if spec.options:
            self._options(fieldset)
        if spec.options_set["hint"]:
            hint = etree.SubElement(fieldset, "details", {"class": "leerpad-quiz__hint"})
            etree.SubElement(hint, "summary").text = AtomicString(self.t["quiz_hint"])
            self._blocks(hint, str(spec.options_set["hint"]), "leerpad-quiz__hint-text")
        self._actions(fieldset)
        self._answer(root)
        return root

    def _question(self, fieldset: etree.Element) -> None:
        """Legend with the question (gaps become text fields), intro, instruction."""
        legend = etree.SubElement(fieldset, "legend", {"class": "leerpad-quiz__question"})
        label = etree.SubElement(legend, "span", {"class": "leerpad-quiz__label", **_NOT_SEARCHED})
        label.text = AtomicString(self.t["quiz_label"])
        label.tail = " "
        question = etree.SubElement(legend, "span", {"class": "leerpad-quiz__text"})
        question.text = _GAP.sub(self._gap_field(), self.spec.question)
        if any(line.strip() for line in self.spec.intro):
            self._blocks(fieldset, "\n".join(self.spec.intro), "leerpad-quiz__intro")
        instruction = etree.SubElement(
            fieldset, "p", {"class": "leerpad-quiz__instruction", **_NOT_SEARCHED}
        )
        instruction.text = AtomicString(self.t[f"quiz_{self.spec.kind}"])

    def _gap_field(self) -> Any:
        """A replacement function that stashes one text field per gap."""
        counter = iter(range(1, len(self.spec.gaps) + 1))

        def replace(_match: Any) -> str:
            number = next(counter)
            label = self.t["quiz_gap_field"].format(n=number)
            html = (
                f'<input type="text" class="leerpad-quiz__gap" id="{self.id}-g{number}" '
                f'data-leerpad-gap="{number}" aria-label="{label}" autocomplete="off" '
                f'autocapitalize="off" spellcheck="false" size="14">'
            )
            return self.md.htmlStash.store(html)

        return replace

    def _options(self, fieldset: etree.Element) -> None:
        """The options as radio buttons (one right answer) or checkboxes (several)."""
        kind = "checkbox" if self.spec.kind == "multiple" else "radio"
        options = etree.SubElement(fieldset, "ul", {"class": "leerpad-quiz__options"})
        for number, option in enumerate(self.spec.options, start=1):
            item = etree.SubElement(
                options,
                "li",
                {
                    "class": "leerpad-quiz__option",
                    "data-leerpad-option": str(number),
                },
            )
            input_id = f"{self.id}-o{number}"
            etree.SubElement(
                item,
                "input",
                {
                    "type": kind,
                    "id": input_id,
                    "name": self.id,
                    "value": str(number),
                },
            )
            label = etree.SubElement(item, "label", {"for": input_id})
            label.text = option.text
            self.labels.append(label)

    def _actions(self, fieldset: etree.Element) -> None:
        """Buttons and the live status line; hidden until the script takes over."""
        actions = etree.SubElement(
            fieldset,
            "div",
            {
                "class": "leerpad-quiz__actions",
                "hidden": "hidden",
                **_NOT_SEARCHED,
            },
        )
        for action, style in (("check", " leerpad-button--primary"), ("retry", ""), ("reveal", "")):
            button = etree.SubElement(
                actions,
                "button",
                {"type": "button", "class": f"leerpad-button{style}", f"data-leerpad-{action}": ""},
            )
            button.text = AtomicString(self.t[f"quiz_{action}"])
            if action != "check":
                button.set("hidden", "hidden")
        etree.SubElement(
            fieldset,
            "p",
            {
                "class": "leerpad-quiz__status",
                "role": "status",
                "aria-live": "polite",
            },
        )

    def _answer(self, root: etree.Element) -> None:
        """The answer key: right and wrong per option with feedback, then the explanation."""
        details = etree.SubElement(root, "details", {"class": "leerpad-quiz__answer"})
        etree.SubElement(details, "summary").text = AtomicString(self.t["quiz_answer"])
        key = etree.SubElement(details, "ul", {"class": "leerpad-quiz__key", **_NOT_SEARCHED})
        for number, option in enumerate(self.spec.options, start=1):
            verdict = "right" if option.correct else "wrong"
            item = etree.SubElement(
                key,
                "li",
                {
                    "class": f"leerpad-quiz__key-item leerpad-quiz__key-item--{verdict}",
                    "data-leerpad-key": str(number),
                    "data-correct": "true" if option.correct else "false",
                },
            )
            mark = etree.SubElement(item, "strong", {"class": "leerpad-quiz__verdict"})
            mark.text = AtomicString(self.t[f"quiz_{verdict}"] + ":")
            mark.tail = " "
            # The option's text, copied from its label once inline Markdown is done:
            # parsing it twice made quiz pages markedly slower to build.
            copy = etree.SubElement(item, "span", {"class": "leerpad-quiz__key-text"})
            self.copies.append((self.labels[number - 1], copy))
            if any(line.strip() for line in option.feedback):
                self._blocks(item, "\n".join(option.feedback), "leerpad-quiz__feedback")
        for number, answers in enumerate(self.spec.gaps, start=1):
            item = etree.SubElement(
                key,
                "li",
                {
                    "class": "leerpad-quiz__key-item",
                    "data-leerpad-key": str(number),
                    "data-answers": json.dumps(answers, ensure_ascii=False),
                },
            )
            item.text = AtomicString(
                self.t["quiz_gap_answer"].format(n=number, answers=self.t["quiz_or"].join(answers))
            )
        if any(line.strip() for line in self.spec.explanation):
            self._blocks(details, "\n".join(self.spec.explanation), "leerpad-quiz__explanation")

    def _blocks(self, parent: etree.Element, markdown: str, css_class: str) -> None:
        """Parse ``markdown`` as blocks into a new ``div`` under ``parent``."""
        container = etree.SubElement(parent, "div", {"class": css_class})
        self.md.parser.parseChunk(container, markdown.strip("\n"))
