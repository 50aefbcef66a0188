"""RSS, Atom and OPML files: items with bodies are documents; malformed feeds are reported."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from thucydides.ingest import read_inputs
from thucydides.ingest.feeds import FeedError, FeedItem, ParsedFeed, parse_feed
from thucydides.records import Document

RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
     xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>Wire</title>
<item><title>Armenia freezes CSTO</title><link>https://news.example.com/a</link>
<description>Short teaser.</description>
<content:encoded><![CDATA[<p>Armenia froze its CSTO membership.</p>
<p>Moscow objected.</p>]]></content:encoded>
<pubDate>Fri, 23 Feb 2024 10:00:00 +0000</pubDate></item>
<item><title>Second</title><guid isPermaLink="false">wire-2</guid>
<description>&lt;p&gt;Baku welcomed the move.&lt;/p&gt;</description>
<dc:date>2024-02-24</dc:date></item>
</channel></rss>"""
ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Wire</title>
<entry><title>Armenia freezes CSTO</title><id>urn:x:1</id>
<link rel="self" href="https://news.example.com/feed/1"/>
<link rel="alternate" href="https://news.example.com/a"/>
<updated>2024-02-25T00:00:00Z</updated><published>2024-02-23T09:00:00+04:00</published>
<content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Armenia froze ties.</p></div>
</content></entry></feed>"""
OPML = """<?xml version="1.0"?><opml version="2.0"><head><title>Feeds</title></head><body>
<outline text="World"><outline text="Wire" type="rss" xmlUrl="https://news.example.com/rss"/>
<outline text="Other" type="rss" xmlUrl=" https://other.example.org/atom "/></outline>
<outline text="no feed"/></body></opml>"""


def test_rss_items_give_link_title_date_and_the_fullest_body() -> None:
    assert parse_feed(RSS.encode()) == ParsedFeed(
        "rss",
        items=(
            FeedItem(
                link="https://news.example.com/a",
                title="Armenia freezes CSTO",
                date=dt.date(2024, 2, 23),
                guid=None,
                body="<p>Armenia froze its CSTO membership.</p>\n<p>Moscow objected.</p>",
            ),
            FeedItem(
                link=None,
                title="Second",
                date=dt.date(2024, 2, 24),
                guid="wire-2",
                body="<p>Baku welcomed the move.</p>",
            ),
        ),
    )


def test_atom_entry_uses_the_alternate_link_and_the_published_date() -> None:
    [entry] = parse_feed(ATOM).items
    assert (entry.link, entry.date, entry.guid) == (
        "https://news.example.com/a",
        dt.date(2024, 2, 23),
        "urn:x:1",
    )
    assert entry.body == "<div><p>Armenia froze ties.</p></div>"


def test_opml_lists_the_feed_urls_of_nested_outlines() -> None:
    assert parse_feed(OPML) == ParsedFeed(
        "opml", feeds=("https://news.example.com/rss", "https://other.example.org/atom")
    )


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ("<rss><channel><item>", "malformed XML: no element found: line 1, column 20"),
        ("<html><body/></html>", "not an RSS, Atom or OPML document (root <html>)"),
    ],
)
def test_malformed_or_foreign_xml_is_a_feed_error(data: str, message: str) -> None:
    with pytest.raises(FeedError) as info:
        parse_feed(data)
    assert str(info.value) == message


def test_feed_file_items_with_bodies_are_documents(tmp_path: Path) -> None:
    path = tmp_path / "wire.rss"
    path.write_text(RSS)
    assert list(read_inputs([str(path)])) == [
        Document(
            id="https://news.example.com/a",
            text="Armenia froze its CSTO membership.\n\nMoscow objected.",
            date=dt.date(2024, 2, 23),
            title="Armenia freezes CSTO",
            url="https://news.example.com/a",
            source="news.example.com",
            origin=f"{path}#1",
        ),
        Document(
            id="wire-2",
            text="Baku welcomed the move.",
            date=dt.date(2024, 2, 24),
            title="Second",
            origin=f"{path}#2",
        ),
    ]


def test_malformed_feed_file_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "bad.xml"
    path.write_text("<rss><channel><item><title>x</title></channel></rss>")
    [error] = read_inputs([str(path)])
    assert str(error) == f"{path}: malformed XML: mismatched tag: line 1, column 38"


def test_feed_without_items_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "empty.atom"
    path.write_text('<feed xmlns="http://www.w3.org/2005/Atom"><title>x</title></feed>')
    assert [str(e) for e in read_inputs([str(path)])] == [f"{path}: atom feed has no items"]
