"""E-mail the GAD officers about progress reports past their due date (at most once a week)."""

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from sioc.projects import services


class Command(BaseCommand):
    help = _(
        "Envía por correo a los técnicos de cada GAD un recordatorio de sus informes de avance "
        "atrasados (como máximo uno cada 7 días por período)."
    )

    def handle(self, *args, **options):
        reminded, sent = services.remind_overdue_reports(actor=None)
        self.stdout.write(
            _("Recordatorios: %(periods)d períodos atrasados, %(emails)d correos enviados.")
            % {"periods": reminded, "emails": sent}
        )
