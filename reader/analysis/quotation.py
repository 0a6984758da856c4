"""The quotation-mark characters every layer reads, defined once.

Double marks (straight, curly, low-high, guillemets) always quote; the curly
single marks quote too but the right one is also the apostrophe, so each
reader picks the sets it can afford: the quote finder pairs marks by context
(``speakers.quote_marks``), a cue looks for double marks and curly singles
near it, the claims layer skips quoted stretches of every kind.
"""

DOUBLE_MARKS = '"\u201c\u201d\u201e\u00ab\u00bb'  # " “ ” „ « »
CURLY_SINGLE_MARKS = "\u2018\u2019"  # ‘ ’ (’ doubles as the apostrophe)
ANGLE_SINGLE_MARKS = "\u2039\u203a"  # ‹ ›
