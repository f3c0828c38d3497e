from .approaches import Approach
from .contact import ContactFormField, ContactPage
from .pages import ExplainerPage, GoalsPage, HomePage
from .site_settings import PracticeSettings

__all__ = [
    "Approach",
    "ContactFormField",
    "ContactPage",
    "ExplainerPage",
    "GoalsPage",
    "HomePage",
    "PracticeSettings",
]
