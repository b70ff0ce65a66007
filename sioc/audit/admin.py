from django.contrib import admin

from sioc.audit.choices import Action
from sioc.audit.models import AuditEvent
from sioc.audit.services import record


class AuditedAdminMixin:
    """Django admin changes leave the same audit trail as the services."""

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        changes = {
            name: [form.initial.get(name), str(form.cleaned_data.get(name))]
            for name in form.changed_data
        }
        record(
            actor=request.user,
            action=Action.UPDATE if change else Action.CREATE,
            obj=obj,
            changes=changes,
            note="admin",
        )

    def delete_model(self, request, obj):
        record(actor=request.user, action=Action.DELETE, obj=obj, note="admin")
        super().delete_model(request, obj)


@admin.register(AuditEvent)
class AuditEventAdmin(admin.ModelAdmin):
    list_display = ["created_at", "actor_label", "action", "content_type", "object_repr"]
    list_filter = ["action", "content_type"]
    search_fields = ["object_repr", "actor_label"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
