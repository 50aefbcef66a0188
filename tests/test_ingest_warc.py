"""WARC files (CC-NEWS style): HTML responses become documents; damage is reported."""

from __future__ import annotations

import datetime as dt
import gzip
from pathlib import Path

from thucydides.ingest import IngestItem, read_corpus, read_inputs
from thucydides.ingest.warc import parse_http
from thucydides.records import Document

PAGE = (
    "<html><head><title>Armenia freezes CSTO</title></head><body>"
    "<p>Armenia froze its membership in the CSTO on Friday, the prime minister said.</p>"
    "</body></html>"
)


def record(warc_type: str, url: str, block: bytes, version: str = "1.1") -> bytes:
    head = (
        f"WARC/{version}\r\nWARC-Type: {warc_type}\r\nWARC-Target-URI: {url}\r\n"
        f"WARC-Date: 2024-05-09T10:00:00Z\r\nContent-Length: {len(block)}\r\n\r\n"
    )
    return head.encode() + block + b"\r\n\r\n"


def http(body: bytes, status: str = "200 OK", ctype: str = "text/html; charset=utf-8") -> bytes:
    return f"HTTP/1.1 {status}\r\nContent-Type: {ctype}\r\n\r\n".encode() + body


def write_warc(path: Path, records: list[bytes]) -> Path:
    if path.name.endswith(".gz"):  # one gzip member per record, as crawlers write them
        path.write_bytes(b"".join(gzip.compress(rec) for rec in records))
    else:
        path.write_bytes(b"".join(records))
    return path


def corpus(path: Path) -> list[IngestItem]:
    return list(read_corpus([str(path)], dedup=False))


def test_html_response_becomes_a_document_dated_by_the_record(tmp_path: Path) -> None:
    path = write_warc(
        tmp_path / "news.warc.gz",
        [
            record("warcinfo", "", b"software: test\r\n", version="1.0"),
            record("request", "https://www.example.org/a", b"GET /a HTTP/1.1\r\n\r\n"),
            record("response", "https://www.example.org/a", http(PAGE.encode())),
        ],
    )
    assert list(read_inputs([str(path)])) == [
        Document(
            id="https://www.example.org/a",
            text="Armenia froze its membership in the CSTO on Friday, the prime minister said.",
            date=dt.date(2024, 5, 9),
            title="Armenia freezes CSTO",
            url="https://www.example.org/a",
            source="example.org",
            origin=f"{path}:3",
        )
    ]


def test_page_date_wins_over_the_crawl_date(tmp_path: Path) -> None:
    page = PAGE.replace(
        "<title>", '<meta property="article:published_time" content="2024-05-01"><title>'
    )
    path = write_warc(
        tmp_path / "a.warc", [record("response", "http://x.org/a", http(page.encode()))]
    )
    [doc] = read_inputs([str(path)])
    assert isinstance(doc, Document) and doc.date == dt.date(2024, 5, 1)


def test_declared_charset_is_used_to_decode(tmp_path: Path) -> None:
    body = PAGE.replace("Friday", "vendredi \u00e9t\u00e9").encode("latin-1")
    path = write_warc(
        tmp_path / "a.warc",
        [record("response", "http://x.org/a", http(body, ctype="text/html; charset=iso-8859-1"))],
    )
    [doc] = read_inputs([str(path)])
    assert isinstance(doc, Document) and "vendredi \u00e9t\u00e9" in doc.text


def test_non_html_and_failed_responses_are_skipped(tmp_path: Path) -> None:
    path = write_warc(
        tmp_path / "a.warc.gz",
        [
            record(
                "response", "http://x.org/robots.txt", http(b"User-agent: *", ctype="text/plain")
            ),
            record("response", "http://x.org/gone", http(b"gone", status="404 Not Found")),
        ],
    )
    assert [(item.skipped, item.source, item.detail) for item in corpus(path)] == [
        ("not-html", f"{path}:1", "HTTP 200 text/plain"),
        ("not-html", f"{path}:2", "HTTP 404 text/html"),
    ]


def test_wet_conversion_record_is_plain_text(tmp_path: Path) -> None:
    text = b"Armenia froze its membership in the CSTO on Friday."
    path = write_warc(tmp_path / "a.warc.wet.gz", [record("conversion", "http://x.org/a", text)])
    [item] = corpus(path)
    assert item.document is not None
    assert (item.document.text, item.document.id) == (text.decode(), "http://x.org/a")


def test_truncated_gzip_keeps_the_records_before_the_damage(tmp_path: Path) -> None:
    good = gzip.compress(record("response", "http://x.org/a", http(PAGE.encode())))
    cut = gzip.compress(record("response", "http://x.org/b", http(PAGE.encode())))[:-20]
    path = tmp_path / "cut.warc.gz"
    path.write_bytes(good + cut)
    items = corpus(path)
    assert [item.outcome for item in items] == ["read", "error"]
    assert str(items[1].error) == f"{path}: record 2: cannot read: truncated gzip file"


def test_record_shorter_than_its_content_length_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "short.warc"
    path.write_bytes(record("response", "http://x.org/a", http(PAGE.encode()))[:-60])
    [item] = corpus(path)
    assert item.error is not None and item.error.message.startswith("record 1: truncated (")


def test_file_that_is_not_warc_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "fake.warc"
    path.write_text("hello\n")
    [item] = corpus(path)
    assert str(item.error) == f"{path}: record 1: not a WARC record (starts b'hello\\n')"


def test_chunked_and_gzipped_http_body_is_decoded() -> None:
    body = gzip.compress(b"<p>Armenia</p>")
    chunked = f"{len(body):x}\r\n".encode() + body + b"\r\n0\r\n\r\n"
    head = b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Encoding: gzip\r\n\r\n"
    payload = parse_http(head + chunked)
    assert (payload.status, payload.body) == (200, b"<p>Armenia</p>")
