"""Surveys whose answers become a plan's indicators (issue 12)."""
