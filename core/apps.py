from django.apps import AppConfig


class CoreConfig(AppConfig):
    """Shared machinery every section may use and that uses none of them: who a visitor is
    (their address behind the proxies), what an anonymous visitor may see, the limits on what
    one person may send, and spreadsheets exported safely."""

    name = "core"
    verbose_name = "Shared machinery"

    def ready(self):
        from core.exports import escape_formulas_in_admin_csv

        escape_formulas_in_admin_csv()
