"""The accessibility check proves something only about a page that loaded: it refuses to pass
on an error page or on the login page a visitor was sent to."""

from __future__ import annotations

import pytest

from .fixtures import assert_no_serious_axe_violations

pytestmark = pytest.mark.browser


def test_the_axe_check_refuses_an_error_page(page, live_server):
    page.goto(f"{live_server.url}/nulle-part/")
    with pytest.raises(AssertionError, match="a répondu 404"):
        assert_no_serious_axe_violations(page)


def test_the_axe_check_refuses_the_login_page_a_visitor_was_sent_to(page, live_server):
    page.goto(f"{live_server.url}/comptes/profil/")
    with pytest.raises(AssertionError, match="renvoie à la page de connexion"):
        assert_no_serious_axe_violations(page)


def test_the_axe_check_passes_a_page_that_loaded(page, live_server):
    page.goto(f"{live_server.url}/comptes/connexion/")
    assert_no_serious_axe_violations(page)
