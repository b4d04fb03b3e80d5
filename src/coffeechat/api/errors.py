"""Every API error is JSON: {"detail": "…", "errors": {field: [messages]}} (errors when a field is at fault)."""

from django.http import Http404, JsonResponse
from ninja import Schema
from ninja.errors import AuthenticationError, HttpError, Throttled, ValidationError

NON_FIELD = "non_field_errors"


class ErrorOut(Schema):
    detail: str
    errors: dict[str, list[str]] | None = None


def _documented(description: str) -> dict:
    return {"description": description, "content": {"application/json": {"schema": ErrorOut.model_json_schema()}}}


# The error answers any operation may give, for the OpenAPI schema (`openapi_extra=DOCUMENTED`).
DOCUMENTED = {"responses": {
    400: _documented("The request body is not JSON."),
    401: _documented("No valid personal token."),
    422: _documented("A parameter or field is not valid; `errors` maps each to its messages."),
    429: _documented("Too many requests."),
}}


def error(status: int, detail: str, errors: dict | None = None) -> JsonResponse:
    body = {"detail": detail}
    if errors is not None:
        body["errors"] = errors
    return JsonResponse(body, status=status)


def form_errors(form, renames: dict[str, str]) -> dict[str, list[str]]:
    """A Django form's errors as a field map, named as the API names the fields."""
    result = {}
    for name, items in form.errors.get_json_data().items():
        key = NON_FIELD if name == "__all__" else renames.get(name, name)
        result.setdefault(key, []).extend(item["message"] for item in items)
    return result


def install(api) -> None:
    @api.exception_handler(ValidationError)
    def invalid(request, exc):
        errors = {}
        for item in exc.errors:
            location = [str(part) for part in item.get("loc", ()) if part not in ("body", "query", "path", "payload")]
            errors.setdefault(".".join(location) or NON_FIELD, []).append(item.get("msg", "Not valid."))
        return error(422, "Some fields are not valid.", errors)

    @api.exception_handler(Http404)
    def not_found(request, exc):
        return error(404, "Not found.")

    @api.exception_handler(AuthenticationError)
    def unauthorised(request, exc):
        response = error(401, "Send a valid personal token: Authorization: Bearer <token>.")
        response["WWW-Authenticate"] = "Bearer"
        return response

    @api.exception_handler(Throttled)
    def throttled(request, exc):
        response = error(429, "Too many requests; slow down.")
        if exc.wait:
            response["Retry-After"] = str(int(exc.wait) + 1)
        return response

    @api.exception_handler(HttpError)
    def http_error(request, exc):
        return error(exc.status_code, str(exc))
