from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "jalon.reports"
    label = "reports"
