import factory

from sioc.accounts.models import Membership, User
from sioc.common.roles import Role
from sioc.common.text import fold
from sioc.organizations.choices import OrganizationKind
from sioc.organizations.models import Organization

PASSWORD = "clave-de-prueba-2026"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ("email",)
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"persona{n}@ejemplo.ec")
    full_name = factory.Faker("name", locale="es_ES")

    @factory.post_generation
    def password(self, create, extracted, **kwargs):
        self.set_password(extracted or PASSWORD)
        if create:
            self.save(update_fields=["password"])


class OrganizationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organization
        django_get_or_create = ("slug",)

    slug = factory.Sequence(lambda n: f"cooperante-{n}")
    kind = OrganizationKind.BILATERAL_AGENCY
    name = factory.Sequence(lambda n: f"Agencia de Cooperación {n}")
    country = "DE"
    search_text = factory.LazyAttribute(lambda o: fold(f"{o.name} {o.acronym}"))
    acronym = ""


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    organization = factory.SubFactory(OrganizationFactory)
    role = Role.FOCAL_POINT


def gad(canton_code):
    return Organization.objects.get(kind=OrganizationKind.GAD_MUNICIPAL, canton__code=canton_code)


def ame():
    return Organization.objects.get(slug="ame")


class PersonaFactory:
    """The personas of the permission matrix, on the real AME and GADs of the reference data."""

    @staticmethod
    def make(name):
        if name == "anonymous":
            return None
        org, role, full_name = {
            "ame_admin": (ame, Role.AME_ADMIN, "Adriana Administradora"),
            "ame_officer": (ame, Role.AME_OFFICER, "Óscar Oficial"),
            "cuenca_officer": (lambda: gad("0101"), Role.GAD_OFFICER, "Carmen Cuenca"),
            "loja_officer": (lambda: gad("1101"), Role.GAD_OFFICER, "Luis Loja"),
            "focal_point": (
                lambda: OrganizationFactory(
                    slug="giz-prueba", name="Cooperación Alemana (prueba)", acronym="GIZ"
                ),
                Role.FOCAL_POINT,
                "Fiona Focal",
            ),
        }[name]
        user = UserFactory(email=f"{name.replace('_', '.')}@ejemplo.ec", full_name=full_name)
        MembershipFactory(user=user, organization=org(), role=role)
        if role == Role.AME_ADMIN:
            user.is_staff = user.is_superuser = True
            user.save(update_fields=["is_staff", "is_superuser"])
        return user

    @classmethod
    def all(cls):
        from conftest import PERSONAS

        return {name: cls.make(name) for name in PERSONAS}
