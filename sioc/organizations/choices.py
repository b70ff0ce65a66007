from django.db import models
from django.utils.translation import gettext_lazy as _


class OrganizationKind(models.TextChoices):
    """Every actor in SIOC. The cooperante kinds match the catalogue template's «tipo» column."""

    AME = "ame", _("Asociación de Municipalidades Ecuatorianas")
    GAD_MUNICIPAL = "gad_municipal", _("GAD municipal")
    BILATERAL_AGENCY = "bilateral_agency", _("Agencia bilateral")
    MULTILATERAL = "multilateral", _("Organismo multilateral")
    DEVELOPMENT_BANK = "development_bank", _("Banca de desarrollo")
    EMBASSY = "embassy", _("Embajada")
    INTERNATIONAL_NGO = "international_ngo", _("ONG internacional")
    FOUNDATION = "foundation", _("Fundación")
    FOREIGN_LOCAL_GOVERNMENT = "foreign_local_government", _("Gobierno local extranjero")
    CITY_NETWORK = "city_network", _("Red de ciudades")
    LOCAL_GOVERNMENT_ASSOCIATION = (
        "local_government_association",
        _("Asociación de gobiernos locales"),
    )
    NATIONAL_GOVERNMENT = "national_government", _("Entidad del gobierno nacional")
    ACADEMIA = "academia", _("Academia")
    PRIVATE_SECTOR = "private_sector", _("Sector privado")


NON_COOPERANTE_KINDS = {OrganizationKind.AME, OrganizationKind.GAD_MUNICIPAL}
COOPERANTE_KINDS = [k for k in OrganizationKind if k not in NON_COOPERANTE_KINDS]
