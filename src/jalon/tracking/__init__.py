"""Statuses over time, indicator values, activity and contact logs, assessments, reminders."""
