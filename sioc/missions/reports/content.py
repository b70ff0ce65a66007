"""What the informe de sistematización says, read once from the database.

The PDF and DOCX writers only lay out a ``Report``: every query, date format, absolute link and
QR code is prepared here, so both formats tell exactly the same story in the same order.
"""

import io
import re
from dataclasses import dataclass
from pathlib import Path

import segno
from django.db.models import Prefetch
from django.urls import NoReverseMatch
from django.utils.translation import gettext as _

from sioc.missions.models import Meeting, Mission, Photo
from sioc.organizations.choices import OrganizationKind

AME_NAME = "Asociación de Municipalidades Ecuatorianas"
AME_UNIT = "Dirección Nacional de Cooperación Internacional"
AME_CONTACT = "direccion.cooperacion@ame.gob.ec"


def date_text(value) -> str:
    return value.strftime("%d/%m/%Y") if value else ""


def date_range_text(starts_on, ends_on) -> str:
    if starts_on == ends_on:
        return date_text(starts_on)
    return _("del %(start)s al %(end)s") % {
        "start": date_text(starts_on),
        "end": date_text(ends_on),
    }


def country_name(code: str) -> str:
    """The Spanish name of an ISO 3166-1 alpha-2 code (IATI country list), else the code."""
    if not code:
        return ""
    from sioc.codelists.models import Country

    country = Country.objects.filter(code=code.upper()).only("name").first()
    return country.name if country else code.upper()


def absolute(base_url: str, path: str) -> str:
    return base_url.rstrip("/") + "/" + path.lstrip("/")


def qr_png(url: str) -> bytes:
    """A PNG QR code of ``url`` (error correction M, quiet zone of 2 modules)."""
    buffer = io.BytesIO()
    segno.make(url, error="m").save(buffer, kind="png", scale=8, border=2, dark="#1f3a5f")
    return buffer.getvalue()


@dataclass
class PhotoItem:
    caption: str
    credit: str
    path: Path | None  # None when the file is missing or unreadable
    width: int
    height: int

    @property
    def legend(self) -> str:
        parts = [self.caption] if self.caption else []
        if self.credit:
            parts.append(_("Foto: %(credit)s") % {"credit": self.credit})
        return " · ".join(parts)


@dataclass
class MeetingItem:
    number: int
    title: str
    date: str
    place: str
    counterparts: list[str]
    subject: str
    development: list[str]
    conclusions: list[str]
    recommendations: list[str]
    photos: list[PhotoItem]


@dataclass
class OpportunityItem:
    title: str
    kind: str
    counterpart: str
    meeting: str
    summary: str
    gad_action: str
    deadline: str
    url: str
    qr_png: bytes


@dataclass
class SpeakerItem:
    name: str
    organization: str
    contribution: str


@dataclass
class PanelItem:
    number: int
    title: str
    objective: str
    speakers: list[SpeakerItem]
    moderator: str
    conclusions: list[str]

    @property
    def heading(self) -> str:
        """ "2. Title", unless the title is already numbered ("Diálogo 2: ...")."""
        if NUMBERED_TITLE.match(self.title):
            return self.title
        return f"{self.number}. {self.title}"


NUMBERED_TITLE = re.compile(r"^\s*(di[aá]logo|panel|mesa|conversatorio)\s+\d+", re.IGNORECASE)


@dataclass
class CantonItem:
    canton: str
    province: str
    people: list[str]


@dataclass
class Report:
    title: str
    kind: str
    place: str
    dates: str
    author: str
    unit: str
    objective: str
    presentation: list[str]
    cantons: list[CantonItem]
    delegation: list[str]  # AME staff and other members
    meetings: list[MeetingItem]
    opportunities: list[OpportunityItem]
    panels: list[PanelItem]
    is_assembly: bool
    gallery: list[PhotoItem]
    keywords: list[str]
    credits: list[str]
    contact: list[str]
    mission_url: str

    @property
    def show_panels(self) -> bool:
        return bool(self.panels) or self.is_assembly


def _lines(text: str) -> list[str]:
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


def _paragraphs(text: str) -> list[str]:
    """Blank-line separated paragraphs; line breaks inside a paragraph (a signature) are kept."""
    blocks, current = [], []
    for line in (text or "").splitlines():
        if line.strip():
            current.append(line.strip())
        elif current:
            blocks.append("\n".join(current))
            current = []
    if current:
        blocks.append("\n".join(current))
    return blocks


def _photo(photo: Photo) -> PhotoItem:
    path = None
    if photo.image:
        try:
            candidate = Path(photo.image.path)
        except (NotImplementedError, ValueError):
            candidate = None
        if candidate is not None and candidate.is_file():
            path = candidate
    return PhotoItem(
        caption=photo.caption,
        credit=photo.credit,
        path=path,
        width=photo.width,
        height=photo.height,
    )


def _person(name: str, position: str) -> str:
    return f"{name}, {position}" if name and position else (name or position)


def load_mission(mission: Mission) -> Mission:
    """The mission with everything the report reads, in a fixed number of queries."""
    return (
        Mission.objects.select_related("organiser")
        .prefetch_related(
            "participants__organization__canton__province",
            Prefetch(
                "meetings",
                queryset=Meeting.objects.prefetch_related(
                    "counterparts__organization",
                    "recommendations",
                    "photos",
                    "opportunities__offer",
                    "opportunities__counterpart",
                ),
            ),
            "panels__speakers",
            Prefetch("photos", queryset=Photo.objects.filter(meeting__isnull=True)),
        )
        .get(pk=mission.pk)
    )


def collect(mission: Mission, *, base_url: str) -> Report:
    mission = load_mission(mission)
    place = ", ".join(part for part in (mission.cities, country_name(mission.country)) if part)

    cantons: dict[int, CantonItem] = {}
    delegation = []
    for participant in mission.participants.all():
        org = participant.organization
        person = _person(participant.person_name, participant.position)
        if org.kind == OrganizationKind.GAD_MUNICIPAL and org.canton_id:
            item = cantons.setdefault(
                org.pk, CantonItem(org.canton.name, org.canton.province.name, [])
            )
            if person:
                item.people.append(person)
        elif person:
            delegation.append(f"{person} ({org.acronym or org.name})")

    meetings, opportunities = [], []
    for number, meeting in enumerate(mission.meetings.all(), start=1):
        meetings.append(
            MeetingItem(
                number=number,
                title=meeting.title,
                date=date_text(meeting.date),
                place=meeting.place,
                counterparts=[
                    " — ".join(
                        p for p in (c.display_organization, _person(c.person_name, c.position)) if p
                    )
                    for c in meeting.counterparts.all()
                ],
                subject=meeting.subject or meeting.title,
                development=meeting.development_points,
                conclusions=meeting.conclusion_points,
                recommendations=[r.text for r in meeting.recommendations.all()],
                photos=[_photo(p) for p in meeting.photos.all()],
            )
        )
        for opportunity in meeting.opportunities.all():
            offer = opportunity.offer
            url = absolute(base_url, offer.get_absolute_url())
            deadline = opportunity.deadline or offer.closes_on
            opportunities.append(
                OpportunityItem(
                    title=offer.title,
                    kind=opportunity.get_kind_display(),
                    counterpart=str(opportunity.counterpart),
                    meeting=meeting.title,
                    summary=offer.summary,
                    gad_action=opportunity.gad_action,
                    deadline=(
                        _("hasta el %(date)s") % {"date": date_text(deadline)}
                        if deadline
                        else _("sin fecha límite")
                    ),
                    url=url,
                    qr_png=qr_png(url),
                )
            )

    panels = [
        PanelItem(
            number=number,
            title=panel.title,
            objective=panel.objective,
            speakers=[
                SpeakerItem(s.name, s.organization_name, s.contribution)
                for s in panel.speakers.all()
            ],
            moderator=panel.moderator,
            conclusions=panel.conclusion_points,
        )
        for number, panel in enumerate(mission.panels.all(), start=1)
    ]

    try:
        mission_url = absolute(base_url, mission.get_absolute_url())
    except NoReverseMatch:
        mission_url = ""
    contact = _lines(mission.contact) or [f"{AME_UNIT} — {AME_NAME}", AME_CONTACT]

    author = mission.organiser.name if mission.organiser_id else AME_NAME
    return Report(
        title=mission.name,
        kind=mission.get_kind_display(),
        place=place,
        dates=date_range_text(mission.starts_on, mission.ends_on),
        author=author,
        unit=AME_UNIT,
        objective=mission.objective.strip(),
        presentation=_paragraphs(mission.presentation_letter),
        cantons=list(cantons.values()),
        delegation=delegation,
        meetings=meetings,
        opportunities=opportunities,
        panels=panels,
        is_assembly=mission.is_assembly,
        gallery=[_photo(p) for p in mission.photos.all()],
        keywords=mission.keyword_list,
        credits=_lines(mission.credits),
        contact=contact,
        mission_url=mission_url,
    )
