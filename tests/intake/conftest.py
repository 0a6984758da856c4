"""A local HTTP server on 127.0.0.1 for the URL intake tests; nothing here touches the internet."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

ARTICLE_HTML = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Harbour bridge reopens | Daily Example</title>
<meta property="og:title" content="Harbour bridge reopens after eight months">
<script>document.title = "SCRIPT-MARKER"; window.location = "https://evil.example/";</script>
<style>.STYLE-MARKER { color: red }</style>
</head><body>
<nav><a href="/">Home</a> | <a href="/world">World</a> | <a href="/sport">NAV-MARKER Sport</a></nav>
<header><div class="cookie-banner">COOKIE-MARKER We use cookies.</div></header>
<main><article>
<h1>Bridge reopens after repairs</h1>
<p>The harbour bridge reopened on Monday after eight months of repairs that cost the city 42 million euros, officials said.</p>
<p>"We are proud of the crews who worked through the winter," the mayor, Anna Berg, told reporters at the ceremony.
The traffic authority expects about 30,000 vehicles a day to use the crossing again.</p>
<h2>Delays and costs</h2>
<p>Critics say the project ran three months late and went 15% over budget, according to a report seen by this newspaper.</p>
<iframe src="https://ads.example/frame">IFRAME-MARKER</iframe>
<form action="/subscribe"><label>FORM-MARKER Your email</label><input name="email" value="FORM-VALUE-MARKER">
<button>Subscribe now FORM-BUTTON-MARKER</button></form>
<p>Residents on both sides of the water welcomed the news, saying the detour had added an hour to their commute.</p>
</article>
<section id="comments" class="comments"><h3>Comments</h3>
<div class="comment"><p>COMMENT-MARKER This is terrible reporting and everybody involved should be ashamed, first!</p></div>
</section></main>
<footer><p>FOOTER-MARKER Copyright 2024 Daily Example. All rights reserved by the owners of this site.</p></footer>
<script>var tracker = "SCRIPT-2-MARKER";</script>
</body></html>
"""

ARTICLE_PARAGRAPHS = (
    "The harbour bridge reopened on Monday after eight months of repairs that cost the city 42 million euros, officials said.",
    '"We are proud of the crews who worked through the winter," the mayor, Anna Berg, told reporters at the ceremony. '
    "The traffic authority expects about 30,000 vehicles a day to use the crossing again.",
    "Critics say the project ran three months late and went 15% over budget, according to a report seen by this newspaper.",
    "Residents on both sides of the water welcomed the news, saying the detour had added an hour to their commute.",
)

BOILERPLATE_MARKERS = (
    "SCRIPT-MARKER",
    "SCRIPT-2-MARKER",
    "STYLE-MARKER",
    "NAV-MARKER",
    "COOKIE-MARKER",
    "IFRAME-MARKER",
    "FORM-MARKER",
    "FORM-VALUE-MARKER",
    "FORM-BUTTON-MARKER",
    "COMMENT-MARKER",
    "FOOTER-MARKER",
)


@dataclass
class Reply:
    """What the server sends for one path: a status, headers and a body, optionally after a delay."""

    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes = b""
    delay: float = 0.0  # seconds to hold the response (interrupted when the test ends)
    drip: float = 0.0  # seconds between body bytes, to outlast an overall deadline
    length: bool = True  # send Content-Length


@dataclass
class LocalServer:
    base: str
    routes: dict[str, Reply | Callable[[str], Reply]]
    stop: threading.Event

    def url(self, path: str) -> str:
        return self.base + path

    def serve(self, path: str, body: bytes, headers: dict[str, str] | None = None, **options: object) -> str:
        """Serve ``body`` with status 200 at ``path``; ``options`` are Reply's delay, drip and length."""
        self.routes[path] = Reply(200, headers=headers or {}, body=body, **options)
        return self.url(path)

    def fail(self, path: str, status: int) -> str:
        self.routes[path] = Reply(status, headers={"Content-Type": "text/plain"}, body=b"error page")
        return self.url(path)

    def redirect(self, path: str, location: str) -> str:
        self.routes[path] = Reply(302, headers={"Location": location})
        return self.url(path)

    def redirect_forever(self, prefix: str) -> str:
        """``prefix/0`` redirects to ``prefix/1`` and so on, never repeating a URL."""
        self.routes[prefix + "/*"] = lambda path: Reply(
            302, headers={"Location": f"{prefix}/{int(path.rsplit('/', 1)[1]) + 1}"}
        )
        return self.url(prefix + "/0")


@dataclass(frozen=True)
class ArticlePage:
    html: str
    paragraphs: tuple[str, ...]
    boilerplate: tuple[str, ...]
    title: str


@pytest.fixture
def article_page() -> ArticlePage:
    """A news page with nav, cookie banner, script, style, iframe, form, comments and footer around the article."""
    return ArticlePage(
        ARTICLE_HTML, ARTICLE_PARAGRAPHS, BOILERPLATE_MARKERS, "Harbour bridge reopens after eight months"
    )


@pytest.fixture
def server(no_proxy: None) -> Iterator[LocalServer]:
    routes: dict[str, Reply | Callable[[str], Reply]] = {}
    stop = threading.Event()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - http.server's name
            path = self.path.split("?", 1)[0]
            route = routes.get(path) or next(
                (r for p, r in routes.items() if p.endswith("*") and path.startswith(p[:-1])), None
            )
            reply = route(path) if callable(route) else route or Reply(404, body=b"not here")
            if reply.delay and stop.wait(reply.delay):
                return
            self.send_response(reply.status)
            for name, value in reply.headers.items():
                self.send_header(name, value)
            if reply.length:
                self.send_header("Content-Length", str(len(reply.body)))
            self.end_headers()
            try:
                if reply.drip:
                    for index in range(len(reply.body)):
                        if stop.wait(reply.drip):
                            return
                        self.wfile.write(reply.body[index : index + 1])
                        self.wfile.flush()
                else:
                    self.wfile.write(reply.body)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up, as the size cap and deadline tests intend

        def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - http.server's name
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield LocalServer(f"http://127.0.0.1:{httpd.server_address[1]}", routes, stop)
    finally:
        stop.set()
        httpd.shutdown()
        httpd.server_close()
        thread.join(5)


@pytest.fixture
def no_proxy(monkeypatch: pytest.MonkeyPatch) -> None:
    """A proxy configured on the machine must not intercept requests to the local server."""
    for name in ("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"):
        monkeypatch.delenv(name, raising=False)
