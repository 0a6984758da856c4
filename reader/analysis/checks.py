"""Placeholder: filled by its issue."""

from reader.analysis.context import Chunk, Results


class ChecksLayer:
    def __init__(self, results: Results) -> None:
        self.results = results

    def feed(self, chunk: Chunk) -> None:
        pass

    def finish(self) -> None:
        pass
