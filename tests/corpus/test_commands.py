"""The corpus commands: failures table, exit statuses, JSON Lines output and the report."""

from __future__ import annotations

import csv
import json
from collections import Counter
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from conftest import DOCUMENTS, OUTLETS

from reader.cli import main


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


def test_exit_status_some_failed_and_jsonl_objects(corpus_file: Path, tmp_path: Path, capsys):
    status = main(["corpus", "analyze", str(corpus_file), "--out", str(tmp_path), "--format", "jsonl",
                   "--workers", "1", "--batch-size", "50"])  # fmt: skip
    assert status == 1
    lines = [json.loads(line) for part in sorted((tmp_path / "analyses").glob("*.jsonl"))
             for line in part.read_text().splitlines()]  # fmt: skip
    assert len(lines) == DOCUMENTS and {line["schema"] for line in lines} == {"reader.analysis/1"}
    assert "200 analysed, 3 failed" in capsys.readouterr().err


def test_folder_of_articles_all_ok(tmp_path: Path, seed_path: Path, capsys):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "dw_2024-05-02_seed.txt").write_text(seed_path.read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "page.html").write_text(
        "<html><body><article><p>The minister said the plan would cost $3 billion, officials said.</p>"
        "</article></body></html>"
    )
    assert main(["corpus", "analyze", str(folder), "--out", str(tmp_path / "out"), "--workers", "1"]) == 0
    rows = pq.read_table(tmp_path / "out" / "documents").to_pylist()
    assert [(r["outlet"], r["date"], r["extractor"] != "plain") for r in rows] == [
        ("dw", "2024-05-02", False),
        ("", "", True),
    ]


@pytest.mark.parametrize(
    "argv, message",
    [
        (["corpus", "analyze", "EMPTY", "--out", "OUT"], "no articles found"),
        (["corpus", "analyze", "MISSING", "--out", "OUT"], "no such file or directory"),
        (["corpus", "analyze", "EMPTY", "--out", "OUT", "--workers", "0"], "--workers must be at least 1"),
        (["corpus", "report", "EMPTY"], "no documents/ table"),
    ],
)
def test_bad_input_is_one_line_and_status_2(argv, message, tmp_path: Path, capsys):
    (tmp_path / "EMPTY").mkdir()
    argv = [str(tmp_path / a) if a in ("EMPTY", "MISSING", "OUT") else a for a in argv]
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1


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
