"""Publishing: names grouped into speakers, and quotes tied to their speaker ids."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from reader.analysis.context import Results
from reader.analysis.model import Quote, Speaker, TextSpan
from reader.analysis.speakers.names import Mention, cluster_mentions
from reader.analysis.speakers.owned import owned_names
from reader.analysis.speakers.quotes import Draft
from reader.analysis.speakers.refs import Nominal, Ref, Unnamed
from reader.analysis.speakers.wording import distinct, trim


def publish(
    results: Results,
    mentions: list[Mention],
    unnamed: list[Unnamed],
    nominal_list: list[Nominal],
    draft_list: list[Draft[Ref]],
) -> None:
    """Group the names into speakers (only those who spoke) and add speakers and quotes to ``results``."""
    text = results.text
    clusters, owner = cluster_mentions(mentions)
    named = owned_names(unnamed, clusters)
    for number, mention in named.items():
        entry = unnamed[number]
        nominal_list = nominal_list + [Nominal(mention, s, e, None) for s, e in entry.mentions]
        nominal_list += [Nominal(mention, s, e, None, pronoun=True) for s, e in entry.pronouns]
    nominals: dict[int, list[Nominal]] = {}
    for nominal in nominal_list:
        nominals.setdefault(owner[nominal.mention], []).append(nominal)
    drafts = sorted(
        (_renamed(d, named) for d in draft_list),
        key=lambda d: (d.start, d.end),
    )
    spoke_named = {
        owner[d.ref.named] for d in drafts if d.ref and d.ref.named is not None and owner[d.ref.named] >= 0
    }
    spoke_unnamed = {d.ref.unnamed for d in drafts if d.ref and d.ref.unnamed is not None}
    entries: list[tuple[int, str, int]] = []  # (first offset, "named"/"unnamed", index)
    for cid in spoke_named:
        first = min(mentions[m].start for m in clusters[cid].members)
        entries.append((first, "named", cid))
    for number in spoke_unnamed:
        entries.append((min(s for s, _ in unnamed[number].mentions), "unnamed", number))
    entries.sort()
    ids: dict[tuple[str, int], str] = {}
    for position, (_, form, index) in enumerate(entries):
        speaker_id = f"p{position}"
        ids[(form, index)] = speaker_id
        if form == "named":
            results.speakers.append(
                _named_speaker(text, mentions, speaker_id, clusters[index], nominals.get(index, []))
            )
        else:
            entry = unnamed[index]
            aliases = distinct(text[s:e] for s, e in sorted(set(entry.mentions)) if text[s:e] != entry.label)
            spans = [TextSpan.of(text, s, e) for s, e in sorted(set(entry.mentions) | set(entry.pronouns))]
            results.speakers.append(Speaker(speaker_id, None, entry.label, None, "unnamed", spans, aliases))
    seen: set[tuple[int, int]] = set()
    for draft in drafts:
        start, end = trim(text, draft.start, draft.end)
        if end <= start or (start, end) in seen:
            continue
        seen.add((start, end))
        speaker = None
        if draft.ref is not None and draft.ref.named is not None and owner[draft.ref.named] >= 0:
            speaker = ids.get(("named", owner[draft.ref.named]))
        elif draft.ref is not None and draft.ref.unnamed is not None:
            speaker = ids.get(("unnamed", draft.ref.unnamed))
        cue = TextSpan.of(text, *draft.cue) if draft.cue else None
        results.quotes.append(
            Quote(f"q{len(results.quotes)}", speaker, draft.kind, start, end, text[start:end], cue)
        )


def _renamed(draft: Draft[Ref], named: dict[int, int]) -> Draft[Ref]:
    """A quote of an unnamed source the article names elsewhere is that name's."""
    if draft.ref is None or draft.ref.unnamed not in named:
        return draft
    return replace(draft, ref=Ref(named=named[draft.ref.unnamed]))


def _named_speaker(
    text: str, mentions: list[Mention], speaker_id: str, cluster: Any, nominals: list[Nominal]
) -> Speaker:
    members = [mentions[m] for m in cluster.members]
    spans = {(m.start, m.end) for m in members} | {(n.start, n.end) for n in nominals}
    mentions = [TextSpan.of(text, s, e) for s, e in sorted(spans)]
    roles = distinct(
        [r for m in members if m.role for r in m.role.split("; ")] + [n.role for n in nominals if n.role]
    )
    forms = (
        [m.text for m in members]
        + [m.full for m in members if m.full]
        + [text[n.start : n.end] for n in nominals if not n.pronoun]
    )
    aliases = distinct(f for f in forms if f != cluster.canonical)
    kind = "person" if cluster.person else "organisation"
    return Speaker(speaker_id, cluster.canonical, None, "; ".join(roles) or None, kind, mentions, aliases)
