"""The whole permission matrix: the shared rows plus the demand rows kept beside their records.

Imported by the tests; importing it from the rows' own modules would be circular."""

from sioc.demands.tests.matrix import DEMANDS_MATRIX
from tests.permission_matrix import DELEGATED_NAMESPACES, MATRIX, PERSONAS

MATRIX = {**MATRIX, **DEMANDS_MATRIX}

__all__ = ["DELEGATED_NAMESPACES", "MATRIX", "PERSONAS"]
