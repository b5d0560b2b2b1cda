"""Stable widget ids, derived from the page and the question when the author gives none."""

from __future__ import annotations

import hashlib
import re
import unicodedata

_NOT_WORD = re.compile(r"[^a-z0-9]+")


def slugify(text: str, max_words: int = 6) -> str:
    """Lowercase ASCII words joined by hyphens: ``Wat doe je eerst?`` → ``wat-doe-je-eerst``."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    words = [w for w in _NOT_WORD.split(ascii_text.lower()) if w]
    return "-".join(words[:max_words])


def derive_id(page_key: str, text: str, fallback: str) -> str:
    """An id that stays the same as long as the page and ``text`` stay the same."""
    digest = hashlib.sha1(f"{page_key}\n{text}".encode()).hexdigest()[:6]
    words = slugify(text) or fallback
    return f"{words}-{digest}" if words[0].isalpha() else f"{fallback}-{words}-{digest}"
