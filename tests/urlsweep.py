"""Every address of the URL configuration as a template to fill, for the sweeps that must cover
each view — today's and tomorrow's — without a list kept by hand (tests/core/test_*_sweep.py).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from itertools import product

from django.urls import URLPattern, URLResolver, get_resolver
from django.urls.resolvers import RegexPattern, RoutePattern


@dataclass(frozen=True)
class Route:
    name: str  # "tracking:round_save"
    template: str  # "/suivi/plans/{pk}/actions/{action_pk}/etat/"
    converters: dict[str, str]  # argument → "int", "slug", "str", "path" or "choice"
    choices: dict[str, tuple[str, ...]] = field(default_factory=dict)  # regex alternations

    def fill(self, values: Mapping[str, object]) -> str:
        return self.template.format(**{k: values[k] for k in self.converters})

    def variants(self) -> Iterator[dict[str, str]]:
        """One mapping per combination of the fixed alternatives ("orientation|objectif|…")."""
        names = list(self.choices)
        for combo in product(*(self.choices[n] for n in names)):
            yield dict(zip(names, combo, strict=True))


_ROUTE_ARG = re.compile(r"<(?:(?P<conv>\w+):)?(?P<name>\w+)>")
_REGEX_ARG = re.compile(r"\(\?P<(?P<name>\w+)>(?P<body>[^)]*)\)")


def _part(pattern: RoutePattern | RegexPattern, converters: dict[str, str], choices: dict) -> str:
    if isinstance(pattern, RoutePattern):
        route = str(pattern._route)

        def arg(match: re.Match[str]) -> str:
            converters[match["name"]] = match["conv"] or "str"
            return "{" + match["name"] + "}"

        return _ROUTE_ARG.sub(arg, route)
    regex = str(pattern._regex).lstrip("^").rstrip("$")

    def group(match: re.Match[str]) -> str:
        body = match["body"]
        if re.fullmatch(r"[\w-]+(?:\|[\w-]+)+|[\w-]+", body):
            converters[match["name"]] = "choice"
            choices[match["name"]] = tuple(body.split("|"))
        else:
            converters[match["name"]] = "int" if body in (r"\d+", "[0-9]+") else "str"
        return "{" + match["name"] + "}"

    return _REGEX_ARG.sub(group, regex).replace("\\", "")


def routes() -> list[Route]:
    found: list[Route] = []

    def walk(patterns, prefix: str, namespace: str, converters: dict, choices: dict) -> None:
        for entry in patterns:
            conv, cho = dict(converters), dict(choices)
            part = _part(entry.pattern, conv, cho)
            if isinstance(entry, URLResolver):
                ns = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
                walk(entry.url_patterns, prefix + part, ns, conv, cho)
            elif isinstance(entry, URLPattern):
                name = f"{namespace}{entry.name}" if entry.name else entry.lookup_str
                found.append(Route(name, "/" + prefix + part, conv, cho))

    walk(get_resolver().url_patterns, "", "", {}, {})
    return found
