"""Documents → draft plans (pure Python: knows nothing of Django models)."""
