"""
The languages of ogpmodel: English in the code, every other language in a gettext catalogue.

Each text of the library (a rule's title and message, a word, a codelist title, a workbook
label) is written once in English beside what it names, as a `Texts` with a context (the
gettext ``msgctxt``: ``rule:schema.type:message``, ``word:error``) that tells its place, so
that two equal English texts may be translated differently. Every other language is a catalogue
``locale/<lang>/LC_MESSAGES/ogpmodel.po`` in this package, compiled into ``ogpmodel.mo`` when the
package is built (or by ``make translations``) and read with the standard `gettext` module. A
language is available when its catalogue is there: a new language is a new ``.po`` file.
"""

import functools
import gettext
from collections.abc import Iterator, Mapping
from pathlib import Path

__all__ = [
    "DOMAIN",
    "SOURCE_LANGUAGE",
    "Texts",
    "check_language",
    "declare",
    "languages",
    "locale_dir",
    "sources",
    "translate",
]

#: The language of the texts in the code (the gettext msgids).
SOURCE_LANGUAGE = "en"
#: The gettext domain: the name of every catalogue file.
DOMAIN = "ogpmodel"
#: Where the catalogues live; `locale_dir` reads it at each call, so a test may point it elsewhere.
LOCALE_DIR = Path(__file__).parent / "locale"


def locale_dir() -> Path:
    """The folder of the catalogues: ``<lang>/LC_MESSAGES/ogpmodel.po`` and its ``.mo``."""
    return LOCALE_DIR


@functools.cache
def _languages(folder: Path) -> tuple[str, ...]:
    found = {path.parent.parent.name for path in folder.glob(f"*/LC_MESSAGES/{DOMAIN}.[mp]o")}
    return (SOURCE_LANGUAGE, *sorted(found - {SOURCE_LANGUAGE}))


def languages() -> tuple[str, ...]:
    """Every language ogpmodel speaks: English, then each catalogue's, in alphabetical order."""
    return _languages(locale_dir())


def check_language(lang: str) -> str:
    """
    Return *lang* when ogpmodel speaks it.

    Raises:
        ValueError: *lang* is not English nor the language of a catalogue; the message names
            the available languages.
    """
    return _check(locale_dir(), lang)


def _check(folder: Path, lang: str) -> str:
    available = _languages(folder)
    if lang not in available:
        names = ", ".join(repr(name) for name in available)
        msg = f"unknown language {lang!r}: ogpmodel speaks {names}"
        raise ValueError(msg)
    return lang


@functools.cache
def _catalogue(folder: Path, lang: str) -> gettext.NullTranslations:
    """The compiled catalogue of *lang* under *folder*, read once."""
    compiled = folder / lang / "LC_MESSAGES" / f"{DOMAIN}.mo"
    try:
        with compiled.open("rb") as file:
            return gettext.GNUTranslations(file)
    except FileNotFoundError:
        msg = (
            f"the {lang!r} catalogue of ogpmodel is not compiled ({compiled} is missing): "
            "run `make translations`, or reinstall ogpmodel"
        )
        raise FileNotFoundError(msg) from None


def translate(context: str, english: str, lang: str) -> str:
    """
    The text *english* of place *context* in *lang* (English when its catalogue lacks it).

    Raises:
        ValueError: ogpmodel does not speak *lang* (see `check_language`).
    """
    if lang == SOURCE_LANGUAGE:
        return english
    return _translated(locale_dir(), lang, context, english)


@functools.cache
def _translated(folder: Path, lang: str, context: str, english: str) -> str:
    """`translate`, looked up once per text (a report renders the same few templates often)."""
    _check(folder, lang)
    return _catalogue(folder, lang).pgettext(context, english) if english else english


#: The English text of every declared place, by context: what the catalogues translate.
_SOURCES: dict[str, str] = {}


def sources() -> Mapping[str, str]:
    """Every text declared so far: its English source, by context (gettext's template)."""
    return _SOURCES


def declare(context: str, english: str) -> "Texts":
    """
    A text of the library at place *context*, listed in `sources` for the catalogues to translate.

    Raises:
        ValueError: *context* already holds another English text.
    """
    if english:
        known = _SOURCES.setdefault(context, english)
        if known != english:
            msg = f"the text of {context!r} is declared twice: {known!r} and {english!r}"
            raise ValueError(msg)
    return Texts(context, english)


class Texts(Mapping[str, str]):
    """
    One text in every language: its English source and its place (the catalogues' context).

    A mapping from each language of `languages` to the text in it; `text` refuses an unknown
    language with a `ValueError`, the mapping's ``[]`` with a `KeyError`. The library makes
    its texts with `declare`, which lists them for the catalogues.

    >>> Texts("word:error", "error")["en"]
    'error'
    """

    __slots__ = ("context", "english")

    def __init__(self, context: str, english: str) -> None:
        self.context = context
        self.english = english

    def text(self, lang: str = SOURCE_LANGUAGE) -> str:
        """The text in *lang*; raises `ValueError` for a language ogpmodel does not speak."""
        return translate(self.context, self.english, lang)

    def __getitem__(self, lang: str) -> str:
        if lang not in languages():
            raise KeyError(lang)
        return self.text(lang)

    def __iter__(self) -> Iterator[str]:
        return iter(languages())

    def __len__(self) -> int:
        return len(languages())

    def __repr__(self) -> str:
        return f"Texts({self.context!r}, {self.english!r})"
