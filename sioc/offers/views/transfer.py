"""Import and export of the catalogue: the template, exports of what the filters show, and the
upload → preview → confirm flow of the import."""

import dataclasses
import io

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse, HttpResponseNotFound
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from sioc.common.roles import principal
from sioc.offers import exports, permissions, queries, search
from sioc.offers.filters import OfferFilterSet
from sioc.offers.forms_transfer import (
    ImportConfirmForm,
    ImportUploadForm,
    delete_upload,
    store_upload,
)
from sioc.offers.imports import MAX_UPLOAD_BYTES, OFFER_SHEET, ORG_SHEET, run_import
from sioc.offers.models import Offer

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
PREVIEW_ROWS = 300  # rows listed per sheet and kind in the preview (counts are always complete)


def _download(content, content_type, filename):
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@require_safe
def template(request):
    """The empty workbook: public, so that anyone can prepare a catalogue."""
    return _download(exports.template_bytes(), XLSX, "plantilla-catalogo-sioc.xlsx")


def export_queryset(user, params):
    """Exactly the offers the catalogue shows for these GET parameters (all pages)."""
    builder = getattr(queries, "catalog_queryset", None)
    if builder is not None:
        return builder(user, params)
    # Same steps as ``queries.catalog`` (the visitor's canton is the default «cubre mi cantón»).
    filterset = OfferFilterSet(params, queryset=Offer.objects.none())
    criteria = filterset.criteria
    _cantons, canton_codes, _names = queries.canton_choices()
    my_canton = queries.user_canton_code(user, canton_codes)
    if "canton" not in params and my_canton and "canton" not in filterset.errors:
        criteria = dataclasses.replace(criteria, canton=my_canton)
    return search.order(search.apply(permissions.visible_to(user), criteria), criteria)


@require_safe
def export(request, fmt):
    if fmt not in ("xlsx", "csv"):
        return HttpResponseNotFound(_("Formato de exportación desconocido: use xlsx o csv."))
    queryset = export_queryset(request.user, request.GET)
    total = queryset.count()
    if total > exports.MAX_DATA_ROWS:
        return render(
            request,
            "offers/import_export_too_large.html",
            {"total": total, "limit": exports.MAX_DATA_ROWS},
            status=400,
        )
    stamp = timezone.localdate().isoformat()
    if fmt == "csv":
        return _download(
            exports.csv_bytes(queryset), "text/csv; charset=utf-8", f"ofertas-sioc-{stamp}.csv"
        )
    buffer = io.BytesIO()
    exports.write_xlsx(queryset, buffer)
    return _download(buffer.getvalue(), XLSX, f"catalogo-sioc-{stamp}.xlsx")


def _require_import(user):
    if not permissions.can(user, "import"):
        raise PermissionDenied


def _preview_context(report, token=None):
    sheets = []
    for sheet in (ORG_SHEET, OFFER_SHEET):
        if sheet not in report.sheets:
            continue
        results = report.results[sheet]
        groups = []
        for action, title in (
            ("new", _("Nuevas")),
            ("changed", _("Con cambios")),
            ("unchanged", _("Sin cambios")),
        ):
            rows = [r for r in results if r.action == action]
            groups.append(
                {
                    "action": action,
                    "title": title,
                    "count": len(rows),
                    "rows": rows[:PREVIEW_ROWS],
                    "more": max(0, len(rows) - PREVIEW_ROWS),
                }
            )
        sheets.append({"name": sheet, "groups": groups})
    confirm = None
    if token and report.ok and report.has_changes:
        confirm = ImportConfirmForm(
            initial={"token": token, "fingerprint": report.fingerprint}, user=None
        )
    return {"report": report, "sheets": sheets, "confirm_form": confirm}


def _page(request, form, report=None, token=None, status=200):
    context = {
        "form": form,
        "max_mb": MAX_UPLOAD_BYTES // (1024 * 1024),
        "is_ame": principal(request.user).is_ame_staff,
    }
    if report is not None:
        context.update(_preview_context(report, token))
    return render(request, "offers/import.html", context, status=status)


@login_required
def import_upload(request):
    """Upload a workbook (or CSV files) and see what it would change, without writing."""
    _require_import(request.user)
    if request.method != "POST":
        return _page(request, ImportUploadForm())
    if int(request.META.get("CONTENT_LENGTH") or 0) > 2 * MAX_UPLOAD_BYTES:
        form = ImportUploadForm()
        form.add_error(None, _("El archivo pesa más de 50 MB, el máximo permitido."))
        return _page(request, form, status=413)
    form = ImportUploadForm(request.POST, request.FILES)
    if not form.is_valid():
        return _page(request, form)
    sources = form.sources()
    report = run_import(sources, actor=request.user, dry_run=True)
    token = None
    if report.ok and report.has_changes:
        token = store_upload(request.user, sources)
    return _page(request, ImportUploadForm(), report, token)


@login_required
@require_POST
def import_confirm(request):
    """Validate the kept upload again and write it, if it still says what the preview said."""
    _require_import(request.user)
    form = ImportConfirmForm(request.POST, user=request.user)
    if not form.is_valid():
        for error in form.non_field_errors() or [_("La vista previa ya no está disponible.")]:
            messages.error(request, error)
        return redirect("offers:import")
    report = run_import(
        form.sources(),
        actor=request.user,
        expected_fingerprint=form.cleaned_data["fingerprint"],
    )
    if report.written:
        form.forget()
        counts = report.counts_written or {}
        text = _(
            "Importación guardada: %(new)d ofertas nuevas y %(changed)d modificadas; "
            "%(orgs_new)d cooperantes nuevos y %(orgs_changed)d modificados."
        ) % {
            "new": counts.get("ofertas_nuevas", 0),
            "changed": counts.get("ofertas_modificadas", 0),
            "orgs_new": counts.get("cooperantes_nuevos", 0),
            "orgs_changed": counts.get("cooperantes_modificados", 0),
        }
        if not principal(request.user).is_ame_staff:
            text += " " + _("Las ofertas marcadas como Publicada quedan en revisión de AME.")
        messages.success(request, text)
        return redirect("offers:import")
    token = form.cleaned_data["token"]
    if report.stale and report.ok:
        messages.warning(
            request,
            _(
                "El catálogo cambió desde la vista previa: revise los cambios actualizados y "
                "confirme de nuevo."
            ),
        )
        return _page(request, ImportUploadForm(), report, token, status=409)
    delete_upload(request.user, token)
    return _page(request, ImportUploadForm(), report, None, status=200)
