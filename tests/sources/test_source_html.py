"""Web pages saved as .html: the article as Markdown-like blocks, the site around it left out."""

from __future__ import annotations

import codecs

from briefing.sources import SourceText, read_source

PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8">
<title>Harbour towns rise again | The Coast Times</title>
<meta property="og:title" content="Harbour towns rise again (og)"><style>p {color: red}</style></head>
<body><header class="site-header"><nav><a href="/">Home</a> <a href="/news">News</a></nav></header>
<div id="cookie-banner">We use cookies. <button>Accept</button></div>
<main><article><header><h1>Harbour towns rise again</h1><p class="byline">By Ann Lee</p></header>
<p>The new pier cost <b>$12 million</b> and opened in May.<br>Traffic rose 35%.</p>
<h2>Ports</h2><p>Ferries carry 1,200 people a day.</p>
<blockquote><p>“We are ahead of plan,” she said.</p><footer>— Tomas Berg, harbour master</footer></blockquote>
<ul><li>Ports first</li><li>Grid second<ul><li>Cables</li></ul></li></ul>
<h3>Boats</h3>
<table><thead><tr><th>Town</th><th>Boats</th></tr></thead><tbody><tr><td>Dunmore</td><td>40</td></tr>
<tr><td colspan="2">Total: 40</td></tr></tbody></table>
<pre>x = 1
  y = 2</pre>
<div class="share-buttons">Share on X</div><p hidden>Secret</p><p style="display: none">Hidden</p>
<script>document.write("Injected by a script")</script>
<footer>Tags: harbour</footer></article>
<aside>Related: other story</aside></main>
<footer>© 2024 The Coast Times</footer></body></html>"""


def _read(tmp_path, data: bytes, name: str = "page.html"):
    path = tmp_path / name
    path.write_bytes(data)
    return read_source(path)


def test_the_article_becomes_blocks_and_the_site_around_it_is_left_out(tmp_path) -> None:
    document = _read(tmp_path, PAGE.encode("utf-8"))
    assert document.format == "html" and document.title == "Harbour towns rise again"
    assert [line.text for line in document.lines if line.text] == [
        "# Harbour towns rise again",
        "By Ann Lee",
        "The new pier cost $12 million and opened in May. Traffic rose 35%.",
        "## Ports",
        "Ferries carry 1,200 people a day.",
        "> “We are ahead of plan,” she said.",
        "> — Tomas Berg, harbour master",
        "- Ports first",
        "- Grid second",
        "- Cables",
        "### Boats",
        "| Town | Boats |",
        "|---|---|",
        "| Dunmore | 40 |",
        "| Total: 40 |  |",
        "```",
        "x = 1",
        "  y = 2",
        "```",
    ]
    places = {line.text: line.place.label for line in document.lines if line.text and line.place}
    assert places["Ferries carry 1,200 people a day."] == "paragraph 5"
    assert places["| Dunmore | 40 |"] == "paragraph 11"


def test_several_h1_headings_are_sections_and_the_title_comes_from_the_page(tmp_path) -> None:
    page = (
        "<html><head><title>Harbour Review - The Coast Times</title></head><body>"
        "<h1>Ports</h1><p>Ferries.</p><h1>Housing</h1><p>Rents.</p><h2>Prices</h2><p>Up.</p></body></html>"
    )
    document = _read(tmp_path, page.encode())
    assert document.title == "Harbour Review"
    assert [line.text for line in document.lines if line.text.startswith("#")] == [
        "## Ports",
        "## Housing",
        "### Prices",
    ]


def test_a_page_without_article_or_main_drops_its_navigation_and_footer(tmp_path) -> None:
    page = (
        "<html><body><div class='menu'>Home About</div><nav>Links</nav>"
        "<div class='content'><p>Rents rose 18% since 2020.</p>Loose words here.</div>"
        "<footer>Contact us</footer></body></html>"
    )
    assert [line.text for line in _read(tmp_path, page.encode()).lines if line.text] == [
        "Rents rose 18% since 2020.",
        "Loose words here.",
    ]


def test_the_charset_comes_from_the_meta_tag_or_the_byte_order_mark(tmp_path) -> None:
    page = '<html><head><meta charset="gb2312"></head><body><p>规模达到2800亿元。</p></body></html>'
    document = _read(tmp_path, page.encode("gb18030"))
    assert document.lines[0].text == "规模达到2800亿元。"
    assert [n.message for n in document.notices] == [
        "the report is not UTF-8; read it as GB2312 (as it declares)"
    ]
    utf16 = codecs.BOM_UTF16_LE + "<html><body><p>Café prices rose 5%.</p></body></html>".encode("utf-16-le")
    assert _read(tmp_path, utf16, "b.htm").lines[0].text == "Café prices rose 5%."
    legacy = '<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1252">'
    legacy += "<body><p>Caf\xe9 \x93quoted\x94</p></body></html>"
    assert _read(tmp_path, legacy.encode("latin-1"), "c.html").lines[0].text == "Café “quoted”"


def test_a_phrase_from_a_table_row_is_found(tmp_path) -> None:
    path = tmp_path / "page.html"
    path.write_bytes(PAGE.encode())
    text = SourceText.read(path)
    assert text.contains("Dunmore 40") and text.contains("cost $12 million and opened in May")
    assert not text.contains("cookies") and not text.contains("Injected by a script")


def test_a_page_saved_by_word_keeps_its_title_and_lists(tmp_path) -> None:
    page = (
        "<html><body><div class=WordSection1><p class=MsoTitle>Harbour Review</p>"
        "<h1>Ports</h1><p class=MsoNormal>Ferries carry 1,200 people a day.</p>"
        "<p class=MsoListParagraphCxSpFirst>·&nbsp;&nbsp;Ports first</p></div></body></html>"
    )
    assert [line.text for line in _read(tmp_path, page.encode()).lines if line.text] == [
        "# Harbour Review",
        "## Ports",
        "Ferries carry 1,200 people a day.",
        "- Ports first",
    ]


def test_a_banner_like_class_on_the_article_body_does_not_drop_the_article(tmp_path) -> None:
    page = (
        "<html><body><article><h1>Harbour Review</h1><div class='entry-content share-enabled'>"
        "<p>Ferries carry 1,200 people a day.</p><p>Rents rose 18% since 2020.</p>"
        "<div class='share-bar'>Share on X</div><span class='sr-only'>opens in a new window</span>"
        "</div></article></body></html>"
    )
    assert [line.text for line in _read(tmp_path, page.encode()).lines if line.text] == [
        "# Harbour Review",
        "Ferries carry 1,200 people a day.",
        "Rents rose 18% since 2020.",
    ]
