"""A web page saved as .html -> the article's Markdown-like lines, at their block numbers.

An article saved from the web comes wrapped in the site: menus, cookie
banners, share buttons, related links, comments, scripts. What is read is
the article: the largest ``<article>``, else ``<main>`` (or role="main"),
else the body; inside it, navigation, asides, forms, footers, hidden
elements and anything whose class or id says it is a banner, a share bar,
an advert or the like are dropped. Headings: a single ``<h1>`` is the title
(``#``) and ``<h2>`` the top-level heading (``##``), as in Word; a page with
several ``<h1>`` has them as ``##``. ``<blockquote>`` -> ``>``, lists -> ``-``,
tables -> pipe rows, ``<pre>`` -> a fence. The title: the single ``<h1>``,
else ``og:title``, else ``<title>``. The charset: a BOM, then ``<meta charset>``,
then detection. Places: ``paragraph N`` is the N-th block of the article.

A small walk over lxml's tree (lxml comes with python-pptx) rather than an
extraction library: those (trafilatura, readability) return cleaned text or
HTML without the blocks' positions and bring several more dependencies,
while saved articles mark their content with ``<article>``/``<main>``.
"""

from __future__ import annotations

import re
from pathlib import Path

from lxml import etree
from lxml import html as lxml_html

from briefing.sources.blocks import Blocks
from briefing.sources.document import Place, SourceDocument, SourceError
from briefing.sources.plain import decode

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_:.-]+)""", re.IGNORECASE)
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*>")
DROPPED = {
    "script", "style", "noscript", "nav", "aside", "form", "button", "select", "input", "textarea",
    "iframe", "svg", "canvas", "template", "dialog", "footer", "object", "embed", "audio", "video",
    "label", "menu",
}  # fmt: skip
BOILERPLATE = {
    "cookie", "cookies", "consent", "gdpr", "banner", "newsletter", "subscribe", "signup", "share",
    "sharing", "social", "related", "recommended", "comments", "comment", "advert", "advertisement",
    "ad", "ads", "promo", "sponsored", "sidebar", "breadcrumb", "breadcrumbs", "menu", "navbar",
    "popup", "modal", "paywall", "skip", "toolbar", "masthead", "widget", "hidden", "sr",
}  # fmt: skip
HEADINGS = {f"h{n}": n for n in range(1, 7)}
BLOCKS = {
    "p", "div", "section", "article", "main", "header", "blockquote", "pre", "table", "ul", "ol",
    "li", "dl", "dt", "dd", "figure", "figcaption", "hr", "address", "details", "summary", "center",
    *HEADINGS,
}  # fmt: skip
MAX_DEPTH = 200


def read_html(path: Path, data: bytes) -> SourceDocument:
    declared = _META_CHARSET.search(data[:4096])
    text, notices = decode(data, declared.group(1).decode("ascii", "replace") if declared else "")
    text = _XML_DECLARATION.sub("", text, count=1)
    if not text.strip():
        raise SourceError(f"{path}: the web page is empty")
    try:
        page = lxml_html.document_fromstring(text)
    except (etree.ParserError, ValueError) as error:
        raise SourceError(f"{path}: not a web page that can be read ({error})") from None
    root = _article(page)
    _drop_boilerplate(root)
    h1s = sum(1 for _ in root.iter("h1"))
    word_title = next((p for p in root.iter("p") if _word_class(p) == "msotitle"), None)
    walker = _Walker(shift=1 if h1s > 1 or word_title is not None else 0)  # Word's h1 is its Heading 1
    walker.walk(root, 0)
    title = _text(word_title) if word_title is not None else _title(page, root, h1s)
    return SourceDocument(path, "html", tuple(walker.out.lines), title=title, notices=tuple(notices))


def _article(page: lxml_html.HtmlElement) -> lxml_html.HtmlElement:
    """The largest <article>, else <main> or role=main, else the body."""
    articles = page.xpath("//article")
    if articles:
        return max(articles, key=lambda a: len(a.text_content()))
    main = page.xpath("//main|//*[@role='main']")
    if main:
        return main[0]
    body = page.find("body")
    return body if body is not None else page


def _drop_boilerplate(root: lxml_html.HtmlElement) -> None:
    whole = max(len(root.text_content()), 1)
    doomed = [el for el in root.iter() if el is not root and _boilerplate(el, whole)]
    for element in doomed:
        parent = element.getparent()
        if parent is not None:
            element.drop_tree()  # keeps the tail text, which belongs to the parent


def _boilerplate(element: etree._Element, whole: int) -> bool:
    """Whether ``element`` is no part of the article. A class or id that sounds like a banner
    ("share-buttons-enabled") does not drop what holds most of the article's text."""
    if not isinstance(element.tag, str):
        return True  # comments and processing instructions
    tag = element.tag.lower()
    if tag in DROPPED and not (tag == "footer" and _in_quote(element)):
        return True
    if element.get("hidden") is not None or element.get("aria-hidden") == "true":
        return True
    style = (element.get("style") or "").replace(" ", "").lower()
    if "display:none" in style or "visibility:hidden" in style:
        return True
    words = re.split(r"[\s_-]+", f"{element.get('class') or ''} {element.get('id') or ''}".lower())
    if tag in HEADINGS or BOILERPLATE.isdisjoint(words):
        return False
    return len(element.text_content()) < 0.4 * whole


def _in_quote(element: etree._Element) -> bool:
    return any(a.tag == "blockquote" for a in element.iterancestors())


def _title(page: lxml_html.HtmlElement, root: lxml_html.HtmlElement, h1s: int) -> str:
    if h1s == 1:
        return _text(next(root.iter("h1")))
    og = page.xpath("//meta[@property='og:title']/@content")
    if og and str(og[0]).strip():
        return " ".join(str(og[0]).split())
    title = page.find(".//title")
    text = _text(title) if title is not None else ""
    return re.split(r"\s+[|–—-]\s+(?!.*\s[|–—-]\s)", text)[0] if text.count(" ") > 3 else text


def _text(element: etree._Element) -> str:
    """The element's text on one line; <br> is a space."""
    for br in element.iter("br"):
        br.tail = " " + (br.tail or "")
    return " ".join("".join(element.itertext()).split())


class _Walker:
    def __init__(self, shift: int) -> None:
        self.out = Blocks()
        self.shift = shift
        self.count = 0
        self._inline: list[str] = []

    def place(self) -> Place:
        self.count += 1
        return Place(paragraph=self.count)

    def walk(self, element: etree._Element, depth: int) -> None:
        """Blocks in document order; inline content between blocks makes a paragraph."""
        if element.text:
            self._inline.append(element.text)
        for child in element:
            tag = child.tag.lower() if isinstance(child.tag, str) else ""
            if tag in BLOCKS or depth > MAX_DEPTH:
                self.flush()
                self.block(child, tag, depth)
            else:
                self._inline.append(_text(child) if tag != "br" else " ")
            if child.tail:
                self._inline.append(child.tail)
        if depth == 0:
            self.flush()

    def flush(self) -> None:
        text = " ".join("".join(self._inline).split())
        self._inline = []
        if text:
            self.out.paragraph(text, self.place())

    def block(self, element: etree._Element, tag: str, depth: int) -> None:
        if depth > MAX_DEPTH:
            self.out.paragraph(_text(element), self.place())
        elif tag in HEADINGS:
            self.out.heading(_text(element), HEADINGS[tag] + self.shift, self.place())
        elif tag == "blockquote":
            self.quote(element)
        elif tag == "pre":
            self.out.code("".join(element.itertext()).split("\n"), self.place())
        elif tag == "table":
            self.table(element)
        elif tag == "li":
            nested = [c for c in element if isinstance(c.tag, str) and c.tag.lower() in ("ul", "ol")]
            for child in nested:
                element.remove(child)
            self.out.item(_text(element), self.place())
            for child in nested:
                self.walk(child, depth + 1)
        elif tag == "p" and _word_class(element) == "msotitle":  # a page saved by Word
            self.out.heading(_text(element), 1, self.place())
        elif tag == "p" and _word_class(element).startswith("msolist"):
            self.out.item(_text(element).lstrip("·•o§- \u00a0"), self.place())
        elif tag == "p" or tag in ("dt", "dd", "figcaption", "summary", "address"):
            self.out.paragraph(_text(element), self.place())
        elif tag != "hr":
            self.walk(element, depth + 1)
            self.flush()

    def quote(self, element: etree._Element) -> None:
        parts = [
            c for c in element if isinstance(c.tag, str) and c.tag.lower() in BLOCKS | {"footer", "cite"}
        ]
        texts = [_text(c) for c in parts] if parts else [_text(element)]
        place = self.place()
        for text in texts:
            self.out.quote(text, place)

    def table(self, element: etree._Element) -> None:
        place = self.place()
        rows = []
        for row in element.iter("tr"):
            cells: list[str] = []
            for cell in row:
                if isinstance(cell.tag, str) and cell.tag.lower() in ("td", "th"):
                    cells.append(_text(cell))
                    cells += [""] * (min(_int(cell.get("colspan")), 64) - 1)
            if cells:
                rows.append((cells, place))
        if rows:
            self.out.table(rows)


def _word_class(element: etree._Element) -> str:
    return (element.get("class") or "").split(" ")[0].lower()


def _int(text: str | None) -> int:
    try:
        return max(1, int(text or "1"))
    except ValueError:
        return 1
