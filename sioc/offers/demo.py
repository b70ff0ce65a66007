"""Demo offers: real programmes of the cooperantes active in Ecuador, in our own words.

The programmes exist (JICA and KOICA volunteers and courses, Japan's grassroots grants, CAF,
BID, World Bank, GIZ, KfW, AFD and BDE finance, the volunteer agencies, the city networks, the
United Nations agencies, the European Union and AECID, and the partners that AME's agendas to
Bogotá 2025 and El Salvador 2024 opened). Amounts appear only where the programme publishes a
ceiling; dates are realistic for 2026–2027 (yearly calls are computed from today, the way the
scheduled task rolls them forward); ``source_url`` is the programme's or the cooperante's
official site, or blank.

``load`` is idempotent: offers are looked up by code and go through the services; an existing
offer is updated only when one of its demo fields differs, so a second run writes no audit
events. The workflow state is set only when an offer is created (what users did with it later
is kept): GIZ's and KOICA's drafts and reviews are created by their demo focal points so that
the review flow can be shown.
"""

import datetime
from decimal import Decimal

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from sioc.accounts.models import User
from sioc.codelists.models import (
    CooperationType,
    CootadCompetency,
    Currency,
    DacSector,
    Modality,
    SdgGoal,
    SdgTarget,
)
from sioc.offers.choices import OfferStatus, Schedule
from sioc.offers.models import Offer
from sioc.offers.services import M2M_FIELDS, change_status, create_offer, update_offer
from sioc.organizations.choices import OrganizationKind as K
from sioc.organizations.models import Organization
from sioc.organizations.services import upsert_organization
from sioc.territory.models import Canton, Province

# Cooperantes that offer something in the catalogue but are not among the organisations' demo.
EXTRA_ORGANIZATIONS: list[dict] = [
    {
        "slug": "oea",
        "kind": K.MULTILATERAL,
        "name": "Organización de los Estados Americanos",
        "acronym": "OEA",
        "country": "US",
        "website": "https://www.oas.org",
        "iati_identifier": "",
        "description": (
            "Foro político del hemisferio, con sede en Washington, del que el Ecuador es miembro "
            "fundador. Su Departamento de Desarrollo Humano, Educación y Empleo administra becas "
            "de posgrado y de desarrollo profesional a las que pueden aplicar servidores "
            "municipales."
        ),
    },
]

# Demo focal points (sioc/accounts/demo.py) act for their organisation's drafts and reviews.
FOCAL_POINTS = {"giz": "puntofocal@giz.sioc.demo", "koica": "puntofocal@koica.sioc.demo"}
AME_REVIEWER = "oficial@ame.sioc.demo"


class _DemoLoader:
    """The loader acts for AME: restoring a demo offer must not send it back to review.

    Not a user (``is_authenticated`` is false, so the audit trail says "sistema"); the role
    policy sees it as an AME administrator.
    """

    is_authenticated = False
    is_active = True
    is_superuser = True
    is_staff = True
    pk = None


def load(*, actor, stdout=None) -> dict[str, int]:
    """Create or update the demo offers (and the few cooperantes they need)."""
    with transaction.atomic():
        for entry in EXTRA_ORGANIZATIONS:
            fields = dict(entry)
            upsert_organization(actor=actor, slug=fields.pop("slug"), **fields)
        refs = _References()
        existing = {
            o.code: o
            for o in Offer.objects.filter(code__in=[e["code"] for e in OFFERS])
            .select_related("cooperante", "cooperation_type", "currency")
            .prefetch_related(*M2M_FIELDS)
        }
        created = updated = 0
        editor = actor if actor is not None else _DemoLoader()
        for entry in OFFERS:
            fields = offer_fields(entry, refs)
            offer = existing.get(entry["code"])
            if offer is None:
                _create(entry, fields, actor=actor)
                created += 1
                continue
            changed = differences(offer, fields)
            if changed:
                update_offer(offer, actor=editor, **changed)
                updated += 1
    if stdout is not None:
        stdout.write(
            _("Ofertas de demostración: %(total)d (%(created)d nuevas, %(updated)d actualizadas).")
            % {"total": len(OFFERS), "created": created, "updated": updated}
        )
    return {"ofertas_demo": len(OFFERS)}


def _user(email, fallback):
    return User.objects.filter(email=email).first() or fallback


def _create(entry, fields, *, actor):
    status = entry.get("status", OfferStatus.PUBLISHED)
    slug = entry["org"]
    if status in (OfferStatus.PUBLISHED, OfferStatus.CLOSED):
        offer = create_offer(actor=actor, status=OfferStatus.PUBLISHED, **fields)
        if status == OfferStatus.CLOSED:
            change_status(
                offer,
                OfferStatus.CLOSED,
                actor=actor,
                comment=entry.get("closing_note", _("La convocatoria terminó.")),
            )
        return
    author = _user(FOCAL_POINTS[slug], actor) if slug in FOCAL_POINTS else actor
    offer = create_offer(actor=author, status=OfferStatus.DRAFT, **fields)
    if status == OfferStatus.IN_REVIEW or entry.get("returned"):
        change_status(offer, OfferStatus.IN_REVIEW, actor=author)
    if entry.get("returned"):
        reviewer = _user(AME_REVIEWER, actor)
        change_status(offer, OfferStatus.DRAFT, actor=reviewer, comment=entry["returned"])


class _References:
    """Code lists and territory by code, read once per load."""

    def __init__(self):
        self.organizations = {o.slug: o for o in Organization.objects.all()}
        self.modalities = {m.code: m for m in Modality.objects.all()}
        self.types = {t.code: t for t in CooperationType.objects.all()}
        self.sdgs = {g.code: g for g in SdgGoal.objects.all()}
        self.targets = {t.code: t for t in SdgTarget.objects.all()}
        self.competencies = {c.code: c for c in CootadCompetency.objects.all()}
        self.sectors = {s.code: s for s in DacSector.objects.all()}
        self.currencies = {c.code: c for c in Currency.objects.all()}
        self.provinces = {p.code: p for p in Province.objects.all()}
        self.cantons = {c.code: c for c in Canton.objects.all()}

    @staticmethod
    def pick(table, codes, what, offer_code):
        missing = [c for c in codes if c not in table]
        if missing:
            raise LookupError(f"{offer_code}: unknown {what} {missing}")
        return [table[c] for c in codes]


def offer_fields(entry, refs, today=None) -> dict:
    """The service fields of a demo entry (codes resolved to records, dates computed)."""
    code = entry["code"]
    pick = refs.pick
    provinces = pick(refs.provinces, entry.get("provinces", ()), "province", code)
    cantons = pick(refs.cantons, entry.get("cantons", ()), "canton", code)
    applicants = entry.get("applicants", ("gad",))
    schedule, opens_on, closes_on = schedule_dates(entry["when"], today)
    amount_min, amount_max, currency = entry.get("amount", (None, None, None))
    counterpart = entry.get("counterpart")
    return {
        "code": code,
        "cooperante": pick(refs.organizations, [entry["org"]], "cooperante", code)[0],
        "title": entry["title"],
        "summary": entry["summary"],
        "description": entry["description"],
        "modalities": pick(refs.modalities, entry["modalities"], "modality", code),
        "cooperation_type": (
            pick(refs.types, [entry["type"]], "cooperation type", code)[0]
            if entry.get("type")
            else None
        ),
        "sdgs": pick(refs.sdgs, entry["sdgs"], "SDG", code),
        "sdg_targets": pick(refs.targets, entry.get("targets", ()), "SDG target", code),
        "competencies": pick(refs.competencies, entry["competencies"], "competency", code),
        "sectors": pick(refs.sectors, entry["sectors"], "DAC sector", code),
        "is_national": not (provinces or cantons),
        "provinces": provinces,
        "cantons": cantons,
        "open_to_gad": "gad" in applicants,
        "open_to_mancomunidad": "mancomunidad" in applicants,
        "open_to_others": "other" in applicants,
        "amount_min": Decimal(amount_min) if amount_min is not None else None,
        "amount_max": Decimal(amount_max) if amount_max is not None else None,
        "currency": pick(refs.currencies, [currency], "currency", code)[0] if currency else None,
        "counterpart_percent": Decimal(counterpart) if counterpart is not None else None,
        "schedule": schedule,
        "opens_on": opens_on,
        "closes_on": closes_on,
        "requirements": entry["requirements"],
        "how_to_apply": entry["how"],
        "contact": entry.get("contact", ""),
        "source_url": entry.get("url", ""),
        "last_verified_on": datetime.date.fromisoformat(entry["verified"]),
    }


def schedule_dates(when, today=None):
    """(schedule, opens_on, closes_on) of ``"permanent"``, ``("window", "2027-01-15",
    "2027-03-31")`` or ``("yearly", (month, day), (month, day))``.

    A yearly call gets its next window that has not closed yet (the one in progress, if any),
    as ``close_expired_offers`` would roll it; a window may span the new year.
    """
    if when == "permanent":
        return Schedule.PERMANENT, None, None
    kind, start, end = when
    if kind == "window":
        return Schedule.WINDOW, datetime.date.fromisoformat(start), datetime.date.fromisoformat(end)
    today = today or timezone.localdate()
    spans_new_year = tuple(start) > tuple(end)
    year = today.year - 1
    while datetime.date(year, *end) < today:
        year += 1
    return (
        Schedule.YEARLY,
        datetime.date(year - 1 if spans_new_year else year, *start),
        datetime.date(year, *end),
    )


def differences(offer, fields) -> dict:
    """The subset of ``fields`` whose value differs from what ``offer`` holds."""
    changed = {}
    for name, value in fields.items():
        if name in M2M_FIELDS:
            if {v.pk for v in getattr(offer, name).all()} != {v.pk for v in value}:
                changed[name] = value
        elif getattr(offer, name) != value:
            changed[name] = value
    return changed


# --- The offers ---------------------------------------------------------------------------
# Keys: code, org (cooperante slug), title, summary, description, modalities, type, sdgs,
# targets, competencies (COOTAD letters), sectors (DAC), provinces/cantons (INEC; none means
# all of Ecuador), applicants ("gad", "mancomunidad", "other"; default GAD only), amount
# (min, max, currency), counterpart (%), when (see schedule_dates), requirements, how, contact,
# url, status (default published; "returned" = the review comment of a draft sent back by AME),
# verified (last verification date).

AME_CONTACT = (
    "Dirección Nacional de Cooperación Internacional de AME: direccion.cooperacion@ame.gob.ec"
)
GAD_MANC = ("gad", "mancomunidad")
ALL_APPLICANTS = ("gad", "mancomunidad", "other")

OFFERS: list[dict] = [
    # --- Japan: JICA and the Embassy --------------------------------------------------------
    {
        "code": "JICA-VOL-2026",
        "org": "jica",
        "title": "Voluntarios japoneses para la cooperación (JOCV) en GAD municipales",
        "summary": (
            "JICA asigna voluntarios japoneses, por uno o dos años, a municipios que necesitan "
            "apoyo técnico en residuos, desarrollo rural, turismo, educación o tecnología."
        ),
        "description": (
            "El programa de Voluntarios Japoneses para la Cooperación con el Extranjero envía a "
            "profesionales japoneses a trabajar dentro de una institución local, junto a su "
            "personal. En el Ecuador han apoyado a municipios en gestión de desechos sólidos, "
            "educación ambiental, desarrollo rural y sistemas informáticos. El voluntario vive "
            "en el cantón; JICA cubre su viaje, seguro y manutención."
        ),
        "modalities": ["volunteering", "technical_assistance"],
        "type": "bilateral",
        "sdgs": [11, 12, 17],
        "targets": ["12.5", "17.9"],
        "competencies": ["d", "a", "n"],
        "sectors": ["14050", "43040", "15185"],
        "applicants": GAD_MANC,
        "when": "permanent",
        "requirements": (
            "Un área municipal que defina las tareas del voluntario y designe una contraparte "
            "técnica; espacio de trabajo y apoyo para su instalación en el cantón; seguridad "
            "adecuada en la zona."
        ),
        "how": (
            "Llene el formulario de solicitud de voluntario de JICA con el perfil requerido y "
            "preséntelo a la oficina de JICA en Quito con copia a AME. La llegada del voluntario "
            "suele tomar alrededor de un año desde la solicitud."
        ),
        "contact": "Oficina de JICA en el Ecuador (Quito)",
        "url": "https://www.jica.go.jp",
        "verified": "2026-09-18",
    },
    {
        "code": "JICA-KCCP-2027",
        "org": "jica",
        "title": "Cursos de cocreación de conocimientos (KCCP) en Japón, año fiscal 2027",
        "summary": (
            "Cursos cortos en Japón, con todos los gastos cubiertos, para servidores públicos: "
            "gobierno local, agua, residuos, riesgos, turismo, salud y más."
        ),
        "description": (
            "El Programa de Cocreación de Conocimientos de JICA invita a funcionarios de países "
            "socios a cursos de dos a ocho semanas en Japón, donde conocen cómo resolvieron los "
            "japoneses problemas parecidos y preparan un plan de acción para su institución. "
            "Cada curso se anuncia con su propio plazo; esta ficha reúne los del año fiscal "
            "japonés 2027."
        ),
        "modalities": ["training"],
        "type": "bilateral",
        "sdgs": [4, 11, 17],
        "targets": ["17.9", "4.4"],
        "competencies": ["a", "d", "n"],
        "sectors": ["15185", "43081"],
        "applicants": ALL_APPLICANTS,
        "when": ("window", "2026-11-02", "2027-05-28"),
        "requirements": (
            "Servidor público con título universitario y experiencia en el tema del curso, "
            "nominado por su institución; dominio del idioma del curso (inglés o español); buena "
            "salud."
        ),
        "how": (
            "Revise la información general del curso, llene el formulario de JICA y entréguelo "
            "en la oficina de JICA en Quito por los canales oficiales antes del plazo del curso."
        ),
        "contact": "Oficina de JICA en el Ecuador (Quito)",
        "url": "https://www.jica.go.jp",
        "verified": "2026-10-05",
    },
    {
        "code": "JICA-KCCP-AGUA-2027",
        "org": "jica",
        "title": "Curso KCCP: reducción de agua no contabilizada en sistemas de agua potable",
        "summary": (
            "Capacitación en Japón para técnicos de empresas municipales de agua potable sobre "
            "detección de fugas, micromedición y gestión de pérdidas."
        ),
        "description": (
            "Los operadores de agua de las ciudades japonesas tienen algunas de las pérdidas más "
            "bajas del mundo. Este curso enseña a medir el agua no contabilizada, localizar "
            "fugas, sectorizar redes y planificar la renovación de tuberías, con visitas a "
            "empresas de agua japonesas."
        ),
        "modalities": ["training"],
        "type": "bilateral",
        "sdgs": [6],
        "targets": ["6.1", "6.4"],
        "competencies": ["d"],
        "sectors": ["14020", "14081"],
        "applicants": GAD_MANC,
        "when": ("window", "2026-10-19", "2026-12-11"),
        "requirements": (
            "Ingeniero o técnico con al menos tres años en operación de redes de agua potable "
            "de un GAD o su empresa pública; inglés intermedio."
        ),
        "how": (
            "Postule con el formulario de JICA a través de la oficina de JICA en Quito; AME "
            "ayuda a preparar la nominación."
        ),
        "contact": "Oficina de JICA en el Ecuador (Quito)",
        "url": "https://www.jica.go.jp",
        "verified": "2026-10-05",
    },
    {
        "code": "JICA-KCCP-RRD-2026",
        "org": "jica",
        "title": "Curso KCCP: gestión integral del riesgo de desastres para gobiernos locales",
        "summary": (
            "Curso en Japón sobre prevención y respuesta ante sismos, tsunamis, inundaciones y "
            "deslaves desde la administración local."
        ),
        "description": (
            "Japón comparte su experiencia en planes locales de reducción de riesgos, alerta "
            "temprana, evacuación y reconstrucción. La convocatoria de 2026 ya cerró; la "
            "siguiente se anunciará en la ficha general de cursos KCCP."
        ),
        "modalities": ["training"],
        "type": "bilateral",
        "sdgs": [11, 13],
        "targets": ["11.5", "13.1"],
        "competencies": ["a", "m"],
        "sectors": ["43060", "74020"],
        "applicants": GAD_MANC,
        "when": ("window", "2026-02-02", "2026-04-10"),
        "requirements": "Servidor de la unidad de gestión de riesgos del GAD, con título universitario.",
        "how": "Formulario de JICA, entregado en la oficina de JICA en Quito.",
        "contact": "Oficina de JICA en el Ecuador (Quito)",
        "url": "https://www.jica.go.jp",
        "status": OfferStatus.CLOSED,
        "verified": "2026-04-20",
    },
    {
        "code": "JICA-JPP",
        "org": "jica",
        "title": "Programa de Asociación de JICA con gobiernos locales y ONG japonesas",
        "summary": (
            "Proyectos de cooperación técnica de hasta cinco años que ejecuta un municipio, una "
            "universidad o una ONG del Japón con un socio local ecuatoriano."
        ),
        "description": (
            "Mediante el Programa de Asociación (JICA Partnership Program), JICA financia "
            "proyectos propuestos por organizaciones japonesas, entre ellas prefecturas y "
            "ciudades, que trabajan con un socio en el país. Es una vía para que un GAD que ya "
            "tiene relación con una ciudad japonesa convierta ese vínculo en un proyecto."
        ),
        "modalities": ["technical_assistance", "exchange"],
        "type": "decentralized",
        "sdgs": [11, 17],
        "targets": ["17.17"],
        "competencies": ["n", "a"],
        "sectors": ["15185", "43030"],
        "applicants": GAD_MANC,
        "when": "permanent",
        "requirements": (
            "Un socio japonés (gobierno local, universidad u ONG) que presente la propuesta a "
            "JICA; compromiso del GAD como contraparte."
        ),
        "how": (
            "Identifique al socio japonés (AME puede ayudar a buscarlo) y acuerde con él la "
            "propuesta; el socio la presenta en las convocatorias de JICA en Japón."
        ),
        "contact": AME_CONTACT,
        "url": "https://www.jica.go.jp",
        "verified": "2025-08-11",
    },
    {
        "code": "APC-JAPON-2027",
        "org": "embajada-japon-ecuador",
        "title": "Asistencia para Proyectos Comunitarios de Seguridad Humana (APC), 2027",
        "summary": (
            "Donaciones del Gobierno del Japón para obras y equipos pequeños que atienden una "
            "necesidad básica de una comunidad: agua, escuelas, salud, puentes, bomberos."
        ),
        "description": (
            "La Embajada del Japón financia proyectos comunitarios concretos, de hasta unos diez "
            "millones de yenes, con GAD y organizaciones sin fines de lucro: sistemas de agua "
            "potable, aulas, equipamiento de salud, puentes peatonales o vehículos de bomberos. "
            "Desde 1989 ha financiado más de quinientos proyectos en el Ecuador; Nabón es uno de "
            "los cantones que han postulado."
        ),
        "modalities": ["non_reimbursable", "in_kind"],
        "type": "bilateral",
        "sdgs": [1, 3, 4, 6],
        "targets": ["6.1", "4.a", "1.4"],
        "competencies": ["d", "g", "m"],
        "sectors": ["14030", "12230", "11120", "15133"],
        "applicants": ALL_APPLICANTS,
        "amount": (None, "10000000", "JPY"),
        "when": ("yearly", (1, 15), (3, 31)),
        "requirements": (
            "Proyecto que beneficie directamente a una comunidad; terreno o infraestructura "
            "legalizados; proformas; la institución asume la operación y el mantenimiento. No "
            "financia sueldos ni gastos corrientes."
        ),
        "how": (
            "Descargue la guía y el formulario de la Embajada, preséntelos con las proformas y "
            "fotografías; la Embajada visita los proyectos preseleccionados."
        ),
        "contact": "Sección de Cooperación de la Embajada del Japón en Quito",
        "url": "https://www.ec.emb-japan.go.jp",
        "verified": "2026-08-27",
    },
    # --- Korea: KOICA ------------------------------------------------------------------------
    {
        "code": "KOICA-WFK-2026",
        "org": "koica",
        "title": "Voluntarios World Friends Korea (WFK) para instituciones locales",
        "summary": (
            "KOICA asigna voluntarios coreanos, por lo general por dos años, a instituciones "
            "públicas en educación, salud, tecnología y desarrollo local."
        ),
        "description": (
            "World Friends Korea es el programa de voluntariado del Gobierno de Corea. En el "
            "Ecuador sus voluntarios han apoyado escuelas, centros de salud y municipios en "
            "informática, educación, salud pública y fortalecimiento de políticas locales."
        ),
        "modalities": ["volunteering"],
        "type": "bilateral",
        "sdgs": [3, 4, 17],
        "targets": ["17.9"],
        "competencies": ["g", "n"],
        "sectors": ["15185", "11120", "12261"],
        "applicants": GAD_MANC,
        "when": ("yearly", (2, 1), (4, 30)),
        "requirements": (
            "Plan de trabajo para el voluntario, contraparte institucional, espacio de trabajo "
            "y condiciones de seguridad."
        ),
        "how": "Presente la solicitud de voluntario en la oficina de KOICA en Quito.",
        "contact": "Oficina de KOICA en el Ecuador (Quito)",
        "url": "https://www.koica.go.kr",
        "verified": "2026-07-14",
    },
    {
        "code": "KOICA-CIAT-2027",
        "org": "koica",
        "title": "Programa de becas de capacitación de KOICA (CIAT) en Corea",
        "summary": (
            "Cursos cortos en Corea, con todos los gastos pagados, sobre gobierno electrónico, "
            "ciudades inteligentes, desarrollo urbano, agua y residuos."
        ),
        "description": (
            "El Programa de Becas de KOICA (CIAT) invita a servidores públicos a conocer la "
            "experiencia de desarrollo de Corea en cursos de dos a cuatro semanas. Varios cursos "
            "tratan temas municipales: gobierno digital, transporte público, reciclaje y "
            "planificación urbana."
        ),
        "modalities": ["training", "scholarships"],
        "type": "bilateral",
        "sdgs": [9, 11, 16],
        "targets": ["16.6", "11.3"],
        "competencies": ["a", "f", "n"],
        "sectors": ["15185", "43030", "22040"],
        "applicants": ALL_APPLICANTS,
        "when": ("yearly", (1, 10), (3, 20)),
        "requirements": (
            "Servidor público nominado por su institución, con experiencia en el tema y buen "
            "dominio del inglés."
        ),
        "how": "Formulario de KOICA entregado en su oficina en Quito con el aval institucional.",
        "contact": "Oficina de KOICA en el Ecuador (Quito)",
        "url": "https://www.koica.go.kr",
        "verified": "2026-06-02",
    },
    {
        "code": "KOICA-MAESTRIA-2027",
        "org": "koica",
        "title": "Becas de maestría de KOICA en universidades coreanas, 2027",
        "summary": (
            "Maestrías de uno a dos años en Corea, en inglés y con todos los gastos cubiertos, "
            "para servidores públicos: desarrollo urbano, administración local, gobierno digital."
        ),
        "description": (
            "KOICA financia maestrías en universidades coreanas socias para formar a servidores "
            "que luego aplican lo aprendido en su institución. Entre los programas hay política "
            "de desarrollo urbano y administración pública con énfasis en gobierno local."
        ),
        "modalities": ["scholarships"],
        "type": "bilateral",
        "sdgs": [4, 16],
        "targets": ["4.b"],
        "competencies": ["n"],
        "sectors": ["11420", "15185"],
        "applicants": ("gad", "other"),
        "when": ("window", "2027-01-11", "2027-03-12"),
        "requirements": (
            "Servidor público con título de tercer nivel y al menos dos años de experiencia, "
            "nominado por su institución; inglés suficiente para estudios de posgrado."
        ),
        "how": "Postule en la oficina de KOICA en Quito con la nominación de su institución.",
        "contact": "Oficina de KOICA en el Ecuador (Quito)",
        "url": "https://www.koica.go.kr",
        "status": OfferStatus.IN_REVIEW,
        "verified": "2026-11-10",
    },
    {
        "code": "KOICA-RESIDUOS-2027",
        "org": "koica",
        "title": "Cooperación técnica de KOICA en gestión de residuos y reciclaje",
        "summary": (
            "Asistencia técnica y equipamiento para separar en la fuente, reciclar y mejorar la "
            "disposición final de desechos sólidos."
        ),
        "description": (
            "KOICA comparte la experiencia coreana de pago por volumen de basura y reciclaje "
            "obligatorio. Borrador del punto focal: falta precisar montos y cantones."
        ),
        "modalities": ["technical_assistance", "in_kind"],
        "type": "bilateral",
        "sdgs": [11, 12],
        "targets": ["11.6", "12.5"],
        "competencies": ["d"],
        "sectors": ["14050"],
        "applicants": GAD_MANC,
        "when": "permanent",
        "requirements": "Plan de gestión integral de residuos del GAD.",
        "how": "Pendiente de definir con la oficina de KOICA.",
        "contact": "Oficina de KOICA en el Ecuador (Quito)",
        "status": OfferStatus.DRAFT,
        "verified": "2026-11-12",
    },
    # --- Development banks ---------------------------------------------------------------------
    {
        "code": "CAF-AT-AGUA-2026",
        "org": "caf",
        "title": "Asistencia técnica no reembolsable de CAF para agua potable y saneamiento",
        "summary": (
            "CAF financia estudios y diseños de agua potable, alcantarillado y tratamiento de "
            "aguas residuales para que los municipios lleguen con proyectos listos a la "
            "inversión."
        ),
        "description": (
            "Con sus fondos de cooperación técnica, CAF paga consultorías de preinversión: "
            "estudios de factibilidad, diseños definitivos de plantas de agua potable, planes "
            "maestros y fortalecimiento de empresas municipales de agua. Nabón obtuvo así los "
            "estudios de la planta de agua potable de su centro cantonal."
        ),
        "modalities": ["technical_assistance", "non_reimbursable"],
        "type": "multilateral",
        "sdgs": [6, 11],
        "targets": ["6.1", "6.2", "6.3"],
        "competencies": ["d"],
        "sectors": ["14020", "14030", "14010"],
        "applicants": GAD_MANC,
        "when": "permanent",
        "requirements": (
            "Proyecto incluido en el PDOT; términos de referencia preliminares; compromiso de "
            "contraparte en personal e información."
        ),
        "how": (
            "Presente una nota de interés con la descripción del proyecto a la oficina de CAF "
            "en Quito; AME acompaña la preparación."
        ),
        "contact": "Oficina de CAF en el Ecuador (Quito)",
        "url": "https://www.caf.com",
        "verified": "2026-09-30",
    },
    {
        "code": "CAF-CREDITO-GAD",
        "org": "caf",
        "title": "Préstamos de CAF para inversión de gobiernos municipales",
        "summary": (
            "Crédito reembolsable de mediano y largo plazo para movilidad, agua, saneamiento y "
            "desarrollo urbano de ciudades ecuatorianas."
        ),
        "description": (
            "CAF presta a gobiernos subnacionales para obras grandes; en el Ecuador ha "
            "financiado proyectos de movilidad y agua de las ciudades más grandes. El "
            "endeudamiento externo de un GAD requiere los dictámenes y registros del ente rector "
            "de las finanzas públicas."
        ),
        "modalities": ["credit", "technical_assistance"],
        "type": "multilateral",
        "sdgs": [6, 9, 11],
        "targets": ["11.2", "9.1"],
        "competencies": ["c", "d", "f"],
        "sectors": ["21020", "14020", "43030"],
        "applicants": GAD_MANC,
        "when": "permanent",
        "requirements": (
            "Capacidad de endeudamiento del GAD, estudios completos del proyecto, dictamen de "
            "prioridad y autorizaciones de endeudamiento exigidas por la ley."
        ),
        "how": "Conversación inicial con la oficina de CAF en Quito y el Ministerio de Finanzas.",
        "contact": "Oficina de CAF en el Ecuador (Quito)",
        "url": "https://www.caf.com",
        "verified": "2026-09-30",
    },
    {
        "code": "CAF-PLT-2027",
        "org": "caf",
        "title": "Programa de Liderazgo para la Transformación de CAF, 2027",
        "summary": (
            "Formación gratuita en liderazgo y gestión pública para autoridades, servidores "
            "públicos y líderes sociales."
        ),
        "description": (
            "CAF organiza el programa con universidades de cada país: módulos sobre liderazgo, "
            "ética pública, participación ciudadana y gestión de proyectos, al final de los "
            "cuales los participantes preparan una propuesta de transformación para su "
            "territorio."
        ),
        "modalities": ["training"],
        "type": "multilateral",
        "sdgs": [16],
        "targets": ["16.6", "16.7"],
        "competencies": ["n"],
        "sectors": ["15110", "15150"],
        "applicants": ALL_APPLICANTS,
        "when": ("yearly", (2, 1), (3, 31)),
        "requirements": "Experiencia en gestión pública o liderazgo comunitario; disponibilidad.",
        "how": "Postulación en línea en la convocatoria que publica la universidad socia.",
        "url": "https://www.caf.com",
        "verified": "2026-03-03",
    },
    {
        "code": "BID-CT-SUBNACIONAL",
        "org": "bid",
        "title": "Cooperación técnica no reembolsable del BID para gobiernos subnacionales",
        "summary": (
            "Recursos no reembolsables del BID para estudios, diagnósticos y fortalecimiento "
            "institucional vinculados a su agenda en el país."
        ),
        "description": (
            "Las cooperaciones técnicas del BID financian consultorías, talleres y pilotos que "
            "preparan inversiones o prueban soluciones nuevas: catastros, recaudación propia, "
            "agua, residuos, resiliencia climática y gobierno digital. Lago Agrio trabajó con el "
            "BID en reforestación y energías renovables."
        ),
        "modalities": ["technical_assistance", "non_reimbursable"],
        "type": "multilateral",
        "sdgs": [11, 13, 16],
        "targets": ["11.3", "13.2", "16.6"],
        "competencies": ["a", "i", "e"],
        "sectors": ["15128", "43030", "41010"],
        "applicants": GAD_MANC,
        "when": "permanent",
        "requirements": (
            "Propuesta alineada con la estrategia del BID con el Ecuador; aval del Gobierno "
            "nacional cuando corresponda."
        ),
        "how": "Contacte a la Representación del BID en Quito con una nota conceptual.",
        "contact": "Representación del BID en el Ecuador (Quito)",
        "url": "https://www.iadb.org",
        "verified": "2026-05-22",
    },
    {
        "code": "BID-CREDITO-BDE",
        "org": "bid",
        "title": "Préstamos del BID para agua y saneamiento municipal a través del BDE",
        "summary": (
            "El BID financia programas nacionales que el Banco de Desarrollo del Ecuador "
            "convierte en créditos y aportes para obras de los municipios."
        ),
        "description": (
            "En lugar de prestar a cada cantón, el BID suele financiar programas que ejecuta el "
            "BDE: los GAD acceden a recursos para agua potable, alcantarillado y saneamiento con "
            "condiciones más favorables que las de un crédito comercial."
        ),
        "modalities": ["credit"],
        "type": "multilateral",
        "sdgs": [6],
        "targets": ["6.1", "6.2"],
        "competencies": ["d"],
        "sectors": ["14020", "14030"],
        "applicants": GAD_MANC,
        "when": "permanent",
        "requirements": "Los del programa del BDE que corresponda: estudios y capacidad de pago.",
        "how": "Acérquese a la oficina del BDE de su zona, que informa los programas vigentes.",
        "url": "https://www.iadb.org",
        "verified": "2026-05-22",
    },
    {
        "code": "BID-CES",
        "org": "bid",
        "title": "Ciudades Emergentes y Sostenibles: planes de acción para ciudades intermedias",
        "summary": (
            "Metodología del BID para diagnosticar la sostenibilidad de una ciudad intermedia y "
            "priorizar sus inversiones; Cuenca elaboró su plan de acción con ella."
        ),
        "description": (
            "El programa Ciudades Emergentes y Sostenibles evaluaba decenas de indicadores "
            "ambientales, urbanos y fiscales y proponía un plan de acción. Ya no incorpora "
            "ciudades nuevas; su metodología sigue disponible."
        ),
        "modalities": ["technical_assistance"],
        "type": "multilateral",
        "sdgs": [11],
        "targets": ["11.3", "11.b"],
        "competencies": ["a"],
        "sectors": ["43030"],
        "applicants": ("gad",),
        "when": ("window", "2024-03-01", "2024-12-31"),
        "requirements": "Ciudad intermedia con voluntad política de ejecutar el plan.",
        "how": "Programa cerrado; consulte a la Representación del BID por iniciativas similares.",
        "url": "https://www.iadb.org",
        "status": OfferStatus.CLOSED,
        "closing_note": "El programa ya no incorpora ciudades.",
        "verified": "2025-01-20",
    },
    {
        "code": "BM-OLC",
        "org": "banco-mundial",
        "title": "Cursos en línea gratuitos del Banco Mundial (Open Learning Campus)",
        "summary": (
            "Cursos virtuales, muchos en español y con certificado, sobre gestión urbana, "
            "finanzas municipales, agua, riesgos y asociaciones público-privadas."
        ),
        "description": (
            "El Open Learning Campus reúne cursos a su propio ritmo y cursos con tutoría. Son "
            "útiles para profesionalizar a los equipos municipales sin costo: finanzas de "
            "gobiernos locales, ciudades resilientes, gestión de residuos, agua y saneamiento."
        ),
        "modalities": ["training"],
        "type": "multilateral",
        "sdgs": [4, 11],
        "targets": ["4.4"],
        "competencies": ["a", "e", "n"],
        "sectors": ["15128", "43081"],
        "applicants": ALL_APPLICANTS,
        "when": "permanent",
        "requirements": "Registro gratuito en la plataforma.",
        "how": "Inscríbase directamente en el curso en la plataforma del Banco Mundial.",
        "url": "https://www.worldbank.org",
        "verified": "2026-10-21",
    },
    {
        "code": "BM-INFRA-RESILIENTE",
        "org": "banco-mundial",
        "title": "Financiamiento del Banco Mundial para infraestructura urbana resiliente",
        "summary": (
            "Préstamos al Estado ecuatoriano que llegan a los municipios como obras de agua, "
            "drenaje, vialidad y reducción de riesgos."
        ),
        "description": (
            "El Banco Mundial presta al Gobierno central, que ejecuta programas con los GAD. Un "
            "municipio participa cuando su proyecto entra en uno de esos programas. La ficha "
            "necesita verificarse con la cartera vigente."
        ),
        "modalities": ["credit", "technical_assistance"],
        "type": "multilateral",
        "sdgs": [11, 13],
        "targets": ["11.5", "13.1"],
        "competencies": ["c", "d", "m"],
        "sectors": ["43060", "14022", "21020"],
        "applicants": GAD_MANC,
        "when": "permanent",
        "requirements": "Proyecto elegible en un programa nacional financiado por el Banco.",
        "how": "Consulte al ministerio ejecutor del programa o a la oficina del Banco en Quito.",
        "url": "https://www.worldbank.org",
        "verified": "2025-04-01",
    },
    {
        "code": "KFW-AGUA-BDE",
        "org": "kfw",
        "title": "Financiamiento de KfW para agua, saneamiento y residuos a través del BDE",
        "summary": (
            "Créditos concesionales y aportes no reembolsables del Gobierno alemán, canalizados "
            "por el BDE, para infraestructura municipal con beneficio climático."
        ),
        "description": (
            "KfW financia programas del BDE para que los GAD construyan sistemas de agua "
            "potable, alcantarillado, plantas de tratamiento y rellenos sanitarios, a menudo con "
            "un componente no reembolsable. Cuenca ha trabajado con KfW en reciclaje, "
            "eficiencia energética y transporte público eléctrico."
        ),
        "modalities": ["credit", "non_reimbursable"],
        "type": "bilateral",
        "sdgs": [6, 11, 13],
        "targets": ["6.3", "11.6"],
        "competencies": ["d"],
        "sectors": ["14022", "14050", "14020"],
        "applicants": GAD_MANC,
        "when": "permanent",
        "requirements": "Proyecto con estudios completos, capacidad de pago y licencia ambiental.",
        "how": "Postule en la oficina del BDE de su zona, que administra la línea.",
        "url": "https://www.kfw.de",
        "verified": "2026-02-16",
    },
    {
        "code": "AFD-FICOL-2027",
        "org": "afd",
        "title": "FICOL: financiamiento para alianzas con gobiernos locales franceses",
        "summary": (
            "La AFD cofinancia proyectos que una colectividad francesa ejecuta con un municipio "
            "socio en el Ecuador."
        ),
        "description": (
            "La Facilidad de Financiamiento para las Colectividades Territoriales Francesas "
            "(FICOL) apoya proyectos de cooperación descentralizada de mayor escala: servicios "
            "básicos, movilidad, planificación, clima. Quien postula es la colectividad francesa; "
            "el GAD ecuatoriano es su socio."
        ),
        "modalities": ["non_reimbursable", "technical_assistance", "exchange"],
        "type": "decentralized",
        "sdgs": [11, 13, 17],
        "targets": ["17.17", "11.3"],
        "competencies": ["a", "d", "f", "n"],
        "sectors": ["43030", "15185"],
        "applicants": GAD_MANC,
        "when": ("yearly", (3, 1), (6, 30)),
        "requirements": (
            "Convenio o relación de cooperación con una colectividad territorial francesa, que "
            "aporta cofinanciamiento."
        ),
        "how": "La colectividad francesa presenta la propuesta a la AFD con el aval del GAD.",
        "url": "https://www.afd.fr",
        "verified": "2026-04-08",
    },
    {
        "code": "AFD-CREDITO-CIUDADES",
        "org": "afd",
        "title": "Préstamos de la AFD para ciudades sostenibles y transición ecológica",
        "summary": (
            "Crédito de la Agencia Francesa de Desarrollo para movilidad urbana limpia, agua y "
            "adaptación al cambio climático."
        ),
        "description": (
            "La AFD presta al Estado, a bancos públicos como el BDE y, en ciertos casos, "
            "directamente a ciudades con capacidad financiera. Acompaña sus préstamos con "
            "asistencia técnica."
        ),
        "modalities": ["credit", "technical_assistance"],
        "type": "bilateral",
        "sdgs": [11, 13],
        "targets": ["11.2", "13.2"],
        "competencies": ["f", "d"],
        "sectors": ["21012", "14020", "41010"],
        "applicants": GAD_MANC,
        "when": "permanent",
        "requirements": "Capacidad de endeudamiento y proyecto con beneficio climático medible.",
        "how": "Contacte a la agencia de la AFD responsable del Ecuador o al BDE.",
        "url": "https://www.afd.fr",
        "verified": "2026-04-08",
    },
    {
        "code": "BDE-CREDITO-AGUA",
        "org": "bde",
        "title": "Crédito del BDE para agua potable y alcantarillado",
        "summary": (
            "Préstamos del Banco de Desarrollo del Ecuador a GAD municipales y mancomunidades "
            "para construir o ampliar agua potable, alcantarillado y tratamiento."
        ),
        "description": (
            "El BDE es la principal fuente de crédito de los municipios ecuatorianos. Financia "
            "obras de agua y saneamiento, a veces con un porcentaje no reembolsable según el "
            "programa y la situación del cantón, y verifica los estudios antes de aprobar."
        ),
        "modalities": ["credit"],
        "sdgs": [6],
        "targets": ["6.1", "6.2", "6.3"],
        "competencies": ["d"],
        "sectors": ["14020", "14021", "14022"],
        "applicants": GAD_MANC,
        "when": "permanent",
        "requirements": (
            "Estudios definitivos aprobados, capacidad de endeudamiento, ordenanza de tarifas y "
            "documentos habilitantes del GAD."
        ),
        "how": "Presente la solicitud de financiamiento en la oficina del BDE de su zona.",
        "url": "https://www.bde.fin.ec",
        "verified": "2026-10-12",
    },
    {
        "code": "BDE-AT-PREINVERSION",
        "org": "bde",
        "title": "Asistencia técnica del BDE para estudios de agua potable y saneamiento",
        "summary": (
            "Acompañamiento técnico y financiamiento de estudios para que los GAD preparen "
            "proyectos de agua potable que puedan financiarse."
        ),
        "description": (
            "Muchos municipios pequeños no tienen equipos para diseñar un sistema de agua "
            "potable. El BDE ofrece asistencia técnica para términos de referencia, revisión de "
            "diseños y estudios de preinversión, y financia consultorías."
        ),
        "modalities": ["technical_assistance"],
        "sdgs": [6],
        "targets": ["6.1", "6.b"],
        "competencies": ["d"],
        "sectors": ["14010", "14030"],
        "applicants": GAD_MANC,
        "when": "permanent",
        "requirements": "Necesidad identificada en el PDOT y compromiso de contraparte técnica.",
        "how": "Solicite la asistencia en la oficina del BDE de su zona.",
        "url": "https://www.bde.fin.ec",
        "verified": "2026-10-12",
    },
    {
        "code": "BDE-AUSTRO-AGUA",
        "org": "bde",
        "title": "Asistencia técnica del BDE en el Austro para sistemas de agua potable",
        "summary": (
            "Acompañamiento desde la oficina del BDE en Cuenca a los cantones de Azuay, Cañar y "
            "Morona Santiago que preparan obras de agua potable y saneamiento."
        ),
        "description": (
            "Los técnicos de la oficina regional revisan estudios, visitan obras y ayudan a los "
            "GAD del Austro a completar expedientes de financiamiento de agua potable, "
            "alcantarillado y saneamiento rural."
        ),
        "modalities": ["technical_assistance"],
        "sdgs": [6],
        "targets": ["6.1", "6.2"],
        "competencies": ["d"],
        "sectors": ["14030", "14031"],
        "provinces": ["01", "03", "14"],
        "applicants": GAD_MANC,
        "when": "permanent",
        "requirements": "Ser GAD o mancomunidad de Azuay, Cañar o Morona Santiago.",
        "how": "Pida una cita con la oficina del BDE en Cuenca.",
        "url": "https://www.bde.fin.ec",
        "verified": "2026-10-12",
    },
    {
        "code": "BDE-CREDITO-RESIDUOS",
        "org": "bde",
        "title": "Crédito del BDE para gestión integral de residuos sólidos",
        "summary": (
            "Financiamiento para rellenos sanitarios, cierre de botaderos, centros de acopio y "
            "equipos de recolección."
        ),
        "description": (
            "Los GAD municipales tienen la competencia de manejo de desechos sólidos. El BDE "
            "financia la infraestructura y el equipamiento necesarios, incluso para "
            "mancomunidades que comparten un relleno sanitario."
        ),
        "modalities": ["credit"],
        "sdgs": [11, 12],
        "targets": ["11.6", "12.5"],
        "competencies": ["d"],
        "sectors": ["14050"],
        "applicants": GAD_MANC,
        "when": "permanent",
        "requirements": "Estudios aprobados, licencia ambiental y capacidad de endeudamiento.",
        "how": "Presente la solicitud en la oficina del BDE de su zona.",
        "url": "https://www.bde.fin.ec",
        "verified": "2026-10-12",
    },
    # --- Germany: GIZ (focal point drafts and reviews) ------------------------------------------
    {
        "code": "GIZ-CIUDADES-INTERMEDIAS",
        "org": "giz",
        "title": "Cooperación técnica alemana para ciudades intermedias sostenibles",
        "summary": (
            "Asesoría de la GIZ a municipios intermedios en planificación urbana, movilidad, "
            "espacio público y adaptación al cambio climático."
        ),
        "description": (
            "La cooperación alemana ha acompañado a ciudades intermedias ecuatorianas en "
            "instrumentos de planificación, proyectos piloto y redes de aprendizaje entre "
            "municipios. La ficha no se ha verificado en el último año."
        ),
        "modalities": ["technical_assistance", "training"],
        "type": "bilateral",
        "sdgs": [11, 13],
        "targets": ["11.3", "11.7", "13.2"],
        "competencies": ["a", "b", "g"],
        "sectors": ["43030", "43031"],
        "applicants": GAD_MANC,
        "when": "permanent",
        "requirements": "Ciudad intermedia con equipo técnico de planificación.",
        "how": "Contacte a la oficina de la GIZ en Quito.",
        "contact": "Oficina de la GIZ en el Ecuador (Quito)",
        "url": "https://www.giz.de",
        "verified": "2025-02-14",
    },
    {
        "code": "GIZ-ATINGI",
        "org": "giz",
        "title": "Cursos virtuales gratuitos de la plataforma atingi",
        "summary": (
            "Plataforma de aprendizaje en línea apoyada por la GIZ, con cursos gratuitos sobre "
            "clima, gestión pública, digitalización y emprendimiento."
        ),
        "description": (
            "atingi ofrece cursos breves y a su ritmo, varios en español, útiles para técnicos "
            "municipales y para programas de formación ciudadana."
        ),
        "modalities": ["training"],
        "type": "bilateral",
        "sdgs": [4, 13],
        "targets": ["4.4"],
        "competencies": ["n"],
        "sectors": ["43081"],
        "applicants": ALL_APPLICANTS,
        "when": "permanent",
        "requirements": "Registro gratuito.",
        "how": "Inscríbase en la plataforma atingi.",
        "url": "https://www.atingi.org",
        "verified": "2026-06-19",
    },
    {
        "code": "GIZ-MOVILIDAD-2027",
        "org": "giz",
        "title": "Asistencia técnica de la GIZ en movilidad urbana sostenible",
        "summary": (
            "Acompañamiento a GAD en planes de movilidad, transporte público eficiente, "
            "movilidad activa y buses eléctricos."
        ),
        "description": (
            "La GIZ asesora en planes de movilidad, reorganización de rutas, infraestructura "
            "para bicicletas y peatones, y electrificación del transporte público. Pastaza "
            "trabaja con la cooperación alemana en movilidad sostenible."
        ),
        "modalities": ["technical_assistance"],
        "type": "bilateral",
        "sdgs": [11, 13],
        "targets": ["11.2", "13.2"],
        "competencies": ["f", "c"],
        "sectors": ["21011", "21012"],
        "applicants": GAD_MANC,
        "when": ("window", "2027-01-15", "2027-04-30"),
        "requirements": "Competencia de tránsito asumida y equipo técnico de movilidad.",
        "how": "Envíe una nota de interés a la oficina de la GIZ en Quito.",
        "contact": "Oficina de la GIZ en el Ecuador (Quito)",
        "url": "https://www.giz.de",
        "status": OfferStatus.IN_REVIEW,
        "verified": "2026-11-16",
    },
    {
        "code": "GIZ-CLIMA-BIODIVERSIDAD",
        "org": "giz",
        "title": "Cooperación técnica de la GIZ en adaptación al cambio climático y biodiversidad",
        "summary": "Apoyo a GAD amazónicos y andinos en áreas de conservación y adaptación.",
        "description": (
            "Borrador del punto focal: describir componentes, territorios priorizados y "
            "contrapartes."
        ),
        "modalities": ["technical_assistance"],
        "type": "bilateral",
        "sdgs": [13, 15],
        "targets": ["13.1", "15.1"],
        "competencies": ["a", "h"],
        "sectors": ["41020", "41030"],
        "applicants": GAD_MANC,
        "when": "permanent",
        "requirements": "Por definir.",
        "how": "Por definir.",
        "status": OfferStatus.DRAFT,
        "verified": "2026-11-18",
    },
    {
        "code": "GIZ-ECONOMIA-CIRCULAR",
        "org": "giz",
        "title": "Economía circular y reciclaje inclusivo en municipios",
        "summary": (
            "Asesoría para ordenanzas de reciclaje, inclusión de recicladores de base y "
            "reducción de plásticos."
        ),
        "description": (
            "Acompañamiento técnico para diseñar sistemas municipales de reciclaje con "
            "recicladores de base y responsabilidad extendida del productor."
        ),
        "modalities": ["technical_assistance"],
        "type": "bilateral",
        "sdgs": [12],
        "targets": ["12.5"],
        "competencies": ["d"],
        "sectors": ["14050"],
        "applicants": GAD_MANC,
        "when": "permanent",
        "requirements": "Plan de gestión integral de residuos vigente.",
        "how": "Nota de interés a la oficina de la GIZ.",
        "status": OfferStatus.DRAFT,
        "returned": (
            "Indique el plazo, los cantones donde se trabajará y si hay recursos no "
            "reembolsables; sin eso los GAD no pueden valorar la oferta."
        ),
        "verified": "2026-11-05",
    },
    # --- Other bilateral agencies ----------------------------------------------------------------
    {
        "code": "PC-VOLUNTARIOS-2027",
        "org": "cuerpo-de-paz",
        "title": "Voluntarios del Cuerpo de Paz para comunidades y municipios",
        "summary": (
            "Voluntarios estadounidenses que viven dos años en una comunidad y apoyan proyectos "
            "de desarrollo comunitario, ambiente, salud y educación."
        ),
        "description": (
            "El Cuerpo de Paz trabaja en el Ecuador desde 1962. Sus voluntarios se integran a "
            "una institución local y aportan en desarrollo rural, gestión ambiental, salud y "
            "enseñanza del inglés; los municipios los reciben como apoyo a sus equipos."
        ),
        "modalities": ["volunteering"],
        "type": "bilateral",
        "sdgs": [3, 4, 15],
        "targets": ["4.4"],
        "competencies": ["g", "n"],
        "sectors": ["43040", "41081", "12261"],
        "applicants": ALL_APPLICANTS,
        "when": ("yearly", (1, 15), (4, 30)),
        "requirements": (
            "Institución anfitriona con un plan de trabajo, una contraparte y una familia de "
            "acogida en la comunidad."
        ),
        "how": "Llene la solicitud de sitio de voluntario del Cuerpo de Paz en el Ecuador.",
        "url": "https://www.peacecorps.gov",
        "verified": "2026-03-25",
    },
    {
        "code": "AECID-FCAS-AGUA",
        "org": "aecid",
        "title": "Fondo de Cooperación para Agua y Saneamiento (FCAS): asistencia técnica",
        "summary": (
            "Asistencia técnica y aportes no reembolsables de la Cooperación Española para "
            "agua potable, saneamiento y gestión comunitaria del agua."
        ),
        "description": (
            "El FCAS financia en América Latina programas de acceso al agua potable y al "
            "saneamiento, con fortalecimiento de los prestadores municipales y comunitarios y "
            "de la gestión integral de cuencas. En el Ecuador ha trabajado con municipios y "
            "juntas de agua."
        ),
        "modalities": ["technical_assistance", "non_reimbursable"],
        "type": "bilateral",
        "sdgs": [6],
        "targets": ["6.1", "6.2", "6.b"],
        "competencies": ["d"],
        "sectors": ["14030", "14031", "14081"],
        "applicants": GAD_MANC,
        "when": "permanent",
        "requirements": "Proyecto concertado con la Oficina Técnica de Cooperación de la AECID.",
        "how": "Contacte a la Oficina Técnica de Cooperación de la AECID en Quito.",
        "contact": "Oficina Técnica de Cooperación de la AECID en Quito",
        "url": "https://www.aecid.es",
        "verified": "2026-07-07",
    },
    {
        "code": "AECID-INTERCOONECTA-2027",
        "org": "aecid",
        "title": "Cursos INTERCOONECTA de la Cooperación Española, 2027",
        "summary": (
            "Cursos presenciales y virtuales en los centros de formación de la Cooperación "
            "Española en América Latina, con alojamiento cubierto."
        ),
        "description": (
            "El plan INTERCOONECTA ofrece cursos en Cartagena de Indias, La Antigua Guatemala, "
            "Montevideo y Santa Cruz de la Sierra sobre gestión pública, gobierno local, agua, "
            "género y desarrollo territorial. La AECID cubre alojamiento y manutención durante "
            "los cursos presenciales."
        ),
        "modalities": ["training", "exchange"],
        "type": "bilateral",
        "sdgs": [5, 11, 16],
        "targets": ["16.6", "5.5"],
        "competencies": ["a", "n"],
        "sectors": ["15110", "15185"],
        "applicants": ALL_APPLICANTS,
        "when": ("window", "2026-12-01", "2027-10-15"),
        "requirements": "Servidor público con funciones relacionadas con el curso.",
        "how": "Inscríbase en cada curso en la plataforma INTERCOONECTA antes de su plazo.",
        "url": "https://intercoonecta.aecid.es",
        "verified": "2026-11-02",
    },
    {
        "code": "AECID-MUNICIPIA",
        "org": "aecid",
        "title": "MUNICIPIA: cooperación municipalista de la Cooperación Española",
        "summary": (
            "Programa de la AECID que fortalece a gobiernos locales y sus asociaciones con "
            "intercambios entre municipios españoles y latinoamericanos."
        ),
        "description": (
            "MUNICIPIA reúne a la AECID, la Federación Española de Municipios y Provincias y "
            "gobiernos locales españoles para apoyar la descentralización, la localización de "
            "los ODS y la gestión de servicios públicos en América Latina."
        ),
        "modalities": ["technical_assistance", "exchange", "training"],
        "type": "decentralized",
        "sdgs": [11, 16, 17],
        "targets": ["16.7", "17.17"],
        "competencies": ["a", "n"],
        "sectors": ["15112", "15185"],
        "applicants": GAD_MANC,
        "when": "permanent",
        "requirements": "Iniciativas concertadas con asociaciones municipales como AME.",
        "how": "Exprese su interés a AME, que coordina con la AECID.",
        "contact": AME_CONTACT,
        "url": "https://www.aecid.es",
        "verified": "2026-07-07",
    },
    {
        "code": "APC-COL-SABER-HACER",
        "org": "apc-colombia",
        "title": "Saber Hacer Colombia: intercambios de conocimiento Sur-Sur",
        "summary": (
            "APC-Colombia comparte experiencias colombianas probadas en paz, desarrollo local, "
            "cultura y servicios públicos mediante intercambios técnicos."
        ),
        "description": (
            "La agencia de cooperación de Colombia ofrece a países socios visitas, pasantías y "
            "asistencia técnica sobre prácticas colombianas documentadas. Los intercambios se "
            "acuerdan en las comisiones mixtas y programas bilaterales."
        ),
        "modalities": ["exchange", "technical_assistance", "internships"],
        "type": "south_south",
        "sdgs": [16, 17],
        "targets": ["17.9"],
        "competencies": ["n"],
        "sectors": ["15185", "15220"],
        "applicants": GAD_MANC,
        "when": "permanent",
        "requirements": "Demanda concreta presentada por la vía bilateral.",
        "how": "Canalice la demanda con AME hacia la Cancillería, que la negocia con APC-Colombia.",
        "contact": AME_CONTACT,
        "url": "https://www.apccolombia.gov.co",
        "verified": "2025-07-15",
    },
    # --- Volunteering organisations -------------------------------------------------------------
    {
        "code": "FV-VSI",
        "org": "france-volontaires",
        "title": "Voluntariado de Solidaridad Internacional (VSI) en gobiernos locales",
        "summary": (
            "Voluntarios franceses de uno a dos años en gestión cultural, participación "
            "ciudadana, ambiente y desarrollo local."
        ),
        "description": (
            "France Volontaires promueve y acompaña misiones de voluntariado internacional. Un "
            "GAD puede recibir a un voluntario que aporta en proyectos culturales, turismo, "
            "participación ciudadana o ambiente, con una perspectiva internacional."
        ),
        "modalities": ["volunteering"],
        "type": "bilateral",
        "sdgs": [11, 17],
        "targets": ["11.4", "17.17"],
        "competencies": ["h", "n"],
        "sectors": ["16061", "15150"],
        "applicants": ALL_APPLICANTS,
        "when": "permanent",
        "requirements": (
            "Proyecto de misión con tareas claras, tutor institucional y aporte a los gastos "
            "del voluntario según el acuerdo."
        ),
        "how": "Contacte a la representación de France Volontaires en el Ecuador.",
        "url": "https://www.france-volontaires.org",
        "verified": "2026-05-13",
    },
    {
        "code": "FV-ORDENANZA-VOLUNTARIADO",
        "org": "france-volontaires",
        "title": "Asistencia técnica para ordenanzas municipales de voluntariado",
        "summary": (
            "Acompañamiento para que un GAD regule y promueva el voluntariado local e "
            "internacional con su propia ordenanza."
        ),
        "description": (
            "Una ordenanza de voluntariado da marco a las personas voluntarias que trabajan con "
            "el municipio: derechos, seguros, reconocimiento y coordinación. France Volontaires "
            "impulsa estas normas en los GAD desde la asamblea de Latacunga de 2024."
        ),
        "modalities": ["technical_assistance"],
        "type": "bilateral",
        "sdgs": [16, 17],
        "targets": ["16.7"],
        "competencies": ["n"],
        "sectors": ["15150"],
        "applicants": GAD_MANC,
        "when": "permanent",
        "requirements": "Voluntad del concejo municipal de tramitar la ordenanza.",
        "how": "Exprese su interés a AME.",
        "contact": AME_CONTACT,
        "url": "https://www.france-volontaires.org",
        "verified": "2026-05-13",
    },
    {
        "code": "CATALYSTE-MANDATOS",
        "org": "catalyste-plus",
        "title": "Mandatos de asesores voluntarios canadienses (Catalyste+)",
        "summary": (
            "Expertos canadienses voluntarios asesoran, en misiones de semanas, a municipios y "
            "organizaciones en desarrollo económico local y gestión."
        ),
        "description": (
            "Catalyste+ envía asesores con larga experiencia profesional para mandatos cortos, "
            "presenciales o virtuales: turismo, cadenas productivas, finanzas municipales, "
            "planificación estratégica. Trabaja con la financiación del Gobierno de Canadá."
        ),
        "modalities": ["volunteering", "technical_assistance"],
        "type": "bilateral",
        "sdgs": [8, 17],
        "targets": ["8.3", "17.9"],
        "competencies": ["a", "n"],
        "sectors": ["25010", "33210", "15185"],
        "applicants": ALL_APPLICANTS,
        "when": "permanent",
        "requirements": "Necesidad de asesoría bien delimitada y contraparte durante el mandato.",
        "how": "Contacte a la representación de Catalyste+ en el Ecuador.",
        "url": "https://catalysteplus.org",
        "verified": "2026-08-04",
    },
    {
        "code": "FVOL-VOLUNTARIADO-GAD",
        "org": "fundacion-voluntariados",
        "title": "Programas de voluntariado local para GAD municipales",
        "summary": (
            "La Fundación Voluntariados vincula voluntarios ecuatorianos y extranjeros con "
            "proyectos municipales y forma a los equipos que los coordinan."
        ),
        "description": (
            "Acompaña a los municipios en el diseño de programas de voluntariado: perfiles, "
            "convocatoria, seguros, reconocimiento y medición del aporte, en el marco de la "
            "normativa ecuatoriana."
        ),
        "modalities": ["volunteering", "training"],
        "type": "private",
        "sdgs": [17],
        "targets": ["17.17"],
        "competencies": ["n"],
        "sectors": ["15150"],
        "applicants": ALL_APPLICANTS,
        "when": "permanent",
        "requirements": "Proyecto municipal con espacio para voluntarios.",
        "how": "Escriba a la fundación o exprese su interés a AME.",
        "contact": AME_CONTACT,
        "verified": "2026-01-28",
    },
    {
        "code": "VNU-VOLUNTARIOS",
        "org": "unv",
        "title": "Voluntarios de las Naciones Unidas para instituciones públicas",
        "summary": (
            "Voluntarios nacionales o internacionales de la ONU asignados a instituciones, con "
            "financiamiento de la institución anfitriona o de un donante."
        ),
        "description": (
            "El programa VNU selecciona y administra voluntarios profesionales para proyectos de "
            "desarrollo. Un municipio puede incorporarlos financiando la asignación o dentro de "
            "un proyecto de una agencia de la ONU."
        ),
        "modalities": ["volunteering"],
        "type": "multilateral",
        "sdgs": [17],
        "targets": ["17.9"],
        "competencies": ["n"],
        "sectors": ["15185"],
        "applicants": ALL_APPLICANTS,
        "when": "permanent",
        "requirements": "Descripción de la asignación y financiamiento del costo del voluntario.",
        "how": "Contacte a la oficina del PNUD, que representa al programa VNU en el Ecuador.",
        "url": "https://www.unv.org",
        "verified": "2026-02-09",
    },
    # --- United Nations -------------------------------------------------------------------------
    {
        "code": "PNUD-PPD-2027",
        "org": "pnud",
        "title": "Programa de Pequeñas Donaciones del FMAM, convocatoria 2027",
        "summary": (
            "Donaciones de hasta 50.000 dólares para proyectos comunitarios de biodiversidad, "
            "clima, agua y tierras, ejecutados por organizaciones de base."
        ),
        "description": (
            "El Programa de Pequeñas Donaciones del Fondo para el Medio Ambiente Mundial, que "
            "implementa el PNUD, financia a organizaciones comunitarias. Los GAD participan como "
            "aliados: cofinancian, dan asistencia técnica y aseguran la continuidad."
        ),
        "modalities": ["non_reimbursable"],
        "type": "multilateral",
        "sdgs": [13, 15, 6],
        "targets": ["15.1", "13.1", "6.6"],
        "competencies": ["d", "h"],
        "sectors": ["41030", "41020", "14015"],
        "applicants": ("other",),
        "amount": (None, "50000", "USD"),
        "when": ("window", "2027-02-01", "2027-04-30"),
        "requirements": (
            "Organización comunitaria o sin fines de lucro legalmente constituida; "
            "cofinanciamiento en efectivo o en especie; aval de los aliados locales."
        ),
        "how": "Presente la propuesta en el formato de la convocatoria del programa.",
        "url": "https://sgp.undp.org",
        "verified": "2026-10-27",
    },
    {
        "code": "PNUD-PPD-2026",
        "org": "pnud",
        "title": "Programa de Pequeñas Donaciones del FMAM, convocatoria 2026",
        "summary": "Convocatoria 2026 del programa, ya cerrada.",
        "description": (
            "Financió proyectos comunitarios de conservación y adaptación. La convocatoria 2027 "
            "está en su propia ficha."
        ),
        "modalities": ["non_reimbursable"],
        "type": "multilateral",
        "sdgs": [13, 15],
        "targets": ["15.1"],
        "competencies": ["h"],
        "sectors": ["41030"],
        "applicants": ("other",),
        "amount": (None, "50000", "USD"),
        "when": ("window", "2026-02-02", "2026-04-30"),
        "requirements": "Organización comunitaria legalmente constituida.",
        "how": "Convocatoria cerrada.",
        "url": "https://sgp.undp.org",
        "status": OfferStatus.CLOSED,
        "verified": "2026-05-04",
    },
    {
        "code": "PNUD-LOCALIZACION-ODS",
        "org": "pnud",
        "title": "Asistencia técnica del PNUD para localizar los ODS en el PDOT",
        "summary": (
            "Acompañamiento para alinear el plan de desarrollo y ordenamiento territorial con "
            "los ODS, con indicadores y presupuesto."
        ),
        "description": (
            "El PNUD apoya a gobiernos locales a traducir la Agenda 2030 a metas cantonales, "
            "vincularlas con el presupuesto y reportar avances, por ejemplo con informes locales "
            "voluntarios."
        ),
        "modalities": ["technical_assistance", "training"],
        "type": "multilateral",
        "sdgs": [11, 16, 17],
        "targets": ["17.14", "16.6", "11.a"],
        "competencies": ["a"],
        "sectors": ["15110", "15112"],
        "applicants": GAD_MANC,
        "when": "permanent",
        "requirements": "PDOT en actualización o proceso de seguimiento en marcha.",
        "how": "Nota de interés a la oficina del PNUD en Quito, con copia a AME.",
        "url": "https://www.undp.org",
        "verified": "2026-06-30",
    },
    {
        "code": "ONUHABITAT-PUGS",
        "org": "onu-habitat",
        "title": "Asistencia técnica de ONU-Hábitat para planes de uso y gestión del suelo",
        "summary": (
            "Acompañamiento en la formulación del PUGS, instrumentos de gestión del suelo y "
            "financiamiento urbano basado en suelo."
        ),
        "description": (
            "ONU-Hábitat asesora a municipios ecuatorianos en la aplicación de la ley de "
            "ordenamiento territorial: clasificación del suelo, tratamientos urbanísticos, "
            "captura de plusvalías y vivienda adecuada."
        ),
        "modalities": ["technical_assistance", "training"],
        "type": "multilateral",
        "sdgs": [11],
        "targets": ["11.1", "11.3", "11.a"],
        "competencies": ["a", "b", "i"],
        "sectors": ["43031", "43030"],
        "applicants": GAD_MANC,
        "when": "permanent",
        "requirements": "Equipo de planificación y voluntad de actualizar el PUGS.",
        "how": "Nota de interés a la oficina de ONU-Hábitat en el Ecuador.",
        "url": "https://unhabitat.org",
        "verified": "2026-09-09",
    },
    {
        "code": "ONUHABITAT-CPI",
        "org": "onu-habitat",
        "title": "Iniciativa de Ciudades Prósperas: medición de la prosperidad urbana",
        "summary": (
            "Índice de ONU-Hábitat que mide la prosperidad de una ciudad en seis dimensiones y "
            "orienta sus políticas urbanas."
        ),
        "description": (
            "El índice CPI cubre productividad, infraestructura, calidad de vida, equidad, "
            "sostenibilidad ambiental y gobernanza. Sirve de línea de base para el PDOT."
        ),
        "modalities": ["technical_assistance"],
        "type": "multilateral",
        "sdgs": [11],
        "targets": ["11.3"],
        "competencies": ["a"],
        "sectors": ["43030", "15196"],
        "applicants": ("gad",),
        "when": "permanent",
        "requirements": "Información estadística del cantón y contraparte técnica.",
        "how": "Solicítela a la oficina de ONU-Hábitat.",
        "url": "https://unhabitat.org",
        "verified": "2024-09-30",
    },
    {
        "code": "UNICEF-CAI",
        "org": "unicef",
        "title": "Ciudades Amigas de la Infancia",
        "summary": (
            "Iniciativa de UNICEF que acompaña a municipios que ponen los derechos de niñas, "
            "niños y adolescentes en el centro de sus políticas."
        ),
        "description": (
            "El municipio hace un diagnóstico de la niñez, crea espacios de participación "
            "infantil y adolescente y adopta un plan de acción; UNICEF asesora y reconoce los "
            "avances."
        ),
        "modalities": ["technical_assistance"],
        "type": "multilateral",
        "sdgs": [4, 16],
        "targets": ["16.2", "4.2"],
        "competencies": ["g"],
        "sectors": ["16015", "15160"],
        "applicants": ("gad",),
        "when": "permanent",
        "requirements": "Compromiso formal de la alcaldía y del concejo municipal.",
        "how": "Carta de interés a la oficina de UNICEF en Quito.",
        "url": "https://www.unicef.org",
        "verified": "2026-04-14",
    },
    {
        "code": "FAO-CIUDADES-VERDES",
        "org": "fao",
        "title": "Ciudades Verdes: sistemas alimentarios y agricultura urbana",
        "summary": (
            "Asistencia técnica de la FAO para huertos urbanos, mercados, reducción de pérdidas "
            "de alimentos y políticas alimentarias municipales."
        ),
        "description": (
            "La iniciativa Ciudades Verdes de la FAO apoya a gobiernos locales a mejorar el "
            "acceso a alimentos sanos, los mercados municipales y los espacios verdes "
            "productivos."
        ),
        "modalities": ["technical_assistance", "training"],
        "type": "multilateral",
        "sdgs": [2, 11, 12],
        "targets": ["2.1", "12.3", "11.7"],
        "competencies": ["g", "a"],
        "sectors": ["43071", "31120"],
        "applicants": GAD_MANC,
        "when": "permanent",
        "requirements": "Área municipal responsable y disposición de espacios.",
        "how": "Nota de interés a la representación de la FAO en el Ecuador.",
        "url": "https://www.fao.org",
        "verified": "2026-05-28",
    },
    {
        "code": "ONUMUJERES-CIUDADES-SEGURAS",
        "org": "onu-mujeres",
        "title": "Ciudades y espacios públicos seguros para mujeres y niñas",
        "summary": (
            "Asistencia técnica de ONU Mujeres para prevenir el acoso sexual en el espacio "
            "público y el transporte; Quito forma parte de la iniciativa."
        ),
        "description": (
            "La iniciativa apoya diagnósticos, ordenanzas, mejoras urbanas y campañas para que "
            "las mujeres y las niñas usen las calles, parques y buses sin violencia."
        ),
        "modalities": ["technical_assistance"],
        "type": "multilateral",
        "sdgs": [5, 11],
        "targets": ["5.2", "11.7"],
        "competencies": ["g", "f"],
        "sectors": ["15180"],
        "applicants": ("gad",),
        "when": "permanent",
        "requirements": "Compromiso de la alcaldía y presupuesto para las acciones.",
        "how": "Carta de interés a la oficina de ONU Mujeres en el Ecuador.",
        "url": "https://www.unwomen.org",
        "verified": "2026-03-17",
    },
    {
        "code": "OIM-MGI-LOCAL",
        "org": "oim",
        "title": "Indicadores de gobernanza de la migración a nivel local",
        "summary": (
            "Evaluación, con la OIM, de las políticas migratorias del cantón y plan de mejoras "
            "para la integración de personas migrantes."
        ),
        "description": (
            "La OIM aplica con el municipio un conjunto de indicadores sobre derechos, "
            "coordinación, bienestar, movilidad y gestión de crisis, y publica un perfil que "
            "orienta sus políticas."
        ),
        "modalities": ["technical_assistance"],
        "type": "multilateral",
        "sdgs": [10, 16],
        "targets": ["10.7"],
        "competencies": ["a", "n"],
        "sectors": ["15190"],
        "applicants": ("gad",),
        "when": "permanent",
        "requirements": "Cantón con población migrante significativa; contraparte municipal.",
        "how": "Nota de interés a la oficina de la OIM en Quito.",
        "url": "https://www.iom.int",
        "verified": "2026-02-26",
    },
    {
        "code": "ACNUR-CIUDADES-SOLIDARIAS",
        "org": "acnur",
        "title": "Ciudades Solidarias: inclusión de personas refugiadas",
        "summary": (
            "ACNUR acompaña a municipios de acogida en la inclusión de personas refugiadas y "
            "desplazadas en servicios, empleo y espacio público."
        ),
        "description": (
            "La iniciativa reconoce y apoya a gobiernos locales con prácticas de inclusión. "
            "ACNUR prioriza los cantones de la frontera norte y las ciudades que más personas "
            "refugiadas reciben."
        ),
        "modalities": ["technical_assistance", "in_kind"],
        "type": "multilateral",
        "sdgs": [10, 11, 16],
        "targets": ["10.7", "16.b"],
        "competencies": ["g", "n"],
        "sectors": ["15190", "16015"],
        "provinces": ["04", "08", "10", "17", "21", "09"],
        "applicants": ("gad",),
        "when": "permanent",
        "requirements": "Cantón de acogida de población refugiada; compromiso municipal.",
        "how": "Contacte a la oficina de ACNUR más cercana.",
        "url": "https://www.acnur.org",
        "verified": "2026-06-10",
    },
    # --- European Union and multilaterals of the Americas -----------------------------------------
    {
        "code": "UE-EUROCLIMA",
        "org": "union-europea",
        "title": "EUROCLIMA: asistencia técnica para la acción climática",
        "summary": (
            "Programa de la Unión Europea que apoya planes de adaptación, movilidad urbana "
            "baja en carbono, agua y gestión de riesgos en América Latina."
        ),
        "description": (
            "EUROCLIMA trabaja con gobiernos nacionales y subnacionales por medio de agencias "
            "europeas (entre ellas GIZ, AFD y AECID). Ofrece asistencia técnica, intercambio "
            "regional y preparación de proyectos."
        ),
        "modalities": ["technical_assistance", "exchange"],
        "type": "multilateral",
        "sdgs": [13, 11],
        "targets": ["13.2", "13.3"],
        "competencies": ["a", "f", "d"],
        "sectors": ["41010", "43060"],
        "applicants": GAD_MANC,
        "when": "permanent",
        "requirements": "Iniciativa coordinada con el Gobierno nacional y la Delegación de la UE.",
        "how": "Contacte a la Delegación de la UE en Quito.",
        "url": "https://www.euroclima.org",
        "verified": "2026-08-20",
    },
    {
        "code": "UE-EUROSOCIAL",
        "org": "union-europea",
        "title": "EUROsociAL+: intercambio entre administraciones para la cohesión social",
        "summary": (
            "Asistencia técnica entre pares de Europa y América Latina en políticas de género, "
            "gobernanza y políticas sociales."
        ),
        "description": (
            "EUROsociAL+ responde a demandas de instituciones públicas con expertos de "
            "administraciones europeas y latinoamericanas, visitas de estudio y talleres."
        ),
        "modalities": ["technical_assistance", "exchange"],
        "type": "multilateral",
        "sdgs": [5, 10, 16],
        "targets": ["10.2", "16.6"],
        "competencies": ["n"],
        "sectors": ["15110", "16010"],
        "applicants": GAD_MANC,
        "when": "permanent",
        "requirements": "Demanda de una institución pública, coordinada con el ente rector.",
        "how": "Presente la demanda con apoyo de AME a la Delegación de la UE.",
        "contact": AME_CONTACT,
        "url": "https://eurosocial.eu",
        "verified": "2026-08-20",
    },
    {
        "code": "UE-LACIP",
        "org": "union-europea",
        "title": "Inversión de la UE combinada con bancos de desarrollo para infraestructura",
        "summary": (
            "Aportes no reembolsables de la UE que acompañan préstamos de bancos europeos y "
            "regionales para agua, energía y movilidad."
        ),
        "description": (
            "Mediante su plataforma de inversión para América Latina y el Caribe, la UE combina "
            "donaciones con préstamos de KfW, AFD, BEI, CAF o BID. Un GAD accede a ellas dentro "
            "de un préstamo de esos bancos."
        ),
        "modalities": ["non_reimbursable"],
        "type": "multilateral",
        "sdgs": [6, 7, 11],
        "targets": ["6.1", "7.2", "11.2"],
        "competencies": ["d", "f"],
        "sectors": ["14020", "21012", "23210"],
        "applicants": GAD_MANC,
        "when": "permanent",
        "requirements": "Préstamo en preparación con un banco socio de la UE.",
        "how": "Consulte al banco que financia el proyecto.",
        "url": "https://www.eeas.europa.eu/delegations/ecuador_es",
        "verified": "2026-08-20",
    },
    {
        "code": "OEA-BECAS-2027",
        "org": "oea",
        "title": "Becas académicas y de desarrollo profesional de la OEA",
        "summary": (
            "Becas para maestrías, doctorados y cursos cortos en universidades de las Américas, "
            "con alianzas que reducen la matrícula."
        ),
        "description": (
            "El programa de becas de la OEA y su Programa de Alianzas para la Educación y la "
            "Capacitación (PAEC) permiten a servidores municipales estudiar gestión pública, "
            "planificación urbana o ambiente, presencialmente o en línea."
        ),
        "modalities": ["scholarships"],
        "type": "multilateral",
        "sdgs": [4],
        "targets": ["4.b"],
        "competencies": ["n"],
        "sectors": ["11420"],
        "applicants": ("other",),
        "when": ("yearly", (1, 15), (3, 31)),
        "requirements": "Ciudadanía de un Estado miembro, título y admisión según el programa.",
        "how": "Postule en línea en la convocatoria de la OEA.",
        "url": "https://www.oas.org/es/becas/",
        "verified": "2026-01-19",
    },
    # --- City networks and associations ---------------------------------------------------------
    {
        "code": "MERCOCIUDADES-MEMBRESIA",
        "org": "mercociudades",
        "title": "Membresía en Mercociudades",
        "summary": (
            "Red de más de 300 ciudades sudamericanas: unidades temáticas, proyectos conjuntos "
            "y formación para sus miembros."
        ),
        "description": (
            "Las ciudades socias participan en unidades temáticas (ambiente, cultura, género, "
            "desarrollo económico, cooperación), en su cumbre anual y en proyectos financiados "
            "por la red y sus aliados. Nabón es uno de los municipios ecuatorianos miembros."
        ),
        "modalities": ["exchange", "training"],
        "type": "decentralized",
        "sdgs": [11, 17],
        "targets": ["17.17", "11.a"],
        "competencies": ["n"],
        "sectors": ["15185"],
        "applicants": ("gad",),
        "when": "permanent",
        "requirements": "Resolución del concejo municipal y pago de la cuota anual.",
        "how": "Solicitud de adhesión a la Secretaría Técnica Permanente, con apoyo de AME.",
        "contact": AME_CONTACT,
        "url": "https://mercociudades.org",
        "verified": "2026-06-24",
    },
    {
        "code": "ICLEI-MEMBRESIA",
        "org": "iclei",
        "title": "Membresía en ICLEI – Gobiernos Locales por la Sustentabilidad",
        "summary": (
            "Red mundial de gobiernos locales para la sustentabilidad: asistencia técnica, "
            "proyectos y acceso a financiamiento climático."
        ),
        "description": (
            "ICLEI acompaña a sus miembros en planes de acción climática, biodiversidad urbana, "
            "economía circular y compras sostenibles, y los vincula con proyectos y fondos "
            "internacionales."
        ),
        "modalities": ["technical_assistance", "exchange", "training"],
        "type": "decentralized",
        "sdgs": [11, 13, 15],
        "targets": ["13.2", "11.6"],
        "competencies": ["a", "d"],
        "sectors": ["41010"],
        "applicants": ("gad",),
        "when": "permanent",
        "requirements": "Resolución municipal de adhesión y cuota según población.",
        "how": "Solicitud a la oficina regional de ICLEI.",
        "url": "https://iclei.org",
        "verified": "2026-09-02",
    },
    {
        "code": "ICLEI-CDP-2027",
        "org": "iclei",
        "title": "Reporte climático de ciudades CDP-ICLEI Track",
        "summary": (
            "Plataforma gratuita donde el municipio reporta sus emisiones, riesgos y acciones "
            "climáticas y recibe retroalimentación."
        ),
        "description": (
            "El reporte anual ayuda a ordenar los datos climáticos del cantón, compararse con "
            "otras ciudades y mostrar a los financiadores una gestión transparente."
        ),
        "modalities": ["technical_assistance"],
        "type": "decentralized",
        "sdgs": [13],
        "targets": ["13.2"],
        "competencies": ["a"],
        "sectors": ["41010"],
        "applicants": ("gad",),
        "when": ("yearly", (6, 1), (9, 30)),
        "requirements": "Equipo municipal que reúna la información climática.",
        "how": "Regístrese en la plataforma del ciclo de reporte.",
        "url": "https://iclei.org",
        "verified": "2026-06-05",
    },
    {
        "code": "WEGO-FACTIBILIDAD-2027",
        "org": "wego",
        "title": "Estudios de factibilidad de ciudad inteligente de WeGO",
        "summary": (
            "WeGO financia estudios de factibilidad para proyectos de ciudad inteligente de sus "
            "ciudades miembro."
        ),
        "description": (
            "Expertos coreanos y locales analizan un proyecto concreto (gestión de tránsito, "
            "gobierno electrónico, seguridad, servicios digitales) y entregan un estudio de "
            "factibilidad para buscar financiamiento. Cuenca ha compartido su experiencia en esta red."
        ),
        "modalities": ["technical_assistance", "non_reimbursable"],
        "type": "decentralized",
        "sdgs": [9, 11],
        "targets": ["9.c", "11.3"],
        "competencies": ["a", "f"],
        "sectors": ["22040", "15185"],
        "applicants": ("gad",),
        "when": ("yearly", (3, 2), (4, 30)),
        "requirements": "Ser ciudad miembro de WeGO; proyecto identificado y contraparte.",
        "how": "Postule en la convocatoria anual de WeGO.",
        "url": "https://we-gov.org",
        "verified": "2026-03-30",
    },
    {
        "code": "WEGO-CAPACITACION",
        "org": "wego",
        "title": "Programas de formación de WeGO en ciudades inteligentes",
        "summary": (
            "Cursos en línea y presenciales para servidores municipales sobre gobierno digital "
            "y servicios urbanos inteligentes."
        ),
        "description": (
            "WeGO organiza cursos con la Ciudad Metropolitana de Seúl y otros socios para sus "
            "miembros, con becas para los participantes seleccionados."
        ),
        "modalities": ["training", "scholarships"],
        "type": "decentralized",
        "sdgs": [9, 11, 16],
        "targets": ["16.6"],
        "competencies": ["n"],
        "sectors": ["22040"],
        "applicants": ("gad",),
        "when": ("yearly", (4, 1), (5, 31)),
        "requirements": "Servidor de una ciudad miembro; inglés.",
        "how": "Postule en la convocatoria del curso.",
        "url": "https://we-gov.org",
        "verified": "2026-04-22",
    },
    {
        "code": "CGLU-APRENDIZAJE",
        "org": "cglu",
        "title": "Aprendizaje entre pares de CGLU y Foro de Ciudades Intermedias",
        "summary": (
            "Intercambios, talleres y publicaciones de la red mundial de gobiernos locales, con "
            "un foro dedicado a las ciudades intermedias."
        ),
        "description": (
            "CGLU organiza aprendizajes entre pares sobre localización de los ODS, finanzas "
            "locales y servicios públicos. Los municipios ecuatorianos participan a través de "
            "AME, miembro de FLACMA, su sección latinoamericana."
        ),
        "modalities": ["exchange", "training"],
        "type": "decentralized",
        "sdgs": [11, 17],
        "targets": ["17.17"],
        "competencies": ["n"],
        "sectors": ["15185"],
        "applicants": ("gad",),
        "when": "permanent",
        "requirements": "Interés y disponibilidad de participar; idiomas según la actividad.",
        "how": "Exprese su interés a AME.",
        "contact": AME_CONTACT,
        "url": "https://www.uclg.org",
        "verified": "2025-05-06",
    },
    {
        "code": "FLACMA-RED",
        "org": "flacma",
        "title": "Participación en FLACMA y su agenda municipalista",
        "summary": (
            "Espacios de diálogo, intercambio y representación del municipalismo "
            "latinoamericano, con prioridades 2024–2030 en clima, digitalización e inclusión."
        ),
        "description": (
            "FLACMA reúne asociaciones y ciudades de América Latina. AME es parte de su Buró; "
            "los GAD pueden sumarse a sus encuentros, paneles y misiones, y a los hermanamientos "
            "que surgen de ellos."
        ),
        "modalities": ["exchange"],
        "type": "decentralized",
        "sdgs": [11, 16, 17],
        "targets": ["17.17"],
        "competencies": ["n"],
        "sectors": ["15185"],
        "applicants": ("gad",),
        "when": "permanent",
        "requirements": "Interés del GAD; las actividades se coordinan con AME.",
        "how": "Exprese su interés a AME.",
        "contact": AME_CONTACT,
        "url": "https://www.flacma.lat",
        "verified": "2026-02-12",
    },
    {
        "code": "CIDEU-PEU-2027",
        "org": "cideu",
        "title": "Programa de Especialización en Pensamiento Estratégico Urbano (CIDEU)",
        "summary": (
            "Formación virtual para diseñar y gestionar proyectos urbanos estratégicos, "
            "dirigida a equipos de ciudades iberoamericanas."
        ),
        "description": (
            "El programa, de varios meses y en línea, enseña a pasar de un plan estratégico a "
            "proyectos urbanos concretos, con tutorías y el caso de la propia ciudad."
        ),
        "modalities": ["training"],
        "type": "decentralized",
        "sdgs": [11],
        "targets": ["11.3"],
        "competencies": ["a"],
        "sectors": ["43030"],
        "applicants": ALL_APPLICANTS,
        "when": ("window", "2026-10-01", "2027-02-12"),
        "requirements": "Profesional vinculado a la planificación de una ciudad.",
        "how": "Inscripción en línea; las ciudades socias tienen condiciones preferentes.",
        "url": "https://www.cideu.org",
        "verified": "2026-10-08",
    },
    {
        "code": "FCM-MDE-INTERCAMBIO",
        "org": "fcm",
        "title": "Intercambio técnico AME–FCM entre municipios del Ecuador y Colombia",
        "summary": (
            "Asistencia técnica, formación y hermanamientos entre municipios ecuatorianos y "
            "colombianos, en el marco del memorando firmado en Bogotá en 2025."
        ),
        "description": (
            "El memorando entre AME y la Federación Colombiana de Municipios abre intercambios "
            "en planificación urbana, gobernanza territorial, participación, servicios públicos, "
            "transición ecológica y digitalización, y acceso mutuo a eventos y cursos."
        ),
        "modalities": ["exchange", "technical_assistance", "training"],
        "type": "intermunicipal",
        "sdgs": [11, 16, 17],
        "targets": ["17.17", "16.7"],
        "competencies": ["a", "n"],
        "sectors": ["15185", "43030"],
        "applicants": GAD_MANC,
        "when": "permanent",
        "requirements": "Prioridades temáticas o territoriales definidas por el GAD.",
        "how": "Exprese su interés a AME indicando el tema y, si lo tiene, el municipio socio.",
        "contact": AME_CONTACT,
        "url": "https://www.fcm.org.co",
        "verified": "2026-03-16",
    },
    # --- Partners of the Bogotá 2025 and El Salvador 2024 agendas --------------------------------
    {
        "code": "BOGOTA-MANZANAS-CUIDADO",
        "org": "alcaldia-mayor-bogota",
        "title": "Intercambio sobre el Sistema de Cuidado y las Manzanas del Cuidado de Bogotá",
        "summary": (
            "Asistencia técnica para diseñar servicios municipales que reduzcan la carga de "
            "cuidado no remunerado de las mujeres."
        ),
        "description": (
            "Bogotá concentra en un mismo barrio servicios para las cuidadoras: formación, "
            "descanso, lavandería, orientación jurídica y psicosocial, empleo. Comparte con "
            "municipios ecuatorianos cómo lo organiza y financia."
        ),
        "modalities": ["exchange", "technical_assistance"],
        "type": "decentralized",
        "sdgs": [5, 10],
        "targets": ["5.4", "10.2"],
        "competencies": ["g"],
        "sectors": ["15170", "16015"],
        "applicants": ("gad",),
        "when": "permanent",
        "requirements": "Interés en políticas de cuidado y un área municipal responsable.",
        "how": "Exprese su interés a AME.",
        "contact": AME_CONTACT,
        "url": "https://bogota.gov.co",
        "verified": "2026-03-16",
    },
    {
        "code": "EMB-EC-CO-HERMANAMIENTOS",
        "org": "embajada-ecuador-colombia",
        "title": "Apoyo de la Embajada en Colombia para hermanamientos entre ciudades",
        "summary": (
            "La Embajada del Ecuador en Bogotá facilita contactos y acuerdos de hermanamiento "
            "con ciudades colombianas."
        ),
        "description": (
            "La Embajada identifica ciudades colombianas afines, acompaña las primeras reuniones "
            "y da seguimiento a los acuerdos, junto con AME y la Federación Colombiana de "
            "Municipios."
        ),
        "modalities": ["exchange"],
        "type": "decentralized",
        "sdgs": [17],
        "targets": ["17.17"],
        "competencies": ["n"],
        "sectors": ["15122"],
        "applicants": ("gad",),
        "when": "permanent",
        "requirements": "Interés del concejo municipal y temas de cooperación definidos.",
        "how": "Exprese su interés a AME.",
        "contact": AME_CONTACT,
        "url": "https://www.cancilleria.gob.ec",
        "verified": "2026-03-16",
    },
    {
        "code": "OCE-BOGOTA-EXPORTACION",
        "org": "oficina-comercial-ecuador-bogota",
        "title": "Asesoría para exportar productos de los cantones a Colombia",
        "summary": (
            "Orientación sobre requisitos de ingreso, normas y contactos comerciales para "
            "productores de los cantones que quieren vender en Colombia."
        ),
        "description": (
            "La Oficina Comercial en Bogotá informa sobre aranceles, registros sanitarios y "
            "compradores, y apoya la atracción de inversión a sectores productivos de los "
            "cantones."
        ),
        "modalities": ["technical_assistance"],
        "sdgs": [8, 17],
        "targets": ["8.3", "17.11"],
        "competencies": ["n"],
        "sectors": ["33120", "25010"],
        "applicants": ALL_APPLICANTS,
        "when": "permanent",
        "requirements": "Producto u oferta exportable identificada.",
        "how": "Exprese su interés a AME, que coordina con la Oficina Comercial.",
        "contact": AME_CONTACT,
        "url": "https://www.proecuador.gob.ec",
        "verified": "2026-03-16",
    },
    {
        "code": "CANCILLERIA-COMERCIO-2027",
        "org": "cancilleria-ecuador",
        "title": "Formación para GAD en comercio exterior e internacionalización",
        "summary": (
            "Talleres de la Cancillería y sus oficinas comerciales, coordinados con AME, sobre "
            "exportaciones, inversión y relaciones internacionales de los municipios."
        ),
        "description": (
            "Ciclo de capacitación para técnicos y autoridades municipales: cómo posicionar la "
            "oferta exportable del cantón, atraer inversión y gestionar la agenda internacional "
            "del GAD."
        ),
        "modalities": ["training"],
        "sdgs": [8, 17],
        "targets": ["17.11"],
        "competencies": ["n"],
        "sectors": ["33181", "15121"],
        "applicants": GAD_MANC,
        "when": ("window", "2027-02-01", "2027-03-19"),
        "requirements": "Técnicos de cooperación, desarrollo económico o relaciones internacionales.",
        "how": "Inscripción a través de AME.",
        "contact": AME_CONTACT,
        "url": "https://www.cancilleria.gob.ec",
        "verified": "2026-11-03",
    },
    {
        "code": "OPAMSS-AT-PLANIFICACION",
        "org": "opamss",
        "title": "Asistencia técnica de OPAMSS en planificación y control del desarrollo urbano",
        "summary": (
            "La oficina técnica del área metropolitana de San Salvador comparte su experiencia "
            "en planificación metropolitana, normas urbanas e investigación con datos."
        ),
        "description": (
            "OPAMSS trabaja en tres ejes: control del desarrollo urbano, planificación e "
            "investigación, y desarrollo social y económico. Ofrece a los GAD asistencia técnica "
            "y formación en gobernanza metropolitana, normas técnicas y uso de datos."
        ),
        "modalities": ["technical_assistance", "exchange", "training"],
        "type": "decentralized",
        "sdgs": [11],
        "targets": ["11.3", "11.a"],
        "competencies": ["a", "b"],
        "sectors": ["43031", "43030"],
        "applicants": GAD_MANC,
        "when": "permanent",
        "requirements": "Área de planificación que defina la demanda.",
        "how": "Exprese su interés a AME.",
        "contact": AME_CONTACT,
        "url": "https://opamss.org.sv",
        "verified": "2026-01-22",
    },
    {
        "code": "OPAMSS-VENTANILLA-VIRTUAL",
        "org": "opamss",
        "title": "Intercambio sobre trámites urbanos en ventanilla virtual",
        "summary": (
            "Cómo OPAMSS digitalizó los permisos de parcelación y construcción del área "
            "metropolitana de San Salvador."
        ),
        "description": (
            "Intercambio técnico sobre la modernización de trámites de construcción: requisitos "
            "en línea, revisión digital de planos y seguimiento por el ciudadano."
        ),
        "modalities": ["exchange", "technical_assistance"],
        "type": "decentralized",
        "sdgs": [11, 16],
        "targets": ["16.6"],
        "competencies": ["b"],
        "sectors": ["43031", "15110"],
        "applicants": ("gad",),
        "when": "permanent",
        "requirements": "Unidad de control urbano interesada en digitalizar trámites.",
        "how": "Exprese su interés a AME.",
        "contact": AME_CONTACT,
        "url": "https://opamss.org.sv",
        "verified": "2026-01-22",
    },
    {
        "code": "SANSALVADOR-CENTRO-HISTORICO",
        "org": "alcaldia-san-salvador",
        "title": "Intercambio sobre la revitalización del centro histórico de San Salvador",
        "summary": (
            "Experiencia de recuperación de plazas, calles, mercados e iluminación del centro "
            "histórico, y su efecto en turismo y seguridad."
        ),
        "description": (
            "San Salvador soterró redes eléctricas, rehabilitó espacios públicos, reubicó "
            "comercio en un mercado nuevo y mejoró la iluminación peatonal. Ofrece asistencia "
            "técnica y visitas a municipios con centros patrimoniales."
        ),
        "modalities": ["exchange", "technical_assistance"],
        "type": "decentralized",
        "sdgs": [11],
        "targets": ["11.4", "11.7"],
        "competencies": ["h", "g", "c"],
        "sectors": ["43032", "16066"],
        "applicants": ("gad",),
        "when": "permanent",
        "requirements": "Centro histórico o patrimonial con plan de intervención.",
        "how": "Exprese su interés a AME.",
        "contact": AME_CONTACT,
        "url": "https://www.sansalvador.gob.sv",
        "verified": "2026-01-22",
    },
    {
        "code": "SANSALVADOR-CUBO-SEGURIDAD",
        "org": "alcaldia-san-salvador",
        "title": "Intercambio sobre prevención de la violencia: CUBO y videovigilancia",
        "summary": (
            "Centros comunitarios de lectura, arte y tecnología (CUBO) y el sistema de "
            "videovigilancia municipal como herramientas de seguridad ciudadana."
        ),
        "description": (
            "Los CUBO recuperan espacios públicos en barrios para actividades culturales, "
            "deportivas y digitales que previenen la violencia; el sistema de videovigilancia "
            "integra cámaras y respuesta a incidentes."
        ),
        "modalities": ["exchange"],
        "type": "decentralized",
        "sdgs": [11, 16],
        "targets": ["16.1", "11.7"],
        "competencies": ["g"],
        "sectors": ["15220", "16061"],
        "applicants": ("gad",),
        "when": "permanent",
        "requirements": "Plan municipal de seguridad ciudadana o de espacio público.",
        "how": "Exprese su interés a AME.",
        "contact": AME_CONTACT,
        "url": "https://www.sansalvador.gob.sv",
        "verified": "2026-01-22",
    },
    {
        "code": "BINAES-BIBLIOTECAS",
        "org": "binaes",
        "title": "Asistencia técnica para bibliotecas municipales inclusivas",
        "summary": (
            "La Biblioteca Nacional de El Salvador comparte su modelo de biblioteca accesible y "
            "multifuncional por edades, con espacios digitales."
        ),
        "description": (
            "Asesoría para bibliotecas municipales con salas por edad, accesibilidad (braille, "
            "sala sensorial), tecnología y programación cultural."
        ),
        "modalities": ["technical_assistance", "exchange"],
        "type": "south_south",
        "sdgs": [4, 10],
        "targets": ["4.a", "10.2"],
        "competencies": ["g", "h"],
        "sectors": ["16061"],
        "applicants": ("gad",),
        "when": "permanent",
        "requirements": "Biblioteca municipal en funcionamiento o en proyecto.",
        "how": "Exprese su interés a AME.",
        "contact": AME_CONTACT,
        "verified": "2026-01-22",
    },
    {
        "code": "LAGEO-GEOTERMIA",
        "org": "lageo",
        "title": "Intercambio técnico sobre aprovechamiento geotérmico",
        "summary": (
            "Experiencia salvadoreña en generación geotérmica y relación con comunidades, para "
            "cantones con recursos geotérmicos."
        ),
        "description": (
            "LaGeo produce electricidad geotérmica en El Salvador y su fundación trabaja con las "
            "comunidades vecinas. Ofrece intercambio técnico a los territorios ecuatorianos con "
            "potencial geotérmico, como Carchi e Imbabura."
        ),
        "modalities": ["exchange", "technical_assistance"],
        "type": "south_south",
        "sdgs": [7, 13],
        "targets": ["7.2"],
        "competencies": ["a"],
        "sectors": ["23260"],
        "provinces": ["04", "10"],
        "applicants": GAD_MANC,
        "when": "permanent",
        "requirements": "Territorio con prospecto geotérmico identificado.",
        "how": "Exprese su interés a AME.",
        "contact": AME_CONTACT,
        "url": "https://www.lageo.com.sv",
        "verified": "2026-01-22",
    },
    {
        "code": "COMIXTA-EC-SV-2027",
        "org": "embajada-ecuador-el-salvador",
        "title": "Comisión Mixta Ecuador–El Salvador: proyectos municipales de cooperación Sur-Sur",
        "summary": (
            "Los GAD pueden proponer proyectos de control urbano, planificación y desarrollo "
            "local para la próxima Comisión Mixta de Cooperación Técnica y Científica."
        ),
        "description": (
            "Las cancillerías de ambos países negocian y priorizan proyectos de cooperación "
            "Sur-Sur en la Comisión Mixta. AME reúne las propuestas municipales y la Embajada "
            "las respalda."
        ),
        "modalities": ["technical_assistance", "exchange"],
        "type": "south_south",
        "sdgs": [11, 17],
        "targets": ["17.9", "17.6"],
        "competencies": ["a", "b", "n"],
        "sectors": ["15185", "43030"],
        "applicants": GAD_MANC,
        "when": ("window", "2026-10-15", "2027-01-29"),
        "requirements": "Perfil de proyecto con objetivo, actividades y contraparte.",
        "how": "Envíe el perfil a AME, que lo presenta a la Cancillería.",
        "contact": AME_CONTACT,
        "url": "https://www.cancilleria.gob.ec",
        "verified": "2026-10-15",
    },
    {
        "code": "OCE-GUATEMALA-EXPORTACION",
        "org": "oficina-comercial-ecuador-guatemala",
        "title": "Asesoría para vender productos de los cantones en El Salvador y Guatemala",
        "summary": (
            "La Oficina Comercial del Ecuador en Guatemala, que atiende también El Salvador, "
            "orienta a productores municipales sobre esos mercados."
        ),
        "description": (
            "El Salvador compra en el exterior buena parte de lo que consume. La Oficina "
            "Comercial informa sobre requisitos de entrada, ferias y compradores, y acompaña "
            "los primeros contactos."
        ),
        "modalities": ["technical_assistance"],
        "sdgs": [8, 17],
        "targets": ["17.11"],
        "competencies": ["n"],
        "sectors": ["33120"],
        "applicants": ALL_APPLICANTS,
        "when": "permanent",
        "requirements": "Producto con registro sanitario y capacidad de abastecimiento.",
        "how": "Exprese su interés a AME, que coordina con la Oficina Comercial.",
        "contact": AME_CONTACT,
        "url": "https://www.proecuador.gob.ec",
        "verified": "2026-01-22",
    },
    {
        "code": "AHUACHAPAN-HERMANAMIENTO",
        "org": "alcaldia-ahuachapan-centro",
        "title": "Hermanamiento con Ahuachapán Centro: turismo, saberes ancestrales y seguridad",
        "summary": (
            "Intercambio de buenas prácticas con el municipio salvadoreño en turismo sostenible, "
            "cultura y su cuerpo de agentes municipales."
        ),
        "description": (
            "Ahuachapán Centro propuso instrumentos de hermanamiento para compartir experiencias "
            "en recuperación de saberes ancestrales, multiculturalidad, turismo basado en sus "
            "recursos naturales y culturales, y seguridad municipal."
        ),
        "modalities": ["exchange"],
        "type": "intermunicipal",
        "sdgs": [8, 11],
        "targets": ["8.9", "11.4"],
        "competencies": ["h", "n"],
        "sectors": ["33210", "16061"],
        "applicants": ("gad",),
        "when": "permanent",
        "requirements": "Resolución del concejo sobre el hermanamiento.",
        "how": "Exprese su interés a AME.",
        "contact": AME_CONTACT,
        "verified": "2026-01-22",
    },
    {
        "code": "CONAMM-INTERCAMBIO",
        "org": "conamm",
        "title": "Intercambio con municipios de México en desarrollo económico y cultura",
        "summary": (
            "La Conferencia Nacional de Municipios de México propone intercambios y "
            "hermanamientos con municipios ecuatorianos."
        ),
        "description": (
            "En el Buró de FLACMA 2025 la CONAMM y AME acordaron explorar un memorando para "
            "intercambiar experiencias de desarrollo económico y cultural y promover "
            "hermanamientos."
        ),
        "modalities": ["exchange"],
        "type": "intermunicipal",
        "sdgs": [8, 17],
        "targets": ["17.17"],
        "competencies": ["n"],
        "sectors": ["15185"],
        "applicants": ("gad",),
        "when": "permanent",
        "requirements": "Tema de interés y municipio mexicano afín, si lo hay.",
        "how": "Exprese su interés a AME.",
        "contact": AME_CONTACT,
        "verified": "2026-02-12",
    },
    {
        "code": "PLENARIO-UY-INTERCAMBIO",
        "org": "plenario-municipios-uruguay",
        "title": "Intercambio con municipios del Uruguay",
        "summary": (
            "Cooperación bilateral con el Plenario de Municipios en gestión de recursos, "
            "infraestructura urbana y políticas inclusivas."
        ),
        "description": (
            "El Plenario, que reúne a los municipios uruguayos, acordó con AME explorar "
            "intercambios técnicos y hermanamientos entre gobiernos locales de ambos países."
        ),
        "modalities": ["exchange"],
        "type": "intermunicipal",
        "sdgs": [11, 17],
        "targets": ["17.17"],
        "competencies": ["n"],
        "sectors": ["15185"],
        "applicants": ("gad",),
        "when": "permanent",
        "requirements": "Tema de interés definido por el GAD.",
        "how": "Exprese su interés a AME.",
        "contact": AME_CONTACT,
        "verified": "2026-02-12",
    },
    {
        "code": "ABM-INTERCAMBIO",
        "org": "abm-brasil",
        "title": "Intercambio con municipios del Brasil en innovación y patrimonio",
        "summary": (
            "La Asociación Brasileña de Municipios ofrece intercambios en innovación, desarrollo "
            "económico y preservación del patrimonio cultural."
        ),
        "description": (
            "En el Buró de FLACMA 2025 la ABM y AME acordaron explorar alianzas y "
            "hermanamientos entre municipios brasileños y ecuatorianos."
        ),
        "modalities": ["exchange"],
        "type": "intermunicipal",
        "sdgs": [9, 11],
        "targets": ["11.4"],
        "competencies": ["h", "n"],
        "sectors": ["15185", "16066"],
        "applicants": ("gad",),
        "when": "permanent",
        "requirements": "Tema de interés definido por el GAD.",
        "how": "Exprese su interés a AME.",
        "contact": AME_CONTACT,
        "verified": "2026-02-12",
    },
    # --- National bodies, foundations, academia and private sector -------------------------------
    {
        "code": "CNC-FORTALECIMIENTO",
        "org": "consejo-nacional-competencias",
        "title": "Fortalecimiento institucional del CNC para el ejercicio de competencias",
        "summary": (
            "Capacitación y asistencia técnica a los GAD en las competencias transferidas: "
            "tránsito, patrimonio, áridos, bomberos y cooperación internacional."
        ),
        "description": (
            "El Consejo Nacional de Competencias acompaña a los municipios para ejercer sus "
            "competencias con calidad: normativa, modelos de gestión y costeo."
        ),
        "modalities": ["training", "technical_assistance"],
        "sdgs": [16],
        "targets": ["16.6"],
        "competencies": ["f", "h", "l", "m", "n"],
        "sectors": ["15112"],
        "applicants": GAD_MANC,
        "when": "permanent",
        "requirements": "Solicitud del GAD sobre la competencia concreta.",
        "how": "Oficio al CNC.",
        "url": "https://www.competencias.gob.ec",
        "verified": "2026-02-03",
    },
    {
        "code": "KAS-FORMACION-MUNICIPAL",
        "org": "kas",
        "title": "Formación en gestión municipal y participación ciudadana (KAS)",
        "summary": (
            "Seminarios y diplomados de la Fundación Konrad Adenauer para autoridades y "
            "técnicos locales."
        ),
        "description": (
            "La fundación organiza, con universidades y asociaciones, formación en "
            "descentralización, finanzas locales, transparencia y liderazgo."
        ),
        "modalities": ["training"],
        "type": "private",
        "sdgs": [16],
        "targets": ["16.7"],
        "competencies": ["n"],
        "sectors": ["15150", "15112"],
        "applicants": ALL_APPLICANTS,
        "when": ("yearly", (3, 1), (4, 15)),
        "requirements": "Autoridad o técnico municipal.",
        "how": "Postule en la convocatoria de la fundación.",
        "url": "https://www.kas.de",
        "verified": "2026-03-11",
    },
    {
        "code": "FARO-GOBIERNO-ABIERTO",
        "org": "grupo-faro",
        "title": "Acompañamiento de Grupo FARO en gobierno abierto municipal",
        "summary": (
            "Asistencia técnica para transparencia, datos abiertos y participación ciudadana en "
            "la gestión del GAD."
        ),
        "description": (
            "Grupo FARO ayuda a los municipios a publicar información útil, abrir datos y crear "
            "espacios de participación, y conecta a los GAD con redes y fondos."
        ),
        "modalities": ["technical_assistance"],
        "type": "private",
        "sdgs": [16],
        "targets": ["16.6", "16.10"],
        "competencies": ["n"],
        "sectors": ["15150", "15153"],
        "applicants": GAD_MANC,
        "when": "permanent",
        "requirements": "Compromiso de la alcaldía con la transparencia.",
        "how": "Contacte a Grupo FARO.",
        "url": "https://grupofaro.org",
        "verified": "2026-04-29",
    },
    {
        "code": "FLACSO-BECAS-2027",
        "org": "flacso-ecuador",
        "title": "Becas parciales de FLACSO Ecuador para posgrados en desarrollo local",
        "summary": (
            "Descuentos y becas para maestrías en desarrollo territorial, estudios urbanos y "
            "relaciones internacionales."
        ),
        "description": (
            "FLACSO Ecuador otorga becas según mérito y situación económica en sus "
            "convocatorias de posgrado, útiles para profesionalizar a los equipos de "
            "cooperación."
        ),
        "modalities": ["scholarships"],
        "type": "private",
        "sdgs": [4],
        "targets": ["4.3"],
        "competencies": ["n"],
        "sectors": ["11420"],
        "applicants": ("other",),
        "when": ("window", "2026-10-01", "2027-02-26"),
        "requirements": "Título de tercer nivel y admisión en el programa.",
        "how": "Postule en la convocatoria de admisiones de FLACSO.",
        "url": "https://www.flacso.edu.ec",
        "verified": "2026-10-01",
    },
    {
        "code": "CORPEI-INVERSION",
        "org": "corpei",
        "title": "Asistencia técnica de CORPEI para atraer inversión extranjera al cantón",
        "summary": (
            "Estudios, perfiles de inversión y ruedas de negocios para que un municipio capte "
            "inversión extranjera directa."
        ),
        "description": (
            "CORPEI prepara con el GAD la oferta de inversión del cantón, lo vincula con "
            "inversionistas y comparte casos de municipios que lo lograron."
        ),
        "modalities": ["technical_assistance"],
        "type": "private",
        "sdgs": [8, 9],
        "targets": ["8.3"],
        "competencies": ["a"],
        "sectors": ["25010", "33120"],
        "applicants": GAD_MANC,
        "when": "permanent",
        "requirements": "Sectores productivos priorizados en el PDOT.",
        "how": "Contacte a CORPEI.",
        "url": "https://corpei.org",
        "verified": "2026-05-06",
    },
    {
        "code": "SIPP-APP-ASESORIA",
        "org": "sipp",
        "title": "Asesoría para estructurar asociaciones público-privadas municipales",
        "summary": "Acompañamiento para financiar obras municipales con inversión privada (APP).",
        "description": (
            "La Secretaría de Inversiones Público-Privadas asesoraba a los GAD en la "
            "estructuración de APP. La entidad fue suprimida en 2025; sus funciones pasaron a "
            "otros ministerios."
        ),
        "modalities": ["technical_assistance"],
        "type": "public_private_partnership",
        "sdgs": [9, 17],
        "targets": ["17.17"],
        "competencies": ["a"],
        "sectors": ["25010"],
        "applicants": GAD_MANC,
        "when": ("window", "2024-01-02", "2025-06-30"),
        "requirements": "Proyecto con estudios de prefactibilidad.",
        "how": "Oferta cerrada.",
        "status": OfferStatus.CLOSED,
        "closing_note": "La entidad fue suprimida.",
        "verified": "2025-07-01",
    },
]
