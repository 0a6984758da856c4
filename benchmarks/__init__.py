"""`make bench`: every figure as a ratio to a baseline measured side by side in the same run."""
