"""The permission matrix: persona × URL × method → expected HTTP status.

Every named URL of SIOC must appear here; tests/test_permission_matrix.py fails when one is
missing. docs/permisos.md describes the same matrix in words.

Personas (in this order): AME admin, AME officer, Cuenca GAD officer, Loja GAD officer,
cooperante focal point, anonymous. The records used belong to Cuenca's GAD, so the Loja officer
is the "other GAD" and the focal point the "other organisation".
"""

from dataclasses import dataclass, field

PERSONAS = [
    "ame_admin",
    "ame_officer",
    "cuenca_officer",
    "loja_officer",
    "focal_point",
    "anonymous",
]

LOGIN = 302  # anonymous users are sent to the login page


def row(admin, officer, cuenca, loja, focal, anon):
    return dict(zip(PERSONAS, [admin, officer, cuenca, loja, focal, anon], strict=True))


def everyone(status):
    return row(*[status] * 6)


AME_ONLY_EDIT = row(200, 200, 403, 403, 403, LOGIN)  # AME staff only
OWN_GAD_EDIT = row(200, 200, 200, 403, 403, LOGIN)  # AME staff and Cuenca's own officer
AUTH_ONLY = row(200, 200, 200, 200, 200, LOGIN)
ADMIN_ONLY = row(200, 403, 403, 403, 403, LOGIN)
NOT_ALLOWED_METHOD = everyone(405)
AUTH_NOT_ALLOWED = row(405, 405, 405, 405, 405, LOGIN)


@dataclass
class Entry:
    kwargs: dict = field(default_factory=dict)  # values are keys of the fixture context or literals
    get: dict | None = None
    post: dict | None = None
    query: str = ""
    anonymous_to_login: bool = True  # a 302 for anonymous must lead to the login page
    data: dict = field(default_factory=dict)  # POST body


MATRIX = {
    # Home and accounts
    "home": Entry(get=everyone(200), post=NOT_ALLOWED_METHOD),
    "accounts:login": Entry(
        get=row(302, 302, 302, 302, 302, 200), post=row(302, 302, 302, 302, 302, 200)
    ),
    "accounts:logout": Entry(get=NOT_ALLOWED_METHOD, post=everyone(302), anonymous_to_login=False),
    "accounts:profile": Entry(get=AUTH_ONLY, post=AUTH_NOT_ALLOWED),
    "accounts:password_change": Entry(get=AUTH_ONLY, post=AUTH_ONLY),
    "accounts:password_reset": Entry(get=everyone(200), post=everyone(200)),
    "accounts:password_reset_done": Entry(get=everyone(200)),
    "accounts:password_reset_confirm": Entry(
        kwargs={"uidb64": "MQ", "token": "no-valido"}, get=everyone(200)
    ),
    "accounts:password_reset_complete": Entry(get=everyone(200)),
    # Territory: public reference data, read-only for everybody
    "territory:provinces": Entry(get=everyone(200), post=NOT_ALLOWED_METHOD),
    "territory:province": Entry(kwargs={"code": "01"}, get=everyone(200), post=NOT_ALLOWED_METHOD),
    "territory:canton": Entry(kwargs={"code": "0101"}, get=everyone(200), post=NOT_ALLOWED_METHOD),
    "territory:provinces_geojson": Entry(get=everyone(200), post=NOT_ALLOWED_METHOD),
    "territory:province_geojson": Entry(
        kwargs={"code": "01"}, get=everyone(200), post=NOT_ALLOWED_METHOD
    ),
    "territory:canton_geojson": Entry(
        kwargs={"code": "0101"}, get=everyone(200), post=NOT_ALLOWED_METHOD
    ),
    # Code lists: public, read-only
    "codelists:index": Entry(get=everyone(200), post=NOT_ALLOWED_METHOD),
    "codelists:detail": Entry(kwargs={"slug": "ods"}, get=everyone(200), post=NOT_ALLOWED_METHOD),
    "codelists:csv": Entry(kwargs={"slug": "ods"}, get=everyone(200), post=NOT_ALLOWED_METHOD),
    # Organisations: profiles public; editing by AME or the organisation's own editors
    "organizations:list": Entry(get=everyone(200), post=NOT_ALLOWED_METHOD),
    "organizations:create": Entry(get=AME_ONLY_EDIT, post=AME_ONLY_EDIT),
    "organizations:detail": Entry(
        kwargs={"slug": "gad_slug"}, get=everyone(200), post=NOT_ALLOWED_METHOD
    ),
    "organizations:edit": Entry(kwargs={"slug": "gad_slug"}, get=OWN_GAD_EDIT, post=OWN_GAD_EDIT),
    "organizations:history": Entry(
        kwargs={"slug": "gad_slug"}, get=OWN_GAD_EDIT, post=AUTH_NOT_ALLOWED
    ),
    "organizations:contact_add": Entry(
        kwargs={"slug": "gad_slug"}, get=OWN_GAD_EDIT, post=OWN_GAD_EDIT
    ),
    "organizations:contact_edit": Entry(
        kwargs={"slug": "gad_slug", "contact_id": "contact_id"}, get=OWN_GAD_EDIT, post=OWN_GAD_EDIT
    ),
    "organizations:contact_delete": Entry(
        kwargs={"slug": "gad_slug", "contact_id": "contact_id"},
        get=AUTH_NOT_ALLOWED,
        post=row(302, 302, 302, 403, 403, LOGIN),
    ),
    # Audit log: AME administrators only
    "audit:list": Entry(get=ADMIN_ONLY, post=AUTH_NOT_ALLOWED),
    # API (read-only, public data)
    "api:api-root": Entry(get=everyone(200), post=NOT_ALLOWED_METHOD),
    "api:schema": Entry(get=everyone(200)),
    "api:province-list": Entry(get=everyone(200), post=NOT_ALLOWED_METHOD),
    "api:province-detail": Entry(kwargs={"code": "01"}, get=everyone(200), post=NOT_ALLOWED_METHOD),
    "api:canton-list": Entry(get=everyone(200), post=NOT_ALLOWED_METHOD),
    "api:canton-detail": Entry(kwargs={"code": "0101"}, get=everyone(200), post=NOT_ALLOWED_METHOD),
    "api:organization-list": Entry(get=everyone(200), post=NOT_ALLOWED_METHOD),
    "api:organization-detail": Entry(
        kwargs={"slug": "gad_slug"}, get=everyone(200), post=NOT_ALLOWED_METHOD
    ),
    # Django admin: AME administrators (is_staff); everybody else is sent to the admin login
    "admin:index": Entry(get=row(200, 302, 302, 302, 302, 302)),
    "admin:login": Entry(get=row(302, 200, 200, 200, 200, 200)),
}

OFFER_EDITORS = row(200, 200, 403, 403, 200, LOGIN)  # AME staff and cooperante focal points
OWN_DRAFT = row(200, 200, 404, 404, 200, LOGIN)  # a draft of the focal point's organisation
OWN_DRAFT_ACTION = row(302, 302, 404, 404, 302, LOGIN)
MATRIX.update(
    {
        # Catalogue: public reads, feeds, template and exports
        "offers:catalog": Entry(get=everyone(200), post=NOT_ALLOWED_METHOD),
        "offers:feed_atom": Entry(get=everyone(200)),
        "offers:feed_ics": Entry(get=everyone(200)),
        "offers:cooperante_offers": Entry(kwargs={"slug": "focal_slug"}, get=everyone(200)),
        "offers:template": Entry(get=everyone(200)),
        "offers:export": Entry(kwargs={"fmt": "xlsx"}, get=everyone(200)),
        "offers:detail": [
            Entry(kwargs={"code": "published_code"}, get=everyone(200), post=NOT_ALLOWED_METHOD),
            Entry(kwargs={"code": "draft_code"}, get=row(200, 200, 404, 404, 200, 404)),
        ],
        # Editing and review
        "offers:create": Entry(get=OFFER_EDITORS, post=OFFER_EDITORS),
        "offers:review_queue": Entry(get=OFFER_EDITORS, post=AUTH_NOT_ALLOWED),
        "offers:edit": [
            Entry(kwargs={"code": "draft_code"}, get=OWN_DRAFT, post=OWN_DRAFT),
            Entry(kwargs={"code": "published_code"}, get=AME_ONLY_EDIT, post=AME_ONLY_EDIT),
        ],
        "offers:transition": [
            Entry(
                kwargs={"code": "draft_code"},
                get=AUTH_NOT_ALLOWED,
                post=OWN_DRAFT_ACTION,
                data={"to_status": "in_review"},
            ),
            Entry(
                kwargs={"code": "published_code"},
                post=row(302, 302, 403, 403, 403, LOGIN),
                data={"to_status": "closed"},
            ),
        ],
        "offers:verify": Entry(
            kwargs={"code": "draft_code"}, get=AUTH_NOT_ALLOWED, post=OWN_DRAFT_ACTION
        ),
        "offers:attachment_add": Entry(
            kwargs={"code": "draft_code"}, get=AUTH_NOT_ALLOWED, post=OWN_DRAFT_ACTION
        ),
        "offers:history": Entry(
            kwargs={"code": "draft_code"}, get=OWN_DRAFT, post=AUTH_NOT_ALLOWED
        ),
        # API: reads follow the catalogue's visibility; writes go through the services
        "api:offer-list": Entry(get=everyone(200), post=row(400, 400, 403, 403, 400, 403)),
        "api:offer-detail": [
            Entry(kwargs={"code": "published_code"}, get=everyone(200), post=NOT_ALLOWED_METHOD),
            Entry(
                kwargs={"code": "draft_code"},
                get=row(200, 200, 404, 404, 200, 404),
                post=NOT_ALLOWED_METHOD,
            ),
        ],
        # Import (upload → preview → confirm): AME staff and focal points
        "offers:import": Entry(get=OFFER_EDITORS, post=OFFER_EDITORS),
        "offers:import_confirm": Entry(
            get=AUTH_NOT_ALLOWED, post=row(302, 302, 403, 403, 302, LOGIN)
        ),
    }
)

MATRIX.update(
    {
        # Matching: follows the visibility of the need and of the offer
        "matching:need_offers": [
            Entry(
                kwargs={"pk": "need_pk"},
                get=row(200, 200, 200, 404, 200, LOGIN),
                post=NOT_ALLOWED_METHOD,
            ),
            Entry(kwargs={"pk": "draft_need_pk"}, get=row(200, 200, 200, 404, 404, LOGIN)),
        ],
        "matching:offer_gads": [
            Entry(
                kwargs={"code": "published_code"},
                get=row(200, 200, 403, 403, 403, LOGIN),
                post=NOT_ALLOWED_METHOD,
            ),
            Entry(kwargs={"code": "draft_code"}, get=row(200, 200, 404, 404, 200, LOGIN)),
        ],
        "matching:offer_my_needs": Entry(
            kwargs={"code": "published_code"},
            get=row(204, 204, 200, 200, 204, 204),
            post=NOT_ALLOWED_METHOD,
        ),
        "matching:offer_eligibility": [
            Entry(
                kwargs={"code": "published_code", "pk": "need_pk"},
                get=row(200, 200, 200, 404, 200, LOGIN),
                post=NOT_ALLOWED_METHOD,
            ),
            Entry(
                kwargs={"code": "draft_code", "pk": "need_pk"},
                get=row(200, 200, 404, 404, 200, LOGIN),
            ),
        ],
        "matching:gad_opportunities": Entry(
            get=row(204, 204, 200, 200, 204, 204), post=NOT_ALLOWED_METHOD
        ),
        "matching:gad_deadlines_ics": Entry(
            kwargs={"token": "feed_token"}, get=everyone(200), post=NOT_ALLOWED_METHOD
        ),
    }
)

# The Django admin's own pages are guarded by the admin site (is_staff + model permissions);
# the matrix checks its entry points only.
DELEGATED_NAMESPACES = {"admin"}
