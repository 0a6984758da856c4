"""``reader review --list``, ``reader export --format csv|claimreview`` and bad verdict settings on the CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.cli import main
from reader.intake import load
from reader.store import Store


@pytest.fixture
def decided(seed_path: Path, isolated_dirs: Path) -> str:
    document = load(str(seed_path))
    with Store.open() as store:
        store.open_document(document)
        start = document.text.index("5.8 million artillery shells")
        tagged = store.annotate(document.sha256, start, start + 28, tag="needs-source").after
        other = document.text.index("Does Putin want peace in Ukraine?")
        store.annotate(document.sha256, other, other + 33, tag="opinion")
        store.decide(tagged, "false")
    return document.sha256


def test_review_list_prints_what_is_undecided(decided: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["review", "--list"]) == 0
    captured = capsys.readouterr()
    assert "Does Putin want peace in Ukraine?" in captured.out and "5.8 million" not in captured.out
    assert captured.err == "1 undecided in 1 article\n"


def test_csv_and_claimreview_from_the_command_line(
    decided: str, seed_path: Path, isolated_dirs: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["export", str(seed_path), "--format", "csv", "-o", str(tmp_path / "n.csv")]) == 0
    assert "needs-source,false" in (tmp_path / "n.csv").read_text()
    assert main(["export", str(seed_path), "--format", "claimreview", "-o", str(tmp_path / "c.json")]) == 2
    assert capsys.readouterr().err.count("\n") == 1
    (isolated_dirs / "config" / "config.toml").write_text(
        '[publisher]\nname = "Desk"\nurl = "https://d.example"\n'
    )
    assert main(["export", str(seed_path), "--format", "claimreview", "-o", str(tmp_path / "c.json")]) == 0
    assert '"alternateName": "false"' in (tmp_path / "c.json").read_text()


@pytest.mark.parametrize(
    ("config", "message"),
    [
        ('[verdicts]\nscale = ["true", "true"]\n', "different verdicts"),
        ('[verdicts]\nscale = ["half true"]\n', "not a verdict name"),
        ("[verdicts]\nscale = []\n", "non-empty list"),
        ('[publisher]\nname = "Desk"\nurl = "desk.example"\n', "not a web address"),
    ],
)
def test_a_bad_scale_or_publisher_is_one_line_and_exit_2(
    decided: str,
    isolated_dirs: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    config: str,
    message: str,
) -> None:
    (isolated_dirs / "config" / "config.toml").write_text(config)
    assert main(["export", "--all", "--format", "claimreview", "-o", str(tmp_path / "x.json")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and message in err
    with Store.open() as store:  # nothing lost
        assert [a.verdict for a in store.annotations(decided) if a.verdicts] == ["false"]


@pytest.mark.parametrize(
    ("field", "bad", "message"),
    [
        ("reader:evidence", [{"id": "e1", "url": "www.example.org/no-scheme"}], "not a web address"),
        ("reader:evidence", [{"id": "e1", "url": "https://a.example", "accessed": "May 4"}], "not a date"),
        ("reader:verdicts", [{"value": "half true", "time": "2026-11-01T10:00:00Z"}], "not a verdict name"),
    ],
)
def test_an_import_with_bad_evidence_or_verdict_is_one_line_exit_2_and_keeps_the_store(
    decided: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    seed_path: Path,
    field: str,
    bad: list[dict[str, str]],
    message: str,
) -> None:
    exported = tmp_path / "notes.json"
    assert main(["export", str(seed_path), "--format", "json", "-o", str(exported)]) == 0
    with Store.open() as store:
        before = store.annotations(decided)
    collection = json.loads(exported.read_text())
    collection["first"]["items"][0][field] = bad
    exported.write_text(json.dumps(collection))
    capsys.readouterr()
    assert main(["import", str(exported)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and message in err and "Traceback" not in err
    with Store.open() as store:  # nothing lost, nothing half-imported
        assert store.annotations(decided) == before
