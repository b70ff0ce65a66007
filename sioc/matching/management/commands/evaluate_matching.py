from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from sioc.matching import evaluation


class Command(BaseCommand):
    help = (
        "Evalúa el motor de coincidencias con el conjunto etiquetado (45 necesidades sobre el "
        "catálogo de demostración): nDCG@5, Recall@10 y violaciones de los filtros, frente a BM25."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--cargar-demo",
            action="store_true",
            help="Carga antes los datos de demostración (sioc load_demo_data)",
        )
        parser.add_argument(
            "--detalle", action="store_true", help="Muestra el resultado de cada necesidad"
        )

    def handle(self, *args, **options):
        if options["cargar_demo"]:
            call_command("load_demo_data", verbosity=0)
        missing = evaluation.missing_offers()
        if missing:
            raise CommandError(
                _(
                    "Faltan %(n)d ofertas del catálogo de demostración (p. ej. %(code)s): ejecute «sioc load_demo_data» o use --cargar-demo."
                )
                % {"n": len(missing), "code": missing[0]}
            )
        engine_result, bm25 = evaluation.evaluate()
        for line in evaluation.report(engine_result, bm25, detail=options["detalle"]):
            self.stdout.write(line)
