from .contact import ContactFormField, ContactPage
from .pages import ExplainerPage, GoalsPage, HomePage, StandardPage

__all__ = [
    "ContactFormField",
    "ContactPage",
    "ExplainerPage",
    "GoalsPage",
    "HomePage",
    "StandardPage",
]
