from .contact import ContactFormField, ContactPage
from .pages import ExplainerPage, FeesPage, GoalsPage, HomePage, StandardPage

__all__ = [
    "ContactFormField",
    "ContactPage",
    "ExplainerPage",
    "FeesPage",
    "GoalsPage",
    "HomePage",
    "StandardPage",
]
