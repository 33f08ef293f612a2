"""A stakeholder at work on an exported deck, through python-pptx: every kind of edit the issue lists.

Each helper edits a Presentation in place the way PowerPoint would leave the
file (text in the same shapes, Edit Data rewriting the chart's workbook and
cache, slides deleted, moved and added, comments in both of PowerPoint's
formats).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from pptx.chart.data import CategoryChartData
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.opc.package import Part
from pptx.opc.packuri import PackURI
from pptx.util import Inches

from briefing.review.comments import LEGACY_AUTHORS, LEGACY_COMMENTS, MODERN_AUTHORS, MODERN_COMMENTS

P_NS = "http://schemas.openxmlformats.org/presentationml/2006/main"


def slide_with_title(prs: Any, title: str) -> Any:
    for slide in prs.slides:
        if slide.shapes.title is not None and slide.shapes.title.text_frame.text == title:
            return slide
    raise LookupError(title)


def shape_named(slide: Any, role: str, index: int = 0) -> Any:
    """The ``index``-th shape the exporter named for ``role`` ("Body", "Stat Value", "Quote")."""
    found = [s for s in slide.shapes if re.match(rf"{re.escape(role)} \d+( \[|$)", s.name)]
    return found[index]


def set_paragraph(shape: Any, index: int, text: str) -> None:
    """Retype one paragraph (its first run keeps the formatting, as typing in PowerPoint does)."""
    paragraph = shape.text_frame.paragraphs[index]
    runs = paragraph.runs
    runs[0].text = text
    for run in runs[1:]:
        run.text = ""


def add_paragraph_after(shape: Any, index: int, text: str) -> None:
    """Enter at the end of paragraph ``index`` and type: the new paragraph copies its formatting."""
    import copy

    paragraphs = shape.text_frame.paragraphs
    source = paragraphs[index]._p
    clone = copy.deepcopy(source)
    source.addnext(clone)
    set_paragraph(shape, index + 1, text)


def delete_paragraph(shape: Any, index: int) -> None:
    p = shape.text_frame.paragraphs[index]._p
    p.getparent().remove(p)


def set_notes(slide: Any, paragraphs: list[str]) -> None:
    frame = slide.notes_slide.notes_text_frame
    frame.text = "\n".join(paragraphs)


def set_chart(slide: Any, categories: list[str], series: list[tuple[str, list[float]]]) -> None:
    """Edit Data: the workbook and the chart's cache both change."""
    chart = next(s for s in slide.shapes if s.has_chart).chart
    data = CategoryChartData()
    data.categories = categories
    for name, values in series:
        data.add_series(name, values)
    chart.replace_data(data)


def delete_slide(prs: Any, slide: Any) -> None:
    ids = prs.slides._sldIdLst
    for sld_id in list(ids):
        if prs.part.related_part(sld_id.rId) is slide.part:
            prs.part.drop_rel(sld_id.rId)
            ids.remove(sld_id)
            return


def move_slide(prs: Any, slide: Any, position: int) -> None:
    """Move ``slide`` to 0-based ``position``."""
    ids = prs.slides._sldIdLst
    entry = next(s for s in ids if prs.part.related_part(s.rId) is slide.part)
    ids.remove(entry)
    ids.insert(position, entry)


def add_bullet_slide(prs: Any, position: int, title: str, lines: list[str], notes: list[str]) -> Any:
    layout = next(layout for layout in prs.slide_layouts if layout.name == "Title Only")
    slide = prs.slides.add_slide(layout)
    slide.shapes.title.text = title
    box = slide.shapes.add_textbox(Inches(1), Inches(2), Inches(8), Inches(3))
    box.text_frame.text = lines[0]
    for line in lines[1:]:
        box.text_frame.add_paragraph().text = line
    if notes:
        set_notes(slide, notes)
    move_slide(prs, slide, position)
    return slide


def strip_identity(prs: Any) -> None:
    """What a client that keeps no names and no custom properties would leave."""
    from briefing.export.pptx.identity import MARKER

    for slide in prs.slides:
        for shape in slide.shapes:
            shape.name = MARKER.sub("", shape.name)
    package = prs.part.package
    for rel in list(package.iter_rels()):
        if rel.reltype == RT.CUSTOM_PROPERTIES:
            package.drop_rel(rel.rId)


def _xml_part(package: Any, name: str, content_type: str, xml: str) -> Part:
    return Part(PackURI(name), content_type, package, xml.encode("utf-8"))


def add_legacy_comment(prs: Any, slide: Any, author: str, text: str) -> None:
    """A PowerPoint 2013-style comment (and LibreOffice's annotations): parts written by hand."""
    package = prs.part.package
    authors = next((r.target_part for r in prs.part.rels.values() if r.reltype == LEGACY_AUTHORS), None)
    if authors is None:
        authors = _xml_part(
            package,
            "/ppt/commentAuthors.xml",
            "application/vnd.openxmlformats-officedocument.presentationml.commentAuthors+xml",
            f'<p:cmAuthorLst xmlns:p="{P_NS}"><p:cmAuthor id="0" name="{author}" initials="AL" '
            'lastIdx="1" clrIdx="0"/></p:cmAuthorLst>',
        )
        prs.part.relate_to(authors, LEGACY_AUTHORS)
    number = len([p for p in package.iter_parts() if "/comments/comment" in str(p.partname)]) + 1
    comments = _xml_part(
        package,
        f"/ppt/comments/comment{number}.xml",
        "application/vnd.openxmlformats-officedocument.presentationml.comments+xml",
        f'<p:cmLst xmlns:p="{P_NS}"><p:cm authorId="0" dt="2026-12-01T10:00:00.000" idx="{number}">'
        f'<p:pos x="10" y="10"/><p:text>{text}</p:text></p:cm></p:cmLst>',
    )
    slide.part.relate_to(comments, LEGACY_COMMENTS)


def add_modern_comment(prs: Any, slide: Any, author: str, text: str, reply: str = "") -> None:
    """A PowerPoint 365 comment thread (with a reply)."""
    p188 = "http://schemas.microsoft.com/office/powerpoint/2018/8/main"
    a = "http://schemas.openxmlformats.org/drawingml/2006/main"
    package = prs.part.package
    guid = "{6E0BE1A2-7D6A-4C8F-9E58-0B7C7C1C2D3E}"
    authors = _xml_part(
        package,
        "/ppt/authors.xml",
        "application/vnd.ms-powerpoint.authors+xml",
        f'<p188:authorLst xmlns:p188="{p188}"><p188:author id="{guid}" name="{author}" initials="BK" '
        f'userId="{author}" providerId="None"/></p188:authorLst>',
    )
    prs.part.relate_to(authors, MODERN_AUTHORS)

    def body(words: str) -> str:
        run = f'<a:r><a:rPr lang="en-US"/><a:t>{words}</a:t></a:r>'
        return f"<p188:txBody><a:bodyPr/><a:lstStyle/><a:p>{run}</a:p></p188:txBody>"

    replies = (
        f'<p188:replyLst><p188:reply id="{{11111111-2222-3333-4444-555555555555}}" authorId="{guid}" '
        f'created="2026-12-01T11:00:00.000">{body(reply)}</p188:reply></p188:replyLst>'
        if reply
        else ""
    )
    comments = _xml_part(
        package,
        "/ppt/comments/modernComment_100_1.xml",
        "application/vnd.ms-powerpoint.comments+xml",
        f'<p188:cmLst xmlns:p188="{p188}" xmlns:a="{a}">'
        f'<p188:cm id="{{AAAAAAAA-BBBB-CCCC-DDDD-EEEEEEEEEEEE}}" '
        f'authorId="{guid}" created="2026-12-01T10:00:00.000">'
        f"{replies}{body(text)}</p188:cm></p188:cmLst>",
    )
    slide.part.relate_to(comments, MODERN_COMMENTS)


# --------------------------------------------------------------------------- one review of everything
#: What :func:`review_everything` changes, as the storyboard should say it afterwards.
EDITED_TITLE = "From farmland to a city of science"
EDITED_STAT = "17,500+"
EDITED_LABEL = "Zhangjiang Hi-Tech Park"
EDITED_NOTES = "Zhangjiang covers about twenty-five square kilometres."
EDITED_QUOTE = "We moved from making iPhones to inventing quantum chips in one generation."
EDITED_ROLE = "Dean of Fudan's Innovation Institute"
EDITED_COLUMN = "More than 16,000 tech firms in one park"
EDITED_BULLET = "Academia: top universities inside industry"
ADDED_BULLET = "A brand new point"
NEW_TITLE = "What the stakeholders want"
NEW_LINES = ["First new point", "Second new point"]
NEW_NOTES = "Stakeholders added this slide."
COMMENT = "Is this 2024 or 2023?"


def review_everything(prs: Any) -> None:
    """Every kind of edit: titles, stats, notes, quote, compare, bullets, charts (inline and CSV),
    alt-free slides deleted, moved and added, and comments in both PowerPoint formats."""
    stats = slide_with_title(prs, "From farmland to a science city")
    set_paragraph(stats.shapes.title, 0, EDITED_TITLE)
    set_paragraph(shape_named(stats, "Stat Value", 1), 0, EDITED_STAT)
    set_paragraph(shape_named(stats, "Stat Label", 0), 0, EDITED_LABEL)
    notes = [p.text for p in stats.notes_slide.notes_text_frame.paragraphs if p.text.strip()]
    set_notes(stats, [EDITED_NOTES, *notes[1:]])
    add_legacy_comment(prs, stats, "Anna Lee", COMMENT)
    quote = slide_with_title(prs, "From making phones to inventing chips")
    set_paragraph(shape_named(quote, "Quote"), 0, EDITED_QUOTE)
    set_paragraph(shape_named(quote, "Attribution"), 0, f"— Dr. Chen Lin, {EDITED_ROLE}")
    add_modern_comment(prs, quote, "Bo Kim", "Check the wording with the report", reply="Done")
    columns = slide_with_title(prs, "Pudong, then and now")
    set_paragraph(shape_named(columns, "Body", 1), 0, EDITED_COLUMN)
    bullets = slide_with_title(prs, "Three forces pulling in one direction")
    body = shape_named(bullets, "Body")
    set_paragraph(body, 0, EDITED_BULLET)
    add_paragraph_after(body, 0, ADDED_BULLET)
    delete_paragraph(body, 3)
    chart = slide_with_title(prs, "One park: 35% of China's chips, 40% of AI patents")
    set_chart(
        chart,
        ["Integrated circuit production", "AI patent applications"],
        [("Zhangjiang's share of China's total", [36, 40])],
    )
    rents = slide_with_title(prs, "Zhangjiang office rents: four times 2020")
    set_chart(rents, ["2020", "Today"], [("Office rent index (2020 = 100)", [100, 410])])
    add_bullet_slide(prs, 10, NEW_TITLE, NEW_LINES, [NEW_NOTES])
    delete_slide(prs, slide_with_title(prs, "Government: a blueprint backed by money"))
    move_slide(prs, slide_with_title(prs, "Three forces pulling in one direction"), 8)


def import_damaged(deck: bytes, part: str, at: float, junk: bytes) -> None:
    """``junk`` written over ``part`` of ``deck`` at ``at`` (0..1 of its length), then imported with
    --write into a copy of the bundled storyboard: exit 0 or 1, never a traceback, and on 1 the
    storyboard is untouched."""
    import io
    import shutil
    import tempfile
    import zipfile

    from briefing.cli import main
    from tests.review.conftest import REPO

    folder = Path(tempfile.mkdtemp(prefix="review-damage-"))
    try:
        shutil.copytree(REPO / "slides", folder / "talk")
        story = folder / "talk" / "shanghai-innovation.yaml"
        before = story.read_bytes()
        with zipfile.ZipFile(io.BytesIO(deck)) as source:
            entries = {info.filename: source.read(info) for info in source.infolist()}
        blob = entries[part]
        cut = int(at * len(blob))
        entries[part] = blob[:cut] + junk + blob[cut + len(junk) :]
        damaged = folder / "deck.pptx"
        with zipfile.ZipFile(damaged, "w") as target:
            for name, data in entries.items():
                target.writestr(name, data)
        code = main(["import", str(damaged), "--into", str(story), "--write"])
        assert code in (0, 1)
        if code == 1:
            assert story.read_bytes() == before  # refused: untouched
    finally:
        shutil.rmtree(folder, ignore_errors=True)
