"""Unverified claims: sentences whose facts the article itself says the reader cannot check.

``cues`` holds the hedge, disclaimer and source vocabularies and their Matcher,
``sources`` finds unnamed and vague sources in a sentence, and ``layer``
decides each sentence's category once the quotes and numbers are known.
"""

from reader.analysis.claims.layer import ClaimsLayer

__all__ = ["ClaimsLayer"]
