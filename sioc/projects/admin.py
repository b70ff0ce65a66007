"""Django admin for AME administrators: read and correct records.

The monitoring workflow (submit, approve, return, reopen) and the derived USD totals change only
through the pages and services, which check the rules and keep the totals; so those fields are
read-only here.
"""

from django.contrib import admin

from sioc.audit.admin import AuditedAdminMixin
from sioc.projects.models import (
    ExchangeRate,
    IatiImport,
    Project,
    ProjectOrganization,
    ProjectSdg,
    ProjectSector,
    ReportingPeriod,
    Transaction,
)


class ParticipationInline(admin.TabularInline):
    model = ProjectOrganization
    extra = 0
    raw_id_fields = ["organization"]


class SdgInline(admin.TabularInline):
    model = ProjectSdg
    extra = 0


class SectorInline(admin.TabularInline):
    model = ProjectSector
    extra = 0
    raw_id_fields = ["sector"]


class TransactionInline(admin.TabularInline):
    model = Transaction
    extra = 0
    readonly_fields = ["value_usd"]


@admin.register(Project)
class ProjectAdmin(AuditedAdminMixin, admin.ModelAdmin):
    list_display = ["title", "source", "year", "activity_status", "visibility", "disbursed_usd"]
    list_filter = ["source", "visibility", "activity_status", "year"]
    search_fields = ["title", "iati_identifier"]
    raw_id_fields = ["reporting_org", "origin_offer", "origin_interest"]
    filter_horizontal = ["gads", "cantons"]
    readonly_fields = [
        "source",
        "year",
        "budget_usd",
        "committed_usd",
        "disbursed_usd",
        "spent_usd",
        "published_at",
    ]
    exclude = ["parishes"]
    inlines = [ParticipationInline, SdgInline, SectorInline, TransactionInline]


@admin.register(ReportingPeriod)
class ReportingPeriodAdmin(AuditedAdminMixin, admin.ModelAdmin):
    list_display = ["project", "starts_on", "ends_on", "due_on", "status", "reminded_at"]
    list_filter = ["status"]
    search_fields = ["project__title"]
    raw_id_fields = ["project"]
    readonly_fields = [
        "status",
        "submitted_at",
        "submitted_by",
        "reviewed_at",
        "reviewed_by",
        "reminded_at",
    ]


@admin.register(ExchangeRate)
class ExchangeRateAdmin(AuditedAdminMixin, admin.ModelAdmin):
    list_display = ["currency", "date", "usd_per_unit"]
    list_filter = ["currency"]
    date_hierarchy = "date"


@admin.register(IatiImport)
class IatiImportAdmin(admin.ModelAdmin):
    list_display = ["original_name", "status", "processed", "total", "created_at"]
    list_filter = ["status"]
    readonly_fields = [f.name for f in IatiImport._meta.fields]
