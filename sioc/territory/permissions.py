"""Territory is public reference data: everyone sees it, nobody edits it through SIOC.

Provinces, cantons, parishes and zonas no delimitadas change only by reloading the INEC
reference files (``sioc load_reference_data``), so every change action is refused here.
"""

from sioc.territory.models import Canton, Parish, Province, UndelimitedZone

READ_ACTIONS = frozenset({"view"})


class ReferencePolicy:
    """Policy for one reference model: visible to everyone, changed by no one."""

    def __init__(self, model):
        self.model = model

    def visible_to(self, user, queryset=None):
        return self.model.objects.all() if queryset is None else queryset

    def can(self, user, action: str, obj=None) -> bool:
        return action in READ_ACTIONS


provinces = ReferencePolicy(Province)
cantons = ReferencePolicy(Canton)
parishes = ReferencePolicy(Parish)
zones = ReferencePolicy(UndelimitedZone)

POLICIES = {policy.model: policy for policy in (provinces, cantons, parishes, zones)}


def visible_to(user, model=Province, queryset=None):
    return POLICIES[model].visible_to(user, queryset)


def can(user, action: str, obj=None) -> bool:
    """Only "view" is allowed, for every territory record and every user."""
    return action in READ_ACTIONS
