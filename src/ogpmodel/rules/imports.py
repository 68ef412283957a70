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

# --- spreadsheets: workbooks and CSV folders of the plan template (ogpmodel.convert.spreadsheet).
# Each finding's ``cell`` names the cell (``commitments!D7``) or the row (``milestones!7:7``) and
# its path is the JSON Pointer of the value in the plan.

_SHEETS = "design (ogpmodel.convert.spreadsheet)"

define(
    "import.missing-sheet",
    severity=Severity.WARNING,
    family=_FAMILY,
    source=_SHEETS,
    title_en="a sheet of the plan template is missing from the workbook; it is read as empty.",
    title_es="falta en el libro una hoja de la plantilla del plan; se lee como vacía.",
    en="The workbook has no sheet {sheet!r}; it is read as empty.",
    es="El libro no tiene la hoja {sheet!r}; se lee como vacía.",
)
define(
    "import.missing-heading",
    severity=Severity.ERROR,
    family=_FAMILY,
    source=_SHEETS,
    title_en="a sheet lacks a column it needs; its rows are not read.",
    title_es="a una hoja le falta una columna que necesita; sus filas no se leen.",
    en="{cell}: the sheet {sheet!r} has no column {heading!r}, which it needs; its rows are not read.",
    es="{cell}: la hoja {sheet!r} no tiene la columna {heading!r}, que necesita; sus filas no se leen.",
)
define(
    "import.unknown-sheet",
    severity=Severity.WARNING,
    family=_FAMILY,
    source=_SHEETS,
    title_en="a sheet is not one of the plan template; its rows are kept in the plan's extensions.",
    title_es="una hoja no es de la plantilla del plan; sus filas se conservan en las extensiones del plan.",
    en="The sheet {sheet!r} is not one of the plan template; its rows are kept in the plan's extensions under {sheet!r}.{hint}",
    es="La hoja {sheet!r} no es de la plantilla del plan; sus filas se conservan en las extensiones del plan, bajo {sheet!r}.{hint}",
)
define(
    "import.unknown-column",
    severity=Severity.WARNING,
    family=_FAMILY,
    source=_SHEETS,
    title_en="a column is not a field of its sheet; its values are kept in each row's extensions.",
    title_es="una columna no es un campo de su hoja; sus valores se conservan en las extensiones de cada fila.",
    en="{cell}: {heading!r} is not a field here; what the column holds is kept in the row's extensions.{hint}",
    es="{cell}: {heading!r} no es un campo aquí; lo que tiene la columna se conserva en las extensiones de la fila.{hint}",
)
define(
    "import.bad-value",
    severity=Severity.ERROR,
    family=_FAMILY,
    source=_SHEETS,
    title_en="a cell does not hold what its column needs; the value is not read.",
    title_es="una celda no tiene lo que su columna necesita; el valor no se lee.",
    en="{cell}: {value!r} is not {expected}; it is not read.",
    es="{cell}: {value!r} no es {expected}; no se lee.",
)
define(
    "import.bad-code",
    severity=Severity.ERROR,
    family=_FAMILY,
    source=_SHEETS,
    title_en="a cell holds a code that is not in its codelist; the value is not read.",
    title_es="una celda tiene un código que no está en su lista; el valor no se lee.",
    en="{cell}: {value!r} is not a code of {codelist!r}, which has: {codes}.{hint}",
    es="{cell}: {value!r} no es un código de {codelist!r}, que tiene: {codes}.{hint}",
)
define(
    "import.converted-cell",
    severity=Severity.INFO,
    family=_FAMILY,
    source=_SHEETS,
    title_en="a cell holds another type than its column (a number typed as text, a date cell); it is read as the column needs.",
    title_es="una celda tiene otro tipo que su columna (un número escrito como texto, una celda de fecha); se lee como la columna necesita.",
    en="{cell}: the cell holds {actual}; it is read as {read!r}.",
    es="{cell}: la celda tiene {actual}; se lee como {read!r}.",
)
define(
    "import.record-not-read",
    severity=Severity.ERROR,
    family=_FAMILY,
    source=_SHEETS,
    title_en="a required value is missing or cannot be read; the record it belongs to is not read.",
    title_es="falta un valor obligatorio o no se puede leer; no se lee el registro al que pertenece.",
    en="{cell}: {heading!r} is required and has no valid value; the record it belongs to is not read.",
    es="{cell}: {heading!r} es obligatorio y no tiene un valor válido; no se lee el registro al que pertenece.",
)
define(
    "import.unknown-owner",
    severity=Severity.ERROR,
    family=_FAMILY,
    source=_SHEETS,
    title_en="a row belongs to an entity that is not in the plan; the row is not read.",
    title_es="una fila pertenece a una entidad que no está en el plan; la fila no se lee.",
    en="{cell}: the {owner} this row belongs to ({key}) is not in the plan; the row is not read.",
    es="{cell}: el registro ({owner}) al que pertenece esta fila ({key}) no está en el plan; la fila no se lee.",
)
define(
    "import.ambiguous-owner",
    severity=Severity.WARNING,
    family=_FAMILY,
    source=_SHEETS,
    title_en="several rows have the key a row names as its owner; the row is put under one of them.",
    title_es="varias filas tienen la clave que una fila nombra como su dueña; la fila se pone bajo una de ellas.",
    en="{cell}: several rows are the {owner} {key}; the row is put under {chosen}.",
    es="{cell}: varias filas son el registro ({owner}) {key}; la fila se pone bajo {chosen}.",
)
define(
    "import.conflicting-cells",
    severity=Severity.ERROR,
    family=_FAMILY,
    source=_SHEETS,
    title_en="several columns give one value in different forms; one of them is read.",
    title_es="varias columnas dan un mismo valor de formas distintas; se lee una de ellas.",
    en="{cell}: the columns {headings} all give this value; {used!r} is read.",
    es="{cell}: las columnas {headings} dan todas este valor; se lee {used!r}.",
)
define(
    "import.several-plans",
    severity=Severity.ERROR,
    family=_FAMILY,
    source=_SHEETS,
    title_en="the plan sheet has more than one row; a workbook holds one plan, the first.",
    title_es="la hoja del plan tiene más de una fila; un libro contiene un plan, el primero.",
    en="{cell}: a workbook holds one plan, and the sheet {sheet!r} has another row here; only its first row is read.",
    es="{cell}: un libro contiene un plan, y la hoja {sheet!r} tiene aquí otra fila; solo se lee su primera fila.",
)
define(
    "import.no-plan",
    severity=Severity.ERROR,
    family=_FAMILY,
    source=_SHEETS,
    title_en="the workbook has no plan: its plan sheet is missing or has no row.",
    title_es="el libro no tiene plan: falta su hoja del plan o no tiene filas.",
    en="The workbook has no plan: the sheet {sheet!r} is missing or has no row below its headings.",
    es="El libro no tiene plan: falta la hoja {sheet!r} o no tiene filas bajo sus encabezados.",
)
