"""Hostile documents: huge lines, deep or scripted HTML, lone surrogates, giant files, endless servers.

Each must end as a Document whose text is safe to hash, store and show, or as
one InputError line; never a hang, a traceback, or a read of more than the cap.
"""

from __future__ import annotations

import codecs
import gzip
import os
import threading
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from reader import cli
from reader.analysis import analyze
from reader.analysis.engine import MAX_CHUNK_CHARS, split_pieces
from reader.intake import InputError, load, make_document
from reader.intake import sources as intake_sources
from reader.store import Store

PROSE = "The minister said that forty percent of the relief funds had vanished before reaching the regions. "
OTHER = "Opposition leaders called the figure exaggerated and demanded an independent audit of the ministry."
MB = 1024 * 1024


def _spans_match(analysis, text: str) -> None:  # noqa: ANN001 - any Analysis
    for item in (*analysis.numbers, *analysis.quotes, *analysis.claims):
        assert 0 <= item.start < item.end <= len(text) and text[item.start : item.end] == item.text


# ---- one enormous line -------------------------------------------------------------------------


def test_a_10_mb_single_line_loads_and_is_cut_into_bounded_pieces(tmp_path: Path) -> None:
    path = tmp_path / "one-line.txt"
    line = (
        (PROSE * (10 * MB // len(PROSE) + 1))[: 10 * MB].rstrip()
        + " and ending without a newline"
        + "x" * 70_000
    )
    path.write_text(line)
    document = load(str(path))
    assert len(document.paragraphs) == 1 and len(document.text) == len(line)
    pieces = list(split_pieces(document))
    assert all(piece.end - piece.start <= MAX_CHUNK_CHARS for piece in pieces)
    assert pieces[0].start == 0 and pieces[-1].end == len(line)
    for before, after in zip(pieces, pieces[1:], strict=False):  # only whitespace is left between pieces
        assert before.end <= after.start and document.text[before.end : after.start].strip() == ""


def test_a_long_single_line_is_analysed_to_its_end_rules_only() -> None:
    """120 KB keeps the suite quick; the 10 MB figures are in the reliability report."""
    text = (PROSE * 1200).rstrip() + " " + "z" * 30_000 + " " + PROSE.strip()
    document = make_document(text, source="big.txt", extractor="plain")
    assert len(list(split_pieces(document))) > 5
    analysis = analyze(document, packages=("no_such_model",))
    assert analysis.engine.model == "rules-only"
    assert max(number.start for number in analysis.numbers) > len(text) - len(PROSE)  # the last sentence too
    _spans_match(analysis, document.text)


# ---- lone surrogates ---------------------------------------------------------------------------


def test_lone_surrogates_become_replacement_characters_in_place(tmp_path: Path) -> None:
    text = "Officials \ud800said 40 percent\udfff vanished, the minister said. \ud83d\ude00 ok"
    document = make_document(text, source="x.txt", extractor="plain", title="Title \udc00")
    assert len(document.text) == len(text) and "\ufffd" in document.text and "\ufffd" in document.title
    assert document.text.encode("utf-8") and document.sha256
    with Store.open(tmp_path) as store:
        store.open_document(document)
        change = store.annotate(document.sha256, 0, 9, note="pasted \ud800 badly")
        assert store.annotation(change.annotation_id).note == "pasted \ufffd badly"
        with pytest.raises(ValueError):
            store.annotate(document.sha256, 0, 9, tag="bad\udfff")
    _spans_match(analyze(document, packages=("no_such_model",)), document.text)


@pytest.mark.parametrize(
    ("name", "raw"),
    [
        (
            "page.html",
            b"<!doctype html><html><body><p>" + PROSE.encode() + b"&#xD800; &#55296; end.</p></body></html>",
        ),
        ("notes.md", b"# Title &#xDFFF;\n\n" + PROSE.encode() + b"&#xD800; end."),
        ("utf8-surrogate.txt", PROSE.encode() + b"\xed\xa0\x80 end."),  # CESU-style bytes are not UTF-8
    ],
)
def test_surrogate_references_in_files_never_reach_the_text(tmp_path: Path, name: str, raw: bytes) -> None:
    path = tmp_path / name
    path.write_bytes(raw)
    document = load(str(path))
    assert not any(0xD800 <= ord(char) <= 0xDFFF for char in document.text + document.title)
    assert document.sha256


def test_utf16_with_an_unpaired_surrogate_is_one_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "broken.txt"
    path.write_bytes(
        codecs.BOM_UTF16_LE + PROSE.encode("utf-16-le") + b"\x00\xd8" + "after".encode("utf-16-le")
    )
    with pytest.raises(InputError, match="not valid UTF-16-LE"):
        load(str(path))


# ---- HTML --------------------------------------------------------------------------------------


def _page(body: str, head: str = "<title>Hostile</title>") -> str:
    return f"<!doctype html><html><head>{head}</head><body>{body}</body></html>"


def test_deep_nesting_within_the_parser_limit_keeps_the_text(tmp_path: Path) -> None:
    path = tmp_path / "deep.html"
    path.write_text(_page("<div>" * 200 + f"<p>{PROSE * 3}</p>" + "</div>" * 200))
    assert PROSE.strip() in load(str(path)).text


def test_5000_nested_divs_end_cleanly(tmp_path: Path) -> None:
    """libxml2 stops building the tree at depth 256; whatever it keeps, the outcome is a Document or one line."""
    path = tmp_path / "deeper.html"
    path.write_text(_page("<div>" * 5000 + f"<p>{PROSE * 3}</p>" + "</div>" * 5000))
    try:
        document = load(str(path))
    except InputError as exc:
        assert "no article text" in str(exc)
    else:
        assert PROSE.strip() in document.text


ACTIVE_CONTENT = (
    '<script>document.write("SCRIPT-RAN")</script>'
    "<style>body::after { content: 'STYLE-TEXT' }</style>"
    '<iframe srcdoc="<p>SRCDOC-TEXT inside a frame that a browser would render as a document</p>"></iframe>'
    '<iframe src="javascript:alert(1)">IFRAME-TEXT</iframe>'
    '<form action="https://evil.example/"><input value="INPUT-VALUE"><textarea>TEXTAREA-TEXT</textarea>'
    "<select><option>OPTION-TEXT</option></select><button>BUTTON-TEXT</button></form>"
    '<object data="x.swf">OBJECT-TEXT</object><embed src="x.swf">'
    '<svg><script>alert("SVG-SCRIPT")</script></svg>'
    "<template><p>TEMPLATE-TEXT never rendered by a browser unless a script clones it</p></template>"
)


def test_active_content_is_dropped_and_never_run(tmp_path: Path) -> None:
    path = tmp_path / "active.html"
    body = f'<article onload="alert(1)"><p onclick="alert(2)">{PROSE}</p>{ACTIVE_CONTENT}<p>{OTHER}</p></article>'
    path.write_text(
        _page(body, head='<title>Hostile</title><meta http-equiv="refresh" content="0;url=file:///etc">')
    )
    document = load(str(path))
    assert PROSE.strip() in document.text and OTHER in document.text
    for marker in (
        "SCRIPT-RAN",
        "STYLE-TEXT",
        "SRCDOC-TEXT",
        "IFRAME-TEXT",
        "INPUT-VALUE",
        "TEXTAREA-TEXT",
        "OPTION-TEXT",
        "BUTTON-TEXT",
        "OBJECT-TEXT",
        "SVG-SCRIPT",
        "TEMPLATE-TEXT",
        "alert",
    ):
        assert marker not in document.text, marker


def test_control_character_references_do_not_cost_the_page_its_text(tmp_path: Path) -> None:
    """XML cannot hold ``&#27;``: they become U+FFFD rather than making the extractor drop the page."""
    path = tmp_path / "esc.html"
    page = f"<p>{PROSE} &#27;[31mred&#27;[0m and &#x9b;2J and &#27;]8;;http://x&#7;link</p><p>{OTHER}</p>"
    path.write_text(_page(page, head="<title>Title &#27;]0;pwned&#7;</title>"))
    document = load(str(path))
    assert PROSE.strip() in document.text and OTHER in document.text
    assert "\ufffd[31mred" in document.text and "\x1b" not in document.text + document.title


# ---- size caps ---------------------------------------------------------------------------------


def test_a_200_mb_file_is_refused_from_its_size_without_reading_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "huge.txt"
    with open(path, "wb") as handle:
        handle.truncate(200 * MB)  # sparse: no disk used
    monkeypatch.setattr(intake_sources, "_read_capped", _never_read)
    with pytest.raises(InputError, match=r"larger than the 50 MB size limit \(200 MB\)"):
        load(str(path))


def _never_read(*_args: object) -> bytes:
    raise AssertionError("the file was read")


def test_an_endless_pipe_is_cut_at_the_cap(tmp_path: Path) -> None:
    fifo = tmp_path / "endless"
    os.mkfifo(fifo)
    stop = threading.Event()

    def feed() -> None:
        try:
            with open(fifo, "wb") as pipe:
                while not stop.is_set():
                    pipe.write(PROSE.encode() * 100)
        except BrokenPipeError:
            pass

    writer = threading.Thread(target=feed, daemon=True)
    writer.start()
    try:
        with pytest.raises(InputError, match="larger than the 64 KB size limit"):
            load(str(fifo), max_bytes=64 * 1024)
    finally:
        stop.set()
        writer.join(timeout=5)


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom"])
def test_devices_are_not_read(device: str) -> None:
    if not Path(device).exists():
        pytest.skip(f"no {device}")
    with pytest.raises(InputError, match="not a regular file"):
        load(device)


# ---- hostile servers (127.0.0.1 only) ------------------------------------------------------------


class _Hostile(BaseHTTPRequestHandler):
    def log_message(self, *_args: object) -> None:
        pass

    def do_GET(self) -> None:  # noqa: N802 - http.server's name
        routes: dict[str, Callable[[], None]] = {
            "/loop": lambda: self._redirect("/loop2"),
            "/loop2": lambda: self._redirect("/loop"),
            "/to-file": lambda: self._redirect("file:///etc/passwd"),
            "/lying-length": self._lying_length,
            "/endless": self._endless,
            "/gzip-bomb": self._gzip_bomb,
        }
        routes[self.path]()

    def _redirect(self, where: str) -> None:
        self.send_response(302)
        self.send_header("Location", where)
        self.end_headers()

    def _lying_length(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Length", str(300 * MB))
        self.end_headers()
        self.wfile.write(PROSE.encode())

    def _endless(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.end_headers()
        try:
            while True:
                self.wfile.write(PROSE.encode() * 1000)
        except OSError:
            pass

    def _gzip_bomb(self) -> None:
        body = gzip.compress(b"A" * (20 * MB))
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture
def hostile_server(monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    monkeypatch.setenv("NO_PROXY", "*")
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Hostile)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("/loop", "too many redirects"),
        ("/to-file", r"redirected to an unsupported URL scheme \(file:\)"),
        ("/lying-length", "larger than the 1 MB size limit"),
        ("/endless", "larger than the 1 MB size limit"),
        ("/gzip-bomb", "a gzip archive, not text"),  # never decompressed: no Accept-Encoding is sent
    ],
)
def test_hostile_servers_end_in_one_line(hostile_server: str, path: str, message: str) -> None:
    with pytest.raises(InputError, match=message):
        load(hostile_server + path, max_bytes=MB)


# ---- through the command line ------------------------------------------------------------------


HOSTILE_FILES: dict[str, bytes] = {
    "control.txt": b"\x1b[2J\x1b]0;pwned\x07" + PROSE.encode() + b"\x9b" + b"\x1b[6n",
    "nul.txt": PROSE.encode() + b"\x00",
    "png.txt": b"\x89PNG\r\n\x1a\n" + b"\x00" * 64,
    "empty.txt": b"",
    "spaces.txt": b" \n\t\n" * 100,
    "bidi.txt": ("\u202eevil\u202c " + PROSE + "\u2066x\u2069").encode(),
    "zalgo.txt": ("".join(c + "\u0301\u0336\u0489" * 5 for c in PROSE)).encode(),
    "long-word.txt": b"a" * 300_000,
    "only-tags.html": b"<!doctype html><html><body>" + b"<div><span></span></div>" * 5000 + b"</body></html>",
    "binary-ish.md": bytes(range(1, 32)) * 10,
}


@pytest.mark.parametrize("name", sorted(HOSTILE_FILES))
def test_the_cli_answers_hostile_files_in_one_line_or_an_analysis(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    path = tmp_path / name
    path.write_bytes(HOSTILE_FILES[name])
    status = cli.main(["analyze", "--json", str(path)])
    captured = capsys.readouterr()
    assert status in (0, 2), captured.err
    if status == 2:
        [line] = captured.err.splitlines()
        assert line.startswith(f"reader: {path}: ")
    else:
        assert captured.out.count("\n") == 1 and "Traceback" not in captured.err
