"""Fetching an ``http(s)://`` article with the standard library, within firm limits.

Only HTTP and HTTPS are spoken, also across redirects (a redirect to ``file:``
or ``ftp:`` is refused), redirects are capped, the whole download has a
deadline (a socket timeout alone lets a server drip bytes forever), and the
body is read to at most cap + 1 bytes.
"""

from __future__ import annotations

import email.message
import http.client
import socket
import ssl
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

from reader import __version__
from reader.intake.errors import InputError
from reader.intake.limits import too_large

# Read at call time (tests shorten it).
TIMEOUT_SECONDS = 20.0
MAX_REDIRECTS = 5
_CHUNK = 64 * 1024
_SCHEMES = ("http", "https")
_HEADERS = {
    "User-Agent": f"reader/{__version__} (terminal reading assistant)",
    "Accept": "text/html,application/xhtml+xml,text/plain;q=0.9,text/markdown;q=0.9,*/*;q=0.1",
}


@dataclass(frozen=True)
class Fetched:
    body: bytes
    content_type: str  # lower-case media type without parameters, "" when the server sent none
    charset: str | None
    url: str  # after redirects


def is_url(source: str) -> bool:
    """An http(s) address (validated by ``fetch``), as opposed to a path or another scheme."""
    return urlsplit(source).scheme.lower() in _SCHEMES


def fetch(url: str, *, max_bytes: int, timeout: float | None = None) -> Fetched:
    """GET ``url`` or raise InputError with the reason (HTTP status, timeout, size, redirects)."""
    timeout = TIMEOUT_SECONDS if timeout is None else timeout
    parts = urlsplit(url)
    if parts.scheme.lower() not in _SCHEMES or not parts.hostname:
        raise InputError(f"{url}: not a valid http(s) URL")
    opener = urllib.request.OpenerDirector()
    for handler in (
        urllib.request.ProxyHandler(),
        urllib.request.HTTPHandler(),
        urllib.request.HTTPSHandler(),
        _Redirects(url),
        urllib.request.HTTPDefaultErrorHandler(),
        urllib.request.HTTPErrorProcessor(),
    ):
        opener.add_handler(handler)
    deadline = time.monotonic() + timeout
    try:
        with opener.open(urllib.request.Request(url, headers=_HEADERS), timeout=timeout) as response:
            headers: email.message.Message = response.headers
            _check_length(url, headers.get("Content-Length"), max_bytes)
            body = _read_capped(response, url, max_bytes, deadline, timeout)
            return Fetched(
                body=body,
                content_type=headers.get_content_type() if headers.get("Content-Type") else "",
                charset=headers.get_content_charset(),
                url=response.geturl(),
            )
    except urllib.error.HTTPError as exc:
        if 300 <= exc.code < 400:
            raise InputError(f"{url}: too many redirects (more than {MAX_REDIRECTS}, or a loop)") from None
        raise InputError(f"{url}: HTTP error {exc.code} ({exc.reason})") from None
    except urllib.error.URLError as exc:
        if isinstance(exc.reason, TimeoutError):
            raise InputError(f"{url}: timed out after {timeout:g} s") from None
        raise InputError(f"{url}: cannot connect ({_describe(exc.reason)})") from None
    except TimeoutError:
        raise InputError(f"{url}: timed out after {timeout:g} s") from None
    except (OSError, http.client.HTTPException, ValueError) as exc:
        raise InputError(f"{url}: the download failed ({_describe(exc)})") from None


class _Redirects(urllib.request.HTTPRedirectHandler):
    max_redirections = MAX_REDIRECTS

    def __init__(self, source: str) -> None:
        super().__init__()
        self.source = source

    def http_error_302(self, req, fp, code, msg, headers):  # noqa: ANN001, ANN201 - urllib's signature
        """Refuse a redirect to any scheme but http(s) by name (urllib would follow ``ftp:``)."""
        location = headers.get("location") or headers.get("uri")
        if location:
            scheme = urlsplit(urljoin(req.full_url, location)).scheme.lower()
            if scheme not in _SCHEMES:
                raise InputError(f"{self.source}: redirected to an unsupported URL scheme ({scheme}:)")
        return super().http_error_302(req, fp, code, msg, headers)

    http_error_301 = http_error_303 = http_error_307 = http_error_308 = http_error_302


def _check_length(url: str, declared: str | None, max_bytes: int) -> None:
    if declared and declared.strip().isdigit() and int(declared) > max_bytes:
        raise InputError(f"{url}: {too_large(max_bytes)}")


def _read_capped(
    response: http.client.HTTPResponse, url: str, max_bytes: int, deadline: float, timeout: float
) -> bytes:
    chunks: list[bytes] = []
    size = 0
    while True:
        if time.monotonic() > deadline:
            raise InputError(f"{url}: timed out after {timeout:g} s")
        chunk = response.read1(min(_CHUNK, max_bytes + 1 - size))
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
        if size > max_bytes:
            raise InputError(f"{url}: {too_large(max_bytes)}")
    return b"".join(chunks)


def _describe(reason: object) -> str:
    if isinstance(reason, socket.gaierror):
        return "cannot resolve the host name"
    if isinstance(reason, ssl.SSLError):
        return f"TLS error: {reason.reason or reason}"
    if isinstance(reason, OSError) and reason.strerror:
        return reason.strerror
    return str(reason) or type(reason).__name__
