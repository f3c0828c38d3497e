from django.db import models
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel
from wagtail.models import Orderable


class HomeFeaturedMember(Orderable):
    """A clinician the editors chose to show on the home page, in the order they chose, so a
    visitor meets a few faces before looking for the whole team."""

    page = ParentalKey(
        "home.HomePage", on_delete=models.CASCADE, related_name="featured_team_members"
    )
    member = models.ForeignKey(
        "team.TeamMemberPage", on_delete=models.CASCADE, related_name="home_featurings"
    )

    panels = [FieldPanel("member")]

    class Meta(Orderable.Meta):
        verbose_name = "featured team member"
        verbose_name_plural = "featured team members"

    def __str__(self):
        return self.member.title
