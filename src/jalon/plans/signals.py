"""Signals the plans app sends, so that apps built on it can react without plans knowing them."""

from django.dispatch import Signal

# Sent by services.create_plan_from_draft once the whole tree is written, inside its transaction.
# Arguments: plan (the new Plan), draft (the PlanDraft it came from).
plan_created_from_draft = Signal()

# Sent by plans.trash.trash before anything is removed, inside its transaction. Arguments: plan,
# rows (every model instance about to go to the corbeille, parents first). A receiver refuses
# by raising plans.trash.TrashRefused (tracking: a locked year's records).
trashing = Signal()

# Sent by plans.trash.restore once the rows are back, inside its transaction. Arguments: plan,
# rows (the restored instances), user (who restores). A receiver may refuse as above. Tracking puts an action's current state back in step.
restored_from_trash = Signal()
