"""Code lists are public reference data: everybody reads them, nobody changes them by hand.

They change only through ``load_codelists()`` (sources in SIOC_DATA_DIR and this package), so the
policy is the same for every code-list model.
"""

READ_ACTIONS = frozenset({"view", "export"})


def visible_to(user, queryset):
    """Every code, withdrawn ones included (old records still use them), for every visitor."""
    return queryset


def can(user, action: str, obj=None) -> bool:
    """Reading and exporting: yes, for anybody. Creating, changing, deleting: no one."""
    return action in READ_ACTIONS
