"""``reader notes`` and ``reader paths``, and the global ``--data-dir`` option."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from reader.cli import main
from reader.intake import load
from reader.store import Store


def annotate_seed(seed_path: Path) -> None:
    document = load(str(seed_path))
    with Store.open() as store:
        store.open_document(document)
        start = document.text.index("5.8 million artillery shells")
        store.annotate(document.sha256, start, start + 28, tag="needs-source", note="Which source says so?")
        store.annotate(document.sha256, 1, 30, tag="opinion")


def test_notes_lists_tags_notes_and_passages(seed_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    annotate_seed(seed_path)
    assert main(["notes", str(seed_path)]) == 0
    out = capsys.readouterr().out
    assert "needs-source 1" in out and "opinion 1" in out and "notes 1" in out
    assert out.index("[opinion]") < out.index("[needs-source]")  # document order
    assert "“5.8 million artillery shells”" in out and "Which source says so?" in out
    assert "paragraph 4" in out


def test_notes_for_an_article_without_notes(seed_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["notes", str(seed_path)]) == 0
    assert "no notes" in capsys.readouterr().out


def test_notes_for_a_missing_file_is_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["notes", str(tmp_path / "nope.txt")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("reader: ") and err.count("\n") == 1


def test_notes_follow_a_changed_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "story.txt"
    path.write_text("Title.\nThe mayor said crime fell by 30 percent last year.\n")
    document = load(str(path))
    with Store.open() as store:
        store.open_document(document)
        start = document.text.index("crime fell")
        store.annotate(document.sha256, start, start + len("crime fell by 30 percent"), tag="needs-source")
    path.write_text(
        "Title.\nUpdated: a correction was added.\nThe mayor said crime fell by 30 percent last year.\n"
    )
    assert main(["notes", str(path)]) == 0
    out = capsys.readouterr().out
    assert "“crime fell by 30 percent”" in out and "paragraph 3" in out and "orphaned" not in out


def test_data_dir_option_and_paths(
    tmp_path: Path, seed_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "elsewhere"
    assert main(["--data-dir", str(folder), "paths"]) == 0
    out = capsys.readouterr().out
    assert f"data      {folder}\n" in out and f"database  {folder / 'reader.sqlite3'}" in out
    assert main([f"--data-dir={folder}", "notes", str(seed_path)]) == 0
    assert (folder / "reader.sqlite3").exists()


def test_data_dir_without_a_value_is_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["paths", "--data-dir"]) == 2
    assert capsys.readouterr().err == "reader: --data-dir needs a folder\n"


def test_unusable_data_dir_is_one_line_in_a_real_process(tmp_path: Path, seed_path: Path) -> None:
    """The store falls back to memory (tests/reliability): the notes still print, with one line saying why."""
    blocker = tmp_path / "file"
    blocker.write_text("x")
    run = subprocess.run(
        [sys.executable, "-m", "reader.cli", "--data-dir", str(blocker / "data"), "notes", str(seed_path)],
        capture_output=True,
        text=True,
    )
    assert run.returncode == 0 and run.stdout
    assert run.stderr.startswith("reader: cannot save to") and run.stderr.count("\n") == 1


def test_paths_show_the_configured_exports_and_survive_a_broken_config(
    isolated_dirs: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = isolated_dirs / "config" / "config.toml"
    config.write_text('exports = "/srv/notes"\n')
    assert main(["paths"]) == 0
    assert "exports   /srv/notes\n" in capsys.readouterr().out
    config.write_text("exports = [")
    assert main(["paths"]) == 0
    out = capsys.readouterr().out
    assert f"config    {config}\n" in out and "ignoring the config" in out and "invalid TOML" in out


def test_notes_list_orphans_with_their_original_quote(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "story.txt"
    path.write_text("Title.\nThe mayor said crime fell by 30 percent last year.\nOther news.\n")
    document = load(str(path))
    with Store.open() as store:
        store.open_document(document)
        start = document.text.index("crime fell")
        store.annotate(
            document.sha256, start, start + len("crime fell by 30 percent"), note="check police data"
        )
    path.write_text("Title.\nThe paragraph was removed entirely.\nOther news.\n")
    assert main(["notes", str(path)]) == 0
    out = capsys.readouterr().out
    assert "orphaned 1" in out and "these passages were not found again" in out
    assert "“crime fell by 30 percent”" in out and "check police data" in out
