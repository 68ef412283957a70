"""
A deterministic corpus generator: valid OGP JSON plans, seeded, with no Hypothesis.

- `random_plan(seed, index)` builds one plan of the benchmark shape: 5 commitments of
  9 milestones (about a third with two or three children, one nested level), 10 stakeholders,
  2 assessments (an inception report, then an end-of-commitment report or an IRM review), and
  lifecycle histories on the plan, every commitment and every milestone whose status is not
  the initial one. Texts vary (some are language maps), dates and statuses follow the histories
  (a completed milestone closes its children first), so `ogpmodel.validate` reports no errors.
  What OGP JSON 1.1 added is there too: a ``base_url`` that evidence links are relative to,
  addresses per language, acronyms (one stakeholder known by its acronym only) and other
  names, milestone descriptions, completion percents, and some milestone moves dated by a
  month. Plan *index* of a seed is the same whatever the corpus size, so a 10x corpus starts
  with the 1x corpus.
- `plans(count, seed)` yields them lazily; `corpus_lines` returns them as JSON Lines texts;
  `cached_corpus` writes a corpus once under ``benchmarks/.cache/`` (never committed).
- `bad_code_documents(bad)` returns a document with *bad* wrong closed-codelist values and the
  same document with valid codes, for the report benchmarks.
- `make_plan(commitments, milestones)` builds one regular plan of any size (the 10x-plan rows).

Command line: ``python -m benchmarks.corpus --plans N --seed S -o FILE.jsonl`` (1,000 plans
are about 20 MB).
"""

import argparse
import datetime
import json
import pathlib
import random
import sys
from collections.abc import Iterator, Sequence
from typing import Any

import ogpmodel
from ogpmodel import (
    ActionPlan,
    Commitment,
    CommitmentDesign,
    CommitmentStatus,
    Completion,
    Contact,
    DidItOpenGovernment,
    DIOGDimension,
    EndOfCommitmentReport,
    Endorsement,
    Forum,
    Goal,
    Identifier,
    InceptionReport,
    InceptionRequirements,
    IRMProduct,
    IrmReview,
    Jurisdiction,
    Link,
    Meeting,
    Member,
    Membership,
    Milestone,
    MilestoneStatus,
    MonitoringBody,
    Novelty,
    OGPValue,
    OtherName,
    PartialDate,
    Period,
    PlanStatus,
    PotentialForResults,
    ProgressReport,
    Role,
    Sector,
    Stakeholder,
    StakeholderKind,
    StrategicVision,
    Text,
    TransitionEvent,
    Verifiable,
)

__all__ = [
    "CACHE",
    "bad_code_documents",
    "cached_corpus",
    "corpus_lines",
    "make_plan",
    "plans",
    "random_plan",
    "write_corpus",
]

#: Where generated corpora are kept between runs (ignored by git).
CACHE = pathlib.Path(__file__).resolve().parent / ".cache"

COMMITMENTS = 5
MILESTONES = 9
STAKEHOLDERS = 10

# --- vocabulary ---------------------------------------------------------------------------------

_VOCABULARY = {
    "es": (
        "participación ciudadana transparencia datos abiertos presupuesto municipal barrio "
        "consulta pública rendición de cuentas portal plataforma vecinos mesa de trabajo "
        "compras públicas contratos informe acceso a la información capacitación funcionarios "
        "comunidad juntas vecinales medio ambiente residuos seguridad salud educación "
        "indicadores seguimiento evaluación cabildo proyecto plan inversión equidad género"
    ),
    "en": (
        "citizen participation transparency open data municipal budget neighbourhood public "
        "consultation accountability portal platform residents working group procurement "
        "contracts report access to information training officials community councils "
        "environment waste safety health education indicators monitoring evaluation town hall "
        "project plan investment equity gender beneficial ownership registry"
    ),
    "fr": (
        "participation citoyenne transparence données ouvertes budget municipal quartier "
        "consultation publique redevabilité portail plateforme habitants groupe de travail "
        "marchés publics contrats rapport accès à l'information formation agents communauté "
        "conseils environnement déchets sécurité santé éducation indicateurs suivi évaluation"
    ),
    "pt": (
        "participação cidadã transparência dados abertos orçamento municipal bairro consulta "
        "pública prestação de contas portal plataforma moradores grupo de trabalho compras "
        "públicas contratos relatório acesso à informação capacitação servidores comunidade "
        "conselhos meio ambiente resíduos segurança saúde educação indicadores monitoramento"
    ),
}
_WORDS = {language: tuple(text.split()) for language, text in _VOCABULARY.items()}

#: Members: (name, country, language, jurisdiction, three-letter code for commitment ids).
_MEMBERS = (
    ("Maipú", "CL", "es", Jurisdiction.MUNICIPALITY, "MPU"),
    ("Peñalolén", "CL", "es", Jurisdiction.MUNICIPALITY, "PNL"),
    ("Jalisco", "MX", "es", Jurisdiction.STATE, "JAL"),
    ("Bogotá", "CO", "es", Jurisdiction.CITY, "BOG"),
    ("Córdoba", "AR", "es", Jurisdiction.PROVINCE, "COR"),
    ("Austin", "US", "en", Jurisdiction.CITY, "AUS"),
    ("Nairobi", "KE", "en", Jurisdiction.COUNTY, "NRB"),
    ("Quezon City", "PH", "en", Jurisdiction.CITY, "QZN"),
    ("Scotland", "GB", "en", Jurisdiction.REGION, "SCO"),
    ("Québec", "CA", "fr-CA", Jurisdiction.PROVINCE, "QBC"),
    ("Paris", "FR", "fr", Jurisdiction.CITY, "PAR"),
    ("Dakar", "SN", "fr", Jurisdiction.CITY, "DKR"),
    ("São Paulo", "BR", "pt", Jurisdiction.CITY, "SPO"),
    ("Contagem", "BR", "pt", Jurisdiction.MUNICIPALITY, "CTG"),
)

_POLICY_AREAS = (
    "open_data",
    "public_participation",
    "public_procurement",
    "access_to_information",
    "fiscal_openness",
    "gender",
    "inclusion",
    "open_contracting",
    "digital_transformation",
    "capacity_building",
)
_CORE_VALUES = (
    OGPValue.ACCESS_TO_INFORMATION,
    OGPValue.CIVIC_PARTICIPATION,
    OGPValue.PUBLIC_ACCOUNTABILITY,
)
_CIVIC_SECTORS = (Sector.CIVIL_SOCIETY, Sector.ACADEMIA, Sector.PRIVATE_SECTOR, Sector.COMMUNITY)
_ACRONYMS = ("SECPLA", "DIDECO", "DOM", "DAF")
#: The completion percent a progress report gives at each level.
_PERCENTS = {Completion.LIMITED: (1, 49), Completion.SUBSTANTIAL: (50, 99)}


class _Writer:
    """Random texts and dates drawn from one `random.Random`."""

    def __init__(self, rng: random.Random, language: str) -> None:
        self.rng = rng
        self.language = language
        self.primary = language.split("-")[0]

    def words(self, low: int, high: int, language: str | None = None) -> str:
        vocabulary = _WORDS[(language or self.primary).split("-")[0]]
        count = self.rng.randint(low, high)
        text = " ".join(self.rng.choice(vocabulary) for _ in range(count))
        return text[0].upper() + text[1:]

    def text(self, low: int, high: int, maps: float = 0.25) -> Text:
        """A plain string in the plan's language, or (with probability *maps*) a language map."""
        if self.rng.random() >= maps:
            return Text(self.words(low, high))
        others = [tag for tag in ("es", "en", "fr", "pt") if tag != self.primary]
        tags = [self.language, *self.rng.sample(others, self.rng.randint(1, 2))]
        return Text({tag: self.words(low, high, tag) for tag in tags})

    def maybe_text(self, probability: float, low: int, high: int) -> Text | None:
        return self.text(low, high) if self.rng.random() < probability else None

    def day_between(self, first: datetime.date, last: datetime.date) -> datetime.date:
        if last <= first:
            return first
        return first + datetime.timedelta(days=self.rng.randint(0, (last - first).days))


def _month(year: int, month: int, add: int = 0) -> PartialDate:
    total = year * 12 + (month - 1) + add
    return PartialDate(total // 12, total % 12 + 1)


def _months(start: PartialDate, end: PartialDate) -> int:
    assert start.month is not None
    assert end.month is not None
    return (end.year - start.year) * 12 + end.month - start.month


def _sub_period(w: _Writer, outer: Period) -> Period:
    """A month-precision period within *outer* (which has month-precision ends)."""
    assert outer.start is not None
    assert outer.end is not None
    assert outer.start.month is not None
    span = _months(outer.start, outer.end)
    first = w.rng.randint(0, max(0, span - 1))
    last = w.rng.randint(first, span)
    return Period(
        _month(outer.start.year, outer.start.month, first),
        _month(outer.start.year, outer.start.month, last),
    )


# --- lifecycle paths ----------------------------------------------------------------------------

_M = MilestoneStatus
_MILESTONE_PATHS: dict[MilestoneStatus, tuple[tuple[MilestoneStatus, ...], ...]] = {
    _M.PLANNED: ((),),
    _M.IN_PROGRESS: ((_M.IN_PROGRESS,),),
    _M.DELAYED: ((_M.DELAYED,), (_M.IN_PROGRESS, _M.DELAYED)),
    _M.COMPLETED: ((_M.COMPLETED,), (_M.IN_PROGRESS, _M.COMPLETED), (_M.DELAYED, _M.COMPLETED)),
    _M.CANCELLED: ((_M.CANCELLED,), (_M.IN_PROGRESS, _M.CANCELLED)),
}
_OPEN_MILESTONE = (_M.PLANNED, _M.IN_PROGRESS, _M.DELAYED, _M.COMPLETED, _M.CANCELLED)
_OPEN_WEIGHTS = (8, 4, 1, 3, 1)
_CLOSED_MILESTONE = (_M.COMPLETED, _M.CANCELLED)
_CLOSED_WEIGHTS = (6, 1)


def _by_month(
    w: _Writer, days: Sequence[datetime.date], first: datetime.date, last: datetime.date
) -> list[datetime.date | PartialDate]:
    """
    *days* (in order), some given by their month as trackers record them.

    A month is used only where it lies after the previous date and before the next day, within
    [first, last]: the order of the history stays certain.
    """
    dated: list[datetime.date | PartialDate] = []
    for index, day in enumerate(days):
        month = PartialDate(day.year, day.month)
        before = _latest(dated[-1]) if dated else first
        after = days[index + 1] if index + 1 < len(days) else last
        fits = before <= month.earliest and month.latest <= after
        dated.append(month if fits and w.rng.random() < 0.3 else day)
    return dated


def _latest(date: datetime.date | PartialDate) -> datetime.date:
    return date.latest if isinstance(date, PartialDate) else date


def _history(
    w: _Writer,
    initial: Any,
    steps: Sequence[Any],
    first: datetime.date,
    last: datetime.date,
    actors: Sequence[str],
    note_states: frozenset[Any],
    *,
    months: bool = False,
) -> tuple[tuple[TransitionEvent[Any], ...], datetime.date]:
    """
    Events from *initial* through *steps*, dated in order within [first, last].

    With *months*, some are dated by their month. Returns the events and the last day the last
    of them may denote.
    """
    days = sorted(w.day_between(first, last) for _ in steps)
    dates: list[datetime.date | PartialDate] = list(days)
    if months:
        dates = _by_month(w, days, first, last)
    events = []
    state = initial
    for step, date in zip(steps, dates, strict=True):
        events.append(
            TransitionEvent(
                state,
                step,
                date,
                actor_id=w.rng.choice(actors) if w.rng.random() < 0.2 else None,
                note=w.text(3, 8) if step in note_states else w.maybe_text(0.05, 3, 6),
            )
        )
        state = step
    return tuple(events), (_latest(dates[-1]) if dates else first)


# --- one plan -----------------------------------------------------------------------------------


def _stakeholders(w: _Writer, member: str) -> tuple[Stakeholder, ...]:
    rng = w.rng
    slug = member.lower().replace(" ", "-")
    people: list[Stakeholder] = [
        Stakeholder(
            id=f"gov-{slug}",
            name=Text(f"{member} " + w.words(1, 2)),
            kind=StakeholderKind.ORGANIZATION,
            sector=Sector.GOVERNMENT,
            acronym=f"GOB{member[:3].upper()}",
            roles=(Role.POINT_OF_CONTACT, Role.HEAD_OF_GOVERNMENT),
            contact=Contact(
                email=f"gobierno.abierto@{slug}.example.org",
                url=f"https://{slug}.example.org/gobierno-abierto",
                phone="+56 2 2677 6000" if rng.random() < 0.5 else None,
            ),
            identifiers=(Identifier(scheme="ogp", id=slug),),
            other_names=(OtherName(name=Text(f"Municipio de {member}"), note=Text("former name")),)
            if rng.random() < 0.5
            else (),
        )
    ]
    for k in range(1, 5):
        acronym_only = k == 4  # a department the records name by its acronym alone
        people.append(
            Stakeholder(
                id=f"gov-{k}",
                name=None if acronym_only else w.text(2, 5, maps=0.2),
                acronym=_ACRONYMS[k - 1] if acronym_only or rng.random() < 0.3 else None,
                kind=StakeholderKind.ORGANIZATION,
                sector=Sector.GOVERNMENT,
                parent_id=people[0].id,
            )
        )
    for k in range(5, STAKEHOLDERS):
        person = k == STAKEHOLDERS - 1
        people.append(
            Stakeholder(
                id=f"cso-{k}",
                name=w.text(2, 5, maps=0.1),
                kind=StakeholderKind.PERSON if person else StakeholderKind.ORGANIZATION,
                sector=Sector.CIVIL_SOCIETY if person else rng.choice(_CIVIC_SECTORS),
                roles=(Role.FORUM_MEMBER,) if k % 2 else (Role.MONITORING_BODY,),
                contact=Contact(email=f"contacto{k}@ong{k}.example.net")
                if rng.random() < 0.4
                else None,
                identifiers=(Identifier(scheme="tax-id", id=f"{rng.randint(10**7, 10**8)}-K"),)
                if rng.random() < 0.3
                else (),
            )
        )
    return tuple(people)


def _milestone(
    w: _Writer,
    identifier: str,
    outer: Period,
    *,
    closed: bool,
    children: int,
    window: tuple[datetime.date, datetime.date],
    government: Sequence[str],
    everyone: Sequence[str],
) -> tuple[Milestone, datetime.date]:
    rng = w.rng
    period = _sub_period(w, outer)
    choices, weights = (
        (_CLOSED_MILESTONE, _CLOSED_WEIGHTS) if closed else (_OPEN_MILESTONE, _OPEN_WEIGHTS)
    )
    status = rng.choices(choices, weights)[0]
    kids: list[Milestone] = []
    last_date = window[0]
    for k in range(children):
        kid, kid_date = _milestone(
            w,
            f"{identifier}.{k + 1}",
            period,
            closed=closed or status is _M.COMPLETED,  # completed: its children are closed
            children=0,
            window=window,
            government=government,
            everyone=everyone,
        )
        kids.append(kid)
        last_date = max(last_date, kid_date)
    paths = _MILESTONE_PATHS[status]
    steps = paths[0] if rng.random() < 0.5 else rng.choice(paths)  # single moves are common
    # A completed milestone moves after its children have closed.
    first = last_date if status is _M.COMPLETED else window[0]
    history, moved = _history(
        w, _M.PLANNED, steps, first, window[1], everyone, frozenset({_M.CANCELLED}), months=True
    )
    progress: tuple[ProgressReport, ...] = ()
    if steps and rng.random() < 0.05:
        level = Completion.SUBSTANTIAL if status is _M.COMPLETED else Completion.LIMITED
        progress = (
            ProgressReport(
                date=PartialDate.from_date(moved),
                status=level,
                completion_percent=rng.randint(*_PERCENTS[level]),
                text=w.text(4, 9, maps=0.1),
                evidence_note=w.maybe_text(0.3, 4, 8),
                author_id=rng.choice(everyone),
            ),
        )
    milestone = Milestone(
        id=identifier,
        title=w.text(2, 4, maps=0.1),
        status=status,
        description=w.maybe_text(0.15, 8, 16),
        expected_outputs=w.maybe_text(0.1, 3, 6),
        period=period if rng.random() < 0.5 else Period(end=period.end),
        responsible_ids=tuple(rng.sample(government, rng.choice((1, 1, 1, 2)))),
        history=history,
        progress=progress,
        milestones=tuple(kids),
        links=(Link(url=f"evidencia/{identifier}"),)  # relative to the plan's base_url
        if rng.random() < 0.08
        else (),
    )
    return milestone, max(last_date, moved)


_C = CommitmentStatus
_COMMITMENT_STATUSES = (_C.PLANNED, _C.IN_PROGRESS, _C.COMPLETED, _C.WITHDRAWN)
_COMMITMENT_WEIGHTS = (2, 5, 3, 1)


def _commitment(
    w: _Writer,
    identifier: str,
    plan_period: Period,
    window: tuple[datetime.date, datetime.date],
    stakeholders: Sequence[Stakeholder],
    goals: Sequence[Goal],
) -> Commitment:
    rng = w.rng
    government = [s.id for s in stakeholders if s.sector is Sector.GOVERNMENT]
    civic = [s.id for s in stakeholders if s.sector is not Sector.GOVERNMENT]
    everyone = [s.id for s in stakeholders]
    status = rng.choices(_COMMITMENT_STATUSES, _COMMITMENT_WEIGHTS)[0]
    assert plan_period.start is not None
    assert plan_period.end is not None
    period = Period(
        _month(plan_period.start.year, plan_period.start.month or 1, rng.randint(0, 3)),
        _month(plan_period.end.year, plan_period.end.month or 12, -rng.randint(0, 3)),
    )
    milestones = []
    last = window[0]
    for m in range(MILESTONES):
        children = rng.choice((2, 2, 3)) if rng.random() < 0.12 else 0
        milestone, moved = _milestone(
            w,
            str(m + 1),
            period,
            closed=status is _C.COMPLETED,
            children=children,
            window=window,
            government=government,
            everyone=everyone,
        )
        milestones.append(milestone)
        last = max(last, moved)
    if status is _C.COMPLETED:
        steps: tuple[CommitmentStatus, ...] = (_C.IN_PROGRESS, _C.COMPLETED)
        start_move = w.day_between(window[0], last)
        history: tuple[TransitionEvent[CommitmentStatus], ...] = (
            TransitionEvent(_C.PLANNED, _C.IN_PROGRESS, start_move),
            TransitionEvent(
                _C.IN_PROGRESS,
                _C.COMPLETED,
                w.day_between(last, min(window[1], last + datetime.timedelta(days=30))),
                actor_id=government[0],
            ),
        )
    else:
        steps = {
            _C.PLANNED: (),
            _C.IN_PROGRESS: (_C.IN_PROGRESS,),
            _C.WITHDRAWN: rng.choice(((_C.WITHDRAWN,), (_C.IN_PROGRESS, _C.WITHDRAWN))),
        }[status]
        history, _ = _history(w, _C.PLANNED, steps, *window, everyone, frozenset({_C.WITHDRAWN}))
    values = rng.sample(_CORE_VALUES, rng.randint(1, 2))
    if rng.random() < 0.3:
        values.append(OGPValue.TECHNOLOGY_AND_INNOVATION)
    progress = tuple(
        _progress(w, date, government[0])
        for date in sorted(w.day_between(*window) for _ in range(rng.randint(0, 1) if steps else 0))
    )
    return Commitment(
        id=identifier,
        title=w.text(3, 7),
        status=status,
        problem=w.text(5, 12, maps=0.15),
        status_quo=w.maybe_text(0.3, 5, 10),
        action=w.text(5, 12, maps=0.15),
        expected_results=w.maybe_text(0.3, 5, 10),
        vision_goal_id=rng.choice(goals).id,
        ogp_values=tuple(values),
        policy_areas=tuple(rng.sample(_POLICY_AREAS, rng.randint(1, 3))),
        primary_sector=rng.choice(("public_safety", "other", None)),
        period=period,
        lead_ids=(rng.choice(government),),
        supporting_ids=tuple(rng.sample(civic, rng.randint(0, 2))),
        milestones=tuple(milestones),
        history=history,
        progress=progress,
        links=(_commitment_link(w, identifier),) if rng.random() < 0.5 else (),
    )


def _progress(w: _Writer, date: datetime.date, author_id: str) -> ProgressReport:
    """A commitment's progress update, with a completion percent half the time."""
    level = w.rng.choice((Completion.LIMITED, Completion.SUBSTANTIAL))
    return ProgressReport(
        date=PartialDate.from_date(date),
        status=level,
        completion_percent=w.rng.randint(*_PERCENTS[level]) if w.rng.random() < 0.5 else None,
        text=w.text(6, 12, maps=0.1),
        challenges=w.maybe_text(0.2, 4, 8),
        author_id=author_id,
    )


def _commitment_link(w: _Writer, identifier: str) -> Link:
    """The commitment's page: one address, or (one time in four) one per language."""
    path = f"commitments/{identifier.lower()}"
    if w.rng.random() < 0.75:
        return Link(url=f"https://ogp.example.org/{path}")
    return Link(url=Text({w.language: f"/{w.primary}/{path}", "en": f"/en/{path}"}))


def random_plan(seed: int, index: int) -> ActionPlan:
    """Plan *index* of the corpus of *seed*: the same plan whatever the corpus size."""
    rng = random.Random(seed * 1_000_003 + index)
    name, country, language, jurisdiction, code = rng.choice(_MEMBERS)
    w = _Writer(rng, language)
    start = PartialDate(rng.randint(2019, 2024), rng.randint(1, 12))
    assert start.month is not None
    end = _month(start.year, start.month, rng.choice((17, 23, 23, 35)))
    period = Period(start, end)
    stakeholders = _stakeholders(w, name)
    government_ids = [s.id for s in stakeholders if s.sector is Sector.GOVERNMENT]
    civic_ids = [s.id for s in stakeholders if s.sector is not Sector.GOVERNMENT]

    # the plan's lifecycle: planning -> co_creation -> submitted -> implementation (-> ended)
    submitted = w.day_between(
        start.earliest - datetime.timedelta(days=45), start.earliest - datetime.timedelta(days=2)
    )
    co_creation = submitted - datetime.timedelta(days=rng.randint(60, 180))
    implementation = w.day_between(start.earliest, start.earliest + datetime.timedelta(days=20))
    ended = rng.random() < 0.2
    history = [
        TransitionEvent(PlanStatus.PLANNING, PlanStatus.CO_CREATION, co_creation),
        TransitionEvent(
            PlanStatus.CO_CREATION, PlanStatus.SUBMITTED, submitted, actor_id=stakeholders[0].id
        ),
        TransitionEvent(PlanStatus.SUBMITTED, PlanStatus.IMPLEMENTATION, implementation),
    ]
    window_end = end.latest
    if ended:
        closing = end.latest + datetime.timedelta(days=rng.randint(1, 60))
        history.append(
            TransitionEvent(
                PlanStatus.IMPLEMENTATION, PlanStatus.ENDED, closing, note=w.maybe_text(0.5, 4, 9)
            )
        )
    window = (implementation, window_end)

    goals = tuple(Goal(id=f"g{k + 1}", text=w.text(6, 14)) for k in range(rng.randint(2, 4)))
    commitments = tuple(
        _commitment(w, f"{country}{code}{c + 1:04d}", period, window, stakeholders, goals)
        for c in range(COMMITMENTS)
    )

    forum_members = (stakeholders[0].id, *rng.sample(civic_ids, 3), rng.choice(government_ids))
    meetings = tuple(
        Meeting(
            date=w.day_between(co_creation, submitted),
            title=w.maybe_text(0.7, 3, 7),
            link=Link(url=f"https://{code.lower()}.example.org/actas/{k}", title=w.text(2, 5))
            if rng.random() < 0.5
            else None,
            information_shared_before=rng.random() < 0.8,
        )
        for k in range(rng.randint(1, 3))
    )
    endorsers = rng.sample(civic_ids, rng.randint(1, 2))
    endorsements = tuple(
        Endorsement(
            stakeholder_id=s, date=w.day_between(co_creation, submitted - datetime.timedelta(1))
        )
        for s in endorsers
    )
    inception = InceptionReport(
        date=PartialDate.from_date(submitted + datetime.timedelta(days=rng.randint(20, 55))),
        requirements=InceptionRequirements(
            forum_exists=True,
            forum_multistakeholder=True,
            plan_endorsed_by_non_government=True,
            website_updated=rng.random() < 0.7,
            information_shared_before_meetings=rng.random() < 0.8,
        ),
        commitments=tuple(
            CommitmentDesign(
                commitment_id=c.id,
                verifiable=rng.choice((Verifiable.YES, Verifiable.YES, Verifiable.UNCLEAR)),
                relevant=True,
                novelty=rng.choice((Novelty.NEW, Novelty.CONTINUATION)),
                potential_for_results=rng.choice(tuple(PotentialForResults)),
            )
            for c in commitments
        ),
        evaluator_id=stakeholders[-1].id,
    )
    completed = [c for c in commitments if c.status is _C.COMPLETED]
    second: EndOfCommitmentReport | IrmReview
    if completed:
        target = rng.choice(completed)
        done = _latest(target.history[-1].date)
        second = EndOfCommitmentReport(
            date=PartialDate.from_date(done + datetime.timedelta(days=rng.randint(5, 28))),
            commitment_id=target.id,
            completion=rng.choice((Completion.SUBSTANTIAL, Completion.COMPLETE)),
            did_it_open_government=DidItOpenGovernment(
                access_to_information=rng.choice(tuple(DIOGDimension)),
                civic_participation=rng.choice(tuple(DIOGDimension)),
                public_accountability=DIOGDimension.NOT_APPLICABLE,
            ),
            explanation=w.text(15, 30),
            evidence=(Link(url=f"https://{code.lower()}.example.org/informe-final"),),
            evaluator_id=stakeholders[-1].id,
        )
    else:
        second = IrmReview(
            date=_month(start.year, start.month, 4),
            commitment_id=rng.choice(commitments).id,
            product=IRMProduct.ACTION_PLAN_REVIEW,
            verifiable=Verifiable.YES,
            relevant=True,
            potential_for_results=rng.choice(tuple(PotentialForResults)),
        )
    member = Member(
        name=Text(name),
        membership=Membership.LOCAL,
        country=country,
        jurisdiction=jurisdiction,
        administration_term_end=_month(end.year, end.month or 12, rng.randint(0, 12))
        if rng.random() < 0.5
        else None,
    )
    slug = name.lower().replace(" ", "-").replace("ú", "u").replace("é", "e").replace("ã", "a")
    slug = "".join(c for c in slug if c.isascii())
    return ActionPlan(
        id=f"{slug}-{country.lower()}-{start.year}-{end.year}-{index}",
        title=w.text(5, 10),
        language=language,
        member=member,
        period=period,
        status=PlanStatus.ENDED if ended else PlanStatus.IMPLEMENTATION,
        base_url=f"https://{code.lower()}.example.org/",
        history=tuple(history),
        submitted_on=submitted,
        description=w.maybe_text(0.7, 15, 30),
        strategic_vision=StrategicVision(text=w.text(10, 20), goals=goals),
        stakeholders=stakeholders,
        point_of_contact_id=stakeholders[0].id,
        forum=Forum(name=w.text(3, 6), member_ids=forum_members, meetings=meetings),
        monitoring_body=MonitoringBody(
            name=w.text(3, 6),
            kind=StakeholderKind.GROUP,
            member_ids=tuple(rng.sample(civic_ids, 2)),
        ),
        endorsements=endorsements,
        commitments=commitments,
        assessments=(inception, second),
        links=(
            Link(
                url=f"https://www.opengovpartnership.org/members/{slug}/",
                title=Text("OGP"),
                date=start,
            ),
        ),
        extensions={"benchmark": {"seed": seed, "index": index}} if rng.random() < 0.3 else {},
    )


def plans(count: int, seed: int = 0) -> Iterator[ActionPlan]:
    """Yield the first *count* plans of the corpus of *seed*, one at a time."""
    for index in range(count):
        yield random_plan(seed, index)


def corpus_lines(count: int, seed: int = 0) -> list[str]:
    """The corpus as compact OGP JSON texts, one per plan."""
    return [ogpmodel.dumps(plan) for plan in plans(count, seed)]


def write_corpus(path: pathlib.Path | str, count: int, seed: int = 0) -> int:
    """Write the corpus as JSON Lines to *path*; return its size in bytes."""
    path = pathlib.Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    ogpmodel.dump_lines(plans(count, seed), path)
    return path.stat().st_size


def cached_corpus(count: int, seed: int = 0) -> pathlib.Path:
    """The JSON Lines file of the corpus, written under `CACHE` on first use."""
    path = CACHE / f"corpus-{count}-seed{seed}.jsonl"
    if not path.exists():
        partial = path.with_suffix(".partial")
        write_corpus(partial, count, seed)
        partial.replace(path)
    return path


# --- documents with bad codes ---------------------------------------------------------------------

#: Wrong values for the closed codelist of milestone statuses (typos, other lists, spaces).
BAD_MILESTONE_STATUSES = ("planed", "complete", "in progress", "done", "ongoing")


def _walk(milestones: list[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    for milestone in milestones:
        yield milestone
        yield from _walk(milestone.get("milestones", []))


def bad_code_documents(bad: int, seed: int = 0) -> tuple[dict[str, Any], dict[str, Any]]:
    """
    A plan document with *bad* wrong milestone statuses, and the same document without them.

    The base is plan 0 of the corpus; when it has fewer milestones than *bad*, commitments of
    1,000 planned milestones each are added. The bad values are spread evenly.
    """
    valid = ogpmodel.to_dict(random_plan(seed, 0))
    sites = list(_walk([m for c in valid["commitments"] for m in c["milestones"]]))
    template = valid["commitments"][0]
    extra = 0
    while len(sites) < bad:
        extra += 1
        batch = [
            {
                "id": str(k + 1),
                "title": f"Hito {k + 1} del compromiso adicional {extra}",
                "status": "planned",
                "period": dict(template["period"]),
                "responsible_ids": list(template["lead_ids"]),
            }
            for k in range(1000)
        ]
        commitment = {
            **template,
            "id": f"{template['id']}-X{extra:03d}",
            "status": "planned",
            "milestones": batch,
        }
        commitment.pop("history", None)
        commitment.pop("progress", None)
        valid["commitments"].append(commitment)
        sites.extend(batch)
    invalid = json.loads(json.dumps(valid))
    targets = list(_walk([m for c in invalid["commitments"] for m in c["milestones"]]))
    step = len(targets) / bad if bad else 1
    for k in range(bad):
        targets[int(k * step)]["status"] = BAD_MILESTONE_STATUSES[k % len(BAD_MILESTONE_STATUSES)]
    return invalid, valid


# --- one regular plan of any size ------------------------------------------------------------------


def _regular_milestone(identifier: str, children: int) -> Milestone:
    return Milestone(
        id=identifier,
        title=Text({"es": f"Hito {identifier}", "en": f"Milestone {identifier}"}),
        status=MilestoneStatus.PLANNED,
        period=Period(PartialDate(2023, 4), PartialDate(2024, 6)),
        responsible_ids=("gov-0",),
        milestones=tuple(_regular_milestone(f"{identifier}.{k}", 0) for k in range(children)),
    )


def make_plan(commitments: int, milestones: int) -> ActionPlan:
    """A valid local plan with *commitments* by *milestones* (half with two children)."""
    stakeholders = tuple(
        Stakeholder(
            id=f"{'gov' if i % 2 == 0 else 'cso'}-{i}",
            name=Text(f"Stakeholder {i}"),
            kind=StakeholderKind.ORGANIZATION,
            sector=Sector.GOVERNMENT if i % 2 == 0 else Sector.CIVIL_SOCIETY,
        )
        for i in range(max(4, commitments))
    )
    return ActionPlan(
        id=f"bench-{commitments}x{milestones}",
        title=Text("Plan de acción de referencia"),
        language="es",
        member=Member(name=Text("Referencia"), membership=Membership.LOCAL, country="CL"),
        period=Period(PartialDate(2023, 1), PartialDate(2024, 12)),
        status=PlanStatus.IMPLEMENTATION,
        history=(
            TransitionEvent(
                PlanStatus.PLANNING, PlanStatus.CO_CREATION, datetime.date(2022, 10, 1)
            ),
            TransitionEvent(
                PlanStatus.CO_CREATION, PlanStatus.SUBMITTED, datetime.date(2023, 1, 31)
            ),
            TransitionEvent(
                PlanStatus.SUBMITTED, PlanStatus.IMPLEMENTATION, datetime.date(2023, 2, 1)
            ),
        ),
        submitted_on=datetime.date(2023, 1, 31),
        strategic_vision=StrategicVision(
            text=Text("Visión"), goals=(Goal(id="g1", text=Text("Meta")),)
        ),
        stakeholders=stakeholders,
        point_of_contact_id="gov-0",
        forum=Forum(name=Text("Foro"), member_ids=("gov-0", "cso-1")),
        monitoring_body=MonitoringBody(
            name=Text("Órgano"), kind=StakeholderKind.GROUP, member_ids=("cso-1",)
        ),
        endorsements=(Endorsement(stakeholder_id="cso-1", date=datetime.date(2023, 1, 20)),),
        commitments=tuple(
            Commitment(
                id=f"CLBEN{c:04d}",
                title=Text(f"Compromiso {c}"),
                status=CommitmentStatus.PLANNED,
                problem=Text("Problema"),
                action=Text("Acción"),
                vision_goal_id="g1",
                ogp_values=(OGPValue.CIVIC_PARTICIPATION,),
                period=Period(PartialDate(2023, 3), PartialDate(2024, 8)),
                lead_ids=(stakeholders[(2 * c) % len(stakeholders)].id,),
                milestones=tuple(
                    _regular_milestone(f"{m + 1}", 2 if m % 2 == 0 else 0)
                    for m in range(milestones)
                ),
            )
            for c in range(1, commitments + 1)
        ),
    )


def main(argv: Sequence[str] | None = None) -> int:
    """Write a corpus as JSON Lines; return the exit code."""
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.corpus", description="Write a seeded corpus of valid plans."
    )
    parser.add_argument("--plans", type=int, default=1000, help="how many plans (1000)")
    parser.add_argument("--seed", type=int, default=0, help="the corpus seed (0)")
    parser.add_argument("-o", "--output", required=True, help="the JSON Lines file to write")
    parser.add_argument(
        "--check", action="store_true", help="validate every plan and fail on any error"
    )
    args = parser.parse_args(argv)
    size = write_corpus(args.output, args.plans, args.seed)
    sys.stdout.write(f"{args.output}: {args.plans} plans, {size / 1e6:.1f} MB\n")
    if args.check:
        for number, plan in enumerate(ogpmodel.iter_load(args.output), start=1):
            report = ogpmodel.validate(plan)
            if not report.is_valid:
                sys.stdout.write(f"plan {number}:\n{report.to_text()}\n")
                return 1
        sys.stdout.write("every plan is valid\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
