"""newsstruct: the plain text of a news article in, typed offset-exact records out.

>>> import newsstruct
>>> art = newsstruct.structure("Officials said Monday the bridge will reopen.", "2024-05-09")
>>> [(d.text, d.value) for d in art.dates]
[('Monday', '2024-05-06')]

Importing is light: nltk and dateparser load on first use.
"""

from .boilerplate import LineCounter, find_boilerplate
from .dates import find_dates, resolve_date
from .html import structure_html
from .lexicons import Lexicon, load_lexicon
from .parallel import structure_many
from .pipeline import structure
from .quotes import find_quotes, speaker_mentions
from .records import (
    SCHEMA_VERSION,
    Article,
    Boilerplate,
    Dateline,
    DateMention,
    Failure,
    Paragraph,
    Quote,
    Sentence,
    Span,
    Speaker,
    to_json,
)
from .segment import find_dateline, punkt_parameters, split_paragraphs, split_sentences, train_punkt

__version__ = "0.1.0.dev0"

__all__ = [
    "SCHEMA_VERSION",
    "Article",
    "Boilerplate",
    "DateMention",
    "Dateline",
    "Failure",
    "Lexicon",
    "LineCounter",
    "Paragraph",
    "Quote",
    "Sentence",
    "Span",
    "Speaker",
    "__version__",
    "find_boilerplate",
    "find_dateline",
    "find_dates",
    "find_quotes",
    "load_lexicon",
    "punkt_parameters",
    "resolve_date",
    "speaker_mentions",
    "split_paragraphs",
    "split_sentences",
    "structure",
    "structure_html",
    "structure_many",
    "to_json",
    "train_punkt",
]
