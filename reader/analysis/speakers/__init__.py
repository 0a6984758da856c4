"""Speakers and quotes: who is quoted, under every alias, and which stretches of text are theirs.

Quote marks (``quote_marks``) and reporting cues (``cues``, with the verb and
role vocabularies of ``speech_verbs``) are found per paragraph; ``quotes`` pairs
each quoted or reported stretch with its cue; ``names`` folds and compares
name forms; ``layer`` resolves mentions (names, roles, pronouns, nominals) to
speakers and publishes ``results.speakers`` and ``results.quotes``.
"""

from reader.analysis.speakers.layer import SpeakersLayer

__all__ = ["SpeakersLayer"]
