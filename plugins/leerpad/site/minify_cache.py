"""Minify a script or stylesheet once, and keep the result for the next build.

Minifying leerpad's assets is most of what adding the plugin costs a build on top of its
pages: minify-go loads the Go runtime, whose threads keep waking up for the rest of the
build. The assets change only with leerpad (or a widget kind's package) and the site's
language, so each result is kept in the site's cache folder, as Material's own plugins
keep theirs (``.cache/plugin/<name>``), under a name made from everything that decides it:
the text to minify, its media type and the installed minifier. A build whose assets are
all there never imports the minifier.

The cache can only speed a build up, never change it: an entry that does not match its
checksum (edited, cut short) is minified again and written anew, and a folder that cannot
be written (read-only checkout, full disk) means minifying as if there were no cache.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib.util
import os
import tempfile
from functools import cache
from pathlib import Path

ENTRY_SUFFIX = ".min"
"""Each entry is a file ``<key>.min``: the checksum of the minified text on its first line,
the text after it."""


def minify_text(media_type: str, text: str, cache_dir: str | None = None) -> str:
    """``text`` minified as ``media_type`` (``text/css`` or ``application/javascript``).

    With ``cache_dir`` (a folder, created when missing) the result is read from there when
    an earlier build made it, and kept there otherwise.
    """
    if cache_dir is None:
        return _minify(media_type, text)
    entry = Path(cache_dir) / f"{_key(media_type, text)}{ENTRY_SUFFIX}"
    kept = _read_entry(entry)
    if kept is not None:
        return kept
    result = _minify(media_type, text)
    _write_entry(entry, result)
    return result


def _minify(media_type: str, text: str) -> str:
    """``text`` through minify-go, imported only when a result is not in the cache."""
    import minify

    return str(minify.string(media_type, text))


def _key(media_type: str, text: str) -> str:
    """The entry's name: a SHA-256 of the minifier's fingerprint, the media type and text."""
    digest = hashlib.sha256(f"{minifier_fingerprint()}\n{media_type}\n".encode())
    digest.update(text.encode("utf-8"))
    return digest.hexdigest()


@cache
def minifier_fingerprint() -> str:
    """Name, size and modification time (ns) of each file of the installed minify-go.

    Another minifier version has other files (its compiled library above all), so its
    results get other keys. Found without importing it, which is what the cache saves;
    asking the package metadata for the version costs more than minifying.
    """
    spec = importlib.util.find_spec("minify")
    folders = list(spec.submodule_search_locations or []) if spec else []
    parts = []
    for folder in folders:
        with os.scandir(folder) as entries:
            for entry in sorted(entries, key=lambda e: e.name):
                if entry.is_file():
                    stat = entry.stat()
                    parts.append(f"{entry.name}:{stat.st_size}:{stat.st_mtime_ns}")
    return ";".join(parts)


def _checksum(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _read_entry(entry: Path) -> str | None:
    """The text kept in ``entry``; None when it is missing, unreadable or damaged."""
    try:
        with open(entry, encoding="utf-8", newline="") as handle:
            content = handle.read()
    except (OSError, UnicodeDecodeError):
        return None
    checksum, newline, text = content.partition("\n")
    if not newline or checksum != _checksum(text):
        return None
    return text


def _write_entry(entry: Path, text: str) -> None:
    """Keep ``text`` in ``entry``, whole or not at all.

    Written to a temporary file first and then renamed: two builds at once, or one
    stopped halfway, never leave half an entry. A failure only means no cache.
    """
    try:
        entry.parent.mkdir(parents=True, exist_ok=True)
        descriptor, temporary = tempfile.mkstemp(dir=entry.parent, suffix=".tmp")
    except OSError:
        return
    try:
        with open(descriptor, "w", encoding="utf-8", newline="") as handle:
            handle.write(f"{_checksum(text)}\n{text}")
        os.replace(temporary, entry)
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
