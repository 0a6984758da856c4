"""``reader feed``: read one feed, follow feeds (``--add``, ``--remove``, ``--list``), or pick from those followed.

Every refusal is one line and exit status 2 (raised as a ReaderError, which
``reader.cli.main`` prints): a feed that does not load is never remembered, and
removing a feed that is not followed says so instead of passing in silence.
"""

from __future__ import annotations

import sys

from reader.export.commands import open_store
from reader.intake import InputError
from reader.intake.feeds import load_feed


def open_feed(source: str, max_bytes: int) -> int:
    """The feed is read (and refused) before the screen opens."""
    from reader.tui import ReaderApp
    from reader.tui.screens.picker import feed_picker

    feed = load_feed(source, max_bytes=max_bytes)
    ReaderApp(None, picker=feed_picker(feed, max_bytes)).run()
    return 0


def pick_followed(max_bytes: int) -> int:
    """The followed feeds in a list; Enter reads that feed and lists its entries."""
    from reader.tui import ReaderApp
    from reader.tui.screens.picker import followed_picker

    with open_store() as store:
        feeds = store.feeds()
    ReaderApp(None, picker=followed_picker(feeds, max_bytes)).run()
    return 0


def add(source: str, max_bytes: int) -> int:
    feed = load_feed(source, max_bytes=max_bytes)  # a feed that does not load is refused here
    with open_store(saving=True) as store:
        followed = store.add_feed(source, feed.title)
    print(f"following {followed.title} ({followed.source}, {len(feed.entries)} entries now)")
    return 0


def remove(source: str) -> int:
    with open_store(saving=True) as store:
        if not store.remove_feed(source):
            raise InputError(f"{source}: not a followed feed ('reader feed --list' shows them)")
    print(f"no longer following {source}")
    return 0


def list_followed() -> int:
    """One feed a line, source then title; the count on stderr."""
    with open_store() as store:
        feeds = store.feeds()
    for feed in feeds:
        print(f"{feed.source}  {feed.title}")
    plural = "feed" if len(feeds) == 1 else "feeds"
    hint = "" if feeds else " ('reader feed --add URL|FILE' follows one)"
    print(f"{len(feeds)} {plural} followed{hint}", file=sys.stderr)
    return 0
