from django.conf import settings

from sioc.common.roles import principal


def sioc(request):
    return {
        "principal": principal(request.user),
        "sioc_env": settings.SIOC_ENV,
    }
