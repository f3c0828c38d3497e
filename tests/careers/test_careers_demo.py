import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from wagtail.models import GroupPagePermission

from careers import demo
from careers.models import CareersIndexPage, JobPage

pytestmark = pytest.mark.django_db


def test_demo_builds_the_careers_page_with_openings_one_closed():
    index = CareersIndexPage.objects.get()
    assert index.slug == "careers" and index.title == "Come work with us"
    assert index.live and index.show_in_menus
    jobs = {job.slug: job for job in JobPage.objects.child_of(index).live()}
    assert set(jobs) == {"licensed-therapist", "peer-support-specialist", "clinical-intern"}
    assert [slug for slug, job in jobs.items() if not job.is_open] == ["clinical-intern"]
    for job in jobs.values():
        assert job.pay_min > 0 and job.responsibilities and job.qualifications


def test_home_page_links_to_the_careers_page(client):
    assert client.get("/").text.count('href="/careers/"') >= 1


def test_hiring_managers_group_may_read_applications_and_post_openings():
    group = Group.objects.get(name=demo.HIRING_GROUP)
    codenames = set(group.permissions.values_list("codename", flat=True))
    assert {"access_admin", "view_jobapplication", "change_jobapplication"} <= codenames
    assert "add_jobapplication" not in codenames
    page_permissions = set(
        GroupPagePermission.objects.filter(group=group).values_list(
            "permission__codename", flat=True
        )
    )
    assert page_permissions == {"add_page", "change_page", "publish_page"}


def test_demo_can_run_twice_without_duplicates():
    def counts():
        return (
            CareersIndexPage.objects.count(),
            JobPage.objects.count(),
            Group.objects.filter(name=demo.HIRING_GROUP).count(),
            GroupPagePermission.objects.count(),
        )

    before = counts()
    call_command("load_demo_content", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert counts() == before
