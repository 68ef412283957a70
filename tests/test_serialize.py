"""Tests for ogpmodel.serialize: loads/dumps, files, JSON Lines, and the report on bad documents."""

import io
import json
import pathlib
from typing import Any

import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import ogpmodel
from ogpmodel import InvalidDocument, Text
from tests.builders import complete_local_plan, minimal_plan


def document(**changes: Any) -> dict[str, Any]:
    """The OGP JSON data of the complete local plan, with top-level changes."""
    data = ogpmodel.to_dict(complete_local_plan())
    data.update(changes)
    return data


def codes_at(error: InvalidDocument) -> set[tuple[str, str]]:
    """The (code, path) pairs of an InvalidDocument's report."""
    return {(f.code, f.path) for f in error.report.findings}


class TestRoundTrip:
    def test_plan_round_trips_through_text(self) -> None:
        """loads(dumps(plan)) gives back an equal plan."""
        plan = complete_local_plan()
        assert plan == ogpmodel.loads(ogpmodel.dumps(plan))

    def test_document_round_trips_as_data(self) -> None:
        """dumps(loads(text)) is the same JSON data as the text."""
        text = json.dumps(document())
        assert json.loads(text) == json.loads(ogpmodel.dumps(ogpmodel.loads(text)))

    def test_text_form_is_kept(self) -> None:
        """A plain-string title stays a string, a language map stays a map."""
        plan = minimal_plan(title=Text({"es": "Plan", "en": "Plan"}), description=Text("Hola"))
        data = ogpmodel.to_dict(ogpmodel.loads(ogpmodel.dumps(plan)))
        assert {"es": "Plan", "en": "Plan"} == data["title"]
        assert "Hola" == data["description"]

    def test_extensions_are_kept_verbatim(self) -> None:
        """Nested extension content, nulls and empty lists included, survives a round trip."""
        extra: dict[str, Any] = {
            "x": [1, 2.5, None, {"y": []}],
            "z": {"deep": {"deeper": "é"}},
            "n": None,
        }
        data = document(extensions=extra)
        data["commitments"][0]["extensions"] = {"tracker": {"row": 7}}
        assert data == ogpmodel.to_dict(ogpmodel.from_dict(data))

    def test_partial_date_precision_is_kept(self) -> None:
        """Year, month and day precision are written back as given."""
        data = document(period={"start": "2023", "end": "2024-08-31"})
        assert {"start": "2023", "end": "2024-08-31"} == ogpmodel.to_dict(ogpmodel.from_dict(data))[
            "period"
        ]

    def test_schema_version_comes_first(self) -> None:
        """Written documents start with schema_version."""
        assert "schema_version" == next(iter(ogpmodel.to_dict(minimal_plan())))

    def test_absent_and_null_mean_the_same(self) -> None:
        """A null optional field reads as absent and is omitted on output."""
        data = document(description=None, forum=None)
        out = ogpmodel.to_dict(ogpmodel.from_dict(data))
        assert "description" not in out
        assert "forum" not in out

    def test_null_extensions_mean_absent(self) -> None:
        """extensions: null reads as absent, and the schema accepts it too."""
        data = document(extensions=None)
        data["member"]["extensions"] = None
        assert "extensions" not in ogpmodel.to_dict(ogpmodel.from_dict(data))
        assert [] == list(jsonschema.Draft202012Validator(ogpmodel.schema()).iter_errors(data))

    def test_required_empty_commitments_are_written(self) -> None:
        """An empty commitments list is written, since the contract requires the field."""
        assert [] == ogpmodel.to_dict(minimal_plan())["commitments"]

    def test_non_ascii_is_written_as_is(self) -> None:
        """dumps keeps accented characters instead of escaping them."""
        assert "Plan de acción" in ogpmodel.dumps(minimal_plan(title=Text("Plan de acción")))


class TestFiles:
    def test_dump_and_load_a_path(self, tmp_path: pathlib.Path) -> None:
        """dump writes a file that load reads back."""
        plan = complete_local_plan()
        target = tmp_path / "plan.json"
        ogpmodel.dump(plan, target)
        assert plan == ogpmodel.load(target)
        assert target.read_text(encoding="utf-8").endswith("}\n")

    def test_dump_and_load_a_file_object(self) -> None:
        """dump and load accept open text files."""
        buffer = io.StringIO()
        ogpmodel.dump(minimal_plan(), buffer)
        buffer.seek(0)
        assert minimal_plan() == ogpmodel.load(buffer)

    def test_loads_accepts_utf8_bytes_with_bom(self) -> None:
        """Bytes are decoded as UTF-8, with or without a byte order mark."""
        raw = ogpmodel.dumps(minimal_plan()).encode("utf-8")
        assert minimal_plan() == ogpmodel.loads(b"\xef\xbb\xbf" + raw)

    def test_loads_refuses_bytes_that_are_not_utf8(self) -> None:
        """Undecodable bytes give schema.invalid-json with a position."""
        with pytest.raises(InvalidDocument) as caught:
            ogpmodel.loads(b'{"a": "\xff"}')
        (finding,) = caught.value.report.findings
        assert "schema.invalid-json" == finding.code
        assert 1 == finding.params["line"]


class TestJsonLines:
    def test_dump_lines_then_iter_load(self, tmp_path: pathlib.Path) -> None:
        """dump_lines writes one document per line and iter_load reads them back in order."""
        plans = [minimal_plan(id=f"plan-{i}") for i in range(3)]
        target = tmp_path / "plans.jsonl"
        assert 3 == ogpmodel.dump_lines(plans, target)
        assert 3 == len(target.read_text(encoding="utf-8").splitlines())
        assert plans == list(ogpmodel.iter_load(target))

    def test_iter_load_skips_blank_lines(self) -> None:
        """Blank lines between documents are ignored."""
        line = ogpmodel.dumps(minimal_plan())
        assert 2 == len(list(ogpmodel.iter_load(io.StringIO(f"{line}\n\n{line}\n"))))

    def test_iter_load_names_the_bad_line(self) -> None:
        """A bad document raises InvalidDocument carrying its line number."""
        line = ogpmodel.dumps(minimal_plan())
        source = io.StringIO(f"{line}\n{line}\n{{oops\n")
        with pytest.raises(InvalidDocument, match="line 3") as caught:
            list(ogpmodel.iter_load(source))
        assert 3 == caught.value.line

    def test_iter_load_reads_lazily(self) -> None:
        """iter_load yields the first plan before reading the rest of the file."""
        line = ogpmodel.dumps(minimal_plan())
        source = io.StringIO(f"{line}\n" * 5)
        plans = ogpmodel.iter_load(source)
        next(plans)
        assert len(line) + 1 == source.tell()


class TestBadDocuments:
    def test_invalid_json_gives_line_and_column(self) -> None:
        """Text that is not JSON reports schema.invalid-json with its position."""
        with pytest.raises(InvalidDocument) as caught:
            ogpmodel.loads('{\n  "id": "x",\n  oops\n}')
        (finding,) = caught.value.report.findings
        assert ("schema.invalid-json", 3, 3) == (
            finding.code,
            finding.params["line"],
            finding.params["column"],
        )

    @pytest.mark.parametrize("text", ["NaN", '{"a": Infinity}', '{"a": -Infinity}'])
    def test_non_json_numbers_are_refused(self, text: str) -> None:
        """NaN and Infinity, which Python's json would accept, are not JSON."""
        with pytest.raises(InvalidDocument) as caught:
            ogpmodel.loads(text)
        assert {"schema.invalid-json"} == caught.value.report.codes

    def test_duplicate_keys_are_refused(self) -> None:
        """A key that appears twice in one object is reported, not silently dropped."""
        with pytest.raises(InvalidDocument) as caught:
            ogpmodel.loads('{"id": "a",\n "id": "b"}')
        (finding,) = caught.value.report.findings
        assert "schema.invalid-json" == finding.code
        assert "'id'" in finding.message

    def test_deep_nesting_is_reported(self) -> None:
        """A document nested too deeply for the parser passes the depth limit (it is JSON)."""
        with pytest.raises(InvalidDocument) as caught:
            ogpmodel.loads("[" * 100_000 + "]" * 100_000)
        assert {"limits.depth"} == caught.value.report.codes

    def test_root_must_be_an_object(self) -> None:
        """A JSON array at the root is a schema.type error at the root path."""
        with pytest.raises(InvalidDocument) as caught:
            ogpmodel.loads("[]")
        assert {("schema.type", "")} == codes_at(caught.value)

    def test_other_versions_are_refused(self) -> None:
        """A document of another OGP JSON version reports schema.version only."""
        with pytest.raises(InvalidDocument) as caught:
            ogpmodel.from_dict(document(schema_version="2.0"))
        assert {("schema.version", "/schema_version")} == codes_at(caught.value)

    def test_missing_version_is_reported(self) -> None:
        """A document without schema_version reports schema.version."""
        data = document()
        del data["schema_version"]
        with pytest.raises(InvalidDocument) as caught:
            ogpmodel.from_dict(data)
        assert {("schema.version", "/schema_version")} == codes_at(caught.value)

    def test_every_problem_is_reported(self) -> None:
        """All problems of a document come back at once, each at its path."""
        data = document(titel="x", status="implementaton", language="español")
        data["member"]["country"] = "XX"
        del data["member"]["name"]
        data["stakeholders"][0]["kind"] = 5
        data["commitments"][0]["ogp_values"] = ["access_to_info"]
        data["commitments"][0]["milestones"][0]["title"] = "  "
        with pytest.raises(InvalidDocument) as caught:
            ogpmodel.from_dict(data)
        expected = {
            ("schema.additional-property", "/titel"),
            ("schema.enum", "/status"),
            ("schema.format", "/language"),
            ("schema.format", "/member/country"),
            ("schema.required", "/member/name"),
            ("schema.type", "/stakeholders/0/kind"),
            ("schema.enum", "/commitments/0/ogp_values/0"),
            ("text.empty", "/commitments/0/milestones/0/title"),
        }
        assert expected == codes_at(caught.value)

    def test_unknown_field_names_the_nearest(self) -> None:
        """An unknown field's message suggests the nearest known field."""
        with pytest.raises(InvalidDocument) as caught:
            ogpmodel.from_dict(document(stauts="planning"))
        (finding,) = caught.value.report.findings
        assert "status" == finding.params["nearest"]
        assert "Did you mean 'status'?" in finding.message
        assert "¿Quiso decir 'status'?" in finding.render("es")

    def test_unknown_code_names_the_valid_ones(self) -> None:
        """A code outside its closed codelist lists the valid codes and the nearest one."""
        with pytest.raises(InvalidDocument) as caught:
            ogpmodel.from_dict(document(status="implementaton"))
        (finding,) = caught.value.report.findings
        assert "implementation" == finding.params["nearest"]
        assert "withdrawn" in finding.params["allowed"]

    def test_unknown_field_inside_extensions_is_fine(self) -> None:
        """Anything goes inside extensions."""
        plan = ogpmodel.from_dict(document(extensions={"stauts": 1}))
        assert 1 == plan.extensions["stauts"]

    def test_impossible_calendar_date_is_reported(self) -> None:
        """A partial date that is not a real calendar date is a schema.format error at its path."""
        data = document()
        data["commitments"][0]["milestones"][0]["period"]["end"] = "2023-02-30"
        with pytest.raises(InvalidDocument) as caught:
            ogpmodel.from_dict(data)
        path = "/commitments/0/milestones/0/period/end"
        assert {("schema.format", path)} == codes_at(caught.value)
        assert "real calendar date" in caught.value.report.findings[0].message

    def test_impossible_full_date_is_reported(self) -> None:
        """A full date that is not a real calendar date is a schema.format error at its path."""
        with pytest.raises(InvalidDocument) as caught:
            ogpmodel.from_dict(document(submitted_on="2023-02-29"))
        assert {("schema.format", "/submitted_on")} == codes_at(caught.value)

    @pytest.mark.parametrize(
        ("field", "value"),
        [("id", 7), ("title", ["x"]), ("history", "planning"), ("commitments", {"id": "x"})],
    )
    def test_values_are_never_coerced(self, field: str, value: object) -> None:
        """A wrong JSON type is an error, never converted into the expected one."""
        with pytest.raises(InvalidDocument) as caught:
            ogpmodel.from_dict(document(**{field: value}))
        assert {("schema.type", f"/{field}")} == codes_at(caught.value)

    def test_error_message_names_paths(self) -> None:
        """The exception's own message names the first problems with their paths and codes."""
        with pytest.raises(InvalidDocument, match=r"/status: .*\[schema\.enum\]"):
            ogpmodel.from_dict(document(status="nope"))

    @given(st.text(max_size=200))
    @settings(max_examples=300)
    def test_any_text_gives_a_plan_or_invalid_document(self, text: str) -> None:
        """No exception other than InvalidDocument escapes loads, whatever the text."""
        report = None
        try:
            ogpmodel.loads(text)
        except InvalidDocument as error:
            report = error.report
        assert report is None or report.errors

    @given(
        st.recursive(
            st.none() | st.booleans() | st.integers() | st.text(max_size=8),
            lambda c: st.lists(c, max_size=3) | st.dictionaries(st.text(max_size=8), c, max_size=3),
            max_leaves=20,
        )
    )
    @settings(max_examples=300)
    def test_any_json_value_in_any_field_is_reported(self, value: Any) -> None:
        """Replacing a field with any JSON value gives a plan or a report, never a crash."""
        for field in ("member", "period", "commitments", "stakeholders", "assessments"):
            data = document(**{field: value})
            findings: tuple[ogpmodel.Finding, ...] = ()
            try:
                ogpmodel.loads(json.dumps(data))
            except InvalidDocument as error:
                findings = error.report.findings
            assert all(f.path.startswith("/") for f in findings)
