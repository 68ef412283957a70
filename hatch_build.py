"""
The build hook of ogpmodel: compiles every translation catalogue before a wheel is built.

Each ``src/ogpmodel/locale/<lang>/LC_MESSAGES/ogpmodel.po`` becomes the ``ogpmodel.mo`` beside
it, which the library reads with the standard `gettext` module; the ``.mo`` files are not
committed, and the wheel (and an editable install) carries them as build artifacts. Babel is
needed only here and by ``make translations`` (``tasks/translations.py``), never at run time.
"""

from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

#: The catalogues, relative to the repository root.
LOCALE = Path("src/ogpmodel/locale")


def compile_catalogues(locale: Path) -> list[Path]:
    """
    Compile every ``<lang>/LC_MESSAGES/*.po`` under *locale* into the ``.mo`` beside it.

    Raises:
        ValueError: A catalogue has an error (the message names the file and its line).
    """
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    written = []
    for source in sorted(locale.glob("*/LC_MESSAGES/*.po")):
        with source.open("rb") as file:
            try:
                catalogue = read_po(file, abort_invalid=True)
            except Exception as error:
                msg = f"{source}: {error}"
                raise ValueError(msg) from error
        compiled = source.with_suffix(".mo")
        with compiled.open("wb") as file:
            write_mo(file, catalogue, use_fuzzy=False)
        written.append(compiled)
    return written


class CompileTranslations(BuildHookInterface):  # type: ignore[type-arg]
    """Compile the catalogues into the package before its files are collected."""

    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        """Write the ``.mo`` of every ``.po`` (for wheels and editable installs)."""
        if self.target_name == "wheel":
            compile_catalogues(Path(self.root) / LOCALE)
