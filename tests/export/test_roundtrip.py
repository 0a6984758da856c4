"""JSON export → wipe → import → export is byte-identical; imports merge without duplicates; writes are atomic."""

from __future__ import annotations

import json
import os
import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from reader.export import ExportError, export_all, export_document, import_file
from reader.export.files import ALL_JSON, INDEX
from reader.intake import make_document
from reader.store import Store
from tests.export.conftest import Seeded


def wipe(store: Store) -> Store:
    """Close the store, delete the whole data folder, open a fresh one in its place."""
    folder = store.path.parent
    store.close()
    shutil.rmtree(folder)
    return Store.open()


def test_json_round_trip_is_byte_identical(seeded: Seeded, tmp_path: Path) -> None:
    sha = seeded.document.sha256
    first = export_document(seeded.store, sha, "json", tmp_path / "first.json").read_bytes()
    fresh = wipe(seeded.store)
    report = import_file(fresh, tmp_path / "first.json")
    assert (report.articles, report.added, report.updated, report.unchanged) == (1, 4, 0, 0)
    again = export_document(fresh, sha, "json", tmp_path / "again.json").read_bytes()
    assert again == first
    # and the imported notes attach to the article when it is opened again
    opened = fresh.open_document(seeded.document)
    assert [a.id for a in opened.annotations] == [a.id for a in seeded.annotations]
    assert not any(a.orphaned for a in opened.annotations)
    fresh.close()


def test_all_as_json_lines_round_trip(seeded: Seeded, tmp_path: Path) -> None:
    other = make_document(
        "Second article.\nIt claims 12 percent growth.", source="https://example.org/b", extractor="plain"
    )
    seeded.store.open_document(other)
    seeded.store.annotate(other.sha256, 10, 30, tag="needs-source", note="line one\nline two")
    [path] = export_all(seeded.store, "json", tmp_path)
    assert path.name == ALL_JSON
    lines = path.read_text().splitlines()
    assert len(lines) == 2 and all(json.loads(line)["type"] == "AnnotationCollection" for line in lines)
    fresh = wipe(seeded.store)
    assert import_file(fresh, path).added == 5
    assert export_all(fresh, "json", tmp_path / "again.jsonl")[0].read_bytes() == path.read_bytes()
    fresh.close()


def test_importing_twice_adds_nothing(seeded: Seeded, tmp_path: Path) -> None:
    path = export_document(seeded.store, seeded.document.sha256, "json", tmp_path / "notes.json")
    report = import_file(seeded.store, path)
    assert (report.added, report.updated, report.unchanged) == (0, 0, 4)
    assert len(seeded.store.annotations(seeded.document.sha256)) == 4


def test_newer_copy_wins_and_copies_under_other_ids_are_skipped(seeded: Seeded, tmp_path: Path) -> None:
    sha = seeded.document.sha256
    path = export_document(seeded.store, sha, "json", tmp_path / "notes.json")
    data = json.loads(path.read_text())
    items = data["first"]["items"]
    items[0]["modified"] = "2027-01-01T00:00:00.000Z"
    items[0]["body"][1]["value"] = "edited elsewhere"
    items[1]["modified"] = "2000-01-01T00:00:00.000Z"
    items[1]["body"][1]["value"] = "an older edit"
    items[2]["id"] = "urn:reader:annotation:othermachine"
    path.write_text(json.dumps(data))
    report = import_file(seeded.store, path)
    assert (report.added, report.updated, report.unchanged) == (0, 1, 3)
    notes = {a.id: a.note for a in seeded.store.annotations(sha)}
    assert notes["a1quote"] == "edited elsewhere" and notes["b2shells"].startswith("Which source?")
    assert "othermachine" not in notes


def test_import_onto_changed_text_reanchors_or_orphans(seeded: Seeded, tmp_path: Path) -> None:
    path = export_document(seeded.store, seeded.document.sha256, "json", tmp_path / "notes.json")
    fresh = wipe(seeded.store)
    changed = seeded.document.text.replace(
        "These figures are confirmed by various sources", "Nobody confirms this"
    )
    data = json.loads(path.read_text())
    moved = make_document(changed, source="x", extractor="plain")
    data["reader:document"]["sha256"] = moved.sha256
    for item in data["first"]["items"]:
        item["target"]["source"] = "urn:sha256:" + moved.sha256
    fresh.open_document(moved)
    path.write_text(json.dumps(data))
    import_file(fresh, path)
    found = {a.id: a for a in fresh.annotations(moved.sha256)}
    assert found["c3figures"].orphaned and not found["a1quote"].orphaned
    assert (
        changed[found["d4percent"].anchor.start : found["d4percent"].anchor.end]
        == "40 percent of Russia’s ammunition reserves"
    )
    fresh.close()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("", "the file is empty"),
        ("not json at all", "line 1: not JSON"),
        ('{"type": "Something"}', "not a Web Annotation collection"),
        ('{"type": "AnnotationCollection"}', "lacks reader:document"),
        (
            '{"type": "AnnotationCollection", "reader:document": {"sha256": "x", "title": "t"}, "first": {"items": []}}',
            "needs a sha256",
        ),
    ],
)
def test_bad_import_files_are_one_line(
    isolated_dirs: Path, tmp_path: Path, content: str, message: str
) -> None:
    path = tmp_path / "bad.json"
    path.write_text(content)
    with Store.open() as store, pytest.raises(ExportError) as caught:
        import_file(store, path)
    assert message in str(caught.value) and "\n" not in str(caught.value)


def test_bad_annotation_in_an_import_names_it(seeded: Seeded, tmp_path: Path) -> None:
    path = export_document(seeded.store, seeded.document.sha256, "json", tmp_path / "notes.json")
    data = json.loads(path.read_text())
    data["first"]["items"][2]["target"]["selector"][1]["end"] = "ten"
    path.write_text(json.dumps(data))
    with pytest.raises(ExportError, match="annotation 3: expected an integer offset"):
        import_file(seeded.store, path)


def test_all_as_markdown_writes_files_and_an_index(seeded: Seeded, tmp_path: Path) -> None:
    other = make_document("Zebra article.\nText here.", source="https://example.org/z", extractor="plain")
    seeded.store.open_document(other)
    seeded.store.annotate(other.sha256, 0, 5, tag="verified")
    written = export_all(seeded.store, "md", tmp_path / "all")
    assert [p.name for p in written][-1] == INDEX
    index = (tmp_path / "all" / INDEX).read_text()
    for path in written[:-1]:
        assert f"](<{path.name}>)" in index and path.read_text().startswith("---\n")
    assert index.index("Even before") < index.index("Zebra")
    assert export_all(seeded.store, "md", tmp_path / "all") == written


def test_default_folder_comes_from_the_config(seeded: Seeded, isolated_dirs: Path, tmp_path: Path) -> None:
    target = tmp_path / "my exports"
    (isolated_dirs / "config" / "config.toml").write_text(f'exports = "{target}"\n')
    path = export_document(seeded.store, seeded.document.sha256, "md")
    assert path.parent == target and path.name.endswith(f"-{seeded.document.sha256[:8]}.md")


def test_failed_write_leaves_the_old_export_whole(
    seeded: Seeded, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = export_document(seeded.store, seeded.document.sha256, "md", tmp_path / "notes.md")
    before = path.read_bytes()
    seeded.store.edit("c3figures", note="changed")

    def broken(src: str, dst: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken)
    with pytest.raises(ExportError, match="No space left on device"):
        export_document(seeded.store, seeded.document.sha256, "md", path)
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.md"]


def test_unwritable_target_is_a_clear_error(seeded: Seeded, tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    with pytest.raises(ExportError, match="cannot write"):
        export_document(seeded.store, seeded.document.sha256, "md", blocker / "notes.md")


def test_unknown_format(seeded: Seeded, tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="unknown export format"):
        export_document(seeded.store, seeded.document.sha256, "pdf", tmp_path)


def test_orphan_flag_survives_the_round_trip(seeded: Seeded, tmp_path: Path) -> None:
    first = seeded.annotations[0]
    seeded.store.restore(first.id, replace(first, orphaned=True))
    path = export_document(seeded.store, seeded.document.sha256, "json", tmp_path / "o.json")
    assert json.loads(path.read_text())["first"]["items"][0]["reader:orphaned"] is True
    fresh = wipe(seeded.store)
    import_file(fresh, path)
    assert fresh.annotation(first.id).orphaned
    fresh.close()
