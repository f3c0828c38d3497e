from django.apps import AppConfig


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = "Site core"

    def ready(self):
        from home import page_cache_signals

        page_cache_signals.connect()
