"""Feeds and fetching against a real HTTP server on 127.0.0.1 started by the test: robots.txt,
retries with backoff, the per-host delay, the user agent, timeouts and bad feeds."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from eventcoder.errors import Errors, InputError
from eventcoder.records import Article
from eventcoder.sources import FetchOptions, read_inputs

AGENT = "eventcoder-test/1.0 (+https://example.org/eventcoder)"
FAST = FetchOptions(user_agent=AGENT, timeout=2.0, retries=2, backoff=0.01, host_delay=0.0)


def page(headline: str) -> bytes:
    return (
        f"<html><head><title>{headline}</title></head><body><article><h1>{headline}</h1>"
        "<p>Officials from Chad and Sudan met in N'Djamena on Monday to discuss refugees "
        "crossing the border, the foreign ministry said.</p></article></body></html>"
    ).encode()


@dataclass
class Route:
    """Responses for one path, served in order; the last one repeats."""

    responses: list[tuple[int, dict[str, str], bytes]]
    delay: float = 0.0


@dataclass
class Server:
    base: str
    routes: dict[str, Route]
    log: list[tuple[float, str, str]] = field(default_factory=list)  # (time, path, agent)

    def hits(self, path: str) -> int:
        return sum(1 for _, p, _ in self.log if p == path)


@pytest.fixture
def serve() -> Iterator[Callable[[dict[str, Route]], Server]]:
    servers: list[ThreadingHTTPServer] = []

    def start(routes: dict[str, Route]) -> Server:
        state = Server("", routes)

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                state.log.append((time.monotonic(), self.path, self.headers.get("User-Agent", "")))
                route = state.routes.get(self.path)
                if route is None:
                    status, headers, body = 404, {"Content-Type": "text/plain"}, b"not here"
                else:
                    served = state.hits(self.path) - 1
                    status, headers, body = route.responses[min(served, len(route.responses) - 1)]
                    time.sleep(route.delay)
                try:
                    self.send_response(status)
                    for name, value in headers.items():
                        self.send_header(name, value)
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up (timeout test)

            def log_message(self, format: str, *args: object) -> None:
                pass

        server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        server.daemon_threads = True
        servers.append(server)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        state.base = f"http://127.0.0.1:{server.server_address[1]}"
        return state

    yield start
    for server in servers:
        server.shutdown()
        server.server_close()


def ok(body: bytes, kind: str = "text/html; charset=utf-8") -> tuple[int, dict[str, str], bytes]:
    return 200, {"Content-Type": kind}, body


ROBOTS = Route([ok(b"User-agent: *\nDisallow: /private/\n", "text/plain")])


def rss(base: str, links: list[str]) -> bytes:
    items = "".join(
        f"<item><title>Story {n}</title><link>{base}{link}</link>"
        f"<pubDate>Mon, 0{n} Sep 2025 10:00:00 +0000</pubDate></item>"
        for n, link in enumerate(links, start=1)
    )
    return (f'<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>{items}'
            "</channel></rss>").encode()


def read(paths: list[str], fetch: FetchOptions = FAST) -> list[Article | InputError]:
    return list(read_inputs(paths, fetch=fetch))


def test_feed_articles_are_fetched_politely(serve: Callable[[dict[str, Route]], Server]) -> None:
    server = serve({"/robots.txt": ROBOTS})
    links = ["/news/1", "/news/2", "/private/3", "/news/1", "/news/missing"]
    server.routes.update({
        "/feed.xml": Route([ok(rss(server.base, links), "application/rss+xml")]),
        "/news/1": Route([ok(page("One"))]),
        "/news/2": Route([(503, {"Retry-After": "0"}, b"busy"), ok(page("Two"))]),
        "/private/3": Route([ok(page("Three"))]),
    })
    items = read([f"{server.base}/feed.xml"])
    summary = [i.error.name if isinstance(i, InputError) else i.title for i in items]
    assert summary == ["Story 1", "Story 2", "E119", "E118"]
    first = items[0]
    assert isinstance(first, Article)
    assert first.id == first.url == f"{server.base}/news/1"
    assert first.published == "2025-09-01" and first.html and "Chad and Sudan" in first.html
    assert first.source == f"{server.base}/feed.xml#1"
    assert "robots.txt" in str(items[2]) and "/private/3" in str(items[2])
    assert "HTTP 404" in str(items[3])
    assert server.hits("/news/2") == 2  # retried after the 503
    assert server.hits("/news/1") == 1  # a link already fetched is not fetched again
    assert server.hits("/private/3") == 0 and server.hits("/robots.txt") == 1
    assert {agent for _, _, agent in server.log} == {AGENT}


def test_requests_to_one_host_are_spaced(serve: Callable[[dict[str, Route]], Server]) -> None:
    server = serve({"/robots.txt": ROBOTS})
    links = [f"/news/{n}" for n in range(1, 4)]
    server.routes["/feed.xml"] = Route([ok(rss(server.base, links), "application/rss+xml")])
    for link in links:
        server.routes[link] = Route([ok(page(link))])
    delay = 0.15
    polite = FetchOptions(user_agent=AGENT, timeout=2.0, retries=0, host_delay=delay)
    start = time.monotonic()
    assert all(isinstance(i, Article) for i in read([f"{server.base}/feed.xml"], polite))
    elapsed = time.monotonic() - start
    assert len(server.log) == 5  # robots.txt, the feed, three articles
    # the client waits between requests: a lower bound that machine load cannot break
    assert elapsed >= 4 * delay


def test_robots_crawl_delay_is_obeyed(serve: Callable[[dict[str, Route]], Server]) -> None:
    server = serve({
        "/robots.txt": Route([ok(b"User-agent: *\nCrawl-delay: 1\n", "text/plain")]),
        "/a": Route([ok(page("A"))]),
        "/b": Route([ok(page("B"))]),
    })
    start = time.monotonic()
    read([f"{server.base}/a", f"{server.base}/b"])
    elapsed = time.monotonic() - start
    assert [path for _, path, _ in server.log] == ["/robots.txt", "/a", "/b"]
    assert elapsed >= 2 * 0.99  # one second before /a and one before /b


def test_a_page_url_is_one_article(serve: Callable[[dict[str, Route]], Server]) -> None:
    server = serve({"/robots.txt": ROBOTS, "/story": Route([ok(page("Talks"))])})
    [article] = read([f"{server.base}/story"])
    assert isinstance(article, Article)
    assert article.id == f"{server.base}/story" and article.html == page("Talks").decode()


def test_retries_give_up_with_the_last_status(serve: Callable[[dict[str, Route]], Server]) -> None:
    server = serve({"/robots.txt": ROBOTS, "/down": Route([(500, {}, b"error")])})
    [error] = read([f"{server.base}/down"])
    assert isinstance(error, InputError) and error.error is Errors.E118
    assert "HTTP 500" in str(error)
    assert server.hits("/down") == 3  # the first try and two retries


def test_a_slow_server_times_out(serve: Callable[[dict[str, Route]], Server]) -> None:
    server = serve({"/robots.txt": ROBOTS, "/slow": Route([ok(page("Slow"))], delay=1.0)})
    quick = FetchOptions(user_agent=AGENT, timeout=0.2, retries=1, backoff=0.01, host_delay=0)
    [error] = read([f"{server.base}/slow"], quick)
    assert isinstance(error, InputError) and error.error is Errors.E118
    assert "Timeout" in str(error)
    assert server.hits("/slow") == 2


@pytest.mark.parametrize(
    ("robots", "code", "fragment"),
    [
        (Route([(403, {}, b"forbidden")]), Errors.E119, "does not allow"),
        (Route([(503, {}, b"down")]), Errors.E118, "robots.txt answers HTTP 503"),
        (Route([(404, {}, b"none")]), None, ""),
    ],
)
def test_robots_txt_answers(serve: Callable[[dict[str, Route]], Server], robots: Route,
                            code: Errors | None, fragment: str) -> None:
    server = serve({"/robots.txt": robots, "/story": Route([ok(page("Talks"))])})
    [item] = read([f"{server.base}/story"])
    if code is None:
        assert isinstance(item, Article)
    else:
        assert isinstance(item, InputError) and item.error is code and fragment in str(item)
        assert server.hits("/story") == 0


def test_local_feed_file_and_bad_feeds(serve: Callable[[dict[str, Route]], Server],
                                       tmp_path: Path) -> None:
    server = serve({"/robots.txt": ROBOTS, "/news/1": Route([ok(page("One"))])})
    atom = tmp_path / "wire.atom"
    atom.write_text(
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
        f'<title>Wire</title><entry><title>One</title><link href="{server.base}/news/1"/>'
        "<id>urn:1</id><updated>2025-09-03T10:00:00Z</updated></entry></feed>",
        encoding="utf-8",
    )
    empty = tmp_path / "empty.rss"
    empty.write_text('<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>'
                     "</channel></rss>", encoding="utf-8")
    broken = tmp_path / "notes.xml"
    broken.write_text("Just some words, no feed here.", encoding="utf-8")
    items = list(read_inputs([str(atom), str(empty), str(broken)], fetch=FAST))
    article, no_entries, not_a_feed = items
    assert isinstance(article, Article) and article.title == "One"
    assert article.published == "2025-09-03"
    assert isinstance(no_entries, InputError) and no_entries.error is Errors.E121
    assert isinstance(not_a_feed, InputError) and not_a_feed.error is Errors.E117
    assert str(broken) in str(not_a_feed)


def test_unreachable_host_is_E118() -> None:
    quick = FetchOptions(user_agent=AGENT, timeout=0.5, retries=0, host_delay=0)
    [error] = read(["http://127.0.0.1:9/feed.xml"], quick)  # the discard port: nothing listens
    assert isinstance(error, InputError) and error.error is Errors.E118
    assert "robots.txt" in str(error)
