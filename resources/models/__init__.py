from .pages import ResourceIndexPage, ResourcePage
from .taxonomy import Audience, ResourceType, Substance, Topic

__all__ = [
    "Audience",
    "ResourceIndexPage",
    "ResourcePage",
    "ResourceType",
    "Substance",
    "Topic",
]
