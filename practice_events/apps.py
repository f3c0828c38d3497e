from django.apps import AppConfig


class EventsConfig(AppConfig):
    name = "practice_events"
    verbose_name = "Groups and events"
