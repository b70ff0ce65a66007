from django.core.management.base import BaseCommand

from sioc.offers.services import close_expired_offers


class Command(BaseCommand):
    help = "Cierra las ofertas publicadas cuya fecha de cierre pasó y renueva las anuales (ejecutar a diario)."

    def handle(self, *args, **options):
        counts = close_expired_offers(actor=None)
        self.stdout.write(
            "Ofertas cerradas: %(ofertas_cerradas)d · convocatorias anuales renovadas: %(ofertas_anuales_renovadas)d"
            % counts
        )
