r"""
Regular expressions shared by the model's validators and the generated JSON Schema.

One pattern serves both sides, so the model and the schema cannot disagree. Every pattern is
written in the subset that Python's ``re`` and ECMA-262 (the regex dialect of JSON Schema)
read alike. Each ends with ``$(?!\n)``: Python's ``$`` also matches before a trailing newline,
the look-ahead forbids that, and ECMA-262 validators read it the same way.

The characters that text output never writes raw are here too (`TERMINAL_CONTROLS`), for the
command line and the text timeline alike.
"""

import re

#: The end anchor of every pattern: end of string, and no trailing newline before it.
END = r"$(?!\n)"


#: The ``id`` of an action plan (the contract's pattern).
PLAN_ID = r"^[A-Za-z0-9][A-Za-z0-9._-]*" + END
#: The ``id`` of any other entity: one or more characters, none of them white space.
ENTITY_ID = r"^[^\s]+" + END
#: A BCP 47 language tag, checked for well-formedness (language, script, region, variants).
LANGUAGE_TAG = (
    r"^[A-Za-z]{2,3}(-[A-Za-z]{4})?(-([A-Za-z]{2}|[0-9]{3}))?(-([A-Za-z0-9]{5,8}|[0-9][A-Za-z0-9]{3}))*"
    + END
)
#: A full calendar date, ``YYYY-MM-DD`` (calendar validity is checked by the model).
DATE = r"^(?!0000)[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])" + END
#: A partial date: ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``.
PARTIAL_DATE = r"^(?!0000)[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?" + END
#: An absolute http(s) URL without white space.
URL = r"^[Hh][Tt][Tt][Pp][Ss]?://[^\s/?#]+[^\s]*" + END
#: An absolute http(s) URL, or a relative reference: no scheme, no white space.
URL_REFERENCE = (
    r"^(?:[Hh][Tt][Tt][Pp][Ss]?://[^\s/?#]+[^\s]*|(?![A-Za-z][A-Za-z0-9+.-]*:)[^\s]+)" + END
)
#: An e-mail address: something, ``@``, a domain with a dot; no white space.
EMAIL = r"^[^\s@]+@[^\s@]+\.[^\s@]+" + END
#: Text that has at least one character that is not white space.
NON_BLANK = r"\S"
#: Text that is empty or white space only.
BLANK = r"^\s*" + END

_compiled: dict[str, re.Pattern[str]] = {}


def matches(pattern: str, value: str) -> bool:
    """Return whether *value* matches *pattern* the way a JSON Schema validator would."""
    compiled = _compiled.get(pattern)
    if compiled is None:
        compiled = _compiled[pattern] = re.compile(pattern)
    return compiled.search(value) is not None


#: Beyond the C0 controls, what a terminal or a reader of lines acts on: DEL, the C1 controls,
#: lone surrogates, the line and paragraph separators and the bidirectional controls (the body
#: of a character class).
BEYOND_C0 = r"\x7f-\x9f\ud800-\udfff\u2028\u2029\u202a-\u202e\u2066-\u2069"
#: The C0 controls (newline included: a line is one line) and `BEYOND_C0`.
TERMINAL_CONTROLS = r"\x00-\x1f" + BEYOND_C0
