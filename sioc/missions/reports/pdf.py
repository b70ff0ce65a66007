"""The informe de sistematización as a PDF (ReportLab platypus, A4, embedded Vera fonts)."""

import io
from pathlib import Path
from xml.sax.saxutils import escape

import reportlab
from django.utils.translation import gettext as _
from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas as pdfcanvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Frame,
    HRFlowable,
    Image,
    KeepTogether,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from sioc.missions.reports.content import Report

NAVY = colors.HexColor("#1f3a5f")
TEAL = colors.HexColor("#0f7c80")
TEAL_LIGHT = colors.HexColor("#8fd3d1")
MIST = colors.HexColor("#eef5f5")
RULE = colors.HexColor("#c9dcdc")
GREY = colors.HexColor("#5b6770")
INK = colors.HexColor("#222a30")

PAGE_W, PAGE_H = A4
MARGIN_X = 2.2 * cm
MARGIN_TOP = 2.4 * cm
MARGIN_BOTTOM = 2.3 * cm
FRAME_W = PAGE_W - 2 * MARGIN_X

FONT = "SIOC-Vera"
FONT_BOLD = "SIOC-Vera-Bold"
FONT_ITALIC = "SIOC-Vera-Italic"
FONT_BOLD_ITALIC = "SIOC-Vera-BoldItalic"


def register_fonts():
    """Register the Bitstream Vera TTFs shipped with ReportLab (embedded, so text with accents
    stays selectable and searchable). Idempotent."""
    # Binary streams: ASCII85 would double the size of the embedded photos and, without
    # ReportLab's C accelerator, take seconds to encode them.
    rl_config.useA85 = 0
    if FONT in pdfmetrics.getRegisteredFontNames():
        return
    folder = Path(reportlab.__file__).parent / "fonts"
    for name, file in (
        (FONT, "Vera.ttf"),
        (FONT_BOLD, "VeraBd.ttf"),
        (FONT_ITALIC, "VeraIt.ttf"),
        (FONT_BOLD_ITALIC, "VeraBI.ttf"),
    ):
        pdfmetrics.registerFont(TTFont(name, str(folder / file)))
    pdfmetrics.registerFontFamily(
        FONT, normal=FONT, bold=FONT_BOLD, italic=FONT_ITALIC, boldItalic=FONT_BOLD_ITALIC
    )


def _styles():
    base = ParagraphStyle(
        "body",
        fontName=FONT,
        fontSize=10,
        leading=14.5,
        textColor=INK,
        alignment=TA_JUSTIFY,
        spaceAfter=6,
    )
    return {
        "body": base,
        "plain": ParagraphStyle("plain", parent=base, alignment=TA_LEFT, spaceAfter=3),
        "lead": ParagraphStyle("lead", parent=base, fontSize=10.5, leading=15.5, spaceAfter=8),
        "h1": ParagraphStyle(
            "h1",
            parent=base,
            fontName=FONT_BOLD,
            fontSize=16,
            leading=20,
            textColor=NAVY,
            alignment=TA_LEFT,
            spaceBefore=4,
            keepWithNext=1,
            spaceAfter=4,
        ),
        "h2": ParagraphStyle(
            "h2",
            parent=base,
            fontName=FONT_BOLD,
            fontSize=12.5,
            leading=16,
            textColor=NAVY,
            alignment=TA_LEFT,
            spaceBefore=14,
            keepWithNext=1,
            spaceAfter=2,
        ),
        "label": ParagraphStyle(
            "label",
            parent=base,
            fontName=FONT_BOLD,
            fontSize=8.5,
            leading=11,
            textColor=TEAL,
            alignment=TA_LEFT,
            spaceBefore=9,
            keepWithNext=1,
            spaceAfter=3,
        ),
        "meta": ParagraphStyle(
            "meta",
            parent=base,
            fontSize=8.5,
            leading=12,
            textColor=GREY,
            alignment=TA_LEFT,
            keepWithNext=1,
        ),
        "bullet": ParagraphStyle("bullet", parent=base, alignment=TA_LEFT, spaceAfter=3),
        "caption": ParagraphStyle(
            "caption",
            parent=base,
            fontName=FONT_ITALIC,
            fontSize=8,
            leading=10.5,
            textColor=GREY,
            alignment=TA_CENTER,
            spaceBefore=3,
            spaceAfter=10,
        ),
        "cell": ParagraphStyle(
            "cell", parent=base, fontSize=9, leading=12, alignment=TA_LEFT, spaceAfter=0
        ),
        "cell_head": ParagraphStyle(
            "cell_head",
            parent=base,
            fontName=FONT_BOLD,
            fontSize=8.5,
            leading=11,
            textColor=colors.white,
            alignment=TA_LEFT,
            spaceAfter=0,
        ),
        "opp_title": ParagraphStyle(
            "opp_title",
            parent=base,
            fontName=FONT_BOLD,
            fontSize=11,
            leading=14,
            textColor=NAVY,
            alignment=TA_LEFT,
            spaceAfter=4,
        ),
        "opp": ParagraphStyle(
            "opp", parent=base, fontSize=9, leading=12.5, alignment=TA_LEFT, spaceAfter=2
        ),
        "qr": ParagraphStyle(
            "qr",
            parent=base,
            fontName=FONT_BOLD,
            fontSize=7.5,
            leading=9.5,
            textColor=TEAL,
            alignment=TA_CENTER,
            spaceAfter=0,
        ),
        "cover_title": ParagraphStyle(
            "cover_title",
            fontName=FONT_BOLD,
            fontSize=25,
            leading=31,
            textColor=colors.white,
        ),
        "cover_kind": ParagraphStyle(
            "cover_kind", fontName=FONT, fontSize=12.5, leading=16, textColor=TEAL_LIGHT
        ),
        "cover_value": ParagraphStyle(
            "cover_value", fontName=FONT, fontSize=12.5, leading=16, textColor=NAVY
        ),
    }


def _text(value: str) -> str:
    """Escaped for a Paragraph; line breaks kept."""
    return escape(value or "").replace("\n", "<br/>")


def _table_style(commands):
    """A TableStyle in Vera (ReportLab's default Helvetica would be a non-embedded font)."""
    return TableStyle([("FONTNAME", (0, 0), (-1, -1), FONT), *commands])


class _NumberedCanvas(pdfcanvas.Canvas):
    """Writes "Página N de M" on every page but the cover, once the page count is known."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._pages = []

    def showPage(self):
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self):
        total = len(self._pages)
        for state in self._pages:
            self.__dict__.update(state)
            if self._pageNumber > 1:
                self.setFont(FONT, 8)
                self.setFillColor(GREY)
                self.drawRightString(
                    PAGE_W - MARGIN_X,
                    1.25 * cm,
                    _("Página %(page)d de %(total)d") % {"page": self._pageNumber, "total": total},
                )
            super().showPage()
        super().save()


class _Writer:
    def __init__(self, report: Report):
        self.report = report
        self.s = _styles()

    # --- page furniture ---------------------------------------------------------------------
    def draw_cover(self, canvas, doc):
        r, s = self.report, self.s
        canvas.saveState()
        band_bottom = PAGE_H * 0.40
        canvas.setFillColor(NAVY)
        canvas.rect(0, band_bottom, PAGE_W, PAGE_H - band_bottom, stroke=0, fill=1)
        canvas.setFillColor(TEAL)
        canvas.rect(0, band_bottom - 0.35 * cm, PAGE_W, 0.35 * cm, stroke=0, fill=1)

        canvas.setFillColor(colors.white)
        canvas.setFont(FONT_BOLD, 9.5)
        canvas.drawString(MARGIN_X, PAGE_H - 2.2 * cm, r.author.upper())
        canvas.setFillColor(TEAL_LIGHT)
        canvas.setFont(FONT, 8.5)
        canvas.drawString(MARGIN_X, PAGE_H - 2.7 * cm, r.unit)

        top = PAGE_H * 0.70
        canvas.setFillColor(TEAL)
        canvas.rect(MARGIN_X, top + 1.4 * cm, 2.2 * cm, 0.14 * cm, stroke=0, fill=1)
        canvas.setFillColor(TEAL_LIGHT)
        canvas.setFont(FONT_BOLD, 11)
        canvas.drawString(MARGIN_X, top + 0.55 * cm, _("Informe de sistematización").upper())

        title = Paragraph(_text(r.title), s["cover_title"])
        _w, h = title.wrap(FRAME_W, PAGE_H)
        title.drawOn(canvas, MARGIN_X, top - h)
        kind = Paragraph(_text(r.kind), s["cover_kind"])
        _w, kh = kind.wrap(FRAME_W, PAGE_H)
        kind.drawOn(canvas, MARGIN_X, top - h - 0.5 * cm - kh)

        y = band_bottom - 2.2 * cm
        for label, value in ((_("Lugar"), r.place), (_("Fechas"), r.dates)):
            if not value:
                continue
            canvas.setFillColor(TEAL)
            canvas.setFont(FONT_BOLD, 8)
            canvas.drawString(MARGIN_X, y, label.upper())
            para = Paragraph(_text(value), s["cover_value"])
            _w, ph = para.wrap(FRAME_W, PAGE_H)
            para.drawOn(canvas, MARGIN_X, y - 0.2 * cm - ph)
            y -= ph + 1.6 * cm

        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.8)
        canvas.line(MARGIN_X, 3.4 * cm, PAGE_W - MARGIN_X, 3.4 * cm)
        canvas.setFillColor(GREY)
        canvas.setFont(FONT, 8.5)
        canvas.drawString(MARGIN_X, 2.7 * cm, _("Elaborado por"))
        canvas.setFillColor(NAVY)
        canvas.setFont(FONT_BOLD, 10)
        canvas.drawString(MARGIN_X, 2.15 * cm, r.author)
        canvas.setFont(FONT, 9)
        canvas.drawString(MARGIN_X, 1.7 * cm, r.unit)
        canvas.restoreState()

    def draw_page(self, canvas, doc):
        r = self.report
        canvas.saveState()
        canvas.setStrokeColor(TEAL)
        canvas.setLineWidth(0.6)
        canvas.line(MARGIN_X, PAGE_H - 1.55 * cm, PAGE_W - MARGIN_X, PAGE_H - 1.55 * cm)
        canvas.setFont(FONT_BOLD, 7.5)
        canvas.setFillColor(TEAL)
        canvas.drawString(MARGIN_X, PAGE_H - 1.35 * cm, _("Informe de sistematización").upper())
        canvas.setFont(FONT, 7.5)
        canvas.setFillColor(GREY)
        canvas.drawRightString(PAGE_W - MARGIN_X, PAGE_H - 1.35 * cm, r.dates)
        canvas.setStrokeColor(RULE)
        canvas.line(MARGIN_X, 1.65 * cm, PAGE_W - MARGIN_X, 1.65 * cm)
        title = r.title if len(r.title) <= 90 else r.title[:87] + "…"
        canvas.drawString(MARGIN_X, 1.25 * cm, f"AME · {title}")
        canvas.restoreState()

    # --- building blocks -------------------------------------------------------------------
    def h1(self, text, level="h1"):
        """A section heading over a teal rule (``level="h2"`` for the short closing sections)."""
        major = level == "h1"
        rule = HRFlowable(
            width="100%",
            thickness=1.2 if major else 0.6,
            color=TEAL,
            spaceBefore=2,
            spaceAfter=10 if major else 6,
        )
        rule.keepWithNext = 1  # never a heading alone at the foot of a page
        return [
            CondPageBreak((5 if major else 3) * cm),
            Paragraph(_text(text), self.s[level]),
            rule,
        ]

    def label(self, text):
        return Paragraph(_text(text).upper(), self.s["label"])

    def bullets(self, items, *, bullet="•", color=TEAL, markup=False):
        """Bulleted points as plain paragraphs (so a label keeps with the first point)."""
        style = ParagraphStyle(
            f"bullet-{bullet}",
            parent=self.s["bullet"],
            leftIndent=14,
            bulletIndent=3,
            bulletFontName=FONT_BOLD,
            bulletFontSize=9,
            bulletColor=color,
        )
        return [
            Paragraph(item if markup else _text(item), style, bulletText=bullet) for item in items
        ]

    def _image(self, photo, max_w, max_h):
        if photo.path is None:
            return None
        try:  # reads the header only; a corrupt file is reported instead of failing the build
            width, height = ImageReader(str(photo.path)).getSize()
        except Exception:
            return None
        scale = min(max_w / width, max_h / height)
        return Image(str(photo.path), width=width * scale, height=height * scale)

    def _missing(self, photo):
        return Paragraph(
            _text(
                _("[Imagen no disponible: %(legend)s]")
                % {"legend": photo.legend or _("sin leyenda")}
            ),
            self.s["caption"],
        )

    def photos(self, photos):
        if not photos:
            return []
        flow = []
        gap = 0.6 * cm
        col_w = (FRAME_W - gap) / 2
        i = 0
        while i < len(photos):
            pair = photos[i : i + 2]
            i += 2
            if len(pair) == 2 and all(p.path is not None for p in pair):
                cells = []
                for photo in pair:
                    image = self._image(photo, col_w - 0.2 * cm, 6.3 * cm)
                    cells.append(
                        [
                            image or self._missing(photo),
                            Paragraph(_text(photo.legend), self.s["caption"]),
                        ]
                    )
                table = Table([cells], colWidths=[col_w + gap / 2, col_w + gap / 2])
                table.setStyle(
                    _table_style(
                        [
                            ("VALIGN", (0, 0), (-1, -1), "TOP"),
                            ("ALIGN", (0, 0), (-1, -1), "CENTER"),
                            ("LEFTPADDING", (0, 0), (-1, -1), 4),
                            ("RIGHTPADDING", (0, 0), (-1, -1), 4),
                        ]
                    )
                )
                flow += [Spacer(1, 6), table]
                continue
            for photo in pair:
                image = self._image(photo, FRAME_W * 0.75, 8.5 * cm)
                if image is None:
                    flow.append(self._missing(photo))
                    continue
                flow.append(
                    KeepTogether(
                        [Spacer(1, 6), image, Paragraph(_text(photo.legend), self.s["caption"])]
                    )
                )
        return flow

    # --- sections --------------------------------------------------------------------------
    def presentation(self):
        r, s = self.report, self.s
        flow = self.h1(_("Presentación"))
        if r.objective:
            box = Table(
                [
                    [Paragraph(_text(_("Objetivo")).upper(), s["label"])],
                    [Paragraph(_text(r.objective), s["body"])],
                ],
                colWidths=[FRAME_W],
            )
            box.setStyle(
                _table_style(
                    [
                        ("BACKGROUND", (0, 0), (-1, -1), MIST),
                        ("LINEBEFORE", (0, 0), (0, -1), 3, TEAL),
                        ("LEFTPADDING", (0, 0), (-1, -1), 12),
                        ("RIGHTPADDING", (0, 0), (-1, -1), 12),
                        ("TOPPADDING", (0, 0), (-1, 0), 2),
                        ("BOTTOMPADDING", (0, -1), (-1, -1), 6),
                    ]
                )
            )
            flow += [box, Spacer(1, 12)]
        for paragraph in r.presentation or [_("Sin carta de presentación.")]:
            flow.append(Paragraph(_text(paragraph), s["lead"]))
        return flow

    def cantons(self):
        r, s = self.report, self.s
        flow = self.h1(_("Cantones participantes"))
        if r.cantons:
            rows = [
                [
                    Paragraph(_text(_("Cantón")), s["cell_head"]),
                    Paragraph(_text(_("Provincia")), s["cell_head"]),
                    Paragraph(_text(_("Autoridades y delegados")), s["cell_head"]),
                ]
            ]
            for item in r.cantons:
                rows.append(
                    [
                        Paragraph(f"<b>{_text(item.canton)}</b>", s["cell"]),
                        Paragraph(_text(item.province), s["cell"]),
                        Paragraph("<br/>".join(_text(p) for p in item.people) or "—", s["cell"]),
                    ]
                )
            table = Table(rows, colWidths=[4.2 * cm, 4.2 * cm, FRAME_W - 8.4 * cm], repeatRows=1)
            style = [
                ("BACKGROUND", (0, 0), (-1, 0), NAVY),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LINEBELOW", (0, 1), (-1, -1), 0.5, RULE),
                ("TOPPADDING", (0, 0), (-1, -1), 5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
            ]
            style += [("BACKGROUND", (0, i), (-1, i), MIST) for i in range(2, len(rows), 2)]
            table.setStyle(_table_style(style))
            flow.append(table)
        else:
            flow.append(Paragraph(_text(_("No se registran cantones participantes.")), s["body"]))
        if r.delegation:
            flow.append(self.label(_("Delegación de AME y otros participantes")))
            flow += self.bullets(r.delegation)
        return flow

    def meetings(self):
        r, s = self.report, self.s
        if not r.meetings:
            return []
        flow = self.h1(_("Reuniones y actividades"))
        for m in r.meetings:
            head = [
                Paragraph(f"{m.number}. {_text(m.title)}", s["h2"]),
                Paragraph(" · ".join(_text(v) for v in (m.date, m.place) if v), s["meta"]),
            ]
            if m.counterparts:
                head.append(
                    Paragraph(
                        f"<b>{_text(_('Contrapartes'))}:</b> "
                        + "; ".join(_text(c) for c in m.counterparts),
                        s["meta"],
                    )
                )
            head += [self.label(_("Asunto")), Paragraph(_text(m.subject), s["body"])]
            flow += head  # headings, meta and labels keep with what follows them
            if m.development:
                flow.append(self.label(_("Desarrollo")))
                flow += self.bullets(m.development)
            if m.conclusions or m.recommendations:
                flow.append(self.label(_("Conclusiones y recomendaciones para los GADM")))
                flow += self.bullets(m.conclusions)
                flow += self.bullets(m.recommendations, bullet="»", color=NAVY)
            flow += self.photos(m.photos)
        return flow

    def opportunities(self):
        r, s = self.report, self.s
        if not r.opportunities:
            return []
        flow = self.h1(_("Oportunidades para los GAD"))
        flow.append(
            Paragraph(
                _text(
                    _(
                        "Cada oportunidad está publicada en el catálogo de SIOC. Para manifestar "
                        "el interés de su GAD, abra el enlace o escanee el código QR con su "
                        "teléfono: la solicitud llega a la Dirección Nacional de Cooperación "
                        "Internacional de AME y usted puede seguir su estado en SIOC."
                    )
                ),
                s["body"],
            )
        )
        qr_w = 3.3 * cm
        text_w = FRAME_W - qr_w - 0.8 * cm
        for o in r.opportunities:
            text = [Paragraph(_text(o.title), s["opp_title"])]
            for label, value in (
                (_("Tipo"), o.kind),
                (_("Contraparte"), o.counterpart),
                (_("Surge de"), o.meeting),
                (_("Qué puede hacer su GAD"), o.gad_action or o.summary),
                (_("Plazo"), o.deadline),
            ):
                if value:
                    text.append(Paragraph(f"<b>{_text(label)}:</b> {_text(value)}", s["opp"]))
            text.append(
                Paragraph(
                    f'<b>{_text(_("Enlace"))}:</b> <link href="{_text(o.url)}" color="#0f7c80">'
                    f"{_text(o.url)}</link>",
                    s["opp"],
                )
            )
            qr = [
                Image(io.BytesIO(o.qr_png), width=qr_w - 0.3 * cm, height=qr_w - 0.3 * cm),
                Paragraph(_text(_("Exprese su interés en SIOC")), s["qr"]),
            ]
            card = Table([[text, qr]], colWidths=[text_w + 0.8 * cm, qr_w])
            card.setStyle(
                _table_style(
                    [
                        ("BACKGROUND", (0, 0), (-1, -1), MIST),
                        ("LINEBEFORE", (0, 0), (0, -1), 3, TEAL),
                        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                        ("LEFTPADDING", (0, 0), (0, -1), 12),
                        ("RIGHTPADDING", (0, 0), (0, -1), 10),
                        ("TOPPADDING", (0, 0), (-1, -1), 9),
                        ("BOTTOMPADDING", (0, 0), (-1, -1), 9),
                        ("ALIGN", (1, 0), (1, 0), "CENTER"),
                    ]
                )
            )
            flow += [KeepTogether([card]), Spacer(1, 10)]
        return flow

    def panels(self):
        r, s = self.report, self.s
        if not r.show_panels:
            return []
        flow = self.h1(_("Diálogos y paneles"))
        if not r.panels:
            flow.append(Paragraph(_text(_("No se registran diálogos ni paneles.")), s["body"]))
        for p in r.panels:
            head = [Paragraph(_text(p.heading), s["h2"])]
            if p.objective:
                head += [self.label(_("Objetivo")), Paragraph(_text(p.objective), s["body"])]
            flow += head
            if p.speakers:
                flow.append(self.label(_("Ponentes y aportes")))
                items = []
                for sp in p.speakers:
                    who = f"<b>{_text(sp.name)}</b>"
                    if sp.organization:
                        who += f" ({_text(sp.organization)})"
                    items.append(who + (f": {_text(sp.contribution)}" if sp.contribution else ""))
                flow += self.bullets(items, markup=True)
            if p.moderator:
                flow += [self.label(_("Moderación")), Paragraph(_text(p.moderator), s["body"])]
            if p.conclusions:
                flow.append(self.label(_("Conclusiones")))
                flow += self.bullets(p.conclusions)
        return flow

    def closing(self):
        r, s = self.report, self.s
        flow = []
        if r.gallery:
            flow += self.h1(_("Registro fotográfico"))
            flow += self.photos(r.gallery)
        flow += self.h1(_("Palabras clave"), level="h2")
        flow.append(Paragraph(_text(", ".join(r.keywords)) or "—", s["plain"]))
        flow += self.h1(_("Créditos"), level="h2")
        for line in r.credits or ["—"]:
            name, sep, role = line.partition(" — ")
            text = f"<b>{_text(name)}</b>" + (f" — {_text(role)}" if sep else "")
            flow.append(Paragraph(text, s["plain"]))
        flow += self.h1(_("Contacto"), level="h2")
        flow += [Paragraph(_text(line), s["plain"]) for line in r.contact]
        if r.mission_url:
            flow.append(
                Paragraph(
                    f"{_text(_('Esta misión en SIOC'))}: "
                    f'<link href="{_text(r.mission_url)}" color="#0f7c80">'
                    f"{_text(r.mission_url)}</link>",
                    s["plain"],
                )
            )
        return flow

    def build(self) -> bytes:
        buffer = io.BytesIO()
        r = self.report
        doc = BaseDocTemplate(
            buffer,
            pagesize=A4,
            leftMargin=MARGIN_X,
            rightMargin=MARGIN_X,
            topMargin=MARGIN_TOP,
            bottomMargin=MARGIN_BOTTOM,
            title=r.title,
            author=r.author,
            subject=_("Informe de sistematización"),
            creator="SIOC",
            keywords=", ".join(r.keywords),
            lang="es-EC",
            # Every page starts in Vera too: no reference to a non-embedded standard font.
            initialFontName=FONT,
            initialFontSize=10,
        )
        frame = Frame(
            MARGIN_X,
            MARGIN_BOTTOM,
            FRAME_W,
            PAGE_H - MARGIN_TOP - MARGIN_BOTTOM,
            id="body",
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
        )
        doc.addPageTemplates(
            [
                PageTemplate(id="cover", frames=[frame], onPage=self.draw_cover),
                PageTemplate(id="body", frames=[frame], onPage=self.draw_page),
            ]
        )
        story = [NextPageTemplate("body"), Spacer(1, 1), PageBreak()]
        story += self.presentation()
        story += self.cantons()
        story += self.meetings()
        story += self.opportunities()
        story += self.panels()
        story += self.closing()
        doc.build(story, canvasmaker=_NumberedCanvas)
        return buffer.getvalue()


def build_pdf(report: Report) -> bytes:
    register_fonts()
    return _Writer(report).build()
