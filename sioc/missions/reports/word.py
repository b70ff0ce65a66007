"""The informe de sistematización as an editable DOCX (python-docx), same structure as the PDF."""

import io

from django.utils.translation import gettext as _
from docx import Document
from docx.enum.section import WD_SECTION
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

from sioc.missions.reports.content import Report

NAVY = RGBColor(0x1F, 0x3A, 0x5F)
TEAL = RGBColor(0x0F, 0x7C, 0x80)
GREY = RGBColor(0x5B, 0x67, 0x70)
INK = RGBColor(0x22, 0x2A, 0x30)
MIST_HEX = "EEF5F5"
NAVY_HEX = "1F3A5F"

PHOTO_WIDTH = Cm(15)
PAIR_WIDTH = Cm(7.6)
QR_WIDTH = Cm(3.2)


def _shade(cell, hex_color):
    tc_pr = cell._tc.get_or_add_tcPr()
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), hex_color)
    tc_pr.append(shading)


def _field(run, instruction):
    """A Word field (PAGE, NUMPAGES) inside ``run``; Word computes it when the file opens."""
    begin = OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    text = OxmlElement("w:instrText")
    text.set(qn("xml:space"), "preserve")
    text.text = instruction
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    run._r.append(begin)
    run._r.append(text)
    run._r.append(end)


def _hyperlink(paragraph, url, text):
    part = paragraph.part
    r_id = part.relate_to(
        url,
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink",
        is_external=True,
    )
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), r_id)
    run = OxmlElement("w:r")
    props = OxmlElement("w:rPr")
    color = OxmlElement("w:color")
    color.set(qn("w:val"), "0F7C80")
    underline = OxmlElement("w:u")
    underline.set(qn("w:val"), "single")
    props.append(color)
    props.append(underline)
    run.append(props)
    node = OxmlElement("w:t")
    node.text = text
    node.set(qn("xml:space"), "preserve")
    run.append(node)
    link.append(run)
    paragraph._p.append(link)


class _Writer:
    def __init__(self, report: Report):
        self.report = report
        self.doc = Document()
        self._setup()

    def _setup(self):
        doc = self.doc
        section = doc.sections[0]
        section.page_width, section.page_height = Cm(21), Cm(29.7)
        section.left_margin = section.right_margin = Cm(2.2)
        section.top_margin, section.bottom_margin = Cm(2.4), Cm(2.3)
        styles = doc.styles
        normal = styles["Normal"]
        normal.font.name = "Calibri"
        normal.font.size = Pt(10.5)
        normal.font.color.rgb = INK
        normal.paragraph_format.space_after = Pt(6)
        normal.paragraph_format.line_spacing = 1.15
        for name, size, color, before in (
            ("Heading 1", 16, NAVY, 18),
            ("Heading 2", 12.5, NAVY, 14),
            ("Heading 3", 9, TEAL, 8),
        ):
            style = styles[name]
            style.font.name = "Calibri"
            style.font.size = Pt(size)
            style.font.bold = True
            style.font.color.rgb = color
            style.paragraph_format.space_before = Pt(before)
            style.paragraph_format.space_after = Pt(4)
            style.paragraph_format.keep_with_next = True
            # python-docx keeps the theme font for East Asian text unless told otherwise.
            r_fonts = style.element.rPr.find(qn("w:rFonts"))
            if r_fonts is not None:
                for attr in ("w:asciiTheme", "w:hAnsiTheme"):
                    r_fonts.attrib.pop(qn(attr), None)
        styles["Heading 3"].font.all_caps = True
        caption = styles["Caption"]
        caption.font.italic = True
        caption.font.bold = False
        caption.font.size = Pt(8.5)
        caption.font.color.rgb = GREY

    # --- cover and page furniture ---------------------------------------------------------------
    def cover(self):
        r, doc = self.report, self.doc
        head = doc.add_paragraph()
        run = head.add_run(r.author.upper())
        run.bold, run.font.size, run.font.color.rgb = True, Pt(10), NAVY
        head.add_run("\n" + r.unit).font.color.rgb = GREY
        spacer = doc.add_paragraph()
        spacer.paragraph_format.space_before = Pt(110)
        label = doc.add_paragraph()
        run = label.add_run(_("Informe de sistematización").upper())
        run.bold, run.font.size, run.font.color.rgb = True, Pt(12), TEAL
        title = doc.add_paragraph(style="Title")
        title.text = r.title
        for run in title.runs:
            run.font.color.rgb = NAVY
            run.font.size = Pt(26)
            run.font.name = "Calibri"
        kind = doc.add_paragraph()
        run = kind.add_run(r.kind)
        run.font.size, run.font.color.rgb = Pt(13), TEAL
        kind.paragraph_format.space_after = Pt(40)
        for label_text, value in ((_("Lugar"), r.place), (_("Fechas"), r.dates)):
            if not value:
                continue
            p = doc.add_paragraph()
            run = p.add_run(label_text.upper())
            run.bold, run.font.size, run.font.color.rgb = True, Pt(8.5), TEAL
            run = p.add_run("\n" + value)
            run.font.size, run.font.color.rgb = Pt(13), NAVY
        credit = doc.add_paragraph()
        credit.paragraph_format.space_before = Pt(120)
        run = credit.add_run(_("Elaborado por") + "\n")
        run.font.size, run.font.color.rgb = Pt(9), GREY
        run = credit.add_run(r.author)
        run.bold, run.font.color.rgb = True, NAVY
        credit.add_run("\n" + r.unit).font.color.rgb = NAVY
        # The body starts in a new section so the cover has no header or footer.
        doc.add_section(WD_SECTION.NEW_PAGE)
        body = doc.sections[-1]
        body.different_first_page_header_footer = False
        first = doc.sections[0]
        first.different_first_page_header_footer = True
        for part in (body.header, body.footer):
            part.is_linked_to_previous = False
        header = body.header.paragraphs[0]
        run = header.add_run(_("Informe de sistematización").upper())
        run.bold, run.font.size, run.font.color.rgb = True, Pt(7.5), TEAL
        run = header.add_run("\t\t" + r.dates)
        run.font.size, run.font.color.rgb = Pt(7.5), GREY
        footer = body.footer.paragraphs[0]
        title = r.title if len(r.title) <= 80 else r.title[:77] + "…"
        run = footer.add_run(f"AME · {title}\t\t" + _("Página") + " ")
        run.font.size, run.font.color.rgb = Pt(7.5), GREY
        for instruction, between in (("PAGE", " " + _("de") + " "), ("NUMPAGES", "")):
            run = footer.add_run()
            run.font.size, run.font.color.rgb = Pt(7.5), GREY
            _field(run, instruction)
            if between:
                tail = footer.add_run(between)
                tail.font.size, tail.font.color.rgb = Pt(7.5), GREY

    # --- blocks -------------------------------------------------------------------------------
    def h1(self, text):
        self.doc.add_heading(text, level=1)

    def h2(self, text):
        self.doc.add_heading(text, level=2)

    def label(self, text):
        self.doc.add_heading(text, level=3)

    def para(self, text, *, size=None, color=None, italic=False):
        p = self.doc.add_paragraph()
        run = p.add_run(text)
        if size:
            run.font.size = Pt(size)
        if color:
            run.font.color.rgb = color
        run.italic = italic
        return p

    def bullets(self, items):
        for item in items:
            p = self.doc.add_paragraph(style="List Bullet")
            if isinstance(item, tuple):
                strong, rest = item
                p.add_run(strong).bold = True
                p.add_run(rest)
            else:
                p.add_run(item)

    def missing(self, photo):
        self.doc.add_paragraph(
            _("[Imagen no disponible: %(legend)s]") % {"legend": photo.legend or _("sin leyenda")},
            style="Caption",
        )

    def photos(self, photos):
        for photo in photos:
            if photo.path is None:
                self.missing(photo)
                continue
            p = self.doc.add_paragraph()
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            p.paragraph_format.keep_with_next = True
            try:
                landscape = not photo.height or photo.width >= photo.height
                width = PHOTO_WIDTH if landscape else Cm(9)
                p.add_run().add_picture(str(photo.path), width=width)
            except Exception:  # unreadable image file: say so, do not fail the report
                p._p.getparent().remove(p._p)
                self.missing(photo)
                continue
            caption = self.doc.add_paragraph(photo.legend, style="Caption")
            caption.alignment = WD_ALIGN_PARAGRAPH.CENTER

    # --- sections ----------------------------------------------------------------------------
    def presentation(self):
        r = self.report
        self.h1(_("Presentación"))
        if r.objective:
            self.label(_("Objetivo"))
            self.para(r.objective)
        for paragraph in r.presentation or [_("Sin carta de presentación.")]:
            self.para(paragraph)

    def cantons(self):
        r = self.report
        self.h1(_("Cantones participantes"))
        if r.cantons:
            table = self.doc.add_table(rows=1, cols=3)
            table.style = "Table Grid"
            table.alignment = WD_TABLE_ALIGNMENT.CENTER
            for cell, text in zip(
                table.rows[0].cells,
                (_("Cantón"), _("Provincia"), _("Autoridades y delegados")),
                strict=True,
            ):
                _shade(cell, NAVY_HEX)
                run = cell.paragraphs[0].add_run(text)
                run.bold, run.font.color.rgb, run.font.size = True, RGBColor(255, 255, 255), Pt(9)
            for i, item in enumerate(r.cantons):
                cells = table.add_row().cells
                cells[0].paragraphs[0].add_run(item.canton).bold = True
                cells[1].paragraphs[0].add_run(item.province)
                cells[2].paragraphs[0].add_run("\n".join(item.people) or "—")
                if i % 2:
                    for cell in cells:
                        _shade(cell, MIST_HEX)
            for row in table.rows:
                for cell, width in zip(row.cells, (Cm(4), Cm(4), Cm(8.6)), strict=True):
                    cell.width = width
        else:
            self.para(_("No se registran cantones participantes."))
        if r.delegation:
            self.label(_("Delegación de AME y otros participantes"))
            self.bullets(r.delegation)

    def meetings(self):
        r = self.report
        if not r.meetings:
            return
        self.h1(_("Reuniones y actividades"))
        for m in r.meetings:
            self.h2(f"{m.number}. {m.title}")
            self.para(" · ".join(v for v in (m.date, m.place) if v), size=9, color=GREY)
            if m.counterparts:
                p = self.doc.add_paragraph()
                run = p.add_run(_("Contrapartes") + ": ")
                run.bold, run.font.size, run.font.color.rgb = True, Pt(9), GREY
                run = p.add_run("; ".join(m.counterparts))
                run.font.size, run.font.color.rgb = Pt(9), GREY
            self.label(_("Asunto"))
            self.para(m.subject)
            if m.development:
                self.label(_("Desarrollo"))
                self.bullets(m.development)
            if m.conclusions or m.recommendations:
                self.label(_("Conclusiones y recomendaciones para los GADM"))
                self.bullets(m.conclusions)
                self.bullets([(_("Recomendación: "), text) for text in m.recommendations])
            self.photos(m.photos)

    def opportunities(self):
        r = self.report
        if not r.opportunities:
            return
        self.h1(_("Oportunidades para los GAD"))
        self.para(
            _(
                "Cada oportunidad está publicada en el catálogo de SIOC. Para manifestar el "
                "interés de su GAD, abra el enlace o escanee el código QR con su teléfono: la "
                "solicitud llega a la Dirección Nacional de Cooperación Internacional de AME y "
                "usted puede seguir su estado en SIOC."
            )
        )
        for o in r.opportunities:
            table = self.doc.add_table(rows=1, cols=2)
            table.alignment = WD_TABLE_ALIGNMENT.CENTER
            text_cell, qr_cell = table.rows[0].cells
            text_cell.width, qr_cell.width = Cm(12.8), Cm(3.8)
            for cell in (text_cell, qr_cell):
                _shade(cell, MIST_HEX)
            first = text_cell.paragraphs[0]
            run = first.add_run(o.title)
            run.bold, run.font.size, run.font.color.rgb = True, Pt(11.5), NAVY
            for label, value in (
                (_("Tipo"), o.kind),
                (_("Contraparte"), o.counterpart),
                (_("Surge de"), o.meeting),
                (_("Qué puede hacer su GAD"), o.gad_action or o.summary),
                (_("Plazo"), o.deadline),
            ):
                if value:
                    p = text_cell.add_paragraph()
                    p.paragraph_format.space_after = Pt(2)
                    p.add_run(f"{label}: ").bold = True
                    p.add_run(value)
            p = text_cell.add_paragraph()
            p.add_run(_("Enlace") + ": ").bold = True
            _hyperlink(p, o.url, o.url)
            qr_par = qr_cell.paragraphs[0]
            qr_par.alignment = WD_ALIGN_PARAGRAPH.CENTER
            qr_par.add_run().add_picture(io.BytesIO(o.qr_png), width=QR_WIDTH)
            note = qr_cell.add_paragraph()
            note.alignment = WD_ALIGN_PARAGRAPH.CENTER
            run = note.add_run(_("Exprese su interés en SIOC"))
            run.bold, run.font.size, run.font.color.rgb = True, Pt(8), TEAL
            self.doc.add_paragraph()

    def panels(self):
        r = self.report
        if not r.show_panels:
            return
        self.h1(_("Diálogos y paneles"))
        if not r.panels:
            self.para(_("No se registran diálogos ni paneles."))
        for p in r.panels:
            self.h2(p.heading)
            if p.objective:
                self.label(_("Objetivo"))
                self.para(p.objective)
            if p.speakers:
                self.label(_("Ponentes y aportes"))
                items = []
                for sp in p.speakers:
                    who = sp.name + (f" ({sp.organization})" if sp.organization else "")
                    items.append((who, f": {sp.contribution}" if sp.contribution else ""))
                self.bullets(items)
            if p.moderator:
                self.label(_("Moderación"))
                self.para(p.moderator)
            if p.conclusions:
                self.label(_("Conclusiones"))
                self.bullets(p.conclusions)

    def closing(self):
        r = self.report
        if r.gallery:
            self.h1(_("Registro fotográfico"))
            self.photos(r.gallery)
        self.h1(_("Palabras clave"))
        self.para(", ".join(r.keywords) or "—")
        self.h1(_("Créditos"))
        for line in r.credits or ["—"]:
            self.para(line)
        self.h1(_("Contacto"))
        for line in r.contact:
            self.para(line)
        if r.mission_url:
            p = self.doc.add_paragraph()
            p.add_run(_("Esta misión en SIOC") + ": ")
            _hyperlink(p, r.mission_url, r.mission_url)

    def build(self) -> bytes:
        r = self.report
        props = self.doc.core_properties
        props.title = r.title
        props.author = r.author
        props.subject = _("Informe de sistematización")
        props.keywords = ", ".join(r.keywords)
        props.language = "es-EC"
        self.cover()
        self.presentation()
        self.cantons()
        self.meetings()
        self.opportunities()
        self.panels()
        self.closing()
        buffer = io.BytesIO()
        self.doc.save(buffer)
        return buffer.getvalue()


def build_docx(report: Report) -> bytes:
    return _Writer(report).build()
