from django.conf import settings


def coffeechat(request):
    return {
        "LOCAL_MODE": settings.LOCAL_MODE,
        "ALLOW_SIGNUP": settings.ALLOW_SIGNUP,
    }
