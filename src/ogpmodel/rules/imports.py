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
define(
    "import.html",
    severity=Severity.INFO,
    family=_FAMILY,
    source=_SOURCE,
    title_en="a source value holds HTML markup; it is kept as published.",
    title_es="un valor de la fuente contiene marcado HTML; se conserva tal como se publicó.",
    en="{record}: the field {field!r} holds HTML markup ({tags}); it is kept as published.",
    es="{record}: el campo {field!r} contiene marcado HTML ({tags}); se conserva tal como se publicó.",
)
define(
    "import.trimmed",
    severity=Severity.INFO,
    family=_FAMILY,
    source=_SOURCE,
    title_en="a title, name, id or date of the source starts or ends with white space; it is trimmed.",
    title_es="un título, nombre, id o fecha de la fuente empieza o termina con espacios; se recortan.",
    en="{record}: the field {field!r} starts or ends with white space; it is trimmed.",
    es="{record}: el campo {field!r} empieza o termina con espacios; se recortan.",
)
define(
    "import.empty-title",
    severity=Severity.WARNING,
    family=_FAMILY,
    source=_SOURCE,
    title_en="a record has an empty title; another of its values is used as the title.",
    title_es="un registro tiene el título vacío; se usa otro de sus valores como título.",
    en="{record}: the title is empty; the value of {used!r} is used as the title.",
    es="{record}: el título está vacío; se usa como título el valor de {used!r}.",
)
define(
    "import.empty-value",
    severity=Severity.INFO,
    family=_FAMILY,
    source=_SOURCE,
    title_en="a value that other records give is empty or missing; nothing is converted from it.",
    title_es="un valor que otros registros dan está vacío o falta; no se convierte nada de él.",
    en="{record}: the field {field!r} is empty or missing; nothing is converted from it.",
    es="{record}: el campo {field!r} está vacío o falta; no se convierte nada de él.",
)
define(
    "import.mixed-shapes",
    severity=Severity.INFO,
    family=_FAMILY,
    source=_SOURCE,
    title_en="a field is a string in some records and a list or an object in others; every form is read.",
    title_es="un campo es una cadena en unos registros y una lista o un objeto en otros; se leen todas las formas.",
    en="{record}: the field {field!r} is {actual} here and {expected} in other records; both forms are read.",
    es="{record}: el campo {field!r} es {actual} aquí y {expected} en otros registros; se leen ambas formas.",
)
define(
    "import.wrong-type",
    severity=Severity.WARNING,
    family=_FAMILY,
    source=_SOURCE,
    title_en="a source value is not of the kind its field holds; it is kept in extensions.",
    title_es="un valor de la fuente no es del tipo que su campo contiene; se conserva en extensions.",
    en="{record}: the field {field!r} is {actual}, where {expected} is expected; it is kept in {kept_in}.",
    es="{record}: el campo {field!r} es {actual}, donde se espera {expected}; se conserva en {kept_in}.",
)
define(
    "import.unknown-status",
    severity=Severity.WARNING,
    family=_FAMILY,
    source=_SOURCE,
    title_en="a status is not one of the source's status labels; no status is recorded.",
    title_es="un estado no es una de las etiquetas de estado de la fuente; no se registra estado.",
    en="{record}: the status {value!r} is not one of {known}; no status is recorded.",
    es="{record}: el estado {value!r} no es ninguno de {known}; no se registra estado.",
)
define(
    "import.date-from-note",
    severity=Severity.INFO,
    family=_FAMILY,
    source=_SOURCE,
    title_en="a record has no date field; the month or year of its free-text deadline is its date.",
    title_es="un registro no tiene campo de fecha; su fecha es el mes o el año de su plazo en texto libre.",
    en="{record}: there is no {field!r}; the date {date} is read from {note_field!r} ({note!r}).",
    es="{record}: no hay {field!r}; la fecha {date} se lee de {note_field!r} ({note!r}).",
)
define(
    "import.missing-date",
    severity=Severity.WARNING,
    family=_FAMILY,
    source=_SOURCE,
    title_en="a record has no date, and no month or year can be read from its other values.",
    title_es="un registro no tiene fecha, y de sus otros valores no se puede leer un mes ni un año.",
    en="{record}: there is no {field!r}, and no month or year can be read from the rest of the record; no date is given.",
    es="{record}: no hay {field!r}, y del resto del registro no se puede leer un mes ni un año; no se da fecha.",
)
define(
    "import.dates-disagree",
    severity=Severity.WARNING,
    family=_FAMILY,
    source=_SOURCE,
    title_en="two dates of one record disagree; both are kept as published.",
    title_es="dos fechas de un mismo registro no coinciden; ambas se conservan tal como se publicaron.",
    en="{record}: {field!r} is {date}, but {other_field!r} says {other!r}; both are kept as published.",
    es="{record}: {field!r} es {date}, pero {other_field!r} dice {other!r}; ambas se conservan tal como se publicaron.",
)
define(
    "import.bad-date",
    severity=Severity.WARNING,
    family=_FAMILY,
    source=_SOURCE,
    title_en="a date field holds something that is not a date; it is kept in extensions.",
    title_es="un campo de fecha contiene algo que no es una fecha; se conserva en extensions.",
    en="{record}: the field {field!r} holds {value!r}, which is not a date (YYYY, YYYY-MM or YYYY-MM-DD); it is kept in {kept_in}.",
    es="{record}: el campo {field!r} contiene {value!r}, que no es una fecha (AAAA, AAAA-MM o AAAA-MM-DD); se conserva en {kept_in}.",
)
define(
    "import.id-padding",
    severity=Severity.INFO,
    family=_FAMILY,
    source=_SOURCE,
    title_en="the ids under a record are zero-padded where others in the source are not; they are kept as published.",
    title_es="los ids bajo un registro llevan ceros a la izquierda y otros de la fuente no; se conservan tal como se publicaron.",
    en="{record}: the ids under it are zero-padded ({example}) where others in the source are not ({other}); they are kept as published.",
    es="{record}: los ids bajo él llevan ceros a la izquierda ({example}) y otros de la fuente no ({other}); se conservan tal como se publicaron.",
)
define(
    "import.orphan",
    severity=Severity.WARNING,
    family=_FAMILY,
    source=_SOURCE,
    title_en="a record names a parent that is not in the source; it is kept in extensions.",
    title_es="un registro nombra un superior que no está en la fuente; se conserva en extensions.",
    en="{record}: its parent {parent!r} is not in the source; it is kept in {kept_in}.",
    es="{record}: su superior {parent!r} no está en la fuente; se conserva en {kept_in}.",
)
define(
    "import.relative-link",
    severity=Severity.WARNING,
    family=_FAMILY,
    source=_SOURCE,
    title_en="a link is relative, and the site it belongs to is not known; it is kept as text, not as a link.",
    title_es="un enlace es relativo y no se sabe a qué sitio pertenece; se conserva como texto, no como enlace.",
    en="{record}: the link {url!r} in {field!r} is relative, and the site it belongs to is not known; it is kept as text, not as a link.",
    es="{record}: el enlace {url!r} de {field!r} es relativo y no se sabe a qué sitio pertenece; se conserva como texto, no como enlace.",
)
define(
    "import.bad-link",
    severity=Severity.WARNING,
    family=_FAMILY,
    source=_SOURCE,
    title_en="a link's address is not a usable web address; it is kept as text, not as a link.",
    title_es="la dirección de un enlace no es una dirección web utilizable; se conserva como texto, no como enlace.",
    en="{record}: {url!r} in {field!r} is not a usable web address; it is kept as text, not as a link.",
    es="{record}: {url!r} de {field!r} no es una dirección web utilizable; se conserva como texto, no como enlace.",
)
define(
    "import.example-record",
    severity=Severity.INFO,
    family=_FAMILY,
    source=_SOURCE,
    title_en="the template's example record is converted as a progress report marked as an example.",
    title_es="el registro de ejemplo de la plantilla se convierte en un informe de avance marcado como ejemplo.",
    en="{record} is the template's example record, not a real report; it is converted as a progress report of {target!r}, marked as an example in its extensions.",
    es="{record} es el registro de ejemplo de la plantilla, no un informe real; se convierte en un informe de avance de {target!r}, marcado como ejemplo en sus extensions.",
)
define(
    "import.duplicate-key",
    severity=Severity.WARNING,
    family=_FAMILY,
    source=_SOURCE,
    title_en="a key appears twice in one object of the source; the later value is used.",
    title_es="una clave aparece dos veces en un mismo objeto de la fuente; se usa el valor posterior.",
    en="{record}: the key {key!r} at line {line} repeats the one at line {first}; the later value is used and the earlier one is not converted.",
    es="{record}: la clave {key!r} de la línea {line} repite la de la línea {first}; se usa el valor posterior y el anterior no se convierte.",
)
define(
    "import.bad-id",
    severity=Severity.WARNING,
    family=_FAMILY,
    source=_SOURCE,
    title_en="a record's id is empty or holds white space; the record is given a usable id.",
    title_es="el id de un registro está vacío o contiene espacios; el registro recibe un id utilizable.",
    en="{record}: {id!r} cannot be an id (it is empty or holds white space); this record is given the id {new_id!r}.",
    es="{record}: {id!r} no puede ser un id (está vacío o contiene espacios); este registro recibe el id {new_id!r}.",
)
define(
    "import.duplicate-id",
    severity=Severity.WARNING,
    family=_FAMILY,
    source=_SOURCE,
    title_en="two records have the same id; the later one is given a new id.",
    title_es="dos registros tienen el mismo id; el posterior recibe un id nuevo.",
    en="{record}: the id {id!r} is also the id of {other}; this record is given the id {new_id!r}.",
    es="{record}: el id {id!r} es también el de {other}; este registro recibe el id {new_id!r}.",
)
define(
    "import.similar-names",
    severity=Severity.INFO,
    family=_FAMILY,
    source=_SOURCE,
    title_en="two stakeholder names differ by a few letters (perhaps a typing error); both are kept.",
    title_es="dos nombres de partes interesadas difieren en pocas letras (quizá una errata); se conservan ambos.",
    en="{record}: the name {name!r} differs from {other!r} by a few letters; both are kept as published.",
    es="{record}: el nombre {name!r} difiere de {other!r} en pocas letras; se conservan ambos tal como se publicaron.",
)
define(
    "import.parent-conflict",
    severity=Severity.WARNING,
    family=_FAMILY,
    source=_SOURCE,
    title_en="an organisation is placed under two different parents; the first is kept.",
    title_es="una organización aparece bajo dos superiores distintos; se conserva el primero.",
    en="{record}: {name!r} is under {parent!r} here, but under {first!r} in {first_record}; the first is kept.",
    es="{record}: {name!r} está bajo {parent!r} aquí, pero bajo {first!r} en {first_record}; se conserva el primero.",
)
define(
    "import.one-language",
    severity=Severity.INFO,
    family=_FAMILY,
    source=_SOURCE,
    title_en="a bilingual value is given in one language only; that language is kept.",
    title_es="un valor bilingüe está en un solo idioma; se conserva ese idioma.",
    en="{record}: {field!r} has no {missing} text; only {present} is kept.",
    es="{record}: {field!r} no tiene texto en {missing}; solo se conserva {present}.",
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
