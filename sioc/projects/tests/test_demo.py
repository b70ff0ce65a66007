"""The demo projects: realistic, through the services, with every monitoring state; idempotent."""

import io

import pytest
from django.core import mail
from django.utils import timezone

from sioc.accounts import demo as accounts_demo
from sioc.audit.models import AuditEvent
from sioc.demands import demo as demands_demo
from sioc.offers import demo as offers_demo
from sioc.organizations import demo as organizations_demo
from sioc.projects import demo
from sioc.projects.choices import PeriodStatus, Visibility
from sioc.projects.models import Project, ReportingPeriod, Transaction

pytestmark = pytest.mark.django_db


def test_entries_are_well_formed():
    assert 8 <= len(demo.PROJECTS) <= 15
    keys = [(p["gad"], p["title"]) for p in demo.PROJECTS]
    assert len(keys) == len(set(keys))
    for p in demo.PROJECTS:
        assert sum(pct for _c, pct in p["sdgs"]) <= 100


def test_load_is_complete_and_idempotent(django_capture_on_commit_callbacks):
    organizations_demo.load(actor=None)
    accounts_demo.load(actor=None)
    offers_demo.load(actor=None)
    demands_demo.load(actor=None)
    out = io.StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        demo.load(actor=None, stdout=out)
    projects = Project.objects.managed()
    assert projects.count() == len(demo.PROJECTS)
    assert projects.filter(origin_interest__isnull=False).count() >= 2
    assert projects.filter(visibility=Visibility.PUBLISHED).count() >= 4
    statuses = set(ReportingPeriod.objects.values_list("status", flat=True))
    assert {PeriodStatus.APPROVED, PeriodStatus.SUBMITTED, PeriodStatus.OPEN} <= statuses
    overdue = ReportingPeriod.objects.filter(
        due_on__lt=timezone.localdate(), status=PeriodStatus.OPEN
    )
    assert overdue.exists()
    assert not Transaction.objects.filter(value_usd__isnull=True).exists()
    assert Transaction.objects.exclude(currency_id="USD").exists()
    assert mail.outbox == []  # the loader notifies nobody
    mine = AuditEvent.objects.filter(
        object_id__in=[str(pk) for pk in projects.values_list("pk", flat=True)]
    )
    events = mine.count()
    with django_capture_on_commit_callbacks(execute=True):
        demo.load(actor=None, stdout=io.StringIO())
    assert Project.objects.managed().count() == len(demo.PROJECTS)
    assert mine.count() == events
