"""
Import findings: what a converter met in a source (a tracker, a workbook) and what it did.

These codes have no check: the converters of `ogpmodel.convert` report them, each naming the
source record (and the cell or line, where there is one) in its parameters, so that nothing a
source holds is dropped or changed without a word. They are registered here, with the other
codes, so that every report renders them and the catalogue lists them.
"""

from ogpmodel._catalogue import define
from ogpmodel.report import Severity

__all__: list[str] = []

_FAMILY = "import"
_SOURCE = "design (ogpmodel.convert)"

define(
    "import.unreadable",
    severity=Severity.ERROR,
    family=_FAMILY,
    source=_SOURCE,
    title_en="the source cannot be read (a missing file, or text that is not what its kind needs).",
    title_es="la fuente no se puede leer (un archivo que falta, o un texto que no es lo que su tipo necesita).",
    en="{source} cannot be read: {reason}.",
    es="No se puede leer {source}: {reason}.",
)
define(
    "import.kept-in-extensions",
    severity=Severity.INFO,
    family=_FAMILY,
    source=_SOURCE,
    title_en="a source field has no home in the model; it is kept verbatim in extensions.",
    title_es="un campo de la fuente no tiene lugar en el modelo; se conserva tal cual en extensions.",
    en="{record}: the field {field!r} has no home in OGP JSON; it is kept in {kept_in}.",
    es="{record}: el campo {field!r} no tiene lugar en OGP JSON; se conserva en {kept_in}.",
)
