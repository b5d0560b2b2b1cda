"""The reflection block: a prompt and a text area whose text stays in the learner's browser.

Without JavaScript the prompt and guiding text still read well; the learner can write,
and a note says that the text is not kept. leerpad.js saves as the learner types.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree
from typing import Any, ClassVar

from markdown.util import AtomicString

from ...markdown.blocks import WidgetBlock, markdown_into, unsearched
from ...markdown.spec import WidgetSpec
from .source import OPTIONS, ReflectionSpec, parse_reflection


class ReflectionBlock(WidgetBlock):
    """``/// reflection | prompt``."""

    NAME = "reflection"
    PARSER = parse_reflection
    SOURCE_OPTIONS = OPTIONS
    ASSETS = ("leerpad-reflection.css", "leerpad-reflection.js")
    ASSET_PACKAGE = "leerpad.widgets.reflection"
    STORED: ClassVar[dict[str, Any] | None] = {
        "fields": {
            "text": "text:100000",
            "prompt": "text:5000",
            "page": "text:2000",
            "title": "text:500",
        },
        "required": ["text"],
    }
    PROGRESS = "reflections"
    SUMMARY: ClassVar[dict[str, str] | None] = {"writing": "text"}
    TEXT: ClassVar[dict[str, dict[str, str]]] = {
        "nl": {
            "reflection_label": "Reflectie",
            "reflection_not_kept": "Wat je hier schrijft, wordt alleen bewaard als JavaScript aan "
            "staat. Het blijft dan in je eigen browser.",
            "reflection_open": "{count:de reflectie|# reflecties} schrijven",
            "reflection_count": "{count:# reflectie|# reflecties}",
        },
        "en": {
            "reflection_label": "Reflection",
            "reflection_not_kept": "What you write here is kept only when JavaScript is on. It "
            "then stays in your own browser.",
            "reflection_open": "{count:the reflection|# reflections} to write",
            "reflection_count": "{count:# reflection|# reflections}",
        },
    }
    DONE = "text"
    COMPLETES_UNDER = ("quizzes-and-reflection",)
    MESSAGES: ClassVar[dict[str, dict[str, str]]] = {
        "nl": {
            "what_reflection": "deze reflectie",
            "reflection_no_prompt": "de reflectievraag ontbreekt; schrijf ze achter de streep: "
            "'/// reflection | Wat …?'",
        },
        "en": {
            "what_reflection": "reflection",
            "reflection_no_prompt": "the reflection has no prompt; write it after the bar: '/// "
            "reflection | Wat …?'",
        },
    }
    SNIPPETS: ClassVar[dict[str, dict[str, Any]]] = {
        "reflection": {
            "body": [
                "/// reflection | ${1:Welk gesprek bleef bij je hangen, en waarom?}",
                "${2:Begeleidende tekst (mag weg).}",
                "///",
            ],
            "description": "A reflection prompt; the learner's text stays in their browser",
        }
    }

    @classmethod
    def progress_entry(cls, widget_id: str, spec: WidgetSpec) -> dict[str, str]:
        """Listed with its prompt: the progress page shows it above the learner's text."""
        assert isinstance(spec, ReflectionSpec)
        return {"id": widget_id, "prompt": spec.prompt}

    def render(self, parent: etree.Element, widget_id: str, spec: Any) -> etree.Element:
        """Prompt as the text area's label, guide text, the area, and a save indicator."""
        assert isinstance(spec, ReflectionSpec)
        t = self.strings()
        root = etree.SubElement(
            parent,
            "div",
            {
                "class": "leerpad-reflection",
                "id": widget_id,
                "data-leerpad-reflection": widget_id,
                "data-leerpad-version": spec.version,
            },
        )
        # "Reflectie" above the prompt comes from the stylesheet (data-leerpad-label).
        label = etree.SubElement(
            root,
            "label",
            {
                "class": "leerpad-reflection__prompt",
                "for": f"{widget_id}-text",
                "data-leerpad-label": t["reflection_label"],
            },
        )
        label.text = spec.prompt
        described_by = f"{widget_id}-saved"
        if any(line.strip() for line in spec.guide):
            guide = etree.SubElement(
                root,
                "div",
                {
                    "class": "leerpad-reflection__guide",
                    "id": f"{widget_id}-guide",
                },
            )
            markdown_into(self.md, guide, "\n".join(spec.guide))
            described_by = f"{widget_id}-guide {described_by}"
        area = etree.SubElement(
            root,
            "textarea",
            {
                "id": f"{widget_id}-text",
                "class": "leerpad-reflection__area",
                "rows": "5",
                "aria-describedby": described_by,
            },
        )
        area.text = AtomicString("")
        saved = unsearched(
            root,
            "p",
            {"class": "leerpad-reflection__saved", "id": f"{widget_id}-saved", "role": "status"},
            self.document,
        )
        saved.text = AtomicString(t["reflection_not_kept"])
        return root
