"""Projects: list and export, page, create (also from an expression of interest) and edit, and
the small forms of the project page (organisations, SDGs, sectors, transactions, results,
indicators, documents, risks, publication, reporting periods)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpResponse, HttpResponseNotFound
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from sioc.common.errors import ConflictError
from sioc.common.htmx import render_page_or_partial
from sioc.common.roles import Role, principal
from sioc.organizations.models import Organization
from sioc.projects import permissions, queries, services
from sioc.projects.choices import Visibility
from sioc.projects.filters import form_widgets
from sioc.projects.forms import (
    CONFLICT_MESSAGE,
    DocumentForm,
    IndicatorForm,
    ParticipationFormSet,
    PeriodsForm,
    ProjectForm,
    ResultForm,
    RiskForm,
    SdgFormSet,
    SectorFormSet,
    TransactionForm,
    participations_from,
    sdgs_from,
    sectors_from,
)

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def project_for(user, pk, action):
    """The project if ``user`` sees it (else 404) and may do ``action`` (else 403)."""
    project = queries.visible_project(user, pk)
    if not permissions.can(user, action, project):
        raise PermissionDenied
    return project


def _errors(form):
    return " ".join(str(e) for errors in form.errors.values() for e in errors)


def _data(request):
    return request.POST if request.method == "POST" else None


def _query(request):
    query = request.GET.copy()
    query.pop("page", None)
    return query.urlencode()


@login_required
@require_safe
def project_list(request):
    filterset, page = queries.project_list(
        request.user, request.GET, page_number=request.GET.get("page")
    )
    form_widgets(filterset.form)
    context = {
        "filter": filterset,
        "page": page,
        "query": _query(request),
        "can_create": permissions.can(request.user, "create"),
        "is_ame": principal(request.user).is_ame_staff,
    }
    return render_page_or_partial(
        request, "projects/list.html", "projects/partials/results.html", context
    )


@login_required
@require_safe
def export(request, fmt):
    if fmt not in ("csv", "xlsx"):
        return HttpResponseNotFound(_("Formato de exportación desconocido: use xlsx o csv."))
    qs = queries.filtered_for_export(request.user, request.GET)
    stamp = timezone.localdate().isoformat()
    if fmt == "csv":
        body, content_type = queries.export_csv(qs), "text/csv; charset=utf-8"
    else:
        body, content_type = queries.export_xlsx(qs), XLSX
    response = HttpResponse(body, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="proyectos-sioc-{stamp}.{fmt}"'
    return response


@require_safe
def project_detail(request, pk):
    context = queries.project_detail(request.user, pk)
    project = context["project"]
    if context["can_change"]:
        context.update(
            transaction_form=TransactionForm(),
            result_form=ResultForm(),
            indicator_form=IndicatorForm(project=project),
            document_form=DocumentForm(),
            risk_form=RiskForm(),
            periods_form=PeriodsForm(),
        )
    return render(request, "projects/detail.html", context)


def _gad_choices(user):
    p = principal(user)
    if p.is_ame_staff:
        return Organization.objects.gads()
    return Organization.objects.gads().filter(pk__in=p.organization_ids(Role.GAD_OFFICER))


@login_required
@require_http_methods(["GET", "POST"])
def project_create(request):
    if not permissions.can(request.user, "create"):
        raise PermissionDenied
    gads = _gad_choices(request.user)
    initial = {}
    if gads.count() == 1:
        gad = gads.first()
        initial = {"gads": [gad.pk], "cantons": [gad.canton_id]}
    form = ProjectForm(_data(request), gads=gads, initial=initial)
    return _save_new(request, form, {})


@login_required
@require_http_methods(["GET", "POST"])
def project_create_from_interest(request, pk):
    """«Registrar proyecto» from an expression of interest: GAD, offer, cooperante, title."""
    interest = queries.interest_for_project(request.user, pk)
    if not permissions.can(request.user, "create", gad=interest.gad):
        raise PermissionDenied
    gads = _gad_choices(request.user)
    form = ProjectForm(_data(request), gads=gads, initial=queries.interest_initial(interest))
    return _save_new(request, form, {"origin_interest": interest}, interest=interest)


def _save_new(request, form, extra, interest=None):
    if request.method == "POST" and form.is_valid():
        try:
            project = services.create_project(actor=request.user, **extra, **form.service_fields())
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(
                request,
                _(
                    "Proyecto registrado. Complete sus organizaciones, ODS, resultados e "
                    "indicadores, y genere sus períodos de reporte."
                ),
            )
            return redirect(project)
    status = 400 if form.errors else 200
    return render(
        request,
        "projects/form.html",
        {"form": form, "project": None, "interest": interest},
        status=status,
    )


@login_required
@require_http_methods(["GET", "POST"])
def project_edit(request, pk):
    project = project_for(request.user, pk, "change")
    gads = _gad_choices(request.user) | project.gads.all()
    form = ProjectForm(_data(request), instance=project, gads=gads.distinct())
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                project = services.update_project(
                    project,
                    actor=request.user,
                    expected_version=form.cleaned_data["version"],
                    **form.service_fields(),
                )
            except ConflictError:
                form.add_error(None, CONFLICT_MESSAGE)
                status = 409
            except ValidationError as exc:
                form.add_error(None, exc)
                status = 400
            else:
                messages.success(request, _("Cambios guardados."))
                return redirect(project)
        else:
            status = 400
    project.refresh_from_db()
    return render(request, "projects/form.html", {"form": form, "project": project}, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def project_shares(request, pk):
    """Participating organisations with their IATI roles, SDG shares and DAC sectors."""
    project = project_for(request.user, pk, "change")
    if request.method == "POST":
        orgs = ParticipationFormSet(request.POST, prefix="org")
        sdgs = SdgFormSet(request.POST, prefix="ods")
        sectors = SectorFormSet(request.POST, prefix="sector")
        if orgs.is_valid() and sdgs.is_valid() and sectors.is_valid():
            try:
                services.set_organizations(project, participations_from(orgs), actor=request.user)
                services.set_sdgs(project, sdgs_from(sdgs), actor=request.user)
                services.set_sectors(project, sectors_from(sectors), actor=request.user)
            except ValidationError as exc:
                messages.error(request, " ".join(exc.messages))
            else:
                messages.success(request, _("Organizaciones, ODS y sectores guardados."))
                return redirect(project)
        status = 400
    else:
        orgs = ParticipationFormSet(
            prefix="org",
            initial=[
                {"organization": p.organization_id, "role": p.role}
                for p in project.participations.all()
            ],
        )
        sdgs = SdgFormSet(
            prefix="ods",
            initial=[
                {"goal": s.goal_id, "target": s.target_id, "percentage": s.percentage}
                for s in project.sdg_shares.all()
            ],
        )
        sectors = SectorFormSet(
            prefix="sector",
            initial=[
                {"sector": s.sector_id, "percentage": s.percentage}
                for s in project.sector_shares.all()
            ],
        )
        status = 200
    return render(
        request,
        "projects/shares.html",
        {"project": project, "orgs": orgs, "sdgs": sdgs, "sectors": sectors},
        status=status,
    )


@login_required
@require_POST
def project_publish(request, pk):
    project = project_for(request.user, pk, "change")
    visibility = request.POST.get("visibility", "")
    try:
        services.set_visibility(project, visibility, actor=request.user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        if visibility == Visibility.PUBLISHED:
            messages.success(request, _("Proyecto publicado en el portal de transparencia."))
        else:
            messages.success(request, _("El proyecto ya no se muestra en el portal."))
    return redirect(project)


def _small_form(request, pk, form_class, save, success, anchor, **form_kwargs):
    """A form posted from the project page: save it or say why not, then back to the page."""
    project = project_for(request.user, pk, "change")
    kwargs = {"project": project} if form_class is IndicatorForm else {}
    form = form_class(request.POST, request.FILES, **kwargs, **form_kwargs)
    if form.is_valid():
        try:
            save(project, form.cleaned_data)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, success)
    else:
        messages.error(request, _errors(form))
    return redirect(project.get_absolute_url() + anchor)


@login_required
@require_POST
def transaction_add(request, pk):
    return _small_form(
        request,
        pk,
        TransactionForm,
        lambda project, data: services.add_transaction(project, actor=request.user, **data),
        _("Transacción registrada."),
        "#finanzas",
    )


@login_required
@require_POST
def result_add(request, pk):
    return _small_form(
        request,
        pk,
        ResultForm,
        lambda project, data: services.add_result(project, actor=request.user, **data),
        _("Resultado agregado."),
        "#resultados",
    )


@login_required
@require_POST
def indicator_add(request, pk):
    def save(project, data):
        result = data.pop("result")
        services.add_indicator(result, actor=request.user, **data)

    return _small_form(request, pk, IndicatorForm, save, _("Indicador agregado."), "#resultados")


@login_required
@require_POST
def document_add(request, pk):
    return _small_form(
        request,
        pk,
        DocumentForm,
        lambda project, data: services.add_document(
            project,
            actor=request.user,
            title=data["title"],
            uploaded_file=data.get("file"),
            url=data.get("url", ""),
        ),
        _("Documento agregado."),
        "#documentos",
    )


@login_required
@require_POST
def risk_add(request, pk):
    return _small_form(
        request,
        pk,
        RiskForm,
        lambda project, data: services.add_risk(project, actor=request.user, **data),
        _("Riesgo registrado."),
        "#riesgos",
    )


@login_required
@require_POST
def periods_generate(request, pk):
    def save(project, data):
        created = services.generate_periods(
            project, actor=request.user, months=data["months"], due_days=data["due_days"]
        )
        if not created:
            raise ValidationError(_("Los períodos de reporte ya estaban generados."))

    return _small_form(
        request, pk, PeriodsForm, save, _("Períodos de reporte generados."), "#periodos"
    )


@require_safe
def document_download(request, pk, document_id):
    document = queries.document_item(request.user, pk, document_id)
    if not document.file:
        if document.url:
            return redirect(document.url)
        raise Http404
    try:
        handle = document.file.open("rb")
    except FileNotFoundError as exc:
        raise Http404 from exc
    filename = document.file.name.rsplit("/", 1)[-1]
    return FileResponse(handle, content_type="application/pdf", filename=filename)
