"""Published studies: the researchers who wrote a study the article cites are no vague source.

"Researchers reported ..." with nobody named is a group the reader cannot check, unless the
article says where their findings were published ("in findings published Monday in <journal>",
"a study released in <journal>", "in the journal <name>"): then the study is a document the
reader can look up, and its authors, however the article calls them ("researchers",
"scientists", "the study"), are that study's byline. A hedge in their findings ("may spread")
is still a hedge; commentators on the study ("experts", "analysts") and counted groups ("some
scientists", "other researchers") stay vague sources.
"""

from __future__ import annotations

import re

# The nouns a study's authors go by in news writing.
STUDY_AUTHORS = frozenset({"researchers", "scientists"})
_MONTHS_AND_DAYS = (
    "January|February|March|April|May|June|July|August|September|October|November|December|"
    "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
)
# A study word, then where it was published: a capitalised name that is no month or weekday.
CITATION = re.compile(
    r"\b(?:study|findings|paper|research|report|article)\b[^.;]{0,60}?"
    r"\b(?:published|released|appearing|appeared)\b[^.;]{0,30}?"
    rf"\bin\s+(?:the\s+)?(?:journal\s+)?(?!(?:{_MONTHS_AND_DAYS})\b)[A-Z]"
    r"|\bin\s+the\s+journal\s+[A-Z]"
)


def cites_study(text: str) -> bool:
    """The text says where a study was published."""
    return CITATION.search(text) is not None


def study_authors(noun: str, determiner: str | None) -> bool:
    """A group that may be a cited study's authors: "researchers (from X)", not "some scientists"."""
    return noun in STUDY_AUTHORS and determiner is None
