"""Needs and expressions of interest for tests, created through the services as users do.

Code-list values are given by their codes (``sdgs=[6]``, ``modalities=["technical_assistance"]``,
``parishes=["010150"]``) and looked up in the real reference data the conftest loads.
"""

import itertools

from sioc.codelists.models import CootadCompetency, DacSector, Modality, SdgGoal, SdgTarget
from sioc.demands import services
from sioc.demands.choices import InterestStatus, NeedStatus
from sioc.organizations.models import Organization
from sioc.territory.models import Parish

_titles = itertools.count(1)

# The steps from «submitted» to each status, with the party that takes them.
PATH = {
    InterestStatus.SUBMITTED: [],
    InterestStatus.IN_REVIEW: [(InterestStatus.IN_REVIEW, "ame")],
    InterestStatus.REFERRED: [(InterestStatus.IN_REVIEW, "ame"), (InterestStatus.REFERRED, "ame")],
    InterestStatus.NEGOTIATION: [
        (InterestStatus.IN_REVIEW, "ame"),
        (InterestStatus.REFERRED, "ame"),
        (InterestStatus.NEGOTIATION, "cooperante"),
    ],
    InterestStatus.APPROVED: [
        (InterestStatus.IN_REVIEW, "ame"),
        (InterestStatus.REFERRED, "ame"),
        (InterestStatus.NEGOTIATION, "cooperante"),
        (InterestStatus.APPROVED, "cooperante"),
    ],
}


def gad(canton_code):
    return Organization.objects.select_related("canton__province").get(canton__code=canton_code)


def need(
    gad_org=None,
    *,
    title=None,
    status=NeedStatus.ACTIVE,
    sdgs=(),
    sdg_targets=(),
    modalities=(),
    parishes=(),
    competency=None,
    sector=None,
    actor=None,
    **fields,
):
    gad_org = gad_org or gad("0101")
    values = {
        "title": title or f"Necesidad de prueba {next(_titles)}",
        "status": status,
        "sdgs": list(SdgGoal.objects.filter(code__in=sdgs)),
        "sdg_targets": list(SdgTarget.objects.filter(code__in=sdg_targets)),
        "modalities": list(Modality.objects.filter(code__in=modalities)),
        "parishes": list(Parish.objects.filter(code__in=parishes)),
        "competency": CootadCompetency.objects.get(code=competency) if competency else None,
        "sector": DacSector.objects.get(code=sector) if sector else None,
    }
    values.update(fields)
    return services.create_need(actor=actor, gad=gad_org, **values)


def interest(
    offer, gad_org=None, *, status=InterestStatus.SUBMITTED, actor=None, need=None, **fields
):
    """An expression of interest moved along the pipeline up to ``status``."""
    gad_org = gad_org or gad("0101")
    values = {
        "justification": "Necesitamos apoyo para preparar los estudios.",
        "contact_name": "Técnica de cooperación",
        "contact_email": "cooperacion@ejemplo.ec",
    }
    values.update(fields)
    item = services.express_interest(actor=actor, gad=gad_org, offer=offer, need=need, **values)
    steps = list(PATH.get(status, PATH[InterestStatus.IN_REVIEW]))
    if status == InterestStatus.NOT_PURSUED:
        steps.append((InterestStatus.NOT_PURSUED, "ame"))
    for to_status, party in steps:
        reason = "not_eligible" if to_status == InterestStatus.NOT_PURSUED else ""
        item = services.move_interest(item, to_status, actor=actor, party=party, reason=reason)
    return item
