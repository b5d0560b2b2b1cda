"""Stable widget ids, derived from the page and the question when the author gives none."""

from __future__ import annotations

import hashlib
import re
import unicodedata

_NOT_WORD = re.compile(r"[^a-z0-9]+")
_GAP = re.compile(r"\[\[.*?\]\]")


def slugify(text: str, max_words: int = 6) -> str:
    """Lowercase ASCII words joined by hyphens: ``Wat doe je eerst?`` → ``wat-doe-je-eerst``."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    words = [w for w in _NOT_WORD.split(ascii_text.lower()) if w]
    return "-".join(words[:max_words])


def derive_id(page_key: str, question: str) -> str:
    """An id that stays the same as long as the page and question stay the same."""
    digest = hashlib.sha1(f"{page_key}\n{question}".encode()).hexdigest()[:6]
    words = slugify(_GAP.sub(" ", question)) or "vraag"
    return f"{words}-{digest}" if words[0].isalpha() else f"q-{words}-{digest}"
