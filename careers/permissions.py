"""Who may see job applications: only staff given the “view” (or “change”) permission on job
applications, for example through the “Hiring managers” group. Nobody adds one in the admin:
applications come only from the public form."""

from wagtail_modeladmin.helpers import PermissionHelper


class ApplicationPermissionHelper(PermissionHelper):
    def user_can_view(self, user):
        return user.is_active and (
            self.user_has_specific_permission(user, self.get_perm_codename("view"))
            or self.user_has_specific_permission(user, self.get_perm_codename("change"))
        )

    def user_can_list(self, user):
        return self.user_can_view(user)

    def user_can_inspect_obj(self, user, obj):
        return self.inspect_view_enabled and self.user_can_view(user)

    def user_can_create(self, user):
        return False

    def user_can_copy_obj(self, user, obj):
        return False
