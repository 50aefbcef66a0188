"""Fetching over HTTP against a local server: pages, feeds, OPML, URL lists and failures."""

from __future__ import annotations

import datetime as dt
import itertools
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from thucydides.errors import InputError
from thucydides.ingest import FetchConfig, Fetcher, IngestItem, read_corpus
from thucydides.ingest.fetch import USER_AGENT
from thucydides.ingest.web import payload_kind

ARTICLE = (
    b"<html><head><title>Armenia freezes CSTO</title>"
    b'<meta property="article:published_time" content="2024-02-23"></head>'
    b"<body><p>Armenia froze its membership in the CSTO on Friday, the prime minister said.</p>"
    b"</body></html>"
)
FEED = b"""<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>
<item><title>Yerevan speaks</title><link>{base}/article.html</link>
<pubDate>Fri, 23 Feb 2024 10:00:00 GMT</pubDate></item>
<item><title>Moscow replies</title><link>{base}/reply</link>
<description>Moscow said it regretted the decision of the Armenian government.</description>
<pubDate>Sat, 24 Feb 2024 08:00:00 GMT</pubDate></item>
</channel></rss>"""
OPML = b"""<?xml version="1.0"?><opml version="2.0"><body>
<outline text="Wire" type="rss" xmlUrl="{base}/feed.xml"/></body></opml>"""
ROBOTS = b"User-agent: thucydides\nDisallow: /private\n"
# Fast settings so the failure tests take well under a second each.
FAST = FetchConfig(
    timeout_s=0.3, deadline_s=0.4, retries=1, backoff_s=0.01, politeness_s=0.0, max_redirects=3
)


class _Handler(BaseHTTPRequestHandler):
    server: _Server

    def do_GET(self) -> None:
        self.server.hits.append((self.path, self.headers.get("User-Agent", ""), time.monotonic()))
        base = f"http://127.0.0.1:{self.server.server_port}".encode()
        routes = {
            "/article.html": (200, "text/html; charset=utf-8", ARTICLE),
            "/private/page.html": (200, "text/html", ARTICLE),
            "/feed.xml": (200, "application/rss+xml", FEED.replace(b"{base}", base)),
            "/list.opml": (200, "text/x-opml", OPML.replace(b"{base}", base)),
            "/robots.txt": (200, "text/plain", ROBOTS),
            "/broken.xml": (200, "application/rss+xml", b"<rss><channel><item>"),
            "/image.png": (200, "image/png", b"\x89PNG\r\n"),
        }
        if self.path in routes:
            self._send(*routes[self.path])
        elif self.path == "/moved":
            self._redirect("/article.html")
        elif self.path.startswith("/loop"):
            self._redirect(f"/loop{len(self.path)}")
        elif self.path == "/slow":
            time.sleep(1.0)
            self._send(200, "text/html", ARTICLE)
        elif self.path == "/dribble":
            self._dribble()
        elif self.path == "/flaky":
            self.server.flaky += 1
            if self.server.flaky == 1:
                self._send(503, "text/plain", b"busy")
            else:
                self._send(200, "text/html", ARTICLE)
        else:
            self._send(404, "text/plain", b"not found")

    def _send(self, status: int, ctype: str, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _redirect(self, location: str) -> None:
        self.send_response(302)
        self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def _dribble(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", "100")
        self.end_headers()
        for _ in range(10):  # 10 bytes every 0.1 s: no read times out, the whole is too slow
            self.wfile.write(b" " * 10)
            self.wfile.flush()
            time.sleep(0.1)

    def log_message(self, format: str, *args: object) -> None:
        pass


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    hits: list[tuple[str, str, float]]
    flaky: int


@pytest.fixture(scope="module")
def running_server() -> Iterator[_Server]:
    httpd = _Server(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05})
    thread.daemon = True
    thread.start()
    try:
        yield httpd
    finally:
        httpd.shutdown()
        httpd.server_close()


@pytest.fixture
def server(running_server: _Server) -> _Server:
    """The module's server with its request log and counters reset."""
    running_server.hits, running_server.flaky = [], 0
    return running_server


def url(server: _Server, path: str) -> str:
    return f"http://127.0.0.1:{server.server_port}{path}"


def fetch_error(server: _Server, path: str, config: FetchConfig = FAST) -> str:
    with Fetcher(config) as fetcher, pytest.raises(InputError) as info:
        fetcher.get(url(server, path))
    return info.value.message


def corpus(sources: list[str], **kwargs: object) -> list[IngestItem]:
    return list(read_corpus(sources, fetch=FAST, **kwargs))  # type: ignore[arg-type]


def test_page_url_becomes_a_document_with_domain_title_and_date(server: _Server) -> None:
    [item] = corpus([url(server, "/article.html")])
    assert item.accepted and item.document is not None
    doc = item.document
    assert (doc.id, doc.url, doc.source, doc.title, doc.date) == (
        url(server, "/article.html"),
        url(server, "/article.html"),
        "127.0.0.1",
        "Armenia freezes CSTO",
        dt.date(2024, 2, 23),
    )
    assert (
        doc.text == "Armenia froze its membership in the CSTO on Friday, the prime minister said."
    )


def test_requests_carry_the_user_agent(server: _Server) -> None:
    corpus([url(server, "/article.html")])
    assert {agent for _, agent, _ in server.hits} == {USER_AGENT}
    assert USER_AGENT.startswith("thucydides/") and USER_AGENT.endswith("(+offline event coder)")


def test_redirect_is_followed_and_the_final_url_names_the_document(server: _Server) -> None:
    [item] = corpus([url(server, "/moved")])
    assert item.document is not None and item.document.id == url(server, "/article.html")


def test_404_is_an_input_error_without_retries(server: _Server) -> None:
    assert fetch_error(server, "/missing") == "HTTP 404"
    assert [path for path, _, _ in server.hits] == ["/robots.txt", "/missing"]


def test_redirect_loop_is_cut_off(server: _Server) -> None:
    assert fetch_error(server, "/loop") == "too many redirects (more than 3)"


def test_slow_host_times_out_after_every_retry(server: _Server) -> None:
    assert fetch_error(server, "/slow") == "timed out (0.3 s) (after 2 tries)"


def test_host_dribbling_bytes_hits_the_response_deadline(server: _Server) -> None:
    assert fetch_error(server, "/dribble") == "too slow (over 0.4 s) (after 2 tries)"


def test_server_error_is_retried(server: _Server) -> None:
    with Fetcher(FAST) as fetcher:
        response = fetcher.get(url(server, "/flaky"))
    assert (response.status, server.flaky) == (200, 2)


def test_robots_txt_disallow_is_honoured_and_read_once(server: _Server) -> None:
    with Fetcher(FAST) as fetcher:
        with pytest.raises(InputError, match=r"disallowed by robots\.txt"):
            fetcher.get(url(server, "/private/page.html"))
        fetcher.get(url(server, "/article.html"))
    assert [path for path, _, _ in server.hits] == ["/robots.txt", "/article.html"]


def test_robots_can_be_ignored(server: _Server) -> None:
    config = FetchConfig(timeout_s=0.3, politeness_s=0.0, robots=False)
    with Fetcher(config) as fetcher:
        assert fetcher.get(url(server, "/private/page.html")).status == 200


def test_requests_to_one_host_are_spaced_by_the_politeness_delay(server: _Server) -> None:
    config = FetchConfig(timeout_s=1.0, politeness_s=0.15, robots=False)
    with Fetcher(config) as fetcher:
        for _ in range(3):
            fetcher.get(url(server, "/article.html"))
    times = [at for _, _, at in server.hits]
    assert min(later - earlier for earlier, later in itertools.pairwise(times)) >= 0.14


def test_non_http_url_is_refused() -> None:
    with Fetcher(FAST) as fetcher, pytest.raises(InputError, match="not an http\\(s\\) URL"):
        fetcher.get("ftp://127.0.0.1/file")


def test_feed_url_items_are_fetched_or_read_from_their_description(server: _Server) -> None:
    items = corpus([url(server, "/feed.xml")], dedup=False)
    docs = [item.document for item in items]
    assert [(d.id, d.title, d.date) for d in docs if d is not None] == [
        (url(server, "/article.html"), "Armenia freezes CSTO", dt.date(2024, 2, 23)),
        (url(server, "/reply"), "Moscow replies", dt.date(2024, 2, 24)),
    ]
    assert docs[1] is not None
    assert docs[1].text == "Moscow said it regretted the decision of the Armenian government."


def test_opml_list_fetches_each_feed(server: _Server) -> None:
    items = corpus([url(server, "/list.opml")])
    ids = [item.document.id for item in items if item.document is not None]
    assert ids == [url(server, "/article.html"), url(server, "/reply")]


def test_malformed_fetched_feed_is_an_input_error(server: _Server) -> None:
    [item] = corpus([url(server, "/broken.xml")])
    assert item.error is not None and item.error.source == url(server, "/broken.xml")
    assert item.error.message.startswith("malformed XML: ")


def test_unsupported_content_type_is_skipped(server: _Server) -> None:
    [item] = corpus([url(server, "/image.png")])
    assert (item.skipped, item.detail) == (
        "unsupported-content",
        "unsupported content type image/png",
    )


def test_url_list_file_fetches_each_line_and_reports_failures(
    server: _Server, tmp_path: Path
) -> None:
    listing = tmp_path / "today.urls"
    listing.write_text(
        f"# morning\n{url(server, '/article.html')}\n\n{url(server, '/missing')}\nnot a url\n"
    )
    items = corpus([str(listing)])
    assert [item.outcome for item in items] == ["read", "error", "error"]
    assert items[0].document is not None and items[0].document.origin == f"{listing}:2"
    assert [str(item.error) for item in items[1:]] == [
        f"{url(server, '/missing')}: HTTP 404",
        f"{listing}: line 5: not an http(s) URL: 'not a url'",
    ]


def test_text_file_holding_only_urls_is_a_url_list(server: _Server, tmp_path: Path) -> None:
    listing = tmp_path / "links.txt"
    listing.write_text(url(server, "/article.html") + "\n")
    [item] = corpus([str(listing)])
    assert item.document is not None and item.document.url == url(server, "/article.html")


@pytest.mark.parametrize(
    ("content_type", "body", "kind"),
    [
        ("text/html", b'<?xml version="1.0"?>\n<!-- x -->\n<rss version="2.0">', "feed"),
        ("text/html; charset=utf-8", b"<html><body><feed>not a root</feed>", "html"),
        ("application/atom+xml", b"<x/>", "feed"),
        (None, b"<!DOCTYPE html><html>", "html"),
        ("application/pdf", b"%PDF-1.7", "other"),
    ],
)
def test_payload_kind_sniffs_feed_roots_before_trusting_the_header(
    content_type: str | None, body: bytes, kind: str
) -> None:
    assert payload_kind(content_type, body) == kind
