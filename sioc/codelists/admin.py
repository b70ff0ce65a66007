"""Read-only admin for the code lists: they change only through ``load_codelists()``."""

from django.contrib import admin

from sioc.codelists import models, permissions


class CodeListAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "is_active"]
    list_filter = ["is_active"]
    search_fields = ["code", "name"]
    list_per_page = 100
    show_full_result_count = False

    def has_module_permission(self, request):
        return request.user.is_active and request.user.is_staff

    def has_view_permission(self, request, obj=None):
        return self.has_module_permission(request) and permissions.can(request.user, "view", obj)

    def has_add_permission(self, request):
        return permissions.can(request.user, "create")

    def has_change_permission(self, request, obj=None):
        return permissions.can(request.user, "change", obj)

    def has_delete_permission(self, request, obj=None):
        return permissions.can(request.user, "delete", obj)


class IatiCodeListAdmin(CodeListAdmin):
    list_display = ["code", "name", "name_en", "is_active"]
    search_fields = ["code", "name", "name_en"]


@admin.register(models.SdgGoal)
class SdgGoalAdmin(CodeListAdmin):
    list_display = ["code", "short_title", "color"]
    list_filter = []
    search_fields = ["short_title", "title"]


@admin.register(models.SdgTarget)
class SdgTargetAdmin(CodeListAdmin):
    list_display = ["code", "goal", "name"]
    list_filter = ["goal"]
    list_select_related = ["goal"]


@admin.register(models.CootadCompetency)
class CootadCompetencyAdmin(CodeListAdmin):
    list_display = ["code", "short_name", "name"]


@admin.register(models.Modality)
class ModalityAdmin(CodeListAdmin):
    list_display = ["code", "name", "is_reimbursable", "is_active"]


@admin.register(models.CooperationType)
class CooperationTypeAdmin(CodeListAdmin):
    list_display = ["code", "name", "description", "is_active"]


@admin.register(models.DacSector)
class DacSectorAdmin(IatiCodeListAdmin):
    list_display = ["code", "name", "category", "is_active"]
    list_filter = ["is_active", "category"]
    list_select_related = ["category"]


@admin.register(models.AidType)
class AidTypeAdmin(IatiCodeListAdmin):
    list_display = ["code", "name", "category", "parent", "is_active"]
    list_filter = ["is_active", "category"]
    list_select_related = ["category", "parent"]


@admin.register(models.FinanceType)
class FinanceTypeAdmin(IatiCodeListAdmin):
    list_display = ["code", "name", "category", "is_active"]
    list_filter = ["is_active", "category"]
    list_select_related = ["category"]


@admin.register(models.Currency, models.Country)
class IsoCodeListAdmin(IatiCodeListAdmin):
    list_display = ["code", "name", "name_en", "name_is_english", "is_active"]
    list_filter = ["is_active", "name_is_english"]


for model in (
    models.DacSectorCategory,
    models.IatiOrganisationType,
    models.ActivityStatus,
    models.AidTypeCategory,
    models.FinanceTypeCategory,
    models.FlowType,
):
    admin.site.register(model, IatiCodeListAdmin)
