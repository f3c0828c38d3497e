from .pages import ResourceIndexPage, ResourcePage
from .taxonomy import Audience, Language, ResourceType, Substance, Topic

__all__ = [
    "Audience",
    "Language",
    "ResourceIndexPage",
    "ResourcePage",
    "ResourceType",
    "Substance",
    "Topic",
]
