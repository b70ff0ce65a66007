"""The IATI rows of the permission matrix (conventions of tests/permission_matrix.py).

``IATI_MATRIX`` maps URL names to Entry objects; ``make_records(focal_org, n)`` creates fresh
records for one request and returns the context keys (prefixed with "iati_") the entries use.
Web imports are an AME administrator's task: everyone else gets 403, anonymous visitors go to
the login page. A POST of the upload form without a file answers 200 (the form with its error).
"""

from sioc.projects.choices import ImportStatus
from sioc.projects.models import IatiImport
from tests.permission_matrix import ADMIN_ONLY, AUTH_NOT_ALLOWED, Entry

IATI_MATRIX = {
    "iati:upload": Entry(get=ADMIN_ONLY, post=ADMIN_ONLY),
    "iati:jobs": Entry(get=ADMIN_ONLY, post=AUTH_NOT_ALLOWED),
    "iati:job": Entry(kwargs={"pk": "iati_job_pk"}, get=ADMIN_ONLY, post=AUTH_NOT_ALLOWED),
}


def make_records(focal_org, n):
    job = IatiImport.objects.create(
        original_name=f"prueba-{n}.xml", status=ImportStatus.DONE, total=1, processed=1
    )
    return {"iati_job_pk": job.pk}
