"""Who sees and who changes offers (one policy for the model).

- Everyone sees published and closed offers; drafts, reviews and archived offers only AME staff
  and the cooperante's own focal points (anyone else gets 404).
- AME officers manage everything. A focal point creates and edits its organisation's offers and
  submits them; only AME publishes, returns with comments, reopens or archives.
"""

from django.db.models import Q

from sioc.common.roles import Role, principal
from sioc.offers.choices import PUBLIC_STATUSES, OfferStatus
from sioc.offers.models import Offer

FOCAL_EDITABLE = (OfferStatus.DRAFT, OfferStatus.IN_REVIEW, OfferStatus.PUBLISHED)
FOCAL_ACTIONS = {"submit", "close", "verify", "attach"}
AME_ACTIONS = {"submit", "return", "publish", "close", "reopen", "archive", "verify", "attach"}


def visible_to(user, queryset=None):
    qs = Offer.objects.all() if queryset is None else queryset
    p = principal(user)
    if p.is_ame_staff:
        return qs
    own = p.organization_ids(Role.FOCAL_POINT)
    if own:
        return qs.filter(Q(status__in=PUBLIC_STATUSES) | Q(cooperante_id__in=own))
    return qs.filter(status__in=PUBLIC_STATUSES)


def focal_organization_ids(user):
    return principal(user).organization_ids(Role.FOCAL_POINT)


def can(user, action: str, obj: Offer | None = None) -> bool:
    p = principal(user)
    if not p.is_authenticated:
        return False
    if action == "create":
        return p.is_ame_staff or bool(focal_organization_ids(user))
    if action == "import":
        return p.is_ame_staff or bool(focal_organization_ids(user))
    if obj is None:
        return False
    if p.is_ame_staff:
        return action == "change" or action in AME_ACTIONS or action == "view_history"
    own = obj.cooperante_id in focal_organization_ids(user)
    if not own:
        return False
    if action == "change":
        return obj.status in FOCAL_EDITABLE
    if action == "view_history":
        return True
    if action == "submit":
        return obj.status == OfferStatus.DRAFT
    if action == "close":
        return obj.status == OfferStatus.PUBLISHED
    return action in FOCAL_ACTIONS
