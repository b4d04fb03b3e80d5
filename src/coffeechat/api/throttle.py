"""The API's rate limits, counted in the database (accounts.throttle.sliding_window) so that every
worker process of a hosted installation shares one count: N workers do not allow N times the rate."""

from ninja.throttling import SimpleRateThrottle

from coffeechat.accounts.throttle import client_key, sliding_window


class SharedRateThrottle(SimpleRateThrottle):
    """`num_requests` per `duration` seconds for each key; the key is the subclass's."""

    scope = "api"

    def __init__(self, rate: str):
        super().__init__(rate)
        self._wait = None

    def key_for(self, request) -> str | None:
        raise NotImplementedError

    def allow_request(self, request) -> bool:
        key = self.key_for(request)
        if key is None:
            return True
        found = sliding_window(self.scope, key, self.num_requests, self.duration)
        self._wait = found.wait
        return found.allowed

    def wait(self) -> float | None:
        return self._wait


class PerToken(SharedRateThrottle):
    """Signed-in requests, counted per user (all of a user's tokens together)."""

    scope = "api-user"

    def key_for(self, request):
        user = getattr(request, "auth", None)
        return None if user is None else str(user.pk)


class PerClient(SharedRateThrottle):
    """Requests without a token (the schema, the docs), counted per client address."""

    scope = "api-client"

    def key_for(self, request):
        return None if getattr(request, "auth", None) is not None else client_key(request)
