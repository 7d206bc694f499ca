"""Signals the plans app sends, so that apps built on it can react without plans knowing them."""

from django.dispatch import Signal

# Sent by services.create_plan_from_draft once the whole tree is written, inside its transaction.
# Arguments: plan (the new Plan), draft (the PlanDraft it came from).
plan_created_from_draft = Signal()
