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
