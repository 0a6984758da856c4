"""Speakers and quotes: who says what in the article (annotation guide, section 1).

Per paragraph the layer registers every proper-name mention, finds the cues
(reporting verbs, "according to"), resolves each cue's subject to a speaker
reference (a name, an unnamed source such as "a spokesman", a role noun such
as "the Ukrainian president" tied to a named speaker, or a pronoun bound to
the nearest compatible speaker before it) and pairs cues with quotation marks.
Only plain data survives a paragraph: mention offsets and strings, a short
history for pronouns, and a quote left open at the paragraph end (a quote that
runs on into the next paragraph). Names are grouped into people and
organisations once at the end, when every form is known; only those whose
words or views are reported become speakers.
"""

from __future__ import annotations

import re
from typing import Any

from reader.analysis.context import Chunk, Results
from reader.analysis.speakers.cue import Cue, inside
from reader.analysis.speakers.cues import find_cues
from reader.analysis.speakers.publishing import publish
from reader.analysis.speakers.quote_marks import Quoted, find_quoted
from reader.analysis.speakers.quotes import Draft, attribute
from reader.analysis.speakers.refs import Ref
from reader.analysis.speakers.resolving import Resolver
from reader.analysis.speakers.titles import names_a_title
from reader.analysis.speakers.wording import beside_quote

_INNER_MARK = re.compile("['‘‚\"“”«»„]")  # a mark that may open a quote inside a quote


class SpeakersLayer(Resolver):
    requires = ("text",)
    produces = ("speakers", "quotes")

    def __init__(self, results: Results) -> None:
        super().__init__()
        self.results = results
        self.drafts: list[Draft[Ref]] = []  # document offsets
        self.pending: Draft[Ref] | None = None  # a quote still open at the last paragraph's end
        self.pending_paragraph = -1
        self.last_speaker: tuple[Ref, int] | None = None  # (speaker of the last quote, its paragraph)
        self.announced: tuple[Ref, int] | None = None  # (speaker whose cue ended a paragraph with ":", it)

    def feed(self, chunk: Chunk) -> None:
        doc, base = chunk.doc, chunk.start
        self.paragraph = chunk.paragraph
        self.chunk_text = chunk.text
        self.ents = chunk.ents
        self._by_span = {}
        parsed = self.results.has_parser
        same_paragraph = self.pending is not None and chunk.paragraph == self.pending_paragraph
        quoted = find_quoted(self.chunk_text, open_at_start=same_paragraph)
        spans = [(max(q.start, 0), q.end) for q in quoted]
        cues = find_cues(doc, self.chunk_text, spans, parsed)
        # Names in someone's quoted words, or in words reported after the cue, are whom the speaker
        # talks about, never who a pronoun cue after them means ('"Lee will lose," he said', 'Ruiz
        # said Lee had lied. "...," she said'). Words reported before the cue may hold its own
        # speaker: 'Lee was in Lyon that week, he said'.
        self.reported = spans + [
            c.content for c in cues if c.content is not None and c.content[0] > c.verb_start
        ]
        if self.results.has_ner:
            self._register_entities(doc, base)
        subjects = [s for s in self._subjects(doc, base) if not inside(s[0], self.reported)] if parsed else []
        refs = []
        for cue in cues:
            while subjects and subjects[0][0] < cue.verb_start:
                self._remember(subjects.pop(0)[1], spoke=False)
            refs.append(self._resolve_cue(cue, doc, base, beside_quote(cue, self.chunk_text, spans)))
        for _, ref in subjects:
            self._remember(ref, spoke=False)
        quoted = [q for q in quoted if not names_a_title(self.chunk_text, q)]
        continues = self.pending is not None and bool(quoted) and quoted[0].start <= 0
        previous = None
        if self.announced is not None and chunk.paragraph - self.announced[1] == 1:
            previous = self.announced[0]
        elif self.last_speaker is not None and chunk.paragraph - self.last_speaker[1] <= 1:
            previous = self.last_speaker[0]
        drafts = attribute(
            self.chunk_text, quoted, cues, refs, previous, relaxed=not parsed, continues=continues
        )
        self.announced = self._announcement(cues, refs, drafts)
        if parsed:
            self._nested(doc, base, quoted, drafts)
        if self.pending is not None and not continues:
            self._emit(self.pending)
            self.pending = None
        for number, draft in enumerate(drafts):
            draft = Draft(
                draft.start + base,
                draft.end + base,
                draft.kind,
                (draft.cue[0] + base, draft.cue[1] + base) if draft.cue else None,
                draft.ref,
                draft.closed,
            )
            if number == 0 and continues and self.pending is not None:
                draft = self._join(self.pending, draft)
                self.pending = None
            if not draft.closed and number == len(drafts) - 1:
                self.pending = draft
                self.pending_paragraph = chunk.paragraph
            else:
                self._emit(draft)

    def _nested(self, doc: Any, base: int, quoted: list[Quoted], drafts: list[Draft[Ref]]) -> None:
        """A quote inside a quote belongs to its own cue's speaker: in '"My aunt told me, 'Sell the
        farm,' and I did," Ruiz said' the outer words are Ruiz's, the inner ones the aunt's.

        The inner quotes are found with the outer marks lifted; only those a cue inside the outer
        quote sits right beside are kept, and the pronoun history stays as the article's own words left it.
        """
        text = self.chunk_text
        inner: list[Quoted] = []
        for draft in drafts:
            if draft.kind in ("direct", "mixed") and _INNER_MARK.search(text, draft.start, draft.end):
                for q in find_quoted(text[draft.start : draft.end]):
                    shift = draft.start
                    inner.append(
                        Quoted(
                            q.start + shift,
                            q.end + shift,
                            q.inner_start + shift,
                            q.inner_end + shift,
                            q.closed,
                        )
                    )
        if not inner:
            return
        outer = [(q.start, q.end) for q in quoted]
        spans = [(q.start, q.end) for q in inner]
        cues = [
            cue
            for cue in find_cues(doc, text, spans, True)
            if any(start < cue.verb_start < end for start, end in outer)
        ]
        if not cues:
            return
        saved = list(self.history)
        refs = [self._resolve_cue(cue, doc, base, beside_quote(cue, text, spans)) for cue in cues]
        self.history.clear()
        self.history.extend(saved)
        for draft in attribute(text, inner, cues, refs, None):
            if (
                draft.cue is not None
                and draft.ref is not None
                and any(q.inner_start == draft.start for q in inner)
            ):
                cue = (draft.cue[0] + base, draft.cue[1] + base)
                self.drafts.append(
                    Draft(draft.start + base, draft.end + base, draft.kind, cue, draft.ref, draft.closed)
                )

    def _announcement(
        self, cues: list[Cue], refs: list[Ref | None], drafts: list[Draft[Ref]]
    ) -> tuple[Ref, int] | None:
        """'Hrafnsson also told RT:' closing a paragraph: the quote opening the next one is theirs."""
        if not cues or not self.chunk_text.rstrip().endswith(":"):
            return None
        cue, ref = cues[-1], refs[-1]
        if ref is None or any(draft.end > cue.verb_start for draft in drafts):
            return None  # no speaker, or the cue's words are already in this paragraph
        return ref, self.paragraph

    def finish(self) -> None:
        if self.pending is not None:
            self._emit(self.pending)
            self.pending = None
        publish(self.results, self.mentions, self.unnamed, self.nominals, self.drafts)

    def _emit(self, draft: Draft[Ref]) -> None:
        self.drafts.append(draft)
        if draft.ref is not None:
            self.last_speaker = (draft.ref, self.paragraph)

    @staticmethod
    def _join(opened: Draft[Ref], more: Draft[Ref]) -> Draft[Ref]:
        """A quote reopened in a new paragraph: one quote, the first known speaker and cue."""
        return Draft(
            opened.start, more.end, opened.kind, opened.cue or more.cue, opened.ref or more.ref, more.closed
        )
