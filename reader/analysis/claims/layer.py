"""Unverified claims: sentences whose facts the article itself says the reader cannot check.

Per chunk, the cue Matcher (``cues``) and the unnamed-source finder
(``sources``) mark cue words and note them against their sentence; what needs
the whole article or other layers' results is decided in ``finish``:

* Unnamed speakers (results.speakers): a quote the speakers layer gives to an
  unnamed group or person marks the sentence of its speech verb as a vague or
  anonymous source (``unnamed``), where the source finder has not already.

* Quotes (results.quotes, complete only after the speakers layer has
  finished): a modal, "it seems" or "claims" inside a direct quote is the
  speaker's opinion or forecast and is dropped; a hedge about a fact
  ("reportedly", "could not be verified", an unnamed source) still counts. A
  "may"/"might" inside what a named speaker is reported to say ("the IMF said
  the deal might be a game changer") is that speaker's forecast, attributed,
  and is dropped too; from unnamed speakers ("scientists reported that the
  virus may spread") it stays a hedge.
* Disclaimers: "However, these figures cannot be independently verified." has
  an anaphoric subject and nothing else to say, so it marks itself and the
  sentence before it (for "these figures" or "the death toll" only if that
  sentence carries a figure, and then the run of figure-bearing sentences
  before it in the paragraph too); "... based on unconfirmed reports"
  qualifies the later sentences, up to two paragraphs on, that cite reports or
  sources. A qualified claim is ``unverifiable`` (the first row of the guide's
  table) and its ``qualified_by`` names the disclaimer.
* single_source (``parties``): a figure that comes from exactly one party to a
  conflict, uncorroborated in the article.

One claim per sentence, spanning the sentence; when several categories fit,
the first in the guide's table wins, and every cue found is kept in ``cues``.
Headlines and section headings (short, no closing punctuation) compress the
attribution the body gives in full, so an unnamed source there is not counted.
"""

from __future__ import annotations

import bisect
import functools
import sys
from dataclasses import dataclass
from typing import Any

from reader.analysis.claims.cues import finder_for
from reader.analysis.claims.disclaimers import CONNECTIVES, PARTY_QUANTIFIERS, disclaimer_kind
from reader.analysis.claims.parties import CONFLICT_MIN, CONFLICT_WORDS, FIGURE_KINDS, party_quoting
from reader.analysis.claims.quoted import Regions, direct_regions
from reader.analysis.claims.sources import DOCUMENT_SOURCES, GROUP_SOURCES, PERSON_SOURCES, find_sources
from reader.analysis.claims.studies import cites_study, study_authors
from reader.analysis.claims.unnamed import unnamed_cues
from reader.analysis.claims.vocabulary import (
    ANONYMOUS_SOURCE,
    CATEGORY_ORDER,
    HEDGE,
    SINGLE_SOURCE,
    UNVERIFIABLE,
    VAGUE_SOURCE,
    weight_of,
)
from reader.analysis.context import Chunk, Results
from reader.analysis.model import Claim, Number, Quote, Sentence, TextSpan

LABELS = {
    UNVERIFIABLE: "Unverifiable",
    HEDGE: "Hedge",
    VAGUE_SOURCE: "Vague source",
    ANONYMOUS_SOURCE: "Anonymous source",
    SINGLE_SOURCE: "Single source",
}
# Words that open a sentence without carrying content: "However, these figures ...".
MENTION_GAP = 40  # characters between an unnamed speaker's mention and the cue word, joined as one cue
SOURCE_CATEGORIES = frozenset({VAGUE_SOURCE, ANONYMOUS_SOURCE})
SOURCE_EXPLANATIONS = {
    VAGUE_SOURCE: "the source is a group, with no one named",
    ANONYMOUS_SOURCE: "the source is one unnamed person",
}
# Words by which a sentence cites reports: what "unconfirmed reports" earlier may have meant.
REPORT_SOURCES = frozenset({"reports", "reportedly", "sources", "outlets", "media", "rumours", "rumors"})
MAX_FIGURE_RUN = 3  # sentences a "these figures" disclaimer reaches back over
FORWARD_PARAGRAPHS = 2
PARTY_REACH = 5  # sentences a "neither side's figures" disclaimer looks back over
PARTY_PARAGRAPHS = 2  # ... and paragraphs
MAX_HEADING_TOKENS = 20
SENTENCE_ENDS = tuple('.!?"”’»')


@dataclass(slots=True)
class ClaimCue:
    category: str
    start: int  # document offsets
    end: int
    explanation: str
    in_quote: bool = True  # still a cue inside a direct quote
    forecast: bool = False  # a modal: a named speaker's forecast when inside what they are reported to say
    opinion: bool = False  # "believes": a named speaker's view when it is the cue word of their quote
    about_reports: bool = False  # cites reports or sources (for "unconfirmed reports" links)
    study_authors: bool = False  # "researchers said": no vague source if the article cites their study


@dataclass(slots=True)
class SentenceCues:
    sentence: Sentence
    paragraph: int
    heading: bool = False  # a headline or section heading: never the claim a disclaimer means
    cues: tuple[ClaimCue, ...] = ()  # a tuple, shared while empty: most sentences have no cue (issue 22)
    disclaimer: str | None = None  # "back" or "forward"
    figure_subject: bool = False  # a "these figures" disclaimer
    conflict: bool = False
    corroborated: bool = False
    qualified_by: int | None = None  # index of the disclaimer's SentenceCues
    qualified_note: str = ""
    qualifies: str = ""  # for a disclaimer that qualified other sentences: which way
    single_source: str = ""  # explanation when the single_source rule fired


class ClaimsLayer:
    requires = ("text", "sentences", "numbers", "speakers", "quotes")
    produces = ("claims",)

    def __init__(self, results: Results) -> None:
        self.results = results
        self.sentences: list[SentenceCues] = []
        self.conflict_words = 0
        self.cites_study = False  # the article says where a study was published (``studies``)

    def feed(self, chunk: Chunk) -> None:
        if not chunk.sentences:
            return  # whitespace only
        doc = chunk.doc
        self.cites_study = self.cites_study or cites_study(doc.text)
        tagged = doc.has_annotation("TAG") and doc.has_annotation("LEMMA")
        parsed = doc.has_annotation("DEP")
        lowers = doc.to_array("LOWER").tolist()
        marked = _mark(lowers)
        found: list[tuple[int, int, ClaimCue, bool]] = []  # token start, token end, cue, opens reports
        for match in finder_for(doc.vocab, tagged).find(doc, lowers):
            rule, start, end = match.rule, match.start, match.end
            while start > 0 and doc[start - 1].lower_ in rule.extend_left:
                start -= 1
            span = doc[start:end]
            cue = ClaimCue(
                rule.category,
                chunk.start + span.start_char,
                chunk.start + span.end_char,
                rule.explanation,
                in_quote=rule.in_quote,
                forecast=rule.forecast,
                opinion=rule.opinion,
                about_reports=any(t.lower_ in REPORT_SOURCES for t in span),
            )
            found.append((start, end, cue, rule.opens_reports))
        heading = _heading(doc)
        sources = [] if heading else find_sources(doc, marked.get(SOURCE, []), parsed)
        for hit in sources:
            span = doc[hit.start : hit.end]
            if hit.category == VAGUE_SOURCE:
                who = SOURCE_EXPLANATIONS[VAGUE_SOURCE]
            elif hit.noun in GROUP_SOURCES:
                who = "the sources are anonymous"
            else:
                who = SOURCE_EXPLANATIONS[ANONYMOUS_SOURCE]
            cue = ClaimCue(
                hit.category,
                chunk.start + span.start_char,
                chunk.start + span.end_char,
                who,
                about_reports=hit.noun in REPORT_SOURCES or hit.lead == "per",
                study_authors=hit.category == VAGUE_SOURCE and study_authors(hit.noun, hit.determiner),
            )
            found.append((hit.start, hit.end, cue, False))
        base = len(self.sentences)
        self.sentences.extend(SentenceCues(s, chunk.paragraph, heading=heading) for s in chunk.sentences)
        starts = [sentence.start for sentence in chunk.sentences]

        def at(offset: int) -> SentenceCues:
            return self.sentences[base + max(0, bisect.bisect_right(starts, offset) - 1)]

        for i in marked.get(CONFLICT, []):
            self.conflict_words += 1
            at(chunk.start + doc[i].idx).conflict = True
        for i in marked.get(CORROBORATION, []):
            if not _negated(doc, i):
                at(chunk.start + doc[i].idx).corroborated = True
        for start, end, cue, opens_reports in found:
            facts = at(cue.start)
            facts.cues += (cue,)
            if cue.category == UNVERIFIABLE and facts.disclaimer is None:
                facts.disclaimer, facts.figure_subject = disclaimer_kind(
                    doc, start, end, opens_reports, chunk.start, facts.sentence
                )

    def finish(self) -> None:
        if self.cites_study:
            for facts in self.sentences:
                if facts.cues:
                    facts.cues = tuple(cue for cue in facts.cues if not cue.study_authors)
        self._unnamed_speakers()
        self._drop_quoted_opinions(self.results.quotes)
        self._link_disclaimers()
        if self.conflict_words >= CONFLICT_MIN:
            self._single_sources()
        self._build()

    # --- decisions that need the whole article -------------------------------------------

    def _unnamed_speakers(self) -> None:
        """A quote by an unnamed source, described in the sentence of its cue word, marks that
        sentence (see ``unnamed``), unless the source finder has already marked a source there."""
        starts = [facts.sentence.start for facts in self.sentences]
        results = self.results
        for hit in unnamed_cues(results.quotes, results.speakers, results.text, self.cites_study):
            index = bisect.bisect_right(starts, hit.anchor[0]) - 1
            if index < 0 or hit.anchor[0] >= self.sentences[index].sentence.end:
                continue
            facts = self.sentences[index]
            if facts.heading or any(cue.category in SOURCE_CATEGORIES for cue in facts.cues):
                continue
            start, end = hit.anchor
            if not (
                hit.mention is not None
                and facts.sentence.start <= hit.mention[0] < facts.sentence.end
                and max(hit.mention[0] - end, start - hit.mention[1]) <= MENTION_GAP
            ):
                continue  # "they said": the sentence that named the group carries its claim
            start, end = min(start, hit.mention[0]), max(end, hit.mention[1])
            who = SOURCE_EXPLANATIONS[hit.category]
            facts.cues += (ClaimCue(hit.category, start, end, who),)

    def _drop_quoted_opinions(self, quotes: list[Quote]) -> None:
        """Drop the cues that are a speaker's own view: see the module docstring."""
        named = {
            speaker.id for speaker in self.results.speakers if speaker.kind != "unnamed" and speaker.name
        }
        direct = Regions(region for quote in quotes for region in direct_regions(quote))
        reported = Regions(
            (quote.start, quote.end) for quote in quotes if quote.kind != "direct" and quote.speaker in named
        )
        held = Regions(
            (quote.cue.start, quote.cue.end)
            for quote in quotes
            if quote.cue is not None and quote.speaker in named
        )
        for facts in self.sentences:
            if facts.cues:
                facts.cues = tuple(
                    cue
                    for cue in facts.cues
                    if not (not cue.in_quote and direct.holds(cue.start))
                    and not (cue.forecast and reported.holds(cue.start))
                    and not (cue.opinion and held.holds(cue.start))
                )

    def _link_disclaimers(self) -> None:
        numbers = self._numbers_by_sentence()
        for index, facts in enumerate(self.sentences):
            if facts.disclaimer == "back":
                self._link_back(index, numbers)
            elif facts.disclaimer == "forward":
                self._link_forward(index)

    def _link_back(self, index: int, numbers: dict[int, list[Number]]) -> None:
        if index == 0:
            return
        disclaimer = self.sentences[index]
        if self.sentences[index - 1].heading:
            return

        def has_figure(j: int) -> bool:
            return any(n.kind != "date" for n in numbers.get(j, []))

        if disclaimer.figure_subject and self._every_party(disclaimer):
            # "Neither side's figures could be verified": each party's figures, wherever they were
            # given in the last few paragraphs, not only the sentence just before.
            reach = [
                j
                for j in range(index - 1, max(-1, index - 1 - PARTY_REACH), -1)
                if disclaimer.paragraph - self.sentences[j].paragraph <= PARTY_PARAGRAPHS
                and not self.sentences[j].heading
            ]
            for j in [j for j in reach if has_figure(j)][:MAX_FIGURE_RUN]:
                self._qualify(j, index, "the disclaimer after it")
            return
        if disclaimer.figure_subject and not has_figure(index - 1):
            return  # "The death toll could not be confirmed" after a sentence with no toll in it
        targets = [index - 1]
        if disclaimer.figure_subject:
            paragraph = self.sentences[index - 1].paragraph
            j = index - 2
            while j >= 0 and len(targets) < MAX_FIGURE_RUN and self.sentences[j].paragraph == paragraph:
                if not has_figure(j):
                    break
                targets.append(j)
                j -= 1
        for j in targets:
            self._qualify(j, index, "the disclaimer after it")

    def _every_party(self, facts: SentenceCues) -> bool:
        """The disclaimer's subject covers several parties' figures: "Neither side's", "Both sides'"."""
        words = self.results.text[facts.sentence.start : facts.sentence.end].lower().split()
        while words and words[0].strip(",") in CONNECTIVES:
            words.pop(0)
        return bool(words) and words[0] in PARTY_QUANTIFIERS

    def _link_forward(self, index: int) -> None:
        paragraph = self.sentences[index].paragraph
        for j in range(index + 1, len(self.sentences)):
            facts = self.sentences[j]
            if facts.paragraph > paragraph + FORWARD_PARAGRAPHS:
                break
            if facts.disclaimer is not None:
                break
            if any(cue.about_reports for cue in facts.cues):
                self._qualify(j, index, "the earlier mention of unconfirmed reports")

    def _qualify(self, target: int, disclaimer: int, where: str) -> None:
        facts = self.sentences[target]
        if facts.qualified_by is None and facts.disclaimer is None:
            facts.qualified_by = disclaimer
            source = self.sentences[disclaimer]
            source.qualifies = "before" if target < disclaimer else "after"
            cues = [cue for cue in self.sentences[disclaimer].cues if cue.category == UNVERIFIABLE]
            cue = cues[0] if cues else None
            words = f" (“{self.results.text[cue.start : cue.end]}”)" if cue else ""
            facts.qualified_note = f"qualified by {where}{words}"

    def _numbers_by_sentence(self) -> dict[int, list[Number]]:
        starts = [facts.sentence.start for facts in self.sentences]
        out: dict[int, list[Number]] = {}
        for number in self.results.numbers:
            index = bisect.bisect_right(starts, number.start) - 1
            if index >= 0 and number.start < self.sentences[index].sentence.end:
                out.setdefault(index, []).append(number)
        return out

    def _single_sources(self) -> None:
        numbers = self._numbers_by_sentence()
        values: dict[float, set[int]] = {}
        for index, items in numbers.items():
            for number in items:
                if number.value is not None:
                    values.setdefault(number.value, set()).add(index)
        speakers = {speaker.id: speaker for speaker in self.results.speakers}
        for index, items in sorted(numbers.items()):
            facts = self.sentences[index]
            if facts.cues or facts.qualified_by is not None or not facts.conflict:
                continue
            following = self.sentences[index + 1] if index + 1 < len(self.sentences) else None
            if facts.corroborated or (following is not None and following.corroborated):
                continue
            for number in items:
                if number.kind not in FIGURE_KINDS or number.value is None or len(values[number.value]) > 1:
                    continue
                party = party_quoting(number, self.results.quotes, speakers)
                if party:
                    facts.single_source = f"“{number.text}” comes only from {party}, a party to the conflict"
                    break

    # --- output -----------------------------------------------------------------------------

    def _build(self) -> None:
        ids: dict[int, str] = {}
        pending: list[tuple[Claim, int | None]] = []
        text = self.results.text
        for index, facts in enumerate(self.sentences):
            categories = [cue.category for cue in facts.cues]
            if facts.qualified_by is not None:
                categories.append(UNVERIFIABLE)
            if facts.single_source:
                categories.append(SINGLE_SOURCE)
            if not categories:
                continue
            category = min(categories, key=CATEGORY_ORDER.index)
            claim_id = f"c{len(pending)}"
            ids[index] = claim_id
            sentence = facts.sentence
            cues = _merged(sorted((cue.start, cue.end) for cue in facts.cues))
            claim = Claim(
                id=claim_id,
                start=sentence.start,
                end=sentence.end,
                text=text[sentence.start : sentence.end],
                sentence=sentence.id,
                category=category,
                weight=weight_of(category),
                cues=[TextSpan.of(text, start, end) for start, end in cues],
                explanation=sys.intern(self._explain(facts, category)),  # a few dozen distinct ones
            )
            pending.append((claim, facts.qualified_by))
        for claim, disclaimer in pending:
            if disclaimer is not None:
                claim.qualified_by = ids.get(disclaimer)
            self.results.claims.append(claim)

    def _explain(self, facts: SentenceCues, category: str) -> str:
        label = LABELS[category]
        if (
            facts.qualified_by is not None
            and category == UNVERIFIABLE
            and not any(cue.category == UNVERIFIABLE for cue in facts.cues)
        ):
            return f"{label}: {facts.qualified_note}"
        if category == SINGLE_SOURCE:
            return f"{label}: {facts.single_source}, with no corroboration in the article"
        cue = min((c for c in facts.cues if c.category == category), key=lambda c: c.start)
        words = self.results.text[cue.start : cue.end]
        note = f"; {facts.qualified_note}" if facts.qualified_by is not None else ""
        if facts.qualifies:
            note = f"; it also qualifies the claim {facts.qualifies} it"
        return f"{label} (“{words}”): {cue.explanation}{note}"


CONFLICT, CORROBORATION, SOURCE = "conflict", "corroboration", "source"


@functools.cache
def _word_kinds() -> dict[int, str]:
    """Hashes of the words the layer counts or looks at, as the doc's LOWER array holds them."""
    from spacy.strings import hash_string

    kinds = {hash_string(word): CONFLICT for word in CONFLICT_WORDS}
    kinds.update((hash_string(word), CORROBORATION) for word in ("confirmed", "corroborated", "verified"))
    kinds.update((hash_string(word), SOURCE) for word in GROUP_SOURCES | PERSON_SOURCES | DOCUMENT_SOURCES)
    return kinds


def _mark(lowers: list[int]) -> dict[str, list[int]]:
    """Token positions of the counted words, by kind: one dictionary lookup per token."""
    kinds = _word_kinds()
    marked: dict[str, list[int]] = {}
    for i, word in enumerate(lowers):
        kind = kinds.get(word)
        if kind is not None:
            marked.setdefault(kind, []).append(i)
    return marked


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted spans with overlapping ones joined: "According to sources" + "sources close to"."""
    out: list[tuple[int, int]] = []
    for start, end in spans:
        if out and start < out[-1][1]:
            out[-1] = (out[-1][0], max(end, out[-1][1]))
        else:
            out.append((start, end))
    return out


def _heading(doc: Any) -> bool:
    """A headline or section heading: short, no closing punctuation.

    Headlines compress attribution ("..., say scientists") that the body gives in full, so an
    unnamed source there is not counted; hedges in them still are.
    """
    return len(doc) <= MAX_HEADING_TOKENS and not doc.text.rstrip().endswith(SENTENCE_ENDS)


def _negated(doc: Any, i: int) -> bool:
    """A "not", "never" or "n't" shortly before the word: "has not been independently verified"."""
    window = doc[max(0, i - 4) : i]
    return any(
        token.lower_ in ("not", "n't", "never", "unable", "impossible", "yet", "neither") for token in window
    )
