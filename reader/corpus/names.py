"""One name per person across the corpus, for the report's most quoted speakers.

Within an article the engine already gives each person one canonical name, but across articles one
person still appears as "Donald Trump" in one and "Donald J. Trump" or a bare "Trump" in another
(a real corpus of 840 articles had both forms of one candidate's name, and a president's full
name and bare surname, as separate speakers in its top ten). The engine's own rules for one article are applied to the corpus: two
person names with the same first and last word are one person (a fuller form), and a bare surname
is the person of that surname the corpus quotes most, as the engine gives it to the person the
article names most. "Pedro Costa Jr" stays apart from "Pedro Costa": the last words differ.
"""

from __future__ import annotations

from collections import Counter, defaultdict

from reader.analysis.speakers.names import name_words, split_title


def merged_names(quotes: Counter[str], persons: set[str]) -> dict[str, str]:
    """Each name in ``quotes`` (quotes per name) -> the name its person is reported under.

    Only names in ``persons`` are merged; a group is reported under its most quoted form.
    """
    groups: dict[tuple[str, str], list[str]] = defaultdict(list)
    bare: list[tuple[str, str]] = []  # (name, its one word after any title)
    for name in persons & set(quotes):
        words = name_words(name)
        words = words[split_title(words) :]
        if len(words) > 1:
            groups[words[0], words[-1]].append(name)
        elif words:
            bare.append((name, words[0]))
    merged = {name: name for name in quotes}
    sizes = {key: sum(quotes[n] for n in names) for key, names in groups.items()}
    for names in groups.values():
        shown = min(names, key=lambda n: (-quotes[n], n))
        merged.update((name, shown) for name in names)
    for name, surname in bare:
        bearers = [key for key in groups if key[1] == surname]
        if bearers:
            merged[name] = merged[groups[max(bearers, key=lambda k: (sizes[k], k))][0]]
    return merged
