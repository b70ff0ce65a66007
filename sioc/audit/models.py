from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _

from sioc.audit.choices import Action


class AuditEventQuerySet(models.QuerySet):
    def for_object(self, obj):
        return self.filter(
            content_type=ContentType.objects.get_for_model(obj, for_concrete_model=False),
            object_id=str(obj.pk),
        )


class AuditEvent(models.Model):
    """One change made through a service: who, when, which action, which fields changed."""

    created_at = models.DateTimeField(_("fecha"), auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("usuario"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="audit_events",
    )
    actor_label = models.CharField(_("usuario (texto)"), max_length=200, blank=True)
    action = models.CharField(_("acción"), max_length=20, choices=Action.choices)
    content_type = models.ForeignKey(
        ContentType, verbose_name=_("tipo de registro"), on_delete=models.PROTECT
    )
    object_id = models.CharField(_("id del registro"), max_length=64)
    object_repr = models.CharField(_("registro"), max_length=300)
    changes = models.JSONField(_("cambios"), default=dict, blank=True)
    note = models.CharField(_("nota"), max_length=500, blank=True)

    objects = AuditEventQuerySet.as_manager()

    class Meta:
        verbose_name = _("evento de auditoría")
        verbose_name_plural = _("eventos de auditoría")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["content_type", "object_id"])]

    def __str__(self):
        return f"{self.get_action_display()} · {self.object_repr}"
