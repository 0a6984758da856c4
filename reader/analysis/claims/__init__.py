"""Unverified claims: sentences whose facts the article itself says the reader cannot check.

``vocabulary`` holds the categories and cue word lists, ``rules`` the cue rules
(with their context checks in ``contexts``), ``cues`` runs them as Matchers,
``sources`` finds unnamed and vague sources in a sentence, ``unnamed`` turns
the speakers layer's unnamed speakers into source cues, and ``layer``
decides each sentence's category once the quotes and numbers are known, with
``disclaimers``, ``parties`` (single_source) and ``quoted`` for the decisions
that need the whole article.
"""

from reader.analysis.claims.layer import ClaimsLayer

__all__ = ["ClaimsLayer"]
