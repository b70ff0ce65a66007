"""The informe de sistematización of a mission, generated from its data (PDF or DOCX)."""

from sioc.missions.reports.content import collect

FORMATS = ("pdf", "docx")


def build_report(mission, fmt, *, base_url) -> bytes:
    """The report of ``mission`` as PDF or DOCX bytes; links and QR codes point to
    ``base_url`` (the public address of SIOC, e.g. "https://sioc.ame.gob.ec/")."""
    if fmt not in FORMATS:
        raise ValueError(f"Unknown report format {fmt!r}; use one of {', '.join(FORMATS)}")
    report = collect(mission, base_url=base_url)
    if fmt == "pdf":
        from sioc.missions.reports.pdf import build_pdf

        return build_pdf(report)
    from sioc.missions.reports.word import build_docx

    return build_docx(report)
