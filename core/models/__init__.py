from .approaches import Approach
from .review import ReviewedPage
from .site_settings import PracticeSettings
from .site_text import SiteText
from .synonyms import SynonymGroup
from .taxonomy import Language, Term

__all__ = [
    "Approach",
    "Language",
    "PracticeSettings",
    "ReviewedPage",
    "SiteText",
    "SynonymGroup",
    "Term",
]
