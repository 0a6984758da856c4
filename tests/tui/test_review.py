"""The review queue on the seed (canned analysis: three flagged claims): every key and flow, on the store."""

from __future__ import annotations

from reader.store import Store
from reader.tui.screens.evidence_editor import EvidenceEditor
from reader.tui.screens.library import LibraryScreen
from reader.tui.screens.note_editor import NoteEditor
from reader.tui.screens.reading import ReadingScreen
from reader.tui.screens.review import ReviewScreen
from tests.tui.test_app import ready

LARGE = (160, 48)


def verdicts(store: Store, sha: str) -> dict[str, str | None]:
    return {a.anchor.exact: a.verdict for a in store.annotations(sha) if a.verdicts}


async def open_queue(app, pilot) -> ReviewScreen:
    await ready(app, pilot)
    await pilot.press("R")
    await pilot.pause()
    screen = app.screen
    assert isinstance(screen, ReviewScreen)
    return screen


async def test_number_keys_decide_and_move_on_undo_and_skip(make_app, seed_document) -> None:
    app = make_app()
    async with app.run_test(size=LARGE) as pilot:
        queue = await open_queue(app, pilot)
        store, sha = app.session.store, seed_document.sha256
        claims = [item.text for item in queue.shown]
        assert len(claims) == 3 and [i.kind for i in queue.shown] == ["claim"] * 3  # article order
        assert "3 of 3 undecided" in str(queue.query_one("#review-summary").render())
        await pilot.press("4")  # false: the 4th verdict of the default scale
        assert verdicts(store, sha) == {claims[0]: "false"}
        assert [i.text for i in queue.shown] == claims[1:]  # decided ones leave the undecided filter
        await pilot.press("s")  # skip the second
        assert queue.current.text == claims[2]
        await pilot.press("1")
        assert verdicts(store, sha) == {claims[0]: "false", claims[2]: "true"}
        messages: list[str] = []
        notify = app.notify
        app.notify = lambda message, **kwargs: (messages.append(str(message)), notify(message, **kwargs))[1]
        await pilot.press("9")  # past the scale's 5 verdicts: a notice, nothing stored
        assert verdicts(store, sha) == {claims[0]: "false", claims[2]: "true"}
        assert messages == [
            "9 is not on the verdict scale: 1 to 5 (true, mostly-true, misleading, false, unproven)"
        ]
        await pilot.press("U")
        assert verdicts(store, sha) == {claims[0]: "false"}
        assert queue.current.text == claims[2]  # the undone claim is back under the highlight
        await pilot.press("f")  # decided
        assert queue.filter == "decided" and [i.text for i in queue.shown] == [claims[0]]
        await pilot.press("3")  # a decided claim can be changed: the history keeps both
        [annotation] = [a for a in store.annotations(sha) if a.verdicts]
        assert [v.value for v in annotation.verdicts] == ["false", "misleading"]
        assert "was false" in str(queue.query_one("#review-details").render())
        await pilot.press("f")
        assert queue.filter == "all" and len(queue.shown) == 3
        await pilot.press("o")
        assert queue.order == "weight"


async def test_enter_jumps_to_the_sentence_and_tags_show_in_the_queue(make_app, seed_document) -> None:
    app = make_app()
    async with app.run_test(size=LARGE) as pilot:
        screen = await ready(app, pilot)
        await pilot.press("1")  # tag the first sentence: a tagged span joins the queue
        await pilot.press("R")
        await pilot.pause()
        queue = app.screen
        assert isinstance(queue, ReviewScreen)
        assert [i.kind for i in queue.shown][0] == "tagged" and len(queue.shown) == 4
        await pilot.press("down", "down")
        target = queue.current
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is screen
        start, end = screen.state.cursor_span
        assert start <= target.start < end


async def test_note_and_evidence_add_edit_delete_without_leaving_the_queue(make_app, seed_document) -> None:
    app = make_app()
    async with app.run_test(size=LARGE) as pilot:
        queue = await open_queue(app, pilot)
        store, sha = app.session.store, seed_document.sha256
        first = queue.current
        await pilot.press("a")
        assert isinstance(app.screen, NoteEditor)
        await pilot.press(*"who?", "ctrl+s")
        await pilot.pause()
        assert app.screen is queue
        [annotation] = store.annotations(sha)
        assert (annotation.note, annotation.anchor.exact, annotation.verdict) == ("who?", first.text, None)
        await pilot.press("x")
        editor = app.screen
        assert isinstance(editor, EvidenceEditor)
        await pilot.press(*"not a url", "ctrl+s")  # refused, the form stays with what was typed
        assert app.screen is editor and "not a web address" in str(
            editor.query_one("#evidence-error").render()
        )
        editor.query_one("#evidence-url").value = "https://example.org/report"
        editor.query_one("#evidence-title").value = "Report"
        await pilot.press("ctrl+s")
        await pilot.pause()
        [record] = store.annotation(annotation.id).evidence
        assert (record.url, record.title) == ("https://example.org/report", "Report")
        details = str(queue.query_one("#review-details").render())
        assert "https://web.archive.org/web/https://example.org/report" in details
        await pilot.press("X")
        assert isinstance(app.screen, EvidenceEditor)
        app.screen.query_one("#evidence-passage").value = "page 4"
        await pilot.press("ctrl+s")
        await pilot.pause()
        [edited] = store.annotation(annotation.id).evidence
        assert (edited.id, edited.passage, edited.title) == (record.id, "page 4", "Report")
        await pilot.press("D")
        assert store.annotation(annotation.id).evidence == ()
        assert store.annotation(annotation.id).note == "who?"  # the note stays
        await pilot.press("U")
        assert store.annotation(annotation.id).evidence == (edited,)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ReadingScreen)


async def test_the_library_queue_lists_every_article_and_opens_one_at_its_claim(
    isolated_dirs, make_app, seed_document, seed_analysis
) -> None:
    from reader.intake import make_document

    other = make_document(
        "Other article.\n\nThe mayor says crime fell by half, officials claim.\n",
        source="/tmp/other.txt",
        extractor="plain",
    )
    with Store.open() as store:
        store.open_document(seed_document)
        store.save_analysis(seed_analysis)
        store.open_document(other)
        store.annotate(other.sha256, 16, 49, tag="needs-source")
    app = make_app()
    app.document = None
    async with app.run_test(size=LARGE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)
        await pilot.press("R")
        await pilot.pause()
        queue = app.screen
        assert isinstance(queue, ReviewScreen)
        assert {i.sha256 for i in queue.shown} == {seed_document.sha256, other.sha256} and len(
            queue.shown
        ) == 4
        assert "4 of 4 undecided in 2 articles" in str(queue.query_one("#review-summary").render())
        await pilot.press("2")
        assert len(queue.shown) == 3
        target = queue.current
        await pilot.press("enter")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        reading = app.screen
        assert isinstance(reading, ReadingScreen) and reading.state.document.sha256 == target.sha256
        start, end = reading.state.cursor_span
        assert start <= target.start < end


async def test_the_details_line_and_notes_show_the_verdict_and_an_off_scale_one(
    isolated_dirs, make_app, seed_document
) -> None:
    (isolated_dirs / "config" / "config.toml").write_text('[verdicts]\nscale = ["right", "wrong"]\n')
    app = make_app()
    async with app.run_test(size=LARGE) as pilot:
        queue = await open_queue(app, pilot)
        assert "1 right  2 wrong" in str(queue.query_one("#review-scale").render())
        await pilot.press("3")  # not on this two-verdict scale: nothing happens
        assert not [a for a in app.session.store.annotations(seed_document.sha256) if a.verdicts]
        first = queue.current
        await pilot.press("2", "f", "enter")  # decided filter: the claim just decided
        await pilot.pause()
        reading = app.screen
        assert isinstance(reading, ReadingScreen)
        assert "⚖ wrong" in str(reading.query_one("#details").render())
        # the scale is edited afterwards: the old verdict stays, marked off-scale
        app.session.config = type(app.session.config)(scale=("true", "false"))
        reading.redraw()
        await pilot.pause()
        assert "wrong (off-scale)" in str(reading.query_one("#details").render())
        assert first.text in [a.anchor.exact for a in app.session.store.annotations(seed_document.sha256)]


async def test_the_palette_opens_the_queue_and_a_verdict_undoes_on_the_reading_screen(
    make_app, seed_document
) -> None:
    app = make_app()
    async with app.run_test(size=LARGE) as pilot:
        reading = await ready(app, pilot)
        await pilot.press("ctrl+p", *"review queue")
        await pilot.pause(0.3)  # the palette searches in a worker: let it deliver
        await pilot.press("enter")
        await pilot.pause()
        queue = app.screen
        assert isinstance(queue, ReviewScreen)
        decided = queue.current
        await pilot.press("4", "escape")
        await pilot.pause()
        assert app.screen is reading
        store, sha = app.session.store, seed_document.sha256
        assert verdicts(store, sha) == {decided.text: "false"}
        await pilot.press("U")  # one history: the reading screen undoes the queue's verdict
        await pilot.pause()
        assert verdicts(store, sha) == {}


async def test_an_unwritable_export_target_is_a_notice_and_the_verdict_stays(
    isolated_dirs, make_app, seed_document
) -> None:
    blocker = isolated_dirs / "a-file"
    blocker.write_text("not a folder")
    (isolated_dirs / "config" / "config.toml").write_text(f'exports = "{blocker / "exports"}"\n')
    app = make_app()
    messages: list[str] = []
    notify = app.notify
    app.notify = lambda message, **kwargs: (messages.append(str(message)), notify(message, **kwargs))[1]
    async with app.run_test(size=LARGE) as pilot:
        queue = await open_queue(app, pilot)
        decided = queue.current
        await pilot.press("4", "escape")
        await pilot.pause()
        await pilot.press("E")  # the Web Annotation JSON, which carries verdicts
        await pilot.pause()
        assert [m for m in messages if m.startswith("Export failed")] and app.is_running
        assert verdicts(app.session.store, seed_document.sha256) == {decided.text: "false"}


async def test_evidence_shows_in_the_details_line_and_the_notes_branch(make_app, seed_document) -> None:
    app = make_app()
    async with app.run_test(size=LARGE) as pilot:
        queue = await open_queue(app, pilot)
        await pilot.press("x")
        editor = app.screen
        assert isinstance(editor, EvidenceEditor)
        editor.query_one("#evidence-url").value = "https://example.org/report"
        editor.query_one("#evidence-title").value = "Ministry report"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is queue
        await pilot.press("3", "f", "enter")  # misleading; then the decided filter and jump to it
        await pilot.pause()
        reading = app.screen
        assert isinstance(reading, ReadingScreen)
        details = str(reading.query_one("#details").render())
        assert "⚖ misleading" in details and "1 evidence record" in details
        assert "Ministry report: https://example.org/report" in details
        assert "archive: https://web.archive.org/web/https://example.org/report" in details
        notes = reading.panel.tree.root.children[0]
        assert str(notes.label) == "Notes (1)"
        [entry] = [str(child.label) for child in notes.children]
        assert "⚖ misleading · evidence: Ministry report" in entry


async def test_reader_review_opens_on_the_library_queue_and_esc_leaves_the_library(
    isolated_dirs, seed_document, seed_analysis
) -> None:
    from reader.tui import ReaderApp

    with Store.open() as store:
        store.open_document(seed_document)
        store.save_analysis(seed_analysis)
    app = ReaderApp(None, theme="reader-dark", review=True)  # what `reader review` runs
    async with app.run_test(size=LARGE) as pilot:
        await pilot.pause()
        await pilot.pause()
        queue = app.screen
        assert isinstance(queue, ReviewScreen) and queue.across
        assert "3 of 3 undecided in 1 article" in str(queue.query_one("#review-summary").render())
        await pilot.press("2")
        assert verdicts(app.session.store, seed_document.sha256) == {queue.items[0].text: "mostly-true"}
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)
