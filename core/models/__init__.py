from .approaches import Approach
from .site_settings import PracticeSettings

__all__ = ["Approach", "PracticeSettings"]
