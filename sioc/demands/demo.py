"""Demo GAD profiles, needs and expressions of interest, in our own words.

Facts come from AME's documents (Nabón told the Latacunga assembly of 2024 that CAF paid the
studies of its central drinking-water plant and that it belongs to Mercociudades; Cuenca's mayor
spoke at the FLACMA Bureau 2025 about recycling and electric buses with KOICA and KfW; Latacunga
hosted that assembly; the mayors named there) and from public knowledge (the local authorities
elected in 2023 serve from 14 May 2023 to 14 May 2027). A mayor's name appears only where AME's
documents give it. Contacts are the demo accounts, never real people.

``load`` is idempotent and goes through the services: a profile only gets the demo values of the
fields that are still empty; needs are looked up by GAD and title and expressions of interest by
GAD and offer, and are created only when missing (what users did with them later is kept). A
second run writes nothing.
"""

import datetime
from decimal import Decimal

from django.db import transaction
from django.utils.translation import gettext as _

from sioc.accounts.demo import DEMO_PASSWORD
from sioc.accounts.models import User
from sioc.accounts.services import create_user, grant_role
from sioc.codelists.models import CootadCompetency, DacSector, Modality, SdgGoal, SdgTarget
from sioc.common.roles import Role
from sioc.demands import services
from sioc.demands.choices import DigestFrequency, InterestStatus, Maturity, NeedStatus
from sioc.demands.models import ExpressionOfInterest, GadProfile, Need
from sioc.offers.models import Offer
from sioc.organizations.models import Organization
from sioc.territory.models import Parish

TERM = (datetime.date(2023, 5, 14), datetime.date(2027, 5, 14))
AME_OFFICER = "oficial@ame.sioc.demo"
NABON_OFFICER = ("tecnico@nabon.sioc.demo", "Rosa Guamán")

# canton code -> profile fields (codes for the many-to-many fields)
PROFILES = {
    "0104": {
        "mayor_name": "Patricio Maldonado",
        "term": TERM,
        "officer": (NABON_OFFICER[1], NABON_OFFICER[0], "07 227 0000"),
        "pdot_priorities": (
            "Agua potable segura para el centro cantonal y las comunidades rurales.\n"
            "Desarrollo económico local con producción agroecológica y turismo comunitario.\n"
            "Internacionalización del cantón: redes de ciudades, voluntariado y asistencia técnica."
        ),
        "sdgs": [6, 8, 11, 17],
        "competencies": ["a", "d", "n"],
        "networks": ["mercociudades"],
        "digest": DigestFrequency.WEEKLY,
    },
    "0101": {
        "mayor_name": "Cristian Zamora",
        "term": TERM,
        "officer": ("Carolina Ordóñez", "tecnico@cuenca.sioc.demo", "07 413 4900"),
        "pdot_priorities": (
            "Movilidad sostenible: transporte público eléctrico y tranvía integrados.\n"
            "Economía circular: reciclaje inclusivo y reducción de residuos.\n"
            "Eficiencia energética en edificios y alumbrado municipales."
        ),
        "sdgs": [7, 11, 12, 13],
        "competencies": ["d", "f", "n"],
        "networks": [],
        "digest": DigestFrequency.ON_PUBLICATION,
    },
    "1101": {
        "mayor_name": "",
        "term": TERM,
        "officer": ("Luis Jaramillo", "tecnico@loja.sioc.demo", ""),
        "pdot_priorities": (
            "Saneamiento: alcantarillado y tratamiento de aguas residuales de los barrios "
            "periféricos.\nFormación del equipo municipal para formular proyectos de cooperación."
        ),
        "sdgs": [6, 16, 17],
        "competencies": ["d", "n"],
        "networks": [],
        "digest": DigestFrequency.NONE,
    },
    "0501": {
        "mayor_name": "",
        "term": TERM,
        "officer": ("Gabriela Tapia", "tecnico@latacunga.sioc.demo", ""),
        "pdot_priorities": (
            "Gestión del riesgo volcánico del Cotopaxi y preparación de la población.\n"
            "Recuperación del centro histórico y de sus usos culturales."
        ),
        "sdgs": [11, 13],
        "competencies": ["a", "h", "m"],
        "networks": [],
        "digest": DigestFrequency.WEEKLY,
    },
    "2101": {
        "mayor_name": "Abraham Freire",
        "term": TERM,
        "officer": ("", "", ""),
        "pdot_priorities": (
            "Adaptación y mitigación del cambio climático: reforestación y energías renovables."
        ),
        "sdgs": [13, 15],
        "competencies": ["a", "j"],
        "networks": [],
        "digest": DigestFrequency.NONE,
    },
    "1301": {
        "mayor_name": "Javier Pincay",
        "term": TERM,
        "officer": ("", "", ""),
        "pdot_priorities": "Espacio público seguro e incluyente y mercados municipales resilientes.",
        "sdgs": [5, 11],
        "competencies": ["g", "n"],
        "networks": [],
        "digest": DigestFrequency.NONE,
    },
}

NEEDS = [
    {
        "gad": "0104",
        "title": "Estudios de agua potable para las parroquias rurales de Nabón",
        "problem": (
            "Las comunidades de Cochapata, El Progreso y Las Nieves se abastecen de vertientes y "
            "sistemas comunitarios sin tratamiento; en verano el agua se raciona y no hay diseños "
            "para ampliar la cobertura."
        ),
        "objective": (
            "Contar con los estudios de factibilidad y los diseños definitivos de los sistemas de "
            "agua potable rurales, listos para buscar financiamiento de la obra."
        ),
        "beneficiaries_count": 6200,
        "beneficiary_groups": "Familias campesinas y comunidades indígenas de las parroquias rurales",
        "parishes": ["010451", "010452", "010453"],
        "sdgs": [6],
        "targets": ["6.1", "6.b"],
        "competency": "d",
        "sector": "14030",
        "modalities": ["technical_assistance", "non_reimbursable"],
        "budget": "180000",
        "counterpart": "30000",
        "maturity": Maturity.PROFILE,
        "pdot": "Programa de agua potable y saneamiento rural",
        "status": NeedStatus.ACTIVE,
    },
    {
        "gad": "0104",
        "title": "Estudios de la planta de agua potable del centro cantonal",
        "problem": "La planta del centro cantonal no alcanzaba a tratar el caudal que la población necesita.",
        "objective": "Diseños definitivos de la nueva planta de tratamiento de agua potable.",
        "beneficiaries_count": 2500,
        "beneficiary_groups": "Habitantes del centro cantonal",
        "parishes": ["010450"],
        "sdgs": [6],
        "targets": ["6.1"],
        "competency": "d",
        "sector": "14020",
        "modalities": ["technical_assistance", "non_reimbursable"],
        "budget": "120000",
        "counterpart": "15000",
        "maturity": Maturity.STUDIES,
        "pdot": "Programa de agua potable y saneamiento",
        "status": NeedStatus.COVERED,
    },
    {
        "gad": "0104",
        "title": "Turismo comunitario y producción agroecológica en Nabón",
        "problem": "Los emprendimientos comunitarios no llegan a mercados fuera del cantón.",
        "objective": "Fortalecer rutas de turismo comunitario y la comercialización agroecológica.",
        "beneficiaries_count": 400,
        "beneficiary_groups": "Asociaciones de productoras y productores",
        "parishes": [],
        "sdgs": [8, 12],
        "targets": ["8.9"],
        "competency": "a",
        "sector": "33210",
        "modalities": ["technical_assistance", "training", "volunteering"],
        "budget": "60000",
        "counterpart": "10000",
        "maturity": Maturity.IDEA,
        "pdot": "Programa de desarrollo económico local",
        "status": NeedStatus.DRAFT,
    },
    {
        "gad": "0101",
        "title": "Ampliación del reciclaje inclusivo con asociaciones de recicladores",
        "problem": "Una parte pequeña de los residuos reciclables se recupera; el resto llega al relleno.",
        "objective": "Extender la recolección diferenciada y equipar centros de acopio de recicladores.",
        "beneficiaries_count": 120000,
        "beneficiary_groups": "Hogares de la zona urbana y recicladores de base",
        "parishes": [],
        "sdgs": [11, 12],
        "targets": ["11.6", "12.5"],
        "competency": "d",
        "sector": "14050",
        "modalities": ["technical_assistance", "in_kind", "non_reimbursable"],
        "budget": "450000",
        "counterpart": "90000",
        "maturity": Maturity.PROFILE,
        "pdot": "Programa de gestión integral de residuos sólidos",
        "status": NeedStatus.ACTIVE,
    },
    {
        "gad": "0101",
        "title": "Plan de movilidad eléctrica para el transporte urbano",
        "problem": "Los buses a diésel son la principal fuente de contaminación del aire en el centro.",
        "objective": "Estudios técnicos y financieros para sustituir rutas de buses por unidades eléctricas.",
        "beneficiaries_count": 300000,
        "beneficiary_groups": "Usuarios del transporte público urbano",
        "parishes": [],
        "sdgs": [7, 11, 13],
        "targets": ["11.2", "13.2"],
        "competency": "f",
        "sector": "21020",
        "modalities": ["technical_assistance"],
        "budget": "250000",
        "counterpart": "50000",
        "maturity": Maturity.IDEA,
        "pdot": "Programa de movilidad sostenible",
        "status": NeedStatus.ACTIVE,
    },
    {
        "gad": "0101",
        "title": "Voluntariado internacional para la gestión cultural de los barrios",
        "problem": "Los centros culturales barriales tienen poca programación.",
        "objective": "Recibir voluntarios para animar la programación cultural barrial.",
        "beneficiaries_count": 5000,
        "beneficiary_groups": "Jóvenes de barrios urbanos",
        "parishes": [],
        "sdgs": [11],
        "targets": ["11.4"],
        "competency": "h",
        "sector": "16061",
        "modalities": ["volunteering"],
        "budget": None,
        "counterpart": None,
        "maturity": Maturity.IDEA,
        "pdot": "",
        "status": NeedStatus.WITHDRAWN,
    },
    {
        "gad": "1101",
        "title": "Plan maestro de alcantarillado y tratamiento de aguas residuales del norte de Loja",
        "problem": "Los barrios del norte descargan aguas servidas al río Zamora sin tratamiento.",
        "objective": "Plan maestro y diseños de colectores y de una planta de tratamiento.",
        "beneficiaries_count": 45000,
        "beneficiary_groups": "Habitantes de los barrios del norte de la ciudad",
        "parishes": [],
        "sdgs": [6],
        "targets": ["6.2", "6.3"],
        "competency": "d",
        "sector": "14022",
        "modalities": ["technical_assistance", "non_reimbursable"],
        "budget": "380000",
        "counterpart": "80000",
        "maturity": Maturity.PROFILE,
        "pdot": "Programa de saneamiento ambiental",
        "status": NeedStatus.ACTIVE,
    },
    {
        "gad": "1101",
        "title": "Formación del equipo municipal en formulación de proyectos de cooperación",
        "problem": "El GAD pierde convocatorias porque pocos técnicos saben formular proyectos.",
        "objective": "Capacitar a quince servidores en marco lógico, presupuesto y gestión de proyectos.",
        "beneficiaries_count": 15,
        "beneficiary_groups": "Servidores municipales de planificación y cooperación",
        "parishes": [],
        "sdgs": [16, 17],
        "targets": ["16.6", "17.9"],
        "competency": "n",
        "sector": "15110",
        "modalities": ["training"],
        "budget": "20000",
        "counterpart": "5000",
        "maturity": Maturity.IDEA,
        "pdot": "Programa de fortalecimiento institucional",
        "status": NeedStatus.ACTIVE,
    },
    {
        "gad": "0501",
        "title": "Sistema de alerta temprana ante una erupción del Cotopaxi",
        "problem": "Los barrios cercanos a los cauces de lahares no tienen alarmas ni rutas señalizadas.",
        "objective": "Sirenas, señalética de evacuación y simulacros en las parroquias expuestas.",
        "beneficiaries_count": 60000,
        "beneficiary_groups": "Población de las zonas de lahares del Cotopaxi",
        "parishes": ["050156", "050150"],
        "sdgs": [11, 13],
        "targets": ["11.5", "13.1"],
        "competency": "m",
        "sector": "74020",
        "modalities": ["technical_assistance", "in_kind", "exchange"],
        "budget": "300000",
        "counterpart": "60000",
        "maturity": Maturity.PROFILE,
        "pdot": "Programa de gestión de riesgos",
        "status": NeedStatus.ACTIVE,
    },
    {
        "gad": "0501",
        "title": "Rehabilitación de casas patrimoniales del centro histórico de Latacunga",
        "problem": "Varias casas patrimoniales están deterioradas y en riesgo sísmico.",
        "objective": "Inventario, estudios estructurales y un plan de rehabilitación por etapas.",
        "beneficiaries_count": None,
        "beneficiary_groups": "Propietarios y vecinos del centro histórico",
        "parishes": ["050104"],
        "sdgs": [11],
        "targets": ["11.4"],
        "competency": "h",
        "sector": "16061",
        "modalities": ["technical_assistance", "exchange"],
        "budget": "150000",
        "counterpart": None,
        "maturity": Maturity.IDEA,
        "pdot": "Programa de patrimonio cultural",
        "status": NeedStatus.DRAFT,
    },
    {
        "gad": "2101",
        "title": "Reforestación de riberas y adaptación al cambio climático en Lago Agrio",
        "problem": "La deforestación de las riberas aumenta las inundaciones y la erosión.",
        "objective": "Reforestar riberas con especies nativas junto a las comunidades.",
        "beneficiaries_count": 12000,
        "beneficiary_groups": "Comunidades ribereñas y nacionalidades amazónicas",
        "parishes": ["210152", "210156"],
        "sdgs": [13, 15],
        "targets": ["13.1", "15.2"],
        "competency": "j",
        "sector": "41030",
        "modalities": ["non_reimbursable", "volunteering"],
        "budget": "200000",
        "counterpart": "40000",
        "maturity": Maturity.PROFILE,
        "pdot": "Programa de ambiente y cambio climático",
        "status": NeedStatus.ACTIVE,
    },
    {
        "gad": "1301",
        "title": "Espacios públicos seguros para mujeres y niñas en Portoviejo",
        "problem": "Parques y paradas mal iluminados son percibidos como inseguros por las mujeres.",
        "objective": "Diagnóstico participativo y mejoras de iluminación y diseño en diez espacios.",
        "beneficiaries_count": 80000,
        "beneficiary_groups": "Mujeres, niñas y adolescentes de la zona urbana",
        "parishes": [],
        "sdgs": [5, 11],
        "targets": ["5.2", "11.7"],
        "competency": "g",
        "sector": "15180",
        "modalities": ["technical_assistance"],
        "budget": "90000",
        "counterpart": "20000",
        "maturity": Maturity.IDEA,
        "pdot": "Programa de espacio público",
        "status": NeedStatus.ACTIVE,
    },
]

# (canton, offer code, need title or None, final status, who acts at each step, comments)
INTERESTS = [
    {
        "gad": "0104",
        "offer": "CAF-AT-AGUA-2026",
        "need": "Estudios de la planta de agua potable del centro cantonal",
        "status": InterestStatus.APPROVED,
        "officer": NABON_OFFICER[0],
        "justification": (
            "Necesitamos los diseños definitivos de la nueva planta de agua potable del centro "
            "cantonal para pedir el crédito de la obra."
        ),
        "steps": [
            (InterestStatus.IN_REVIEW, "ame", AME_OFFICER, ""),
            (
                InterestStatus.REFERRED,
                "ame",
                AME_OFFICER,
                "Cumple los requisitos de CAF; remitida a su oficina en Quito.",
            ),
            (
                InterestStatus.NEGOTIATION,
                "ame",
                AME_OFFICER,
                "CAF pidió los términos de referencia preliminares.",
            ),
            (InterestStatus.APPROVED, "ame", AME_OFFICER, "CAF aprobó la consultoría de estudios."),
        ],
    },
    {
        "gad": "0101",
        "offer": "GIZ-CIUDADES-INTERMEDIAS",
        "need": "Plan de movilidad eléctrica para el transporte urbano",
        "status": InterestStatus.NEGOTIATION,
        "officer": "tecnico@cuenca.sioc.demo",
        "justification": (
            "La cooperación técnica para ciudades intermedias encaja con el plan de movilidad "
            "eléctrica: buscamos apoyo para los estudios de sustitución de rutas."
        ),
        "steps": [
            (InterestStatus.IN_REVIEW, "ame", AME_OFFICER, ""),
            (InterestStatus.REFERRED, "ame", AME_OFFICER, "Remitida a la GIZ."),
            (
                InterestStatus.NEGOTIATION,
                "cooperante",
                "puntofocal@giz.sioc.demo",
                "Agendamos una reunión técnica con la Dirección de Movilidad.",
            ),
        ],
    },
    {
        "gad": "1101",
        "offer": "AECID-FCAS-AGUA",
        "need": "Plan maestro de alcantarillado y tratamiento de aguas residuales del norte de Loja",
        "status": InterestStatus.REFERRED,
        "officer": "tecnico@loja.sioc.demo",
        "justification": "El plan maestro de alcantarillado del norte es la prioridad de saneamiento del PDOT.",
        "steps": [
            (InterestStatus.IN_REVIEW, "ame", AME_OFFICER, ""),
            (
                InterestStatus.REFERRED,
                "ame",
                AME_OFFICER,
                "Remitida a la Oficina Técnica de Cooperación de la AECID.",
            ),
        ],
    },
    {
        "gad": "0501",
        "offer": "JICA-JPP",
        "need": "Sistema de alerta temprana ante una erupción del Cotopaxi",
        "status": InterestStatus.IN_REVIEW,
        "officer": "tecnico@latacunga.sioc.demo",
        "justification": (
            "La experiencia japonesa en alerta temprana volcánica ayudaría a preparar a los barrios "
            "expuestos a lahares."
        ),
        "steps": [
            (InterestStatus.IN_REVIEW, "ame", AME_OFFICER, "Revisando la cobertura del programa.")
        ],
    },
    {
        "gad": "1101",
        "offer": "CAF-PLT-2027",
        "need": "Formación del equipo municipal en formulación de proyectos de cooperación",
        "status": InterestStatus.SUBMITTED,
        "officer": "tecnico@loja.sioc.demo",
        "justification": "Queremos inscribir a los técnicos de planificación en el programa de liderazgo.",
        "steps": [],
    },
    {
        "gad": "2101",
        "offer": "KOICA-WFK-2026",
        "need": "Reforestación de riberas y adaptación al cambio climático en Lago Agrio",
        "status": InterestStatus.NOT_PURSUED,
        "officer": None,
        "justification": "Pedimos voluntarios para acompañar la reforestación con las comunidades.",
        "steps": [
            (InterestStatus.IN_REVIEW, "ame", AME_OFFICER, ""),
            (InterestStatus.REFERRED, "ame", AME_OFFICER, "Remitida a KOICA."),
            (
                InterestStatus.NOT_PURSUED,
                "cooperante",
                "puntofocal@koica.sioc.demo",
                "En esta convocatoria los voluntarios se asignan a salud y educación.",
            ),
        ],
        "reason": "cooperante_declined",
    },
]


def load(*, actor, stdout=None) -> dict[str, int]:
    with transaction.atomic():
        gads = {
            o.canton.code: o
            for o in Organization.objects.gads()
            .filter(canton__code__in={*PROFILES, *(n["gad"] for n in NEEDS)})
            .select_related("canton")
        }
        users_created = _nabon_officer(gads.get("0104"), actor=actor)
        profiles = sum(
            _profile(gads[code], values, actor=actor)
            for code, values in PROFILES.items()
            if code in gads
        )
        needs = {}
        needs_created = 0
        for entry in NEEDS:
            if entry["gad"] not in gads:
                continue
            need, created = _need(gads[entry["gad"]], entry, actor=actor)
            needs[entry["title"]] = need
            needs_created += created
        interests_created = 0
        for entry in INTERESTS:
            if entry["gad"] in gads:
                interests_created += _interest(gads[entry["gad"]], entry, needs, actor=actor)
    if stdout is not None:
        stdout.write(
            _(
                "Demanda de demostración: %(profiles)d perfiles actualizados, %(needs)d necesidades "
                "y %(interests)d expresiones de interés nuevas."
            )
            % {"profiles": profiles, "needs": needs_created, "interests": interests_created}
        )
        if "0104" in gads:
            stdout.write(
                "  %-32s %s · %s (%s)"
                % (
                    NABON_OFFICER[0],
                    Role.GAD_OFFICER.label,
                    gads["0104"].name,
                    _("cuenta nueva") if users_created else _("contraseña de demostración"),
                )
            )
    return {
        "necesidades_demo": Need.objects.filter(title__in=[n["title"] for n in NEEDS]).count(),
        "expresiones_de_interes_demo": ExpressionOfInterest.objects.filter(
            offer__code__in=[i["offer"] for i in INTERESTS]
        ).count(),
    }


def _nabon_officer(nabon, *, actor) -> int:
    if nabon is None:
        return 0
    email, name = NABON_OFFICER
    user = User.objects.filter(email=email).first()
    created = 0
    if user is None:
        user = create_user(actor=actor, email=email, full_name=name, password=DEMO_PASSWORD)
        created = 1
    grant_role(user, nabon, Role.GAD_OFFICER, actor=actor)
    return created


def _user(email, fallback):
    return (User.objects.filter(email=email).first() if email else None) or fallback


def _profile(gad, values, *, actor) -> int:
    """Fill the fields of the GAD's profile that are still empty. 1 if anything changed."""
    profile = GadProfile.objects.filter(organization=gad).first()
    name, email, phone = values["officer"]
    wanted = {
        "mayor_name": values["mayor_name"],
        "term_start": values["term"][0],
        "term_end": values["term"][1],
        "officer_name": name,
        "officer_email": email,
        "officer_phone": phone,
        "pdot_priorities": values["pdot_priorities"],
    }
    changes = {
        field: value
        for field, value in wanted.items()
        if value not in (None, "") and (profile is None or getattr(profile, field) in (None, ""))
    }
    lists = {
        "priority_sdgs": list(SdgGoal.objects.filter(code__in=values["sdgs"])),
        "priority_competencies": list(
            CootadCompetency.objects.filter(code__in=values["competencies"])
        ),
        "networks": list(Organization.objects.filter(slug__in=values["networks"])),
    }
    for field, items in lists.items():
        if items and (profile is None or not getattr(profile, field).exists()):
            changes[field] = items
    never_chosen = profile is None or (
        profile.digest_frequency == DigestFrequency.NONE and not profile.digest_email
    )
    if values["digest"] != DigestFrequency.NONE and email and never_chosen:
        changes.update(digest_frequency=values["digest"], digest_email=email)
    if not changes:
        return 0
    services.update_profile(profile or services.profile_for(gad), actor=actor, **changes)
    return 1


def _need(gad, entry, *, actor):
    existing = Need.objects.filter(gad=gad, title=entry["title"]).first()
    if existing is not None:
        return existing, 0
    fields = {
        "title": entry["title"],
        "problem": entry["problem"],
        "objective": entry["objective"],
        "beneficiaries_count": entry["beneficiaries_count"],
        "beneficiary_groups": entry["beneficiary_groups"],
        "parishes": list(Parish.objects.filter(code__in=entry["parishes"], canton=gad.canton)),
        "sdgs": list(SdgGoal.objects.filter(code__in=entry["sdgs"])),
        "sdg_targets": list(SdgTarget.objects.filter(code__in=entry["targets"])),
        "competency": CootadCompetency.objects.filter(code=entry["competency"]).first(),
        "sector": DacSector.objects.filter(code=entry["sector"]).first(),
        "modalities": list(Modality.objects.filter(code__in=entry["modalities"])),
        "estimated_budget": Decimal(entry["budget"]) if entry["budget"] else None,
        "counterpart_funds": Decimal(entry["counterpart"]) if entry["counterpart"] else None,
        "maturity": entry["maturity"],
        "pdot_programme": entry["pdot"],
        "status": entry["status"],
    }
    author = _user(PROFILES.get(gad.canton.code, {}).get("officer", ("", ""))[1], actor)
    return services.create_need(actor=author, gad=gad, **fields), 1


def _interest(gad, entry, needs, *, actor) -> int:
    offer = Offer.objects.filter(code=entry["offer"]).select_related("cooperante").first()
    if offer is None or ExpressionOfInterest.objects.filter(gad=gad, offer=offer).exists():
        return 0
    if not offer.is_open_on() or not offer.open_to_gad:
        return 0
    officer = _user(entry["officer"], actor)
    contact = officer if isinstance(officer, User) else None
    interest = services.express_interest(
        actor=officer,
        gad=gad,
        offer=offer,
        need=needs.get(entry["need"]),
        justification=entry["justification"],
        contact_name=contact.full_name if contact else _("Unidad de cooperación del %s") % gad.name,
        contact_email=contact.email if contact else f"cooperacion@{gad.canton.code}.sioc.demo",
        notify=False,
    )
    for to_status, party, email, comment in entry["steps"]:
        reason = entry.get("reason", "") if to_status == InterestStatus.NOT_PURSUED else ""
        interest = services.move_interest(
            interest,
            to_status,
            actor=_user(email, actor),
            party=party,
            comment=comment,
            reason=reason,
            notify=False,
        )
    return 1
