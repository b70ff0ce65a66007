"""The dashboards rows of the permission matrix (conventions of tests/permission_matrix.py).

``DASHBOARDS_MATRIX`` maps URL names to Entry objects; ``make_records(focal_org, n)`` creates fresh records
for one request and returns the context keys (prefixed with "dashboards_") the entries' kwargs use.
"""

DASHBOARDS_MATRIX = {}


def make_records(focal_org, n):
    return {}
