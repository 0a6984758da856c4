"""http(s) URLs against a local server on 127.0.0.1: content types, charsets, and every way a fetch fails."""

from __future__ import annotations

import socket

import pytest

from reader.cli import main
from reader.intake import InputError, load
from reader.intake import fetch as fetching

HTML = {"Content-Type": "text/html; charset=utf-8"}


def test_html_page_is_extracted(server, article_page) -> None:
    url = server.serve("/news/bridge", article_page.html.encode(), HTML)
    document = load(url)
    assert document.source == url
    assert document.extractor.startswith("html:trafilatura-")
    assert document.title == article_page.title
    assert article_page.paragraphs[-1] in document.text.split("\n")
    assert not any(marker in document.text for marker in article_page.boilerplate)


def test_plain_text_by_content_type_even_if_it_looks_like_html(server) -> None:
    body = b"<html> is how pages start, this article says.\nSecond line.\n"
    url = server.serve("/story", body, {"Content-Type": "text/plain"})
    document = load(url)
    assert document.extractor == "plain"
    assert document.text == body.decode()


def test_markdown_by_content_type(server) -> None:
    url = server.serve("/story", b"# Title\n\nSome *words*.\n", {"Content-Type": "text/markdown"})
    document = load(url)
    assert (document.extractor, document.title, document.text) == ("markdown", "Title", "Title\nSome words.")


def test_unlabelled_body_is_judged_by_extension_then_content(server, article_page) -> None:
    md = server.serve("/notes.md", b"## Notes\n\n**Bold** claim.\n", {})
    assert load(md).text == "Notes\nBold claim."
    page = server.serve("/download", article_page.html.encode(), {"Content-Type": "application/octet-stream"})
    assert load(page).extractor.startswith("html:")


def test_charset_from_content_type_header(server) -> None:
    body = 'Новости: мэр сказал "да".\n'.encode("koi8-r")
    url = server.serve("/ru", body, {"Content-Type": "text/plain; charset=koi8-r"})
    assert load(url).text == 'Новости: мэр сказал "да".\n'


def test_a_few_redirects_are_followed(server, article_page) -> None:
    server.serve("/final", article_page.html.encode(), HTML)
    server.redirect("/hop2", "/final")
    url = server.redirect("/hop1", "/hop2")
    assert article_page.paragraphs[0] in load(url).text


def test_redirecting_forever_is_refused(server) -> None:
    url = server.redirect_forever("/loop")
    with pytest.raises(InputError, match=rf"^{url}: too many redirects \(more than {fetching.MAX_REDIRECTS}"):
        load(url)


def test_redirect_to_another_scheme_is_refused(server) -> None:
    url = server.redirect("/sneaky", "file:///etc/passwd")
    with pytest.raises(InputError, match=r"redirected to an unsupported URL scheme \(file:\)"):
        load(url)


@pytest.mark.parametrize(
    ("status", "reason"), [(404, "Not Found"), (500, "Internal Server Error"), (403, "Forbidden")]
)
def test_http_errors(server, status: int, reason: str) -> None:
    url = server.fail("/gone", status)
    with pytest.raises(InputError, match=rf"^{url}: HTTP error {status} \({reason}\)$"):
        load(url)


def test_slow_server_times_out(server, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(fetching, "TIMEOUT_SECONDS", 0.3)
    url = server.serve("/slow", b"late", {"Content-Type": "text/plain"}, delay=10)
    with pytest.raises(InputError, match=rf"^{url}: timed out after 0.3 s$"):
        load(url)


def test_dripping_body_hits_the_overall_deadline(server, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each byte arrives well within the socket timeout; the whole download still has a deadline."""
    monkeypatch.setattr(fetching, "TIMEOUT_SECONDS", 0.5)
    url = server.serve("/drip", b"x" * 100, {"Content-Type": "text/plain"}, drip=0.05)
    with pytest.raises(InputError, match="timed out after 0.5 s"):
        load(url)


def test_declared_length_over_the_cap_is_refused_before_reading(server) -> None:
    url = server.serve("/big", b"word " * 400, {"Content-Type": "text/plain"})
    with pytest.raises(InputError, match=r"larger than the 1000 bytes size limit"):
        load(url, max_bytes=1000)


def test_undeclared_length_is_cut_at_the_cap(server) -> None:
    url = server.serve("/stream", b"word " * 400, {"Content-Type": "text/plain"}, length=False)
    with pytest.raises(InputError, match=r"larger than the 1000 bytes size limit"):
        load(url, max_bytes=1000)
    assert load(url, max_bytes=2000).text.startswith("word word")


def test_non_article_content_type_is_refused(server) -> None:
    url = server.serve("/photo", b"\x89PNG\r\n\x1a\n", {"Content-Type": "image/png"})
    with pytest.raises(InputError, match=r"the server sent image/png, not an article"):
        load(url)


def test_empty_page_is_refused(server) -> None:
    url = server.serve("/empty", b"", {"Content-Type": "text/plain"})
    with pytest.raises(InputError, match=r": the page is empty$"):
        load(url)


def test_connection_refused(no_proxy) -> None:
    with socket.socket() as probe:  # a port that was free a moment ago and has no listener
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with pytest.raises(InputError, match=r"cannot connect \(Connection refused\)"):
        load(f"http://127.0.0.1:{port}/article")


@pytest.mark.parametrize("path", ["/gone", "/slow", "/loop/0"])
def test_cli_reports_url_failures_in_one_line(server, monkeypatch, capsys, path: str) -> None:
    monkeypatch.setattr(fetching, "TIMEOUT_SECONDS", 0.3)
    server.fail("/gone", 404)
    server.serve("/slow", b"late", {"Content-Type": "text/plain"}, delay=10)
    server.redirect_forever("/loop")
    url = server.url(path)
    for argv in ([url], ["analyze", url]):
        assert main(argv) == 2
        out, err = capsys.readouterr()
        assert out == ""
        assert err.count("\n") == 1 and err.startswith(f"reader: {url}: ")
        assert "Traceback" not in err
