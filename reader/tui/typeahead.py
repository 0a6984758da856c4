"""Keys typed ahead of an input's focus go to that input.

Textual runs a key's binding only once the key has bubbled up to the app, and by then the keys
typed in the same burst are already on their way to the article, where they are reading
commands ("/2024" tagged the sentence; a burst after ``a`` was lost). So the screen holds back
what follows a key that opens an input and hands it, in order, to that input once it exists.
"""

from __future__ import annotations

from textual import events
from textual.message_pump import MessagePump


class TypedAhead(events.Key):
    """A key re-sent to the input it was typed for; ``target`` stops it being handed on again."""

    def __init__(self, key: str, character: str | None, target: MessagePump) -> None:
        super().__init__(key, character)
        self.target = target


TypedAhead.handler_name = events.Key.handler_name  # handled as the key it is (on_key), not by its class name


def hand_over(event: events.Key, target: MessagePump | None) -> bool:
    """Send ``event`` on to ``target`` unless it is gone (a closed editor), focused (keys reach it
    anyway) or already had it."""
    if target is None or not target.is_attached or getattr(target, "has_focus", False):
        return False
    if isinstance(event, TypedAhead) and event.target is target:
        return False
    event.stop()
    event.prevent_default()
    target.post_message(TypedAhead(event.key, event.character, target))
    return True
