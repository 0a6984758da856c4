"""reader: a terminal reading assistant for reading news critically."""

__version__ = "0.1.0"
