"""The corbeille of a plan: deleting that can be undone by any editor, for `settings.TRASH_DAYS`.

`trash(plan=..., root=..., ...)` takes an item and everything that would go with it (its
children, its follow-up: status updates, evidence, indicator values, rules, links) out of their
tables in one transaction and keeps them, serialized with their ids, in a `DeletedItem`. Pages,
exports and reports therefore never see them, with no filter to forget. `restore(entry=...)`
puts every row back with the same ids, so history, links and follow-up carry on as before.
`purge(...)` removes entries older than the delay for good; the files their evidence held are
deleted only then, and only once that transaction has committed.

Apps built on plans take part through `plans.signals`: `trashing` may refuse (a locked year),
`restored_from_trash` lets tracking put an action's current state back in step.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from collections.abc import Callable
from typing import Any

from django.apps import apps
from django.conf import settings
from django.core import serializers
from django.core.files.storage import default_storage
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models, router, transaction
from django.db.models.deletion import Collector, ProtectedError, RestrictedError
from django.utils import timezone
from django.utils.translation import gettext as _

from jalon.core.history import stamp

from .models import DeletedItem, Plan
from .signals import restored_from_trash, trashing

#: The evidence model, named by label: plans does not import the apps built on it.
EVIDENCE = "tracking.evidence"


class TrashRefused(Exception):
    """A deletion or a restoration refused, with a message for the person who asked."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class _ExactJSONEncoder(DjangoJSONEncoder):
    """DjangoJSONEncoder keeps milliseconds only; a restored row keeps its exact times."""

    def default(self, o: Any) -> Any:
        if isinstance(o, dt.datetime | dt.time):
            return o.isoformat()
        return super().default(o)


def _removed_rows(collector: Collector) -> tuple[list[models.Model], list[dict[str, Any]]]:
    """Every row the collector would delete (parents first) and the links it would set to null."""
    collector.sort()
    rows: list[models.Model] = []
    # The collector may hold rows with deferred fields: read them again whole, one query per model.
    for model in reversed(list(collector.data)):
        pks = [obj.pk for obj in collector.data[model]]
        rows.extend(model._base_manager.using(collector.using).filter(pk__in=pks).order_by("pk"))
    for queryset in collector.fast_deletes:
        model = queryset.model
        rows.extend(
            model._base_manager.using(collector.using)
            .filter(pk__in=list(queryset.values_list("pk", flat=True)))
            .order_by("pk")
        )
    links = []
    for (field, value), groups in collector.field_updates.items():
        if value is not None:
            continue
        for group in groups:
            for obj in group:  # type: ignore[attr-defined]
                links.append(
                    {
                        "model": obj._meta.label_lower,
                        "pk": obj.pk,
                        "field": field.attname,
                        "value": getattr(obj, field.attname),
                    }
                )
    return rows, links


@transaction.atomic
def trash(
    *, plan: Plan, root: models.Model, kind: str, label: str, user: Any, reason: str = ""
) -> DeletedItem:
    """Move `root` and everything that goes with it to the plan's corbeille."""
    model = type(root)
    root_pk = root.pk  # the collector sets it to None once deleted
    collector = Collector(using=router.db_for_write(model), origin=root)
    try:
        collector.collect([root])
    except (ProtectedError, RestrictedError):
        raise TrashRefused(
            _("Cet élément ne peut pas être supprimé : d'autres données du suivi en dépendent.")
        ) from None
    rows, links = _removed_rows(collector)
    trashing.send(sender=model, plan=plan, rows=rows)
    payload = json.dumps(
        {
            "root": {"model": model._meta.label_lower, "pk": root_pk},
            "rows": serializers.serialize("python", rows),
            "links": links,
        },
        cls=_ExactJSONEncoder,
    )
    counts = Counter(row._meta.label_lower for row in rows)
    # History records who deleted each row of the subtree, not only its top.
    for instances in collector.data.values():
        for instance in instances:
            stamp(instance, by=user, reason=reason)
    collector.delete()
    return DeletedItem.objects.create(
        plan=plan,
        kind=kind,
        item_pk=root_pk,
        label=label[:300],
        payload=payload,
        counts=dict(counts),
        reason=reason.strip(),
        deleted_by=user if getattr(user, "is_authenticated", False) else None,
        deleted_at=timezone.now(),
    )


def _model_from_label(label: str) -> type[models.Model]:
    return apps.get_model(label)


def _save_quietly(instance: models.Model) -> None:
    """Insert without a history record (`_write_history` writes it once all rows are back)."""
    instance.skip_history_when_saving = True  # type: ignore[attr-defined]
    try:
        instance.save(force_insert=True)
    finally:
        del instance.skip_history_when_saving  # type: ignore[attr-defined]


def _write_history(instances: list[models.Model]) -> None:
    for instance in instances:
        manager_name = getattr(type(instance)._meta, "simple_history_manager_attribute", None)
        if manager_name:
            getattr(type(instance), manager_name).bulk_history_create([instance])


def _keep_creation_dates(rows: list[dict[str, Any]]) -> None:
    """Saving sets auto_now_add fields to now: give restored rows back their creation dates."""
    for row in rows:
        model = _model_from_label(row["model"])
        auto = [
            f
            for f in model._meta.concrete_fields
            if getattr(f, "auto_now_add", False) and row["fields"].get(f.name)
        ]
        if auto:
            values = {f.attname: f.to_python(row["fields"][f.name]) for f in auto}
            model._base_manager.filter(pk=row["pk"]).update(**values)


@transaction.atomic
def restore(
    *,
    entry: DeletedItem,
    user: Any,
    reason: str = "",
    check_parent: Callable[[models.Model], None] | None = None,
) -> models.Model:
    """Put back every row of `entry` with its ids; the entry leaves the corbeille.

    `check_parent(root)` refuses (TrashRefused) when the root has nowhere to go back to.
    """
    current = DeletedItem.objects.select_for_update().filter(pk=entry.pk).first()
    if current is None:
        raise TrashRefused(_("Cet élément a déjà été rétabli ou retiré de la corbeille."))
    data = json.loads(current.payload)
    root_model = _model_from_label(data["root"]["model"])
    root_pk = data["root"]["pk"]
    if root_model._base_manager.filter(pk=root_pk).exists():
        raise TrashRefused(_("Cet élément a déjà été rétabli."))
    objects = [
        found.object
        for found in serializers.deserialize("python", data["rows"], ignorenonexistent=True)
    ]
    root = next(o for o in objects if type(o) is root_model and o.pk == root_pk)
    if check_parent is not None:
        check_parent(root)
    objects = _still_linkable(objects, root)
    said = reason.strip() or _("Rétabli de la corbeille")
    for obj in objects:
        stamp(obj, by=user, reason=said)
        _save_quietly(obj)
    # Children's records first: an item's restored record then sees its restored children.
    _write_history(list(reversed(objects)))
    _keep_creation_dates(data["rows"])
    for link in data["links"]:
        model = _model_from_label(link["model"])
        model._base_manager.filter(pk=link["pk"]).update(**{link["field"]: link["value"]})
    current.delete()
    restored_from_trash.send(sender=root_model, plan=current.plan, rows=objects, user=user)
    root.refresh_from_db()
    return root


def _still_linkable(objects: list[models.Model], root: models.Model) -> list[models.Model]:
    """The rows that can go back: links to what has gone meanwhile are dropped or emptied.

    An activity's link to an action deleted since (a many-to-many row) is left out; an optional
    link (a notice's update) is emptied; a required link to something gone refuses the restore.
    """
    coming = {(type(o), o.pk) for o in objects}
    wanted: dict[type[models.Model], set[Any]] = {}
    for obj in objects:
        for field in obj._meta.concrete_fields:
            value = getattr(obj, field.attname) if field.is_relation else None
            target: Any = field.related_model
            if value is not None and target is not None and (target, value) not in coming:
                wanted.setdefault(target, set()).add(value)
    present = {
        model: set(model._base_manager.filter(pk__in=pks).values_list("pk", flat=True))
        for model, pks in wanted.items()
    }
    kept = []
    for obj in objects:
        keep = True
        for field in obj._meta.concrete_fields:
            target = field.related_model
            value = getattr(obj, field.attname) if field.is_relation else None
            if value is None or target is None or (target, value) in coming:
                continue
            if value in present.get(target, set()):
                continue
            if obj._meta.auto_created:
                keep = False
            elif field.null:
                setattr(obj, field.attname, None)
            elif obj is root:
                raise TrashRefused(
                    _(
                        "L'élément qui le contenait a été supprimé entre-temps : "
                        "rétablissez d'abord celui-ci."
                    )
                )
            else:
                keep = False
        if keep:
            kept.append(obj)
    return kept


def held_files(entry: DeletedItem) -> list[str]:
    """The stored file names the entry's evidence rows point to."""
    rows = json.loads(entry.payload)["rows"]
    return [
        str(row["fields"]["file"])
        for row in rows
        if row["model"] == EVIDENCE and row["fields"].get("file")
    ]


def expired(*, now: dt.datetime | None = None) -> models.QuerySet[DeletedItem]:
    """Entries older than `settings.TRASH_DAYS` days."""
    moment = now or timezone.now()
    return DeletedItem.objects.filter(
        deleted_at__lt=moment - dt.timedelta(days=settings.TRASH_DAYS)
    )


@transaction.atomic
def purge(*, now: dt.datetime | None = None, entries: Any = None) -> int:
    """Remove expired entries (or the ones given) for good; their files go once this commits."""
    chosen = list((expired(now=now) if entries is None else entries).select_for_update())
    files = [name for entry in chosen for name in held_files(entry)]
    DeletedItem.objects.filter(pk__in=[e.pk for e in chosen]).delete()

    def _delete_files() -> None:
        for name in files:
            default_storage.delete(name)

    transaction.on_commit(_delete_files)
    return len(chosen)
