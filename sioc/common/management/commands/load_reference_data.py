from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from sioc.codelists.loaders import load_codelists
from sioc.common.datafiles import DataFileError
from sioc.organizations.services import ensure_ame_and_gads
from sioc.territory.loaders import load_territory


class Command(BaseCommand):
    help = "Carga los datos de referencia (territorio, catálogos, AME y GAD municipales) desde SIOC_DATA_DIR."

    def handle(self, *args, **options):
        try:
            with transaction.atomic():
                counts = {}
                counts.update(load_territory())
                counts.update(load_codelists())
                counts.update(ensure_ame_and_gads(actor=None))
        except DataFileError as exc:
            raise CommandError(f"No se cargó nada. {exc}") from exc
        if options["verbosity"]:
            self.stdout.write(self.style.SUCCESS("Datos de referencia cargados:"))
            for name, value in counts.items():
                self.stdout.write(f"  {name.replace('_', ' ')}: {value}")
