"""Argument checks shared by every public function: caller mistakes get a clear exception."""

from __future__ import annotations

import datetime as dt
import re
from typing import Literal


def check_text(text: object, name: str = "text") -> str:
    """Return ``text`` if it is a str.

    Raises:
        TypeError: naming the argument, for None, bytes or anything else.
    """
    if isinstance(text, str):
        return text
    hint = " (decode bytes first, e.g. data.decode('utf-8'))" if isinstance(text, bytes) else ""
    raise TypeError(f"{name} must be a str, not {type(text).__name__}{hint}")


_ISO_SHAPE = re.compile(r"\d{4}-\d\d-\d\d(?:[T ]\d\d:\d\d(?::\d\d)?)?")


def parse_published(published: object, name: str = "published") -> dt.date | None:
    """Normalise a reference date: None, a ``date``, a ``datetime`` or an ISO string.

    >>> parse_published("2022-03-17")
    datetime.date(2022, 3, 17)

    Raises:
        TypeError: not one of those types.
        ValueError: a string that is not an ISO date, quoting it.
    """
    if published is None:
        return None
    if isinstance(published, dt.datetime):
        return published.date()
    if isinstance(published, dt.date):
        return published
    if isinstance(published, str):
        value = published.strip()
        try:
            if len(value) > 10 and value[10] in "T ":
                return dt.datetime.fromisoformat(value.replace("Z", "+00:00")).date()
            return dt.date.fromisoformat(value)
        except ValueError as exc:
            # "2022-02-30" has the shape: say which part no calendar has
            why = f" ({exc})" if _ISO_SHAPE.match(value) and "isoformat" not in str(exc) else ""
            raise ValueError(
                f"{name} must be an ISO date such as '2022-03-17', got {published!r}{why}"
            ) from None
    raise TypeError(
        f"{name} must be a date, a datetime, an ISO date string or None, "
        f"not {type(published).__name__}"
    )


def check_typewriter(value: object, name: str = "typewriter") -> bool | Literal["auto"]:
    """Return a typewriter-quotes setting if it is True, False or ``"auto"``.

    Raises:
        TypeError: neither a bool nor a str, naming the argument.
        ValueError: a str other than ``"auto"``, quoting it.
    """
    if isinstance(value, bool):
        return value
    if value == "auto":
        return "auto"
    if isinstance(value, str):
        raise ValueError(f"{name} must be True, False or 'auto', got {value!r}")
    raise TypeError(f"{name} must be True, False or 'auto', not {type(value).__name__}")
