from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from sioc.offers import exports
from sioc.offers.choices import PUBLIC_STATUSES
from sioc.offers.models import Offer


class Command(BaseCommand):
    help = (
        "Exporta el catálogo a la plantilla (.xlsx: hojas cooperantes y ofertas) o la hoja de "
        "ofertas a CSV. El archivo se puede volver a importar sin cambios."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", metavar="ARCHIVO", help="catalogo.xlsx o ofertas.csv")
        parser.add_argument(
            "--publicas",
            action="store_true",
            help="Solo ofertas publicadas y cerradas (lo que ve cualquier visitante).",
        )

    def handle(self, *args, **options):
        path = Path(options["file"])
        suffix = path.suffix.lower()
        if suffix not in (".xlsx", ".csv"):
            raise CommandError(_("El archivo debe terminar en .xlsx o .csv."))
        if not path.parent.is_dir():
            raise CommandError(_("La carpeta %s no existe.") % path.parent)
        offers = Offer.objects.order_by("cooperante__slug", "code")
        if options["publicas"]:
            offers = offers.filter(status__in=PUBLIC_STATUSES)
        if suffix == ".csv":
            path.write_bytes(exports.csv_bytes(offers))
            self.stdout.write(_("Ofertas exportadas a %(path)s.") % {"path": path})
            return
        with path.open("wb") as fh:
            orgs, count = exports.write_xlsx(offers, fh, all_cooperantes=not options["publicas"])
        self.stdout.write(
            _("Exportados %(orgs)d cooperantes y %(offers)d ofertas a %(path)s.")
            % {"orgs": orgs, "offers": count, "path": path}
        )
