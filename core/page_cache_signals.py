"""When editors change what visitors see, the kept anonymous pages are cleared
(core/page_cache.py explains why all of them at once)."""

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
from wagtail.documents.models import AbstractDocument
from wagtail.images.models import AbstractImage
from wagtail.models import Locale, Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move
from wagtail.snippets.models import get_snippet_models

from core import page_cache

# Models outside the page tree whose changes show on pages: the practice's settings (crisis
# lines, footer), snippets (approaches, team specialties, the library's taxonomies), images,
# documents, view restrictions (a page made private leaves menus, listings and counts), and the
# sites and languages every address is found by (core/routing.py).
SHOWN_ON_PAGES = (
    BaseSiteSetting,
    BaseGenericSetting,
    AbstractImage,
    AbstractDocument,
    PageViewRestriction,
    Site,
    Locale,
)


def clear_pages(**kwargs):
    page_cache.clear()
    # Again once the change is committed: a visit rendered between the first clear and the
    # commit would otherwise keep the old content.
    transaction.on_commit(page_cache.clear)


def shown_on_pages(sender):
    return issubclass(sender, SHOWN_ON_PAGES) or sender in get_snippet_models()


# Wagtail fills these in on first use while rendering a page; they change nothing visitors see.
BOOKKEEPING_FIELDS = frozenset({"file_size", "file_hash"})


# What Wagtail writes on a page's row when an editor saves a draft or locks the page: nothing
# visitors see changes (a draft shows only once it is published, which clears the pages).
PAGE_DRAFT_FIELDS = frozenset(
    {
        "wagtail_admin_comments",
        "latest_revision",
        "latest_revision_created_at",
        "draft_title",
        "has_unpublished_changes",
        "locked",
        "locked_at",
        "locked_by",
    }
)


def clear_pages_for_content(sender, update_fields=None, **kwargs):
    if update_fields and set(update_fields) <= BOOKKEEPING_FIELDS:
        return
    if issubclass(sender, Page):
        # A page saved outside publishing (a script, a command) may change a live title or
        # menu setting.
        if not (update_fields and set(update_fields) <= PAGE_DRAFT_FIELDS):
            clear_pages()
    elif shown_on_pages(sender):
        clear_pages()


def clear_pages_for_deleted_page(sender, instance, **kwargs):
    if isinstance(instance, Page):
        clear_pages()


def connect():
    page_published.connect(clear_pages, dispatch_uid="page_cache_published")
    page_unpublished.connect(clear_pages, dispatch_uid="page_cache_unpublished")
    post_page_move.connect(clear_pages, dispatch_uid="page_cache_moved")
    post_delete.connect(clear_pages_for_deleted_page, dispatch_uid="page_cache_page_deleted")
    post_save.connect(clear_pages_for_content, dispatch_uid="page_cache_content_saved")
    post_delete.connect(clear_pages_for_content, dispatch_uid="page_cache_content_deleted")
