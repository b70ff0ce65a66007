"""A small, realistic scene for the matching UI tests: Cuenca's GAD needs drinking-water studies;
the catalogue has offers that fit and traps that the hard filters must keep out.

Records are created the way users create them (``create_need``, ``create_offer`` through the
offers test factory), on the real reference data the root conftest loads.
"""

import dataclasses

from sioc.accounts.tests.factories import gad as gad_of_canton
from sioc.codelists.models import CootadCompetency, Modality, SdgGoal, SdgTarget
from sioc.demands.services import create_need, profile_for, update_profile
from sioc.offers.choices import OfferStatus
from sioc.offers.tests.factories import cooperante, offer

WATER_NEED_TITLE = "Estudios de agua potable para las parroquias rurales"


@dataclasses.dataclass
class Scene:
    cuenca: object
    loja: object
    need: object  # Cuenca's active water need
    draft_need: object  # Cuenca's draft need
    fund: object  # fits, national, closes in 20 days (radar)
    assistance: object  # fits, Azuay only, permanent (no closing date)
    closed: object  # trap: closed
    loja_only: object  # trap: covers Loja, not Cuenca
    credit: object  # trap: credit only; the need seeks non-reimbursable support
    draft: object  # trap: draft (of the focal point's organisation when given)
    expired: object  # trap: published but its closing date passed


def water_need(gad, *, title=WATER_NEED_TITLE, status="active", **extra):
    fields = {
        "problem": "Las parroquias rurales no tienen estudios para sus sistemas de agua potable.",
        "objective": "Contar con estudios definitivos de agua potable y saneamiento.",
        "sdgs": list(SdgGoal.objects.filter(code=6)),
        "sdg_targets": list(SdgTarget.objects.filter(code="6.1")),
        "competency": CootadCompetency.objects.get(code="d"),
        "modalities": list(
            Modality.objects.filter(code__in=["non_reimbursable", "technical_assistance"])
        ),
        "estimated_budget": 120000,
    }
    fields.update(extra)
    return create_need(actor=None, gad=gad, title=title, status=status, **fields)


def water_offer(title, **fields):
    values = {
        "sdgs": [6],
        "sdg_targets": ["6.1"],
        "competencies": ["d"],
        "modalities": ["non_reimbursable"],
        "summary": "Apoyo a municipios para agua potable y saneamiento.",
        "description": "Financia estudios y obras de agua potable y saneamiento en municipios.",
    }
    values.update(fields)
    return offer(title=title, **values)


def build(focal_org=None) -> Scene:
    cuenca, loja = gad_of_canton("0101"), gad_of_canton("1101")
    agency = cooperante(name="Fondo Andino del Agua (prueba)")
    return Scene(
        cuenca=cuenca,
        loja=loja,
        need=water_need(cuenca),
        draft_need=water_need(cuenca, title="Borrador de agua para Cuenca", status="draft"),
        fund=water_offer(
            "Fondo para agua potable y saneamiento rural",
            cooperante_org=agency,
            code="FONDO-AGUA-2027",
            closes_in=20,
            amount_max=150000,
            currency="USD",
        ),
        assistance=water_offer(
            "Asistencia técnica para estudios de agua potable en parroquias rurales",
            cooperante_org=agency,
            code="AT-AGUA-AZUAY",
            modalities=["technical_assistance"],
            provinces=["01"],
        ),
        closed=water_offer(
            "Convocatoria cerrada de agua potable", status=OfferStatus.CLOSED, closes_in=5
        ),
        loja_only=water_offer("Agua potable para el cantón Loja", cantons=["1101"]),
        credit=water_offer("Crédito para agua potable municipal", modalities=["credit"]),
        draft=water_offer(
            "Borrador de oferta de agua potable",
            status=OfferStatus.DRAFT,
            **({"cooperante_org": focal_org} if focal_org else {}),
        ),
        expired=water_offer("Convocatoria vencida de agua potable", closes_in=-3),
    )


def traps(scene: Scene):
    return [scene.closed, scene.loja_only, scene.credit, scene.draft, scene.expired]


def subscribe(gad, frequency, email="cooperacion@cuenca.gob.ec"):
    profile = profile_for(gad)
    return update_profile(profile, actor=None, digest_frequency=frequency, digest_email=email)
