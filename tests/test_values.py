"""Tests of `ogpmodel.values`: Text, PartialDate, Period and Link."""

import calendar
import datetime
from collections.abc import Callable

import pytest
from hypothesis import assume, example, given
from hypothesis import strategies as st

from ogpmodel import InvalidValue, Link, PartialDate, Period, Text

# --- helpers ------------------------------------------------------------------------------------


def invalid(make: Callable[[], object]) -> InvalidValue:
    """Call *make*, which must raise `InvalidValue`, and return the exception."""
    with pytest.raises(InvalidValue) as info:
        make()
    return info.value


def p(text: str) -> PartialDate:
    """A `PartialDate` from its text."""
    return PartialDate.parse(text)


def op(text: str | None) -> PartialDate | None:
    """A `PartialDate` from its text, or `None`."""
    return None if text is None else PartialDate.parse(text)


#: Years where calendars misbehave: the first and last, century and leap-year boundaries.
EDGE_YEARS = (1, 4, 99, 100, 400, 1900, 1999, 2000, 2023, 2024, 2100, 9996, 9999)


@st.composite
def partial_dates(draw: st.DrawFn) -> PartialDate:
    """Partial dates of every precision, with edge years and month-end days drawn often."""
    year = draw(
        st.one_of(st.sampled_from(EDGE_YEARS), st.integers(2022, 2024), st.integers(1, 9999))
    )
    precision = draw(st.sampled_from(("year", "month", "day")))
    if precision == "year":
        return PartialDate(year)
    month = draw(st.integers(1, 12))
    if precision == "month":
        return PartialDate(year, month)
    last = calendar.monthrange(year, month)[1]
    day = draw(st.one_of(st.sampled_from((1, 28, last)), st.integers(1, last)))
    return PartialDate(year, month, day)


#: Any calendar date OGP JSON can hold, with the plan years drawn often.
dates = st.one_of(
    st.dates(datetime.date(2022, 1, 1), datetime.date(2024, 12, 31)),
    st.dates(datetime.date(1, 1, 1), datetime.date(9999, 12, 31)),
)

LANGUAGE_TAGS = ("en", "es", "es-CL", "fr", "fr-CA", "pt-BR", "zh-Hant", "sl-rozaj")


# --- Text ---------------------------------------------------------------------------------------


class TestText:
    def test_plain_string_is_remembered_as_plain(self) -> None:
        """A text given as a string is plain and writes back as that string."""
        text = Text("Plan de acción")

        expected = (True, "Plan de acción", ())
        assert expected == (text.is_plain, text.to_json(), text.languages)

    def test_language_map_is_remembered_as_map(self) -> None:
        """A text given as a language map is not plain and writes back as an equal map."""
        text = Text({"en": "Action plan", "es": "Plan de acción"})

        expected = (False, {"en": "Action plan", "es": "Plan de acción"}, ("en", "es"))
        assert expected == (text.is_plain, text.to_json(), text.languages)

    def test_to_json_returns_a_fresh_dict(self) -> None:
        """Changing the dict returned by to_json leaves the text unchanged."""
        text = Text({"en": "Action plan"})
        text.to_json()["en"] = "changed"  # type: ignore[index]

        expected = {"en": "Action plan"}
        assert expected == text.to_json()

    def test_map_equality_ignores_order(self) -> None:
        """Two language maps with the same entries in another order are equal."""
        assert Text({"es": "uno", "en": "one"}) == Text({"en": "one", "es": "uno"})

    def test_plain_is_not_equal_to_map(self) -> None:
        """A plain string differs from a one-language map holding the same string."""
        assert Text("x") != Text({"en": "x"})

    @pytest.mark.parametrize(
        ("left", "right"),
        [
            ("x", "y"),
            ({"en": "x"}, {"en": "y"}),
            ({"en": "x"}, {"es": "x"}),
            ({"en": "x"}, {"en": "x", "es": "x"}),
        ],
    )
    def test_different_content_is_unequal(
        self, left: str | dict[str, str], right: str | dict[str, str]
    ) -> None:
        """Texts with different strings or different languages are unequal."""
        assert Text(left) != Text(right)

    def test_is_not_equal_to_a_str(self) -> None:
        """A text never equals a bare string, even with the same content."""
        assert not Text("x") == "x"  # noqa: SIM201 - the == operator is under test

    @given(st.dictionaries(st.sampled_from(LANGUAGE_TAGS), st.text(), min_size=1))
    def test_map_equality_and_hash_survive_reordering(self, entries: dict[str, str]) -> None:
        """A language map equals, and hashes like, the same map reversed and its own JSON form."""
        text = Text(entries)
        reordered = Text(dict(reversed(list(entries.items()))))
        again = Text(text.to_json())

        assert (text, hash(text), text) == (reordered, hash(reordered), again)

    def test_hash_deduplicates_equal_texts(self) -> None:
        """Equal texts collapse to one element of a set, while plain and map forms stay apart."""
        texts = {
            Text({"en": "a", "es": "b"}),
            Text({"es": "b", "en": "a"}),
            Text("a"),
            Text({"en": "a"}),
        }

        expected = 3
        assert expected == len(texts)

    @pytest.mark.parametrize(
        ("entries", "language", "expected"),
        [
            ({"es": "uno", "es-CL": "dos"}, "es-CL", "dos"),
            ({"es-CL": "dos", "es": "uno"}, "es", "uno"),
            ({"es": "uno"}, "es-CL", "uno"),
            ({"es-CL": "dos"}, "es", "dos"),
            ({"EN": "one"}, "en", "one"),
            ({"en": "one", "es": "uno"}, "fr", None),
        ],
    )
    def test_get_from_map(
        self, entries: dict[str, str], language: str, expected: str | None
    ) -> None:
        """An exact tag wins, then a tag with the same primary language, else None."""
        assert expected == Text(entries).get(language)

    @pytest.mark.parametrize(
        ("language", "default_language", "expected"),
        [
            ("en", None, "Plan"),
            ("es", "es", "Plan"),
            ("es-CL", "es", "Plan"),
            ("es", "es-CL", "Plan"),
            ("en", "es", None),
        ],
    )
    def test_get_from_plain(
        self, language: str, default_language: str | None, expected: str | None
    ) -> None:
        """A plain string is in default_language (any language when that is not given)."""
        assert expected == Text("Plan").get(language, default_language=default_language)

    def test_as_dict_files_plain_under_language(self) -> None:
        """A plain string becomes a one-entry map under the given language; a map stays itself."""
        expected = ({"es": "Plan"}, {"en": "Plan"})
        assert expected == (Text("Plan").as_dict("es"), Text({"en": "Plan"}).as_dict("es"))

    @pytest.mark.parametrize(
        ("value", "expected"),
        [
            ("", True),
            ("  \t\n", True),
            ("\u00a0", True),
            ({"en": ""}, True),
            ({"en": "", "es": "  "}, True),
            ("x", False),
            (" x ", False),
            ({"en": " ", "es": "hola"}, False),
        ],
    )
    def test_is_blank(self, value: str | dict[str, str], expected: bool) -> None:
        """Text is blank when every one of its strings is empty or white space."""
        assert expected == Text(value).is_blank

    @pytest.mark.parametrize(
        ("value", "field", "bad"),
        [
            ({"english": "x"}, "Text", "english"),
            ({"en_US": "x"}, "Text", "en_US"),
            ({"": "x"}, "Text", ""),
            ({"en\n": "x"}, "Text", "en\n"),
            ({1: "x"}, "Text", 1),
            ({"en": 1}, "Text['en']", 1),
            ({"en": None}, "Text['en']", None),
            ({"es": "x", "fr": b"x"}, "Text['fr']", b"x"),
            (5, "Text", 5),
            (None, "Text", None),
            (["en", "x"], "Text", ["en", "x"]),
        ],
    )
    def test_rejects_invalid_values(self, value: object, field: str, bad: object) -> None:
        """A bad language tag or a non-string value raises InvalidValue naming where and what."""
        error = invalid(lambda: Text(value))  # type: ignore[arg-type]

        assert (field, bad, True) == (error.field, error.value, repr(bad) in str(error))

    def test_rejects_empty_map(self) -> None:
        """An empty language map is not a text."""
        error = invalid(lambda: Text({}))

        expected: tuple[str, dict[str, str]] = ("Text", {})
        assert expected == (error.field, error.value)

    @pytest.mark.parametrize(
        ("value", "expected"),
        [
            ("Plan", "Plan"),
            ("", ""),
            ({"en": "Plan", "es": "Plan de acción"}, "Plan"),
            ({"en": "  ", "es": "Plan de acción"}, "Plan de acción"),
            ({"en": "", "es": " "}, ""),
        ],
    )
    def test_str(self, value: str | dict[str, str], expected: str) -> None:
        """str() is the plain string, or the first non-blank string of the map."""
        assert expected == str(Text(value))

    @pytest.mark.parametrize(
        ("value", "expected"),
        [("Plan", "Text('Plan')"), ({"en": "Plan"}, "Text({'en': 'Plan'})")],
    )
    def test_repr(self, value: str | dict[str, str], expected: str) -> None:
        """The repr shows the OGP JSON form."""
        assert expected == repr(Text(value))


# --- PartialDate: examples ----------------------------------------------------------------------


class TestPartialDate:
    @pytest.mark.parametrize(
        ("text", "precision"),
        [
            ("2023", "year"),
            ("2023-03", "month"),
            ("2023-03-15", "day"),
            ("0001", "year"),
            ("0001-01-01", "day"),
            ("9999-12", "month"),
            ("9999-12-31", "day"),
        ],
    )
    def test_parse_str_round_trip(self, text: str, precision: str) -> None:
        """Parsing and printing give back the same text and record its precision."""
        date = PartialDate.parse(text)

        assert (text, precision) == (str(date), date.precision)

    def test_parse_reads_parts(self) -> None:
        """Each precision fills in year, month and day as far as given."""
        expected = [(2023, None, None), (2023, 3, None), (2023, 3, 5)]
        dates = (p("2023"), p("2023-03"), p("2023-03-05"))
        assert expected == [(d.year, d.month, d.day) for d in dates]

    @pytest.mark.parametrize(
        "text",
        [
            "2023-13",
            "2023-00",
            "2023-02-30",
            "2023-04-31",
            "2023-01-32",
            "2023-01-00",
            "0000",
            "0000-01-01",
            "2023-1",
            "2023-01-1",
            "23",
            "20231",
            "2023-01-01T00:00",
            "2023\n",
            " 2023",
            "2023 ",
            "2023/01",
            "",
            "March 2023",
        ],
    )
    def test_parse_rejects(self, text: str) -> None:
        """A text that is not a real YYYY, YYYY-MM or YYYY-MM-DD date raises InvalidValue."""
        error = invalid(lambda: PartialDate.parse(text))

        assert ("PartialDate", text, True) == (error.field, error.value, repr(text) in str(error))

    @pytest.mark.parametrize("value", [2023, None, datetime.date(2023, 1, 1)])
    def test_parse_rejects_non_strings(self, value: object) -> None:
        """Only strings are parsed."""
        error = invalid(lambda: PartialDate.parse(value))  # type: ignore[arg-type]

        assert ("PartialDate", value) == (error.field, error.value)

    @pytest.mark.parametrize("text", ["2024-02-29", "2000-02-29", "0004-02-29", "9996-02-29"])
    def test_accepts_leap_days(self, text: str) -> None:
        """29 February exists in leap years, including years divisible by 400."""
        assert datetime.date.fromisoformat(text) == PartialDate.parse(text).earliest

    @pytest.mark.parametrize("text", ["2023-02-29", "1900-02-29", "2100-02-29", "0001-02-29"])
    def test_rejects_missing_leap_days(self, text: str) -> None:
        """29 February does not exist in common years, including centuries not divisible by 400."""
        error = invalid(lambda: PartialDate.parse(text))

        assert ("PartialDate", text) == (error.field, error.value)

    @pytest.mark.parametrize(
        ("text", "earliest", "latest"),
        [
            ("2023-02", "2023-02-01", "2023-02-28"),
            ("2024-02", "2024-02-01", "2024-02-29"),
            ("1900-02", "1900-02-01", "1900-02-28"),
            ("2000-02", "2000-02-01", "2000-02-29"),
            ("2023-04", "2023-04-01", "2023-04-30"),
            ("2023-12", "2023-12-01", "2023-12-31"),
            ("2023", "2023-01-01", "2023-12-31"),
            ("0001", "0001-01-01", "0001-12-31"),
            ("9999", "9999-01-01", "9999-12-31"),
            ("2023-03-15", "2023-03-15", "2023-03-15"),
        ],
    )
    def test_interval_ends(self, text: str, earliest: str, latest: str) -> None:
        """A partial date spans its whole year or month; a day spans itself."""
        date = PartialDate.parse(text)

        assert (earliest, latest) == (date.earliest.isoformat(), date.latest.isoformat())

    @pytest.mark.parametrize(
        ("args", "field", "bad"),
        [
            ((0,), "PartialDate.year", 0),
            ((10000,), "PartialDate.year", 10000),
            ((True,), "PartialDate.year", True),
            (("2023",), "PartialDate.year", "2023"),
            ((2023, 0), "PartialDate.month", 0),
            ((2023, 13), "PartialDate.month", 13),
            ((2023, 1, 0), "PartialDate.day", 0),
            ((2023, 1, 32), "PartialDate.day", 32),
            ((2023, None, 5), "PartialDate.day", 5),
            ((2023, 2, 29), "PartialDate", "2023-02-29"),
            ((2023, 6, 31), "PartialDate", "2023-06-31"),
        ],
    )
    def test_constructor_rejects(self, args: tuple[object, ...], field: str, bad: object) -> None:
        """Out-of-range parts, a day without a month and unreal dates raise InvalidValue."""
        error = invalid(lambda: PartialDate(*args))  # type: ignore[arg-type]

        assert (field, bad) == (error.field, error.value)

    def test_from_date(self) -> None:
        """from_date gives the day-precision partial date of a date."""
        assert p("2024-02-29") == PartialDate.from_date(datetime.date(2024, 2, 29))

    def test_different_precisions_are_unequal(self) -> None:
        """A year is not its first month, nor its first day."""
        expected = [False, False, True]
        assert expected == [
            p("2023") == p("2023-01"),
            p("2023-01") == p("2023-01-01"),
            p("2023-01") == PartialDate(2023, 1),
        ]

    def test_has_no_ordering_operators(self) -> None:
        """Partial dates refuse <, since intervals have no total order; sort_key sorts them."""
        with pytest.raises(TypeError):
            _ = p("2023") < p("2024")

    def test_sort_key_sorts_by_start_then_end(self) -> None:
        """Sorting by sort_key puts earlier starts first and, for equal starts, shorter spans first."""
        dates = [p("2024"), p("2023"), p("2023-01"), p("2023-01-01"), p("2022-12-31")]

        expected = ["2022-12-31", "2023-01-01", "2023-01", "2023", "2024"]
        assert expected == [str(d) for d in sorted(dates, key=PartialDate.sort_key)]

    @pytest.mark.parametrize(
        ("left", "right", "relation"),
        [
            ("2023-03", "2023-04-01", "before"),
            ("2023-03", "2023-03-31", "overlaps"),
            ("2023-03", "2023", "overlaps"),
            ("2023", "2023-12-31", "overlaps"),
            ("2023", "2024-01-01", "before"),
            ("2024-01", "2023", "after"),
            ("2023-03-01", "2023-02", "after"),
            ("2024-03-01", "2024-02", "after"),
            ("2024-02-29", "2024-02", "overlaps"),
        ],
    )
    def test_relations_use_interval_ends(self, left: str, right: str, relation: str) -> None:
        """is_before, is_after and overlaps compare the ends of the two intervals."""
        a, b = p(left), p(right)
        actual = {"before": a.is_before(b), "after": a.is_after(b), "overlaps": a.overlaps(b)}

        assert {key: key == relation for key in actual} == actual

    @pytest.mark.parametrize(
        ("outer", "inner", "expected"),
        [
            ("2023", "2023-03", True),
            ("2023", "2023-12-31", True),
            ("2023-03", "2023-03-15", True),
            ("2023", "2023", True),
            ("2023-03", "2023", False),
            ("2023-03-15", "2023-03", False),
            ("2023", "2024-01", False),
        ],
    )
    def test_contains(self, outer: str, inner: str, expected: bool) -> None:
        """A partial date contains another when the other's whole interval lies within it."""
        assert expected == p(outer).contains(p(inner))

    def test_compares_with_date(self) -> None:
        """A datetime.date counts as its own one-day interval."""
        march = p("2023-03")

        expected = (True, True, True, True)
        assert expected == (
            march.is_before(datetime.date(2023, 4, 1)),
            march.is_after(datetime.date(2023, 2, 28)),
            march.overlaps(datetime.date(2023, 3, 31)),
            march.contains(datetime.date(2023, 3, 1)),
        )

    @pytest.mark.parametrize("text", ["2023", "2023-03", "2023-03-05"])
    def test_repr(self, text: str) -> None:
        """The repr shows the OGP JSON form."""
        assert f"PartialDate({text!r})" == repr(p(text))


# --- PartialDate: properties --------------------------------------------------------------------


class TestPartialDateProperties:
    @given(partial_dates())
    def test_earliest_not_after_latest(self, date: PartialDate) -> None:
        """The first day of the interval is never after its last day."""
        assert date.earliest <= date.latest

    @given(partial_dates())
    def test_interval_matches_precision(self, date: PartialDate) -> None:
        """The interval starts on the first and ends on the last day of its year, month or day."""
        first = datetime.date(date.year, date.month or 1, date.day or 1)
        if date.precision == "year":
            last = datetime.date(date.year, 12, 31)
        elif date.precision == "month":
            assert date.month is not None
            last = datetime.date(
                date.year, date.month, calendar.monthrange(date.year, date.month)[1]
            )
        else:
            last = first

        assert (first, last) == (date.earliest, date.latest)

    @given(partial_dates())
    def test_str_round_trips_through_parse(self, date: PartialDate) -> None:
        """Printing a partial date and parsing the text gives back an equal partial date."""
        again = PartialDate.parse(str(date))

        assert (date, date.precision) == (again, again.precision)

    @given(partial_dates(), partial_dates())
    @example(p("2023"), p("2023-03"))
    @example(p("2023-02"), p("2023-03-01"))
    def test_exactly_one_relation_holds(self, a: PartialDate, b: PartialDate) -> None:
        """Of is_before, is_after and overlaps, exactly one holds for any pair."""
        expected = 1
        assert expected == [a.is_before(b), a.is_after(b), a.overlaps(b)].count(True)

    @given(partial_dates(), partial_dates())
    def test_before_is_converse_of_after(self, a: PartialDate, b: PartialDate) -> None:
        """One partial date is before another exactly when the other is after it."""
        assert a.is_before(b) == b.is_after(a)

    @given(partial_dates())
    def test_before_is_irreflexive(self, a: PartialDate) -> None:
        """No partial date is before (or after) itself."""
        expected = (False, False)
        assert expected == (a.is_before(a), a.is_after(a))

    @given(partial_dates(), partial_dates(), partial_dates())
    def test_before_is_transitive(self, a: PartialDate, b: PartialDate, c: PartialDate) -> None:
        """If a is before b and b is before c, then a is before c."""
        a, b, c = sorted((a, b, c), key=PartialDate.sort_key)
        assume(a.is_before(b) and b.is_before(c))

        assert a.is_before(c)

    @given(partial_dates(), partial_dates())
    def test_overlaps_is_symmetric(self, a: PartialDate, b: PartialDate) -> None:
        """One partial date overlaps another exactly when the other overlaps it."""
        assert a.overlaps(b) == b.overlaps(a)

    @given(partial_dates())
    def test_overlaps_is_reflexive(self, a: PartialDate) -> None:
        """Every partial date overlaps and contains itself."""
        expected = (True, True)
        assert expected == (a.overlaps(a), a.contains(a))

    @given(partial_dates(), st.data())
    def test_contains_implies_overlaps(self, b: PartialDate, data: st.DataObject) -> None:
        """A partial date that contains another also overlaps it."""
        coarser = [PartialDate(b.year), b]
        if b.month is not None:
            coarser.append(PartialDate(b.year, b.month))
        a = data.draw(st.one_of(st.sampled_from(coarser), partial_dates()))
        assume(a.contains(b))

        assert a.overlaps(b)

    @given(partial_dates())
    def test_coarser_dates_contain_finer(self, date: PartialDate) -> None:
        """The year, and the month, of a partial date contain it."""
        month = PartialDate(date.year, date.month) if date.month is not None else date

        expected = (True, True)
        assert expected == (PartialDate(date.year).contains(date), month.contains(date))

    @given(partial_dates(), partial_dates())
    def test_sort_key_is_consistent_with_is_before(self, a: PartialDate, b: PartialDate) -> None:
        """If a is before b, then a sorts before b."""
        assume(a.is_before(b))

        assert a.sort_key() < b.sort_key()

    @given(st.lists(partial_dates(), max_size=8))
    def test_sorted_dates_are_never_before_an_earlier_one(self, dates: list[PartialDate]) -> None:
        """After sorting by sort_key, no date is before one that precedes it."""
        ordered = sorted(dates, key=PartialDate.sort_key)
        inversions = [
            (x, y) for i, x in enumerate(ordered) for y in ordered[i + 1 :] if y.is_before(x)
        ]

        expected: list[tuple[PartialDate, PartialDate]] = []
        assert expected == inversions

    @given(partial_dates(), dates)
    def test_date_comparisons_agree_with_day_precision(
        self, a: PartialDate, day: datetime.date
    ) -> None:
        """Comparing with a datetime.date is comparing with its day-precision partial date."""
        same = PartialDate.from_date(day)

        assert (a.is_before(same), a.is_after(same), a.overlaps(same), a.contains(same)) == (
            a.is_before(day),
            a.is_after(day),
            a.overlaps(day),
            a.contains(day),
        )

    @given(dates)
    @example(datetime.date(2024, 2, 29))
    @example(datetime.date(1, 1, 1))
    @example(datetime.date(9999, 12, 31))
    def test_day_overlaps_exactly_its_month_and_year(self, day: datetime.date) -> None:
        """A day-precision date overlaps its own month and year, and no neighbouring ones."""
        date = PartialDate.from_date(day)
        years = range(max(1, day.year - 1), min(9999, day.year + 1) + 1)
        months = [PartialDate(y, m) for y in years for m in range(1, 13)]

        assert ([(day.year, day.month)], [day.year]) == (
            [(m.year, m.month) for m in months if date.overlaps(m)],
            [y for y in years if date.overlaps(PartialDate(y))],
        )


# --- Period -------------------------------------------------------------------------------------


class TestPeriod:
    @pytest.mark.parametrize(
        ("start", "end", "expected"),
        [
            ("2023", "2023-03", False),
            ("2023-03", "2023", False),
            ("2023-03-01", "2023-03", False),
            ("2023-03", "2024-08", False),
            ("2023-03-15", "2023-03-15", False),
            ("2023-03", "2023-02", True),
            ("2023-03-15", "2023-03-14", True),
            ("2024", "2023", True),
            ("2024-01-01", "2023", True),
            (None, "2023", False),
            ("2023", None, False),
            (None, None, False),
        ],
    )
    def test_ends_before_start(self, start: str | None, end: str | None, expected: bool) -> None:
        """Only a given end whose whole interval precedes a given start ends before it."""
        assert expected == Period(op(start), op(end)).ends_before_start()

    @pytest.mark.parametrize(
        ("inner", "outer", "expected"),
        [
            (("2023", "2024"), ("2023-03", "2024-08"), False),
            (("2023-03", "2024-08"), ("2023-03", "2024-08"), False),
            (("2023-04", "2023-05"), ("2023", "2023"), False),
            (("2022-12", "2023-06"), ("2023-01", "2023-12"), True),
            (("2023-02", "2024-01"), ("2023-01", "2023-12"), True),
            (("2025", None), ("2023", "2024"), True),
            ((None, "2022"), ("2023", "2024"), True),
            (("2022-12-31", None), ("2023", None), True),
            ((None, "2025-01-01"), (None, "2024"), True),
            ((None, None), ("2023", "2024"), False),
            (("2022", "2025"), (None, None), False),
            (("2022", None), (None, "2024"), False),
        ],
    )
    def test_is_outside(
        self,
        inner: tuple[str | None, str | None],
        outer: tuple[str | None, str | None],
        expected: bool,
    ) -> None:
        """Only ends that are given and lie wholly outside the other period count as outside."""
        period = Period(op(inner[0]), op(inner[1]))

        assert expected == period.is_outside(Period(op(outer[0]), op(outer[1])))

    def test_unpacks_as_start_and_end(self) -> None:
        """A period unpacks as (start, end)."""
        start, end = Period(p("2023-03"), None)

        assert (p("2023-03"), None) == (start, end)

    @pytest.mark.parametrize(
        ("start", "end", "expected"),
        [("2023", "2024", True), ("2023", None, False), (None, "2024", False), (None, None, False)],
    )
    def test_is_complete(self, start: str | None, end: str | None, expected: bool) -> None:
        """A period is complete when both ends are given."""
        assert expected == Period(op(start), op(end)).is_complete

    @pytest.mark.parametrize(
        ("field", "value"),
        [("start", "2023"), ("end", datetime.date(2023, 1, 1)), ("start", 2023)],
    )
    def test_rejects_non_partial_dates(self, field: str, value: object) -> None:
        """Either end must be a PartialDate or None."""
        error = invalid(lambda: Period(**{field: value}))  # type: ignore[arg-type]

        assert (f"Period.{field}", value, True) == (
            error.field,
            error.value,
            repr(value) in str(error),
        )

    def test_equality_and_hash(self) -> None:
        """Periods with equal ends are equal and hash alike."""
        a, b = Period(p("2023"), p("2024")), Period(p("2023"), p("2024"))

        assert (a, hash(a)) == (b, hash(b))


# --- Link ---------------------------------------------------------------------------------------


class TestLink:
    @pytest.mark.parametrize(
        "url",
        [
            "http://example.org",
            "https://example.org/plan.pdf?page=2#top",
            "HTTPS://EXAMPLE.ORG",
            "https://localhost:8080/",
            "https://www.opengovpartnership.org/members/maipu-chile/",
        ],
    )
    def test_accepts_absolute_http_urls(self, url: str) -> None:
        """Absolute http and https URLs are accepted as given."""
        assert url == Link(url).url

    @pytest.mark.parametrize(
        "url",
        [
            "ftp://x",
            "http://",
            "http://a b",
            "http:/x.org",
            "mailto:a@x.org",
            "https://x.org\n",
            " https://x.org",
            "",
            42,
            None,
        ],
    )
    def test_rejects_other_urls(self, url: object) -> None:
        """Anything but an http(s) URL or a relative reference, without white space, raises."""
        error = invalid(lambda: Link(url))

        assert ("Link.url", url, True) == (error.field, error.value, repr(url) in str(error))

    @pytest.mark.parametrize(
        "url", ["www.x.org", "/en/report", "docs/plan.pdf", "?page=2", "//x.org/a"]
    )
    def test_accepts_relative_references(self, url: str) -> None:
        """A relative reference (OGP JSON 1.1) is kept; it is absolute only with a base."""
        link = Link(url)
        assert (url, True, None) == (link.url, link.is_relative, link.absolute())
        assert link.absolute("https://open.example.org/plan/") is not None

    def test_one_address_per_language(self) -> None:
        """A language map of addresses becomes a Text, and each language resolves on its own."""
        link = Link({"en": "/en/report", "fr": "https://open.canada.ca/fr/rapport"})
        base = "https://open.canada.ca/"
        assert isinstance(link.url, Text)
        assert "https://open.canada.ca/en/report" == link.absolute(base, "en")
        assert "https://open.canada.ca/fr/rapport" == link.absolute(None, "fr")
        assert (None, None) == (link.absolute(None, "en"), link.absolute(base, "de"))
        assert {"en": "/en/report", "fr": "https://open.canada.ca/fr/rapport"} == link.urls()

    @pytest.mark.parametrize("url", [{"en": "a b"}, {"not a tag": "/x"}, {}])
    def test_refuses_a_bad_language_map(self, url: dict[str, str]) -> None:
        """Every address of a map must be a URL reference, under a language tag."""
        with pytest.raises(InvalidValue):
            Link(url)

    def test_accepts_title_and_date(self) -> None:
        """A Text title and a PartialDate date are kept."""
        link = Link("https://x.org", title=Text("Plan"), date=p("2023-03"))

        assert (Text("Plan"), p("2023-03")) == (link.title, link.date)

    @pytest.mark.parametrize(
        ("field", "value"),
        [
            ("title", "Plan"),
            ("title", {"en": "Plan"}),
            ("date", "2023-03"),
            ("date", datetime.date(2023, 3, 1)),
        ],
    )
    def test_rejects_wrong_title_or_date_types(self, field: str, value: object) -> None:
        """The title must be a Text and the date a PartialDate."""
        error = invalid(lambda: Link("https://x.org", **{field: value}))  # type: ignore[arg-type]

        assert (f"Link.{field}", value) == (error.field, error.value)
