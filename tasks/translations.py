"""
Regenerate the translation catalogues (``make translations``).

1. ``src/ogpmodel/locale/ogpmodel.pot``, the template: every text of the library, read from the
   library itself (each `ogpmodel._translations.Texts`, by its context), not scanned from the
   source;
2. each ``src/ogpmodel/locale/<lang>/LC_MESSAGES/ogpmodel.po`` brought up to the template: a new
   text is added untranslated, a text that is gone is dropped;
3. each ``.po`` compiled into the ``ogpmodel.mo`` the library reads (as the build hook does).

A new language is a copy of the template at ``<lang>/LC_MESSAGES/ogpmodel.po``, translated.
Babel is a development tool (the ``test`` extra); the library never imports it.
"""

import importlib
import io
import sys
from collections.abc import Mapping
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # the build hook at the root holds the compiler

from hatch_build import LOCALE, compile_catalogues  # noqa: E402

#: The template of the catalogues.
TEMPLATE = ROOT / LOCALE / "ogpmodel.pot"
_WIDTH = 100
#: The header lines of the template that change without its texts.
_UNSTABLE = ('"POT-Creation-Date:', '"Generated-By:')
_HEADER = """\
# The texts of ogpmodel, by context (msgctxt): the template of every translation.
# Written by `make translations` from the library itself; do not edit by hand.
# A new language: copy this file to <lang>/LC_MESSAGES/ogpmodel.po, translate each msgstr
# (keep every {placeholder} as it is) and run `make translations`."""


#: The modules whose import registers every text: the rules (with the catalogue's words), the
#: workbooks'. Not the façade: ``import ogpmodel`` imports a module only when a name is used.
_MODULES = ("ogpmodel.rules", "ogpmodel.convert._instructions", "ogpmodel.convert._words")


def texts() -> Mapping[str, str]:
    """Every text of the library: its English, by context, sorted by context."""
    for name in _MODULES:
        importlib.import_module(name)
    from ogpmodel import _translations
    from ogpmodel.codelists import CODELISTS, COUNTRIES, OPEN_CODELISTS

    # The codelists register their titles when their files are first read.
    for enum in CODELISTS.values():
        for code in enum:
            code.info()
    for open_list in OPEN_CODELISTS.values():
        _ = open_list.codes
    _ = list(COUNTRIES.values())
    return dict(sorted(_translations.sources().items()))


def template() -> Catalog:
    """The template catalogue of `texts`."""
    catalogue = Catalog(
        project="ogpmodel",
        domain="ogpmodel",
        header_comment=_HEADER,
        copyright_holder="The ogpmodel developers",
        msgid_bugs_address="https://github.com/ogpmodel/ogpmodel/issues",
        fuzzy=False,
    )
    for context, english in texts().items():
        catalogue.add(english, context=context)
    return catalogue


def render(catalogue: Catalog) -> str:
    """The text of a ``.po`` or ``.pot`` file, as this module writes it."""
    out = io.BytesIO()
    write_po(out, catalogue, width=_WIDTH, ignore_obsolete=True)
    return out.getvalue().decode("utf-8")


def render_template() -> str:
    """The template file, without its date and Babel's version: it changes only with the texts."""
    lines = render(template()).splitlines(keepends=True)
    return "".join(line for line in lines if not line.startswith(_UNSTABLE))


def update(source: Path, new: Catalog) -> None:
    """Bring the catalogue at *source* up to the template *new*."""
    with source.open("rb") as file:
        catalogue = read_po(file)
    created = catalogue.creation_date  # kept, so that the file changes only with its texts
    catalogue.update(new, no_fuzzy_matching=True, update_header_comment=False)
    catalogue.creation_date = created
    source.write_text(render(catalogue), encoding="utf-8")


def main() -> int:
    """Write the template, update every catalogue and compile them."""
    TEMPLATE.write_text(render_template(), encoding="utf-8")
    new = template()
    for source in sorted((ROOT / LOCALE).glob("*/LC_MESSAGES/ogpmodel.po")):
        update(source, new)
        sys.stdout.write(f"updated {source.relative_to(ROOT)}\n")
    for compiled in compile_catalogues(ROOT / LOCALE):
        sys.stdout.write(f"compiled {compiled.relative_to(ROOT)}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
