"""Corrections on the project page: edit or remove a transaction, result, indicator or risk, and
remove a document. Same rule as adding them (``permissions.can(user, "change", project)``):
AME staff and the project's GAD officers; external IATI projects are read-only (403).

Removing asks first: GET shows what goes and what goes with it, only POST removes.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from sioc.projects import services
from sioc.projects.forms import IndicatorEditForm, ResultForm, RiskForm, TransactionForm
from sioc.projects.models import Indicator, IndicatorValue
from sioc.projects.views.projects import project_for

GET_POST = require_http_methods(["GET", "POST"])


def _back(project, anchor):
    return redirect(project.get_absolute_url() + anchor)


def _edit(request, project, *, form, save, title, anchor, success):
    """Show the form prefilled; on POST save it or re-render it with the reason (400)."""
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                save(form.cleaned_data)
            except ValidationError as exc:
                form.add_error(None, exc)
            else:
                messages.success(request, success)
                return _back(project, anchor)
        status = 400
    context = {"project": project, "form": form, "title": title, "anchor": anchor}
    return render(request, "projects/item_form.html", context, status=status)


def _remove(request, project, *, what, label, consequences, remove, anchor, success, refusal=""):
    """GET: the confirmation page. POST: remove, or show why not (400) with nothing changed."""
    status = 200
    if request.method == "POST" and not refusal:
        try:
            remove()
        except ValidationError as exc:
            refusal = " ".join(exc.messages)
        else:
            messages.success(request, success)
            return _back(project, anchor)
    if request.method == "POST":
        status = 400
    context = {
        "project": project,
        "what": what,
        "label": label,
        "consequences": consequences,
        "refusal": refusal,
        "anchor": anchor,
    }
    return render(request, "projects/confirm_remove.html", context, status=status)


def _data(request):
    return request.POST if request.method == "POST" else None


# --- transactions -------------------------------------------------------------------------


@login_required
@GET_POST
def transaction_edit(request, pk, item_id):
    project = project_for(request.user, pk, "change")
    item = get_object_or_404(project.transactions, pk=item_id)
    initial = {
        "kind": item.kind,
        "date": item.date,
        "value": item.value,
        "currency": item.currency_id,
        "description": item.description,
        "provider": item.provider,
        "receiver": item.receiver,
    }
    return _edit(
        request,
        project,
        form=TransactionForm(_data(request), initial=initial),
        save=lambda data: services.update_transaction(item, actor=request.user, **data),
        title=_("Corregir la transacción"),
        anchor="#finanzas",
        success=_("Transacción corregida: los totales en USD del proyecto se recalcularon."),
    )


@login_required
@GET_POST
def transaction_remove(request, pk, item_id):
    project = project_for(request.user, pk, "change")
    item = get_object_or_404(project.transactions, pk=item_id)
    return _remove(
        request,
        project,
        what=_("la transacción"),
        label=services.transaction_label(item),
        consequences=[
            _(
                "Los totales comprometido, desembolsado y ejecutado (USD) del proyecto se "
                "recalcularán sin ella."
            )
        ],
        remove=lambda: services.remove_transaction(item, actor=request.user),
        anchor="#finanzas",
        success=_("Transacción quitada: los totales en USD del proyecto se recalcularon."),
    )


# --- results ------------------------------------------------------------------------------


@login_required
@GET_POST
def result_edit(request, pk, item_id):
    project = project_for(request.user, pk, "change")
    result = get_object_or_404(project.results, pk=item_id)
    initial = {"title": result.title, "description": result.description}
    return _edit(
        request,
        project,
        form=ResultForm(_data(request), initial=initial),
        save=lambda data: services.update_result(result, actor=request.user, **data),
        title=_("Corregir el resultado"),
        anchor="#resultados",
        success=_("Resultado corregido."),
    )


def _values_note(indicators):
    total = IndicatorValue.objects.filter(indicator__in=indicators).count()
    if not total:
        return []
    return [_("%(n)d valores reportados en los informes de avance de sus períodos.") % {"n": total}]


@login_required
@GET_POST
def result_remove(request, pk, item_id):
    project = project_for(request.user, pk, "change")
    result = get_object_or_404(project.results, pk=item_id)
    indicators = list(result.indicators.all())
    consequences = [
        _("Su indicador «%s».") % indicator.name for indicator in indicators
    ] + _values_note(indicators)
    return _remove(
        request,
        project,
        what=_("el resultado"),
        label=result.title,
        consequences=consequences,
        remove=lambda: services.remove_result(result, actor=request.user),
        anchor="#resultados",
        success=_("Resultado quitado."),
        refusal=services.locked_values_message(indicators),
    )


# --- indicators ---------------------------------------------------------------------------


def _indicator(project, item_id):
    return get_object_or_404(
        Indicator.objects.select_related("result"), result__project=project, pk=item_id
    )


@login_required
@GET_POST
def indicator_edit(request, pk, item_id):
    project = project_for(request.user, pk, "change")
    indicator = _indicator(project, item_id)
    initial = {
        "result": indicator.result_id,
        "name": indicator.name,
        "unit": indicator.unit,
        "baseline_year": indicator.baseline_year,
        "baseline_value": indicator.baseline_value,
        "target_value": indicator.target_value,
    }
    return _edit(
        request,
        project,
        form=IndicatorEditForm(_data(request), initial=initial, project=project),
        save=lambda data: services.update_indicator(indicator, actor=request.user, **data),
        title=_("Corregir el indicador"),
        anchor="#resultados",
        success=_("Indicador corregido."),
    )


@login_required
@GET_POST
def indicator_remove(request, pk, item_id):
    project = project_for(request.user, pk, "change")
    indicator = _indicator(project, item_id)
    return _remove(
        request,
        project,
        what=_("el indicador"),
        label=indicator.name,
        consequences=_values_note([indicator]),
        remove=lambda: services.remove_indicator(indicator, actor=request.user),
        anchor="#resultados",
        success=_("Indicador quitado."),
        refusal=services.locked_values_message([indicator]),
    )


# --- documents ----------------------------------------------------------------------------


@login_required
@GET_POST
def document_remove(request, pk, item_id):
    project = project_for(request.user, pk, "change")
    document = get_object_or_404(project.documents, pk=item_id)
    consequences = (
        [_("El archivo PDF guardado en SIOC.")]
        if document.file
        else [_("Solo el enlace: el documento sigue en su dirección de origen.")]
    )
    return _remove(
        request,
        project,
        what=_("el documento"),
        label=document.title,
        consequences=consequences,
        remove=lambda: services.remove_document(document, actor=request.user),
        anchor="#documentos",
        success=_("Documento quitado."),
    )


# --- risks --------------------------------------------------------------------------------


@login_required
@GET_POST
def risk_edit(request, pk, item_id):
    project = project_for(request.user, pk, "change")
    risk = get_object_or_404(project.risks, pk=item_id)
    initial = {"description": risk.description, "level": risk.level, "mitigation": risk.mitigation}
    return _edit(
        request,
        project,
        form=RiskForm(_data(request), initial=initial),
        save=lambda data: services.update_risk(risk, actor=request.user, **data),
        title=_("Corregir el riesgo"),
        anchor="#riesgos",
        success=_("Riesgo corregido."),
    )


@login_required
@GET_POST
def risk_remove(request, pk, item_id):
    project = project_for(request.user, pk, "change")
    risk = get_object_or_404(project.risks, pk=item_id)
    return _remove(
        request,
        project,
        what=_("el riesgo"),
        label=str(risk),
        consequences=[_("Su mitigación.")] if risk.mitigation else [],
        remove=lambda: services.remove_risk(risk, actor=request.user),
        anchor="#riesgos",
        success=_("Riesgo quitado."),
    )
