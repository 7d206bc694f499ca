"""The pages of the API: a person's tokens (from the profile) and the two readers of the schema.

Swagger UI and Redoc come from drf-spectacular-sidecar's static files, with our own templates:
the sidecar's templates carry inline script and style, which the site's CSP refuses; ours load
a small static script (`api/swagger-init.js`) that reads the schema's address from the page.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from jalon.core.http import AuthenticatedHttpRequest

from . import queries, services
from .forms import TokenForm


@login_required
def tokens(request: AuthenticatedHttpRequest) -> HttpResponse:
    new_key = ""
    if request.method == "POST":
        form = TokenForm(request.POST)
        if form.is_valid():
            try:
                created = services.create_token(
                    user=request.user,
                    name=form.cleaned_data["name"],
                    scope=form.cleaned_data["scope"],
                )
            except services.TokenError as error:
                form.add_error("name", str(error))
            else:
                new_key = created.key
                form = TokenForm()
    else:
        form = TokenForm()
    return render(
        request,
        "api/tokens.html",
        {"form": form, "tokens": list(queries.tokens_of(request.user)), "new_key": new_key},
    )


@login_required
@require_POST
def revoke(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    token = queries.get_token_of(request.user, pk)
    services.revoke_token(token=token, by=request.user)
    messages.success(request, _("Le jeton « %(name)s » est révoqué.") % {"name": token.name})
    return redirect("api:tokens")


def swagger_ui(request: HttpRequest) -> HttpResponse:
    return render(request, "api/swagger_ui.html", {"schema_url": reverse("api:schema")})
