"""IATI import from the web (AME administrators): upload, job page with live progress, list."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from sioc.common.htmx import render_page_or_partial
from sioc.projects.choices import ImportStatus
from sioc.projects.iati import permissions, services
from sioc.projects.iati.forms import MAX_UPLOAD_BYTES, IatiUploadForm
from sioc.projects.models import IatiImport

JOBS_SHOWN = 50


def _require(user, action):
    if not permissions.can(user, action):
        raise PermissionDenied


@login_required
def upload(request):
    _require(request.user, "import")
    if request.method == "POST":
        if int(request.META.get("CONTENT_LENGTH") or 0) > MAX_UPLOAD_BYTES + 1024 * 1024:
            form = IatiUploadForm(data={})
            form.is_valid()
            form.add_error(
                None,
                _(
                    "El archivo pesa más de 100 MB, el máximo en la web. Para archivos más "
                    "grandes (hasta 500 MB) use el comando sioc import_iati."
                ),
            )
            return render(request, "projects/iati/upload.html", {"form": form}, status=413)
        form = IatiUploadForm(request.POST, request.FILES)
        if form.is_valid():
            job = services.create_import_job(
                actor=request.user, uploaded_file=form.cleaned_data["file"]
            )
            return redirect("iati:job", pk=job.pk)
    else:
        form = IatiUploadForm()
    return render(request, "projects/iati/upload.html", {"form": form})


@login_required
@require_safe
def jobs(request):
    _require(request.user, "view_job")
    items = IatiImport.objects.select_related("requested_by")[:JOBS_SHOWN]
    return render(request, "projects/iati/jobs.html", {"jobs": items})


@login_required
@require_safe
def job(request, pk):
    _require(request.user, "view_job")
    item = get_object_or_404(IatiImport.objects.select_related("requested_by"), pk=pk)
    live = services.read_progress(item) if item.status == ImportStatus.RUNNING else {}
    processed = live.get("processed", item.processed)
    percent = round(100 * processed / item.total) if item.total else 0
    summary = item.messages if isinstance(item.messages, dict) else {}
    context = {
        "job": item,
        "live": live,
        "processed": processed,
        "percent": min(percent, 100),
        "polling": item.status in (ImportStatus.QUEUED, ImportStatus.RUNNING),
        "summary_lines": summary.get("resumen", []),
        "skipped_examples": summary.get("omitidas", []),
    }
    return render_page_or_partial(
        request, "projects/iati/job.html", "projects/iati/partials/job_status.html", context
    )
