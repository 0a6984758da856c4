"""Cues without a dependency parse (the rules-only fallback): word forms and capitalised words
next to a reporting verb or "according to"."""

from __future__ import annotations

from typing import Any

from reader.analysis.speakers.cue import RELATIVE_START, Cue, inside, strip_span
from reader.analysis.speakers.speech_verbs import (
    GROUP_NOUNS,
    ORG_ROLE_NOUNS,
    PERSON_PRONOUNS,
    PERSON_ROLE_NOUNS,
    PLURAL_PRONOUNS,
    SPEECH_FORMS,
    THING_PRONOUNS,
    TITLES,
)

_RULE_STOPWORDS = frozenset(
    "the a an in on at after before but and or so if when while as this that these those it its "
    "his her their our my your with from by for of to also then however meanwhile yesterday today".split()
)


def rule_cues(doc: Any, text: str, quoted: list[tuple[int, int]]) -> list[Cue]:
    cues = []
    for sent in doc.sents:
        tokens = list(sent)
        for position, token in enumerate(tokens):
            if inside(token.idx, quoted):
                continue
            lower = token.lower_
            if lower == "according" and position + 1 < len(tokens) and tokens[position + 1].lower_ == "to":
                cue = _rule_according(text, sent, tokens, position)
            elif lower in SPEECH_FORMS:
                cue = _rule_verb(text, sent, tokens, position)
            else:
                cue = None
            if cue is not None:
                cues.append(cue)
    return cues


def _rule_according(text: str, sent: Any, tokens: list[Any], position: int) -> Cue | None:
    """'according to X': X is the first capitalised run before a comma, else the words up to it."""
    first = position + 2
    last = first
    while last < len(tokens) and tokens[last].text not in (",", ";", ".") and last - first < 16:
        last += 1
    words = tokens[first:last]
    run = None
    if words and words[0].text[:1].isupper() and words[0].lower_ not in _RULE_STOPWORDS:
        run = _name_run(
            words[: next((i for i, t in enumerate(words) if t.text[:1].islower()), len(words))], first=True
        )
    else:
        by = next((i for i, t in enumerate(words) if t.lower_ == "by"), None)
        if by is not None and by + 1 < len(words) and words[by + 1].text[:1].isupper():
            run = _name_run(words[by + 1 :], first=True)
    form = "name"
    if run is None:
        if last == first:
            return None
        run = (tokens[first].idx, tokens[last - 1].idx + len(tokens[last - 1].text))
        form = "group"
    source_end = tokens[last - 1].idx + len(tokens[last - 1].text)
    sent_end = sent.end_char
    while sent_end > sent.start_char and (text[sent_end - 1].isspace() or text[sent_end - 1] in ".!?"):
        sent_end -= 1
    before = strip_span(text, sent.start_char, tokens[position].idx)
    after = strip_span(text, source_end, sent_end)
    if after and RELATIVE_START.match(text, after[0]):
        after = None
    content = after if after and (before is None or len(text[after[0] : after[1]].split()) >= 3) else before
    return Cue(
        tokens[position].idx,
        tokens[position + 1].idx + 2,
        tokens[position].idx,
        source_end,
        sent.start_char,
        sent.end_char,
        (run[0], run[1], form),
        content,
        True,
        lemma="according to",
    )


def _rule_verb(text: str, sent: Any, tokens: list[Any], position: int) -> Cue | None:
    token = tokens[position]
    subject = _rule_subject(tokens, position)
    if subject is None:
        return None
    start = min(token.idx, subject[0])
    end = max(token.idx + len(token.text), subject[1])
    return Cue(
        token.idx,
        token.idx + len(token.text),
        start,
        end,
        sent.start_char,
        sent.end_char,
        subject,
        _rule_content(text, sent, tokens, start, end),
        lemma=token.lower_,
    )


def _rule_content(text: str, sent: Any, tokens: list[Any], start: int, end: int) -> tuple[int, int] | None:
    """Reported words by position: 'said (that) ...' to the sentence end, or '..., X said.' before it."""
    sent_end = sent.end_char
    while sent_end > sent.start_char and (text[sent_end - 1].isspace() or text[sent_end - 1] in ".!?"):
        sent_end -= 1
    after = [t for t in tokens if t.idx >= end]
    if after and not after[0].is_punct:
        first = after[1] if after[0].lower_ == "that" and len(after) > 1 else after[0]
        if len(text[first.idx : sent_end].split()) >= 4:
            return strip_span(text, first.idx, sent_end)
    before = text[sent.start_char : start].rstrip()
    if (
        before.endswith(",")
        and not text[end:sent_end].strip()
        and len(before.split()) >= 4
        and '"' not in before
    ):
        return strip_span(text, sent.start_char, sent.start_char + len(before) - 1)
    return None


def _rule_subject(tokens: list[Any], position: int) -> tuple[int, int, str] | None:
    """The speaker words beside a reporting verb: 'Klein said', 'he said', '..." said Klein', 'a spokesman said'."""
    before = tokens[position - 1] if position > 0 else None
    if before is not None and before.lower_ in PERSON_PRONOUNS | PLURAL_PRONOUNS | THING_PRONOUNS:
        return before.idx, before.idx + len(before.text), "pronoun"
    inverted = before is None or before.is_punct
    if inverted:
        end = position + 1
        while end < len(tokens) and not tokens[end].is_punct and end - position <= 6:
            if (
                tokens[end].text[:1].islower()
                and tokens[end].lower_ not in PERSON_ROLE_NOUNS | ORG_ROLE_NOUNS
            ):
                break
            end += 1
        run = _name_run(tokens[position + 1 : end])
        if run is not None:
            return run[0], run[1], "name"
    first = position
    while (
        first > 0
        and not tokens[first - 1].is_punct
        and position - first < 6
        and (
            tokens[first - 1].text[:1].isupper()
            or tokens[first - 1].lower_ in PERSON_ROLE_NOUNS | ORG_ROLE_NOUNS
        )
    ):
        first -= 1
    run = _name_run(tokens[first:position])
    if run is not None and before is not None and before.text[:1].isupper():
        return run[0], run[1], "name"
    if before is not None and before.lower_ in PERSON_ROLE_NOUNS | ORG_ROLE_NOUNS and position >= 2:
        first = position - 2
        while first > 0 and position - first < 4 and tokens[first].lower_ not in ("the", "a", "an"):
            first -= 1
        if tokens[first].lower_ == "the":
            return tokens[first].idx, before.idx + len(before.text), "role"
    if before is not None and before.lower_ in GROUP_NOUNS:
        first = position - 1
        while (
            first > 0
            and tokens[first - 1].is_alpha
            and position - first < 4
            and (tokens[first - 1].text[:1].islower() or tokens[first - 1].lower_ in ("a", "an", "the"))
        ):
            first -= 1
        return tokens[first].idx, before.idx + len(before.text), "group"
    return None


def _name_run(tokens: list[Any], first: bool = False) -> tuple[int, int] | None:
    """The last (or first) run of capitalised words that reads as a name.

    Not a name: all titles, sentence-initial function words, or one capitalised
    modifier before a lowercase noun ("Western intelligence services").
    """
    runs: list[list[Any]] = []
    for token in tokens:
        capital = token.text[:1].isupper() and (token.is_alpha or "-" in token.text or "." in token.text)
        if capital and token.lower_ not in _RULE_STOPWORDS:
            if runs and runs[-1][-1].i == token.i - 1:
                runs[-1].append(token)
            else:
                runs.append([token])
    doc = tokens[0].doc if tokens else None
    good = []
    for run in runs:
        if not any(t.text.lower().rstrip(".") not in TITLES for t in run):
            continue
        following = doc[run[-1].i + 1] if doc is not None and run[-1].i + 1 < len(doc) else None
        if len(run) == 1 and following is not None and following.text[:1].islower() and following.is_alpha:
            if following.lower_ not in ("said", "says", "told", "added", "in", "of", "on", "at"):
                continue
        good.append(run)
    if not good:
        return None
    run = (next((r for r in good if len(r) >= 2), good[0])) if first else good[-1]
    return run[0].idx, run[-1].idx + len(run[-1].text)
