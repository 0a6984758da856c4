"""``reader export`` and ``reader import`` from the command line."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.cli import main
from reader.intake import load
from reader.store import Store


@pytest.fixture
def annotated(seed_path: Path) -> str:
    document = load(str(seed_path))
    with Store.open() as store:
        store.open_document(document)
        start = document.text.index("5.8 million artillery shells")
        store.annotate(document.sha256, start, start + 28, tag="needs-source", note="Which source?")
    return document.sha256


def test_export_one_article_to_a_file_and_again(
    annotated: str, seed_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "notes.md"
    assert main(["export", str(seed_path), "-o", str(target)]) == 0
    assert capsys.readouterr().out == f"{target}\n"
    first = target.read_bytes()
    assert b"> 5.8 million artillery shells" in first and b"No analysis was cached" in first
    assert main(["export", str(seed_path), "-o", str(target)]) == 0
    assert target.read_bytes() == first


def test_export_to_the_default_folder(
    annotated: str, seed_path: Path, isolated_dirs: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["export", str(seed_path), "--format", "json"]) == 0
    written = Path(capsys.readouterr().out.strip())
    assert written.parent == isolated_dirs / "data" / "exports" and written.suffix == ".json"


def test_export_all_into_a_folder(annotated: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", "--all", "-o", str(tmp_path / "out") + "/"]) == 0
    names = [Path(line).name for line in capsys.readouterr().out.splitlines()]
    assert names[-1] == "index.md" and len(names) == 2


def test_export_import_round_trip_through_the_cli(
    annotated: str, seed_path: Path, tmp_path: Path, isolated_dirs: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first = tmp_path / "first.json"
    assert main(["export", str(seed_path), "--format", "json", "-o", str(first)]) == 0
    fresh = tmp_path / "fresh-data"
    assert main(["--data-dir", str(fresh), "import", str(first)]) == 0
    assert "1 added" in capsys.readouterr().err
    again = tmp_path / "again.json"
    assert (
        main(["--data-dir", str(fresh), "export", str(seed_path), "--format", "json", "-o", str(again)]) == 0
    )
    assert again.read_bytes() == first.read_bytes()


@pytest.mark.parametrize(
    "argv",
    [
        ["export"],
        ["export", "--all"],
        ["export", "a.txt", "--all"],
        ["export", "no-such-file.txt"],
        ["import", "no-such-file.json"],
    ],
)
def test_bad_export_and_import_are_one_line_exit_2(
    argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err.startswith("reader: ") and err.count("\n") == 1


def test_unwritable_output_is_exit_2(
    annotated: str, seed_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    assert main(["export", str(seed_path), "-o", str(blocker / "notes.md")]) == 2
    assert "cannot write" in capsys.readouterr().err


def _one_line(capsys: pytest.CaptureFixture[str], *words: str) -> None:
    out, err = capsys.readouterr()
    assert out == "" and err.count("\n") == 1 and err.startswith("reader: "), err
    for word in words:
        assert word in err, err


def test_export_never_overwrites_the_article_itself(
    annotated: str, seed_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    article = tmp_path / "article.txt"
    article.write_bytes(seed_path.read_bytes())
    before = article.read_bytes()
    assert main(["export", str(article), "-o", str(article)]) == 2
    _one_line(capsys, "this is the article itself")
    assert main(["export", str(article), "-o", str(article), "--force"]) == 2  # not even with --force
    _one_line(capsys, "this is the article itself")
    assert article.read_bytes() == before


def test_export_refuses_a_foreign_file_unless_forced(
    annotated: str, seed_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    foreign = tmp_path / "thesis.md"
    foreign.write_text("# My thesis\n\nTwo years of work.\n", encoding="utf-8")
    for fmt in ("md", "json"):
        assert main(["export", str(seed_path), "--format", fmt, "-o", str(foreign)]) == 2
        _one_line(capsys, str(foreign), "not a reader export", "--force")
    assert foreign.read_text(encoding="utf-8") == "# My thesis\n\nTwo years of work.\n"
    assert main(["export", str(seed_path), "-o", str(foreign), "--force"]) == 0
    assert "5.8 million artillery shells" in foreign.read_text(encoding="utf-8")


def test_export_replaces_an_earlier_export_of_either_format(
    annotated: str, seed_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with Store.open() as store:
        first = store.annotations(annotated)[0]
        store.annotate(
            annotated, first.anchor.start, first.anchor.end, tag="disputed", note="Changed my mind"
        )
    for fmt in ("md", "json"):
        target = tmp_path / f"notes.{fmt}"
        target.write_text("stale", encoding="utf-8")
        assert main(["export", str(seed_path), "--format", fmt, "-o", str(target), "--force"]) == 0
        exported = target.read_text(encoding="utf-8")
        assert main(["export", str(seed_path), "--format", fmt, "-o", str(target)]) == 0  # its own: replaced
        assert target.read_text(encoding="utf-8") == exported
    capsys.readouterr()


def test_export_all_refuses_before_writing_anything(
    annotated: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    (folder / "index.md").write_text("my own index\n", encoding="utf-8")
    assert main(["export", "--all", "-o", str(folder) + "/"]) == 2
    _one_line(capsys, "index.md", "not a reader export")
    assert [path.name for path in folder.iterdir()] == ["index.md"]
    assert main(["export", "--all", "-o", str(folder) + "/"]) == 2  # still refused: nothing was half written
    capsys.readouterr()
    assert main(["export", "--all", "-o", str(folder) + "/", "--force"]) == 0
    capsys.readouterr()
    assert main(["export", "--all", "-o", str(folder) + "/"]) == 0  # now every file there is a reader export
