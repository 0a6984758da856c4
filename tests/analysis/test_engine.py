"""The engine core: contract, span invariant, determinism, fallback, batches and long input."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from reader.analysis import SCHEMA, Analysis, analyze, analyze_many
from reader.analysis.engine import BATCH_SIZE, MAX_CHUNK_CHARS, TOK2VEC_BATCH_SIZE, split_pieces
from reader.analysis.nlp import FALLBACK_WARNING, load_pipeline
from tests.analysis.conftest import DEV_ARTICLES, doc

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "seeds" / "dw-north-korea-russia.txt"

SYNTHETIC = (
    "Ministers met in Kyiv on Monday.\n"
    "“We will not accept this,” said Foreign Minister Anna Berg. «Nobody will,» she added.\n"
    "According to officials, up to 4,000 people — about 40% of the town — fled, reportedly by bus.\n"
    "Emoji 🙂 and zero\u200bwidth and עברית text and e\u0301 combining marks stay aligned: 5 million.\n"
    "An unbalanced “quote runs to the end of its paragraph, said Berg\n"
    "The ministry said the figures could not be independently verified.\n"
)


def fixtures() -> list[tuple[str, str]]:
    items = [("seed", SEED.read_text(encoding="utf-8")), ("synthetic", SYNTHETIC)]
    items += [(path.stem, path.read_text(encoding="utf-8")) for path in sorted(DEV_ARTICLES.glob("*.txt"))]
    return items


def spans_of(node: Any, path: str = "$") -> list[tuple[str, dict[str, Any]]]:
    """Every object with start/end anywhere in the JSON tree."""
    found = []
    if isinstance(node, dict):
        if "start" in node and "end" in node:
            found.append((path, node))
        for key, value in node.items():
            found += spans_of(value, f"{path}.{key}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            found += spans_of(value, f"{path}[{index}]")
    return found


def assert_span_invariant(data: dict[str, Any], text: str) -> int:
    spans = spans_of(data)
    for path, span in spans:
        assert 0 <= span["start"] <= span["end"] <= len(text), path
        if "text" in span:
            assert span["text"] == text[span["start"] : span["end"]], path
    return len(spans)


@pytest.mark.parametrize(("name", "text"), fixtures(), ids=[name for name, _ in fixtures()])
def test_span_invariant_and_contract_on_every_fixture(name: str, text: str) -> None:
    document = doc(text, source=name)
    data = json.loads(analyze(document).to_json())
    assert data["schema"] == SCHEMA
    assert set(data) >= {
        "document",
        "engine",
        "paragraphs",
        "sentences",
        "speakers",
        "quotes",
        "numbers",
        "claims",
        "checks",
        "warnings",
    }
    assert data["document"]["sha256"] == document.sha256
    assert data["document"]["chars"] == len(document.text)
    assert data["engine"]["model"].startswith("en_core_web_sm")
    assert assert_span_invariant(data, document.text) >= len(data["sentences"]) > 0


@pytest.mark.parametrize(("name", "text"), fixtures()[:2])
def test_span_invariant_in_rules_only_fallback(name: str, text: str) -> None:
    document = doc(text, source=name)
    analysis = analyze(document, packages=("reader_no_such_model",))
    assert analysis.engine.model == "rules-only"
    assert FALLBACK_WARNING in analysis.warnings
    assert assert_span_invariant(json.loads(analysis.to_json()), document.text) > 0


def test_same_input_gives_byte_identical_json() -> None:
    text = SEED.read_text(encoding="utf-8")
    first = analyze(doc(text)).to_json()
    second = analyze(doc(text)).to_json()
    assert first == second
    assert '"schema": "reader.analysis/1"' in first


def test_round_trip_through_dict_is_lossless() -> None:
    analysis = analyze(doc(SYNTHETIC))
    again = Analysis.from_dict(json.loads(analysis.to_json()))
    assert again.to_json() == analysis.to_json()


def test_sentences_are_ordered_and_inside_paragraphs() -> None:
    analysis = analyze(doc(SYNTHETIC))
    starts = [s.start for s in analysis.sentences]
    assert starts == sorted(starts)
    assert [s.id for s in analysis.sentences] == [f"s{i}" for i in range(len(starts))]
    for sentence in analysis.sentences:
        assert any(p.start <= sentence.start and sentence.end <= p.end for p in analysis.paragraphs)


def test_batch_keeps_input_order_and_matches_single_runs() -> None:
    texts = ["First article. It has 12 apples.", SYNTHETIC, "Third one, said nobody."]
    singles = [analyze(doc(t, source=str(i))).to_json() for i, t in enumerate(texts)]
    batch = [a.to_json() for a in analyze_many([doc(t, source=str(i)) for i, t in enumerate(texts)])]
    assert batch == singles


def test_batch_in_two_processes_matches_one() -> None:
    texts = [SYNTHETIC, SEED.read_text(encoding="utf-8")]
    one = [a.to_json() for a in analyze_many([doc(t) for t in texts], n_process=1)]
    two = [a.to_json() for a in analyze_many([doc(t) for t in texts], n_process=2)]
    assert one == two


def test_one_document_in_two_processes_goes_through_nlp_pipe_and_matches() -> None:
    text = SEED.read_text(encoding="utf-8") + "\n" + SYNTHETIC
    one = [a.to_json() for a in analyze_many([doc(text)], n_process=1)]
    two = [a.to_json() for a in analyze_many([doc(text)], n_process=2)]
    assert one == two


def test_batch_in_workers_reports_progress_in_order() -> None:
    seen: list[int] = []
    texts = [SYNTHETIC, "Second one. It has 3 apples.", SYNTHETIC]
    list(analyze_many([doc(t) for t in texts], n_process=2, progress=lambda done, total: seen.append(done)))
    assert seen == sorted(seen) and seen[-1] == sum(len(doc(t).text) for t in texts)


def test_progress_reaches_the_total() -> None:
    seen: list[tuple[int, int]] = []
    analyze(doc(SYNTHETIC), progress=lambda done, total: seen.append((done, total)))
    assert seen and seen[-1][0] == seen[-1][1]
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)


def test_long_paragraph_is_cut_into_pieces_below_the_limit() -> None:
    sentence = "The council approved 12 new schools after a long debate. "
    text = sentence * (3 * MAX_CHUNK_CHARS // len(sentence))
    document = doc(text)
    pieces = list(split_pieces(document))
    assert len(pieces) >= 3
    assert all(p.end - p.start <= MAX_CHUNK_CHARS for p in pieces)
    assert pieces[0].start == document.paragraphs[0].start
    assert pieces[-1].end == document.paragraphs[0].end
    # Cuts fall after a full stop, so no sentence is split in the middle of a word.
    assert all(text[p.end - 1] == "." for p in pieces[:-1])


def test_long_line_without_spaces_still_analyses() -> None:
    text = "x" * (2 * MAX_CHUNK_CHARS + 17)
    analysis = analyze(doc(text), packages=("reader_no_such_model",))
    assert analysis.sentences[0].start == 0
    assert analysis.sentences[-1].end == len(text)


def test_long_text_analyses_a_paragraph_at_a_time() -> None:
    """Scale: the 500,000-word run with the model is in benchmarks/ (minutes, not a unit test).

    Here a 60,000-word text goes through the fallback, and the pipeline is fed
    pieces one by one: it never sees the whole text in one call.
    """
    from reader.analysis.nlp import load_pipeline

    paragraph = ("Officials said 5,000 people fled, reportedly by bus, according to sources. " * 20).strip()
    count = 60_000 // len(paragraph.split()) + 1
    text = "\n".join([paragraph] * count)
    pipeline = load_pipeline(("reader_no_such_model",))
    seen: list[int] = []
    real_pipe = pipeline.nlp.pipe

    def spying_pipe(texts, **kwargs):  # type: ignore[no-untyped-def]
        return real_pipe((seen.append(len(t)) or t for t in texts), **kwargs)

    pipeline.nlp.pipe = spying_pipe
    try:
        analysis = next(analyze_many([doc(text)], pipeline=pipeline))
    finally:
        pipeline.nlp.pipe = real_pipe
    assert len(seen) == count and max(seen) == len(paragraph)
    assert analysis.sentences[-1].end == len(text)
    assert len(analysis.paragraphs) == count
    assert len(analysis.numbers) >= count * 20


def test_cancel_stops_the_analysis() -> None:
    from reader.analysis.engine import Cancelled

    with pytest.raises(Cancelled):
        analyze(doc(SYNTHETIC), cancelled=lambda: True)


def _imports_after(code: str) -> set[str]:
    out = subprocess.run(
        [sys.executable, "-c", code + "\nimport sys, json; print(json.dumps(sorted(sys.modules)))"],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    ).stdout
    return {name.split(".")[0] for name in json.loads(out.splitlines()[-1])}


def test_importing_the_core_imports_neither_spacy_nor_textual() -> None:
    modules = _imports_after("import reader.analysis, reader.intake, reader.analysis.model, reader.cli")
    assert "spacy" not in modules
    assert "textual" not in modules


def test_running_an_analysis_never_imports_textual() -> None:
    modules = _imports_after(
        "from reader.analysis import analyze\nfrom reader.intake import make_document\n"
        "analyze(make_document('He said 5 things.', source='x', extractor='plain'))"
    )
    assert "spacy" in modules
    assert "textual" not in modules


def test_no_module_under_analysis_mentions_textual() -> None:
    for path in (ROOT / "reader" / "analysis").rglob("*.py"):
        source = path.read_text(encoding="utf-8")
        assert "import textual" not in source and "from textual" not in source, path


def test_the_tok2vec_models_parse_in_small_batches_the_rest_in_full_ones(monkeypatch) -> None:
    """The tok2vec models hold ~15 KB a token until a batch is done: they get TOK2VEC_BATCH_SIZE (issue 22)."""
    pipeline = load_pipeline()
    if not pipeline.has_ner:
        pytest.skip("needs en_core_web_sm")
    seen: dict[str, list[int]] = {}
    for name in ("tok2vec", "ner", "tagger"):
        model = pipeline.nlp.get_pipe(name).model

        def forward(model, docs, is_train, name=name, inner=model._func):
            seen.setdefault(name, []).append(len(docs))
            return inner(model, docs, is_train)

        monkeypatch.setattr(model, "_func", forward)
    text = "\n\n".join(f"The council met {n} times, the mayor said." for n in range(BATCH_SIZE + 10))
    list(analyze_many([doc(text)]))
    assert max(seen["tok2vec"]) == TOK2VEC_BATCH_SIZE < BATCH_SIZE
    # spaCy's parsers split their batch in quarters (sorted by length) before their model sees it.
    assert max(seen["ner"]) == TOK2VEC_BATCH_SIZE // 4
    assert max(seen["tagger"]) == BATCH_SIZE
