import sys
import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from sioc.projects.iati.importer import import_files


class ProgressLine:
    """A one-line progress bar on stderr (only when stderr is a terminal, or when forced)."""

    def __init__(self, stream, enabled):
        self.stream = stream
        self.enabled = enabled
        self.last = 0.0

    def __call__(self, summary, fraction):
        if not self.enabled:
            return
        now = time.monotonic()
        if fraction < 1.0 and now - self.last < 0.2:
            return
        self.last = now
        width = 30
        filled = int(width * fraction)
        self.stream.write(
            "\r%s [%s%s] %3d %% · %d actividades · %d nuevas · %d actualizadas · %d omitidas"
            % (
                summary.file[:40],
                "#" * filled,
                "." * (width - filled),
                round(100 * fraction),
                summary.read,
                summary.created,
                summary.updated,
                summary.skipped,
            )
        )
        if fraction >= 1.0:
            self.stream.write("\n")
        self.stream.flush()


class Command(BaseCommand):
    help = (
        "Importa archivos de actividades IATI (versiones 2.01 a 2.03). Las actividades para "
        "Ecuador quedan como proyectos externos de solo lectura de su organización informante. "
        "Cada archivo se guarda en una transacción: con un error grave no se guarda nada de él. "
        "Volver a importar actualiza, nunca duplica."
    )

    def add_arguments(self, parser):
        parser.add_argument("files", nargs="+", metavar="ARCHIVO", help="archivos .xml de IATI")
        parser.add_argument(
            "--sin-progreso", action="store_true", help="No mostrar la barra de progreso."
        )

    def handle(self, *args, **options):
        paths = []
        for name in options["files"]:
            path = Path(name)
            if not path.is_file():
                raise CommandError(_("El archivo %s no existe.") % name)
            paths.append(path)
        show = not options["sin_progreso"] and sys.stderr.isatty()
        summaries, errors = import_files(paths, actor=None, progress=ProgressLine(sys.stderr, show))
        for summary in summaries:
            for line in summary.lines():
                self.stdout.write(line)
            if options["verbosity"] > 1:
                for ident, reason in summary.skipped_examples:
                    self.stdout.write(f"    {ident}: {reason}")
        for name, message in errors:
            self.stderr.write(
                _("No se importó %(name)s: %(message)s") % {"name": name, "message": message}
            )
        if errors:
            raise CommandError(
                _("%(n)d de %(total)d archivos no se importaron.")
                % {"n": len(errors), "total": len(paths)}
            )
