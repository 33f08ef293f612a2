"""Review comments on an edited deck: PowerPoint's modern and legacy comments, LibreOffice's annotations.

* Legacy comments (PowerPoint before 365, and LibreOffice Impress, which
  writes its annotations this way): a ``comments`` part per slide
  (``p:cmLst/p:cm/p:text``) and one ``commentAuthors`` part for the deck.
* Modern comments (PowerPoint 365): a ``modernComment_*.xml`` part per slide
  (``p188:cmLst/p188:cm/p188:txBody``, with replies) and one ``authors`` part.

Comments are never applied to the storyboard: they are review items, shown at
the line of their slide.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from lxml import etree

LEGACY_COMMENTS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments"
LEGACY_AUTHORS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/commentAuthors"
MODERN_COMMENTS = "http://schemas.microsoft.com/office/2018/10/relationships/comments"
MODERN_AUTHORS = "http://schemas.microsoft.com/office/2018/10/relationships/authors"
P = "http://schemas.openxmlformats.org/presentationml/2006/main"
P188 = "http://schemas.microsoft.com/office/powerpoint/2018/8/main"
A = "http://schemas.openxmlformats.org/drawingml/2006/main"
NS = {"p": P, "p188": P188, "a": A}
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True)
MAX_COMMENTS = 5000


@dataclass(frozen=True)
class Comment:
    slide: int  # 1-based deck slide number
    author: str
    text: str
    reply: bool = False
    resolved: bool = False  # PowerPoint 365 marks a thread done (its replies say so through the thread)


def read_comments(presentation: Any) -> list[Comment]:
    """Every comment and reply, slide by slide, in the order the client stored them."""
    legacy = _authors(presentation.part, LEGACY_AUTHORS, "//p:cmAuthor")
    modern = _authors(presentation.part, MODERN_AUTHORS, "//p188:author")
    found: list[Comment] = []
    for number, slide in enumerate(presentation.slides, start=1):
        for rel in list(slide.part.rels.values()):
            if rel.is_external or len(found) > MAX_COMMENTS:
                continue
            root = _parse(rel.target_part)
            if root is None:
                continue
            if rel.reltype == LEGACY_COMMENTS:
                found += _legacy(number, root, legacy)
            elif rel.reltype == MODERN_COMMENTS:
                found += _modern(number, root, modern)
    return found


def _parse(part: Any) -> Any:
    try:
        return etree.fromstring(part.blob, parser=_PARSER)
    except (etree.XMLSyntaxError, ValueError):
        return None


def _authors(part: Any, reltype: str, path: str) -> dict[str, str]:
    for rel in list(part.rels.values()):
        if rel.reltype == reltype and not rel.is_external:
            root = _parse(rel.target_part)
            if root is not None:
                return {a.get("id", ""): a.get("name", "") for a in root.xpath(path, namespaces=NS)}
    return {}


def _text(node: Any) -> str:
    paragraphs = node.xpath(".//a:p", namespaces=NS) if node is not None else []
    if not paragraphs:
        return " ".join("".join(node.itertext()).split()) if node is not None else ""
    return "\n".join(
        " ".join("".join(p.xpath(".//a:t/text()", namespaces=NS)).split()) for p in paragraphs
    ).strip()


def _legacy(number: int, root: Any, authors: dict[str, str]) -> list[Comment]:
    comments = []
    for cm in root.xpath("//p:cm", namespaces=NS):
        text = " ".join("".join(cm.xpath("./p:text//text()", namespaces=NS)).split())
        author = authors.get(cm.get("authorId", ""), "") or "someone"
        if text:
            comments.append(Comment(number, author, text, reply=cm.get("parentCmId") is not None))
    return comments


def _modern(number: int, root: Any, authors: dict[str, str]) -> list[Comment]:
    comments = []
    for cm in root.xpath("//p188:cm", namespaces=NS):
        resolved = cm.get("status") in ("resolved", "closed")
        comments.append(_modern_one(number, cm, authors, reply=False, resolved=resolved))
        for reply in cm.xpath("./p188:replyLst/p188:reply", namespaces=NS):
            comments.append(_modern_one(number, reply, authors, reply=True, resolved=resolved))
    return [c for c in comments if c.text]


def _modern_one(number: int, node: Any, authors: dict[str, str], *, reply: bool, resolved: bool) -> Comment:
    body = node.find(f"{{{P188}}}txBody")
    author = authors.get(node.get("authorId", ""), "") or "someone"
    return Comment(number, author, _text(body), reply=reply, resolved=resolved)
