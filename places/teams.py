"""Teams: the editors of one hub or organisation change only its services and places.

A ``Team`` links a group of users to organisations. Membership narrows the rights its
members have from their role (Editors, Translators) to the items of those
organisations, in every language: the organisations themselves, their places, their
services (``core.permissions`` applies the narrowing). Residents still read one
directory: teams change nothing outside the admin.

A user in no team keeps their role's rights over everything; a user who may publish
pages (a Moderator) or a superuser is never narrowed.
"""

from django.utils.translation import gettext_lazy as _
from wagtail.permission_policies.pages import PagePermissionPolicy

OTHER_TEAM = _("Choose one of your team's organisations.")


def team_organisation_keys(user):
    """The translation keys of the organisations of ``user``'s teams, or None when the
    user is not narrowed by a team."""
    if not user.is_authenticated or user.is_superuser:
        return None
    if not hasattr(user, "_team_organisation_keys"):
        keys = set(
            user.groups.filter(team__organisations__isnull=False).values_list(
                "team__organisations__translation_key", flat=True
            )
        )
        if keys and PagePermissionPolicy().user_has_permission(user, "publish"):
            keys = set()  # A Moderator sees everything.
        user._team_organisation_keys = keys or None
    return user._team_organisation_keys


class OrganisationScope:
    """What a team member may see and change of a model: the items of their organisations.

    ``field`` names the item's organisation; None when the items are organisations.
    """

    def __init__(self, field=None):
        self.field = field
        self.lookup = f"{field}__translation_key" if field else "translation_key"

    def organisation_of(self, instance):
        return getattr(instance, self.field) if self.field else instance

    def allows(self, user, instance):
        keys = team_organisation_keys(user)
        if keys is None:
            return True
        organisation = self.organisation_of(instance)
        return organisation is not None and organisation.translation_key in keys

    def narrow(self, user, queryset):
        keys = team_organisation_keys(user)
        if keys is None:
            return queryset
        return queryset.filter(**{f"{self.lookup}__in": keys})

    def outside(self, user, queryset):
        """The items of ``queryset`` the user may not see: none when not narrowed."""
        keys = team_organisation_keys(user)
        if keys is None:
            return queryset.none()
        return queryset.exclude(**{f"{self.lookup}__in": keys})


ORGANISATIONS = OrganisationScope()
BY_ORGANISATION = OrganisationScope("organisation")


def limit_to_team(form, field_name="organisation"):
    """A form's organisation field offers only the user's teams' organisations, and is
    required for them (an item of no organisation would escape their team)."""
    keys = team_organisation_keys(form.for_user) if form.for_user else None
    field = form.fields.get(field_name)
    if keys is None or field is None:
        return
    field.queryset = field.queryset.filter(translation_key__in=keys)
    field.required = True
    field.error_messages = {**field.error_messages, "invalid_choice": OTHER_TEAM}
