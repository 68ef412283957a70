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
    en="{source} cannot be read: {reason}.",
)
define(
    "import.kept-in-extensions",
    severity=Severity.INFO,
    family=_FAMILY,
    source=_SOURCE,
    title_en="a source field has no home in the model; it is kept verbatim in extensions.",
    en="{record}: the field {field!r} has no home in OGP JSON; it is kept in {kept_in}.",
)
define(
    "import.html",
    severity=Severity.INFO,
    family=_FAMILY,
    source=_SOURCE,
    title_en="a source value holds HTML markup; it is kept as published.",
    en="{record}: the field {field!r} holds HTML markup ({tags}); it is kept as published.",
)
define(
    "import.trimmed",
    severity=Severity.INFO,
    family=_FAMILY,
    source=_SOURCE,
    title_en="a title, name, id or date of the source starts or ends with white space; it is trimmed.",
    en="{record}: the field {field!r} starts or ends with white space; it is trimmed.",
)
define(
    "import.empty-title",
    severity=Severity.WARNING,
    family=_FAMILY,
    source=_SOURCE,
    title_en="a record has an empty title; another of its values is used as the title.",
    en="{record}: the title is empty; the value of {used!r} is used as the title.",
)
define(
    "import.empty-value",
    severity=Severity.INFO,
    family=_FAMILY,
    source=_SOURCE,
    title_en="a value that other records give is empty or missing; nothing is converted from it.",
    en="{record}: the field {field!r} is empty or missing; nothing is converted from it.",
)
define(
    "import.mixed-shapes",
    severity=Severity.INFO,
    family=_FAMILY,
    source=_SOURCE,
    title_en="a field is a string in some records and a list or an object in others; every form is read.",
    en="{record}: the field {field!r} is {actual} here and {expected} in other records; both forms are read.",
)
define(
    "import.wrong-type",
    severity=Severity.WARNING,
    family=_FAMILY,
    source=_SOURCE,
    title_en="a source value is not of the kind its field holds; it is kept in extensions.",
    en="{record}: the field {field!r} is {actual}, where {expected} is expected; it is kept in {kept_in}.",
)
define(
    "import.unknown-status",
    severity=Severity.WARNING,
    family=_FAMILY,
    source=_SOURCE,
    title_en="a status is not one of the source's status labels; no status is recorded.",
    en="{record}: the status {value!r} is not one of {known}; no status is recorded.",
)
define(
    "import.date-from-note",
    severity=Severity.INFO,
    family=_FAMILY,
    source=_SOURCE,
    title_en="a record has no date field; the month or year of its free-text deadline is its date.",
    en="{record}: there is no {field!r}; the date {date} is read from {note_field!r} ({note!r}).",
)
define(
    "import.missing-date",
    severity=Severity.WARNING,
    family=_FAMILY,
    source=_SOURCE,
    title_en="a record has no date, and no month or year can be read from its other values.",
    en="{record}: there is no {field!r}, and no month or year can be read from the rest of the record; no date is given.",
)
define(
    "import.dates-disagree",
    severity=Severity.WARNING,
    family=_FAMILY,
    source=_SOURCE,
    title_en="two dates of one record disagree; both are kept as published.",
    en="{record}: {field!r} is {date}, but {other_field!r} says {other!r}; both are kept as published.",
)
define(
    "import.bad-date",
    severity=Severity.WARNING,
    family=_FAMILY,
    source=_SOURCE,
    title_en="a date field holds something that is not a date; it is kept in extensions.",
    en="{record}: the field {field!r} holds {value!r}, which is not a date (YYYY, YYYY-MM or YYYY-MM-DD); it is kept in {kept_in}.",
)
define(
    "import.id-padding",
    severity=Severity.INFO,
    family=_FAMILY,
    source=_SOURCE,
    title_en="the ids under a record are zero-padded where others in the source are not; they are kept as published.",
    en="{record}: the ids under it are zero-padded ({example}) where others in the source are not ({other}); they are kept as published.",
)
define(
    "import.orphan",
    severity=Severity.WARNING,
    family=_FAMILY,
    source=_SOURCE,
    title_en="a record names a parent that is not in the source; it is kept in extensions.",
    en="{record}: its parent {parent!r} is not in the source; it is kept in {kept_in}.",
)
define(
    "import.relative-link",
    severity=Severity.WARNING,
    family=_FAMILY,
    source=_SOURCE,
    title_en="a link is relative, and the site it belongs to is not known; it is kept as text, not as a link.",
    en="{record}: the link {url!r} in {field!r} is relative, and the site it belongs to is not known; it is kept as text, not as a link.",
)
define(
    "import.bad-link",
    severity=Severity.WARNING,
    family=_FAMILY,
    source=_SOURCE,
    title_en="a link's address is not a usable web address; it is kept as text, not as a link.",
    en="{record}: {url!r} in {field!r} is not a usable web address; it is kept as text, not as a link.",
)
define(
    "import.example-record",
    severity=Severity.INFO,
    family=_FAMILY,
    source=_SOURCE,
    title_en="the template's example record is converted as a progress report marked as an example.",
    en="{record} is the template's example record, not a real report; it is converted as a progress report of {target!r}, marked as an example in its extensions.",
)
define(
    "import.duplicate-key",
    severity=Severity.WARNING,
    family=_FAMILY,
    source=_SOURCE,
    title_en="a key appears twice in one object of the source; the later value is used.",
    en="{record}: the key {key!r} at line {line} repeats the one at line {first}; the later value is used and the earlier one is not converted.",
)
define(
    "import.bad-id",
    severity=Severity.WARNING,
    family=_FAMILY,
    source=_SOURCE,
    title_en="a record's id is empty or holds white space; the record is given a usable id.",
    en="{record}: {id!r} cannot be an id (it is empty or holds white space); this record is given the id {new_id!r}.",
)
define(
    "import.duplicate-id",
    severity=Severity.WARNING,
    family=_FAMILY,
    source=_SOURCE,
    title_en="two records have the same id; the later one is given a new id.",
    en="{record}: the id {id!r} is also the id of {other}; this record is given the id {new_id!r}.",
)
define(
    "import.similar-names",
    severity=Severity.INFO,
    family=_FAMILY,
    source=_SOURCE,
    title_en="two stakeholder names differ by a few letters (perhaps a typing error); both are kept.",
    en="{record}: the name {name!r} differs from {other!r} by a few letters; both are kept as published.",
)
define(
    "import.parent-conflict",
    severity=Severity.WARNING,
    family=_FAMILY,
    source=_SOURCE,
    title_en="an organisation is placed under two different parents; the first is kept.",
    en="{record}: {name!r} is under {parent!r} here, but under {first!r} in {first_record}; the first is kept.",
)
define(
    "import.one-language",
    severity=Severity.INFO,
    family=_FAMILY,
    source=_SOURCE,
    title_en="a bilingual value is given in one language only; that language is kept.",
    en="{record}: {field!r} has no {missing} text; only {present} is kept.",
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
    en="The workbook has no sheet {sheet!r}; it is read as empty.",
)
define(
    "import.missing-heading",
    severity=Severity.ERROR,
    family=_FAMILY,
    source=_SHEETS,
    title_en="a sheet lacks a column it needs; its rows are not read.",
    en="{cell}: the sheet {sheet!r} has no column {heading!r}, which it needs; its rows are not read.",
)
define(
    "import.unknown-sheet",
    severity=Severity.WARNING,
    family=_FAMILY,
    source=_SHEETS,
    title_en="a sheet is not one of the plan template; its rows are kept in the plan's extensions.",
    en="The sheet {sheet!r} is not one of the plan template; its rows are kept in the plan's extensions under {sheet!r}.{hint}",
)
define(
    "import.unknown-column",
    severity=Severity.WARNING,
    family=_FAMILY,
    source=_SHEETS,
    title_en="a column is not a field of its sheet; its values are kept in each row's extensions.",
    en="{cell}: {heading!r} is not a field here; what the column holds is kept in the row's extensions.{hint}",
)
define(
    "import.bad-value",
    severity=Severity.ERROR,
    family=_FAMILY,
    source=_SHEETS,
    title_en="a cell does not hold what its column needs; the value is not read.",
    en="{cell}: {value!r} is not {expected}; it is not read.",
)
define(
    "import.bad-code",
    severity=Severity.ERROR,
    family=_FAMILY,
    source=_SHEETS,
    title_en="a cell holds a code that is not in its codelist; the value is not read.",
    en="{cell}: {value!r} is not a code of {codelist!r}, which has: {codes}.{hint}",
)
define(
    "import.converted-cell",
    severity=Severity.INFO,
    family=_FAMILY,
    source=_SHEETS,
    title_en="a cell holds another type than its column (a number typed as text, a date cell); it is read as the column needs.",
    en="{cell}: the cell holds {actual}; it is read as {read!r}.",
)
define(
    "import.record-not-read",
    severity=Severity.ERROR,
    family=_FAMILY,
    source=_SHEETS,
    title_en="a required value is missing or cannot be read; the record it belongs to is not read.",
    en="{cell}: {heading!r} is required and has no valid value; the record it belongs to is not read.",
)
define(
    "import.unknown-owner",
    severity=Severity.ERROR,
    family=_FAMILY,
    source=_SHEETS,
    title_en="a row belongs to an entity that is not in the plan; the row is not read.",
    en="{cell}: the {owner} this row belongs to ({key}) is not in the plan; the row is not read.",
)
define(
    "import.ambiguous-owner",
    severity=Severity.WARNING,
    family=_FAMILY,
    source=_SHEETS,
    title_en="several rows have the key a row names as its owner; the row is put under one of them.",
    en="{cell}: several rows are the {owner} {key}; the row is put under {chosen}.",
)
define(
    "import.conflicting-cells",
    severity=Severity.ERROR,
    family=_FAMILY,
    source=_SHEETS,
    title_en="several columns give one value in different forms; one of them is read.",
    en="{cell}: the columns {headings} all give this value; {used!r} is read.",
)
define(
    "import.several-plans",
    severity=Severity.ERROR,
    family=_FAMILY,
    source=_SHEETS,
    title_en="the plan sheet has more than one row; a workbook holds one plan, the first.",
    en="{cell}: a workbook holds one plan, and the sheet {sheet!r} has another row here; only its first row is read.",
)
define(
    "import.no-plan",
    severity=Severity.ERROR,
    family=_FAMILY,
    source=_SHEETS,
    title_en="the workbook has no plan: its plan sheet is missing or has no row.",
    en="The workbook has no plan: the sheet {sheet!r} is missing or has no row below its headings.",
)
