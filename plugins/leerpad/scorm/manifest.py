"""``imsmanifest.xml``: one organisation, one item and one SCO for the whole course.

One SCO rather than one per module: a SCO keeps one ``cmi.suspend_data``, and the course
page's certificate, the completion of the course and the score need every module's state
at once; links between modules also stay inside the package. See the README.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import quote
from xml.sax.saxutils import escape, quoteattr

VERSIONS = ("1.2", "2004")
"""The SCORM versions a package can be made for (2004 means 4th edition)."""

_HEAD = {
    "1.2": (
        '<manifest identifier={identifier} version="1.0"\n'
        '  xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"\n'
        '  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"\n'
        '  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"\n'
        '  xsi:schemaLocation="http://www.imsproject.org/xsd/imscp_rootv1p1p2 '
        "imscp_rootv1p1p2.xsd http://www.imsglobal.org/xsd/imsmd_rootv1p2p1 "
        'imsmd_rootv1p2p1.xsd http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd">\n'
        "  <metadata>\n    <schema>ADL SCORM</schema>\n"
        "    <schemaversion>1.2</schemaversion>\n  </metadata>\n"
    ),
    "2004": (
        '<manifest identifier={identifier} version="1"\n'
        '  xmlns="http://www.imsglobal.org/xsd/imscp_v1p1"\n'
        '  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3"\n'
        '  xmlns:adlseq="http://www.adlnet.org/xsd/adlseq_v1p3"\n'
        '  xmlns:adlnav="http://www.adlnet.org/xsd/adlnav_v1p3"\n'
        '  xmlns:imsss="http://www.imsglobal.org/xsd/imsss"\n'
        '  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"\n'
        '  xsi:schemaLocation="http://www.imsglobal.org/xsd/imscp_v1p1 imscp_v1p1.xsd '
        "http://www.adlnet.org/xsd/adlcp_v1p3 adlcp_v1p3.xsd "
        "http://www.adlnet.org/xsd/adlseq_v1p3 adlseq_v1p3.xsd "
        "http://www.adlnet.org/xsd/adlnav_v1p3 adlnav_v1p3.xsd "
        'http://www.imsglobal.org/xsd/imsss imsss_v1p0.xsd">\n'
        "  <metadata>\n    <schema>ADL SCORM</schema>\n"
        "    <schemaversion>2004 4th Edition</schemaversion>\n  </metadata>\n"
    ),
}

# SCORM 1.2 spells the attribute scormtype, SCORM 2004 scormType.
_SCORM_TYPE = {"1.2": "adlcp:scormtype", "2004": "adlcp:scormType"}


@dataclass(frozen=True)
class Package:
    """What a manifest describes: the course and the files of its one SCO."""

    slug: str
    """The course's folder name; identifiers are made from it."""
    title: str
    launch: str
    """Path of the launch page inside the zip, e.g. ``index.html``."""
    files: list[str]
    """Every file of the package (paths inside the zip, ``/`` separated), the launch
    page included, the manifest not."""


def identifier(prefix: str, slug: str) -> str:
    """An XML ``ID`` (an NCName: a letter first, no colon) such as ``ORG-mijn-cursus``."""
    cleaned = re.sub(r"[^A-Za-z0-9_.-]", "-", slug)
    return f"{prefix}-{cleaned}"


def manifest_xml(package: Package, version: str) -> str:
    """The manifest as text; ``version`` is ``"1.2"`` or ``"2004"`` (ValueError if not)."""
    if version not in VERSIONS:
        raise ValueError(f"unknown SCORM version {version!r}; one of {', '.join(VERSIONS)}")
    title = escape(package.title)
    organisation = identifier("ORG", package.slug)
    resource = identifier("RES", package.slug)
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>\n',
        _HEAD[version].format(identifier=quoteattr(identifier("MANIFEST", package.slug))),
        f'  <organizations default="{organisation}">\n',
        f'    <organization identifier="{organisation}">\n',
        f"      <title>{title}</title>\n",
        f'      <item identifier="{identifier("ITEM", package.slug)}" '
        f'identifierref="{resource}">\n',
        f"        <title>{title}</title>\n",
        "      </item>\n",
        "    </organization>\n",
        "  </organizations>\n",
        "  <resources>\n",
        f'    <resource identifier="{resource}" type="webcontent" '
        f'{_SCORM_TYPE[version]}="sco" href={quoteattr(href(package.launch))}>\n',
    ]
    lines += [f"      <file href={quoteattr(href(path))}/>\n" for path in sorted(package.files)]
    lines += ["    </resource>\n", "  </resources>\n", "</manifest>\n"]
    return "".join(lines)


def href(path: str) -> str:
    """A zip path as a manifest ``href``: a relative URL, so spaces and the like escaped."""
    return quote(path, safe="/")
