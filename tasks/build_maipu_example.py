"""
Build the bundled example ``examples/maipu-2023-2024.json`` from the public record only.

The plan is Maipú's (Chile) OGP Local action plan 2023-2024. Every value comes from the public
pages listed in ``SOURCES``; nothing is filled in where the record is silent (no milestones, no
problem statements for three of the four commitments, no commitment leads). What was left out, and
why, is written into the document itself, under ``extensions.ogpmodel_example.notes``.

Usage::

    python tasks/build_maipu_example.py           # (re)write the example
    python tasks/build_maipu_example.py --check   # exit 1 when the committed file differs
"""

import argparse
import datetime
import io
import sys
from pathlib import Path

import ogpmodel
from ogpmodel import (
    ActionPlan,
    Commitment,
    CommitmentStatus,
    Forum,
    Jurisdiction,
    Link,
    Meeting,
    Member,
    Membership,
    OGPValue,
    PartialDate,
    Period,
    PlanStatus,
    Sector,
    Stakeholder,
    StakeholderKind,
    Text,
    TransitionEvent,
)

ROOT = Path(__file__).resolve().parents[1]
OUTPUT = ROOT / "examples" / "maipu-2023-2024.json"

PLAN_PAGE = "https://www.opengovpartnership.org/documents/action-plan-maipu-chile-2023-2024/"
INCEPTION_REPORT = "https://www.opengovpartnership.org/documents/inception-report-action-plan-maipu-chile-2023-2024/"
COMMITMENT_PAGE = "https://opengovpartnership.org/members/maip%C3%BA-chile/commitments/clmpu0001"
ECLAC_ARTICLE = (
    "https://thelatestnews.world/ilpes-cepal-accompanied-the-municipality-of-maipu-in-the-launch"
    "-of-its-first-local-action-plan-under-the-alliance-for-open-government"
)

#: The public pages every value of the example comes from.
SOURCES = (PLAN_PAGE, INCEPTION_REPORT, COMMITMENT_PAGE, ECLAC_ARTICLE)

#: The plan's title as published, with its en dashes (no Spanish title is given in the sources).
PLAN_TITLE = "Action plan \u2013 Maipú, Chile, 2023 \u2013 2024"

MUNICIPALITY = "municipalidad-maipu"

#: The lead institutions listed on the plan page, in the order given there.
LEAD_INSTITUTIONS = (MUNICIPALITY, "secpla", "daoga", "dipresec", "dideco")

NOTES = (
    "Every value comes from the public pages in 'sources'; where they are silent the field is"
    " absent, and the rule findings of ogpmodel.validate show what the public record lacks.",
    "Title: no Spanish title of the plan is given in the sources, so the published English title"
    " is kept as a language map {'en': ...}.",
    "Period: the end (2024-08) is the documented 'Action Plan End'. No start month is documented;"
    " the start '2023' (year precision) is the first year of the published title ('2023 to 2024')."
    " 2023-03 is the start of commitment CLMPU0001, not of the plan, and is not used as the plan's"
    " start.",
    "Status and history: co_creation -> submitted on 2023-01-31 (the documented 'Date Submitted',"
    " also submitted_on) and submitted -> implementation on 2023-03-30 (the documented public"
    " launch of the plan). The period ended in August 2024, but no day is documented and a"
    " lifecycle event needs one, so no 'ended' event is recorded and the status stays"
    " 'implementation'. No earlier event (planning -> co_creation) is dated in the record.",
    "Lead institutions: the plan page lists the municipality and four directorates (SECPLA, DAOGA,"
    " DIPRESEC, DIDECO) as lead institutions; OGP JSON 1.0 has no plan-level lead field, so their"
    " ids are kept in 'lead_institution_ids'. Which directorate leads which commitment is not"
    " documented (only inferred), so no commitment has lead_ids.",
    "ECLAC/ILPES (multilateral) and Fundación Tribu (civil society) are named as involved in the"
    " record of the plan's launch; what they did in the plan is not documented, so they carry no"
    " roles, are not forum members and support no commitment.",
    "Forum: three OGP forums are documented (12 Oct 2022, 3 Nov 2022, 25 Nov 2022). The forum's"
    " name is not documented: 'Foro OGP Local de Maipú' is a descriptive name, not the official"
    " one. Its members are not documented, so member_ids is empty. The co-creation began with the"
    " 'Consejos Barriales I' diagnosis (undated, so not a meeting), and the plan promises progress"
    " meetings at least every three months plus interim sessions by the driving group.",
    "Commitments: the record names four; only CLMPU0001 has a documented OGP id. The others get"
    " neutral ids after their number in the ECLAC/ILPES article's list (maipu-eclac-1, -3, -4):"
    " ids such as CLMPU0002 would be guesses, and the article's numbering differs from OGP's"
    " (CLMPU0001 is the article's commitment 2, 'Make Maipú a commune for girls, boys and"
    " adolescents'). Commitments are listed in the article's order.",
    "Commitment titles: CLMPU0001 has its Spanish and English titles from the OGP commitment"
    " page; the other three have only the English titles of the ECLAC/ILPES article. The fourth"
    " title is truncated in the copy consulted ('More and Be…') and is kept as it stands.",
    "CLMPU0001: the problem is a paraphrase of the commitment page. Its status quo is only known"
    " to mention COVID-19 and insecurity, which is not a statement of the status quo, so"
    " status_quo is absent (the summary is in the commitment's extensions). No action, expected"
    " results, milestones or strategic-vision goal are documented for any commitment, and no"
    " period, OGP value or problem for commitments other than CLMPU0001.",
    "Commitment status: no progress on any commitment is documented, so every commitment is"
    " 'planned', with no history.",
    "Assessment: the commitment page shows the inception report's summary for CLMPU0001"
    " (Verifiable: Yes; Relevance to OGP values: Yes; a new regulation, policy, practice or"
    " requirement; a positive change that is not binding or institutionalised). The report's date"
    " (not even its year) is not documented, and an inception_report assessment needs one, so the"
    " plan has no assessments; the summary is kept verbatim in CLMPU0001's extensions. Reading the"
    " second statement as potential_for_results 'modest' is an inference and is not recorded.",
    "Not documented, hence absent: description, strategic vision, monitoring body, point of"
    " contact, endorsements and the administration's term end.",
)


def _date(text: str) -> datetime.date:
    """Return the `datetime.date` of an ISO ``YYYY-MM-DD`` string."""
    return datetime.date.fromisoformat(text)


def _month(text: str) -> PartialDate:
    """Return the partial date of ``YYYY`` / ``YYYY-MM`` text."""
    return PartialDate.parse(text)


def stakeholders() -> tuple[Stakeholder, ...]:
    """The municipality, its four lead directorates, and the two partners named in the record."""

    def directorate(stakeholder_id: str, name: str) -> Stakeholder:
        return Stakeholder(
            id=stakeholder_id,
            name=Text(name),
            kind=StakeholderKind.ORGANIZATION,
            sector=Sector.GOVERNMENT,
            parent_id=MUNICIPALITY,
        )

    return (
        Stakeholder(
            id=MUNICIPALITY,
            name=Text("Ilustre Municipalidad de Maipú"),
            kind=StakeholderKind.ORGANIZATION,
            sector=Sector.GOVERNMENT,
        ),
        directorate("secpla", "Secretaría Comunal de Planificación (SECPLA)"),
        directorate("daoga", "Dirección de Aseo, Ornato y Gestión Ambiental (DAOGA)"),
        directorate("dipresec", "Dirección de Prevención y Seguridad Ciudadana (DIPRESEC)"),
        directorate("dideco", "Dirección de Desarrollo Comunitario (DIDECO)"),
        Stakeholder(
            id="eclac-ilpes",
            name=Text({"en": "ECLAC/ILPES", "es": "ILPES-CEPAL"}),
            kind=StakeholderKind.ORGANIZATION,
            sector=Sector.MULTILATERAL,
        ),
        Stakeholder(
            id="fundacion-tribu",
            name=Text("Fundación Tribu"),
            kind=StakeholderKind.ORGANIZATION,
            sector=Sector.CIVIL_SOCIETY,
        ),
    )


def forum() -> Forum:
    """The co-creation forum: its three documented meetings, no documented name or members."""

    def meeting(day: str, title: str, detail: str | None = None) -> Meeting:
        extensions = {"ogpmodel_example": {"documented_detail": detail}} if detail else {}
        return Meeting(date=_date(day), title=Text({"en": title}), extensions=extensions)

    return Forum(
        name=Text("Foro OGP Local de Maipú"),
        meetings=(
            meeting("2022-10-12", "OGP Forum 1", "about 40 people took part"),
            meeting("2022-11-03", "OGP Forum 2", "co-creation of the commitments"),
            meeting("2022-11-25", "OGP Forum 3"),
        ),
        extensions={
            "ogpmodel_example": {
                "name_is_descriptive": True,
                "preceded_by": "Consejos Barriales I (diagnosis)",
                "promised_follow_up": (
                    "progress meetings at least every three months, plus interim sessions"
                    " by the driving group"
                ),
            }
        },
    )


def commitments() -> tuple[Commitment, ...]:
    """The four commitments, in the order of the ECLAC/ILPES article."""

    def other(number: int, title: str, **extra: object) -> Commitment:
        return Commitment(
            id=f"maipu-eclac-{number}",
            title=Text({"en": title}),
            status=CommitmentStatus.PLANNED,
            extensions={
                "ogpmodel_example": {
                    "eclac_article_number": number,
                    "ogp_id_documented": False,
                    **extra,
                }
            },
        )

    clmpu0001 = Commitment(
        id="CLMPU0001",
        title=Text(
            {
                "es": "Maipú, una Comuna de Niños, Niñas y Adolescentes",
                "en": "Maipú, a Commune for Children and Adolescents",
            }
        ),
        status=CommitmentStatus.PLANNED,
        problem=Text(
            {
                "en": (
                    "Children and adolescents are excluded from public space: traffic makes it"
                    " dangerous, spaces are unsafe or hold no interest for them, and there is"
                    " pollution."
                )
            }
        ),
        ogp_values=(OGPValue.CIVIC_PARTICIPATION,),
        period=Period(_month("2023-03"), _month("2024-08")),
        links=(
            Link(
                COMMITMENT_PAGE,
                Text({"en": "CLMPU0001: commitment page on the OGP website"}),
            ),
        ),
        extensions={
            "ogpmodel_example": {
                "eclac_article_number": 2,
                "title_in_eclac_article": "Make Maipú a commune for girls, boys and adolescents",
                "problem_is_paraphrase": True,
                "status_quo_summary": (
                    "mentions COVID-19 and insecurity (the text itself was not in the copy"
                    " consulted)"
                ),
                "inception_report_summary": {
                    "verifiable": "Yes",
                    "relevance_to_ogp_values": "Yes",
                    "statements": [
                        "new regulation, policy, practice or requirement",
                        "positive change … not binding/institutionalized",
                    ],
                    "report": INCEPTION_REPORT,
                    "date_documented": False,
                },
            }
        },
    )
    return (
        other(1, "Neighborhood Plans: the community participates and decides"),
        clmpu0001,
        other(3, "Together we face the micro-dumps (microbasurales) in Maipú"),
        other(
            4,
            "More and Be…",
            title_truncated=True,
            title_note="truncated in the copy consulted; the full title is not documented",
        ),
    )


def build() -> ActionPlan:
    """Return the Maipú 2023-2024 plan as the public record documents it."""
    submitted = _date("2023-01-31")
    return ActionPlan(
        id="maipu-chile-2023-2024",
        title=Text({"en": PLAN_TITLE}),
        language="es",
        member=Member(
            name=Text("Maipú"),
            membership=Membership.LOCAL,
            country="CL",
            jurisdiction=Jurisdiction.MUNICIPALITY,
        ),
        period=Period(_month("2023"), _month("2024-08")),
        status=PlanStatus.IMPLEMENTATION,
        history=(
            TransitionEvent(
                PlanStatus.CO_CREATION,
                PlanStatus.SUBMITTED,
                submitted,
                note=Text({"en": "Date submitted, as given on the OGP plan page."}),
            ),
            TransitionEvent(
                PlanStatus.SUBMITTED,
                PlanStatus.IMPLEMENTATION,
                _date("2023-03-30"),
                note=Text(
                    {
                        "en": (
                            "Public launch of the action plan (mayor Tomás Vodanovic, with"
                            " ECLAC/ILPES and Fundación Tribu), as reported by the ECLAC/ILPES"
                            " article."
                        )
                    }
                ),
            ),
        ),
        submitted_on=submitted,
        stakeholders=stakeholders(),
        forum=forum(),
        commitments=commitments(),
        links=(
            Link(PLAN_PAGE, Text({"en": PLAN_TITLE})),
            Link(
                INCEPTION_REPORT,
                Text({"en": "Inception report on the action plan (OGP website)"}),
            ),
            Link(
                ECLAC_ARTICLE,
                Text(
                    {
                        "en": (
                            "ILPES-CEPAL accompanied the Municipality of Maipú in the launch of"
                            " its first local action plan (article)"
                        )
                    }
                ),
            ),
        ),
        extensions={
            "ogpmodel_example": {
                "sources": list(SOURCES),
                "lead_institution_ids": list(LEAD_INSTITUTIONS),
                "notes": list(NOTES),
            }
        },
    )


def render(plan: ActionPlan) -> str:
    """Return the text `ogpmodel.dump` writes for *plan*."""
    buffer = io.StringIO()
    ogpmodel.dump(plan, buffer)
    return buffer.getvalue()


def main(argv: list[str] | None = None) -> int:
    """Write the example, or with ``--check`` report whether the committed file is current."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[1] if __doc__ else None)
    parser.add_argument(
        "--check", action="store_true", help="do not write; exit 1 if the file differs"
    )
    args = parser.parse_args(argv)
    plan = build()
    if args.check:
        current = OUTPUT.read_text(encoding="utf-8") if OUTPUT.exists() else None
        if current != render(plan):
            sys.stderr.write(f"{OUTPUT.relative_to(ROOT)} is out of date\n")
            return 1
        return 0
    OUTPUT.parent.mkdir(parents=True, exist_ok=True)
    ogpmodel.dump(plan, OUTPUT)
    sys.stdout.write(f"wrote {OUTPUT.relative_to(ROOT)}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
