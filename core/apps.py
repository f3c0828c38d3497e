from django.apps import AppConfig


class CoreConfig(AppConfig):
    """Shared machinery every app may use and that uses none of them: the practice's settings
    and the spectrum of approaches, the StreamField blocks, the page cache and the shared
    layout, who a visitor is (their address behind the proxies), what an anonymous visitor may
    see, the limits on what one person may send, structured data, safe spreadsheet exports and
    back-ups."""

    name = "core"
    verbose_name = "Shared machinery"

    def ready(self):
        from core import page_cache_signals
        from core.exports import escape_formulas_in_admin_csv, export_times_in_local_time

        page_cache_signals.connect()
        escape_formulas_in_admin_csv()
        export_times_in_local_time()
