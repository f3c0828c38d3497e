"""Publishing a page's live content again with one change the admin makes for the editor
(closing an opening now, marking a page reviewed): never over a draft, a lock, or a page that
is not published, and never a server error when the page no longer passes its own checks."""

from django.core.exceptions import ValidationError


def refusal(page, user, *, action, with_draft):
    """Why `page` cannot be published again now by `user`, or None. `action` completes "Only a
    published page can be …"; `with_draft` is what to tell an editor when a draft waits."""
    if not page.live:
        return f"Only a published page can be {action}: publish it first."
    if page.has_unpublished_changes:
        # Publishing the live content again would bury the draft; publishing the draft would
        # publish changes nobody meant to.
        return with_draft
    lock = page.get_lock()
    if lock and lock.for_user(user):
        return lock.get_message(user)
    return None


def publish_again(page, user, *, changed=True, log_action=False):
    """Publish `page`, with the changes already made to it, as a new revision by `user`. The
    revision, or None when the page no longer validates (the editor must publish it from the
    form, where the errors are shown)."""
    try:
        revision = page.save_revision(user=user, changed=changed, log_action=log_action)
    except ValidationError:
        return None
    revision.publish(user=user, changed=changed)
    return revision
