"""The whole permission matrix: the shared rows plus the rows each app keeps beside its records.

Imported by the tests; importing it from the rows' own modules would be circular."""

from sioc.dashboards.tests.matrix import DASHBOARDS_MATRIX
from sioc.dashboards.tests.matrix import make_records as dashboards_records
from sioc.demands.tests.matrix import DEMANDS_MATRIX
from sioc.demands.tests.matrix import make_records as demands_records
from sioc.missions.tests.matrix import MISSIONS_MATRIX
from sioc.missions.tests.matrix import make_records as missions_records
from sioc.projects.iati.tests.matrix import IATI_MATRIX
from sioc.projects.iati.tests.matrix import make_records as iati_records
from sioc.projects.tests.matrix import PROJECTS_MATRIX
from sioc.projects.tests.matrix import make_records as projects_records
from tests.permission_matrix import DELEGATED_NAMESPACES, MATRIX, PERSONAS

MATRIX = {
    **MATRIX,
    **DEMANDS_MATRIX,
    **MISSIONS_MATRIX,
    **PROJECTS_MATRIX,
    **IATI_MATRIX,
    **DASHBOARDS_MATRIX,
}


def make_records(focal_org, n):
    """Fresh records of every app for one request (keys are prefixed per app)."""
    context = {}
    for make in (
        demands_records,
        missions_records,
        projects_records,
        iati_records,
        dashboards_records,
    ):
        context.update(make(focal_org, n))
    return context


__all__ = ["DELEGATED_NAMESPACES", "MATRIX", "PERSONAS", "make_records"]
