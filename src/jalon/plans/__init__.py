"""The plan tree, indicator targets, the jalon-plan/1 interchange, the builder and the plan page."""
