"""The benchmark code: the corpus is valid and seeded, the peers keep the contract, strictness."""

import gc
import json
import pathlib

import pytest
from benchmarks import harness, peers, strictness
from benchmarks.corpus import bad_code_documents, main, random_plan

import ogpmodel

ROOT = pathlib.Path(__file__).resolve().parents[1]


def test_corpus_plans_are_seeded() -> None:
    assert ogpmodel.dumps(random_plan(3, 7)) == ogpmodel.dumps(random_plan(3, 7))
    assert ogpmodel.dumps(random_plan(3, 7)) != ogpmodel.dumps(random_plan(3, 8))
    assert ogpmodel.dumps(random_plan(3, 7)) != ogpmodel.dumps(random_plan(4, 7))


@pytest.mark.parametrize("index", range(4))
def test_corpus_plans_have_the_shape_and_no_errors(index: int) -> None:
    plan = random_plan(0, index)
    assert ogpmodel.validate(plan).errors == ()
    assert len(plan.commitments) == 5
    assert all(len(c.milestones) == 9 for c in plan.commitments)
    assert len(plan.stakeholders) == 10
    assert len(plan.assessments) == 2
    assert plan.history
    for commitment in plan.commitments:
        assert bool(commitment.history) == (commitment.status != ogpmodel.CommitmentStatus.PLANNED)
        for milestone in commitment.iter_milestones():
            assert bool(milestone.history) == (milestone.status != ogpmodel.MilestoneStatus.PLANNED)
            assert all(not child.milestones for child in milestone.milestones)
    assert ogpmodel.loads(ogpmodel.dumps(plan)) == plan


def test_some_plans_have_children_and_language_maps() -> None:
    plans = [random_plan(0, i) for i in range(4)]
    assert any(m.milestones for p in plans for c in p.commitments for m in c.milestones)
    assert any(not c.title.is_plain for p in plans for c in p.commitments)


def test_corpus_command_line(tmp_path: pathlib.Path) -> None:
    path = tmp_path / "corpus.jsonl"
    assert main(["--plans", "2", "--seed", "5", "-o", str(path), "--check"]) == 0
    lines = path.read_text(encoding="utf-8").splitlines()
    assert [ogpmodel.loads(line) for line in lines] == [random_plan(5, 0), random_plan(5, 1)]


def test_bad_code_documents() -> None:
    invalid, valid = bad_code_documents(3)
    report = ogpmodel.validate(json.dumps(invalid))
    assert len(report.errors) == 3
    assert {f.code for f in report.errors} == {"schema.enum"}
    assert ogpmodel.from_dict(valid).id == random_plan(0, 0).id


def test_ogpmodel_rejects_every_mutation() -> None:
    texts = strictness.documents()
    assert len(texts) >= 25
    loads = ("ogpmodel.loads", ogpmodel.loads, (ogpmodel.InvalidDocument,))
    outcomes = strictness.rejections(texts, [loads])["ogpmodel.loads"]
    accepted = [name for (name, _), o in zip(texts, outcomes, strict=True) if not o.rejected]
    crashed = [o.crashed for o in outcomes if o.crashed]
    assert accepted == []
    assert crashed == []


def test_round_robin_and_ratio() -> None:
    calls: list[str] = []
    competitors = [
        harness.Competitor("a", lambda: calls.append("a")),
        harness.Competitor("b", lambda: calls.append("b"), per=2),
    ]
    times = harness.round_robin(competitors, 3, warmup=1)
    assert calls == ["a", "b", "a", "b", "b", "a", "a", "b"]
    assert [len(times["a"]), len(times["b"])] == [3, 3]
    figure = harness.summary([1.0, 2.0, 3.0, 4.0, 5.0])
    assert (figure.low, figure.median, figure.high) == (2.0, 3.0, 4.0)
    assert harness.ratio({"x": [2.0, 4.0], "y": [1.0, 1.0]}, "x", "y").median == 3.0


def test_full_passes_counts_the_collectors_full_passes() -> None:
    assert harness.full_passes(lambda: None).number == 0
    passes = harness.full_passes(lambda: [gc.collect(), gc.collect(1), gc.collect()])
    assert passes.number == 2  # a generation 1 pass is not a full one
    assert passes.seconds > 0
    assert gc.get_freeze_count() == 0  # what was frozen for the run is let go after it


def test_a_missing_peer_is_not_installed(monkeypatch: pytest.MonkeyPatch) -> None:
    def absent() -> peers.Peer:
        raise ImportError("no such package")

    monkeypatch.setitem(peers.PEERS, "msgspec", absent)
    peer = peers.load("msgspec")
    assert not peer.installed
    assert peer.decode is None


def test_msgspec_model_follows_the_schema() -> None:
    msgspec = pytest.importorskip("msgspec")
    from benchmarks.peers import msgspec_model

    schema = json.loads(
        (ROOT / "schemas" / ogpmodel.SCHEMA_VERSION / "action-plan.schema.json").read_text()
    )
    definitions = {**schema["$defs"], "ActionPlan": schema}
    for name, definition in definitions.items():
        if definition.get("type") != "object" or "properties" not in definition:
            continue
        struct = getattr(msgspec_model, name)
        if not isinstance(struct, type):  # the tagged union of assessments
            continue
        fields = msgspec.structs.fields(struct)
        assert {f.encode_name for f in fields} == set(definition["properties"]) - {"type"}, name
        required = {f.encode_name for f in fields if f.required}
        assert required == set(definition.get("required", ())) - {"type"}, name


@pytest.mark.parametrize("name", ["pydantic", "msgspec"])
def test_peers_read_and_write_the_corpus(name: str) -> None:
    pytest.importorskip(name)
    peer = peers.load(name)
    assert peer.decode is not None
    assert peer.encode is not None
    for index in range(3):
        text = ogpmodel.dumps(random_plan(0, index))
        assert json.loads(peer.encode(peer.decode(text))) == json.loads(text)  # type: ignore[arg-type]


def test_generated_pydantic_model_is_up_to_date() -> None:
    pytest.importorskip("pydantic")
    from benchmarks.peers import gen_pydantic

    if gen_pydantic.tool("datamodel-codegen") is None or gen_pydantic.tool("ruff") is None:
        pytest.skip("datamodel-code-generator is not installed")

    assert gen_pydantic.main(["--check"]) == 0


def test_import_section_times_each_real_tracker() -> None:
    """The import section converts each tracker the tests keep, against loads of its plan."""
    from benchmarks.__main__ import TRACKERS, Options, Table, import_section

    table = Table()
    import_section(table, Options(plans=0, seed=0, rounds=1, full=False))
    heading, *rows = table.rows
    assert heading.label.startswith("**import")
    assert [f"convert {label}" for label, _, _ in TRACKERS] == [
        r.label.split(" vs ")[0] for r in rows
    ]
    assert all(row.ratio.startswith("x") for row in rows)


def test_peak_rss_measures_the_child_alone() -> None:
    """The peak memory of a process that holds 64 MB is at least 64 MB more than a bare one."""
    from benchmarks.__main__ import peak_rss

    bare = peak_rss("-c", "pass")
    assert peak_rss("-c", "x = b'x' * 64_000_000") - bare > 60_000_000
    assert peak_rss("-c", "pass") < bare + 20_000_000  # not the maximum over every child
