from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from sioc.matching import digest
from sioc.matching.models import DigestKind


class Command(BaseCommand):
    help = _(
        "Envía por correo, a cada GAD suscrito, las ofertas abiertas que le convienen y que aún "
        "no se le enviaron. Sin opciones: el aviso de publicación siempre y el resumen semanal "
        "si ya pasó una semana desde el último (para ejecutarlo cada hora con cron)."
    )

    def add_arguments(self, parser):
        which = parser.add_mutually_exclusive_group()
        which.add_argument(
            "--weekly",
            action="store_true",
            help=_("Solo el resumen semanal, ahora (aunque no haya pasado una semana)."),
        )
        which.add_argument(
            "--on-publication",
            action="store_true",
            help=_("Solo el aviso de las ofertas publicadas desde la última ejecución."),
        )
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help=_("Muestra qué se enviaría, sin enviar ni registrar nada."),
        )

    def handle(self, *args, weekly=False, on_publication=False, dry_run=False, **options):
        if weekly:
            kinds = [DigestKind.WEEKLY]
        elif on_publication:
            kinds = [DigestKind.ON_PUBLICATION]
        else:
            kinds = [DigestKind.ON_PUBLICATION]
            if digest.weekly_due():
                kinds.append(DigestKind.WEEKLY)
        failed = []
        for kind in kinds:
            report = digest.send_digests(kind, dry_run=dry_run)
            if dry_run:
                for d in report.digests:
                    self.stdout.write(
                        _("%(gad)s → %(to)s: %(offers)s")
                        % {
                            "gad": d.gad.name,
                            "to": ", ".join(d.recipients),
                            "offers": ", ".join(i.offer.code for i in d.items),
                        }
                    )
                self.stdout.write(
                    _("%(kind)s (simulación): se enviarían %(n)d correos; no se envió nada.")
                    % {"kind": DigestKind(kind).label, "n": report.emails_sent}
                )
            else:
                self.stdout.write(digest.describe(report))
            failed += report.failed
        if failed:
            raise CommandError(
                _(
                    "No se pudo enviar el resumen a: %(gads)s. Se reintentará en la próxima ejecución."
                )
                % {"gads": ", ".join(failed)}
            )
