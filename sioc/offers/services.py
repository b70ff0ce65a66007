"""Every change to offers: atomic, audited, keyword-only actor."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from sioc.audit.choices import Action
from sioc.audit.services import diff, record, snapshot
from sioc.common.errors import ConflictError
from sioc.common.files import checked_pdf_name
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
    if (
        changes
        and current.status == OfferStatus.PUBLISHED
        and actor is not None
        and not principal(actor).is_ame_staff
    ):
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
    name = checked_pdf_name(uploaded_file)
    attachment = OfferAttachment(offer=offer, title=(title or name)[:200])
    attachment.file.save(name, uploaded_file, save=False)
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


# --- Catalogue import (sioc.offers.imports validates; this writes) --------------------------------

IMPORTED_SCALARS = [
    "code",
    "cooperante",
    "title",
    "description",
    "is_national",
    "amount_min",
    "amount_max",
    "currency",
    "opens_on",
    "closes_on",
    "schedule",
    "requirements",
    "source_url",
]


def _import_snapshot(state, vocabulary, organizations, labels):
    """The audit form of an import state: the same values ``snapshot`` gives for an offer.
    ``labels`` caches the text of code-list rows across offers."""
    values = {}
    for name in IMPORTED_SCALARS:
        value = state[name]
        if name == "cooperante":
            value = str(organizations[value])
        elif name == "currency":
            value = str(vocabulary.currencies[value]) if value else None
        elif isinstance(value, datetime.date):
            value = value.isoformat()
        elif value is not None and not isinstance(value, (bool, str)):
            value = str(value)
        values[name] = value
    for name in M2M_FIELDS:
        texts = []
        for code in state[name]:
            key = (name, code)
            if key not in labels:
                labels[key] = str(vocabulary.instances(name, [code])[0])
            texts.append(labels[key])
        values[name] = sorted(texts)
    return values


def _set_imported_fields(offer, state, names, vocabulary, organizations):
    for name in names:
        value = state[name]
        if name == "cooperante":
            offer.cooperante = organizations[value]
        elif name == "currency":
            offer.currency = vocabulary.currencies[value] if value else None
        else:
            setattr(offer, name, value)


def _insert_links(through, source, target, pairs):
    """Insert M2M rows (offer id, item id) with one prepared statement: 10,000 offers bring
    ~80,000 links, and model instances would cost more than the insert itself."""
    from django.db import connections, router

    if not pairs:
        return
    connection = connections[router.db_for_write(through)]
    quote = connection.ops.quote_name
    opts = through._meta
    insert = "INSERT INTO %s (%s, %s)" % (
        quote(opts.db_table),
        quote(opts.get_field(source).column),
        quote(opts.get_field(target).column),
    )
    with connection.cursor() as cursor:
        for i in range(0, len(pairs), 5000):
            chunk = pairs[i : i + 5000]
            if connection.vendor == "postgresql":  # one statement per chunk: two arrays
                cursor.execute(
                    insert + " SELECT * FROM unnest(%s::bigint[], %s::bigint[])",
                    [[a for a, _b in chunk], [b for _a, b in chunk]],
                )
            else:
                cursor.executemany(insert + " VALUES (%s, %s)", chunk)


def _through(name):
    field = Offer._meta.get_field(name)
    return field.remote_field.through, field.m2m_field_name(), field.m2m_reverse_field_name()


@transaction.atomic
def import_catalog(*, actor, organizations=(), offers=(), vocabulary) -> dict[str, int]:
    """Write a validated catalogue import (planned by ``sioc.offers.imports``).

    ``organizations``: [{"organization": Organization | None, "fields": {...}}], written through
    the organisation services. ``offers``: [{"offer_id", "before", "after", "changed",
    "transition", "review"}] with import *states* (natural codes, see ``sioc.offers.exports``),
    written in bulk: one audit event per created or changed offer, status changes through
    ``change_status`` (audited, with their review note), and one search-index refresh.
    ``vocabulary`` maps codes to code-list rows. Any error rolls everything back.
    """
    from django.contrib.contenttypes.models import ContentType

    from sioc.audit.models import AuditEvent
    from sioc.organizations.models import Organization
    from sioc.organizations.services import create_organization, update_organization

    note = _("Importación de planilla")
    counts = {
        "cooperantes_nuevos": 0,
        "cooperantes_modificados": 0,
        "ofertas_nuevas": 0,
        "ofertas_modificadas": 0,
    }
    orgs = {}
    for item in organizations:
        if item["organization"] is None:
            org = create_organization(actor=actor, **item["fields"])
            counts["cooperantes_nuevos"] += 1
        else:
            org = update_organization(item["organization"], actor=actor, **item["fields"])
            counts["cooperantes_modificados"] += 1
        orgs[org.slug] = org
    slugs = {row["after"]["cooperante"] for row in offers} | {
        row["before"]["cooperante"] for row in offers if row["before"]
    }
    orgs.update(Organization.objects.in_bulk(list(slugs - set(orgs)), field_name="slug"))

    user = actor if getattr(actor, "is_authenticated", False) else None
    label = user.email if user else "sistema"
    content_type = ContentType.objects.get_for_model(Offer, for_concrete_model=False)
    now = timezone.now()
    events = []
    labels = {}

    # New offers
    new_rows = [row for row in offers if row["offer_id"] is None]
    new_offers = []
    for row in new_rows:
        state = row["after"]
        offer = Offer(status=state["status"])
        _set_imported_fields(offer, state, IMPORTED_SCALARS, vocabulary, orgs)
        if offer.status == OfferStatus.PUBLISHED:
            offer.published_at = now
        elif offer.status == OfferStatus.CLOSED:
            offer.closed_at = now
        new_offers.append(offer)
    Offer.objects.bulk_create(new_offers, batch_size=500)
    for offer, row in zip(new_offers, new_rows, strict=True):
        after = _import_snapshot(row["after"], vocabulary, orgs, labels)
        after["status"] = offer.status
        events.append(
            AuditEvent(
                actor=user,
                actor_label=label,
                action=Action.CREATE,
                content_type=content_type,
                object_id=str(offer.pk),
                object_repr=offer.title[:300],
                changes=diff({}, after),
                note=note,
            )
        )
    counts["ofertas_nuevas"] = len(new_offers)

    # Changed offers: scalar fields in bulk, changed relations replaced
    changed_rows = [row for row in offers if row["offer_id"] is not None and row["changed"]]
    scalar_names = sorted(
        {n for row in changed_rows for n in row["changed"] if n in IMPORTED_SCALARS}
    )
    stubs = []
    for row in changed_rows:
        stub = Offer(pk=row["offer_id"])
        _set_imported_fields(stub, row["after"], scalar_names, vocabulary, orgs)
        stub.updated_at = now
        stubs.append(stub)
    if stubs:
        Offer.objects.bulk_update(stubs, [*scalar_names, "updated_at"], batch_size=500)

    rows_by_id = {row["offer_id"]: row for row in changed_rows}
    for name in M2M_FIELDS:
        through, source, target = _through(name)
        replaced = [row["offer_id"] for row in changed_rows if name in row["changed"]]
        for i in range(0, len(replaced), 500):
            through.objects.filter(**{f"{source}_id__in": replaced[i : i + 500]}).delete()
        links = [
            (offer.pk, item.pk)
            for offer, row in zip(new_offers, new_rows, strict=True)
            for item in vocabulary.instances(name, row["after"][name])
        ]
        links += [
            (offer_id, item.pk)
            for offer_id in replaced
            for item in vocabulary.instances(name, rows_by_id[offer_id]["after"][name])
        ]
        _insert_links(through, source, target, links)

    for row in changed_rows:
        changes = diff(
            _import_snapshot(row["before"], vocabulary, orgs, labels),
            _import_snapshot(row["after"], vocabulary, orgs, labels),
        )
        if row["review"]:
            current = Offer.objects.get(pk=row["offer_id"])
            _transition(
                current,
                OfferStatus.IN_REVIEW,
                actor=actor,
                comment=_("Cambios del cooperante para revisar."),
            )
            changes["status"] = [OfferStatus.PUBLISHED, OfferStatus.IN_REVIEW]
        events.append(
            AuditEvent(
                actor=user,
                actor_label=label,
                action=Action.UPDATE,
                content_type=content_type,
                object_id=str(row["offer_id"]),
                object_repr=row["after"]["title"][:300],
                changes=changes,
                note=note,
            )
        )
    AuditEvent.objects.bulk_create(events, batch_size=500)
    counts["ofertas_modificadas"] = len(
        {row["offer_id"] for row in offers if row["offer_id"] is not None}
    )

    # Status changes asked by the file (publish, close, reopen, return, submit)
    for row in offers:
        if row["offer_id"] is not None and row["transition"]:
            change_status(
                Offer(pk=row["offer_id"]),
                row["transition"],
                actor=actor,
                comment=_("Cambio de estado pedido en la importación de planilla."),
            )
    _changed([offer.pk for offer in new_offers] + [row["offer_id"] for row in changed_rows])
    return counts
