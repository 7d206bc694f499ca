from typing import Any

from django.apps import AppConfig
from django.db.models.signals import post_delete


class TrackingConfig(AppConfig):
    name = "jalon.tracking"
    label = "tracking"

    def ready(self) -> None:
        from jalon.plans.signals import (  # noqa: PLC0415 (app-loading)
            plan_created_from_draft,
            restored_from_trash,
            trashing,
        )

        plan_created_from_draft.connect(
            _record_imported_statuses, dispatch_uid="tracking-initial-statuses"
        )
        trashing.connect(_refuse_locked_rows, dispatch_uid="tracking-locked-trash")
        from jalon.accounts.models import Membership  # noqa: PLC0415 (app-loading)

        post_delete.connect(
            _membership_ended, sender=Membership, dispatch_uid="tracking-membership-ended"
        )
        restored_from_trash.connect(_resync_restored, dispatch_uid="tracking-restored")


def _record_imported_statuses(sender: Any, *, plan: Any, draft: Any, **kwargs: Any) -> None:
    """Statuses and progress notes that came with a document become the actions' first updates."""
    if not any(a.status or a.progress_note for a in draft.iter_actions()):
        return  # nothing to record: no query spent
    from .services import record_initial_statuses  # noqa: PLC0415 (app-loading)

    record_initial_statuses(plan=plan)


def _refuse_locked_rows(sender: Any, *, plan: Any, rows: Any, **kwargs: Any) -> None:
    """A locked year's updates, values and computed figures do not go to the corbeille."""
    from .services import refuse_locked_rows  # noqa: PLC0415 (app-loading)

    refuse_locked_rows(plan=plan, rows=rows)


def _resync_restored(sender: Any, *, plan: Any, rows: Any, user: Any, **kwargs: Any) -> None:
    from .services import resync_restored  # noqa: PLC0415 (app-loading)

    resync_restored(plan=plan, rows=rows, user=user)


def _membership_ended(sender: Any, *, instance: Any, **kwargs: Any) -> None:
    """Someone left an organization: what they followed there stops reaching them."""
    from .services import drop_lost_access  # noqa: PLC0415 (app-loading)

    drop_lost_access(user=instance.user)
