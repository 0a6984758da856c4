"""The corpus commands: failures table, exit statuses, JSON Lines output and the report."""

from __future__ import annotations

import csv
import json
from collections import Counter
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from conftest import OUTLETS, write_corpus

from reader.cli import main
from reader.corpus.shards import MANIFEST, MANIFEST_VERSION


def test_failures_are_recorded_with_their_error(one_process: Path, corpus_file: Path):
    failures = {row["doc_id"]: row for row in pq.read_table(one_process / "failures").to_pylist()}
    assert set(failures) == {"empty", f"{corpus_file}:121", "no-text"}
    assert failures["empty"]["stage"] == "intake" and "empty" in failures["empty"]["error"]
    assert failures["no-text"]["error"] == "no text, html or url field"
    assert any(row["error"].startswith("not JSON") for row in failures.values())


def test_metadata_columns_travel_with_every_table(one_process: Path, corpus_file: Path):
    records = [
        json.loads(line) for line in corpus_file.read_text().splitlines() if line.startswith('{"id": "doc')
    ]
    documents = {row["doc_id"]: row for row in pq.read_table(one_process / "documents").to_pylist()}
    first = records[7]
    row = documents[first["id"]]
    assert (row["outlet"], row["date"], row["month"]) == (first["outlet"], first["date"], first["date"][:7])
    assert json.loads(row["metadata"]) == {"section": first["section"]}
    assert row["words"] == len(first["text"].split())
    numbers = pq.read_table(one_process / "numbers").to_pylist()
    assert numbers and all(n["outlet"] == documents[n["doc_id"]]["outlet"] for n in numbers)


def test_exit_status_some_failed_and_jsonl_objects(tmp_path: Path, capsys):
    small = write_corpus(tmp_path / "small.jsonl", count=30)  # the three bad records go at the end
    out = tmp_path / "out"
    status = main(["corpus", "analyze", str(small), "--out", str(out), "--format", "jsonl",
                   "--workers", "1", "--batch-size", "20"])  # fmt: skip
    assert status == 1
    lines = [json.loads(line) for part in sorted((out / "analyses").glob("*.jsonl"))
             for line in part.read_text().splitlines()]  # fmt: skip
    assert len(lines) == 30 and {line["schema"] for line in lines} == {"reader.analysis/1"}
    assert [line["document"]["source"] for line in lines] == [f"doc-{i:04d}" for i in range(30)]
    assert "30 analysed, 3 failed" in capsys.readouterr().err


def test_folder_of_articles_all_ok(tmp_path: Path, seed_path: Path, capsys):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "dw_2024-05-02_seed.txt").write_text(seed_path.read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "page.html").write_text(
        "<html><body><article><p>The minister said the plan would cost $3 billion, officials said.</p>"
        "</article></body></html>"
    )
    out = tmp_path / "[out]"  # a path rich would take for markup
    assert main(["corpus", "analyze", str(folder), "--out", str(out), "--workers", "1"]) == 0
    # the summary is one line, however long the path (rich wrapped it at 80 columns off a terminal)
    summary = f"2 analysed, 0 failed (1 shards written, 0 already done) in {out}"
    assert summary in capsys.readouterr().err.splitlines()
    rows = pq.read_table(out / "documents").to_pylist()
    assert [(r["outlet"], r["date"], r["extractor"] != "plain") for r in rows] == [
        ("dw", "2024-05-02", False),
        ("", "", True),
    ]


def _bad_inputs(tmp: Path) -> dict[str, str]:
    """Names the argument lists below use, each made in ``tmp``."""
    (tmp / "EMPTY").mkdir()
    (tmp / "ONE.jsonl").write_text(json.dumps({"id": "a", "text": "The minister said so."}) + "\n")
    (tmp / "LATIN.jsonl").write_bytes('{"id": "é"}\n'.encode("latin-1"))
    (tmp / "FAKE.warc").write_text("this is no archive\n")
    (tmp / "A_FILE").write_text("x")
    (tmp / "OTHER").mkdir()
    header = {"version": MANIFEST_VERSION, "format": "jsonl", "batch_size": 25}
    (tmp / "OTHER" / MANIFEST).write_text(json.dumps(header) + "\n")
    (tmp / "BROKEN").mkdir()
    (tmp / "BROKEN" / MANIFEST).write_text("{\n")
    (tmp / "EARLIER").mkdir()
    (tmp / "EARLIER" / "manifest.json").write_text(json.dumps({**header, "version": 1, "shards": {}}))
    (tmp / "DAMAGED" / "documents").mkdir(parents=True)
    (tmp / "DAMAGED" / "documents" / "part-00000.parquet").write_bytes(b"PAR1 not really")
    names = (
        "EMPTY",
        "MISSING",
        "ONE.jsonl",
        "LATIN.jsonl",
        "FAKE.warc",
        "A_FILE",
        "OTHER",
        "BROKEN",
        "EARLIER",
        "DAMAGED",
    )
    return {name: str(tmp / name) for name in names} | {"UNDER_FILE": str(tmp / "A_FILE" / "sub")}


@pytest.mark.parametrize(
    "argv, message",
    [
        (["corpus"], "corpus: the following arguments are required: analyze|report"),
        (["corpus", "frob"], "invalid choice: 'frob'"),
        (["corpus", "analyze", "ONE.jsonl"], "corpus analyze: the following arguments are required: --out"),
        (["corpus", "analyze", "ONE.jsonl", "--out", "OUT", "--workers", "two"], "invalid int value: 'two'"),
        (["corpus", "analyze", "ONE.jsonl", "--out", "OUT", "--format", "csv"], "invalid choice: 'csv'"),
        (["corpus", "report"], "corpus report: the following arguments are required: DIR"),
        (["corpus", "analyze", "EMPTY", "--out", "OUT"], "no articles found"),
        (["corpus", "analyze", "MISSING", "--out", "OUT"], "no such file or directory"),
        (["corpus", "analyze", "EMPTY", "--out", "OUT", "--workers", "0"], "--workers must be at least 1"),
        (["corpus", "analyze", "EMPTY", "--out", "OUT", "--batch-size", "0"], "--batch-size must be at least 1"),
        (["corpus", "analyze", "ONE.jsonl", "--out", "OUT", "--workers", "2", "--scheduler", "tcp://h:1"],
         "--workers sizes a local cluster"),
        (["corpus", "analyze", "ONE.jsonl", "--out", "OUT", "--scheduler", "nonsense"],
         "nonsense: not a scheduler address"),
        (["corpus", "analyze", "ONE.jsonl", "--out", "OUT", "--scheduler", "tcp://127.0.0.1:1"],
         "tcp://127.0.0.1:1: cannot reach the Dask scheduler"),
        (["corpus", "analyze", "ONE.jsonl", "--out", "A_FILE"], "A_FILE: not a folder"),
        (["corpus", "analyze", "ONE.jsonl", "--out", "UNDER_FILE"], "cannot create the folder"),
        (["corpus", "analyze", "ONE.jsonl", "--out", "OTHER"], "written with --format jsonl --batch-size 25"),
        (["corpus", "analyze", "ONE.jsonl", "--out", "BROKEN"], "not a corpus manifest"),
        (["corpus", "analyze", "ONE.jsonl", "--out", "EARLIER"], "written by an earlier version"),
        (["corpus", "analyze", "LATIN.jsonl", "--out", "OUT"], "LATIN.jsonl: cannot read"),
        (["corpus", "analyze", "FAKE.warc", "--out", "OUT"], "not a readable WARC file"),
        (["corpus", "analyze", "ONE.jsonl", "--out", "OUT", "--max-size", "lots"], "lots"),
        (["corpus", "report", "EMPTY"], "no documents/ table"),
        (["corpus", "report", "DAMAGED"], "part-00000.parquet: not a readable corpus shard"),
    ],
)  # fmt: skip
def test_bad_input_is_one_line_and_status_2(argv, message, tmp_path: Path, capsys, monkeypatch):
    from reader.corpus import run

    monkeypatch.setattr(run, "CONNECT_TIMEOUT", "1s")  # a scheduler that is not there: fail fast
    names = _bad_inputs(tmp_path) | {"OUT": str(tmp_path / "out")}
    assert main([names.get(a, a) for a in argv]) == 2
    err = capsys.readouterr().err
    assert err.startswith("reader: ") and message in err and err.count("\n") == 1, err
    assert "Traceback" not in err


def test_a_report_that_cannot_be_written_is_one_line(one_process: Path, tmp_path: Path, capsys):
    (tmp_path / "file").write_text("x")
    assert main(["corpus", "report", str(one_process), "-o", str(tmp_path / "file" / "report.html")]) == 2
    out, err = capsys.readouterr()
    assert "cannot write the report" in err and err.count("\n") == 1
    assert out == ""  # nothing printed as if it had worked


def test_report_figures_tables_html_and_csv(one_process: Path, corpus_file: Path, tmp_path: Path, capsys):
    page = tmp_path / "report.html"
    assert main(["corpus", "report", str(one_process), "-o", str(page)]) == 0
    printed = capsys.readouterr().out
    assert "Most quoted speakers" in printed and "Numbers per 1,000 words" in printed
    text = page.read_text()
    assert text.count("<svg") == 5  # the charts are inline: nothing to fetch to view the page
    assert "<script" not in text and 'src="http' not in text and "<link" not in text
    with open(tmp_path / "report-volume.csv") as stream:
        volume = list(csv.DictReader(stream))
    records = [
        json.loads(line) for line in corpus_file.read_text().splitlines() if line.startswith('{"id": "doc')
    ]
    expected = Counter((r["outlet"], r["date"][:7]) for r in records)
    assert {(v["outlet"], v["month"]): int(v["documents"]) for v in volume} == expected
    assert {v["outlet"] for v in volume} == set(OUTLETS)
    with open(tmp_path / "report-numbers.csv") as stream:
        numbers = list(csv.DictReader(stream))
    total_numbers = pq.read_table(one_process / "numbers").num_rows
    assert sum(int(n["numbers"]) for n in numbers) == total_numbers
    words = {o: sum(len(r["text"].split()) for r in records if r["outlet"] == o) for o in OUTLETS}
    for n in numbers:
        assert float(n["per_1000_words"]) == pytest.approx(
            1000 * int(n["numbers"]) / words[n["outlet"]], abs=0.01
        )
