"""The missions rows of the permission matrix (conventions of tests/permission_matrix.py).

``MISSIONS_MATRIX`` maps URL names to Entry objects; ``make_records(focal_org, n)`` creates fresh
records for one request and returns the context keys (prefixed with "missions_") the entries' kwargs
use: a published and an unpublished mission in which Cuenca's GAD takes part (so the Loja officer
is "another GAD" and the focal point an outsider: both get 404 on the unpublished one).
"""

import datetime

from sioc.missions import services
from sioc.missions.choices import FollowUpStatus, MissionStatus
from sioc.missions.tests import factories
from tests.permission_matrix import (
    AME_ONLY_EDIT,
    AUTH_NOT_ALLOWED,
    LOGIN,
    NOT_ALLOWED_METHOD,
    Entry,
    everyone,
    row,
)

PUBLISHED = "missions_published_slug"
UNPUBLISHED = "missions_unpublished_slug"

HIDDEN = row(200, 200, 200, 404, 404, 404)  # an unpublished mission: AME and its GADs
AME_EDIT_HIDDEN = row(200, 200, 403, 404, 404, LOGIN)
AME_ACT = row(302, 302, 403, 403, 403, LOGIN)
AME_ACT_HIDDEN = row(302, 302, 403, 404, 404, LOGIN)
AME_FORM_ERR = row(400, 400, 403, 403, 403, LOGIN)  # empty POST: form shown again with errors
AME_FORM_ERR_HIDDEN = row(400, 400, 403, 404, 404, LOGIN)
PARTICIPANTS = row(200, 200, 200, 403, 403, LOGIN)
PARTICIPANTS_HIDDEN = row(200, 200, 200, 404, 404, LOGIN)
PARTICIPANTS_ACT_HIDDEN = row(302, 302, 302, 404, 404, LOGIN)


def _ame_form(url_name, kwargs_extra=None):
    """An AME form on a part of a mission: both missions, GET and an empty (invalid) POST."""
    extra = kwargs_extra or {}
    return [
        Entry(
            kwargs={"slug": PUBLISHED, **extra.get("published", {})},
            get=AME_ONLY_EDIT,
            post=AME_FORM_ERR,
        ),
        Entry(
            kwargs={"slug": UNPUBLISHED, **extra.get("unpublished", {})},
            get=AME_EDIT_HIDDEN,
            post=AME_FORM_ERR_HIDDEN,
        ),
    ]


def _pk(part):
    """The kwargs of a part of each mission (context keys made by make_records)."""
    return {
        "published": {"pk": f"missions_published_{part}_pk"},
        "unpublished": {"pk": f"missions_unpublished_{part}_pk"},
    }


def _ame_remove(part):
    """Removing a part: GET shows the confirmation (AME only), POST removes and redirects."""
    return [
        Entry(
            kwargs={"slug": PUBLISHED, "pk": f"missions_published_{part}_pk"},
            get=AME_ONLY_EDIT,
            post=AME_ACT,
        ),
        Entry(
            kwargs={"slug": UNPUBLISHED, "pk": f"missions_unpublished_{part}_pk"},
            get=AME_EDIT_HIDDEN,
            post=AME_ACT_HIDDEN,
        ),
    ]


MEETING = _pk("meeting")

MISSIONS_MATRIX = {
    "missions:list": Entry(get=everyone(200), post=NOT_ALLOWED_METHOD),
    "missions:create": Entry(get=AME_ONLY_EDIT, post=AME_ONLY_EDIT),
    "missions:dashboard": Entry(get=AME_ONLY_EDIT, post=AUTH_NOT_ALLOWED),
    "missions:detail": [
        Entry(kwargs={"slug": PUBLISHED}, get=everyone(200), post=NOT_ALLOWED_METHOD),
        Entry(kwargs={"slug": UNPUBLISHED}, get=HIDDEN, post=NOT_ALLOWED_METHOD),
    ],
    "missions:edit": [
        Entry(kwargs={"slug": PUBLISHED}, get=AME_ONLY_EDIT, post=AME_ONLY_EDIT),
        Entry(kwargs={"slug": UNPUBLISHED}, get=AME_EDIT_HIDDEN, post=AME_EDIT_HIDDEN),
    ],
    "missions:status": [
        Entry(
            kwargs={"slug": UNPUBLISHED},
            get=AUTH_NOT_ALLOWED,
            post=AME_ACT_HIDDEN,
            data={"to_status": MissionStatus.PUBLISHED},
        ),
        Entry(
            kwargs={"slug": PUBLISHED},
            post=AME_ACT,
            data={"to_status": MissionStatus.SYSTEMATISED},
        ),
    ],
    "missions:report": [
        Entry(kwargs={"slug": PUBLISHED, "fmt": "docx"}, get=everyone(200)),
        Entry(kwargs={"slug": UNPUBLISHED, "fmt": "docx"}, get=HIDDEN, post=NOT_ALLOWED_METHOD),
        Entry(kwargs={"slug": PUBLISHED, "fmt": "odt"}, get=everyone(404)),
    ],
    "missions:mission_dashboard": [
        Entry(kwargs={"slug": PUBLISHED}, get=PARTICIPANTS, post=AUTH_NOT_ALLOWED),
        Entry(kwargs={"slug": UNPUBLISHED}, get=PARTICIPANTS_HIDDEN),
    ],
    "missions:photo_add": [
        Entry(
            kwargs={"slug": PUBLISHED},
            get=PARTICIPANTS,
            post=row(400, 400, 400, 403, 403, LOGIN),
        ),
        Entry(
            kwargs={"slug": UNPUBLISHED},
            get=PARTICIPANTS_HIDDEN,
            post=row(400, 400, 400, 404, 404, LOGIN),
        ),
    ],
    "missions:photo": [
        Entry(
            kwargs={"slug": PUBLISHED, "pk": "missions_published_photo_pk"},
            get=everyone(200),
            post=NOT_ALLOWED_METHOD,
        ),
        Entry(kwargs={"slug": UNPUBLISHED, "pk": "missions_unpublished_photo_pk"}, get=HIDDEN),
    ],
    # Photos are removed by AME or by whoever uploaded them (the fixtures' photos are AME's)
    "missions:photo_remove": [
        Entry(
            kwargs={"slug": UNPUBLISHED, "pk": "missions_unpublished_photo_pk"},
            get=AUTH_NOT_ALLOWED,
            post=AME_ACT_HIDDEN,
        ),
    ],
    "missions:note_add": [
        Entry(
            kwargs={"slug": PUBLISHED},
            get=AUTH_NOT_ALLOWED,
            post=row(302, 302, 302, 403, 403, LOGIN),
            data={"text": "Nota de prueba"},
        ),
        Entry(
            kwargs={"slug": UNPUBLISHED},
            post=PARTICIPANTS_ACT_HIDDEN,
            data={"text": "Nota de prueba"},
        ),
    ],
    "missions:participant_add": _ame_form("missions:participant_add"),
    "missions:participant_edit": _ame_form("missions:participant_edit", _pk("participant")),
    "missions:participant_remove": _ame_remove("participant"),
    "missions:meeting_add": _ame_form("missions:meeting_add"),
    "missions:meeting_edit": _ame_form("missions:meeting_edit", MEETING),
    "missions:meeting_remove": _ame_remove("meeting"),
    "missions:counterpart_add": _ame_form("missions:counterpart_add", MEETING),
    "missions:counterpart_edit": _ame_form("missions:counterpart_edit", _pk("counterpart")),
    "missions:counterpart_remove": _ame_remove("counterpart"),
    "missions:recommendation_add": _ame_form("missions:recommendation_add", MEETING),
    "missions:recommendation_edit": _ame_form(
        "missions:recommendation_edit", _pk("recommendation")
    ),
    "missions:recommendation_remove": _ame_remove("recommendation"),
    "missions:opportunity_add": _ame_form("missions:opportunity_add", MEETING),
    "missions:follow_up_add": _ame_form("missions:follow_up_add", _pk("recommendation")),
    "missions:follow_up_status": Entry(
        kwargs={"slug": UNPUBLISHED, "pk": "missions_unpublished_follow_up_pk"},
        get=AUTH_NOT_ALLOWED,
        post=AME_ACT_HIDDEN,
        data={"status": FollowUpStatus.DONE},
    ),
    "missions:panel_add": _ame_form("missions:panel_add"),
    "missions:panel_edit": _ame_form("missions:panel_edit", _pk("panel")),
    "missions:panel_remove": _ame_remove("panel"),
    "missions:speaker_add": _ame_form("missions:speaker_add", _pk("panel")),
    "missions:speaker_edit": _ame_form("missions:speaker_edit", _pk("speaker")),
    "missions:speaker_remove": _ame_remove("speaker"),
    # The audit trail of a mission: AME and the GADs of its delegation
    "missions:history": [
        Entry(kwargs={"slug": PUBLISHED}, get=PARTICIPANTS, post=AUTH_NOT_ALLOWED),
        Entry(kwargs={"slug": UNPUBLISHED}, get=PARTICIPANTS_HIDDEN, post=AUTH_NOT_ALLOWED),
    ],
}


def _records(status, n, label):
    m = factories.mission(
        status=status,
        slug=f"matriz-{label}-{n}",
        name=f"Misión {label} {n}",
        starts_on=datetime.date(2025, 3, 3),
        ends_on=datetime.date(2025, 3, 7),
    )
    meeting = factories.meeting(m)
    counterpart = services.add_counterpart(
        meeting, actor=None, organization_name="Alcaldía anfitriona", person_name="Alcaldesa"
    )
    recommendation = services.add_recommendation(meeting, actor=None, text="Recomendación")
    follow_up = services.add_follow_up(
        recommendation, actor=None, description="Enviar carta", responsible="AME"
    )
    panel = services.add_panel(m, actor=None, title="Diálogo")
    speaker = services.add_speaker(panel, actor=None, name="Panelista", organization_name="AME")
    photo = services.add_photo(m, actor=None, uploaded_file=factories.upload(), caption="Foto")
    prefix = f"missions_{label}"
    return {
        f"{prefix}_slug": m.slug,
        f"{prefix}_meeting_pk": meeting.pk,
        f"{prefix}_counterpart_pk": counterpart.pk,
        f"{prefix}_speaker_pk": speaker.pk,
        f"{prefix}_recommendation_pk": recommendation.pk,
        f"{prefix}_follow_up_pk": follow_up.pk,
        f"{prefix}_panel_pk": panel.pk,
        f"{prefix}_photo_pk": photo.pk,
        f"{prefix}_participant_pk": m.participants.first().pk,
    }


def make_records(focal_org, n):
    return {
        **_records(MissionStatus.PUBLISHED, n, "published"),
        **_records(MissionStatus.SYSTEMATISED, n, "unpublished"),
    }
