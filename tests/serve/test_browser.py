"""`reader serve` end to end: a real headless Chromium opens the page, presses the reader's keys,
and the tags and notes land in the store that the server was pointed at."""

from __future__ import annotations

import os
from pathlib import Path

from playwright.sync_api import Browser

from reader.intake import load
from reader.store import Annotation, Store
from tests.conftest import SEED
from tests.serve.browser import Tab, open_tab, pixel_variance, reader_serve

READY = b"Speakers ("  # the side panel's first heading once the analysis is in: the keys now tag sentences
SHA = load(str(SEED)).sha256


def annotations(data_dir: Path) -> list[Annotation]:
    store = Store.open(data_dir)
    try:
        return store.annotations(SHA)
    finally:
        store.close()


def wait_for_annotations(tab: Tab, data_dir: Path, test, timeout: float = 20.0) -> list[Annotation]:  # noqa: ANN001
    """The store is the truth: poll it (each key's change is committed by the tab's own process)."""
    for _ in range(int(timeout / 0.1)):
        found = annotations(data_dir)
        if test(found):
            return found
        tab.page.wait_for_timeout(100)
    raise AssertionError(f"the store never got there: {found}")


def serve_env(tmp_path: Path) -> dict[str, str]:
    """READER_DATA_DIR points elsewhere: only --data-dir, carried to every tab's command, may be used."""
    return {**os.environ, "READER_DATA_DIR": str(tmp_path / "not-this-one")}


def test_tag_and_note_in_the_browser_are_in_the_store(
    browser: Browser, data_dir: Path, tmp_path: Path
) -> None:
    data = data_dir
    served = reader_serve("--data-dir", str(data), "serve", str(SEED), "--port", "0", env=serve_env(tmp_path))
    try:
        tab = open_tab(browser, served.url)
        tab.page.goto(served.url)
        tab.wait_for(b"Even before the Alaska summit")
        tab.wait_for(READY)
        tab.press("j", "1")
        (tagged,) = wait_for_annotations(tab, data, lambda found: len(found) == 1)
        assert tagged.tag == "needs-source"
        assert tagged.anchor.exact == "Does Putin want peace in Ukraine?"  # j: the second sentence
        shown = len(tab.text())
        tab.press("a")
        tab.wait_for(b"ctrl+s saves", after=shown)  # the note editor is up: type into it
        tab.page.keyboard.type("who else says so?")
        tab.press("Control+s")
        wait_for_annotations(tab, data, lambda found: found and found[0].note == "who else says so?")
        with tab.page.expect_download() as download:
            tab.press("e")  # the Markdown export: downloaded by the browser, not only written on the server
        exported = Path(download.value.path()).read_text(encoding="utf-8")
        assert download.value.suggested_filename.endswith(".md")
        assert "who else says so?" in exported and "needs-source" in exported
        tab.painted()
        shot = tmp_path / "served-reader.png"
        tab.page.screenshot(path=str(shot))
        assert pixel_variance(shot) > 100, "the screenshot of the served reader is blank"
        tab.page.close()
        assert tab.outside == [], "the page asked for something not on the server"
    finally:
        status, err = served.stop()
    assert status == 0, err
    (kept,) = annotations(data)
    assert (kept.tag, kept.note) == ("needs-source", "who else says so?")
    assert not (tmp_path / "not-this-one").exists()


def test_two_tabs_on_one_article_keep_both_tags_and_see_each_other(
    browser: Browser, data_dir: Path, tmp_path: Path
) -> None:
    data = data_dir
    served = reader_serve("--data-dir", str(data), "serve", str(SEED), "--port", "0", env=serve_env(tmp_path))
    try:
        first, second = open_tab(browser, served.url), open_tab(browser, served.url)
        first.page.goto(served.url)
        second.page.goto(served.url)
        first.wait_for(READY)
        second.wait_for(READY)
        first.press("j", "1")
        wait_for_annotations(first, data, lambda found: len(found) == 1)
        second.press("j", "j", "2")  # the second tab opened before the first tagged: a sentence further on
        found = wait_for_annotations(second, data, lambda found: len(found) == 2)
        assert [a.tag for a in found] == ["needs-source", "verified"]
        first.page.close()
        third = open_tab(browser, served.url)  # the first tab's reader reopened: it sees the second's tag
        third.page.goto(served.url)
        third.wait_for(b"Notes (2)")
    finally:
        status, err = served.stop()
    assert status == 0, err
    assert "2 open tab(s) closed" in err
    assert [a.tag for a in annotations(data)] == ["needs-source", "verified"]
