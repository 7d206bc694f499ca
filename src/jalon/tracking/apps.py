from typing import Any

from django.apps import AppConfig


class TrackingConfig(AppConfig):
    name = "jalon.tracking"
    label = "tracking"

    def ready(self) -> None:
        from jalon.plans.signals import plan_created_from_draft  # noqa: PLC0415 (app-loading)

        plan_created_from_draft.connect(
            _record_imported_statuses, dispatch_uid="tracking-initial-statuses"
        )


def _record_imported_statuses(sender: Any, *, plan: Any, draft: Any, **kwargs: Any) -> None:
    """Statuses and progress notes that came with a document become the actions' first updates."""
    if not any(a.status or a.progress_note for a in draft.iter_actions()):
        return  # nothing to record: no query spent
    from .services import record_initial_statuses  # noqa: PLC0415 (app-loading)

    record_initial_statuses(plan=plan)
