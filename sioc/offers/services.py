"""Every change to offers: atomic, audited, keyword-only actor."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from sioc.audit.choices import Action
from sioc.audit.services import diff, record, snapshot
from sioc.common.errors import ConflictError
from sioc.common.roles import principal
from sioc.offers.choices import TRANSITIONS, OfferStatus, Schedule
from sioc.offers.models import Offer, OfferAttachment, ReviewNote
from sioc.offers.search import index_offers

SCALAR_FIELDS = [
    "code",
    "cooperante",
    "title",
    "summary",
    "description",
    "cooperation_type",
    "is_national",
    "open_to_gad",
    "open_to_mancomunidad",
    "open_to_others",
    "amount_min",
    "amount_max",
    "currency",
    "counterpart_percent",
    "schedule",
    "opens_on",
    "closes_on",
    "requirements",
    "how_to_apply",
    "contact",
    "source_url",
    "last_verified_on",
]
M2M_FIELDS = [
    "modalities",
    "sdgs",
    "sdg_targets",
    "competencies",
    "sectors",
    "provinces",
    "cantons",
]
AUDITED_FIELDS = SCALAR_FIELDS + M2M_FIELDS + ["status"]
MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024


def _changed(offer_ids):
    """Refresh the search index of these offers, inside the same transaction as the change."""
    index_offers(list(offer_ids))


def _apply(offer, fields):
    m2m = {}
    for name, value in fields.items():
        if name in M2M_FIELDS:
            m2m[name] = value
        elif name in SCALAR_FIELDS or name == "status":
            setattr(offer, name, value)
        else:
            raise ValueError(f"Field {name} is not editable")
    if offer.schedule == Schedule.PERMANENT:
        offer.closes_on = None
    offer.full_clean()
    offer.save()
    for name, value in m2m.items():
        getattr(offer, name).set(value)
    if offer.is_national:
        offer.provinces.clear()
        offer.cantons.clear()


@transaction.atomic
def create_offer(*, actor, status=OfferStatus.DRAFT, **fields) -> Offer:
    offer = Offer(status=status)
    if status == OfferStatus.PUBLISHED:
        offer.published_at = timezone.now()
    _apply(offer, fields)
    record(
        actor=actor,
        action=Action.CREATE,
        obj=offer,
        changes=diff({}, snapshot(offer, AUDITED_FIELDS)),
    )
    _changed([offer.pk])
    return offer


@transaction.atomic
def update_offer(offer: Offer, *, actor, expected_version=None, **fields) -> Offer:
    """Save changes; with ``expected_version`` (ISO ``updated_at`` the editor saw) a concurrent
    save raises ConflictError and nothing is written. A focal point editing a published offer
    sends it back to AME review."""
    current = Offer.objects.select_for_update().get(pk=offer.pk)
    if expected_version and current.updated_at.isoformat() != expected_version:
        raise ConflictError(offer)
    before = snapshot(current, AUDITED_FIELDS)
    _apply(current, fields)
    changes = diff(before, snapshot(current, AUDITED_FIELDS))
    if changes and current.status == OfferStatus.PUBLISHED and not principal(actor).is_ame_staff:
        _transition(
            current,
            OfferStatus.IN_REVIEW,
            actor=actor,
            comment=_("Cambios del cooperante para revisar."),
        )
        changes["status"] = [OfferStatus.PUBLISHED, OfferStatus.IN_REVIEW]
    if changes:
        record(actor=actor, action=Action.UPDATE, obj=current, changes=changes)
        _changed([current.pk])
    return current


def _transition(offer, to_status, *, actor, comment=""):
    from_status = offer.status
    offer.status = to_status
    now = timezone.now()
    if to_status == OfferStatus.PUBLISHED:
        offer.published_at = offer.published_at or now
        offer.closed_at = None
        offer.review_comment = ""
    elif to_status == OfferStatus.CLOSED:
        offer.closed_at = now
    elif to_status == OfferStatus.DRAFT and comment:
        offer.review_comment = comment
    offer.save(
        update_fields=["status", "published_at", "closed_at", "review_comment", "updated_at"]
    )
    ReviewNote.objects.create(
        offer=offer,
        author=actor if getattr(actor, "is_authenticated", False) else None,
        from_status=from_status,
        to_status=to_status,
        comment=comment,
    )


@transaction.atomic
def change_status(offer: Offer, to_status: OfferStatus, *, actor, comment="") -> Offer:
    """Move an offer through the workflow; refuses transitions that do not exist."""
    current = Offer.objects.select_for_update().get(pk=offer.pk)
    if (current.status, to_status) not in TRANSITIONS:
        raise ValidationError(
            _("No se puede pasar una oferta de «%(from)s» a «%(to)s».")
            % {"from": current.get_status_display(), "to": OfferStatus(to_status).label}
        )
    if TRANSITIONS[(current.status, to_status)] == "return" and not comment.strip():
        raise ValidationError(
            _("Para devolver una oferta escriba qué debe corregir el cooperante.")
        )
    expired = (
        current.schedule == Schedule.WINDOW
        and current.closes_on
        and current.closes_on < timezone.localdate()
    )
    if to_status == OfferStatus.PUBLISHED and expired:
        raise ValidationError(_("La fecha de cierre ya pasó: actualícela antes de publicar."))
    before = current.status
    _transition(current, to_status, actor=actor, comment=comment)
    record(
        actor=actor,
        action=Action.UPDATE,
        obj=current,
        changes={"status": [before, to_status]},
        note=comment,
    )
    _changed([current.pk])
    return current


@transaction.atomic
def verify_offer(offer: Offer, *, actor) -> Offer:
    current = Offer.objects.select_for_update().get(pk=offer.pk)
    before = current.last_verified_on
    current.last_verified_on = timezone.localdate()
    current.save(update_fields=["last_verified_on", "updated_at"])
    record(
        actor=actor,
        action=Action.UPDATE,
        obj=current,
        changes={
            "last_verified_on": [
                before.isoformat() if before else None,
                current.last_verified_on.isoformat(),
            ]
        },
    )
    return current


@transaction.atomic
def add_attachment(offer: Offer, *, actor, title, uploaded_file) -> OfferAttachment:
    """Attach a PDF (checked by its signature, not its name), at most 10 MB."""
    if uploaded_file.size > MAX_ATTACHMENT_BYTES:
        raise ValidationError(_("El archivo pesa más de 10 MB."))
    head = uploaded_file.read(5)
    uploaded_file.seek(0)
    if head != b"%PDF-":
        raise ValidationError(_("El archivo no es un PDF."))
    attachment = OfferAttachment(offer=offer, title=title or uploaded_file.name[:200])
    attachment.file.save(uploaded_file.name.rsplit("/", 1)[-1][:100], uploaded_file, save=False)
    attachment.full_clean()
    attachment.save()
    record(
        actor=actor, action=Action.UPDATE, obj=offer, changes={"adjunto": [None, attachment.title]}
    )
    return attachment


@transaction.atomic
def close_expired_offers(*, actor=None, date=None) -> dict[str, int]:
    """Close published window offers whose closing date has passed; roll yearly offers forward.

    Run daily (``sioc close_expired_offers``). Closed offers never reopen by themselves.
    """
    date = date or timezone.localdate()
    closed = rolled = 0
    expired = Offer.objects.select_for_update().filter(
        status=OfferStatus.PUBLISHED, closes_on__lt=date
    )
    touched = []
    for offer in expired:
        touched.append(offer.pk)
        if offer.schedule == Schedule.YEARLY:
            before = {"opens_on": offer.opens_on, "closes_on": offer.closes_on}
            while offer.closes_on < date:
                offer.closes_on = _add_year(offer.closes_on)
                if offer.opens_on:
                    offer.opens_on = _add_year(offer.opens_on)
            offer.save(update_fields=["opens_on", "closes_on", "updated_at"])
            record(
                actor=actor,
                action=Action.UPDATE,
                obj=offer,
                changes={k: [str(v), str(getattr(offer, k))] for k, v in before.items()},
                note=_("Convocatoria anual: nuevas fechas"),
            )
            rolled += 1
        elif offer.schedule == Schedule.WINDOW:
            _transition(
                offer,
                OfferStatus.CLOSED,
                actor=actor,
                comment=_("Cerrada automáticamente: pasó la fecha de cierre."),
            )
            record(
                actor=actor,
                action=Action.UPDATE,
                obj=offer,
                changes={"status": [OfferStatus.PUBLISHED, OfferStatus.CLOSED]},
                note=_("Cierre automático"),
            )
            closed += 1
    if touched:
        _changed(touched)
    return {"ofertas_cerradas": closed, "ofertas_anuales_renovadas": rolled}


def _add_year(value: datetime.date) -> datetime.date:
    try:
        return value.replace(year=value.year + 1)
    except ValueError:  # 29 February
        return value.replace(year=value.year + 1, day=28)
