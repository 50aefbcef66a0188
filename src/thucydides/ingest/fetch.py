"""Fetching feed and page URLs over HTTP: timeouts, retries, politeness and robots.txt.

One :class:`Fetcher` serves a whole run (it keeps one connection pool). For each URL:

1. only ``http``/``https`` URLs are fetched;
2. robots.txt of the host is read once (a missing or unreadable file allows everything, as
   RFC 9309 says for 4xx answers; only a 200 answer restricts) and a disallowed URL is refused;
3. the request waits until ``politeness_s`` has passed since the last request to that host;
4. the response is streamed with a per-read timeout, a whole-response deadline (a host that
   dribbles bytes is cut off) and a size cap; at most ``max_redirects`` redirects are followed;
5. timeouts, connection failures and 429/5xx answers are retried with exponential backoff
   (``Retry-After`` is honoured up to a cap); other 4xx answers fail at once.

Every failure is an :class:`~thucydides.errors.InputError` naming the URL.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from types import TracebackType
from urllib.parse import urlsplit
from urllib.robotparser import RobotFileParser

import httpx

from thucydides import __version__
from thucydides.errors import InputError

USER_AGENT = f"thucydides/{__version__} (+offline event coder)"
# The product token robots.txt rules are matched against.
ROBOTS_AGENT = "thucydides"
# Answers worth retrying: rate limiting and transient server errors (RFC 9110 / RFC 6585).
RETRY_STATUS = frozenset({429, 500, 502, 503, 504})
# Longest Retry-After honoured (a judgement call); a longer one is ignored for our own backoff.
MAX_RETRY_AFTER_S = 60.0


@dataclass(frozen=True)
class FetchConfig:
    """How politely and patiently URLs are fetched.

    Defaults follow common crawler practice (one request per second per host, as
    Common Crawl and Heritrix default to; 10 s socket timeouts; 5 redirects, the limit RFC 2068
    suggested and browsers far exceed) rather than any measurement of ours.

    Attributes:
        timeout_s: Connect and per-read timeout.
        deadline_s: Longest time one response may take to arrive in full.
        retries: Extra tries after a timeout, connection failure or 429/5xx answer.
        backoff_s: Wait before the first retry; doubled for each further one.
        politeness_s: Least time between two requests to the same host.
        max_redirects: Redirects followed before giving up ("redirect loop").
        max_bytes: Largest response body accepted (news pages are well under 10 MB).
        user_agent: The ``User-Agent`` header.
        robots: Whether robots.txt is honoured.
    """

    timeout_s: float = 10.0
    deadline_s: float = 30.0
    retries: int = 2
    backoff_s: float = 1.0
    politeness_s: float = 1.0
    max_redirects: int = 5
    max_bytes: int = 10 * 1024 * 1024
    user_agent: str = USER_AGENT
    robots: bool = True


@dataclass(frozen=True)
class Response:
    """A successful (2xx) response read in full.

    Attributes:
        url: The final URL, after redirects.
        status: The HTTP status code.
        content_type: The ``Content-Type`` header, or None.
        body: The body, with any content encoding (gzip, deflate) undone.
    """

    url: str
    status: int
    content_type: str | None
    body: bytes


class _Retryable(Exception):
    """A failure that another try may not meet (timeout, dropped connection, 429/5xx)."""

    def __init__(self, reason: str, wait_s: float | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.wait_s = wait_s


class Fetcher:
    """Fetches URLs with one connection pool, per-host politeness and a robots.txt cache.

    Use it as a context manager, or call :meth:`close`.
    """

    def __init__(
        self, config: FetchConfig | None = None, *, transport: httpx.BaseTransport | None = None
    ) -> None:
        self.config = config or FetchConfig()
        self._client = httpx.Client(
            timeout=httpx.Timeout(self.config.timeout_s),
            follow_redirects=True,
            max_redirects=self.config.max_redirects,
            headers={"User-Agent": self.config.user_agent},
            transport=transport,
        )
        self._last_request: dict[str, float] = {}
        self._robots: dict[str, RobotFileParser | None] = {}

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        """Close the connection pool."""
        self._client.close()

    def get(self, url: str) -> Response:
        """Fetch ``url``, retrying transient failures.

        Raises:
            InputError: not an http(s) URL, disallowed by robots.txt, a 4xx answer, too many
                redirects, too large, or still failing after every retry.
        """
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise InputError(url, "not an http(s) URL")
        if self.config.robots and not self._allowed(url):
            raise InputError(url, "disallowed by robots.txt")
        tries = self.config.retries + 1
        reason = ""
        for attempt in range(tries):
            try:
                response = self._once(url)
            except _Retryable as exc:
                reason = exc.reason
                if attempt + 1 < tries:
                    time.sleep(self._backoff(attempt, exc.wait_s))
                continue
            if 200 <= response.status < 300:
                return response
            raise InputError(url, f"HTTP {response.status}")
        raise InputError(url, f"{reason} (after {tries} tries)")

    def _backoff(self, attempt: int, asked_s: float | None) -> float:
        own = self.config.backoff_s * 2**attempt
        return max(own, asked_s or 0.0)

    def _once(self, url: str) -> Response:
        host = urlsplit(url).netloc.lower()
        self._wait_for(host)
        started = time.monotonic()
        try:
            with self._client.stream("GET", url) as answer:
                if answer.status_code in RETRY_STATUS:
                    raise _Retryable(f"HTTP {answer.status_code}", _retry_after(answer))
                body = self._read_body(answer, url, started)
                return Response(
                    str(answer.url), answer.status_code, answer.headers.get("content-type"), body
                )
        except httpx.TooManyRedirects:
            raise InputError(
                url, f"too many redirects (more than {self.config.max_redirects})"
            ) from None
        except httpx.TimeoutException:
            raise _Retryable(f"timed out ({self.config.timeout_s:g} s)") from None
        except httpx.TransportError as exc:
            raise _Retryable(f"connection failed: {exc or type(exc).__name__}") from None
        except httpx.HTTPError as exc:
            raise InputError(url, f"HTTP error: {exc}") from None
        finally:
            self._last_request[host] = time.monotonic()

    def _read_body(self, answer: httpx.Response, url: str, started: float) -> bytes:
        if answer.status_code >= 300:
            return b""
        chunks: list[bytes] = []
        size = 0
        for chunk in answer.iter_bytes():
            size += len(chunk)
            if size > self.config.max_bytes:
                raise InputError(url, f"response larger than {self.config.max_bytes} bytes")
            if time.monotonic() - started > self.config.deadline_s:
                raise _Retryable(f"too slow (over {self.config.deadline_s:g} s)")
            chunks.append(chunk)
        return b"".join(chunks)

    def _wait_for(self, host: str) -> None:
        last = self._last_request.get(host)
        if last is None:
            return
        remaining = self.config.politeness_s - (time.monotonic() - last)
        if remaining > 0:
            time.sleep(remaining)

    def _allowed(self, url: str) -> bool:
        parts = urlsplit(url)
        root = f"{parts.scheme}://{parts.netloc.lower()}"
        if root not in self._robots:
            self._robots[root] = self._read_robots(root)
        rules = self._robots[root]
        return rules is None or rules.can_fetch(ROBOTS_AGENT, url)

    def _read_robots(self, root: str) -> RobotFileParser | None:
        try:
            answer = self._once(f"{root}/robots.txt")
        except (_Retryable, InputError):
            return None
        if answer.status != 200:
            return None
        rules = RobotFileParser()
        rules.parse(answer.body.decode("utf-8", errors="replace").splitlines())
        return rules


def _retry_after(answer: httpx.Response) -> float | None:
    value = answer.headers.get("retry-after", "")
    try:
        seconds = float(value)
    except ValueError:
        return None
    return seconds if 0 <= seconds <= MAX_RETRY_AFTER_S else None
