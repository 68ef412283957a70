"""
What a workbook tells the people who fill it in, in English and in Spanish.

`INSTRUCTIONS` are the paragraphs of the ``instructions`` sheet; `describe_column` says what a
column holds, from its kind (and, in English, the field's own description), for the heading's
note and the table of columns of the instructions.
"""

from collections.abc import Iterator, Mapping

import attrs

from ogpmodel._catalogue import VOCABULARY
from ogpmodel._fields import (
    Bool,
    Code,
    Country,
    Date,
    DayOrPartialDate,
    Extensions,
    Kind,
    ListOf,
    OpenCode,
    PartialDateKind,
    Percent,
    Ref,
    State,
    String,
    TextKind,
    UrlText,
)
from ogpmodel.codelists import CODELISTS, Language
from ogpmodel.convert._layout import POSITION, TYPE, Leaf, Node, TableSpec, owner_word

__all__ = [
    "COLUMNS_HEADINGS",
    "INSTRUCTIONS",
    "TITLE",
    "ColumnInfo",
    "column_rows",
    "describe_column",
    "describe_kind",
]

#: The title of the instructions sheet.
TITLE: Mapping[str, str] = {
    "en": "OGP action plan workbook (OGP JSON 1.1)",
    "es": "Libro de un plan de acción OGP (OGP JSON 1.1)",
}

#: The paragraphs of the instructions sheet, in order.
INSTRUCTIONS: Mapping[str, tuple[str, ...]] = {
    "en": (
        "One sheet per part of the plan. The sheet 'plan' has one row: the plan itself. Every "
        "other sheet has one row per stakeholder, commitment, milestone, progress report, "
        "history event, assessment, link…",
        "Row 1 holds the headings: keep them. A column you add is kept in the extensions of "
        "each row; a sheet you add, in the extensions of the plan.",
        "A row names what it belongs to in its key columns: a milestone names its commitment "
        "(commitment_id) and its parent milestone (parent_id, empty for a milestone of the "
        "commitment itself); a progress report, a history event or a link name their "
        "commitment and milestone, a progress report (progress_position) or an assessment "
        "(assessment_position). Leave them empty for what belongs to the plan itself.",
        "position orders the rows of one list (1, 2, 3…); where it is empty, the rows keep the "
        "order of the sheet.",
        "Text: write it in the plan's language under its heading (title). To give a text in "
        "several languages, use one column per language instead, named after the heading and "
        "the language tag: title/en, title/es, title/fr.",
        "Lists of ids or codes go in one cell, separated by commas (a, b). Open codes (policy "
        "areas) may hold spaces: separate them by commas or line breaks.",
        "Dates are text: 2024, 2024-03 or 2024-03-15 (a year, a month or a day). A date typed "
        "into a date cell is read as that day.",
        "Columns of codes have a drop-down list; the sheet 'codelists' lists every code with "
        "its title. Yes or no: TRUE or FALSE.",
        'extensions holds JSON ({"key": "value"}): content outside the standard, kept as it is.',
        "Convert the workbook with: ogpmodel convert BOOK.xlsx --from xlsx -o plan.json, then "
        "check the plan with: ogpmodel validate plan.json. Every problem names its cell "
        "(commitments!D7).",
    ),
    "es": (
        "Una hoja por cada parte del plan. La hoja 'plan' tiene una fila: el plan mismo. Cada "
        "otra hoja tiene una fila por parte interesada, compromiso, hito, informe de avance, "
        "evento del historial, evaluación, enlace…",
        "La fila 1 tiene los encabezados: consérvelos. Una columna que agregue se conserva en "
        "las extensiones de cada fila; una hoja que agregue, en las extensiones del plan.",
        "Una fila nombra aquello a lo que pertenece en sus columnas de clave: un hito nombra su "
        "compromiso (id_compromiso) y su hito superior (id_superior, vacío para un hito del "
        "compromiso mismo); un informe de avance, un evento del historial o un enlace nombran "
        "su compromiso y su hito, un informe de avance (posición_avance) o una evaluación "
        "(posición_evaluación). Déjelas vacías para lo que pertenece al plan mismo.",
        "posición ordena las filas de una lista (1, 2, 3…); donde está vacía, las filas "
        "conservan el orden de la hoja.",
        "Texto: escríbalo en el idioma del plan bajo su encabezado (título). Para dar un texto "
        "en varios idiomas, use en su lugar una columna por idioma, con el encabezado y la "
        "etiqueta del idioma: título/en, título/es, título/fr.",
        "Las listas de ids o de códigos van en una celda, separadas por comas (a, b). Los "
        "códigos abiertos (áreas de política) pueden tener espacios: sepárelos con comas o "
        "saltos de línea.",
        "Las fechas son texto: 2024, 2024-03 o 2024-03-15 (un año, un mes o un día). Una fecha "
        "escrita en una celda de fecha se lee como ese día.",
        "Las columnas de códigos tienen una lista desplegable; la hoja 'códigos' lista cada "
        "código con su título. Sí o no: TRUE o FALSE (VERDADERO o FALSO).",
        'extensiones tiene JSON ({"clave": "valor"}): contenido fuera del estándar, que se '
        "conserva tal cual.",
        "Convierta el libro con: ogpmodel convert LIBRO.xlsx --from xlsx -o plan.json, y revise "
        "el plan con: ogpmodel validate plan.json --lang es. Cada problema nombra su celda "
        "(compromisos!D7).",
    ),
}

#: The headings of the table of columns of the instructions sheet.
COLUMNS_HEADINGS: Mapping[str, tuple[str, ...]] = {
    "en": ("sheet", "column", "holds", "required", "what it is"),
    "es": ("hoja", "columna", "contiene", "obligatoria", "qué es"),
}

_WORDS: Mapping[str, Mapping[str, str]] = {
    "text": {"en": "text", "es": "texto"},
    "url": {"en": "URL (or one column per language)", "es": "URL (o una columna por idioma)"},
    "Id": {"en": "an id (no spaces)", "es": "un id (sin espacios)"},
    "PlanId": {
        "en": "the plan's id (letters, digits, . _ -)",
        "es": "el id del plan (letras, dígitos, . _ -)",
    },
    "LanguageTag": {
        "en": "a language tag (es, en, fr-CA)",
        "es": "una etiqueta de idioma (es, en, fr-CA)",
    },
    "Url": {"en": "an http(s) URL", "es": "una URL http(s)"},
    "Email": {"en": "an e-mail address", "es": "un correo electrónico"},
    "ref": {"en": "the id of a {target}", "es": "el id de: {target}"},
    "code": {"en": "a code of '{codelist}'", "es": "un código de '{codelist}'"},
    "open": {
        "en": "a code of '{codelist}' (or any text)",
        "es": "un código de '{codelist}' (o cualquier texto)",
    },
    "state": {"en": "a lifecycle state", "es": "un estado del ciclo de vida"},
    "country": {"en": "a country code (CL, US)", "es": "un código de país (CL, US)"},
    "date": {"en": "a date YYYY-MM-DD", "es": "una fecha AAAA-MM-DD"},
    "partial": {
        "en": "a date YYYY, YYYY-MM or YYYY-MM-DD",
        "es": "una fecha AAAA, AAAA-MM o AAAA-MM-DD",
    },
    "percent": {"en": "a number from 0 to 100", "es": "un número de 0 a 100"},
    "bool": {"en": "TRUE or FALSE", "es": "TRUE o FALSE"},
    "list": {"en": "a list of: {item} (a, b)", "es": "una lista de: {item} (a, b)"},
    "json": {"en": "a JSON object", "es": "un objeto JSON"},
    "key": {
        "en": "the {what} of the {owner} it belongs to",
        "es": "el {what} del registro al que pertenece ({owner})",
    },
    "id": {"en": "id", "es": "id"},
    "place": {"en": "position", "es": "posición"},
    "position": {"en": "its place in its list: 1, 2, 3…", "es": "su lugar en su lista: 1, 2, 3…"},
    "type": {"en": "the kind of assessment", "es": "el tipo de evaluación"},
    "marker": {"en": "TRUE: it is there, though empty", "es": "TRUE: existe, aunque vacío"},
    "required": {"en": "required", "es": "obligatoria"},
}


def _word(key: str, lang: Language, **params: str) -> str:
    return _WORDS[key][lang].format(**params)


def _codelist(enum: type) -> str:
    return next((name for name, e in CODELISTS.items() if e is enum), enum.__name__)


def describe_kind(kind: Kind, lang: Language) -> str:
    """What a value of *kind* is, in *lang*."""
    if isinstance(kind, ListOf):
        return _word("list", lang, item=describe_kind(kind.item, lang))
    if isinstance(kind, Ref):
        target = VOCABULARY.get(kind.target, {}).get(lang, kind.target)
        return _word("ref", lang, target=target)
    if isinstance(kind, OpenCode):
        return _word("open", lang, codelist=kind.codelist)
    if isinstance(kind, String):
        name = kind.format.name if kind.format is not None else ""
        return _word(name, lang) if name in _WORDS else _word("text", lang)
    simple: Mapping[type, str] = {
        TextKind: "text",
        UrlText: "url",
        State: "state",
        Country: "country",
        Date: "date",
        PartialDateKind: "partial",
        DayOrPartialDate: "partial",
        Percent: "percent",
        Bool: "bool",
        Extensions: "json",
    }
    for cls, key in simple.items():
        if isinstance(kind, cls):
            return _word(key, lang)
    if isinstance(kind, Code):
        return _word("code", lang, codelist=_codelist(kind.enum))
    return kind.describe()


@attrs.frozen
class ColumnInfo:
    """What one base column holds, and whether a row needs it."""

    heading: str
    holds: str
    required: bool
    description: str


def _leaves(node: Node, required: bool = True) -> Iterator[tuple[Leaf | Node, bool]]:
    for member in node.members:
        if isinstance(member, Leaf):
            yield member, required and member.required
        else:
            if member.marker:
                yield member, False
            yield from _leaves(member, required and member.required)


def column_rows(spec: TableSpec, lang: Language) -> Iterator[ColumnInfo]:
    """What each base column of *spec* holds, in column order."""
    owners = {h: t for c in spec.contexts for h, t in c.keys}
    for heading in spec.keys:
        what = _word("place" if heading.endswith(f"_{POSITION}") else "id", lang)
        word = "parent_milestone" if heading == "parent_id" else owner_word(owners[heading])
        owner = VOCABULARY[word][lang]
        yield ColumnInfo(heading, _word("key", lang, what=what, owner=owner), False, "")
    if spec.name != "plan":
        yield ColumnInfo(POSITION, _word("position", lang), False, "")
    if spec.has_type:
        yield ColumnInfo(
            TYPE, _word("code", lang, codelist="assessment-type"), True, _word("type", lang)
        )
    seen: set[str] = set()
    for shape in spec.shapes.values():
        for member, required in _leaves(shape):
            if member.heading in seen:
                continue
            seen.add(member.heading)
            if isinstance(member, Node):
                yield ColumnInfo(member.heading, _word("marker", lang), False, "")
            else:
                description = member.description if lang == "en" else ""
                holds = describe_kind(member.kind, lang)
                yield ColumnInfo(member.heading, holds, required, description)


def describe_column(info: ColumnInfo, lang: Language) -> str:
    """The note of a heading: what the column holds, whether it is required, what it is."""
    parts = [info.holds, _word("required", lang) if info.required else "", info.description]
    return " ".join(_sentence(p) for p in parts if p)


def _sentence(text: str) -> str:
    text = text[:1].upper() + text[1:]
    return text if text.endswith((".", "…")) else text + "."
