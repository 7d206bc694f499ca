"""factory_boy factories shared by every app's tests."""

from __future__ import annotations

import factory
from django.utils.text import slugify

from jalon.accounts.enums import Role
from jalon.accounts.models import Membership, User
from jalon.network.enums import MemberStatus, OrganizationKind
from jalon.network.models import Organization, Region, Theme
from jalon.plans.models import (
    Action,
    ActionActor,
    ExpectedResult,
    Indicator,
    Objective,
    Orientation,
    Plan,
)

PASSWORD = "mot-de-passe-test-1"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"usager{n}")
    email = factory.LazyAttribute(lambda o: f"{o.username}@exemple.org")
    first_name = "Marie"
    last_name = factory.Sequence(lambda n: f"Gagnon{n}")
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def _save(obj, create, extracted, **kwargs):
        if create:
            obj.save()


def region(code: str = "04") -> Region:
    return Region.objects.get(code=code)


class ThemeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Theme
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Thème {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.name))


class OrganizationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organization

    name = factory.Sequence(lambda n: f"Table de développement social {n}")
    acronym = factory.Sequence(lambda n: f"TDS{n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.acronym or o.name))
    kind = OrganizationKind.REGIONAL
    member_status = MemberStatus.MEMBER
    region = factory.LazyFunction(lambda: Region.objects.get(code="04"))


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    organization = factory.SubFactory(OrganizationFactory)
    role = Role.READER


class PlanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Plan

    organization = factory.SubFactory(OrganizationFactory)
    title = factory.Sequence(lambda n: f"Plan d'action 2017-2022 ({n})")
    period_start = factory.LazyFunction(lambda: __import__("datetime").date(2017, 7, 1))
    period_end = factory.LazyFunction(lambda: __import__("datetime").date(2022, 6, 30))


class OrientationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Orientation

    plan = factory.SubFactory(PlanFactory)
    code = factory.Sequence(lambda n: str(n + 1))
    title = factory.Sequence(lambda n: f"Soutenir les démarches régionales {n}")
    order = factory.Sequence(lambda n: n)


class ObjectiveFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Objective

    orientation = factory.SubFactory(OrientationFactory)
    plan = factory.LazyAttribute(lambda o: o.orientation.plan)
    code = factory.Sequence(lambda n: f"P{n + 1}")
    kind = "principal"
    title = factory.Sequence(lambda n: f"Outiller les membres {n}")
    order = factory.Sequence(lambda n: n)


class ActionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Action

    objective = factory.SubFactory(ObjectiveFactory)
    plan = factory.LazyAttribute(lambda o: o.objective.plan)
    code = factory.Sequence(lambda n: str(n + 1))
    title = factory.Sequence(lambda n: f"Organiser des rencontres d'échange {n}")
    order = factory.Sequence(lambda n: n)
    schedule_years = [1, 2, 3]


class ActionActorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ActionActor

    action = factory.SubFactory(ActionFactory)
    name = "Coordination"


class ExpectedResultFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ExpectedResult

    action = factory.SubFactory(ActionFactory)
    text = "Les membres se connaissent mieux"


class IndicatorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Indicator

    action = factory.SubFactory(ActionFactory)
    plan = factory.LazyAttribute(lambda o: o.action.plan)
    kind = "MO"
    text = "8 rencontres annuelles"
