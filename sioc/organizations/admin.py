from django.contrib import admin

from sioc.audit.admin import AuditedAdminMixin
from sioc.organizations.models import Contact, Organization


class ContactInline(admin.TabularInline):
    model = Contact
    extra = 0


@admin.register(Organization)
class OrganizationAdmin(AuditedAdminMixin, admin.ModelAdmin):
    list_display = ["name", "acronym", "kind", "country", "canton", "is_active"]
    list_filter = ["kind", "is_active"]
    search_fields = ["name", "acronym", "iati_identifier", "search_text"]
    raw_id_fields = ["canton"]
    inlines = [ContactInline]
