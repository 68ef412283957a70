"""
Regenerate the committed files that are derived from the model (``make schema``).

- ``schemas/<version>/action-plan.schema.json`` of every supported OGP JSON version, from the
  attrs classes and codelists (an earlier version's schema never changes: the tests prove it);
- ``schemas/<current>/report.schema.json`` (the validation report; an earlier version's report
  schema is kept as it was published);
- ``schemas/<current>/codelists/*.csv``: the English columns are the source, the columns of
  every other language are written from its translation catalogue;
- ``rules.json`` and ``lifecycle.json`` (the rule catalogue and the lifecycle tables as data)
  and their ``rules.schema.json`` and ``lifecycle.schema.json``, beside the current schema;
- ``stats.schema.json``, the JSON form of `ogpmodel.stats`, beside them;
- the generated reference pages under ``docs/reference/``.

Tests fail when a committed file differs from what this script writes.
"""

import csv
import functools
import io
import json
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ogpmodel.codelists import CodeInfo

ROOT = Path(__file__).resolve().parents[1]


def render_json(data: object) -> str:
    """The committed form of a JSON file: two-space indent, UTF-8, final newline."""
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def outputs() -> dict[Path, Callable[[], str]]:
    """Every generated file and the function that renders its content."""
    from ogpmodel._resources import SCHEMA_VERSION, SUPPORTED_VERSIONS
    from ogpmodel.schema import generate_report_schema, generate_schema
    from tasks import docs

    files: dict[Path, Callable[[], str]] = {
        ROOT / f"schemas/{version}/action-plan.schema.json": (
            lambda version=version: render_json(generate_schema(version))  # type: ignore[misc]
        )
        for version in SUPPORTED_VERSIONS
    }
    files[ROOT / f"schemas/{SCHEMA_VERSION}/report.schema.json"] = lambda: render_json(
        generate_report_schema()
    )
    files.update(codelist_files())
    files.update(published_data())
    files.update({ROOT / path: render for path, render in docs.generated_files().items()})
    return files


def published_data() -> dict[Path, Callable[[], str]]:
    """The rule catalogue and the lifecycle tables as data, with their schemas."""
    from ogpmodel._resources import SCHEMA_VERSION
    from ogpmodel.schema import (
        generate_lifecycle_data,
        generate_lifecycle_schema,
        generate_rules_data,
        generate_rules_schema,
    )
    from ogpmodel.stats import stats_schema

    folder = ROOT / "schemas" / SCHEMA_VERSION
    generators: dict[str, Callable[[], object]] = {
        "rules.json": generate_rules_data,
        "rules.schema.json": generate_rules_schema,
        "lifecycle.json": generate_lifecycle_data,
        "lifecycle.schema.json": generate_lifecycle_schema,
        "stats.schema.json": stats_schema,
    }
    return {
        folder / name: functools.partial(_render, generate) for name, generate in generators.items()
    }


def codelist_files() -> dict[Path, Callable[[], str]]:
    """The codelist files of the current version, with a title and description per language."""
    from ogpmodel._resources import SCHEMA_VERSION

    folder = ROOT / "schemas" / SCHEMA_VERSION / "codelists"
    return {
        path: functools.partial(render_codelist, path.stem) for path in sorted(folder.glob("*.csv"))
    }


def _infos(name: str) -> Iterable["CodeInfo"]:
    from ogpmodel.codelists import CODELISTS, COUNTRIES, OPEN_CODELISTS

    if name == "country":
        return COUNTRIES.values()
    if name in OPEN_CODELISTS:
        return OPEN_CODELISTS[name].codes.values()
    return (code.info() for code in CODELISTS[name])


def render_codelist(name: str) -> str:
    """The file of codelist *name*: each code's title, then description, in every language."""
    from ogpmodel._translations import languages

    langs = languages()
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(
        ["code", *(f"title_{lang}" for lang in langs), *(f"description_{lang}" for lang in langs)]
    )
    for info in _infos(name):
        titles = [info.title(lang) for lang in langs]
        writer.writerow([info.code, *titles, *(info.description(lang) for lang in langs)])
    return out.getvalue()


def _render(generate: Callable[[], object]) -> str:
    return render_json(generate())


def main() -> int:
    """Write every generated file; print the ones that changed."""
    for path, render in outputs().items():
        content = render()
        old = path.read_text(encoding="utf-8") if path.exists() else None
        if old != content:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(content, encoding="utf-8")
            sys.stdout.write(f"wrote {path.relative_to(ROOT)}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
