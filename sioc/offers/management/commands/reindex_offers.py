from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from sioc.offers.search import rebuild_index


class Command(BaseCommand):
    help = _(
        "Recalcula el índice de búsqueda del catálogo (tras cambios hechos fuera de SIOC "
        "o de una actualización del analizador)."
    )

    def handle(self, *args, **options):
        count = rebuild_index()
        self.stdout.write(_("Índice del catálogo recalculado: %(n)s ofertas.") % {"n": count})
