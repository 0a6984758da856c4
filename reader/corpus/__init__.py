"""Corpus scale: analyse folders and JSON Lines on Dask into Parquet, and report on the result.

Importing this package is cheap; Dask, pyarrow and matplotlib load when a
command runs.
"""

from reader.corpus.commands import analyze_command, report_command

__all__ = ["analyze_command", "report_command"]
