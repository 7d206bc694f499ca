from jalon.plans import interchange
from jalon.plans.services import create_plan_from_draft, adopt_plan
from tests.plans.conftest import seed_truth_files
import datetime as dt

def test_smoke(org_a, cast, login):
    c = login(cast["editor_a"])
    for f in seed_truth_files():
        d = interchange.loads(f.read_text())
        p = create_plan_from_draft(draft=d, organization=org_a)
        r = c.get(f"/plans/{p.pk}/")
        assert r.status_code == 200, r.content[:2000]
        r = c.get(f"/plans/{p.pk}/?q=region&annee=1", HTTP_HX_REQUEST="true", HTTP_HX_TARGET="plan-body")
        assert r.status_code == 200
        a = p.actions.first()
        assert c.get(a.get_absolute_url()).status_code == 200
        assert c.get(f"/plans/{p.pk}/export.json").status_code == 200
        assert c.get(f"/plans/{p.pk}/revisions/").status_code == 200
        assert c.get(f"/plans/{p.pk}/adopter/").status_code == 200
        r = c.post(f"/plans/{p.pk}/adopter/", {"adopted_on": "2017-06-10", "adopted_by": "AGA"})
        assert r.status_code == 302
        a.title = "Changé"; a.save()
        r = c.get(f"/plans/{p.pk}/revisions/")
        assert b"Chang" in r.content
        r = c.post(f"/plans/{p.pk}/revisions/", {"reason": "Réajustement"})
        assert r.status_code == 302, r.content.decode()[-3000:]
        r = c.get(f"/plans/{p.pk}/revisions/")
        assert r.status_code == 200
    assert c.get("/plans/").status_code == 200
    assert c.get("/plans/?organisation=ca-a").status_code == 200
    open("/tmp/rev.html","wb").write(r.content)
