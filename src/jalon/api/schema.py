"""How the OpenAPI document describes Jalon's personal tokens (drf-spectacular extension)."""

from __future__ import annotations

from typing import Any

from drf_spectacular.extensions import OpenApiAuthenticationExtension


class TokenScheme(OpenApiAuthenticationExtension):  # type: ignore[no-untyped-call]
    target_class = "jalon.api.authentication.TokenAuthentication"
    name = "personalToken"

    def get_security_definition(self, auto_schema: Any) -> dict[str, str]:
        return {
            "type": "http",
            "scheme": "bearer",
            "bearerFormat": "jalon_…",
            "description": "A personal token, created on the profile's tokens page or with "
            "`jalon token create USERNAME --name NAME [--write]`.",
        }


#: The bounds Django gives a positive (small) integer field depend on the database (SQLite's are
#: 64-bit, PostgreSQL's 16- or 32-bit): they say nothing about Jalon, and would make the snapshot differ by backend.
_BACKEND_BOUNDS = {2**15 - 1, 2**31 - 1, 2**63 - 1}


def _drop_backend_bounds(node: Any) -> None:
    if isinstance(node, dict):
        kind = node.get("type")
        integer = kind == "integer" or (isinstance(kind, list) and "integer" in kind)
        if integer and node.get("maximum") in _BACKEND_BOUNDS:
            del node["maximum"]
            node.pop("format", None)
        for value in node.values():
            _drop_backend_bounds(value)
    elif isinstance(node, list):
        for value in node:
            _drop_backend_bounds(value)


def same_on_every_database(result: Any, generator: Any, request: Any, public: bool) -> Any:
    """drf-spectacular post-processing hook: the schema without the database's integer bounds."""
    _drop_backend_bounds(result)
    return result
