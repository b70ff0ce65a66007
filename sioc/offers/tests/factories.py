"""Offers for tests, created the way users create them: through ``services.create_offer``.

Code-list values are given by their codes (``modalities=["training"]``, ``sdgs=[6]``,
``cantons=["0101"]``) and looked up in the real reference data the conftest loads.
"""

import datetime
import itertools

from django.utils import timezone

from sioc.codelists.models import (
    CootadCompetency,
    Currency,
    DacSector,
    Modality,
    SdgGoal,
    SdgTarget,
)
from sioc.offers import services
from sioc.offers.choices import OfferStatus, Schedule
from sioc.organizations.choices import OrganizationKind
from sioc.organizations.models import Organization
from sioc.territory.models import Canton, Province

_codes = itertools.count(1)
_slugs = itertools.count(1)


def today():
    return timezone.localdate()


def cooperante(
    slug=None, *, name=None, acronym="", kind=OrganizationKind.BILATERAL_AGENCY, country="DE"
):
    n = next(_slugs)
    slug = slug or f"cooperante-prueba-{n}"
    org, _ = Organization.objects.get_or_create(
        slug=slug,
        defaults={
            "name": name or f"Agencia de Prueba {n}",
            "acronym": acronym,
            "kind": kind,
            "country": country,
        },
    )
    return org


def offer(
    cooperante_org=None,
    *,
    code=None,
    status=OfferStatus.PUBLISHED,
    title="Oferta de prueba",
    modalities=("training",),
    sdgs=(),
    sdg_targets=(),
    competencies=(),
    sectors=(),
    provinces=(),
    cantons=(),
    closes_in=None,
    actor=None,
    **fields,
):
    """Create an offer. ``closes_in`` (days from today) makes a window offer closing then;
    without it the offer is permanent. No provinces or cantons means national coverage."""
    values = {
        "code": code or f"PRUEBA-{next(_codes):05d}",
        "cooperante": cooperante_org or cooperante(),
        "title": title,
        "is_national": not (provinces or cantons),
        "last_verified_on": today(),
        "modalities": list(Modality.objects.filter(code__in=modalities)),
        "sdgs": list(SdgGoal.objects.filter(code__in=sdgs)),
        "sdg_targets": list(SdgTarget.objects.filter(code__in=sdg_targets)),
        "competencies": list(CootadCompetency.objects.filter(code__in=competencies)),
        "sectors": list(DacSector.objects.filter(code__in=sectors)),
        "provinces": list(Province.objects.filter(code__in=provinces)),
        "cantons": list(Canton.objects.filter(code__in=cantons)),
    }
    if closes_in is None:
        values["schedule"] = Schedule.PERMANENT
    else:
        values["schedule"] = Schedule.WINDOW
        values["closes_on"] = today() + datetime.timedelta(days=closes_in)
    if isinstance(fields.get("currency"), str):
        fields["currency"] = Currency.objects.get(code=fields["currency"])
    values.update(fields)
    return services.create_offer(actor=actor, status=status, **values)
