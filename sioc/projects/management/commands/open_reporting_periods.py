"""Generate the missing reporting periods of every project recorded in SIOC."""

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from sioc.projects import services
from sioc.projects.models import Project


class Command(BaseCommand):
    help = _(
        "Genera los períodos de reporte que falten en los proyectos registrados en SIOC, desde "
        "sus fechas planificadas (trimestres calendario por defecto)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--meses", type=int, default=services.PERIOD_MONTHS, help=_("Duración del período.")
        )
        parser.add_argument(
            "--dias-de-plazo",
            type=int,
            default=services.REPORT_DUE_DAYS,
            help=_("Días tras el cierre del período para entregar el informe."),
        )

    def handle(self, *args, **options):
        created = skipped = 0
        for project in Project.objects.managed().filter(planned_start__isnull=False):
            try:
                created += services.generate_periods(
                    project, actor=None, months=options["meses"], due_days=options["dias_de_plazo"]
                )
            except ValidationError:
                skipped += 1
        self.stdout.write(
            _("Períodos de reporte creados: %(n)d (proyectos sin fechas: %(s)d).")
            % {"n": created, "s": skipped}
        )
