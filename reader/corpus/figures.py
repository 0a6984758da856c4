"""The report's figures, computed from a corpus folder's Parquet tables with pyarrow.

Each figure is a small table (a title, column names, rows) so the terminal, the
HTML page and the CSV files all show the same numbers.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from reader.corpus.names import merged_names
from reader.corpus.tables import SCHEMAS
from reader.intake import InputError

TOP_SPEAKERS = 20
UNKNOWN = "(none)"


@dataclass(frozen=True)
class Figure:
    name: str  # file-name stem for the CSV
    title: str
    columns: tuple[str, ...]
    rows: list[tuple[object, ...]]


@dataclass(frozen=True)
class Headline:
    documents: int
    words: int
    failures: int
    outlets: int
    quotes: int
    unnamed_share: float
    claims: int
    numbers_per_1000_words: float


def read(out: Path, name: str) -> pa.Table:
    folder = out / name
    if not folder.is_dir():
        raise InputError(
            f"{out}: no {name}/ table (not a Parquet corpus folder from 'reader corpus analyze')"
        )
    parts = sorted(folder.glob("part-*.parquet"))
    if not parts:
        return SCHEMAS[name].empty_table()
    tables = []
    for part in parts:
        try:
            tables.append(pq.read_table(part, schema=SCHEMAS[name]))
        except (OSError, pa.ArrowException) as exc:
            reason = " ".join(str(exc).split())
            raise InputError(f"{part}: not a readable corpus shard ({reason})") from None
    return pa.concat_tables(tables)


def compute(out: Path) -> tuple[Headline, list[Figure]]:
    documents = read(out, "documents").to_pylist()
    quotes = read(out, "quotes").to_pylist()
    claims = read(out, "claims").to_pylist()
    numbers = read(out, "numbers").to_pylist()
    failures = read(out, "failures").num_rows
    outlet = {d["doc_id"]: d["outlet"] or UNKNOWN for d in documents}
    volume, words = _volume(documents)
    outlets = sorted(words)
    top, quotes_per, unnamed_per = _speakers(quotes, outlet)

    categories = sorted({c["category"] for c in claims})
    claim_counts = Counter((outlet.get(c["doc_id"], UNKNOWN), c["category"]) for c in claims)
    number_counts = Counter(outlet.get(n["doc_id"], UNKNOWN) for n in numbers)
    total_words = sum(words.values())

    figures = [
        Figure(
            "volume",
            "Documents and words per outlet and month",
            ("outlet", "month", "documents", "words"),
            [(o, m, v[0], v[1]) for (o, m), v in sorted(volume.items())],
        ),
        Figure(
            "speakers",
            f"Most quoted speakers (top {TOP_SPEAKERS}, one name per person across documents)",
            ("speaker", "quotes", "documents", "outlets"),
            [(name, e[0], len(e[1]), ", ".join(sorted(e[2]))) for name, e in top],
        ),
        Figure(
            "unnamed",
            "Share of quotes from unnamed or unattributed speakers, per outlet",
            ("outlet", "quotes", "unnamed", "share"),
            [(o, quotes_per[o], unnamed_per[o], _share(unnamed_per[o], quotes_per[o])) for o in outlets],
        ),
        Figure(
            "claims",
            "Claims per category per outlet (share of the outlet's claims)",
            ("outlet", *categories, "claims"),
            [
                (
                    o,
                    *(
                        _share(claim_counts[o, c], sum(claim_counts[o, k] for k in categories))
                        for c in categories
                    ),
                    sum(claim_counts[o, k] for k in categories),
                )
                for o in outlets
            ],
        ),
        Figure(
            "numbers",
            "Numbers per 1,000 words, per outlet",
            ("outlet", "numbers", "words", "per_1000_words"),
            [(o, number_counts[o], words[o], _rate(number_counts[o], words[o])) for o in outlets],
        ),
    ]
    headline = Headline(
        documents=len(documents),
        words=total_words,
        failures=failures,
        outlets=len(outlets),
        quotes=len(quotes),
        unnamed_share=_share(sum(unnamed_per.values()), len(quotes)),
        claims=len(claims),
        numbers_per_1000_words=_rate(len(numbers), total_words),
    )
    return headline, figures


def _volume(documents: list[dict]) -> tuple[dict[tuple[str, str], list[int]], Counter]:
    """Documents and words per (outlet, month), and words per outlet."""
    words: Counter = Counter()
    volume: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    for d in documents:
        key = (d["outlet"] or UNKNOWN, d["month"] or UNKNOWN)
        volume[key][0] += 1
        volume[key][1] += d["words"]
        words[key[0]] += d["words"]
    return volume, words


def _speakers(quotes: list[dict], outlet: dict[str, str]) -> tuple[list, Counter, Counter]:
    """The most quoted people and bodies (quotes, documents, outlets), one name per person across
    documents (reader.corpus.names), and quotes and unnamed quotes per outlet."""
    quotes_per: Counter = Counter()
    unnamed_per: Counter = Counter()
    named: list[dict] = []
    for q in quotes:
        place = outlet.get(q["doc_id"], UNKNOWN)
        quotes_per[place] += 1
        if q["speaker_kind"] == "unnamed" or q["speaker_id"] is None:
            unnamed_per[place] += 1
        elif q["speaker_name"]:
            named.append(q)
    counts = Counter(q["speaker_name"] for q in named)
    merged = merged_names(counts, {q["speaker_name"] for q in named if q["speaker_kind"] == "person"})
    by_name: dict[str, list] = defaultdict(lambda: [0, set(), set()])
    for q in named:
        entry = by_name[merged[q["speaker_name"]]]
        entry[0] += 1
        entry[1].add(q["doc_id"])
        entry[2].add(outlet.get(q["doc_id"], UNKNOWN))
    top = sorted(by_name.items(), key=lambda kv: (-kv[1][0], kv[0]))[:TOP_SPEAKERS]
    return top, quotes_per, unnamed_per


def _share(part: int, whole: int) -> float:
    return round(part / whole, 4) if whole else 0.0


def _rate(count: int, words: int) -> float:
    return round(1000 * count / words, 2) if words else 0.0
