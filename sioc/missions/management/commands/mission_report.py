from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from sioc.missions.models import Mission
from sioc.missions.reports import FORMATS, build_report


class Command(BaseCommand):
    help = (
        "Genera el informe de sistematización de una misión (PDF para difundir, DOCX para "
        "editar). Los enlaces y códigos QR de las oportunidades apuntan a SIOC_SITE_URL."
    )

    def add_arguments(self, parser):
        parser.add_argument("slug", metavar="IDENTIFICADOR", help="identificador de la misión")
        parser.add_argument(
            "--format",
            dest="fmt",
            default="pdf",
            metavar="FORMATO",
            help="pdf (predeterminado) o docx",
        )
        parser.add_argument(
            "--output",
            metavar="ARCHIVO",
            help="archivo de salida (predeterminado: <identificador>.<formato>)",
        )
        parser.add_argument(
            "--base-url",
            default=None,
            metavar="URL",
            help="dirección pública de SIOC para los enlaces (predeterminado: SIOC_SITE_URL)",
        )

    def handle(self, *args, **options):
        fmt = (options["fmt"] or "").lower()
        if fmt not in FORMATS:
            raise CommandError(
                _("Formato «%(fmt)s» desconocido: use pdf o docx.") % {"fmt": options["fmt"]}
            )
        mission = Mission.objects.filter(slug=options["slug"]).first()
        if mission is None:
            raise CommandError(
                _("No existe una misión con el identificador «%(slug)s».")
                % {"slug": options["slug"]}
            )
        path = Path(options["output"] or f"{mission.slug}.{fmt}")
        if not path.parent.is_dir():
            raise CommandError(_("La carpeta %(folder)s no existe.") % {"folder": path.parent})
        base_url = options["base_url"] or settings.SITE_URL
        data = build_report(mission, fmt, base_url=base_url)
        try:
            path.write_bytes(data)
        except OSError as exc:
            raise CommandError(
                _("No se pudo escribir %(path)s: %(error)s") % {"path": path, "error": exc.strerror}
            ) from exc
        self.stdout.write(
            _("Informe de «%(mission)s» escrito en %(path)s (%(size)d KB).")
            % {"mission": mission.name, "path": path, "size": max(1, len(data) // 1024)}
        )
