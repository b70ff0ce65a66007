from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from sioc.common.datafiles import DataFileError
from sioc.projects.rates import load_exchange_rates


class Command(BaseCommand):
    help = (
        "Carga tipos de cambio desde un CSV con columnas moneda,fecha,usd_por_unidad (fecha "
        "aaaa-mm-dd, punto decimal). Todo o nada: con una fila mala no se guarda ninguna."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", metavar="ARCHIVO.csv")

    def handle(self, *args, **options):
        try:
            counts = load_exchange_rates(options["file"], actor=None)
        except DataFileError as exc:
            raise CommandError(str(exc)) from None
        self.stdout.write(
            _("Tipos de cambio: %(n)d nuevos, %(c)d modificados, %(u)d sin cambios.")
            % {
                "n": counts["tipos_de_cambio_nuevos"],
                "c": counts["tipos_de_cambio_modificados"],
                "u": counts["tipos_de_cambio_sin_cambios"],
            }
        )
