"""The Django admin pages of demands open (for a superuser); workflow fields are read-only."""

import pytest
from django.urls import reverse

from sioc.demands import services
from sioc.demands.choices import InterestStatus
from sioc.demands.tests.factories import gad, interest, need
from sioc.offers.tests.factories import offer

pytestmark = pytest.mark.django_db


def test_admin_pages(admin_client):
    cuenca = gad("0101")
    item = need(cuenca)
    request = interest(offer(), cuenca, need=item, status=InterestStatus.REFERRED)
    profile = services.profile_for(cuenca)
    client = admin_client
    for model, obj in (("gadprofile", profile), ("need", item), ("expressionofinterest", request)):
        assert client.get(reverse(f"admin:demands_{model}_changelist")).status_code == 200
        response = client.get(reverse(f"admin:demands_{model}_change", args=[obj.pk]))
        assert response.status_code == 200
    form = response.context["adminform"].form
    assert "status" not in form.fields  # read-only: steps go through the pages
    assert client.get(reverse("admin:demands_expressionofinterest_add")).status_code == 403
