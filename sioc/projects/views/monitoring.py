"""Monitoring: a reporting period's progress report (GAD), its review (AME), evidence files and
AME's list of overdue reports."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from sioc.common.errors import ConflictError
from sioc.common.roles import principal
from sioc.projects import queries, services
from sioc.projects.choices import PeriodStatus
from sioc.projects.forms import REPORT_CONFLICT_MESSAGE, ReportForm, ReviewForm


def _report_form(context, data=None, files=None):
    values = {i.pk: v for i, v in context["rows"] if v is not None}
    return ReportForm(
        data,
        files,
        period=context["period"],
        indicators=[i for i, _v in context["rows"]],
        values=values,
    )


def _editable(period):
    return period.status in (PeriodStatus.OPEN, PeriodStatus.RETURNED)


@login_required
@require_http_methods(["GET", "POST"])
def period_detail(request, pk, period_id):
    context = queries.period_detail(request.user, pk, period_id)
    period = context["period"]
    status = 200
    if request.method == "POST":
        if not context["can_report"]:
            raise PermissionDenied
        form = _report_form(context, request.POST, request.FILES)
        if form.is_valid():
            try:
                services.save_report(
                    period,
                    actor=request.user,
                    narrative=form.cleaned_data["narrative"],
                    financial_execution=form.cleaned_data["financial_execution"],
                    values=form.values(),
                    evidence=form.evidence(),
                    submit="submit" in request.POST,
                    expected_version=form.cleaned_data["version"],
                )
            except ConflictError:
                form.add_error(None, REPORT_CONFLICT_MESSAGE)
                status = 409
            except ValidationError as exc:
                form.add_error(None, exc)
                status = 400
            else:
                if "submit" in request.POST:
                    messages.success(
                        request,
                        _("Informe enviado a AME. Le avisaremos por correo cuando lo revise."),
                    )
                else:
                    messages.success(
                        request, _("Informe guardado. Envíelo a AME cuando esté listo.")
                    )
                return redirect("projects:period", pk=pk, period_id=period_id)
        else:
            status = 400
        context = queries.period_detail(request.user, pk, period_id) | {"form": form}
    elif context["can_report"] and _editable(period):
        context["form"] = _report_form(context)
    context["locked_message"] = services.locked_message(period) if period.is_locked else ""
    context["review_form"] = ReviewForm()
    context["editable"] = _editable(context["period"])
    return render(request, "projects/period.html", context, status=status)


@login_required
@require_POST
def period_review(request, pk, period_id):
    """AME approves a submitted report, returns it with observations, or reopens it."""
    context = queries.period_detail(request.user, pk, period_id)
    if not context["can_review"]:
        raise PermissionDenied
    period = context["period"]
    form = ReviewForm(request.POST)
    action = request.POST.get("action", "")
    steps = {
        "approve": (services.approve_period, _("Informe aprobado: el período quedó bloqueado.")),
        "return": (services.return_period, _("Informe devuelto al GAD con sus observaciones.")),
        "reopen": (services.reopen_period, _("Período reabierto: el GAD puede corregirlo.")),
    }
    if action not in steps or not form.is_valid():
        messages.error(request, _("Elija aprobar, devolver o reabrir."))
        return redirect("projects:period", pk=pk, period_id=period_id)
    service, success = steps[action]
    try:
        service(period, actor=request.user, comment=form.cleaned_data["comment"])
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, success)
    return redirect("projects:period", pk=pk, period_id=period_id)


@login_required
@require_safe
def evidence_download(request, pk, period_id, evidence_id):
    item = queries.evidence_item(request.user, pk, period_id, evidence_id)
    try:
        handle = item.file.open("rb")
    except FileNotFoundError as exc:
        raise Http404 from exc
    filename = item.file.name.rsplit("/", 1)[-1]
    return FileResponse(handle, as_attachment=True, filename=filename)


@login_required
@require_safe
def overdue(request):
    """AME's list of reports past their due date (open or returned)."""
    if not principal(request.user).is_ame_staff:
        raise PermissionDenied
    return render(request, "projects/overdue.html", {"periods": queries.overdue(request.user)})
