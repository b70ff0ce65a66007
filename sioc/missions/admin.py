"""Django admin for AME administrators: read and correct mission records. Status changes and
opportunities (which create catalogue offers) go through the pages and their services."""

from django.contrib import admin

from sioc.audit.admin import AuditedAdminMixin
from sioc.missions.models import (
    Counterpart,
    FollowUpAction,
    Meeting,
    Mission,
    Note,
    Opportunity,
    Panel,
    Participant,
    Photo,
    Recommendation,
    Speaker,
)


class ParticipantInline(admin.TabularInline):
    model = Participant
    raw_id_fields = ["organization"]
    extra = 0


class MeetingInline(admin.StackedInline):
    model = Meeting
    extra = 0
    show_change_link = True


class PanelInline(admin.StackedInline):
    model = Panel
    extra = 0
    show_change_link = True


@admin.register(Mission)
class MissionAdmin(AuditedAdminMixin, admin.ModelAdmin):
    list_display = ["name", "kind", "starts_on", "country", "status"]
    list_filter = ["kind", "status", "country"]
    search_fields = ["name", "slug", "cities"]
    date_hierarchy = "starts_on"
    raw_id_fields = ["organiser"]
    filter_horizontal = ["hosts"]
    readonly_fields = ["status", "published_at"]
    inlines = [ParticipantInline, MeetingInline, PanelInline]


class CounterpartInline(admin.TabularInline):
    model = Counterpart
    raw_id_fields = ["organization"]
    extra = 0


class RecommendationInline(admin.TabularInline):
    model = Recommendation
    extra = 0
    show_change_link = True


@admin.register(Meeting)
class MeetingAdmin(AuditedAdminMixin, admin.ModelAdmin):
    list_display = ["title", "mission", "date"]
    search_fields = ["title", "mission__name"]
    raw_id_fields = ["mission"]
    inlines = [CounterpartInline, RecommendationInline]


class FollowUpInline(admin.TabularInline):
    model = FollowUpAction
    extra = 0


@admin.register(Recommendation)
class RecommendationAdmin(AuditedAdminMixin, admin.ModelAdmin):
    list_display = ["__str__", "meeting"]
    search_fields = ["text"]
    raw_id_fields = ["meeting"]
    inlines = [FollowUpInline]


class SpeakerInline(admin.TabularInline):
    model = Speaker
    extra = 0


@admin.register(Panel)
class PanelAdmin(AuditedAdminMixin, admin.ModelAdmin):
    list_display = ["title", "mission"]
    raw_id_fields = ["mission"]
    inlines = [SpeakerInline]


@admin.register(Photo)
class PhotoAdmin(AuditedAdminMixin, admin.ModelAdmin):
    """Photos are uploaded through the mission page (re-encoded, without metadata); here only
    their caption, credit and order can be corrected."""

    list_display = ["__str__", "mission", "meeting", "uploaded_at"]
    raw_id_fields = ["mission", "meeting"]
    readonly_fields = ["image", "width", "height", "uploaded_by", "uploaded_at"]

    def has_add_permission(self, request):
        return False


@admin.register(Note)
class NoteAdmin(AuditedAdminMixin, admin.ModelAdmin):
    list_display = ["__str__", "mission", "author", "created_at"]
    raw_id_fields = ["mission"]
    readonly_fields = ["author", "organization", "created_at"]


@admin.register(Opportunity)
class OpportunityAdmin(AuditedAdminMixin, admin.ModelAdmin):
    list_display = ["__str__", "kind", "counterpart", "deadline"]
    list_filter = ["kind"]
    raw_id_fields = ["meeting", "offer", "counterpart"]

    def has_add_permission(self, request):
        return False  # created from a meeting's page, together with its catalogue offer
