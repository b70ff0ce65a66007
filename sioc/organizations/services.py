"""Every change to organisations and contacts: atomic, audited, keyword-only actor."""

from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _

from sioc.audit.choices import Action
from sioc.audit.services import diff, record, snapshot
from sioc.common.errors import ConflictError
from sioc.organizations.choices import OrganizationKind
from sioc.organizations.events import organization_changed
from sioc.organizations.models import Contact, Organization

EDITABLE_FIELDS = [
    "name",
    "acronym",
    "kind",
    "country",
    "website",
    "iati_identifier",
    "description",
    "public_email",
    "phone",
    "address",
    "is_active",
]
CONTACT_FIELDS = ["name", "position", "email", "phone"]
AME_SLUG = "ame"


def unique_slug(base: str, *, exclude_pk=None) -> str:
    root = slugify(base)[:100] or "organizacion"
    slug, n = root, 2
    qs = Organization.objects.all()
    if exclude_pk:
        qs = qs.exclude(pk=exclude_pk)
    while qs.filter(slug=slug).exists():
        slug, n = f"{root}-{n}", n + 1
    return slug


@transaction.atomic
def create_organization(*, actor, **fields) -> Organization:
    slug = fields.pop("slug", None) or unique_slug(fields.get("acronym") or fields["name"])
    org = Organization(slug=slug, **fields)
    org.search_text = org.compute_search_text()
    org.full_clean()
    org.save()
    record(
        actor=actor, action=Action.CREATE, obj=org, changes=diff({}, snapshot(org, EDITABLE_FIELDS))
    )
    return org


@transaction.atomic
def update_organization(
    org: Organization, *, actor, expected_version=None, **fields
) -> Organization:
    """Change ``fields``; with ``expected_version`` (the ``updated_at`` the editor saw, ISO text),
    refuse with ConflictError when someone else saved in between."""
    current = Organization.objects.select_for_update().get(pk=org.pk)
    if expected_version and current.updated_at.isoformat() != expected_version:
        raise ConflictError(org)
    before = snapshot(current, EDITABLE_FIELDS)
    for name, value in fields.items():
        if name not in EDITABLE_FIELDS:
            raise ValueError(f"Field {name} is not editable")
        setattr(current, name, value)
    current.search_text = current.compute_search_text()
    current.full_clean()
    current.save()
    changes = diff(before, snapshot(current, EDITABLE_FIELDS))
    if changes:
        record(actor=actor, action=Action.UPDATE, obj=current, changes=changes)
        organization_changed.send(sender=Organization, organization=current, fields=sorted(changes))
    return current


@transaction.atomic
def upsert_organization(*, actor, slug, **fields) -> tuple[Organization, bool]:
    """Create the organisation with ``slug`` or update it; idempotent (used by demo data)."""
    org = Organization.objects.filter(slug=slug).first()
    if org is None:
        return create_organization(actor=actor, slug=slug, **fields), True
    return update_organization(org, actor=actor, **fields), False


@transaction.atomic
def add_contact(organization, *, actor, **fields) -> Contact:
    contact = Contact(organization=organization, **fields)
    contact.full_clean()
    contact.save()
    record(
        actor=actor,
        action=Action.CREATE,
        obj=organization,
        changes={"contacto": [None, contact.name]},
        note=_("Contacto añadido: %s") % contact.name,
    )
    return contact


@transaction.atomic
def update_contact(contact, *, actor, **fields) -> Contact:
    before = snapshot(Contact.objects.get(pk=contact.pk), CONTACT_FIELDS)
    for name, value in fields.items():
        setattr(contact, name, value)
    contact.full_clean()
    contact.save()
    changes = diff(before, snapshot(contact, CONTACT_FIELDS))
    if changes:
        record(
            actor=actor,
            action=Action.UPDATE,
            obj=contact.organization,
            changes={f"contacto.{k}": v for k, v in changes.items()},
            note=_("Contacto modificado: %s") % contact.name,
        )
    return contact


@transaction.atomic
def delete_contact(contact, *, actor) -> None:
    org, name = contact.organization, contact.name
    contact.delete()
    record(
        actor=actor,
        action=Action.UPDATE,
        obj=org,
        changes={"contacto": [name, None]},
        note=_("Contacto eliminado: %s") % name,
    )


@transaction.atomic
def ensure_ame_and_gads(*, actor=None) -> dict[str, int]:
    """AME and one GAD municipal per canton. Idempotent: existing ones keep their edits."""
    from sioc.territory.models import Canton

    created = 0
    if not Organization.objects.filter(slug=AME_SLUG).exists():
        create_organization(
            actor=actor,
            slug=AME_SLUG,
            kind=OrganizationKind.AME,
            name="Asociación de Municipalidades Ecuatorianas",
            acronym="AME",
            country="EC",
            website="https://ame.gob.ec",
        )
        created += 1
    have = set(Organization.objects.gads().values_list("canton_id", flat=True))
    new = []
    for canton in Canton.objects.select_related("province").exclude(pk__in=have).order_by("code"):
        new.append(
            Organization(
                slug=f"gad-{canton.code}-{slugify(canton.name)}"[:120],
                kind=OrganizationKind.GAD_MUNICIPAL,
                name=_("GAD Municipal de %s") % canton.name,
                country="EC",
                canton=canton,
            )
        )
    for org in new:
        org.search_text = org.compute_search_text()
    Organization.objects.bulk_create(new)
    for org in Organization.objects.filter(slug__in=[o.slug for o in new]):
        record(
            actor=actor,
            action=Action.LOAD,
            obj=org,
            note=_("Creado por la carga de datos de referencia"),
        )
    created += len(new)
    return {
        "organizaciones_creadas": created,
        "gad_municipales": Organization.objects.gads().count(),
    }
