"""Pages of the follow-up: thin functions that check access, parse a form, call a service, render."""
