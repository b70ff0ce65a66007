"""The projects rows of the permission matrix (conventions of tests/permission_matrix.py).

``PROJECTS_MATRIX`` maps URL names to Entry objects; ``make_records(focal_org, n)`` creates fresh
records for one request and returns the context keys (prefixed with "projects_") the entries'
kwargs use. The records belong to Cuenca's GAD: the Loja officer is "the other GAD" (404 on
private projects, 403 on editing published ones); the focal point's organisation funds one of
the private projects ("shared") and sees it, read-only.
"""

import datetime
from decimal import Decimal

from django.core.files.uploadedfile import SimpleUploadedFile

from sioc.demands.choices import InterestStatus
from sioc.demands.tests import factories as demand_factories
from sioc.offers.choices import OfferStatus
from sioc.offers.services import create_offer
from sioc.organizations.models import Organization
from sioc.projects import services
from sioc.projects.choices import Visibility
from sioc.projects.models import Transaction
from sioc.projects.tests import factories
from tests.permission_matrix import (
    AME_ONLY_EDIT,
    AUTH_NOT_ALLOWED,
    AUTH_ONLY,
    LOGIN,
    NOT_ALLOWED_METHOD,
    Entry,
    everyone,
    row,
)

PRIVATE_READ = row(200, 200, 200, 404, 404, 404)  # a private Cuenca project (no login needed)
PRIVATE_LOGIN = row(200, 200, 200, 404, 404, LOGIN)  # the same behind a login-only page
SHARED_READ = row(200, 200, 200, 404, 200, 404)  # private, funded by the focal point's org
PUBLISHED_EDIT = row(200, 200, 200, 403, 403, LOGIN)
PUBLISHED_ACTION = row(302, 302, 302, 403, 403, LOGIN)
READ_ONLY_EXTERNAL = row(403, 403, 403, 403, 403, LOGIN)

PROJECTS_MATRIX = {
    # Public transparency portal
    "projects:portal": Entry(get=everyone(200), post=NOT_ALLOWED_METHOD),
    # Cooperante 360 partial: each sees the projects the policy lets them (a GAD is not one)
    "projects:cooperante_projects": [
        Entry(kwargs={"slug": "focal_slug"}, get=everyone(200), post=NOT_ALLOWED_METHOD),
        Entry(kwargs={"slug": "gad-0101-cuenca"}, get=everyone(404)),
    ],
    # Lists and exports (signed-in users; each sees what the policy lets them)
    "projects:list": Entry(get=AUTH_ONLY, post=AUTH_NOT_ALLOWED),
    "projects:export": [
        Entry(kwargs={"fmt": "xlsx"}, get=AUTH_ONLY, post=AUTH_NOT_ALLOWED),
        Entry(kwargs={"fmt": "csv"}, query="?gad=gad-0101-cuenca", get=AUTH_ONLY),
    ],
    "projects:overdue": Entry(get=AME_ONLY_EDIT, post=AUTH_NOT_ALLOWED),
    # Recording projects: AME staff and GAD officers (an empty form answers 400)
    "projects:create": Entry(
        get=row(200, 200, 200, 200, 403, LOGIN), post=row(400, 400, 400, 400, 403, LOGIN)
    ),
    "projects:create_from_interest": Entry(
        kwargs={"pk": "projects_interest_pk"},
        get=row(200, 200, 200, 404, 404, LOGIN),
        post=row(400, 400, 400, 404, 404, LOGIN),
    ),
    # The project page
    "projects:detail": [
        Entry(kwargs={"pk": "projects_private_pk"}, get=PRIVATE_READ, post=NOT_ALLOWED_METHOD),
        Entry(kwargs={"pk": "projects_shared_pk"}, get=SHARED_READ),
        Entry(kwargs={"pk": "projects_published_pk"}, get=everyone(200)),
        Entry(kwargs={"pk": "projects_external_pk"}, get=everyone(200)),
    ],
    "projects:document": [
        Entry(
            kwargs={"pk": "projects_private_pk", "document_id": "projects_document_id"},
            get=PRIVATE_READ,
            post=NOT_ALLOWED_METHOD,
        ),
        Entry(
            kwargs={"pk": "projects_published_pk", "document_id": "projects_public_document_id"},
            get=everyone(302),  # a link: sent on to the document's address
            anonymous_to_login=False,
        ),
    ],
    # Editing: AME and Cuenca's officers; external IATI projects are read-only for everybody
    "projects:edit": [
        Entry(
            kwargs={"pk": "projects_private_pk"},
            get=PRIVATE_LOGIN,
            post=row(400, 400, 400, 404, 404, LOGIN),
        ),
        Entry(kwargs={"pk": "projects_shared_pk"}, get=row(200, 200, 200, 404, 403, LOGIN)),
        Entry(kwargs={"pk": "projects_published_pk"}, get=PUBLISHED_EDIT),
        Entry(
            kwargs={"pk": "projects_external_pk"},
            get=READ_ONLY_EXTERNAL,
            post=READ_ONLY_EXTERNAL,
        ),
    ],
    "projects:shares": [
        Entry(
            kwargs={"pk": "projects_published_pk"},
            get=PUBLISHED_EDIT,
            post=row(400, 400, 400, 403, 403, LOGIN),
        ),
        Entry(kwargs={"pk": "projects_external_pk"}, get=READ_ONLY_EXTERNAL),
    ],
    "projects:publish": [
        Entry(
            kwargs={"pk": "projects_private_pk"},
            get=AUTH_NOT_ALLOWED,
            post=row(302, 302, 302, 404, 404, LOGIN),
            data={"visibility": Visibility.PUBLISHED},
        ),
        Entry(
            kwargs={"pk": "projects_external_pk"},
            post=READ_ONLY_EXTERNAL,
            data={"visibility": Visibility.PRIVATE},
        ),
    ],
    "projects:transaction_add": Entry(
        kwargs={"pk": "projects_published_pk"},
        get=AUTH_NOT_ALLOWED,
        post=PUBLISHED_ACTION,
        data={"kind": "3", "date": "2025-03-01", "value": "1000", "currency": "USD"},
    ),
    "projects:result_add": Entry(
        kwargs={"pk": "projects_published_pk"},
        get=AUTH_NOT_ALLOWED,
        post=PUBLISHED_ACTION,
        data={"title": "Resultado"},
    ),
    "projects:indicator_add": Entry(
        kwargs={"pk": "projects_published_pk"}, get=AUTH_NOT_ALLOWED, post=PUBLISHED_ACTION
    ),
    "projects:document_add": Entry(
        kwargs={"pk": "projects_published_pk"},
        get=AUTH_NOT_ALLOWED,
        post=PUBLISHED_ACTION,
        data={"title": "Convenio", "url": "https://ejemplo.ec/convenio.pdf"},
    ),
    "projects:risk_add": Entry(
        kwargs={"pk": "projects_published_pk"},
        get=AUTH_NOT_ALLOWED,
        post=PUBLISHED_ACTION,
        data={"description": "Lluvias", "level": "high"},
    ),
    "projects:periods_generate": [
        Entry(
            kwargs={"pk": "projects_published_pk"},
            get=AUTH_NOT_ALLOWED,
            post=PUBLISHED_ACTION,
            data={"months": "3", "due_days": "15"},
        ),
        Entry(kwargs={"pk": "projects_external_pk"}, post=READ_ONLY_EXTERNAL),
    ],
    # Corrections on the project page: same rule as adding; GET asks, POST changes or removes
    "projects:transaction_edit": [
        Entry(
            kwargs={"pk": "projects_published_pk", "item_id": "projects_transaction_id"},
            get=PUBLISHED_EDIT,
            post=PUBLISHED_ACTION,
            data={"kind": "3", "date": "2025-04-01", "value": "1500", "currency": "USD"},
        ),
        Entry(
            kwargs={"pk": "projects_private_pk", "item_id": "projects_private_transaction_id"},
            get=PRIVATE_LOGIN,
            post=row(400, 400, 400, 404, 404, LOGIN),  # an empty form: the reason, nothing saved
        ),
        Entry(
            kwargs={"pk": "projects_external_pk", "item_id": "projects_external_transaction_id"},
            get=READ_ONLY_EXTERNAL,
            post=READ_ONLY_EXTERNAL,
            data={"kind": "3", "date": "2025-04-01", "value": "1500", "currency": "USD"},
        ),
    ],
    "projects:transaction_remove": [
        Entry(
            kwargs={"pk": "projects_published_pk", "item_id": "projects_transaction_id"},
            get=PUBLISHED_EDIT,
            post=PUBLISHED_ACTION,
        ),
        Entry(
            kwargs={"pk": "projects_external_pk", "item_id": "projects_external_transaction_id"},
            get=READ_ONLY_EXTERNAL,
            post=READ_ONLY_EXTERNAL,
        ),
    ],
    "projects:result_edit": Entry(
        kwargs={"pk": "projects_published_pk", "item_id": "projects_result_id"},
        get=PUBLISHED_EDIT,
        post=PUBLISHED_ACTION,
        data={"title": "Resultado corregido"},
    ),
    "projects:result_remove": Entry(
        kwargs={"pk": "projects_published_pk", "item_id": "projects_result_id"},
        get=PUBLISHED_EDIT,
        post=PUBLISHED_ACTION,
    ),
    "projects:indicator_edit": Entry(
        kwargs={"pk": "projects_published_pk", "item_id": "projects_indicator_id"},
        get=PUBLISHED_EDIT,
        post=PUBLISHED_ACTION,
        data={"name": "Indicador corregido"},  # without a result: it stays in its own
    ),
    "projects:indicator_remove": [
        Entry(
            kwargs={"pk": "projects_published_pk", "item_id": "projects_indicator_id"},
            get=PUBLISHED_EDIT,
            post=PUBLISHED_ACTION,
        ),
        Entry(  # values in an approved (locked) period: the page says why, nothing removed
            kwargs={"pk": "projects_private_pk", "item_id": "projects_locked_indicator_id"},
            get=PRIVATE_LOGIN,
            post=row(400, 400, 400, 404, 404, LOGIN),
        ),
    ],
    "projects:document_remove": [
        Entry(
            kwargs={"pk": "projects_private_pk", "item_id": "projects_document_id"},
            get=PRIVATE_LOGIN,
            post=row(302, 302, 302, 404, 404, LOGIN),
        ),
        Entry(
            kwargs={"pk": "projects_published_pk", "item_id": "projects_public_document_id"},
            get=PUBLISHED_EDIT,
            post=PUBLISHED_ACTION,
        ),
    ],
    "projects:risk_edit": Entry(
        kwargs={"pk": "projects_published_pk", "item_id": "projects_risk_id"},
        get=PUBLISHED_EDIT,
        post=PUBLISHED_ACTION,
        data={"description": "Lluvias intensas", "level": "high"},
    ),
    "projects:risk_remove": Entry(
        kwargs={"pk": "projects_published_pk", "item_id": "projects_risk_id"},
        get=PUBLISHED_EDIT,
        post=PUBLISHED_ACTION,
    ),
    # Monitoring: reporting periods are internal (AME, the GAD, participating cooperantes)
    "projects:period": [
        Entry(
            kwargs={"pk": "projects_private_pk", "period_id": "projects_period_id"},
            get=PRIVATE_LOGIN,
            post=row(302, 302, 302, 404, 404, LOGIN),
            data={"save": "1", "narrative": "Avance"},
        ),
        Entry(
            kwargs={"pk": "projects_shared_pk", "period_id": "projects_shared_period_id"},
            get=row(200, 200, 200, 404, 200, LOGIN),
            post=row(302, 302, 302, 404, 403, LOGIN),
            data={"save": "1"},
        ),
        Entry(
            kwargs={"pk": "projects_published_pk", "period_id": "projects_published_period_id"},
            get=row(200, 200, 200, 404, 404, LOGIN),
        ),
    ],
    "projects:period_review": Entry(
        kwargs={"pk": "projects_private_pk", "period_id": "projects_submitted_period_id"},
        get=AUTH_NOT_ALLOWED,
        post=row(302, 302, 403, 404, 404, LOGIN),
        data={"action": "approve"},
    ),
    "projects:evidence": Entry(
        kwargs={
            "pk": "projects_private_pk",
            "period_id": "projects_period_id",
            "evidence_id": "projects_evidence_id",
        },
        get=PRIVATE_LOGIN,
        post=AUTH_NOT_ALLOWED,
    ),
}


def make_records(focal_org, n) -> dict:
    """Fresh Cuenca records for request number ``n``."""
    cuenca = Organization.objects.get(slug="gad-0101-cuenca")
    other = Organization.objects.get_or_create(
        slug="otro-cooperante-proyectos",
        defaults={"name": "Otro cooperante (proyectos)", "kind": "bilateral_agency"},
    )[0]
    private = factories.project(cuenca, title=f"Privado {n}", funding=[other])
    shared = factories.project(cuenca, title=f"Compartido {n}", funding=[focal_org])
    published = factories.project(cuenca, title=f"Publicado {n}", visibility=Visibility.PUBLISHED)
    external = factories.external_project(title=f"Externo {n}")
    period = factories.period_in(private)
    submitted = private.periods.order_by("starts_on")[1]
    submitted = services.save_report(submitted, actor=None, narrative="Avance", submit=True)
    evidence = services.add_evidence(
        period,
        actor=None,
        title="Acta",
        uploaded_file=SimpleUploadedFile("acta.pdf", b"%PDF-1.4 acta", "application/pdf"),
    )
    document = services.add_document(
        private,
        actor=None,
        title="Convenio",
        uploaded_file=SimpleUploadedFile("convenio.pdf", b"%PDF-1.4 c", "application/pdf"),
    )
    public_document = services.add_document(
        published, actor=None, title="Ficha", url="https://ejemplo.ec/ficha.pdf"
    )
    offer = create_offer(
        actor=None,
        status=OfferStatus.PUBLISHED,
        code=f"PROY-OFERTA-{n}",
        cooperante=other,
        title="Oferta para proyecto",
    )
    interest = demand_factories.interest(offer, cuenca, status=InterestStatus.SUBMITTED)
    money = {"kind": "3", "date": datetime.date(2025, 3, 1), "value": 1000, "currency": "USD"}
    indicator = factories.with_indicator(published)
    locked_indicator = factories.with_indicator(private)
    approved = private.periods.order_by("starts_on")[2]
    services.save_report(
        approved,
        actor=None,
        narrative="Avance",
        values={locked_indicator: (Decimal(10), Decimal(8), "")},
        submit=True,
        notify=False,
    )
    services.approve_period(approved, actor=None, notify=False)
    external_transaction = Transaction.objects.create(
        project=external,
        kind="3",
        date=money["date"],
        value=Decimal(1000),
        currency_id="USD",
        value_usd=Decimal(1000),
    )
    return {
        "projects_private_pk": private.pk,
        "projects_shared_pk": shared.pk,
        "projects_published_pk": published.pk,
        "projects_external_pk": external.pk,
        "projects_period_id": period.pk,
        "projects_submitted_period_id": submitted.pk,
        "projects_shared_period_id": factories.period_in(shared).pk,
        "projects_published_period_id": factories.period_in(published).pk,
        "projects_evidence_id": evidence.pk,
        "projects_document_id": document.pk,
        "projects_public_document_id": public_document.pk,
        "projects_interest_pk": interest.pk,
        "projects_transaction_id": services.add_transaction(published, actor=None, **money).pk,
        "projects_private_transaction_id": services.add_transaction(
            private, actor=None, **money
        ).pk,
        "projects_external_transaction_id": external_transaction.pk,
        "projects_result_id": indicator.result_id,
        "projects_indicator_id": indicator.pk,
        "projects_locked_indicator_id": locked_indicator.pk,
        "projects_risk_id": services.add_risk(
            published, actor=None, description="Lluvias", level="high"
        ).pk,
    }
