"""The demands rows of the permission matrix (tests/permission_matrix.py) and their records.

``DEMANDS_MATRIX`` follows that file's conventions (persona order, ``row``, ``Entry``); the
records belong to Cuenca's GAD, so the Loja officer is "the other GAD" (404: needs and requests of
another GAD are not visible) and the focal point's organisation is the cooperante of the referred
request. ``make_records`` creates fresh records for one request and returns the context keys the
entries use. tests/test_permission_matrix.py can take both over as they are:

    MATRIX.update(DEMANDS_MATRIX)                      # in tests/permission_matrix.py
    context.update(make_records(focal_org, n))         # in its make_context fixture
"""

from django.core.files.uploadedfile import SimpleUploadedFile

from sioc.demands import services
from sioc.demands.choices import InterestStatus, NeedStatus
from sioc.demands.tests import factories
from sioc.offers.choices import OfferStatus
from sioc.offers.services import create_offer
from sioc.organizations.models import Organization
from tests.permission_matrix import (
    AME_ONLY_EDIT,
    AUTH_NOT_ALLOWED,
    AUTH_ONLY,
    LOGIN,
    NOT_ALLOWED_METHOD,
    OWN_GAD_EDIT,
    Entry,
    everyone,
    row,
)

CUENCA_SLUG = "gad-0101-cuenca"

OWN_GAD_READ = row(200, 200, 200, 404, 404, LOGIN)  # a draft need or a request of Cuenca
OWN_GAD_READ_FOCAL = row(200, 200, 200, 404, 200, LOGIN)  # active need / referred request
GAD_MEMBERS = row(403, 403, 200, 200, 403, LOGIN)
FOCAL_ONLY = row(403, 403, 403, 403, 200, LOGIN)

DEMANDS_MATRIX = {
    # GAD profile: public facts for everyone; editing by AME and the GAD's officers
    "demands:profile": Entry(
        kwargs={"slug": CUENCA_SLUG}, get=everyone(200), post=NOT_ALLOWED_METHOD
    ),
    "demands:profile_edit": Entry(
        kwargs={"slug": CUENCA_SLUG}, get=OWN_GAD_EDIT, post=OWN_GAD_EDIT
    ),
    # Needs
    "demands:need_list": Entry(get=AUTH_ONLY, post=AUTH_NOT_ALLOWED),
    "demands:need_create": [
        Entry(get=row(200, 200, 200, 200, 403, LOGIN), post=row(200, 200, 200, 200, 403, LOGIN)),
        Entry(
            query=f"?gad={CUENCA_SLUG}",
            get=row(200, 200, 200, 403, 403, LOGIN),
            post=row(200, 200, 200, 403, 403, LOGIN),
        ),
    ],
    "demands:need_detail": [
        Entry(kwargs={"pk": "draft_need_pk"}, get=OWN_GAD_READ, post=AUTH_NOT_ALLOWED),
        Entry(kwargs={"pk": "active_need_pk"}, get=OWN_GAD_READ_FOCAL),
    ],
    "demands:need_edit": [
        Entry(kwargs={"pk": "draft_need_pk"}, get=OWN_GAD_READ, post=OWN_GAD_READ),
        Entry(
            kwargs={"pk": "active_need_pk"},
            get=row(200, 200, 200, 404, 403, LOGIN),
            post=row(200, 200, 200, 404, 403, LOGIN),
        ),
    ],
    "demands:need_transition": Entry(
        kwargs={"pk": "active_need_pk"},
        get=AUTH_NOT_ALLOWED,
        post=row(302, 302, 302, 404, 403, LOGIN),
        data={"to_status": NeedStatus.COVERED},
    ),
    "demands:need_attachment_add": Entry(
        kwargs={"pk": "active_need_pk"},
        get=AUTH_NOT_ALLOWED,
        post=row(302, 302, 302, 404, 403, LOGIN),
    ),
    # Attachments may hold personal data: only AME and the GAD (the focal point gets 404)
    "demands:need_attachment": Entry(
        kwargs={"pk": "active_need_pk", "attachment_id": "attachment_id"},
        get=OWN_GAD_READ,
        post=AUTH_NOT_ALLOWED,
    ),
    "demands:need_attachment_delete": Entry(
        kwargs={"pk": "active_need_pk", "attachment_id": "attachment_id"},
        get=AUTH_NOT_ALLOWED,
        post=row(302, 302, 302, 404, 404, LOGIN),
    ),
    # Expressions of interest
    "demands:my_interests": Entry(get=GAD_MEMBERS, post=AUTH_NOT_ALLOWED),
    "demands:interest_queue": Entry(get=AME_ONLY_EDIT, post=AUTH_NOT_ALLOWED),
    "demands:referred_interests": Entry(get=FOCAL_ONLY, post=AUTH_NOT_ALLOWED),
    "demands:interest_create": [
        Entry(kwargs={"code": "published_code"}, get=GAD_MEMBERS, post=GAD_MEMBERS),
        Entry(kwargs={"code": "draft_code"}, get=row(403, 403, 404, 404, 403, LOGIN)),
    ],
    "demands:offer_interest_button": [
        Entry(kwargs={"code": "published_code"}, get=everyone(200), post=NOT_ALLOWED_METHOD),
        Entry(kwargs={"code": "draft_code"}, get=row(200, 200, 404, 404, 200, 404)),
    ],
    "demands:interest_detail": [
        Entry(kwargs={"pk": "interest_pk"}, get=OWN_GAD_READ, post=AUTH_NOT_ALLOWED),
        Entry(kwargs={"pk": "referred_interest_pk"}, get=OWN_GAD_READ_FOCAL),
    ],
    "demands:interest_move": [
        Entry(
            kwargs={"pk": "interest_pk"},
            get=AUTH_NOT_ALLOWED,
            post=row(302, 302, 403, 404, 404, LOGIN),
            data={"to_status": InterestStatus.IN_REVIEW},
        ),
        Entry(
            kwargs={"pk": "referred_interest_pk"},
            post=row(302, 302, 403, 404, 302, LOGIN),
            data={"to_status": InterestStatus.NEGOTIATION},
        ),
    ],
}


def make_records(focal_org, n) -> dict:
    """Fresh Cuenca records for request number ``n``: needs (draft, active with a PDF), a
    submitted request on another cooperante's offer and a referred one on ``focal_org``'s."""
    cuenca = Organization.objects.get(slug=CUENCA_SLUG)
    other = Organization.objects.get_or_create(
        slug="otro-cooperante-demanda",
        defaults={"name": "Otro cooperante (demanda)", "kind": "bilateral_agency"},
    )[0]
    draft = factories.need(cuenca, status=NeedStatus.DRAFT, title=f"Borrador {n}")
    active = factories.need(cuenca, status=NeedStatus.ACTIVE, title=f"Activa {n}")
    attachment = services.add_need_attachment(
        active,
        actor=None,
        title="Estudio",
        uploaded_file=SimpleUploadedFile("estudio.pdf", b"%PDF-1.4 prueba", "application/pdf"),
    )
    offer = create_offer(
        actor=None,
        status=OfferStatus.PUBLISHED,
        code=f"DEM-OTRA-{n}",
        cooperante=other,
        title="Oferta",
    )
    focal_offer = create_offer(
        actor=None,
        status=OfferStatus.PUBLISHED,
        code=f"DEM-FOCAL-{n}",
        cooperante=focal_org,
        title="Oferta",
    )
    submitted = factories.interest(offer, cuenca, status=InterestStatus.SUBMITTED)
    referred = factories.interest(focal_offer, cuenca, status=InterestStatus.REFERRED)
    return {
        "draft_need_pk": draft.pk,
        "active_need_pk": active.pk,
        "attachment_id": attachment.pk,
        "interest_pk": submitted.pk,
        "referred_interest_pk": referred.pk,
    }
