import re

import pytest
from django.core import mail
from django.urls import reverse

from sioc.accounts.tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db


def test_login_with_email_case_insensitive(client):
    UserFactory(email="maria@ejemplo.ec", full_name="María Pérez")
    response = client.post(
        reverse("accounts:login"), {"username": "Maria@Ejemplo.EC", "password": PASSWORD}
    )
    assert response.status_code == 302
    assert client.get(reverse("home")).context["user"].email == "maria@ejemplo.ec"


def test_wrong_password_says_so_in_spanish(client):
    UserFactory(email="maria@ejemplo.ec")
    response = client.post(
        reverse("accounts:login"), {"username": "maria@ejemplo.ec", "password": "otra-cosa"}
    )
    assert response.status_code == 200
    assert "El correo o la contraseña no son correctos" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_twenty_wrong_passwords_lock_the_account_without_a_stack_trace(client, settings):
    UserFactory(email="maria@ejemplo.ec")
    statuses = []
    for _ in range(20):
        response = client.post(
            reverse("accounts:login"), {"username": "maria@ejemplo.ec", "password": "mala"}
        )
        statuses.append(response.status_code)
    assert statuses[: settings.AXES_FAILURE_LIMIT - 1] == [200] * (settings.AXES_FAILURE_LIMIT - 1)
    assert set(statuses[settings.AXES_FAILURE_LIMIT :]) == {429}
    assert "Acceso bloqueado temporalmente" in response.content.decode()
    # Even the right password is refused while locked.
    response = client.post(
        reverse("accounts:login"), {"username": "maria@ejemplo.ec", "password": PASSWORD}
    )
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


def test_password_reset_sends_spanish_email_and_link_works(client):
    user = UserFactory(email="maria@ejemplo.ec", full_name="María Pérez")
    response = client.post(reverse("accounts:password_reset"), {"email": "maria@ejemplo.ec"})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.subject == "SIOC: recuperación de contraseña"
    assert "Estimado/a María Pérez" in message.body
    link = re.search(r"http://testserver(/\S+)", message.body).group(1)
    response = client.get(link, follow=True)
    assert "Nueva contraseña" in response.content.decode()
    form_url = response.redirect_chain[-1][0] if response.redirect_chain else link
    response = client.post(
        form_url, {"new_password1": "Una-clave-nueva-2026", "new_password2": "Una-clave-nueva-2026"}
    )
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.check_password("Una-clave-nueva-2026")


def test_password_reset_for_unknown_email_reveals_nothing(client):
    response = client.post(reverse("accounts:password_reset"), {"email": "nadie@ejemplo.ec"})
    assert response.status_code == 302
    assert mail.outbox == []


def test_password_validators_refuse_weak_passwords(client):
    user = UserFactory(email="maria@ejemplo.ec")
    client.force_login(user)
    response = client.post(
        reverse("accounts:password_change"),
        {"old_password": PASSWORD, "new_password1": "12345678", "new_password2": "12345678"},
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert "demasiado corta" in body or "muy corta" in body
    user.refresh_from_db()
    assert user.check_password(PASSWORD)


def test_session_expires(settings):
    assert settings.SESSION_COOKIE_AGE <= 8 * 60 * 60
    assert settings.SESSION_EXPIRE_AT_BROWSER_CLOSE
