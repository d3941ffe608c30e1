"""A real HTTP server on loopback for crawler tests: recorded replies per path, a request log.

Each `Site` is one host (its own 127.0.0.x address and port) served by a threading
http.server. A route answers with a sequence of `Reply`s (the last one repeats), so "429
then 200" is two replies. Every request is logged with its arrival time and headers, and
the site tracks how many requests were in flight at once, so tests can assert politeness
from the server's side.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

# How long a "hang" reply waits before giving up on its own (tests release it sooner).
HANG_LIMIT_S = 30.0


@dataclass
class Reply:
    """One recorded response."""

    status: int = 200
    body: bytes = b""
    content_type: str | None = "text/html; charset=utf-8"
    headers: dict[str, str] = field(default_factory=dict)
    delay_s: float = 0.0  # latency before the answer
    hang: bool = False  # never answer (until the site stops)
    content_length: int | None = None  # declare a different length (truncated bodies)
    send_length: bool = True  # False: no Content-Length, the body ends when the socket closes
    repeat: int = 1  # send `body` this many times (large bodies without building them)


@dataclass
class Route:
    replies: list[Reply]
    etag: str | None = None  # If-None-Match equal to this → 304
    last_modified: str | None = None  # If-Modified-Since equal to this → 304
    served: int = 0


@dataclass
class Hit:
    """One request as the server saw it."""

    path: str
    arrived: float  # time.monotonic() when the request line and headers were read
    headers: dict[str, str]


class Site:
    """One loopback host with routes; use as a context manager or call start()/stop()."""

    def __init__(self, host: str = "127.0.0.1"):
        self.host = host
        self.routes: dict[str, Route] = {}
        self.hits: list[Hit] = []
        self.in_flight = 0
        self.max_in_flight = 0
        self.lock = threading.Lock()
        self.release = threading.Event()
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None

    def route(self, path: str, *replies: Reply, etag: str | None = None,
              last_modified: str | None = None) -> str:
        """Serve `replies` at `path`; returns the absolute URL."""
        self.routes[path] = Route(list(replies) or [Reply()], etag, last_modified)
        return self.url(path)

    def start(self) -> Site:
        self._server = _Server((self.host, 0), _Handler)
        self._server.site = self
        self._thread = threading.Thread(target=self._server.serve_forever,
                                        kwargs={"poll_interval": 0.02}, daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        self.release.set()
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)

    def __enter__(self) -> Site:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    @property
    def base_url(self) -> str:
        assert self._server is not None
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    @property
    def netloc(self) -> str:
        return self.base_url.removeprefix("http://")

    def url(self, path: str) -> str:
        return self.base_url + path

    def paths(self) -> list[str]:
        with self.lock:
            return [hit.path for hit in self.hits]

    def arrivals(self, prefix: str = "") -> list[float]:
        with self.lock:
            return [hit.arrived for hit in self.hits if hit.path.startswith(prefix)]


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    site: Site

    def handle_error(self, request: object, client_address: object) -> None:
        """The crawler hangs up on purpose (size caps, timeouts): not an error here."""


class _Handler(BaseHTTPRequestHandler):
    server: _Server
    _in_flight = False

    def log_message(self, format: str, *args: object) -> None:
        """Quiet: the site keeps its own log."""

    def do_GET(self) -> None:
        site = self.server.site
        arrived = time.monotonic()
        with site.lock:
            headers = {key.lower(): value for key, value in self.headers.items()}
            site.hits.append(Hit(self.path, arrived, headers))
            site.in_flight += 1
            site.max_in_flight = max(site.max_in_flight, site.in_flight)
            self._in_flight = True
            route = site.routes.get(self.path) or site.routes.get(self.path.split("?")[0])
            reply = None
            if route is not None:
                reply = route.replies[min(route.served, len(route.replies) - 1)]
                route.served += 1
        try:
            self._answer(site, route, reply)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the crawler stopped reading on purpose
        finally:
            self._done(site)

    def _done(self, site: Site) -> None:
        with site.lock:
            if self._in_flight:
                site.in_flight -= 1
                self._in_flight = False

    def _answer(self, site: Site, route: Route | None, reply: Reply | None) -> None:
        if route is None or reply is None:
            self._finish(site, 404, {"Content-Type": "text/plain"}, b"not found")
            return
        if reply.hang:
            site.release.wait(HANG_LIMIT_S)
            return
        if reply.delay_s:
            site.release.wait(reply.delay_s)
        if self._not_modified(route):
            headers = {"ETag": route.etag or "", "Last-Modified": route.last_modified or ""}
            self._finish(site, 304, {k: v for k, v in headers.items() if v}, b"")
            return
        headers = dict(reply.headers)
        if reply.content_type is not None:
            headers["Content-Type"] = reply.content_type
        if route.etag:
            headers["ETag"] = route.etag
        if route.last_modified:
            headers["Last-Modified"] = route.last_modified
        length = reply.content_length
        if length is None and reply.send_length:
            length = len(reply.body) * reply.repeat
        if length is not None:
            headers["Content-Length"] = str(length)
        self._finish(site, reply.status, headers, reply.body, reply.repeat)

    def _not_modified(self, route: Route) -> bool:
        etag = self.headers.get("If-None-Match")
        since = self.headers.get("If-Modified-Since")
        return bool((route.etag and etag == route.etag)
                    or (route.last_modified and since == route.last_modified))

    def _finish(self, site: Site, status: int, headers: dict[str, str], body: bytes,
                repeat: int = 1) -> None:
        # Count the request as done once the answer starts: the crawler may read it and
        # send the next one before this thread runs again, and the test must not see a
        # phantom extra request in flight.
        self._done(site)
        self.send_response(status)
        for key, value in headers.items():
            self.send_header(key, value)
        self.send_header("Connection", "close")
        self.end_headers()
        for _ in range(repeat):
            if site.release.is_set():
                break
            self.wfile.write(body)
