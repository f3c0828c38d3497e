"""Template tags for showing clinicians outside the team's own pages."""

from django import template
from django.db.models import Prefetch
from wagtail.images import get_image_model

from core.visibility import listing_url, visible_among
from team.models import CARD_PHOTO, TeamMemberPage

register = template.Library()


@register.simple_tag(takes_context=True)
def featured_team_members(context, page):
    """The clinicians the editors featured on `page` that anyone may see, in their order, and
    the address of the whole team, in a fixed number of queries. Works in preview too, where the
    choices are not saved yet (so which members are visible is asked of their ids)."""
    request = context.get("request")
    rendition_model = get_image_model().get_rendition_model()
    featured = (
        page.featured_team_members.all()
        .select_related("member", "member__photo")
        .prefetch_related(
            Prefetch(
                "member__photo__renditions",
                queryset=rendition_model.objects.filter(filter_spec__in=CARD_PHOTO),
            )
        )
    )
    chosen = [item.member for item in featured if item.member is not None]
    visible = set()
    if chosen:
        visible = set(visible_among(TeamMemberPage, chosen).values_list("pk", flat=True))
    members, seen = [], set()
    for member in chosen:
        if member.pk in visible and member.pk not in seen:
            seen.add(member.pk)
            members.append(member)
    # Clinicians live directly under the team index: no query for the parent page.
    team_url = listing_url(members[0], request) if members else ""
    return {"members": members, "team_url": team_url}
