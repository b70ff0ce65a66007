"""Who may do what through an import: statuses asked by the file and focal-point limits.

The same policy as ``sioc.offers.permissions`` and the workflow in ``choices.TRANSITIONS``: AME
staff (and the system) import anything; a focal point imports only its organisation's offers,
its «Publicada» rows go to AME review, and it cannot create or change other cooperantes.
"""

from django.utils.translation import gettext as _

from sioc.offers.choices import TRANSITIONS, OfferStatus
from sioc.offers.imports.cells import CellError
from sioc.offers.permissions import FOCAL_EDITABLE

# What a focal point may ask through the file (``permissions.can`` for one offer): send a draft
# to review, close a published offer.
FOCAL_IMPORT_ACTIONS = {"submit", "close"}


class OfferRules:
    """Mixed into the planner: needs ``is_ame``, ``orgs``, ``own_org_ids``, ``own_org_slugs``,
    ``status_labels``."""

    def _resolve_status(self, current, requested):
        """(status to create with | transition target | None, note) or raise CellError.

        The template offers Borrador, Publicada and Cerrada; En revisión and Archivada, which
        exports write, are accepted too, so that an export also loads into another SIOC."""
        labels = self.status_labels
        to_review = _("pasará a revisión de AME antes de publicarse")
        if current is None:
            if requested in (None, OfferStatus.DRAFT):
                return OfferStatus.DRAFT, ""
            if requested in (OfferStatus.PUBLISHED, OfferStatus.IN_REVIEW) and not self.is_ame:
                return OfferStatus.IN_REVIEW, to_review
            if self.is_ame:
                return requested, ""
            raise CellError(
                _("solo AME registra ofertas «%(status)s»; use Borrador o Publicada.")
                % {"status": labels[requested]}
            )
        if requested is None or requested == current:
            return None, ""
        if not self.is_ame and requested == OfferStatus.PUBLISHED:
            if current == OfferStatus.IN_REVIEW:
                return None, ""  # already waiting for AME
            if current == OfferStatus.DRAFT:
                return OfferStatus.IN_REVIEW, to_review
        action = TRANSITIONS.get((current, requested))
        if action is None:
            raise CellError(
                _("no se puede pasar una oferta de «%(from)s» a «%(to)s».")
                % {"from": labels[current], "to": labels[requested]}
            )
        if not self.is_ame and action not in FOCAL_IMPORT_ACTIONS:
            raise CellError(
                _("solo AME puede pasar una oferta de «%(from)s» a «%(to)s».")
                % {"from": labels[current], "to": labels[requested]}
            )
        return requested, to_review if requested == OfferStatus.IN_REVIEW else ""

    def _focal_offer_problem(self, code, current, state, changed):
        """(column, message) when a focal point may not make this change, else None."""
        if current is not None:
            owner = self.orgs.get(current["cooperante"])
            if owner is None or owner.pk not in self.own_org_ids:
                return (
                    "codigo",
                    _("la oferta «%(code)s» pertenece a otro cooperante: no puede modificarla.")
                    % {"code": code},
                )
            if changed and current["status"] not in FOCAL_EDITABLE:
                return (
                    "codigo",
                    _("la oferta está «%(status)s»: solo AME puede modificarla.")
                    % {"status": OfferStatus(current["status"]).label},
                )
        org = self.orgs.get(state["cooperante"])
        if org is None or org.pk not in self.own_org_ids:
            return (
                "cooperante",
                _("solo puede importar ofertas de su organización (%(own)s).")
                % {"own": ", ".join(self.own_org_slugs) or "—"},
            )
        return None
