"""Who sees which matching results.

Matching shows nothing that its sources hide: a need's recommended offers and an offer's
eligibility for a need follow the need's visibility (``demands.permissions.needs_visible_to``,
404 otherwise) and the offer's (``offers.permissions.visible_to``, 404 otherwise).

- Recommended offers of a need, and the eligibility of an offer for a need: whoever sees the
  need (AME; the GAD's members; cooperante focal points for active needs).
- The GADs and needs an offer fits: AME staff and the offer's own focal points; it names other
  GADs' needs, so GAD members (and other cooperantes) get 403 for an offer they can see.
- «Oportunidades para su GAD», the deadline radar and «¿Le sirve a su GAD?»: the GAD's members,
  for their own GAD; everybody else gets an empty answer (204), nothing to show.
- The ICS calendar of a GAD: anyone holding its secret feed token (calendar applications cannot
  log in); an unknown token is 404.
"""

from sioc.common.roles import GAD_ROLES, Role, principal
from sioc.demands.permissions import needs_visible_to
from sioc.offers import permissions as offer_permissions

__all__ = [
    "can_view_offer_fits",
    "gads_of",
    "needs_visible_to",
    "offers_visible_to",
]


def offers_visible_to(user, queryset=None):
    return offer_permissions.visible_to(user, queryset)


def can_view_offer_fits(user, offer) -> bool:
    """The ranked GADs and needs of ``offer``: AME staff and the offer's focal points."""
    p = principal(user)
    if not p.is_authenticated:
        return False
    return p.is_ame_staff or offer.cooperante_id in p.organization_ids(Role.FOCAL_POINT)


def gads_of(user):
    """The GADs whose opportunities ``user`` sees on the home page (members: officers and
    authorities), in a stable order."""
    p = principal(user)
    seen, result = set(), []
    for m in sorted(p.memberships, key=lambda m: m.organization.name):
        if m.role in GAD_ROLES and m.organization_id not in seen:
            seen.add(m.organization_id)
            result.append(m.organization)
    return result
