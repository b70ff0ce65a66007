from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from sioc.offers.imports import MAX_UPLOAD_BYTES, Source, run_import, size_issue


class Command(BaseCommand):
    help = (
        "Importa cooperantes y ofertas desde la plantilla del catálogo (.xlsx) o desde archivos "
        "CSV (uno por hoja). La importación es atómica: con un solo error no se guarda nada."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "files", nargs="+", metavar="ARCHIVO", help="Libro .xlsx o archivos .csv"
        )
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Valida y muestra qué cambiaría, sin guardar nada.",
        )
        parser.add_argument(
            "--usuario",
            metavar="CORREO",
            help="Importa con los permisos de este usuario (p. ej. un punto focal). Sin él: sistema.",
        )

    def handle(self, *args, **options):
        actor = None
        if options["usuario"]:
            from sioc.accounts.models import User

            actor = User.objects.filter(email__iexact=options["usuario"], is_active=True).first()
            if actor is None:
                raise CommandError(
                    _("No existe un usuario activo con el correo %s.") % options["usuario"]
                )
        sources = []
        for name in options["files"]:
            path = Path(name)
            if not path.is_file():
                raise CommandError(_("El archivo %s no existe.") % name)
            issue = size_issue(path.name, path.stat().st_size)
            if issue or path.stat().st_size > MAX_UPLOAD_BYTES:
                raise CommandError(str(issue))
            sources.append(Source(path.name, path.read_bytes()))
        report = run_import(sources, actor=actor, dry_run=options["dry_run"])
        if not report.ok:
            lines = [
                ngettext(
                    "La importación tiene %(n)d error; no se guardó nada:",
                    "La importación tiene %(n)d errores; no se guardó nada:",
                    report.issue_count,
                )
                % {"n": report.issue_count}
            ]
            lines += [f"  - {issue}" for issue in report.issues]
            if report.hidden_issue_count:
                lines.append(_("  … y %d errores más.") % report.hidden_issue_count)
            raise CommandError("\n".join(lines))
        for line in report.summary():
            self.stdout.write(line)
        if options["verbosity"] > 1:
            for sheet, results in report.results.items():
                for result in results:
                    if result.changes:
                        self.stdout.write(f"{sheet} {result.key}:")
                        for column, before, after in result.changes:
                            self.stdout.write(f"    {column}: «{before}» → «{after}»")
        if options["dry_run"]:
            self.stdout.write(_("Simulación: no se guardó nada."))
        elif report.has_changes:
            self.stdout.write(self.style.SUCCESS(_("Importación guardada.")))
        else:
            self.stdout.write(_("Sin cambios: el catálogo ya tenía estos datos."))
