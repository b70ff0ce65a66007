"""E-mail digests of fitting offers, one e-mail per GAD (``sioc send_digests``).

For each GAD whose profile asks for this kind of digest, the offers announced are the engine's
fitting offers for the GAD that are open today and were never announced to that GAD before
(``DigestDelivery``, unique per GAD and offer, whatever the kind that sent it); the on-publication
digest only takes those published since the start of the last complete run. A GAD with nothing
new gets no e-mail.

Never twice: for each GAD the deliveries are written and the e-mail sent inside one transaction
that first locks the GAD's profile row, so two runs at once cannot both announce an offer, and
an e-mail that fails to send leaves no delivery behind (the offers go in the next run).
"""

import dataclasses
import datetime
import logging

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from sioc.accounts.models import Membership
from sioc.common.roles import Role
from sioc.demands.models import GadProfile
from sioc.matching.models import DigestDelivery, DigestKind, DigestRun
from sioc.matching.queries import fitting_offer_ids
from sioc.offers.models import Offer

logger = logging.getLogger(__name__)

MAX_ITEMS = 20  # offers in one e-mail; the rest wait for the next digest
FIRST_RUN_WINDOW = datetime.timedelta(days=1)  # on-publication, when it never ran before
WEEKLY_INTERVAL = datetime.timedelta(days=7) - datetime.timedelta(hours=1)  # cron jitter


@dataclasses.dataclass
class Item:
    offer: Offer
    reasons: list[str]
    url: str


@dataclasses.dataclass
class Digest:
    profile: GadProfile
    recipients: list[str]
    items: list[Item]

    @property
    def gad(self):
        return self.profile.organization


@dataclasses.dataclass
class Report:
    kind: str
    since: datetime.datetime | None = None
    digests: list[Digest] = dataclasses.field(default_factory=list)
    without_recipients: list[str] = dataclasses.field(default_factory=list)
    failed: list[str] = dataclasses.field(default_factory=list)

    @property
    def emails_sent(self):
        return len(self.digests)

    @property
    def offers_sent(self):
        return sum(len(d.items) for d in self.digests)


# --- who, since when, what ----------------------------------------------------------------


def recipients(profile) -> list[str]:
    """The digest address; else the cooperation officer's; else the GAD officers' accounts."""
    if profile.digest_email:
        return [profile.digest_email]
    if profile.officer_email:
        return [profile.officer_email]
    emails = Membership.objects.filter(
        organization_id=profile.organization_id, role=Role.GAD_OFFICER, user__is_active=True
    ).values_list("user__email", flat=True)
    return sorted({e for e in emails if e})


def last_complete_run(kind):
    return (
        DigestRun.objects.filter(kind=kind, finished_at__isnull=False, failures=0)
        .order_by("-started_at")
        .first()
    )


def since_for(kind, now) -> datetime.datetime | None:
    """On publication: offers published since the last complete run started (a day back the
    first time). Weekly: no limit (every fitting open offer not announced yet)."""
    if kind != DigestKind.ON_PUBLICATION:
        return None
    last = last_complete_run(kind)
    return last.started_at if last else now - FIRST_RUN_WINDOW


def weekly_due(now=None) -> bool:
    now = now or timezone.now()
    last = DigestRun.objects.filter(kind=DigestKind.WEEKLY, finished_at__isnull=False).first()
    return last is None or now - last.started_at >= WEEKLY_INTERVAL


def new_offers(gad, date, since=None, limit=MAX_ITEMS):
    """The fitting offers open on ``date`` never announced to ``gad`` (published since
    ``since`` if given), best first, with the engine's reasons."""
    ids, matches = fitting_offer_ids(gad, date)
    if not ids:
        return []
    qs = (
        Offer.objects.open_on(date)
        .filter(pk__in=ids)
        .exclude(pk__in=DigestDelivery.objects.filter(gad=gad).values("offer_id"))
        .select_related("cooperante", "currency")
    )
    if since is not None:
        qs = qs.filter(published_at__gte=since)
    by_id = {o.pk: o for o in qs}
    chosen = [by_id[i] for i in ids if i in by_id][:limit]
    return [
        Item(offer, list(matches[offer.pk].reasons), settings.SITE_URL + offer.get_absolute_url())
        for offer in chosen
    ]


def profiles(kind):
    return (
        GadProfile.objects.filter(digest_frequency=kind, organization__is_active=True)
        .select_related("organization__canton")
        .order_by("organization__name")
    )


# --- the e-mail ---------------------------------------------------------------------------


def subject(digest: Digest) -> str:
    n = len(digest.items)
    return ngettext(
        "SIOC · %(n)d oportunidad de cooperación para %(gad)s",
        "SIOC · %(n)d oportunidades de cooperación para %(gad)s",
        n,
    ) % {"n": n, "gad": digest.gad.name}


def message(digest: Digest, kind) -> EmailMessage:
    calendar = reverse("matching:gad_deadlines_ics", args=[digest.profile.feed_token])
    body = render_to_string(
        "matching/email/digest.txt",
        {
            "digest": digest,
            "gad": digest.gad,
            "items": digest.items,
            "kind": kind,
            "weekly": kind == DigestKind.WEEKLY,
            "site_url": settings.SITE_URL,
            "calendar_url": settings.SITE_URL + calendar,
            "opportunities_url": settings.SITE_URL + reverse("matching:gad_opportunities"),
        },
    )
    return EmailMessage(
        subject=subject(digest),
        body=body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=digest.recipients,
        headers={"Auto-Submitted": "auto-generated"},
    )


# --- the run ------------------------------------------------------------------------------


def _deliver(profile, items, people, kind, now):
    """Record and send one GAD's digest atomically; returns the digest, or None if another run
    announced everything meanwhile."""
    with transaction.atomic():
        GadProfile.objects.select_for_update().only("pk").get(pk=profile.pk)
        already = set(
            DigestDelivery.objects.filter(
                gad_id=profile.organization_id, offer_id__in=[i.offer.pk for i in items]
            ).values_list("offer_id", flat=True)
        )
        items = [i for i in items if i.offer.pk not in already]
        if not items:
            return None
        DigestDelivery.objects.bulk_create(
            [
                DigestDelivery(
                    gad_id=profile.organization_id,
                    offer=i.offer,
                    kind=kind,
                    sent_at=now,
                    recipients=", ".join(people),
                )
                for i in items
            ]
        )
        digest = Digest(profile, people, items)
        message(digest, kind).send(fail_silently=False)
        return digest


def send_digests(kind, *, now=None, dry_run=False) -> Report:
    """Send the ``kind`` digest to every subscribed GAD with something new. ``dry_run`` finds
    what would be sent without sending or recording anything."""
    kind = DigestKind(kind)
    now = now or timezone.now()
    date = timezone.localdate(now)
    report = Report(kind=kind, since=since_for(kind, now))
    run = None if dry_run else DigestRun.objects.create(kind=kind, started_at=now)
    with translation.override(settings.LANGUAGE_CODE):
        for profile in profiles(kind):
            gad = profile.organization
            items = new_offers(gad, date, since=report.since)
            if not items:
                continue
            people = recipients(profile)
            if not people:
                report.without_recipients.append(gad.name)
                continue
            if dry_run:
                report.digests.append(Digest(profile, people, items))
                continue
            try:
                digest = _deliver(profile, items, people, kind, now)
            except Exception:  # one GAD's mail failure must not stop the others
                logger.exception("Digest to GAD %s failed", gad.pk)
                report.failed.append(gad.name)
                continue
            if digest is not None:
                report.digests.append(digest)
    if run is not None:
        run.finished_at = timezone.now()
        run.emails_sent = report.emails_sent
        run.offers_sent = report.offers_sent
        run.failures = len(report.failed)
        run.save(update_fields=["finished_at", "emails_sent", "offers_sent", "failures"])
    return report


def describe(report: Report) -> str:
    """One Spanish line for the console."""
    label = DigestKind(report.kind).label
    text = ngettext(
        "%(kind)s: %(emails)d correo enviado con %(offers)d ofertas.",
        "%(kind)s: %(emails)d correos enviados con %(offers)d ofertas.",
        report.emails_sent,
    ) % {"kind": label, "emails": report.emails_sent, "offers": report.offers_sent}
    if report.without_recipients:
        text += " " + _("Sin destinatario (complete el perfil del GAD): %(gads)s.") % {
            "gads": ", ".join(report.without_recipients)
        }
    if report.failed:
        text += " " + _("Fallaron: %(gads)s.") % {"gads": ", ".join(report.failed)}
    return text
