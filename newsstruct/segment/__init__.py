"""Stage 2: paragraphs, sentences and the wire dateline.

- :func:`split_paragraphs` reads blank-line separated blocks, one paragraph a line (web copy)
  and hard-wrapped lines (joined back into their paragraph); boilerplate lines are left out
  and break paragraphs.
- :func:`split_sentences` runs nltk's Punkt inside each paragraph, with parameters built from
  our lexicons (no model download) and news rules around it, so a sentence never crosses a
  paragraph.
- :func:`find_dateline` reads "WASHINGTON (AP) —" and its kin at the start of the story.

Every record is a slice of the input: nothing is rewritten.
"""

from .dateline import find_dateline
from .paragraphs import split_paragraphs
from .sentences import punkt_parameters, split_sentences, train_punkt

__all__ = [
    "find_dateline",
    "punkt_parameters",
    "split_paragraphs",
    "split_sentences",
    "train_punkt",
]
