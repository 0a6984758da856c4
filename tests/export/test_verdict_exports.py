"""Verdicts and evidence in every export: ClaimReview JSON-LD (checked against a JSON Schema), CSV
(read back with the csv module), Markdown, and the Web Annotation round trip. Goldens on the seed."""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
from dataclasses import replace
from pathlib import Path

import jsonschema
import pytest

from reader.cli import main
from reader.export import export_all, export_document, import_file
from reader.export.csv_export import HEADER
from reader.export.errors import ExportError, ForeignFile
from reader.store import Anchor, Annotation, Store
from reader.store.verdicts import Evidence, Verdict
from tests.export.conftest import GOLDEN, Seeded, find

PUBLISHER = '[publisher]\nname = "Example Fact Check"\nurl = "https://factcheck.example.org"\n'
CLAIMREVIEW_SCHEMA = {
    "type": "array",
    "items": {
        "type": "object",
        "required": ["@context", "@type", "claimReviewed", "reviewRating", "author", "url", "datePublished"],
        "properties": {
            "@context": {"const": "https://schema.org"},
            "@type": {"const": "ClaimReview"},
            "claimReviewed": {"type": "string", "minLength": 1},
            "url": {"type": "string", "format": "uri", "pattern": "^https?://"},
            "datePublished": {"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}$"},
            "author": {
                "type": "object",
                "required": ["@type", "name", "url"],
                "properties": {
                    "@type": {"const": "Organization"},
                    "name": {"type": "string", "minLength": 1},
                },
            },
            "reviewRating": {
                "type": "object",
                "required": ["@type", "alternateName"],
                "properties": {
                    "@type": {"const": "Rating"},
                    "alternateName": {"type": "string", "minLength": 1},
                    "ratingValue": {"type": "integer", "minimum": 1},
                    "bestRating": {"type": "integer"},
                    "worstRating": {"type": "integer"},
                },
            },
            "itemReviewed": {
                "type": "object",
                "required": ["@type", "appearance"],
                "properties": {
                    "@type": {"const": "Claim"},
                    "author": {"type": "object", "required": ["@type", "name"]},
                    "appearance": {"type": "object", "required": ["@type"]},
                },
            },
        },
    },
}


def stamp(day: int) -> str:
    return f"2026-03-{day:02d}T10:00:00.000Z"


@pytest.fixture
def reviewed(seeded: Seeded, isolated_dirs: Path) -> Seeded:
    """The seeded notes plus verdicts (one changed once, one on an untagged claim) and evidence."""
    (isolated_dirs / "config" / "config.toml").write_text(PUBLISHER, encoding="utf-8")
    store, text = seeded.store, seeded.document.text
    quote = store.annotation("a1quote")
    store.restore(
        "a1quote",
        replace(
            quote,
            verdicts=(Verdict("mostly-true", stamp(5)), Verdict("misleading", stamp(6))),
            evidence=(
                Evidence(
                    "ev1",
                    "https://www.swp-berlin.org/en/publication/klein",
                    title="SWP profile",
                    accessed="2026-03-06",
                    passage="Russia expert",
                    note="Confirms the role, not the view.",
                ),
            ),
            modified=stamp(6),
        ),
    )
    start, end = find(text, "Russia is replenishing its rapidly dwindling reserves")
    store.restore(
        "e5claim",
        Annotation(
            "e5claim",
            seeded.document.sha256,
            Anchor.of(text, start, end),
            None,
            None,
            stamp(7),
            stamp(7),
            verdicts=(Verdict("unproven", stamp(7)),),
            evidence=(Evidence("ev2", "https://example.org/ammunition,report?q=1"),),
        ),
    )
    return seeded


def check_golden(produced: str, name: str) -> None:
    """Compared as bytes: the CSV golden keeps its CRLF line ends."""
    expected = GOLDEN / name
    if os.environ.get("READER_UPDATE_GOLDEN"):
        expected.write_bytes(produced.encode("utf-8"))
    assert produced.encode("utf-8") == expected.read_bytes()


def test_claimreview_matches_its_golden_and_the_schema(reviewed: Seeded, tmp_path: Path) -> None:
    path = export_document(reviewed.store, reviewed.document.sha256, "claimreview", tmp_path / "out.json")
    produced = path.read_bytes().decode("utf-8")
    check_golden(produced, "seed.claimreview.json")
    reviews = json.loads(produced)
    jsonschema.validate(reviews, CLAIMREVIEW_SCHEMA, format_checker=jsonschema.FormatChecker())
    assert [r["reviewRating"]["alternateName"] for r in reviews] == ["misleading", "unproven"]
    klein, claim = reviews
    assert klein["reviewRating"] == {
        "@type": "Rating",
        "alternateName": "misleading",
        "ratingValue": 3,
        "bestRating": 1,
        "worstRating": 5,
    }
    assert klein["itemReviewed"]["author"] == {"@type": "Person", "name": "Margarete Klein"}
    assert klein["itemReviewed"]["appearance"]["url"].startswith("https://www.dw.com/")
    assert klein["datePublished"] == "2026-03-06" and "author" not in claim["itemReviewed"]
    # the schema itself refuses a review without its verdict
    broken = [dict(klein, reviewRating={"@type": "Rating"})]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(broken, CLAIMREVIEW_SCHEMA)


def test_csv_matches_its_golden_and_reads_back(reviewed: Seeded, tmp_path: Path) -> None:
    path = export_document(reviewed.store, reviewed.document.sha256, "csv", tmp_path / "out.csv")
    raw = path.read_bytes()
    check_golden(raw.decode("utf-8"), "seed.csv")
    assert raw.count(b"\r\n") >= 6  # RFC 4180 line ends
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8"), newline="")))
    assert tuple(rows[0]) == HEADER
    table = [dict(zip(HEADER, row, strict=True)) for row in rows[1:]]
    stored = reviewed.store.annotations(reviewed.document.sha256)
    assert [row["passage"] for row in table] == [a.anchor.exact for a in stored]  # multi-line notes survive
    assert [row["note"] for row in table] == [a.note or "" for a in stored]
    by_passage = {row["passage"]: row for row in table}
    klein = by_passage["I see no signs that Vladimir Putin wants a just peace"]
    assert (klein["verdict"], klein["speaker"], klein["tags"]) == ("misleading", "Margarete Klein", "opinion")
    assert klein["evidence_urls"] == "https://www.swp-berlin.org/en/publication/klein"
    assert by_passage["These figures are confirmed by various sources"]["claim_category"] == "vague_source"
    claim = by_passage["Russia is replenishing its rapidly dwindling reserves"]
    assert (
        claim["evidence_urls"] == "https://example.org/ammunition,report?q=1"
    )  # the comma stays in its cell


def test_markdown_lists_verdicts_history_and_evidence(reviewed: Seeded, tmp_path: Path) -> None:
    text = export_document(reviewed.store, reviewed.document.sha256, "md", tmp_path / "out.md").read_text()
    assert "- **Verdict:** misleading" in text
    assert "- **Verdict history:** mostly-true (2026-03-05T10:00:00.000Z); misleading" in text
    assert "(<https://web.archive.org/web/https://www.swp-berlin.org/en/publication/klein>)" in text
    assert "### 5. verdict unproven" in text


def test_web_annotation_round_trip_keeps_verdicts_and_evidence(reviewed: Seeded, tmp_path: Path) -> None:
    sha = reviewed.document.sha256
    first = export_document(reviewed.store, sha, "json", tmp_path / "first.json").read_bytes()
    assert b'"reader:verdicts"' in first and b'"reader:evidence"' in first
    before = reviewed.store.annotations(sha)
    folder = reviewed.store.path.parent
    reviewed.store.close()
    shutil.rmtree(folder)
    with Store.open() as fresh:
        import_file(fresh, tmp_path / "first.json")
        assert export_document(fresh, sha, "json", tmp_path / "again.json").read_bytes() == first
        assert fresh.annotations(sha) == before


def test_an_edited_scale_keeps_old_verdicts_off_scale(
    reviewed: Seeded, isolated_dirs: Path, tmp_path: Path
) -> None:
    config = isolated_dirs / "config" / "config.toml"
    config.write_text(PUBLISHER + '[verdicts]\nscale = ["correct", "incorrect"]\n', encoding="utf-8")
    path = export_document(reviewed.store, reviewed.document.sha256, "claimreview", tmp_path / "o.json")
    reviews = json.loads(path.read_text())
    assert [r["reviewRating"] for r in reviews][0] == {"@type": "Rating", "alternateName": "misleading"}
    jsonschema.validate(reviews, CLAIMREVIEW_SCHEMA)


def test_all_works_for_every_format(reviewed: Seeded, tmp_path: Path) -> None:
    for fmt, name in (("claimreview", "reader-claimreviews.json"), ("csv", "reader-annotations.csv")):
        [path] = export_all(reviewed.store, fmt, tmp_path)
        assert path.name == name and path.stat().st_size > 0


def test_claimreview_without_a_publisher_says_what_to_set(
    reviewed: Seeded, isolated_dirs: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (isolated_dirs / "config" / "config.toml").unlink()
    with pytest.raises(ExportError, match=r"set \[publisher\] name"):
        export_document(reviewed.store, reviewed.document.sha256, "claimreview", tmp_path / "x.json")
    reviewed.store.close()
    assert main(["export", "--all", "--format", "claimreview", "-o", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert (
        err.count("\n") == 1 and "[publisher]" in err and not (tmp_path / "reader-claimreviews.json").exists()
    )


def test_an_unwritable_target_is_one_line_and_exit_2(
    reviewed: Seeded, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    reviewed.store.close()
    blocker = tmp_path / "file"
    blocker.write_text("x")
    assert main(["export", "--all", "--format", "csv", "-o", str(blocker / "sub" / "out.csv")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "cannot write" in err


def test_every_format_replaces_its_own_earlier_export_and_keeps_a_foreign_file(
    reviewed: Seeded, tmp_path: Path
) -> None:
    sha = reviewed.document.sha256
    for fmt in ("md", "json", "claimreview", "csv"):
        target = tmp_path / f"notes.{fmt}"
        export_document(reviewed.store, sha, fmt, target)
        exported = target.read_text(encoding="utf-8")
        assert export_document(reviewed.store, sha, fmt, target) == target  # its own file: replaced
        assert target.read_text(encoding="utf-8") == exported
        foreign = tmp_path / f"mine.{fmt}"
        mine = b"[1, 2]\n" if fmt != "csv" else b"a,b\r\n1,2\r\n"
        foreign.write_bytes(mine)
        with pytest.raises(ForeignFile):
            export_document(reviewed.store, sha, fmt, foreign)
        assert foreign.read_bytes() == mine
    for fmt in ("json", "claimreview", "csv"):  # the --all single files replace themselves too
        [first] = export_all(reviewed.store, fmt, tmp_path)
        assert export_all(reviewed.store, fmt, tmp_path) == [first]
