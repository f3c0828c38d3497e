from .featured import HomeFeaturedMember
from .pages import (
    CARD_PHOTO,
    PROFILE_PHOTO,
    TeamIndexPage,
    TeamMemberPage,
    TelehealthPage,
    in_language_shown,
    with_card_details,
)
from .taxonomy import LicensedState, SessionFormat, Specialty

__all__ = [
    "CARD_PHOTO",
    "PROFILE_PHOTO",
    "HomeFeaturedMember",
    "LicensedState",
    "SessionFormat",
    "Specialty",
    "TeamIndexPage",
    "TeamMemberPage",
    "TelehealthPage",
    "in_language_shown",
    "with_card_details",
]
