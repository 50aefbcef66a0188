"""HTML pages: article body without site boilerplate, title and date from the metadata."""

from __future__ import annotations

import datetime as dt

import lxml.html

from thucydides.ingest.html import HtmlPage, extract_html, fallback_lines, looks_like_html

BODY = (
    "<p>Armenia froze its membership of the CSTO on Thursday, Prime Minister Nikol Pashinyan "
    "said.</p><p>Moscow said it regretted the decision.</p>"
)
PAGE = f"""<!DOCTYPE html><html><head><title>Armenia freezes CSTO | News Site</title>
<meta property="og:title" content="Armenia freezes CSTO membership">
<meta property="article:published_time" content="2024-02-23T10:00:00+00:00">
</head><body class="single has-sidebar">
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<div id="cookie-notice">This website uses cookies. <button>Accept all cookies</button></div>
<article><h1>Armenia freezes CSTO membership</h1>{BODY}
<p>Share.</p><div class="share-buttons"><a>Facebook</a> <a>Twitter</a></div></article>
<div class="related-posts"><h3>Related posts</h3><a href="/a">Putin meets Aliyev</a></div>
<footer>Exit mobile version</footer></body></html>"""
TEXT = (
    "Armenia froze its membership of the CSTO on Thursday, Prime Minister Nikol Pashinyan "
    "said.\n\nMoscow said it regretted the decision."
)


def test_html_boilerplate_is_removed() -> None:
    assert extract_html(PAGE) == HtmlPage(
        text=TEXT, title="Armenia freezes CSTO membership", date=dt.date(2024, 2, 23)
    )


def test_title_falls_back_to_the_title_element() -> None:
    page = f"<html><head><title>Armenia freezes CSTO</title></head><body>{BODY}</body></html>"
    assert extract_html(page).title == "Armenia freezes CSTO"


def test_date_from_json_ld_date_published() -> None:
    page = (
        '<html><head><script type="application/ld+json">{"@context": "https://schema.org", '
        '"@graph": [{"@type": "NewsArticle", "datePublished": "2024-05-09T08:30:00Z"}]}'
        f"</script></head><body>{BODY}</body></html>"
    )
    assert extract_html(page).date == dt.date(2024, 5, 9)


def test_date_from_time_element() -> None:
    page = f'<html><body><time datetime="2024-05-09">9 May</time>{BODY}</body></html>'
    assert extract_html(page).date == dt.date(2024, 5, 9)


def test_page_without_metadata_has_no_title_or_date() -> None:
    page = f"<html><body>{BODY}</body></html>"
    assert extract_html(page) == HtmlPage(text=TEXT, title=None, date=None)


def test_fragment_uses_the_fallback_extractor() -> None:
    # trafilatura returns nothing for a bare fragment; the lxml fallback reads the paragraphs.
    assert extract_html("<p>Armenia froze ties.</p><p>Share.</p>").text == "Armenia froze ties."


def test_fallback_collects_top_level_blocks_of_the_article() -> None:
    root = lxml.html.fromstring(
        "<html><body><p>Outside.</p><article><h2>Head</h2><p>One <b>bold</b>.</p>"
        "<ul><li>Item <p>nested</p></li></ul></article></body></html>"
    )
    assert fallback_lines(root) == ["Head", "One bold.", "Item nested"]


def test_text_after_a_dropped_element_is_kept() -> None:
    page = '<html><body><p>Armenia <button>x</button>froze <span class="share">s</span>ties.</p>'
    assert extract_html(page + "</body></html>").text == "Armenia froze ties."


def test_looks_like_html() -> None:
    assert [looks_like_html(t) for t in ("<!DOCTYPE html><html>", "  <p>Hi</p>", "Hi <b>")] == [
        True,
        True,
        False,
    ]


def test_non_ascii_page_without_a_charset_declaration_is_not_mangled() -> None:
    page = extract_html(
        "<html><body><p>Armenia\u2019s premier met the caf\u00e9 owners.</p></body></html>"
    )
    assert page.text == "Armenia\u2019s premier met the caf\u00e9 owners."
