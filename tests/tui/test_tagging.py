"""Tagging, notes, selection, undo/redo and export on the reading screen, asserted on the store's contents."""

from __future__ import annotations

import json

import pytest

from reader.config import ConfigError
from reader.store import Store
from reader.tui import ReaderApp
from reader.tui.notes.annotations import NOTE_GLYPH
from reader.tui.screens.help import HelpScreen
from reader.tui.screens.note_editor import NoteEditor
from reader.tui.screens.reading import ReadingScreen
from tests.tui.test_app import SMALL, ready

LARGE = (160, 48)


def stored(app: ReaderApp) -> list[tuple[str | None, str | None, str]]:
    """(tag, note, quote) of every annotation the store holds for the open article, in text order."""
    screen = app.screen
    assert isinstance(screen, ReadingScreen)
    return [
        (a.tag, a.note, a.anchor.exact) for a in app.session.store.annotations(screen.state.document.sha256)
    ]


def shown(screen: ReadingScreen) -> list[tuple[str | None, str | None, str]]:
    return [(a.tag, a.note, a.anchor.exact) for a in screen.tagging.marked.items]


def sentence_text(screen: ReadingScreen) -> str:
    start, end = screen.state.cursor_span
    return screen.state.document.text[start:end].rstrip()


def status(screen: ReadingScreen) -> str:
    return str(screen.query_one("#status").render())


async def test_a_tag_key_tags_the_cursor_sentence_and_the_same_key_takes_it_off(make_app) -> None:
    app = make_app()
    async with app.run_test(size=LARGE) as pilot:
        screen = await ready(app, pilot)
        await pilot.press("j")
        sentence = sentence_text(screen)
        await pilot.press("1")
        assert stored(app) == shown(screen) == [("needs-source", None, sentence)]
        assert "✎ 1 · needs-source 1" in status(screen)
        article = screen.article
        line = article.wrapped.line_of(screen.state.cursor_span[0]) - round(article.scroll_y)
        painted = article.render_line(line)
        assert NOTE_GLYPH in painted.text
        tint = article.get_component_rich_style("article--annotation", partial=True).bgcolor
        assert any(segment.style and segment.style.bgcolor == tint for segment in painted)
        await pilot.press("3")  # another tag replaces it on the same span
        assert stored(app) == [("disputed", None, sentence)]
        await pilot.press("3")  # the same tag again takes it off; nothing else was on it, so it is gone
        assert stored(app) == shown(screen) == []
        assert "✎" not in status(screen)


async def test_u_removes_and_undo_redo_replay_every_change(make_app) -> None:
    app = make_app()
    async with app.run_test(size=LARGE) as pilot:
        screen = await ready(app, pilot)
        await pilot.press("j", "2")
        first = sentence_text(screen)
        await pilot.press("j", "j", "4")
        second = sentence_text(screen)
        assert stored(app) == [("verified", None, first), ("false", None, second)]
        await pilot.press("u")
        assert stored(app) == [("verified", None, first)]
        await pilot.press("U")
        assert stored(app) == shown(screen) == [("verified", None, first), ("false", None, second)]
        await pilot.press("ctrl+z", "ctrl+z")  # undo the tag on the second sentence, then the first
        assert stored(app) == shown(screen) == []
        await pilot.press("ctrl+y")
        assert stored(app) == [("verified", None, first)]
        assert sentence_text(screen) == first  # the cursor goes to what changed
        await pilot.press("ctrl+r", "ctrl+r")  # redo the tag and its removal
        assert stored(app) == shown(screen) == [("verified", None, first)]
        await pilot.press("ctrl+r")  # nothing left to redo: a bell, no change
        assert stored(app) == [("verified", None, first)]
        await pilot.press("g", "u")  # nothing on the first sentence
        assert stored(app) == [("verified", None, first)]


async def test_a_writes_a_note_in_the_editor_and_edits_it_later(make_app) -> None:
    app = make_app()
    async with app.run_test(size=LARGE) as pilot:
        screen = await ready(app, pilot)
        await pilot.press("J", "1")  # a tag first: the note joins it on the same span
        sentence = sentence_text(screen)
        await pilot.press("a")
        assert isinstance(app.screen, NoteEditor)
        assert sentence[:40] in str(app.screen.query_one("#note-quote").render())
        await pilot.press(*"who says so?")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is screen
        assert stored(app) == [("needs-source", "who says so?", sentence)]
        details = str(screen.query_one("#details").render())
        assert "needs-source: who says so?" in details
        await pilot.press("a")
        editor = app.screen
        assert isinstance(editor, NoteEditor)
        assert editor.query_one("#note-text").text == "who says so?"
        await pilot.press(*" Name them.", "escape", "d")  # changes discarded when asked: nothing changes
        await pilot.pause()
        assert stored(app) == [("needs-source", "who says so?", sentence)]
        await pilot.press("a")
        await pilot.press(*["backspace"] * len("who says so?"))
        await pilot.press("ctrl+s")  # an empty note removes the note and keeps the tag
        await pilot.pause()
        assert stored(app) == [("needs-source", None, sentence)]
        await pilot.press("U")
        assert stored(app) == [("needs-source", "who says so?", sentence)]


async def test_selection_mode_tags_a_span_word_by_word_and_by_sentence(make_app, seed_document) -> None:
    app = make_app()
    async with app.run_test(size=LARGE) as pilot:
        screen = await ready(app, pilot)
        await pilot.press("j")
        sentence = sentence_text(screen)  # "Does Putin want peace in Ukraine?"
        await pilot.press("v", "w", "l")
        assert screen.state.selected is not None
        assert seed_document.text[slice(*screen.state.selected)] == "Does Putin want"
        await pilot.press("b")
        await pilot.press("2")
        assert stored(app) == [("verified", None, "Does Putin")]
        assert screen.tagging.selection is None and screen.state.selected is None
        await pilot.press("v", "j")  # to the end of the sentence
        await pilot.press("a", *"a whole sentence", "ctrl+s")
        await pilot.pause()
        assert ("verified", None, "Does Putin") in stored(app)
        assert (None, "a whole sentence", sentence) in stored(app)
        await pilot.press("v", "j", "j")  # across into the next sentence
        selected = seed_document.text[slice(*screen.state.selected)]
        assert selected.startswith(sentence) and len(selected) > len(sentence) + 10
        await pilot.press("k")
        assert seed_document.text[slice(*screen.state.selected)] == sentence
        await pilot.press("escape")  # cancels without tagging; j moves the cursor again
        assert screen.tagging.selection is None and screen.state.selected is None
        assert len(stored(app)) == 2
        before = screen.state.cursor
        await pilot.press("j")
        assert screen.state.cursor == before + 1


async def test_keys_typed_faster_than_the_screen_updates_select_the_same_span(
    make_app, seed_document
) -> None:
    """A terminal delivers "jvww4" at once: each key must act on the state the previous one left."""
    from textual import events

    app = make_app()
    async with app.run_test(size=LARGE) as pilot:
        await ready(app, pilot)
        for key in "jvww4":
            app.post_message(events.Key(key, key))
        await pilot.pause()
        await pilot.pause()
        assert stored(app) == [("false", None, "Does Putin want")]


async def test_keys_typed_right_after_saving_a_note_stay_out_of_the_note(make_app) -> None:
    """ctrl+s is handled where the letters are typed, so a tag key typed at once never lands in the text."""
    from textual import events

    app = make_app()
    async with app.run_test(size=LARGE) as pilot:
        screen = await ready(app, pilot)
        await pilot.press("j", "a")
        sentence = sentence_text(screen)
        for key, character in [("x", "x"), ("y", "y"), ("ctrl+s", None), ("2", "2")]:
            app.post_message(events.Key(key, character))
        await pilot.pause()
        await pilot.pause()
        assert [(tag, note, quote) for tag, note, quote in stored(app) if note] == [(None, "xy", sentence)]


async def test_the_notes_branch_lists_notes_and_jumps_to_them(make_app) -> None:
    app = make_app()
    async with app.run_test(size=LARGE) as pilot:
        screen = await ready(app, pilot)
        await pilot.press("J", "J", "5")
        target = screen.state.cursor_span
        quote = sentence_text(screen)
        await pilot.press("g")
        tree = screen.panel.tree
        notes = tree.root.children[0]
        assert str(notes.label) == "Notes (1)"
        assert [str(leaf.label) for leaf in notes.children] == [f"{NOTE_GLYPH} opinion  “{quote[:39]}…”"]
        assert str(tree.root.children[1].label).startswith("Speakers")
        await pilot.press("tab")
        tree.move_cursor(notes.children[0])
        await pilot.press("enter")
        assert screen.state.cursor_span == target
        assert screen.state.selected is not None and screen.state.selected[0] == target[0]
        await pilot.press("tab", "u")  # the picked note is what u removes
        assert stored(app) == []
        assert str(tree.root.children[0].label).startswith("Speakers")  # no empty Notes branch


async def test_help_and_palette_list_the_tag_keys_and_new_actions(make_app) -> None:
    from reader.tui.commands import ReaderCommands

    app = make_app()
    async with app.run_test(size=SMALL) as pilot:
        screen = await ready(app, pilot)
        names = {name for name, _keys, _command in ReaderCommands(screen)._entries()}
        for wanted in (
            "Tag: needs-source",
            "Tag: opinion",
            "Undo",
            "Redo",
            "Library",
            "Export notes as Markdown",
        ):
            assert wanted in names
        assert "Select next word" not in names  # selection keys are offered only while selecting
        await pilot.press("question_mark")
        help_screen = app.screen
        assert isinstance(help_screen, HelpScreen)
        rows = {row.description: row.keys for row in help_screen.rows}
        assert rows["Tag: needs-source"] == ["1"] and rows["Tag: opinion"] == ["5"]
        assert {"Note on sentence/selection", "Select a span to tag", "Remove tag/note here"} <= set(rows)


def test_a_tag_key_that_collides_with_a_reading_key_is_one_clear_error(
    isolated_dirs, seed_path, capsys
) -> None:
    from reader.cli import main

    (isolated_dirs / "config" / "config.toml").write_text('[tags]\n"j" = "misleading"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="'j' already used by the reader"):
        ReaderApp(None)
    assert main([str(seed_path)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "tag key(s) 'j' already used" in err


async def test_a_configured_tag_key_tags_with_its_tag(isolated_dirs, make_app) -> None:
    (isolated_dirs / "config" / "config.toml").write_text(
        '[tags]\n"6" = "misleading"\n"!" = "alarming"\n', encoding="utf-8"
    )
    app = make_app()
    async with app.run_test(size=LARGE) as pilot:
        await ready(app, pilot)
        await pilot.press("6", "j", "exclamation_mark")
        assert [tag for tag, _note, _quote in stored(app)] == ["misleading", "alarming"]


async def test_e_and_E_export_the_notes_and_say_where(isolated_dirs, make_app) -> None:
    app = make_app()
    messages: list[str] = []
    notify = app.notify
    app.notify = lambda message, **kwargs: (messages.append(str(message)), notify(message, **kwargs))[1]
    async with app.run_test(size=LARGE) as pilot:
        screen = await ready(app, pilot)
        await pilot.press("j", "1", "a", *"check this", "ctrl+s")
        await pilot.pause()
        await pilot.press("e", "E")
        for _ in range(100):  # the keys are handled after press returns: on a busy machine, later
            if sum(message.startswith("Exported to") for message in messages) >= 2:
                break
            await pilot.pause(0.05)
    exports = sorted((isolated_dirs / "data" / "exports").iterdir())
    assert [path.suffix for path in exports] == [".json", ".md"]
    markdown = exports[1].read_text(encoding="utf-8")
    assert "needs-source" in markdown and "check this" in markdown
    annotation = json.loads(exports[0].read_text(encoding="utf-8"))
    assert "check this" in json.dumps(annotation)
    assert f"Exported to {exports[1]}" in messages and f"Exported to {exports[0]}" in messages
    assert screen.tagging.sha256[:8] in exports[1].name


async def test_an_unusable_store_keeps_notes_in_memory_and_says_so(
    isolated_dirs, monkeypatch, make_app
) -> None:
    blocked = isolated_dirs / "not-a-folder"
    blocked.write_text("a file where the data folder should be", encoding="utf-8")
    monkeypatch.setenv("READER_DATA_DIR", str(blocked))
    app = make_app()
    messages: list[str] = []
    notify = app.notify
    app.notify = lambda message, **kwargs: (messages.append(str(message)), notify(message, **kwargs))[1]
    async with app.run_test(size=LARGE) as pilot:
        screen = await ready(app, pilot)
        await pilot.press("j", "1")
        assert stored(app) == shown(screen) and len(shown(screen)) == 1
        assert app.session.store.degraded is not None
    assert any("kept in memory" in message for message in messages)
    assert blocked.read_text(encoding="utf-8").startswith("a file")


def test_reopening_a_store_from_a_newer_reader_falls_back_to_memory(isolated_dirs, monkeypatch) -> None:
    from reader.store import StoreError
    from reader.tui import session

    def newer(*_args, **_kwargs):
        raise StoreError("cannot use the store x: it was written by a newer reader")

    monkeypatch.setattr(Store, "open", newer)
    started = session.Session.start(set())
    assert started.store.degraded is not None
    assert any("kept in memory" in notice for notice in started.take_notices())
    assert started.take_notices() == []


async def test_a_highlight_picked_with_the_bracket_keys_is_what_gets_tagged(make_app, seed_analysis) -> None:
    app = make_app()
    async with app.run_test(size=LARGE) as pilot:
        screen = await ready(app, pilot)
        await pilot.press("right_square_bracket")  # the first claim (claims is the focused layer)
        claim = min(seed_analysis.claims, key=lambda c: c.start)
        assert screen.state.selected == (claim.start, claim.end)
        await pilot.press("3")
        assert stored(app) == [("disputed", None, claim.text)]
        await pilot.press("escape", "3")  # marks cleared: the key tags the whole sentence instead
        assert len(stored(app)) == 2 and sentence_text(screen) in [quote for *_, quote in stored(app)]
