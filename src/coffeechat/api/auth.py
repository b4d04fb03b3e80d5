"""Bearer tokens for the JSON API: personal tokens from accounts (stored hashed)."""

from ninja.security import HttpBearer

from coffeechat.accounts.models import ApiToken


class PersonalToken(HttpBearer):
    openapi_scheme = "bearer"

    def authenticate(self, request, token):
        user = ApiToken.user_for(token)
        if user is None:
            return None
        request.user = user
        return user
