from .featured import HomeFeaturedMember
from .pages import CARD_PHOTO, PROFILE_PHOTO, TeamIndexPage, TeamMemberPage, with_card_details
from .taxonomy import SessionFormat, Specialty

__all__ = [
    "CARD_PHOTO",
    "PROFILE_PHOTO",
    "HomeFeaturedMember",
    "SessionFormat",
    "Specialty",
    "TeamIndexPage",
    "TeamMemberPage",
    "with_card_details",
]
