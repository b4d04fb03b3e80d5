"""Calling the API as a script would: a Bearer token and a JSON body."""

import json

API = "/api/v1"


def call(client, method, path, token=None, body=None, **params):
    headers = {"HTTP_AUTHORIZATION": f"Bearer {token}"} if token else {}
    kwargs = {"content_type": "application/json", "data": json.dumps(body)} if body is not None else {"data": params}
    return getattr(client, method)(API + path, **kwargs, **headers)
