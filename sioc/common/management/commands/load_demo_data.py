from importlib import import_module

from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import transaction


class Command(BaseCommand):
    help = (
        "Carga los datos de demostración (idempotente): cada app de SIOC con un módulo demo.py "
        "aporta los suyos, en el orden de INSTALLED_APPS."
    )

    def handle(self, *args, **options):
        counts = {}
        with transaction.atomic():
            for config in apps.get_app_configs():
                if not config.name.startswith("sioc."):
                    continue
                try:
                    module = import_module(f"{config.name}.demo")
                except ModuleNotFoundError as exc:
                    if exc.name != f"{config.name}.demo":
                        raise
                    continue
                counts.update(module.load(actor=None, stdout=self.stdout) or {})
        if options["verbosity"]:
            self.stdout.write(self.style.SUCCESS("Datos de demostración cargados:"))
            for name, value in counts.items():
                self.stdout.write(f"  {name.replace('_', ' ')}: {value}")
