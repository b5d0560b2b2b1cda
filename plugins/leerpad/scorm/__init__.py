"""SCORM packages of one course: ``leerpad export scorm <course>``.

- ``export``: check the course, build it alone for file-based URLs, package it;
- ``manifest``: ``imsmanifest.xml`` for SCORM 1.2 and SCORM 2004 4th edition;
- ``packaging``: the launch page (the SCO that talks to the LMS) and the zip.
"""

from .export import ExportError, export_scorm

__all__ = ["ExportError", "export_scorm"]
