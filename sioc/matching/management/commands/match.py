import csv
import datetime
import io
import json
import os
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from sioc.matching.engine import rank_many
from sioc.matching.needs_file import HEADER, NeedsFileError, read_needs

MAX_TOP = 100
REASONS_SEPARATOR = " | "


class Command(BaseCommand):
    help = (
        "Ordena las ofertas abiertas del catálogo para cada necesidad de un archivo CSV, con sus "
        "razones, sin guardar nada. Encabezado: "
        + ",".join(HEADER)
        + " (listas separadas por «;»)."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", metavar="NECESIDADES.csv", help="Archivo CSV en UTF-8")
        parser.add_argument(
            "--top",
            type=int,
            default=10,
            help=f"Ofertas por necesidad (1 a {MAX_TOP}; 10 por omisión)",
        )
        parser.add_argument(
            "--format",
            choices=("json", "csv"),
            default="json",
            help="Formato de salida (json por omisión)",
        )
        parser.add_argument(
            "--fecha",
            metavar="AAAA-MM-DD",
            help="Fecha para decidir qué convocatorias están abiertas (hoy por omisión)",
        )
        parser.add_argument(
            "--procesos",
            type=int,
            default=min(2, os.cpu_count() or 1),
            help="Procesos para ordenar archivos grandes (200 necesidades o más); hasta 2 por omisión",
        )

    def handle(self, *args, **options):
        top = options["top"]
        if not 1 <= top <= MAX_TOP:
            raise CommandError(_("--top debe estar entre 1 y %(max)d.") % {"max": MAX_TOP})
        date = None
        if options["fecha"]:
            try:
                date = datetime.date.fromisoformat(options["fecha"])
            except ValueError as exc:
                raise CommandError(
                    _("La fecha «%(value)s» no es válida: use AAAA-MM-DD.")
                    % {"value": options["fecha"]}
                ) from exc
        path = Path(options["file"])
        if not path.is_file():
            raise CommandError(_("El archivo %(name)s no existe.") % {"name": options["file"]})
        try:
            needs = read_needs(path.read_bytes())
        except NeedsFileError as exc:
            lines = [
                ngettext(
                    "El archivo tiene %(n)d error; no se ordenó ninguna necesidad:",
                    "El archivo tiene %(n)d errores; no se ordenó ninguna necesidad:",
                    len(exc.errors),
                )
                % {"n": len(exc.errors)}
            ]
            lines += [f"  - {error}" for error in exc.errors]
            raise CommandError("\n".join(lines)) from exc
        results = rank_many(
            [spec for _id, spec in needs], top=top, date=date, workers=max(1, options["procesos"])
        )
        ids = [need_id for need_id, _spec in needs]
        if options["format"] == "csv":
            self.stdout.write(to_csv(ids, results), ending="")
        else:
            self.stdout.write(to_json(ids, results))


def to_json(ids, results) -> str:
    data = {
        need_id: [
            {"oferta": m.offer_code, "puntaje": m.score, "razones": m.reasons} for m in matches
        ]
        for need_id, matches in zip(ids, results, strict=True)
    }
    return json.dumps(data, ensure_ascii=False, indent=2)


def to_csv(ids, results) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["id", "rango", "oferta", "puntaje", "razones"])
    for need_id, matches in zip(ids, results, strict=True):
        for rank, m in enumerate(matches, start=1):
            writer.writerow(
                [need_id, rank, m.offer_code, m.score, REASONS_SEPARATOR.join(m.reasons)]
            )
    return out.getvalue()
