"""Django admin for AME administrators: read and correct records; workflow steps are not done here.

The status of a need and the pipeline of an expression of interest change only through the pages
(services.change_need_status, services.move_interest), which check the rules, record the step
and send the e-mails; so those fields are read-only here and the steps cannot be edited.
"""

from django.contrib import admin

from sioc.audit.admin import AuditedAdminMixin
from sioc.demands.models import (
    ExpressionOfInterest,
    GadProfile,
    InterestEvent,
    Need,
    NeedAttachment,
)


@admin.register(GadProfile)
class GadProfileAdmin(AuditedAdminMixin, admin.ModelAdmin):
    list_display = ["organization", "mayor_name", "term_end", "digest_frequency", "updated_at"]
    list_filter = ["digest_frequency"]
    search_fields = ["organization__name", "mayor_name", "officer_name"]
    raw_id_fields = ["organization"]
    filter_horizontal = ["priority_sdgs", "priority_competencies", "networks"]
    readonly_fields = ["feed_token"]


class NeedAttachmentInline(admin.TabularInline):
    model = NeedAttachment
    extra = 0
    readonly_fields = ["uploaded_at"]


@admin.register(Need)
class NeedAdmin(AuditedAdminMixin, admin.ModelAdmin):
    list_display = ["title", "gad", "status", "maturity", "updated_at"]
    list_filter = ["status", "maturity", "gad__canton__province"]
    search_fields = ["title", "gad__name"]
    raw_id_fields = ["gad"]
    filter_horizontal = ["parishes", "sdgs", "sdg_targets", "modalities"]
    readonly_fields = ["status", "created_at", "updated_at"]
    inlines = [NeedAttachmentInline]


class InterestEventInline(admin.TabularInline):
    model = InterestEvent
    extra = 0
    can_delete = False
    fields = ["created_at", "actor", "party", "from_status", "to_status", "reason", "comment"]
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(ExpressionOfInterest)
class ExpressionOfInterestAdmin(AuditedAdminMixin, admin.ModelAdmin):
    list_display = ["gad", "offer", "status", "last_action_at"]
    list_filter = ["status", "reason"]
    search_fields = ["gad__name", "offer__code", "offer__title", "contact_email"]
    raw_id_fields = ["gad", "offer", "need"]
    readonly_fields = [
        "gad",
        "offer",
        "status",
        "reason",
        "last_action_at",
        "created_at",
        "updated_at",
    ]
    inlines = [InterestEventInline]

    def has_add_permission(self, request):
        return False
