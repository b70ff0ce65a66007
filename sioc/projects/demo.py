"""Demo cooperation projects of the demo GADs, in our own words.

Facts come from AME's documents (CAF paid the studies of Nabón's drinking-water plant; Cuenca
works with KOICA and KfW on recycling and electric buses; Latacunga lives under the Cotopaxi) and
from public knowledge; amounts and indicators are illustrative. Some projects are born from the
demo expressions of interest (sioc/demands/demo.py).

``load`` is idempotent: a project is found by its title and GAD; on a second run its fields are
updated through the services (only real changes are audited) and nothing is duplicated:
transactions, results and reports are written only when the project is created.
"""

import datetime
from decimal import Decimal

from django.db import transaction
from django.utils.translation import gettext as _

from sioc.accounts.models import User
from sioc.codelists.models import (
    ActivityStatus,
    CooperationType,
    CootadCompetency,
    DacSector,
    Modality,
    SdgGoal,
)
from sioc.demands.models import ExpressionOfInterest
from sioc.organizations.models import Organization
from sioc.projects import services
from sioc.projects.choices import Visibility
from sioc.projects.models import ExchangeRate, Project

AME_OFFICER = "oficial@ame.sioc.demo"
OFFICERS = {
    "0101": "tecnico@cuenca.sioc.demo",
    "0104": "tecnico@nabon.sioc.demo",
    "1101": "tecnico@loja.sioc.demo",
    "0501": "tecnico@latacunga.sioc.demo",
}
D = datetime.date

# Illustrative USD value of one unit, enough to convert the demo transactions.
RATES = [
    ("EUR", D(2024, 1, 2), "1.0950"),
    ("EUR", D(2025, 1, 2), "1.0350"),
    ("EUR", D(2025, 7, 1), "1.1750"),
    ("JPY", D(2024, 1, 4), "0.0070"),
    ("JPY", D(2025, 1, 6), "0.0064"),
    ("KRW", D(2024, 1, 2), "0.00077"),
    ("KRW", D(2025, 1, 2), "0.00068"),
]

# Each project: GAD canton, title, funders (slugs), origin (offer code of a demo expression of
# interest), codes, dates, money, SDGs (goal, %), sectors (DAC code, %), transactions
# (kind, date, value, currency, description), results [(title, [(indicator, unit, baseline,
# target)])], monitoring ("approved+submitted+overdue" for the first periods), publication.
PROJECTS = [
    {
        "gad": "0104",
        "title": "Estudios definitivos de la planta de agua potable del centro cantonal de Nabón",
        "interest_offer": "CAF-AT-AGUA-2026",
        "description": (
            "Consultoría de estudios y diseños definitivos de la nueva planta de tratamiento de "
            "agua potable del centro cantonal, para presentar la obra a financiamiento."
        ),
        "funders": [],
        "modality": "technical_assistance",
        "cooperation_type": "multilateral",
        "status": "2",
        "competency": "d",
        "planned": (D(2025, 1, 1), D(2026, 6, 30)),
        "actual_start": D(2025, 2, 3),
        "currency": "USD",
        "budget": "180000",
        "counterpart": "30000",
        "sdgs": [(6, 80), (11, 20)],
        "sectors": [("14021", 100)],
        "transactions": [
            ("2", D(2025, 1, 20), "180000", "USD", "Convenio de asistencia técnica"),
            ("3", D(2025, 3, 5), "54000", "USD", "Primer desembolso (30 %)"),
            ("4", D(2025, 6, 20), "41000", "USD", "Estudios topográficos y de calidad del agua"),
            ("3", D(2025, 9, 10), "54000", "USD", "Segundo desembolso"),
        ],
        "results": [
            (
                "Estudios y diseños definitivos aprobados",
                [
                    ("Estudios técnicos entregados", "estudios", "0", "5"),
                    ("Habitantes cubiertos por el diseño", "personas", "0", "6200"),
                ],
            )
        ],
        "monitoring": "approved+submitted+overdue",
        "publish": True,
    },
    {
        "gad": "0101",
        "title": "Plan de movilidad eléctrica para el transporte urbano de Cuenca",
        "interest_offer": "GIZ-CIUDADES-INTERMEDIAS",
        "description": (
            "Asistencia técnica para planificar la sustitución progresiva de buses urbanos por "
            "unidades eléctricas, integradas al tranvía."
        ),
        "funders": [],
        "modality": "technical_assistance",
        "cooperation_type": "bilateral",
        "status": "1",
        "competency": "f",
        "planned": (D(2026, 1, 1), D(2027, 6, 30)),
        "currency": "EUR",
        "budget": "250000",
        "counterpart": "40000",
        "sdgs": [(11, 60), (13, 40)],
        "sectors": [("21020", 100)],
        "transactions": [("2", D(2025, 11, 15), "250000", "EUR", "Acuerdo de cooperación técnica")],
        "results": [
            (
                "Plan de electromovilidad aprobado por el Concejo",
                [("Rutas con estudio de sustitución", "rutas", "0", "12")],
            )
        ],
        "monitoring": "",
        "publish": False,
    },
    {
        "gad": "0101",
        "title": "Reciclaje inclusivo con asociaciones de recicladores de base en Cuenca",
        "interest_offer": None,
        "description": (
            "Equipamiento de centros de acopio y formación de las asociaciones de recicladores "
            "para aumentar la recuperación de materiales."
        ),
        "funders": ["koica"],
        "modality": "non_reimbursable",
        "cooperation_type": "bilateral",
        "status": "2",
        "competency": "d",
        "planned": (D(2024, 7, 1), D(2026, 6, 30)),
        "actual_start": D(2024, 8, 1),
        "currency": "KRW",
        "budget": "900000000",
        "counterpart": "120000",
        "sdgs": [(12, 70), (8, 30)],
        "sectors": [("14050", 100)],
        "transactions": [
            ("2", D(2024, 7, 15), "900000000", "KRW", "Compromiso de la donación"),
            ("3", D(2024, 9, 2), "400000000", "KRW", "Primer desembolso"),
            ("4", D(2025, 2, 14), "250000000", "KRW", "Compra de prensas y básculas"),
        ],
        "results": [
            (
                "Más material reciclable recuperado",
                [
                    ("Toneladas recuperadas al mes", "t/mes", "310", "450"),
                    ("Recicladores con seguridad social", "personas", "40", "180"),
                ],
            )
        ],
        "monitoring": "approved",
        "publish": True,
    },
    {
        "gad": "0101",
        "title": "Eficiencia energética en el alumbrado público del centro histórico de Cuenca",
        "interest_offer": None,
        "description": "Cambio a luminarias LED con telegestión en el centro histórico.",
        "funders": ["kfw"],
        "modality": "credit",
        "cooperation_type": "bilateral",
        "status": "2",
        "competency": "g",
        "planned": (D(2025, 4, 1), D(2026, 12, 31)),
        "currency": "EUR",
        "budget": "1200000",
        "counterpart": "200000",
        "sdgs": [(7, 100)],
        "sectors": [("23183", 100)],
        "transactions": [
            ("2", D(2025, 4, 10), "1200000", "EUR", "Contrato de préstamo"),
            ("3", D(2025, 8, 1), "300000", "EUR", "Primer tramo"),
        ],
        "results": [
            ("Consumo eléctrico reducido", [("Luminarias LED instaladas", "u", "0", "3200")])
        ],
        "monitoring": "submitted",
        "publish": True,
    },
    {
        "gad": "1101",
        "title": "Plan maestro de alcantarillado del norte de Loja",
        "interest_offer": "AECID-FCAS-AGUA",
        "description": (
            "Estudios del plan maestro de alcantarillado y tratamiento de aguas residuales de "
            "los barrios del norte de la ciudad."
        ),
        "funders": [],
        "modality": "non_reimbursable",
        "cooperation_type": "bilateral",
        "status": "1",
        "competency": "d",
        "planned": (D(2025, 7, 1), D(2027, 6, 30)),
        "currency": "EUR",
        "budget": "400000",
        "counterpart": "80000",
        "sdgs": [(6, 100)],
        "sectors": [("14022", 100)],
        "transactions": [("2", D(2025, 7, 20), "400000", "EUR", "Resolución de concesión")],
        "results": [
            (
                "Plan maestro aprobado",
                [("Barrios con diseño de alcantarillado", "barrios", "0", "24")],
            )
        ],
        "monitoring": "overdue",
        "publish": False,
    },
    {
        "gad": "1101",
        "title": "Formación del equipo municipal de Loja en proyectos de cooperación",
        "interest_offer": None,
        "description": "Cursos de formulación de proyectos y gestión de la cooperación.",
        "funders": ["aecid"],
        "modality": "training",
        "cooperation_type": "bilateral",
        "status": "3",
        "competency": "n",
        "planned": (D(2024, 3, 1), D(2024, 12, 31)),
        "actual_start": D(2024, 3, 4),
        "currency": "USD",
        "budget": "35000",
        "counterpart": "5000",
        "sdgs": [(17, 100)],
        "sectors": [("15112", 100)],
        "transactions": [
            ("2", D(2024, 2, 20), "35000", "USD", "Compromiso"),
            ("4", D(2024, 11, 30), "33800", "USD", "Cursos y materiales"),
        ],
        "results": [("Técnicos capacitados", [("Técnicos certificados", "personas", "0", "30")])],
        "monitoring": "",
        "publish": True,
    },
    {
        "gad": "0501",
        "title": "Sistema de alerta temprana ante lahares del Cotopaxi en Latacunga",
        "interest_offer": None,
        "description": (
            "Sirenas, rutas de evacuación señalizadas y simulacros en los barrios expuestos a "
            "lahares del volcán Cotopaxi."
        ),
        "funders": ["jica"],
        "modality": "technical_assistance",
        "cooperation_type": "bilateral",
        "status": "2",
        "competency": "m",
        "planned": (D(2025, 1, 1), D(2026, 12, 31)),
        "currency": "JPY",
        "budget": "45000000",
        "counterpart": "60000",
        "sdgs": [(11, 50), (13, 50)],
        "sectors": [("74020", 100)],
        "transactions": [
            ("2", D(2025, 1, 15), "45000000", "JPY", "Registro de discusiones"),
            ("3", D(2025, 5, 6), "15000000", "JPY", "Equipos de alerta"),
        ],
        "results": [
            (
                "Población preparada ante lahares",
                [("Personas que participaron en simulacros", "personas", "0", "20000")],
            )
        ],
        "monitoring": "approved+overdue",
        "publish": True,
    },
    {
        "gad": "2101",
        "title": "Reforestación de riberas del río Aguarico en Lago Agrio",
        "interest_offer": None,
        "description": "Restauración de riberas con especies nativas junto con las comunidades.",
        "funders": ["pnud"],
        "modality": "non_reimbursable",
        "cooperation_type": "multilateral",
        "status": "2",
        "competency": "j",
        "planned": (D(2025, 3, 1), D(2026, 2, 28)),
        "currency": "USD",
        "budget": "95000",
        "counterpart": "15000",
        "sdgs": [(15, 70), (13, 30)],
        "sectors": [("41030", 100)],
        "transactions": [("2", D(2025, 3, 1), "95000", "USD", "Acuerdo de subvención")],
        "results": [("Riberas restauradas", [("Hectáreas reforestadas", "ha", "0", "60")])],
        "monitoring": "",
        "publish": True,
    },
    {
        "gad": "1301",
        "title": "Espacio público accesible en el centro de Portoviejo",
        "interest_offer": None,
        "description": "Rediseño participativo de plazas y aceras con criterios de accesibilidad.",
        "funders": ["onu-habitat"],
        "modality": "technical_assistance",
        "cooperation_type": "multilateral",
        "status": "1",
        "competency": "g",
        "planned": (D(2026, 2, 1), D(2026, 12, 31)),
        "currency": "USD",
        "budget": "60000",
        "counterpart": None,
        "sdgs": [(11, 100)],
        "sectors": [("43030", 100)],
        "transactions": [],
        "results": [],
        "monitoring": "",
        "publish": False,
    },
]


def load(*, actor, stdout=None) -> dict[str, int]:
    created = updated = 0
    with transaction.atomic():
        _rates()
        gads = {
            o.canton.code: o
            for o in Organization.objects.gads()
            .filter(canton__code__in={p["gad"] for p in PROJECTS})
            .select_related("canton")
        }
        ame = _user(AME_OFFICER, actor)
        for entry in PROJECTS:
            gad = gads.get(entry["gad"])
            if gad is None:
                continue
            officer = _user(OFFICERS.get(entry["gad"]), actor)
            was_created = _project(gad, entry, officer=officer, ame=ame)
            created += was_created
            updated += not was_created
    if stdout is not None:
        stdout.write(
            _("Proyectos de demostración: %(new)d nuevos, %(old)d revisados.")
            % {"new": created, "old": updated}
        )
    try:
        from sioc.projects.iati import demo as iati_demo
    except ImportError:
        pass
    else:
        iati_demo.load(actor=actor, stdout=stdout)
    return {
        "proyectos_demo": Project.objects.managed()
        .filter(title__in=[p["title"] for p in PROJECTS])
        .count()
    }


def _user(email, fallback):
    return (User.objects.filter(email=email).first() if email else None) or fallback


def _rates():
    """The demo's exchange rates, only where the table has none for that day."""
    known = set(ExchangeRate.objects.values_list("currency_id", "date"))
    ExchangeRate.objects.bulk_create(
        ExchangeRate(currency_id=code, date=day, usd_per_unit=Decimal(value))
        for code, day, value in RATES
        if (code, day) not in known
    )


def _fields(gad, entry):
    start, end = entry["planned"]
    fields = {
        "title": entry["title"],
        "description": entry["description"],
        "gads": [gad],
        "cantons": [gad.canton],
        "modality": Modality.objects.filter(code=entry["modality"]).first(),
        "cooperation_type": CooperationType.objects.filter(code=entry["cooperation_type"]).first(),
        "activity_status": ActivityStatus.objects.filter(code=entry["status"]).first(),
        "competency": CootadCompetency.objects.filter(code=entry["competency"]).first(),
        "planned_start": start,
        "planned_end": end,
        "actual_start": entry.get("actual_start"),
        "currency": entry["currency"],
        "budget": Decimal(entry["budget"]) if entry["budget"] else None,
        "counterpart_funds": Decimal(entry["counterpart"]) if entry["counterpart"] else None,
    }
    if entry["interest_offer"]:
        interest = (
            ExpressionOfInterest.objects.filter(gad=gad, offer__code=entry["interest_offer"])
            .select_related("offer__cooperante", "gad__canton")
            .first()
        )
        if interest is not None:
            fields["origin_interest"] = interest
            fields["origin_offer"] = interest.offer
    return fields


def _project(gad, entry, *, officer, ame) -> bool:
    fields = _fields(gad, entry)
    existing = Project.objects.managed().filter(title=entry["title"], gads=gad).first()
    if existing is not None:
        services.update_project(existing, actor=officer, **fields)
        return False
    funders = list(Organization.objects.filter(slug__in=entry["funders"]))
    project = services.create_project(actor=officer, funding=funders, **fields)
    goals = {g.code: g for g in SdgGoal.objects.filter(code__in=[c for c, _p in entry["sdgs"]])}
    services.set_sdgs(
        project,
        [(goals[c], None, Decimal(p)) for c, p in entry["sdgs"] if c in goals],
        actor=officer,
    )
    sectors = {
        s.code: s for s in DacSector.objects.filter(code__in=[c for c, _p in entry["sectors"]])
    }
    services.set_sectors(
        project,
        [(sectors[c], Decimal(p)) for c, p in entry["sectors"] if c in sectors],
        actor=officer,
    )
    for kind, day, value, currency, description in entry["transactions"]:
        services.add_transaction(
            project,
            actor=officer,
            kind=kind,
            date=day,
            value=Decimal(value),
            currency=currency,
            description=description,
        )
    indicators = []
    for title, items in entry["results"]:
        result = services.add_result(project, actor=officer, title=title)
        for name, unit, baseline, target in items:
            indicators.append(
                services.add_indicator(
                    result,
                    actor=officer,
                    name=name,
                    unit=unit,
                    baseline_year=project.planned_start.year - 1,
                    baseline_value=Decimal(baseline),
                    target_value=Decimal(target),
                )
            )
    if entry["monitoring"]:
        _monitoring(project, entry["monitoring"], indicators, officer=officer, ame=ame)
    if entry["publish"]:
        services.set_visibility(project, Visibility.PUBLISHED, actor=ame)
    return True


def _monitoring(project, plan, indicators, *, officer, ame):
    """Walk the first periods through the states in ``plan`` (e.g. approved+submitted+overdue):
    approved and submitted reports, then one left open past its due date."""
    services.generate_periods(project, actor=officer)
    periods = list(project.periods.order_by("starts_on"))
    for step, period in zip(plan.split("+"), periods, strict=False):
        if step == "overdue":
            continue  # left open: past its due date it shows as overdue
        values = {
            i: (
                (i.target_value or Decimal(0)) / 4,
                (i.target_value or Decimal(0)) / 5,
                "",
            )
            for i in indicators
        }
        period = services.save_report(
            period,
            actor=officer,
            narrative=_(
                "Se avanzó según el plan del trimestre: reuniones con la comunidad, "
                "contratación y primeras entregas. Sin retrasos significativos."
            ),
            financial_execution=Decimal("25000"),
            values=values,
            submit=True,
            notify=False,
        )
        if step == "approved":
            services.approve_period(
                period, actor=ame, comment=_("Informe completo. Aprobado."), notify=False
            )
