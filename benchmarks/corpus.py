"""Deterministic news-like text of any length, built from the seed article and our own templates.

No copyrighted corpus lives in the repo: the generator mixes the project's seed
sentences with sentence templates filled from small word lists, seeded, so every
run measures the same text.
"""

from __future__ import annotations

import random
import re
from functools import lru_cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "dw-north-korea-russia.txt"

PEOPLE = [
    "Anna Berg",
    "Tomas Lind",
    "Maria Costa",
    "Kwame Mensah",
    "Li Wei",
    "Sofia Novak",
    "Omar Haddad",
    "Ines Duarte",
]
ROLES = [
    "Finance Minister",
    "analyst",
    "spokeswoman",
    "economist",
    "mayor",
    "researcher",
    "commander",
    "senator",
]
ORGS = [
    "the central bank",
    "the health ministry",
    "the city council",
    "the UN agency",
    "the union",
    "the army",
]
THINGS = ["schools", "soldiers", "homes", "jobs", "vaccines", "tonnes of grain", "rockets", "hospital beds"]
TEMPLATES = [
    '"We will not accept {n} more {thing}," said {role} {person}.',
    "{Org} said {n} {thing} had been lost since {year}, a figure that could not be independently verified.",
    "According to {org}, about {pct}% of the {thing} were reportedly damaged.",
    "{person} told reporters that the plan would cost ${money} million over {years} years.",
    "Officials, speaking on condition of anonymity, said up to {n} {thing} may have been moved.",
    "The {role} added: “Nobody expected {n} {thing} by April {year}.”",
    "Prices rose {pct} percent in {year}, while wages fell by nearly {small} percent.",
    "{Org} is believed to have delivered between {n} and {n2} {thing} to the region.",
    "It is the third time this year that {person} has criticised {org}.",
    "Local residents described long queues outside {org} offices on Monday.",
]


@lru_cache(maxsize=1)
def seed_sentences() -> tuple[str, ...]:
    text = SEED.read_text(encoding="utf-8")
    return tuple(s.strip() for s in re.split(r"(?<=[.!?”\"])\s+", text) if len(s.split()) > 4)


def _sentence(rng: random.Random) -> str:
    if rng.random() < 0.3:
        return rng.choice(seed_sentences())
    person = rng.choice(PEOPLE)
    org = rng.choice(ORGS)
    n = rng.randrange(2, 90_000)
    return rng.choice(TEMPLATES).format(
        person=person,
        role=rng.choice(ROLES),
        org=org,
        Org=org[0].upper() + org[1:],
        thing=rng.choice(THINGS),
        n=f"{n:,}",
        n2=f"{n + rng.randrange(10, 5000):,}",
        pct=rng.randrange(1, 99),
        small=rng.randrange(1, 9),
        money=rng.randrange(2, 900),
        years=rng.randrange(2, 12),
        year=rng.randrange(1995, 2026),
    )


def article(words: int, seed: int = 7) -> str:
    """A headline, then paragraphs of 3-6 sentences, until ``words`` words are reached."""
    rng = random.Random(seed * 1_000_003 + words)
    lines = [f"Synthetic report {seed}: {words:,} words on budgets, troops and figures"]
    count = len(lines[0].split())
    while count < words:
        paragraph = " ".join(_sentence(rng) for _ in range(rng.randrange(3, 7)))
        lines.append(paragraph)
        count += len(paragraph.split())
    return "\n".join(lines) + "\n"


def write_article(folder: Path, words: int, seed: int = 7) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"synthetic-{words}-{seed}.txt"
    if not path.exists():
        path.write_text(article(words, seed), encoding="utf-8")
    return path
