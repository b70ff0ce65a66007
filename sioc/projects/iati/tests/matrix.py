"""The IATI rows of the permission matrix (conventions of tests/permission_matrix.py).

``IATI_MATRIX`` maps URL names to Entry objects; ``make_records(focal_org, n)`` creates fresh
records for one request and returns the context keys (prefixed with "iati_") the entries use.
"""

IATI_MATRIX = {}


def make_records(focal_org, n):
    return {}
