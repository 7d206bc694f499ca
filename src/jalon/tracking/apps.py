from django.apps import AppConfig


class TrackingConfig(AppConfig):
    name = "jalon.tracking"
    label = "tracking"
