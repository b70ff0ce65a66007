"""Reading IATI activity files safely and in constant memory.

``open_activities(path)`` checks the file (size, XML prologue, root element, IATI version) and
returns the file's facts and a generator of ``iati-activity`` elements; each element is cleared
(with its already-read siblings) as soon as the caller asks for the next one.

Safety: lxml parses with ``resolve_entities=False``, ``no_network=True``, ``load_dtd=False`` and
``huge_tree=False``; a file with any DOCTYPE (IATI never uses one; it is how billion-laughs and
external-entity payloads arrive) is refused before a single activity is read. Every problem is
an ``IatiFileError`` with a Spanish message for the person who uploaded the file.
"""

from dataclasses import dataclass
from pathlib import Path

from django.utils.translation import gettext as _
from lxml import etree

MAX_FILE_BYTES = 500 * 1024 * 1024
SUPPORTED_VERSIONS = ("2.01", "2.02", "2.03")
PROLOGUE_BYTES = 1024 * 1024  # the root element must start within the first MiB
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
PARSER_OPTIONS = {
    "resolve_entities": False,
    "no_network": True,
    "load_dtd": False,
    "huge_tree": False,
    "remove_comments": True,
    "remove_pis": True,
}


class IatiFileError(Exception):
    """The whole file is refused; the message is Spanish and says what to do."""


@dataclass
class FileFacts:
    name: str
    size: int
    version: str
    lang: str  # the root's xml:lang, "" when absent


def _mb(size):
    return f"{size / 1024 / 1024:,.0f}".replace(",", ".")


def check_size(name, size):
    if size == 0:
        raise IatiFileError(_("El archivo «%s» está vacío.") % name)
    if size > MAX_FILE_BYTES:
        raise IatiFileError(
            _(
                "El archivo «%(name)s» pesa %(size)s MB y el máximo es 500 MB. Divida el archivo "
                "en varios (por ejemplo, por país o por año)."
            )
            % {"name": name, "size": _mb(size)}
        )


def syntax_message(name, exc):
    line = getattr(exc, "lineno", None) or (
        exc.position[0] if getattr(exc, "position", None) else 0
    )
    detail = str(getattr(exc, "msg", "") or exc).split(", line")[0]
    return _(
        "El archivo «%(name)s» no es XML bien formado (línea %(line)s: %(detail)s). Revise que "
        "sea el archivo de actividades IATI completo, sin cortes."
    ) % {"name": name, "line": line or "?", "detail": detail}


def _root_element(name, fh):
    """Parse the prologue until the root element starts; refuse DOCTYPEs."""
    parser = etree.XMLPullParser(events=("start",), **PARSER_OPTIONS)
    read = 0
    while read < PROLOGUE_BYTES:
        chunk = fh.read(64 * 1024)
        if not chunk:
            break
        read += len(chunk)
        try:
            parser.feed(chunk)
            for _event, element in parser.read_events():
                return element
        except etree.XMLSyntaxError as exc:
            raise IatiFileError(syntax_message(name, exc)) from None
    try:
        parser.close()
    except etree.XMLSyntaxError as exc:
        raise IatiFileError(syntax_message(name, exc)) from None
    raise IatiFileError(
        _("El archivo «%s» no es un archivo XML de actividades IATI: no tiene elemento raíz.")
        % name
    )


def check_root(name, root):
    docinfo = root.getroottree().docinfo
    if docinfo.doctype or docinfo.internalDTD is not None:
        raise IatiFileError(
            _(
                "El archivo «%s» declara un DOCTYPE (con entidades o una DTD externa). Los "
                "archivos IATI no lo usan y es la forma de los ataques «billion laughs» y XXE: "
                "por seguridad no se lee. Quite la declaración <!DOCTYPE …> del archivo."
            )
            % name
        )
    tag = root.tag if isinstance(root.tag, str) else ""
    if tag == "iati-organisations":
        raise IatiFileError(
            _(
                "El archivo «%s» es un archivo de organizaciones IATI; SIOC importa archivos de "
                "actividades (<iati-activities>)."
            )
            % name
        )
    if tag != "iati-activities":
        raise IatiFileError(
            _(
                "El archivo «%(name)s» no es un archivo de actividades IATI: su elemento raíz es "
                "<%(tag)s> y debería ser <iati-activities>."
            )
            % {"name": name, "tag": etree.QName(tag).localname if tag else "?"}
        )
    version = (root.get("version") or "").strip()
    if version not in SUPPORTED_VERSIONS:
        if version.startswith("1."):
            raise IatiFileError(
                _(
                    "El archivo «%(name)s» usa la versión %(version)s del estándar IATI, que ya no "
                    "está vigente. SIOC lee las versiones 2.01, 2.02 y 2.03: pida al publicador el "
                    "archivo en la versión 2."
                )
                % {"name": name, "version": version}
            )
        raise IatiFileError(
            _(
                "El archivo «%(name)s» declara la versión «%(version)s» del estándar IATI. SIOC "
                "lee las versiones 2.01, 2.02 y 2.03."
            )
            % {"name": name, "version": version or _("(sin versión)")}
        )
    return version


class _CountingReader:
    """A binary file that counts the bytes lxml has read (for a progress fraction)."""

    def __init__(self, fh):
        self.fh = fh
        self.bytes_read = 0

    def read(self, size=-1):
        data = self.fh.read(size)
        self.bytes_read += len(data)
        return data


class ActivityStream:
    """Iterate over the activities of one file; ``fraction`` is the share of bytes read."""

    def __init__(self, path, name=None):
        self.path = Path(path)
        self.name = name or self.path.name
        try:
            size = self.path.stat().st_size
        except OSError:
            raise IatiFileError(_("No se encuentra el archivo «%s».") % self.name) from None
        check_size(self.name, size)
        with self.path.open("rb") as fh:
            root = _root_element(self.name, fh)
        version = check_root(self.name, root)
        self.facts = FileFacts(self.name, size, version, root.get(XML_LANG) or "")
        self._reader = None

    @property
    def fraction(self):
        if self._reader is None or not self.facts.size:
            return 0.0
        return min(1.0, self._reader.bytes_read / self.facts.size)

    def __iter__(self):
        with self.path.open("rb") as raw:
            self._reader = _CountingReader(raw)
            context = etree.iterparse(
                self._reader, events=("end",), tag="iati-activity", **PARSER_OPTIONS
            )
            try:
                for _event, element in context:
                    yield element
                    element.clear()
                    parent = element.getparent()
                    while element.getprevious() is not None:
                        del parent[0]
            except etree.XMLSyntaxError as exc:
                raise IatiFileError(syntax_message(self.name, exc)) from None


def count_activities(path, name=None, progress=None):
    """Read the whole file once (safely) and count its activities; raises IatiFileError."""
    stream = ActivityStream(path, name)
    count = 0
    for _element in stream:
        count += 1
        if progress and count % 2000 == 0:
            progress(count)
    return stream.facts, count
