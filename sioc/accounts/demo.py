"""Demo users, one or more per role, with a shared demo password printed by load_demo_data."""

from sioc.accounts.models import User
from sioc.accounts.services import create_user, grant_role
from sioc.common.roles import Role
from sioc.organizations.models import Organization

DEMO_PASSWORD = "sioc-demo-2026"

# (email, full name, role, how to find the organisation)
DEMO_USERS = [
    ("admin@ame.sioc.demo", "Andrea Salazar", Role.AME_ADMIN, {"slug": "ame"}),
    ("oficial@ame.sioc.demo", "Marco Villacís", Role.AME_OFFICER, {"slug": "ame"}),
    ("asesoria@ame.sioc.demo", "Paola Andrade", Role.HELPDESK, {"slug": "ame"}),
    ("jurado@ame.sioc.demo", "Hernán Cordero", Role.JUROR, {"slug": "ame"}),
    ("tecnico@cuenca.sioc.demo", "Carolina Ordóñez", Role.GAD_OFFICER, {"canton__code": "0101"}),
    ("alcaldia@cuenca.sioc.demo", "Diego Malo", Role.GAD_AUTHORITY, {"canton__code": "0101"}),
    ("tecnico@loja.sioc.demo", "Luis Jaramillo", Role.GAD_OFFICER, {"canton__code": "1101"}),
    ("tecnico@latacunga.sioc.demo", "Gabriela Tapia", Role.GAD_OFFICER, {"canton__code": "0501"}),
    ("puntofocal@giz.sioc.demo", "Jana Becker", Role.FOCAL_POINT, {"acronym": "GIZ"}),
    ("puntofocal@koica.sioc.demo", "Min-jun Park", Role.FOCAL_POINT, {"acronym": "KOICA"}),
]


def load(*, actor, stdout=None):
    created = 0
    lines = []
    for email, name, role, lookup in DEMO_USERS:
        org = Organization.objects.filter(**lookup).order_by("pk").first()
        if org is None:
            continue
        user = User.objects.filter(email=email).first()
        if user is None:
            user = create_user(actor=actor, email=email, full_name=name, password=DEMO_PASSWORD)
            created += 1
        grant_role(user, org, role, actor=actor)
        lines.append(f"  {email:<32} {Role(role).label} · {org.name}")
    if stdout is not None:
        stdout.write("Cuentas de demostración (contraseña para todas: %s):" % DEMO_PASSWORD)
        for line in lines:
            stdout.write(line)
    return {"usuarios_demo_creados": created}
