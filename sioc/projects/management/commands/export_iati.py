from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from sioc.organizations.models import Organization
from sioc.projects.iati import exporter


class Command(BaseCommand):
    help = (
        "Exporta los proyectos publicados de SIOC como actividades IATI 2.03 (narrativas en "
        "español) y valida el archivo con el esquema oficial."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", metavar="ARCHIVO", help="archivo .xml de salida")
        parser.add_argument("--gad", metavar="SLUG", help="solo los proyectos de este GAD")
        parser.add_argument(
            "--cooperante", metavar="SLUG", help="solo los proyectos de este cooperante"
        )
        parser.add_argument("--year", type=int, metavar="AÑO", help="solo los proyectos del año")
        parser.add_argument(
            "--sin-validar", action="store_true", help="no validar con el esquema IATI 2.03"
        )

    def handle(self, *args, **options):
        path = Path(options["file"])
        if not path.parent.is_dir():
            raise CommandError(_("La carpeta %s no existe.") % path.parent)
        for option in ("gad", "cooperante"):
            slug = options[option]
            if slug and not Organization.objects.filter(slug=slug).exists():
                raise CommandError(_("No existe la organización «%s».") % slug)
        count = exporter.export_file(
            path, gad=options["gad"], cooperante=options["cooperante"], year=options["year"]
        )
        self.stdout.write(
            _("Exportadas %(n)d actividades IATI 2.03 a %(path)s.") % {"n": count, "path": path}
        )
        if options["sin_validar"]:
            return
        errors = exporter.validate(str(path))
        if errors:
            for error in errors[:20]:
                self.stderr.write(f"  {error}")
            raise CommandError(
                _("El archivo no cumple el esquema IATI 2.03 (%d errores).") % len(errors)
            )
        self.stdout.write(_("El archivo cumple el esquema IATI 2.03."))
